"""Looking up a citizen at the counter: who they are in the store and the files they brought before.

A clerk types or scans a personal ID; the answer is the stored particulars (to fill the form) and the
citizen's recent files, as owner or as the person who submitted them, with how many there are in all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select

from records import audit
from records.citizens import CitizenView
from records.clock import now
from records.files import FileSummary
from records.personal_id import require_id_number
from records.store import citizens_repo, files_repo
from records.store.database import Database
from records.store.models import Citizen, File
from records.users import Actor

MAX_HISTORY = 200  # the most files one lookup hands out; the file list pages through the rest


@dataclass(frozen=True)
class CitizenHistory:
    """A stored citizen and their files (as owner or submitter): the newest ``files`` and the ``total``."""

    citizen: CitizenView
    files: tuple[FileSummary, ...]
    total: int

    def to_json(self) -> dict[str, Any]:
        """The JSON form (the citizen, the files listed, the total count)."""
        return {
            "citizen": self.citizen.to_json(),
            "files": [f.to_json() for f in self.files],
            "total": self.total,
        }


class CitizenService:
    """Finds citizens by their number, with their file history."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def lookup(self, id_number: str, limit: int = 20, actor: Actor | None = None) -> CitizenHistory | None:
        """The citizen with the 12-digit personal ID or 9-digit old ID ``id_number`` and their newest files
        (newest received first, at most ``limit``, itself at most :data:`MAX_HISTORY`), or ``None`` when
        the store does not know the number.

        An ill-formed number raises :class:`~records.errors.InvalidPersonalId`. An old ID may be held by
        more than one stored row (a person first known by it, and later someone recorded with a chip card
        carrying the same old number): the history then covers all of them, as the file list's search for
        that number does, and the citizen shown is the one a registration with that old ID would use (the
        row without a personal ID, else the most recently updated). Given ``actor`` (a person looking the
        citizen up), a lookup that finds someone is in the audit log."""
        number, kind = require_id_number(id_number)
        limit = max(0, min(limit, MAX_HISTORY))
        moment = now()
        with self._db.reading() as uow:
            session = uow.session
            if kind == "personal_id":
                matches = select(Citizen).where(Citizen.personal_id == number)
            else:
                matches = (
                    select(Citizen)
                    .where(Citizen.old_id == number)
                    .order_by(Citizen.personal_id.is_not(None), Citizen.updated_at.desc())
                )
            rows = session.scalars(matches).all()
            if not rows:
                return None
            ids = [row.id for row in rows]
            theirs = or_(File.owner_id.in_(ids), File.submitter_id.in_(ids))
            total = int(session.scalar(select(func.count()).select_from(File).where(theirs)) or 0)
            newest = (
                files_repo.summary_select()
                .where(theirs)
                .order_by(File.received_at.desc(), File.pk.desc())
                .limit(limit)
            )
            files = tuple(files_repo.summary_from_row(row, moment) for row in session.execute(newest))
            history = CitizenHistory(citizens_repo.to_view(rows[0]), files, total)
        if actor is not None:
            with self._db.writing() as uow:
                details = {"files": total}
                audit.append(uow.session, actor, "citizen.looked_up", "citizen", history.citizen.id, details)
                uow.commit()
        return history

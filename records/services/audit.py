"""The audit log as the services hand it out: checking its hash chain, searching it (the supervisor's
view), and the entries about one citizen (a data subject's request, Luật Bảo vệ dữ liệu cá nhân)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select

from records import audit
from records.audit import AuditView, ChainHead, ChainReport
from records.clock import now
from records.errors import InvalidInput, NotFound, StorageUnavailable
from records.personal_id import require_id_number
from records.store.database import Database
from records.store.files_repo import local_day_start
from records.store.models import AuditEntry, Citizen, File
from records.sync import epochs
from records.users import Actor, require_supervisor

MAX_ENTRIES = 10_000  # one page of the supervisor's view at most
SUBJECT_FORMAT = "motcua-audit-subject"


@dataclass(frozen=True)
class AuditFilter:
    """What the supervisor's view of the audit log shows: entries by a user name, an action (or its
    prefix, ``file.``), about an entity id (a file code, a citizen's id), between two local days."""

    username: str | None = None
    action: str | None = None
    entity_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 200
    offset: int = 0


@dataclass(frozen=True)
class SubjectReport:
    """The audit entries about one citizen, written for them."""

    path: Path
    citizen_id: str
    entries: int

    def to_json(self) -> dict[str, Any]:
        """``motcua audit citizen --json``."""
        return {"path": str(self.path), "citizen_id": self.citizen_id, "entries": self.entries}


class AuditService:
    """Read and check the audit log."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def verify(self) -> ChainReport:
        """Recompute the whole chain and compare it with the checkpoints the centre's acknowledgements
        brought back (:func:`records.audit.verify`)."""
        with self._db.reading() as uow:
            session = uow.session
            limits = epochs.checkpoint_limits(epochs.lineage(session))
            expected, skipped = audit.checkpoints(session, limits)
            return audit.verify(session, expected, skipped)

    def head(self) -> ChainHead:
        """The chain's newest entry."""
        with self._db.reading() as uow:
            return audit.head(uow.session)

    def search(self, actor: Actor, query: AuditFilter) -> list[AuditView]:
        """The entries matching ``query``, newest first (supervisors and administrators only)."""
        require_supervisor(actor, "read the audit log")
        if not 1 <= query.limit <= MAX_ENTRIES or query.offset < 0:
            raise InvalidInput(f"limit must be 1 to {MAX_ENTRIES}", field="limit")
        stmt = select(AuditEntry).order_by(AuditEntry.seq.desc())
        if query.username:  # what the user did, and what was tried with their name (wrong passwords, locks)
            name = query.username.strip().lower()
            stmt = stmt.where(
                or_(
                    AuditEntry.username == name,
                    and_(AuditEntry.entity == "user", AuditEntry.entity_id == name),
                )
            )
        if query.action:
            action = query.action.strip()
            stmt = stmt.where(
                AuditEntry.action.startswith(action, autoescape=True)
                if action.endswith(".")
                else AuditEntry.action == action
            )
        if query.entity_id:
            stmt = stmt.where(AuditEntry.entity_id.in_(self._entity_keys(query.entity_id.strip())))
        if query.date_from:
            stmt = stmt.where(AuditEntry.at >= local_day_start(query.date_from))
        if query.date_to:
            stmt = stmt.where(AuditEntry.at < local_day_start(query.date_to + timedelta(days=1)))
        with self._db.reading() as uow:
            rows = uow.session.scalars(stmt.limit(query.limit).offset(query.offset))
            return [_view(row) for row in rows]

    def _entity_keys(self, text: str) -> list[str]:
        """What an entity filter matches: the text itself, and for a personal (or old) ID the ids of the
        citizens holding it."""
        keys = [text]
        if text.isdigit() and len(text) in (9, 12):
            column = Citizen.personal_id if len(text) == 12 else Citizen.old_id
            with self._db.reading() as uow:
                keys += [str(i) for i in uow.session.scalars(select(Citizen.id).where(column == text))]
        return keys

    def about_citizen(self, actor: Actor, id_number: str) -> tuple[str, list[AuditView]]:
        """Every entry about the citizen with this personal (or old) ID — their lookups, their files' every
        change, print and opening — oldest first (supervisors and administrators only)."""
        require_supervisor(actor, "read the audit log")
        number, kind = require_id_number(id_number)
        column = Citizen.personal_id if kind == "personal_id" else Citizen.old_id
        with self._db.reading() as uow:
            session = uow.session
            ids = list(session.scalars(select(Citizen.id).where(column == number)))
            if not ids:
                raise NotFound(f"no citizen with the number {number}")
            codes = list(
                session.scalars(
                    select(File.code).where(or_(File.owner_id.in_(ids), File.submitter_id.in_(ids)))
                )
            )
            keys = [str(i) for i in ids] + codes
            rows = session.scalars(
                select(AuditEntry).where(AuditEntry.entity_id.in_(keys)).order_by(AuditEntry.seq)
            )
            return str(ids[0]), [_view(row) for row in rows]

    def export_about_citizen(self, actor: Actor, id_number: str, out: Path) -> SubjectReport:
        """Write the entries about one citizen to ``out`` (JSON, under a temporary name then renamed), for
        a data subject's request; the export itself is in the audit log."""
        if not out.parent.is_dir():
            raise InvalidInput(f"{out.parent} is not a folder", field="out", reason="not_a_folder")
        citizen_id, entries = self.about_citizen(actor, id_number)
        document = {
            "format": SUBJECT_FORMAT,
            "generated_at": now().isoformat(),
            "citizen_id": citizen_id,
            "entries": [e.to_json() for e in entries],
        }
        temporary = out.with_name(out.name + ".partial")
        try:
            with open(temporary, "w", encoding="utf-8") as handle:
                json.dump(document, handle, ensure_ascii=False, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, out)
        except OSError as exc:
            raise StorageUnavailable(f"cannot write {out}: {exc.strerror or exc}") from None
        finally:
            temporary.unlink(missing_ok=True)
        with self._db.writing() as uow:
            details = {"entries": len(entries), "path": str(out)}
            audit.append(uow.session, actor, "audit.subject_exported", "citizen", citizen_id, details)
            uow.commit()
        return SubjectReport(out, citizen_id, len(entries))


def _view(entry: AuditEntry) -> AuditView:
    return AuditView(
        entry.seq,
        entry.at,
        entry.username,
        entry.workstation,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.details or {},
    )

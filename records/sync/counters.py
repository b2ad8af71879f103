"""The numbers a restored workstation must not hand out again: file codes and register entries.

A store restored from an older backup has its counters as they were then (``file_code_counters``: codes
issued per day; ``register_counters``: the last entry of each register book and year). The files registered
between the backup and the restore hold the numbers that follow — files the centre may hold, and whose
codes the citizens hold on their receipts. Two ways bring the counters past them:

* the restore (:meth:`records.services.backups.BackupService.restore`) raises the restored counters to
  those of the store it replaces, when that store can still be read;
* the centre's acknowledgement carries what it holds of the workstation (``counters``: files per day of
  receipt, the last register entry per year and book) and ``motcua import-ack`` raises the counters to
  them. After a restore from a lost disk, take a fresh acknowledgement before registering files.

Counters only ever go up here: a number skipped is a gap, a number reused is two files with one code.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from records.clock import local, now
from records.store.models import File, FileCodeCounter, RegisterCounter

DAYS = 400  # days of file codes an acknowledgement covers (a restore from an older backup is not expected)


@dataclass(frozen=True)
class Counters:
    """File codes issued per (agency, workstation, day) and the last entry per (register year, book)."""

    file_codes: dict[tuple[str, int, date], int] = field(default_factory=dict)
    register: dict[tuple[int, int], int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """An acknowledgement's ``counters`` (for one workstation: agency and number are the ack's)."""
        return {
            "file_codes": [
                {"day": day.isoformat(), "issued": n} for (_a, _w, day), n in sorted(self.file_codes.items())
            ],
            "register": [
                {"year": year, "book": book, "last_entry": n}
                for (year, book), n in sorted(self.register.items())
            ],
        }

    @classmethod
    def from_json(cls, data: Any, agency: str, workstation: int) -> Counters:
        """An acknowledgement's ``counters`` for ``agency``'s ``workstation`` (``TypeError``/``ValueError``
        when malformed)."""
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise TypeError(data)
        codes = {
            (agency, workstation, date.fromisoformat(_text(i["day"]))): _count(i["issued"])
            for i in data.get("file_codes") or []
        }
        register = {
            (_count(i["year"]), _count(i["book"])): _count(i["last_entry"])
            for i in data.get("register") or []
        }
        return cls(codes, register)


def read(session: Session) -> Counters:
    """Every counter of the store."""
    codes = {
        (str(a), int(w), d): int(n)
        for a, w, d, n in session.execute(
            select(
                FileCodeCounter.agency_code,
                FileCodeCounter.workstation,
                FileCodeCounter.day,
                FileCodeCounter.issued,
            )
        )
    }
    register = {
        (int(y), int(b)): int(n)
        for y, b, n in session.execute(
            select(RegisterCounter.year, RegisterCounter.book, RegisterCounter.last_entry)
        )
    }
    return Counters(codes, register)


def raise_to(session: Session, counters: Counters) -> int:
    """Raise the store's counters to at least ``counters``; how many went up."""
    raised = 0
    for (agency, workstation, day), issued in counters.file_codes.items():
        row = session.get(FileCodeCounter, (agency, workstation, day))
        if row is None:
            session.add(FileCodeCounter(agency_code=agency, workstation=workstation, day=day, issued=issued))
            raised += 1
        elif row.issued < issued:
            row.issued = issued
            raised += 1
    for (year, book), last in counters.register.items():
        entry = session.get(RegisterCounter, (year, book))
        if entry is None:
            session.add(RegisterCounter(year=year, book=book, last_entry=last))
            raised += 1
        elif entry.last_entry < last:
            entry.last_entry = last
            raised += 1
    session.flush()
    return raised


def held_at_centre(session: Session, agency: str, workstation: int) -> Counters:
    """What the centre holds of one workstation's numbers: its files per local day of receipt (the last
    :data:`DAYS` days) and the last register entry of each of its books and years."""
    since = now() - timedelta(days=DAYS)
    days = Counter(
        local(at).date()
        for at in session.scalars(
            select(File.received_at).where(
                File.agency_code == agency, File.workstation == workstation, File.received_at >= since
            )
        )
    )
    register = {
        (int(y), int(b)): int(n)
        for y, b, n in session.execute(
            select(File.register_year, File.register_book, func.max(File.register_entry))
            .where(File.agency_code == agency, File.workstation == workstation)
            .group_by(File.register_year, File.register_book)
        )
    }
    return Counters({(agency, workstation, day): n for day, n in days.items()}, register)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError(value)
    return value

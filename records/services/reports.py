"""The supervisor's day: what came in, what went out, what is late, by clerk and by procedure.

Every figure is counted by the database (``COUNT``/``SUM`` over index ranges); only the per-clerk and
per-procedure totals reach Python, never the files themselves, so a store of a million files answers as
fast as a new one.

What is judged "now" follows the file list: a file is overdue when its processing clock runs
(:data:`~records.workflow.CLOCK_RUNNING`) and its due date is past. For a past day the moment of judgement
is the end of that day, but the status is today's: a file that was late that evening and has been
finished since is no longer counted (the store keeps no status per day, only the events).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, case, func, literal, select, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from records import audit
from records.clock import iso, local, now
from records.errors import InvalidInput
from records.store.database import Database
from records.store.files_repo import local_day_start
from records.store.models import DayClosing, File, Procedure, User
from records.text import fold
from records.users import SYSTEM_USERNAME, Actor, require_supervisor
from records.workflow import CLOCK_RUNNING, PROCESSING_DONE


@dataclass(frozen=True)
class ClerkDay:
    """One clerk's day: the files they received and returned that day, and how many of all the files
    they ever received are overdue. ``full_name`` is ``None`` for the built-in system account (command-line
    registrations); ``user_id`` and ``username`` are ``None`` for files whose clerk is not recorded."""

    user_id: str | None
    username: str | None
    full_name: str | None
    received: int
    returned: int
    overdue: int

    def to_json(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "user_id": self.user_id,
            "username": self.username,
            "full_name": self.full_name,
            "received": self.received,
            "returned": self.returned,
            "overdue": self.overdue,
        }


@dataclass(frozen=True)
class ProcedureDay:
    """One procedure's day: files received and returned that day, and its files overdue."""

    code: str
    name: str
    received: int
    returned: int
    overdue: int

    def to_json(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "code": self.code,
            "name": self.name,
            "received": self.received,
            "returned": self.returned,
            "overdue": self.overdue,
        }


@dataclass(frozen=True)
class DaySummary:
    """The figures of one local (Vietnam) day, judged at the moment ``at``.

    ``finished`` counts every file whose handling ended that day (result ready, refused, withdrawn,
    stopped); ``finished_on_time`` and ``finished_late`` count those with a result (ready or returned) and
    a due date, judged as the file list judges them (:func:`records.files.timing_of`: on time up to the due
    moment itself, early included), ``finished_with_due`` both together; ``on_time_rate`` is on time over
    ``finished_with_due``, ``None`` when no result was judged that day."""

    day: date
    at: datetime
    received: int
    due_today: int
    overdue: int
    returned: int
    finished: int
    finished_on_time: int
    finished_late: int
    finished_with_due: int  # the results judged: on time + late (the rate's denominator)
    on_time_rate: float | None
    by_clerk: tuple[ClerkDay, ...]
    by_procedure: tuple[ProcedureDay, ...]
    closed_at: datetime | None = None  # when a supervisor closed the day (chốt sổ), if one did
    closed_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON form (dates in ISO 8601, the moment in Vietnam's time)."""
        return {
            "day": self.day.isoformat(),
            "at": iso(self.at),
            "received": self.received,
            "due_today": self.due_today,
            "overdue": self.overdue,
            "returned": self.returned,
            "finished": self.finished,
            "finished_on_time": self.finished_on_time,
            "finished_late": self.finished_late,
            "finished_with_due": self.finished_with_due,
            "on_time_rate": self.on_time_rate,
            "by_clerk": [c.to_json() for c in self.by_clerk],
            "by_procedure": [p.to_json() for p in self.by_procedure],
            "closed_at": iso(self.closed_at) if self.closed_at else None,
            "closed_by": self.closed_by,
        }


class ReportService:
    """Counts for the supervisor's screen."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def day(self, day: date) -> DaySummary:
        """The summary of the local day ``day``: judged now for today, at the day's end for a past day
        (and now for a day still to come)."""
        start = local_day_start(day)
        end = local_day_start(day + timedelta(days=1))
        at = min(now(), end)
        with self._db.reading() as uow:
            session = uow.session
            clerks, procedures = _breakdowns(session, start, end, at)
            due_today = _count(session, _running(), File.due_at >= start, File.due_at < end)
            finished, on_time, late = _finished(session, start, end)
            closing = session.get(DayClosing, day)
            closed_at, closed_by = (closing.closed_at, closing.closed_by_name) if closing else (None, None)
        judged = on_time + late
        return DaySummary(
            day=day,
            at=at,
            received=sum(c.received for c in clerks),
            due_today=due_today,
            overdue=sum(c.overdue for c in clerks),
            returned=sum(c.returned for c in clerks),
            finished=finished,
            finished_on_time=on_time,
            finished_late=late,
            finished_with_due=judged,
            on_time_rate=on_time / judged if judged else None,
            by_clerk=tuple(
                sorted(clerks, key=lambda c: (-c.received, fold(c.full_name or c.username or "")))
            ),
            by_procedure=tuple(sorted(procedures, key=lambda p: (-p.received, fold(p.name), p.code))),
            closed_at=closed_at,
            closed_by=closed_by,
        )

    def close_day(self, actor: Actor, day: date) -> DaySummary:
        """Close the local day ``day`` (chốt sổ; supervisors and administrators only): its figures as they
        stand are kept with who closed it and when, and the closing is in the audit log. A day still to
        come, or one already closed, is refused."""
        require_supervisor(actor, "close the day")
        today = local(now()).date()
        if day > today:
            raise InvalidInput(f"{day.isoformat()} has not come yet", field="day", reason="future_day")
        summary = self.day(day)
        if summary.closed_at is not None:
            raise InvalidInput(
                f"{day.isoformat()} was closed by {summary.closed_by} at {iso(summary.closed_at)}",
                field="day",
                reason="already_closed",
            )
        with self._db.writing() as uow:
            session = uow.session
            if session.get(DayClosing, day) is not None:  # closed meanwhile, at another counter
                raise InvalidInput(
                    f"{day.isoformat()} is already closed", field="day", reason="already_closed"
                )
            snapshot = summary.to_json()
            session.add(
                DayClosing(
                    day=day,
                    closed_at=now(),
                    closed_by=uuid.UUID(actor.user_id),
                    closed_by_name=actor.username,
                    summary=snapshot,
                )
            )
            figures = {
                k: snapshot[k] for k in ("received", "returned", "overdue", "finished", "on_time_rate")
            }
            audit.append(session, actor, "day.closed", "day", day.isoformat(), figures)
            uow.commit()
        return self.day(day)


def _clerk_order(clerk: ClerkDay) -> tuple[int, str, str]:
    """Most files received first, then by name (diacritics ignored; the system account by its username)."""
    return (-clerk.received, fold(clerk.full_name or clerk.username or ""), clerk.username or "")


def _running() -> ColumnElement[bool]:
    return File.status.in_([int(s) for s in CLOCK_RUNNING])


def _count(session: Session, *conditions: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.count()).select_from(File).where(*conditions)) or 0)


def _breakdowns(
    session: Session, start: datetime, end: datetime, at: datetime
) -> tuple[list[ClerkDay], list[ProcedureDay]]:
    """Received, returned and overdue by clerk and by procedure, from one grouped query: three index
    ranges (received that day, returned that day, overdue at ``at``) flagged and summed per clerk and
    procedure."""

    def flagged(received: int, returned: int, overdue: int, *where: ColumnElement[bool]) -> Any:
        return select(
            File.received_by.label("clerk"),
            File.procedure_code.label("procedure"),
            literal(received, Integer).label("received"),
            literal(returned, Integer).label("returned"),
            literal(overdue, Integer).label("overdue"),
        ).where(*where)

    parts = union_all(
        flagged(1, 0, 0, File.received_at >= start, File.received_at < end),
        flagged(0, 1, 0, File.returned_at >= start, File.returned_at < end),
        flagged(0, 0, 1, _running(), File.due_at < at),
    ).subquery()
    grouped = (
        select(
            parts.c.clerk,
            parts.c.procedure,
            func.sum(parts.c.received).label("received"),
            func.sum(parts.c.returned).label("returned"),
            func.sum(parts.c.overdue).label("overdue"),
        )
        .group_by(parts.c.clerk, parts.c.procedure)
        .subquery()
    )
    stmt = (
        select(
            grouped.c.clerk,
            User.username,
            User.full_name,
            grouped.c.procedure,
            Procedure.name,
            grouped.c.received,
            grouped.c.returned,
            grouped.c.overdue,
        )
        .outerjoin(User, User.id == grouped.c.clerk)
        .join(Procedure, Procedure.code == grouped.c.procedure)
    )
    by_clerk: dict[Any, list[Any]] = {}
    by_procedure: dict[str, list[Any]] = {}
    for clerk, username, full_name, code, name, received, returned, overdue in session.execute(stmt):
        counts = (int(received), int(returned), int(overdue))
        person = by_clerk.setdefault(clerk, [username, full_name, 0, 0, 0])
        procedure = by_procedure.setdefault(code, [name, 0, 0, 0])
        for index, value in enumerate(counts):
            person[2 + index] += value
            procedure[1 + index] += value
    clerks = [
        ClerkDay(
            user_id=str(clerk) if clerk is not None else None,
            username=username,
            # Reports name people, never the built-in account.
            full_name=None if username == SYSTEM_USERNAME else full_name,
            received=received,
            returned=returned,
            overdue=overdue,
        )
        for clerk, (username, full_name, received, returned, overdue) in by_clerk.items()
    ]
    procedures = [
        ProcedureDay(code, name, received, returned, overdue)
        for code, (name, received, returned, overdue) in by_procedure.items()
    ]
    return clerks, procedures


def _finished(session: Session, start: datetime, end: datetime) -> tuple[int, int, int]:
    """Files finished in [start, end): all of them, and those with a result judged on time and late."""
    judged = and_(File.status.in_([int(s) for s in PROCESSING_DONE]), File.due_at.is_not(None))
    stmt = select(
        func.count(),
        func.sum(case((and_(judged, File.finished_at <= File.due_at), 1), else_=0)),
        func.sum(case((and_(judged, File.finished_at > File.due_at), 1), else_=0)),
    ).where(File.finished_at >= start, File.finished_at < end)
    finished, on_time, late = session.execute(stmt).one()
    return int(finished), int(on_time or 0), int(late or 0)

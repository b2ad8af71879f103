"""File queries and number allocation: the file list's and the register's SQL, file codes and register entry
numbers.

Search never sorts or filters in Python: exact lookups go through unique indexes (file code, personal
ID, phone), names through SQLite's FTS5 index of folded names (``files_fts``; a LIKE on the folded text on
other engines), and the newest files come first by the local insertion key ``pk`` unless the list is
sorted on a column (``FileQuery.order_by``), which the database does too.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    and_,
    case,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import QueryableAttribute, Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from records.citizens import normalise_phone
from records.clock import VIETNAM_TZ
from records.errors import InvalidInput, SequenceExhausted
from records.file_codes import FileCodeScheme, looks_like_file_code
from records.files import FileQuery, FileSummary, RegisterEntry, SortKey, timing_of
from records.store import citizens_repo
from records.store.models import Citizen, File, FileCodeCounter, Procedure, RegisterCounter, User
from records.text import fold
from records.users import SYSTEM_USERNAME
from records.workflow import CLOCK_RUNNING, Status

# The FTS5 table is made by the migration (SQLite only); this describes it for queries.
files_fts = Table("files_fts", MetaData(), Column("rowid", Integer), Column("search_text", Text))
# The owner of a file-list row: one alias shared by the SELECT and the sort on the owner's name.
OWNER = aliased(Citizen, name="owner")

_FTS_TOKEN = re.compile(r"[0-9a-z]+")
MAX_CODE_ATTEMPTS = 50


def next_file_code(session: Session, scheme: FileCodeScheme, agency: str, workstation: int, day: date) -> str:
    """The next free file code of ``workstation`` on ``day`` (in the unit of work's write lock)."""
    counter = _locked_counter(
        session, FileCodeCounter, {"agency_code": agency, "workstation": workstation, "day": day, "issued": 0}
    )
    for _ in range(MAX_CODE_ATTEMPTS):
        counter.issued += 1
        code = scheme.code_for(agency, workstation, day, counter.issued)
        # A code can already exist only after a restore from an older backup: skip it, never reuse it.
        if session.scalar(select(File.pk).where(File.code == code)) is None:
            session.flush()
            return code
    raise SequenceExhausted(f"no free file code found for workstation {workstation} on {day.isoformat()}")


def next_register_entry(session: Session, year: int, book: int) -> int:
    """The next entry number of register book ``book`` in ``year`` (continuous from 1 each year)."""
    counter = _locked_counter(session, RegisterCounter, {"year": year, "book": book, "last_entry": 0})
    counter.last_entry += 1
    session.flush()
    return int(counter.last_entry)


def _locked_counter(session: Session, model: Any, values: dict[str, Any]) -> Any:
    """The counter row of ``values``' key, made when missing and locked for this unit of work. Two writers
    making the same new row at once (two copies of the application on one PostgreSQL store) both end up
    with the one row: the insert does nothing when the other's is there, then both lock it in turn."""
    key = tuple(values[c.name] for c in model.__table__.primary_key.columns)
    counter = session.get(model, key, with_for_update=True)
    if counter is not None:
        return counter
    from sqlalchemy.dialects import postgresql, sqlite

    if session.get_bind().dialect.name == "postgresql":
        session.execute(postgresql.insert(model).values(**values).on_conflict_do_nothing())
    else:
        session.execute(sqlite.insert(model).values(**values).on_conflict_do_nothing())
    return session.get(model, key, with_for_update=True, populate_existing=True)


def summary_select() -> Select[*tuple[Any, ...]]:
    """The SELECT behind a file-list row (file, its procedure's name, its owner); read its rows with
    :func:`summary_from_row`."""
    owner = OWNER
    stmt = (
        select(
            File.id,
            File.code,
            File.status,
            File.procedure_code,
            Procedure.name,
            owner.full_name,
            owner.personal_id,
            owner.old_id,
            owner.org_code,
            File.received_at,
            File.due_at,
            File.finished_at,
        )
        .join(owner, owner.id == File.owner_id)
        .join(Procedure, Procedure.code == File.procedure_code)
    )
    return stmt


def summary_from_row(row: Any, moment: datetime) -> FileSummary:
    """A file-list row of :func:`summary_select`, its timing judged at ``moment``."""
    fid, code, status, proc_code, proc_name, name, personal, old, org, received, due, finished = row
    state = Status(status)
    return FileSummary(
        id=str(fid),
        code=code,
        status=state,
        procedure_code=proc_code,
        procedure_name=proc_name,
        owner_name=name,
        owner_id_number=personal or old or org,
        received_at=received,
        due_at=due,
        finished_at=finished,
        timing=timing_of(state, due, finished, moment),
    )


def local_day_start(day: date) -> datetime:
    """Midnight at the start of the local (Vietnam) ``day``, as an aware instant."""
    return datetime(day.year, day.month, day.day, tzinfo=VIETNAM_TZ)


def register_entries(session: Session, date_from: date, date_to: date) -> list[RegisterEntry]:
    """The register's lines of the files received on the local (Vietnam) days ``date_from`` to ``date_to``
    inclusive, in register order (year, book, entry).

    One SELECT of plain columns: the day bounds become UTC instants so the filter uses the index on
    ``files.received_at``, and no ORM object is built, so 10,000 lines take tens of milliseconds."""
    owner = aliased(Citizen, name="owner")
    clerk = aliased(User, name="clerk")
    stmt = (
        select(
            File.register_year,
            File.register_book,
            File.register_entry,
            File.code,
            File.status,
            File.procedure_code,
            Procedure.name,
            File.sets,
            owner.full_name,
            owner.address,
            owner.phone,
            File.received_at,
            File.original_due_at,
            File.due_at,
            File.returned_at,
            File.finished_at,
            File.extension_count,
            # The built-in system account registers from the command line: nobody to name on the form.
            case((clerk.username == SYSTEM_USERNAME, None), else_=clerk.full_name),
            File.note,
        )
        .join(owner, owner.id == File.owner_id)
        .join(Procedure, Procedure.code == File.procedure_code)
        .outerjoin(clerk, clerk.id == File.received_by)
        .where(
            File.received_at >= local_day_start(date_from),
            File.received_at < local_day_start(date_to + timedelta(days=1)),
        )
        .order_by(File.register_year, File.register_book, File.register_entry)
    )
    return [
        RegisterEntry(
            register_year=year,
            register_book=book,
            register_entry=entry,
            code=code,
            status=Status(status),
            procedure_code=procedure_code,
            procedure_name=procedure_name,
            sets=sets,
            owner_name=owner_name,
            owner_address=address,
            owner_phone=phone,
            received_at=received_at,
            appointment=original_due_at or due_at,
            due_at=due_at,
            returned_at=returned_at,
            finished_at=finished_at,
            extension_count=extension_count,
            clerk_name=clerk_name,
            note=note,
        )
        for (
            year,
            book,
            entry,
            code,
            status,
            procedure_code,
            procedure_name,
            sets,
            owner_name,
            address,
            phone,
            received_at,
            original_due_at,
            due_at,
            returned_at,
            finished_at,
            extension_count,
            clerk_name,
            note,
        ) in session.execute(stmt)
    ]


@dataclass(frozen=True)
class FtsMatch:
    """A name search answered by the FTS5 index: the query is driven from it, newest rowid first, so
    FTS5 stops after the page instead of reading every match."""

    expression: str


def text_condition(session: Session, text: str, fts: bool) -> ColumnElement[bool] | FtsMatch | None:
    """The condition for the search box; ``None`` when ``text`` can match nothing."""
    raw = text.strip()
    if not raw:
        return None
    compact = re.sub(r"[\s.]", "", raw)
    if looks_like_file_code(raw):
        return File.code == raw.upper()
    if compact.isdigit() and len(compact) in (12, 9):
        kind = "personal_id" if len(compact) == 12 else "old_id"
        ids = citizens_repo.ids_by_number(session, kind, compact)
        return or_(File.owner_id.in_(ids), File.submitter_id.in_(ids)) if ids else None
    if re.fullmatch(r"\+?[\d\s.()-]{9,}", raw):
        try:
            phone = normalise_phone(raw)
        except InvalidInput:
            phone = None
        if phone:
            ids = citizens_repo.ids_by_number(session, "phone", phone)
            return or_(File.owner_id.in_(ids), File.submitter_id.in_(ids)) if ids else None
    tokens = _FTS_TOKEN.findall(fold(raw))
    if not tokens:
        return None
    if fts:
        match = " AND ".join(f'"{t}"*' for t in tokens)
        return FtsMatch(match)
    return and_(*(File.search_text.contains(t, autoescape=True) for t in tokens))


def _conditions(
    session: Session, query: FileQuery, fts: bool, at: datetime
) -> tuple[list[ColumnElement[bool]], FtsMatch | None] | None:
    """The WHERE conditions of ``query`` on ``files`` (and the FTS5 match of a name search, which needs
    the ``files_fts`` join); ``None`` when nothing can match."""
    conditions: list[ColumnElement[bool]] = []
    if query.statuses:
        conditions.append(File.status.in_([int(s) for s in query.statuses]))
    if query.procedure_code:
        conditions.append(File.procedure_code == query.procedure_code)
    if query.received_from:
        conditions.append(File.received_at >= local_day_start(query.received_from))
    if query.received_to:
        conditions.append(File.received_at < local_day_start(query.received_to + timedelta(days=1)))
    if query.clerk_id:
        conditions.append(File.received_by == uuid.UUID(query.clerk_id))
    if query.due:
        running = File.status.in_([int(s) for s in CLOCK_RUNNING])
        today = at.astimezone(VIETNAM_TZ).date()
        if query.due == "overdue":
            conditions += [running, File.due_at < at]
        elif query.due == "due_today":
            conditions += [
                running,
                File.due_at >= at,
                File.due_at < local_day_start(today + timedelta(days=1)),
            ]
        else:  # near_due: due within the next two calendar days, not yet overdue
            conditions += [
                running,
                File.due_at >= at,
                File.due_at < local_day_start(today + timedelta(days=3)),
            ]
    match: FtsMatch | None = None
    if query.query and query.query.strip():  # a blank search box filters nothing out
        condition = text_condition(session, query.query, fts)
        if condition is None:
            return None
        if isinstance(condition, FtsMatch):
            match = condition
            conditions.append(literal_column("files_fts").op("MATCH")(condition.expression))
        else:
            conditions.append(condition)
    return conditions, match


def _sort_column(key: SortKey) -> QueryableAttribute[Any]:
    """The column a sort key orders by (names by their folded form, as the search compares them)."""
    columns: dict[SortKey, QueryableAttribute[Any]] = {
        "received": File.received_at,
        "due": File.due_at,
        "code": File.code,
        "status": File.status,
        "procedure": Procedure.name_folded,
        "owner": OWNER.name_folded,
    }
    return columns[key]


def filtered(session: Session, query: FileQuery, fts: bool, at: datetime) -> Select[*tuple[Any, ...]] | None:
    """The file-list SELECT for ``query``, sorted (see :class:`FileQuery`) and paged; ``None`` when nothing
    can match.

    Every sort is done by the database: the received moment, the due date, the code and the status on their
    indexes, the owner's and the procedure's names through the join (a sort of the whole list by name reads
    every file: about 0.35 s at 300,000 files); the tie-break on ``pk`` keeps pages stable. ``NULLS LAST``
    needs SQLite 3.30 (2019); the Python 3.11 installers for Windows bundle a newer one."""
    found = _conditions(session, query, fts, at)
    if found is None:
        return None
    conditions, match = found
    stmt = summary_select()
    if match is not None:
        stmt = stmt.join(files_fts, files_fts.c.rowid == File.pk)
    if conditions:
        stmt = stmt.where(and_(*conditions))
    order: list[ColumnElement[Any]]
    if query.order_by is None:
        # Newest registered first; a name search is driven from FTS5 in its rowid order (see FtsMatch).
        order = [files_fts.c.rowid.desc() if match is not None else File.pk.desc()]
    else:
        column = _sort_column(query.order_by)
        first: ColumnElement[Any] = column.desc() if query.descending else column.asc()
        if query.order_by == "due":  # no due date (paused, refused at the counter): last either way
            first = first.nulls_last()
        order = [first, File.pk.desc() if query.descending else File.pk.asc()]
    return stmt.order_by(*order).limit(query.limit).offset(query.offset)


def count_matching(session: Session, query: FileQuery, fts: bool, at: datetime) -> int:
    """How many files match ``query`` (its filters only: no order, no paging)."""
    found = _conditions(session, query, fts, at)
    if found is None:
        return 0
    conditions, match = found
    stmt = select(func.count()).select_from(File)
    if match is not None:
        stmt = stmt.join(files_fts, files_fts.c.rowid == File.pk)
    if conditions:
        stmt = stmt.where(and_(*conditions))
    return int(session.scalar(stmt) or 0)

"""What changed on this workstation, as the rows a bundle carries.

Database triggers (migration 0005) append every insert, update and delete of a synced table to
``sync_changes``; ``seq`` is the workstation's change sequence. A range of it becomes one record per
changed row: the row's current values (``upsert``) or a tombstone (``delete``), the row's latest change in
the range deciding which. Records come in the order the centre applies them (a row's references before
the row). Local-only columns stay home: a password hash, the file list's integer ``pk``.

Values are JSON: UUIDs as text, times as ISO 8601 in UTC, dates as ISO dates.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import Date, DateTime, Table, Uuid, func, select
from sqlalchemy.orm import Session

from records.store.models import (
    Attachment,
    Base,
    Citizen,
    File,
    FileDocument,
    FileEvent,
    FileFee,
    Procedure,
    ProcedureVersion,
    StoredObject,
    SyncChange,
    User,
)

BATCH = 500  # rows read per query


@dataclass(frozen=True)
class SyncedTable:
    """A table that travels in bundles: its key column and the columns that stay on the workstation."""

    model: type[Base]
    key: str
    local_columns: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        """The table's name (the ``entity`` of its changes)."""
        return str(self.model.__tablename__)

    @property
    def table(self) -> Table:
        """The table."""
        table: Table = self.model.__table__  # type: ignore[assignment]
        return table

    def columns(self) -> list[str]:
        """The columns a bundle carries, in table order."""
        return list(self._columns)

    @cached_property
    def _columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.table.columns if c.name not in self.local_columns)

    @cached_property
    def to_json(self) -> Callable[[Any], dict[str, Any]]:
        """A function making a row (a mapping of its columns) into the record's JSON values."""
        converters = [(name, _json_converter(self.table.c[name].type)) for name in self._columns]

        def convert(row: Any) -> dict[str, Any]:
            return {name: (None if row[name] is None else conv(row[name])) for name, conv in converters}

        return convert


# In the order the centre applies them: what a row refers to comes before it.
SYNCED: tuple[SyncedTable, ...] = (
    SyncedTable(User, "id", frozenset({"password_hash"})),
    SyncedTable(Procedure, "code"),
    SyncedTable(ProcedureVersion, "id"),
    SyncedTable(Citizen, "id"),
    SyncedTable(File, "id", frozenset({"pk"})),
    SyncedTable(FileDocument, "id"),
    SyncedTable(FileFee, "id"),
    SyncedTable(FileEvent, "id"),
    SyncedTable(StoredObject, "sha256"),
    SyncedTable(Attachment, "id"),
)
BY_NAME = {table.name: table for table in SYNCED}


@dataclass(frozen=True)
class ChangeRecord:
    """One changed row as a bundle carries it."""

    entity: str
    key: str
    op: str  # "upsert" or "delete"
    seq: int  # the row's latest change in the range
    row: dict[str, Any] | None  # the row's values (None for a delete)

    def to_json(self) -> dict[str, Any]:
        """The record as a line of ``changes.jsonl``."""
        data: dict[str, Any] = {"entity": self.entity, "key": self.key, "op": self.op, "seq": self.seq}
        if self.row is not None:
            data["row"] = self.row
        return data


def last_seq(session: Session) -> int:
    """The workstation's latest change sequence number (0 before any change)."""
    return int(session.scalar(select(func.max(SyncChange.seq))) or 0)


def first_change_at(session: Session, after_seq: int) -> datetime | None:
    """When the oldest change after ``after_seq`` was made (the oldest not yet acknowledged)."""
    return session.scalar(select(func.min(SyncChange.at)).where(SyncChange.seq > after_seq))


def count_changes(session: Session, after_seq: int) -> dict[str, int]:
    """Rows changed after ``after_seq``, by table (each row once)."""
    stmt = (
        select(SyncChange.entity, func.count(func.distinct(SyncChange.row_key)))
        .where(SyncChange.seq > after_seq)
        .group_by(SyncChange.entity)
    )
    return {str(entity): int(count) for entity, count in session.execute(stmt)}


def changed_records(session: Session, seq_from: int, seq_to: int) -> Iterator[ChangeRecord]:
    """The records of the changes ``seq_from`` to ``seq_to`` (inclusive), table by table in apply order.
    A row changed and then deleted in the range is a tombstone; an upserted row that is gone since (its
    delete comes in a later range) is left out."""
    latest = (
        select(SyncChange.entity, SyncChange.row_key, func.max(SyncChange.seq).label("seq"))
        .where(SyncChange.seq >= seq_from, SyncChange.seq <= seq_to)
        .group_by(SyncChange.entity, SyncChange.row_key)
        .subquery()
    )
    stmt = (
        select(latest.c.entity, latest.c.row_key, latest.c.seq, SyncChange.op)
        .join(SyncChange, SyncChange.seq == latest.c.seq)
        .order_by(latest.c.seq)
    )
    pending: dict[str, list[tuple[str, int, str]]] = {table.name: [] for table in SYNCED}
    for entity, row_key, seq, op in session.execute(stmt):
        if entity in pending:
            pending[entity].append((str(row_key), int(seq), str(op)))
    for table in SYNCED:
        changes = pending[table.name]
        for start in range(0, len(changes), BATCH):
            yield from _records(session, table, changes[start : start + BATCH])


def _records(
    session: Session, table: SyncedTable, changes: list[tuple[str, int, str]]
) -> Iterator[ChangeRecord]:
    typed = [(_key_value(table, key), seq, op) for key, seq, op in changes]
    canonical = [(str(value), seq, op) for value, seq, op in typed]
    rows: dict[str, dict[str, Any]] = {}
    wanted = [value for value, _seq, op in typed if op == "upsert"]
    if wanted:
        key_column = table.table.c[table.key]
        columns = [table.table.c[name] for name in table.columns()]
        convert = table.to_json
        for row in session.execute(select(*columns).where(key_column.in_(wanted))).mappings():
            values = convert(row)
            rows[values[table.key]] = values
    for key, seq, op in canonical:
        if op == "delete":
            yield ChangeRecord(table.name, key, "delete", seq, None)
            continue
        found = rows.get(key)
        if found is not None:
            yield ChangeRecord(table.name, key, "upsert", seq, found)


def _key_value(table: SyncedTable, key: str) -> Any:
    """A ``row_key`` as the key column's Python value (UUID keys are stored as 32 or 36 hex digits)."""
    if table.key == "id":
        return uuid.UUID(key)
    return key


def _json_converter(kind: Any) -> Callable[[Any], Any]:
    """How a column's (non-null) values become JSON: :func:`to_json_value`, chosen once per column."""
    if isinstance(kind, Uuid):
        return str
    if isinstance(kind, (DateTime, Date)) or isinstance(getattr(kind, "impl", None), (DateTime, Date)):
        return _isoformat
    return _same


def _isoformat(value: Any) -> Any:
    return value.isoformat()


def _same(value: Any) -> Any:
    return value


def to_json_value(value: Any) -> Any:
    """A column value as JSON: UUIDs as text, times as ISO 8601 (UTC), dates as ISO dates."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def object_records(
    session: Session, shas: list[str], exclude: tuple[int, int] | None = None
) -> Iterator[ChangeRecord]:
    """``stored_objects`` records for documents sent again (the centre reported them missing), with their
    bytes: each at its latest change. Those already changed in the range ``exclude`` (inclusive) are left
    out, as the range's own records carry them."""
    if not shas:
        return
    stmt = (
        select(SyncChange.row_key, func.max(SyncChange.seq))
        .where(SyncChange.entity == StoredObject.__tablename__, SyncChange.row_key.in_(shas))
        .group_by(SyncChange.row_key)
    )
    latest = {str(key): int(seq) for key, seq in session.execute(stmt)}
    if exclude is not None:
        start, end = exclude
        inside = select(SyncChange.row_key).where(
            SyncChange.entity == StoredObject.__tablename__,
            SyncChange.row_key.in_(shas),
            SyncChange.seq >= start,
            SyncChange.seq <= end,
        )
        for key in session.scalars(inside):
            latest.pop(str(key), None)
    wanted = [(key, seq, "upsert") for key, seq in sorted(latest.items(), key=lambda item: item[1])]
    table = BY_NAME[StoredObject.__tablename__]
    for begin in range(0, len(wanted), BATCH):
        yield from _records(session, table, wanted[begin : begin + BATCH])

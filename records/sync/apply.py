"""Applying one workstation's change records to the centre's store, merging with what other sites sent.

The records of a bundle come table by table, in the order their references need
(:data:`records.sync.changes.SYNCED`). Each one is applied inside the caller's transaction:

* **A row the centre does not hold** is inserted as it is (in bulk: PostgreSQL's ``COPY``, SQLite's
  ``executemany``), unless the centre holds the same thing under another id — a citizen with the same
  personal ID or organisation code, a procedure version of the same procedure and start date. Then the
  workstation's id becomes an *alias* of the centre's row (``sync_aliases``) and every reference to it is
  rewritten; the row itself is merged as below.
* **A row only this workstation ever sent** takes the workstation's values: it is the row's owner (a file
  lives at the workstation that received it).
* **A row several sites sent** is merged field by field against the version this workstation sent last
  (its *base*, ``sync_row_bases``): a field only this workstation changed is taken; a field only the other
  side changed is kept; a field both changed to different values is a **conflict** (``sync_conflicts``):
  the centre keeps its value and records the other for a person to decide. Without a base (the first time
  a site sends a row another site made), an empty field is filled and two different values conflict.
* **Append-only rows** (a file's events) are never updated: a different version of an event is a conflict.
* **A tombstone** deletes the row when this workstation is its only source; a row someone else also
  changed is kept, and the delete is recorded as a conflict (field ``*``).
* A record older than what the centre already applied from the same workstation (a range exported again)
  is skipped: ``sync_rows`` and ``sync_row_bases`` keep, per row, the workstation's change number.
* A workstation restored from a backup (a new store epoch, ``records.sync.epochs``): its changes are
  numbered apart by the caller, and a row whose version at the centre came from changes the restore undid
  is merged as if another site had sent it (no base): a field both versions changed is a conflict.

Accounts are mirrored disabled, without passwords, as ``agency:workstation:name`` so that two communes'
``system`` and ``lan.nguyen`` stay apart.

After the records, :meth:`Applier.check` counts that every row upserted is there; with the per-table
record counts compared to the manifest by the caller, an import that does not add up is rolled back.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    Date,
    Table,
    Uuid,
    any_,
    bindparam,
    delete,
    func,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.orm import Session

from records.clock import now
from records.errors import BundleRefused
from records.store.models import SyncAlias, SyncConflict, SyncRow, SyncRowBase
from records.store.types import UTCDateTime
from records.sync.changes import BY_NAME, SyncedTable, to_json_value
from records.sync.epochs import EpochMap

BATCH = 1000  # records applied together
CHECK_BATCH = 500  # keys counted in one query


@dataclass(frozen=True)
class Policy:
    """How a table's rows merge. ``derived`` fields follow the fields taken (a folded name, a timestamp);
    ``kept`` fields never change once the centre holds the row; ``natural_keys`` say when two ids are the
    same thing; ``append_only`` rows are never updated."""

    derived: frozenset[str] = frozenset()
    kept: frozenset[str] = frozenset()
    natural_keys: tuple[tuple[str, ...], ...] = ()
    append_only: bool = False


POLICIES: dict[str, Policy] = {
    # The mirrored name of the first site to send an account stays (a PC cloned from another sends the
    # same account ids under its own agency and number).
    "users": Policy(kept=frozenset({"created_at", "active", "username"})),
    "procedures": Policy(derived=frozenset({"updated_at", "search_key", "name_folded"})),
    "procedure_versions": Policy(natural_keys=(("procedure_code", "effective_from"),)),
    "citizens": Policy(
        derived=frozenset({"updated_at", "name_folded"}),
        kept=frozenset({"created_at"}),
        natural_keys=(("personal_id",), ("org_code",)),
    ),
    "files": Policy(derived=frozenset({"updated_at", "search_text"})),
    "file_documents": Policy(),
    "file_fees": Policy(),
    "file_events": Policy(append_only=True),
    "stored_objects": Policy(kept=frozenset({"created_at"})),
    "attachments": Policy(),
}
ALIASED = tuple(name for name, policy in POLICIES.items() if policy.natural_keys)


@dataclass(frozen=True)
class Source:
    """The workstation a bundle comes from."""

    agency: str
    workstation: int
    bundle_id: uuid.UUID

    @property
    def pair(self) -> tuple[str, int]:
        """(agency, workstation)."""
        return (self.agency, self.workstation)


@dataclass
class Outcome:
    """What an import did, by kind of outcome and by table."""

    records: Counter[str] = field(default_factory=Counter)  # records read, by table
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    stale: int = 0
    deleted: int = 0
    aliased: int = 0
    conflicts: int = 0

    def to_json(self) -> dict[str, int]:
        """The counts by kind."""
        return {
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "stale": self.stale,
            "deleted": self.deleted,
            "aliased": self.aliased,
            "conflicts": self.conflicts,
        }


@dataclass
class _Record:
    seq: int
    key: str  # the centre's key (after aliases)
    row: dict[str, Any]  # JSON values, references rewritten


class Applier:
    """Applies one bundle's records inside the caller's transaction (see the module's docstring)."""

    def __init__(self, session: Session, source: Source, epochs: EpochMap | None = None) -> None:
        self.session = session
        self.source = source
        self._epochs = epochs or EpochMap([], None)
        self.outcome = Outcome()
        self._postgres = session.get_bind().dialect.name == "postgresql"
        if self._postgres:
            # The tables grow a lot inside this one transaction: a plan prepared while they were small (a
            # scan of a tiny table) would stay in use and make the import quadratic. Plan every query anew.
            session.connection().connection.driver_connection.prepare_threshold = None  # type: ignore[union-attr]
        self._aliases: dict[str, dict[str, str]] = {name: {} for name in ALIASED}
        for entity, alias, target in session.execute(
            select(SyncAlias.entity, SyncAlias.alias_key, SyncAlias.target_key)
        ):
            self._aliases.setdefault(entity, {})[alias] = target
        self._upserted: dict[str, set[str]] = {}
        self._deletes: list[tuple[SyncedTable, int, str]] = []

    # -- the records -----------------------------------------------------------------------------------------

    def apply(self, records: Iterable[dict[str, Any]]) -> Outcome:
        """Apply the records (in the bundle's order); tombstones last, children before parents."""
        for table, batch in _batches(records):
            self.outcome.records[table.name] += len(batch)
            upserts: list[tuple[int, str, dict[str, Any]]] = []
            for record in batch:
                seq, key, op = _header(record)
                if op == "delete":
                    self._deletes.append((table, seq, key))
                else:
                    upserts.append((seq, key, _row(table, record)))
            if upserts:
                self._upserts(table, upserts)
        order = {table.name: index for index, table in enumerate(BY_NAME.values())}
        for table, seq, key in sorted(self._deletes, key=lambda d: -order[d[0].name]):
            self._delete(table, seq, key)
        return self.outcome

    def check(self) -> None:
        """Count that every row merged into one the store held is still there (:class:`BundleRefused`
        otherwise); new rows were counted by the database as it took them."""
        for name, keys in self._upserted.items():
            table = BY_NAME[name]
            column = table.table.c[table.key]
            wanted = sorted(keys)
            found = 0
            for start in range(0, len(wanted), CHECK_BATCH):
                chunk = [_python_key(table, k) for k in wanted[start : start + CHECK_BATCH]]
                found += int(
                    self.session.scalar(select(func.count()).where(_among(column, chunk, self._postgres)))
                    or 0
                )
            if found != len(wanted):
                raise BundleRefused(
                    f"after applying, {found} of the {len(wanted)} {name} rows are in the store",
                    reason="count_mismatch",
                )

    # -- upserts -------------------------------------------------------------------------------------------

    def _upserts(self, table: SyncedTable, batch: list[tuple[int, str, dict[str, Any]]]) -> None:
        policy = POLICIES[table.name]
        records = [self._mapped(table, seq, key, row) for seq, key, row in batch]
        existing = self._existing(table, [r.key for r in records])
        if policy.natural_keys:
            self._alias_same_things(table, policy, records, existing)
        writers = self._writers(table, [r.key for r in records])
        new: list[_Record] = []
        for record in records:
            if record.key in existing:
                self._upserted.setdefault(table.name, set()).add(record.key)
                continue
            writer = writers.get(record.key)
            if (
                writer is not None
                and writer[0:2] == self.source.pair
                and self._after(record.seq, writer[2]) is False
            ):
                self.outcome.stale += 1  # deleted here since: an older export of the row
                continue
            new.append(record)
        if new:
            self._insert(table, new, writers)
        merging = [r for r in records if r.key in existing]
        if merging:
            self._merge(table, policy, merging, existing, writers)

    def _mapped(self, table: SyncedTable, seq: int, key: str, row: dict[str, Any]) -> _Record:
        for column, target in _REFERENCES[table.name]:
            value = row.get(column)
            if value is not None:
                row[column] = self._aliases[target].get(str(value), value)
        if table.name == "users":
            row["username"] = f"{self.source.agency}:{self.source.workstation}:{row['username']}"
            row["active"] = False
        mapped = self._aliases.get(table.name, {}).get(key, key)
        row[table.key] = mapped
        return _Record(seq, mapped, row)

    def _existing(self, table: SyncedTable, keys: list[str]) -> dict[str, dict[str, Any]]:
        column = table.table.c[table.key]
        columns = [table.table.c[name] for name in table.columns()]
        wanted = [_python_key(table, k) for k in keys]
        rows = self.session.execute(select(*columns).where(_among(column, wanted, self._postgres))).mappings()
        return {
            str(to_json_value(r[table.key])): {n: to_json_value(r[n]) for n in table.columns()} for r in rows
        }

    def _alias_same_things(
        self,
        table: SyncedTable,
        policy: Policy,
        records: list[_Record],
        existing: dict[str, dict[str, Any]],
    ) -> None:
        """Records for rows the centre holds under another id become aliases of those rows."""
        for natural in policy.natural_keys:
            pending = {
                tuple(r.row[c] for c in natural): r
                for r in records
                if r.key not in existing and all(r.row.get(c) is not None for c in natural)
            }
            if not pending:
                continue
            columns = [table.table.c[c] for c in natural]
            values = [
                tuple(python_value(table.table, c, v) for c, v in zip(natural, k, strict=True))
                for k in pending
            ]
            where = (
                columns[0].in_([v[0] for v in values]) if len(columns) == 1 else tuple_(*columns).in_(values)
            )
            found = self.session.execute(
                select(*[table.table.c[n] for n in table.columns()]).where(where)
            ).mappings()
            for row in found:
                central = {n: to_json_value(row[n]) for n in table.columns()}
                record = pending.get(tuple(central[c] for c in natural))
                if record is None:
                    continue
                target = str(central[table.key])
                self.session.add(
                    SyncAlias(
                        entity=table.name,
                        alias_key=record.key,
                        target_key=target,
                        agency=self.source.agency,
                        workstation=self.source.workstation,
                    )
                )
                self._aliases[table.name][record.key] = target
                self.outcome.aliased += 1
                record.key = target
                record.row[table.key] = target
                existing[target] = central

    def _writers(self, table: SyncedTable, keys: list[str]) -> dict[str, tuple[str, int, int]]:
        rows = self.session.execute(
            select(SyncRow.row_key, SyncRow.agency, SyncRow.workstation, SyncRow.seq).where(
                SyncRow.entity == table.name, _among(SyncRow.row_key, keys, self._postgres)
            )
        )
        return {str(k): (str(a), int(w), int(s)) for k, a, w, s in rows}

    def _insert(
        self, table: SyncedTable, records: list[_Record], writers: dict[str, tuple[str, int, int]]
    ) -> None:
        columns = table.columns()
        if table.name == "files":
            self._check_file_numbers(table, records)
        written = _bulk_insert(self.session, table.table, columns, [r.row for r in records], self._postgres)
        if written != len(records):  # the database's own count of what it took
            raise BundleRefused(
                f"the store took {written} of {len(records)} new {table.name} rows", reason="count_mismatch"
            )
        rows = [
            {
                "entity": table.name,
                "row_key": r.key,
                "agency": self.source.agency,
                "workstation": self.source.workstation,
                "seq": r.seq,
            }
            for r in records
            if r.key not in writers
        ]
        if rows:
            sync_rows: Table = SyncRow.__table__  # type: ignore[assignment]
            _bulk_insert(self.session, sync_rows, list(rows[0]), rows, self._postgres)
        again = [r for r in records if r.key in writers]  # inserted again after a delete
        for record in again:
            self._set_writer(table, record.key, record.seq, known=True)
        self.outcome.inserted += len(records)

    def _check_file_numbers(self, table: SyncedTable, records: list[_Record]) -> None:
        """Refuse new files whose code or register entry the centre holds for another file: a workstation
        restored from an older backup that handed them out again before it took an acknowledgement (which
        raises its counters past them, ``records.sync.counters``)."""
        c = table.table.c
        clash = list(
            self.session.scalars(
                select(c.code)
                .where(_among(c.code, [r.row["code"] for r in records], self._postgres))
                .limit(5)
            )
        )
        books: dict[tuple[Any, ...], list[int]] = {}
        for r in records:
            book = (
                r.row["agency_code"],
                r.row["workstation"],
                r.row["register_year"],
                r.row["register_book"],
            )
            books.setdefault(book, []).append(r.row["register_entry"])
        for (agency, workstation, year, number), entries in books.items():
            if clash:
                break
            clash = list(
                self.session.scalars(
                    select(c.code)
                    .where(
                        c.agency_code == agency,
                        c.workstation == workstation,
                        c.register_year == year,
                        c.register_book == number,
                        _among(c.register_entry, entries, self._postgres),
                    )
                    .limit(5)
                )
            )
        if clash:
            raise BundleRefused(
                f"new files of workstation {self.source.workstation} of {self.source.agency} carry file "
                f"codes or register entries the centre holds for other files ({', '.join(clash)}): the "
                "workstation handed them out again after a restore from an older backup. Nothing was "
                "applied; see 'Restoring a workstation' in docs/sync.md",
                reason="duplicate_file_code",
            )

    def _merge(
        self,
        table: SyncedTable,
        policy: Policy,
        records: list[_Record],
        existing: dict[str, dict[str, Any]],
        writers: dict[str, tuple[str, int, int]],
    ) -> None:
        bases = self._bases(table, [r.key for r in records])
        compared = [c for c in table.columns() if c != table.key and c not in policy.derived | policy.kept]
        for record in records:
            central = existing[record.key]
            writer = writers.get(record.key)
            own = writer is not None and writer[0:2] == self.source.pair
            if own and writer and self._after(record.seq, writer[2]) is None:
                own = False  # the centre holds a version a restore undid here: merged like another site's
            key_bases = bases.get(record.key, {})
            mine = key_bases.get(self.source.pair)
            if mine is not None and self._after(record.seq, mine[0]) is None:
                mine = None  # a base from changes a restore undid
            my_seq = writer[2] if own and writer else (mine[0] if mine else None)
            if my_seq is not None and not self._after(record.seq, my_seq):
                self.outcome.stale += 1
                continue
            if own and not key_bases:  # this site's own row: its values stand
                changed = {
                    c: record.row[c]
                    for c in table.columns()
                    if c not in policy.kept and c != table.key and record.row[c] != central[c]
                }
                if policy.append_only:
                    for column in changed:
                        self._conflict(table, record, column, central[column], record.row[column])
                    changed = {}
                self._update(table, record.key, changed)
                self._set_writer(table, record.key, record.seq, known=True)
                continue
            base = mine[1] if mine else (central if own else None)
            take: dict[str, Any] = {}
            conflicts: list[str] = []
            for column in compared:
                incoming, current = record.row[column], central[column]
                if incoming == current:
                    continue
                if base is not None:
                    before = base.get(column)
                    if incoming == before:
                        continue  # this site did not change it
                    if current == before:
                        take[column] = incoming  # only this site changed it
                        continue
                elif current is None:
                    take[column] = incoming
                    continue
                elif incoming is None:
                    continue
                conflicts.append(column)
            if policy.append_only:
                conflicts.extend(take)
                take = {}
            if take:
                take.update({c: record.row[c] for c in policy.derived})
            self._update(table, record.key, take)
            for column in conflicts:
                self._conflict(table, record, column, central[column], record.row[column])
            pair = writer[0:2] if writer is not None else None
            if writer is not None and not own and pair != self.source.pair and pair not in key_bases:
                self._save_base(table, record.key, writer[0:2], writer[2], central)
            self._save_base(
                table,
                record.key,
                self.source.pair,
                record.seq,
                record.row,
                known=self.source.pair in key_bases,
            )
            if take:
                self._set_writer(table, record.key, record.seq, known=writer is not None)

    def _bases(
        self, table: SyncedTable, keys: list[str]
    ) -> dict[str, dict[tuple[str, int], tuple[int, Any]]]:
        found: dict[str, dict[tuple[str, int], tuple[int, Any]]] = {}
        rows = self.session.execute(
            select(
                SyncRowBase.row_key,
                SyncRowBase.agency,
                SyncRowBase.workstation,
                SyncRowBase.seq,
                SyncRowBase.row,
            ).where(SyncRowBase.entity == table.name, _among(SyncRowBase.row_key, keys, self._postgres))
        )
        for key, agency, workstation, seq, row in rows:
            found.setdefault(str(key), {})[(str(agency), int(workstation))] = (int(seq), row)
        return found

    def _update(self, table: SyncedTable, key: str, values: dict[str, Any]) -> None:
        if not values:
            self.outcome.unchanged += 1
            return
        converted = {c: python_value(table.table, c, v) for c, v in values.items()}
        self.session.execute(
            update(table.table).where(table.table.c[table.key] == _python_key(table, key)).values(converted)
        )
        self.outcome.updated += 1

    def _set_writer(self, table: SyncedTable, key: str, seq: int, known: bool) -> None:
        agency, workstation = self.source.pair
        if known:
            self.session.execute(
                update(SyncRow)
                .where(SyncRow.entity == table.name, SyncRow.row_key == key)
                .values(agency=agency, workstation=workstation, seq=seq)
            )
        else:
            self.session.add(
                SyncRow(entity=table.name, row_key=key, agency=agency, workstation=workstation, seq=seq)
            )

    def _save_base(
        self,
        table: SyncedTable,
        key: str,
        pair: tuple[str, int],
        seq: int,
        row: dict[str, Any],
        known: bool = False,
    ) -> None:
        if known:
            self.session.execute(
                update(SyncRowBase)
                .where(
                    SyncRowBase.entity == table.name,
                    SyncRowBase.row_key == key,
                    SyncRowBase.agency == pair[0],
                    SyncRowBase.workstation == pair[1],
                )
                .values(seq=seq, row=row)
            )
        else:
            self.session.add(
                SyncRowBase(
                    entity=table.name, row_key=key, agency=pair[0], workstation=pair[1], seq=seq, row=row
                )
            )

    def _conflict(
        self, table: SyncedTable, record: _Record, column: str, central: Any, incoming: Any
    ) -> None:
        self.session.add(
            SyncConflict(
                entity=table.name,
                row_key=record.key,
                field=column,
                central_value=central,
                incoming_value=incoming,
                agency=self.source.agency,
                workstation=self.source.workstation,
                bundle_id=self.source.bundle_id,
                seq=record.seq,
                detected_at=now(),
            )
        )
        self.outcome.conflicts += 1

    def _after(self, incoming: int, held: int) -> bool | None:
        """Whether this workstation's change ``incoming`` comes after its change ``held`` (``None``: on
        another branch of its history, after a restore)."""
        return self._epochs.after(incoming, held)

    # -- tombstones ------------------------------------------------------------------------------------------

    def _delete(self, table: SyncedTable, seq: int, key: str) -> None:
        key = self._aliases.get(table.name, {}).get(key, key)
        existing = self._existing(table, [key])
        writer = self._writers(table, [key]).get(key)
        own = writer is not None and writer[0:2] == self.source.pair
        order = self._after(seq, writer[2]) if writer is not None and own else True
        if order is False:
            self.outcome.stale += 1
            return
        if order is None:
            own = False  # the centre's version was undone here by a restore: the delete is a conflict
        if key not in existing:
            self.outcome.unchanged += 1
            return
        if own and not self._bases(table, [key]):
            self.session.execute(
                delete(table.table).where(table.table.c[table.key] == _python_key(table, key))
            )
            self._set_writer(table, key, seq, known=True)  # kept: an older export of the row is stale
            self._upserted.get(table.name, set()).discard(key)
            self.outcome.deleted += 1
            return
        record = _Record(seq, key, {})
        self._conflict(table, record, "*", existing[key], None)


# -- reading records -----------------------------------------------------------------------------------------


def _batches(records: Iterable[dict[str, Any]]) -> Iterator[tuple[SyncedTable, list[dict[str, Any]]]]:
    table: SyncedTable | None = None
    batch: list[dict[str, Any]] = []
    for record in records:
        entity = BY_NAME[record["entity"]]
        if (entity is not table or len(batch) >= BATCH) and batch:
            assert table is not None
            yield table, batch
            batch = []
        table = entity
        batch.append(record)
    if batch and table is not None:
        yield table, batch


def _header(record: dict[str, Any]) -> tuple[int, str, str]:
    seq, key, op = record.get("seq"), record.get("key"), record.get("op")
    if (
        not isinstance(seq, int)
        or not isinstance(key, str)
        or op not in ("upsert", "delete")
        or len(key) > 64
    ):
        raise BundleRefused(f"a change record of {record.get('entity')} is malformed", reason="corrupt")
    return seq, key, op


def _row(table: SyncedTable, record: dict[str, Any]) -> dict[str, Any]:
    row = record.get("row")
    expected = _COLUMNS[table.name]
    if not isinstance(row, dict) or row.keys() != expected:
        got = sorted(row) if isinstance(row, dict) else row
        raise BundleRefused(
            f"a {table.name} record does not have the columns this version stores (got {got}): the bundle "
            "was written by another version of the application (compare the manifest's schema_revision)",
            reason="other_schema",
        )
    if str(row[table.key]) != record["key"]:
        raise BundleRefused(f"a {table.name} record's key does not match its row", reason="corrupt")
    return dict(row)


def _references() -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for table in BY_NAME.values():
        found[table.name] = [
            (fk.parent.name, fk.column.table.name)
            for fk in table.table.foreign_keys
            if fk.column.table.name in ALIASED
        ]
    return found


_REFERENCES = _references()
_COLUMNS = {table.name: frozenset(table.columns()) for table in BY_NAME.values()}


# -- values --------------------------------------------------------------------------------------------------


def python_value(table: Table, column: str, value: Any) -> Any:
    """A record's JSON value as the column's Python value (what SQLAlchemy binds)."""
    if value is None:
        return None
    kind = table.c[column].type
    if isinstance(kind, Uuid):
        return uuid.UUID(str(value))
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    return value


def _among(column: Any, values: list[Any], postgres: bool) -> Any:
    """``column IN values``: one array parameter on PostgreSQL (a thousand parameters cost more to send,
    parse and plan than the lookup itself), an expanding IN elsewhere."""
    if postgres:
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


def _python_key(table: SyncedTable, key: str) -> Any:
    return python_value(table.table, table.key, key)


def _bulk_insert(
    session: Session, table: Table, columns: list[str], rows: list[dict[str, Any]], copy: bool
) -> int:
    """Insert rows of JSON values: PostgreSQL's COPY (the fastest path there is), else executemany; returns
    how many rows the database says it wrote."""
    session.flush()  # rows added through the ORM go first
    if not copy:
        result = session.execute(
            insert(table), [{c: python_value(table, c, row[c]) for c in columns} for row in rows]
        )
        return int(result.rowcount)  # type: ignore[attr-defined]
    json_columns = {c for c in columns if table.c[c].type.__class__.__name__ == "JSON"}
    connection = session.connection().connection.driver_connection
    names = ", ".join(f'"{c}"' for c in columns)
    statement = f'COPY "{table.name}" ({names}) FROM STDIN'
    with connection.cursor() as cursor:  # type: ignore[union-attr]
        with cursor.copy(statement) as copy_in:
            for row in rows:
                values = [row[c] for c in columns]
                for index, column in enumerate(columns):
                    if column in json_columns and values[index] is not None:
                        values[index] = json.dumps(values[index])
                copy_in.write_row(values)
        return int(cursor.rowcount)  # set when the COPY ends (the server's count)

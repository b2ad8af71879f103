"""The centre: enrolled workstations, bundle imports, acknowledgements and the communes' report.

The centre's store is a store like a workstation's (the same models and migrations; PostgreSQL in
production, SQLite for tests and small setups) plus the tables of migration 0006. Its folder holds the
centre's keys (``keys/``: the Ed25519 key that signs acknowledgements, the X25519 key bundles are
encrypted to) and the documents the workstations sent (``documents/``, content-addressed).

An import (:meth:`CentralService.import_bundle`) refuses, before anything changes: a bundle that is not
whole, not signed by the key enrolled for its workstation, of a newer format, or that does not follow on
from the last change the centre holds of that workstation (a gap, named). It then applies the records in
one transaction (``records.sync.apply``), compares what it applied with the manifest, and commits — or
rolls everything back. A bundle imported before is recognised by its id and changes nothing.

A workstation restored from a backup sends bundles of a new store epoch (``records.sync.epochs``): the
centre records it (``sync_epochs``), numbers its changes apart from those it holds, expects them to follow
on from the restore point, and merges rows whose version at the centre the restore undid like another
site's (a field both changed is a conflict).
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from records import audit
from records.clock import now
from records.errors import BundleRefused, InvalidInput, NotFound
from records.keys import InstallationKeys, parse_public_key_text, public_key_text
from records.services.users import system_actor
from records.store.database import Database
from records.store.files_repo import local_day_start
from records.store.models import (
    File,
    StoredObject,
    SyncApplying,
    SyncConflict,
    SyncEpoch,
    SyncImport,
    SyncRow,
    SyncRowBase,
    SyncWorkstation,
)
from records.store.objects import ObjectStore, PendingObject
from records.sync import counters
from records.sync import epochs as store_epochs
from records.sync.ack import MAX_CHECKPOINTS, Ack, Checkpoint, write_ack
from records.sync.apply import Applier, Source, python_value
from records.sync.bundle import OpenedBundle, file_sha256, open_bundle
from records.sync.changes import BY_NAME
from records.sync.crypto import CentreKeys, decrypt_file, is_encrypted
from records.text import fold

KEYS_DIR = "keys"
DOCUMENTS_DIR = "documents"
INCOMING_DIR = "incoming"


@dataclass(frozen=True)
class CentreIdentity:
    """The centre's public keys, given to every workstation (``motcua sync-config``)."""

    signing_key: str  # "ed25519:…": acknowledgements are signed with it
    encryption_key: str  # "x25519:…": bundles are encrypted to it

    def to_json(self) -> dict[str, str]:
        """``motcua central key --json``."""
        return {"signing_key": self.signing_key, "encryption_key": self.encryption_key}


@dataclass(frozen=True)
class Enrolment:
    """A workstation enrolled: who, its key, the last change the centre holds."""

    agency: str
    workstation: int
    public_key: str
    enrolled_at: datetime
    last_seq: int
    last_import_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "agency": self.agency,
            "workstation": self.workstation,
            "public_key": self.public_key,
            "enrolled_at": self.enrolled_at.isoformat(),
            "last_seq": self.last_seq,
            "last_import_at": self.last_import_at.isoformat() if self.last_import_at else None,
        }


@dataclass(frozen=True)
class ImportResult:
    """One bundle imported (``status`` "imported"), recognised (``"already_imported"``) or refused
    (``"refused"``, with ``reason`` and ``message``)."""

    path: str
    status: str
    bundle_id: str | None = None
    agency: str | None = None
    workstation: int | None = None
    seq_from: int | None = None
    seq_to: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    outcome: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    reason: str | None = None
    message: str | None = None

    def to_json(self) -> dict[str, Any]:
        """One bundle of ``motcua central import --json``."""
        return {
            "path": self.path,
            "status": self.status,
            "bundle_id": self.bundle_id,
            "agency": self.agency,
            "workstation": self.workstation,
            "seq_from": self.seq_from,
            "seq_to": self.seq_to,
            "counts": self.counts,
            "outcome": self.outcome,
            "conflicts": self.conflicts,
            "reason": self.reason,
            "message": self.message,
        }


@dataclass(frozen=True)
class AuditProblem:
    """A workstation's audit chain heads that do not agree: ``truncated`` (a bundle made later carries an
    older head: the newest entries were removed, or the chain rewritten shorter) or ``rewritten`` (the same
    entry with two hashes)."""

    reason: str
    epoch: str | None
    seq: int
    bundle_id: str
    message: str

    def to_json(self) -> dict[str, Any]:
        """One problem of ``motcua central audit-check --json``."""
        return {
            "reason": self.reason,
            "epoch": self.epoch,
            "seq": self.seq,
            "bundle_id": self.bundle_id,
            "message": self.message,
        }


@dataclass(frozen=True)
class AuditCheck:
    """What the centre can tell of one workstation's audit chain from the heads its bundles carried: whether
    they agree, and the restores (store epochs after the first) that began the chain again from a backup."""

    agency: str
    workstation: int
    heads: int
    newest: dict[str, Any] | None
    restores: list[dict[str, Any]]
    problems: list[AuditProblem]

    @property
    def consistent(self) -> bool:
        """No problem found."""
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        """One workstation of ``motcua central audit-check --json``."""
        return {
            "agency": self.agency,
            "workstation": self.workstation,
            "consistent": self.consistent,
            "heads": self.heads,
            "newest": self.newest,
            "restores": self.restores,
            "problems": [p.to_json() for p in self.problems],
        }


@dataclass(frozen=True)
class CommuneReport:
    """One commune's files over a period: received, returned, finished on time, overdue."""

    agency: str
    received: int
    returned: int
    on_time: int
    overdue: int

    def to_json(self) -> dict[str, Any]:
        """One commune of ``motcua central report --json``."""
        return {
            "agency": self.agency,
            "received": self.received,
            "returned": self.returned,
            "on_time": self.on_time,
            "overdue": self.overdue,
        }


@dataclass(frozen=True)
class Conflict:
    """A field two sites changed differently, waiting for a person."""

    id: str
    entity: str
    row_key: str
    field: str
    central_value: Any
    incoming_value: Any
    agency: str
    workstation: int
    detected_at: datetime
    resolution: str | None
    resolved_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        """One conflict of ``motcua central conflicts --json``."""
        return {
            "id": self.id,
            "entity": self.entity,
            "row_key": self.row_key,
            "field": self.field,
            "central_value": self.central_value,
            "incoming_value": self.incoming_value,
            "agency": self.agency,
            "workstation": self.workstation,
            "detected_at": self.detected_at.isoformat(),
            "resolution": self.resolution,
            "resolved_by": self.resolved_by,
        }


class CentralService:
    """The centre's side of offline sync over its store ``db`` and its folder (keys and documents)."""

    def __init__(self, db: Database, folder: Path) -> None:
        self._db = db
        self.folder = Path(folder)
        self._signing = InstallationKeys(self.folder / KEYS_DIR)
        self._encryption = CentreKeys(self.folder / KEYS_DIR)
        self.objects = ObjectStore(self.folder / DOCUMENTS_DIR)

    # -- keys and enrolment ----------------------------------------------------------------------------------

    def identity(self) -> CentreIdentity:
        """The centre's public keys (made on first use)."""
        return CentreIdentity(self._signing.public_key_text(), self._encryption.public_key_text())

    def enroll(self, public_key: str, agency: str, workstation: int, replace: bool = False) -> Enrolment:
        """Enrol a workstation's signing key (``motcua key show`` on it). Enrolling the same key again changes
        nothing; another key for an enrolled workstation needs ``replace`` (a reinstalled PC)."""
        raw = parse_public_key_text(public_key)
        key_text = public_key_text(raw)
        agency = agency.strip()
        if not agency or len(agency) > 35:
            raise InvalidInput(f"{agency!r} is not an agency code", field="agency", value=agency)
        if workstation < 1:
            raise InvalidInput(f"workstation {workstation} must be 1 or more", field="workstation")
        with self._db.writing() as uow:
            session = uow.session
            row = session.get(SyncWorkstation, (agency, workstation))
            if row is None:
                row = SyncWorkstation(
                    agency=agency, workstation=workstation, public_key=key_text, enrolled_at=now(), last_seq=0
                )
                session.add(row)
            elif row.public_key != key_text:
                if not replace:
                    raise InvalidInput(
                        f"workstation {workstation} of {agency} is enrolled with another key "
                        f"({row.public_key}); to enrol a reinstalled workstation, add --replace",
                        field="key",
                        reason="other_key",
                    )
                row.public_key = key_text
            enrolment = _enrolment(row)
            uow.commit()
        return enrolment

    def workstations(self) -> list[Enrolment]:
        """Every enrolled workstation."""
        with self._db.reading() as uow:
            rows = uow.session.scalars(
                select(SyncWorkstation).order_by(SyncWorkstation.agency, SyncWorkstation.workstation)
            )
            return [_enrolment(row) for row in rows]

    # -- import ----------------------------------------------------------------------------------------------

    def import_bundle(self, path: Path) -> ImportResult:
        """Import one bundle (plain or encrypted to this centre): :class:`ImportResult`, or
        :class:`BundleRefused` naming why nothing was applied."""
        path = Path(path)
        if not path.is_file():
            raise BundleRefused(f"no such bundle: {path}", reason="missing")
        if is_encrypted(path):
            incoming = self.folder / INCOMING_DIR
            incoming.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=incoming) as scratch:
                plain = Path(scratch) / (path.name.removesuffix(".enc") or "bundle.zip")
                decrypt_file(path, plain, self._encryption.private_key())
                return self._import_plain(plain, path)
        return self._import_plain(path, path)

    def _import_plain(self, plain: Path, shown: Path) -> ImportResult:
        self.objects.recover(self._object_known)  # what a killed import left behind
        with open_bundle(plain, self._enrolled_key) as bundle:
            manifest = bundle.manifest
            source = Source(str(manifest["agency"]), int(manifest["workstation"]), _bundle_id(manifest))
            base = ImportResult(
                path=str(shown),
                status="imported",
                bundle_id=str(source.bundle_id),
                agency=source.agency,
                workstation=source.workstation,
                seq_from=bundle.seq_from,
                seq_to=bundle.seq_to,
                counts=dict(manifest["counts"]),
            )
            with self._db.reading() as uow:
                if uow.session.get(SyncImport, source.bundle_id) is not None:
                    return _replace(base, status="already_imported")
            pending = self._store_objects(bundle)
            committed = False
            try:
                result = self._apply(bundle, source, file_sha256(plain), base)
                committed = True
            finally:
                for item in pending:
                    self.objects.settle(item, committed, self._object_known)
        return result

    def _enrolled_key(self, manifest: dict[str, Any]) -> bytes:
        agency, workstation = str(manifest.get("agency")), manifest.get("workstation")
        with self._db.reading() as uow:
            row = uow.session.get(SyncWorkstation, (agency, workstation))
            if row is None:
                raise BundleRefused(
                    f"workstation {workstation} of {agency} is not enrolled at this centre: enrol it with "
                    f"'motcua central enroll --agency {agency} --workstation {workstation} --key "
                    f"{manifest.get('public_key')}' once you have checked that key on the workstation "
                    "('motcua key show')",
                    reason="unknown_workstation",
                )
            return parse_public_key_text(row.public_key)

    def _store_objects(self, bundle: OpenedBundle) -> list[PendingObject]:
        pending: list[PendingObject] = []
        try:
            for sha in bundle.object_names():
                pending.append(self.objects.put_pending(bundle.read_object(sha)))
        except BaseException:
            for item in pending:
                self.objects.settle(item, False, self._object_known)
            raise
        return pending

    def _object_known(self, sha256: str) -> bool:
        with self._db.reading() as uow:
            return uow.session.get(StoredObject, sha256) is not None

    def _apply(self, bundle: OpenedBundle, source: Source, sha256: str, base: ImportResult) -> ImportResult:
        with self._db.writing() as uow:
            session = uow.session
            station = session.get(SyncWorkstation, source.pair, with_for_update=True)
            assert station is not None  # enrolled: checked when the bundle was opened
            epoch = _register_epochs(session, station, store_epochs.parse_lineage(bundle.manifest))
            held = epoch.last_seq if epoch is not None else station.last_seq
            if bundle.seq_from > held + 1:
                raise BundleRefused(
                    f"changes {held + 1} to {bundle.seq_from - 1} of workstation "
                    f"{source.workstation} of {source.agency} are missing: import the bundle that holds them "
                    f"first, or export them again on the workstation "
                    f"('motcua export --from-seq {held + 1}')",
                    reason="sequence_gap",
                )
            session.add(SyncApplying(id=1))  # the change triggers stay silent: this is not news to send
            session.flush()
            numbering = _epoch_map(session, source, epoch)
            applier = Applier(session, source, numbering)
            records = bundle.records()
            try:
                outcome = applier.apply(_renumbered(records, numbering))
            finally:
                records.close()  # a refusal half-way leaves the member open otherwise
            counted = {name: n for name, n in outcome.records.items() if n}
            expected = {
                name: int(n) for name, n in bundle.manifest["counts"].items() if name != "objects" and n
            }
            if counted != expected:
                raise BundleRefused(
                    f"the bundle's records ({counted}) do not match its manifest ({expected})",
                    reason="count_mismatch",
                )
            applier.check()
            session.add(
                SyncImport(
                    bundle_id=source.bundle_id,
                    agency=source.agency,
                    workstation=source.workstation,
                    seq_from=bundle.seq_from,
                    seq_to=bundle.seq_to,
                    imported_at=now(),
                    sha256=sha256,
                    counts=dict(bundle.manifest["counts"]),
                    outcome=outcome.to_json(),
                    conflicts=outcome.conflicts,
                    audit_head=_audit_head(bundle.manifest),
                    epoch=epoch.epoch_id if epoch is not None else None,
                )
            )
            if epoch is None:
                station.last_seq = max(station.last_seq, bundle.seq_to)
            else:
                epoch.last_seq = max(epoch.last_seq, bundle.seq_to)
                if _current_epoch(session, source.agency, source.workstation) is epoch:
                    station.last_seq = epoch.last_seq  # counted in the workstation's current numbering
            station.last_import_at = now()
            session.query(SyncApplying).delete()
            uow.commit()
        return _replace(base, outcome=outcome.to_json(), conflicts=outcome.conflicts)

    # -- acknowledgement ------------------------------------------------------------------------------------

    def ack(self, agency: str, workstation: int, out: Path) -> Ack:
        """Write the signed acknowledgement of what the centre holds of one workstation to ``out``."""
        with self._db.reading() as uow:
            session = uow.session
            station = session.get(SyncWorkstation, (agency, workstation))
            if station is None:
                raise NotFound(f"workstation {workstation} of {agency} is not enrolled at this centre")
            bundles = session.scalars(
                select(SyncImport.bundle_id)
                .where(SyncImport.agency == agency, SyncImport.workstation == workstation)
                .order_by(SyncImport.seq_to)
            ).all()
            missing = self._missing_objects(session, agency, workstation)
            current = _current_epoch(session, agency, workstation)
            ack = Ack(
                agency=agency,
                workstation=workstation,
                acked_seq=current.last_seq if current is not None else station.last_seq,
                bundles=tuple(str(b) for b in bundles),
                missing_objects=tuple(missing),
                created_at=now(),
                centre_key=self._signing.public_key_text(),
                store_epoch=current.epoch_id if current is not None else None,
                audit_checkpoints=tuple(_checkpoints(session, agency, workstation)),
                counters=counters.held_at_centre(session, agency, workstation),
            )
        if not out.parent.is_dir():
            raise InvalidInput(f"{out.parent} is not a folder", field="out", reason="not_a_folder")
        write_ack(out, ack, self._signing.sign)
        return ack

    def _missing_objects(self, session: Session, agency: str, workstation: int) -> list[str]:
        """Documents this workstation told the centre of whose bytes the centre does not hold."""
        sources = select(SyncRow.row_key).where(
            SyncRow.entity == "stored_objects", SyncRow.agency == agency, SyncRow.workstation == workstation
        )
        bases = select(SyncRowBase.row_key).where(
            SyncRowBase.entity == "stored_objects",
            SyncRowBase.agency == agency,
            SyncRowBase.workstation == workstation,
        )
        keys = set(session.scalars(sources)) | set(session.scalars(bases))
        return sorted(k for k in keys if not self.objects.exists(k))

    # -- audit chain heads -----------------------------------------------------------------------------------

    def audit_check(self, agency: str | None = None, workstation: int | None = None) -> list[AuditCheck]:
        """Compare, per workstation, the audit chain heads its bundles carried, in the order it made them
        (bundle ids are time-ordered), epoch by epoch: a head never goes back, and an entry never has two
        hashes. A chain rewritten or cut short on the workstation shows here once it exports again; the
        workstation itself checks its whole chain against these heads (``motcua audit verify``)."""
        with self._db.reading() as uow:
            session = uow.session
            stmt = select(SyncWorkstation).order_by(SyncWorkstation.agency, SyncWorkstation.workstation)
            if agency is not None:
                stmt = stmt.where(SyncWorkstation.agency == agency)
            if workstation is not None:
                stmt = stmt.where(SyncWorkstation.workstation == workstation)
            stations = session.scalars(stmt).all()
            if (agency is not None or workstation is not None) and not stations:
                raise NotFound(f"no enrolled workstation {workstation or ''} of {agency or 'any agency'}")
            return [_audit_check(session, station) for station in stations]

    # -- conflicts ------------------------------------------------------------------------------------------

    def conflicts(self, include_resolved: bool = False) -> list[Conflict]:
        """The conflicts waiting for a person (and the resolved ones when asked)."""
        with self._db.reading() as uow:
            stmt = select(SyncConflict).order_by(SyncConflict.detected_at, SyncConflict.id)
            if not include_resolved:
                stmt = stmt.where(SyncConflict.resolved_at.is_(None))
            return [_conflict(row) for row in uow.session.scalars(stmt)]

    def resolve(self, conflict_id: str, take: str, by: str) -> Conflict:
        """Decide a conflict: keep the centre's value (``take="central"``) or take the workstation's
        (``"incoming"``: the field is set to it; for a delete against a change, the row is deleted). Recorded
        with who decided; a decided conflict cannot be decided again."""
        if take not in ("central", "incoming"):
            raise InvalidInput(f"take {take!r}: 'central' or 'incoming'", field="take", value=take)
        try:
            key = uuid.UUID(conflict_id)
        except ValueError:
            raise InvalidInput(
                f"{conflict_id!r} is not a conflict id", field="id", value=conflict_id
            ) from None
        with self._db.writing() as uow:
            session = uow.session
            row = session.get(SyncConflict, key)
            if row is None:
                raise NotFound(f"no conflict {conflict_id}")
            if row.resolved_at is not None:
                raise InvalidInput(
                    f"conflict {conflict_id} was decided on {row.resolved_at.isoformat()} "
                    f"by {row.resolved_by}",
                    field="id",
                    reason="already_resolved",
                )
            if take == "incoming":
                _take_incoming(session, row)
            row.resolved_at, row.resolved_by, row.resolution = now(), by, take
            audit.append(
                session,
                system_actor(session),
                "sync.conflict_resolved",
                row.entity,
                row.row_key,
                {
                    "field": row.field,
                    "take": take,
                    "by": by,
                    "conflict": conflict_id,
                },
            )
            session.flush()
            conflict = _conflict(row)
            uow.commit()
        return conflict

    # -- report ----------------------------------------------------------------------------------------------

    def report(self, date_from: date, date_to: date) -> list[CommuneReport]:
        """Per commune (agency), the local days ``date_from`` to ``date_to`` inclusive: files received,
        results returned, files finished on time, and files overdue (finished late in the period, or still
        unfinished at its end with their due date passed)."""
        if date_to < date_from:
            raise InvalidInput(f"the period ends ({date_to}) before it starts ({date_from})", field="to")
        start, end = local_day_start(date_from), local_day_start(date_to + timedelta(days=1))

        def within(column: Any) -> Any:
            return and_(column >= start, column < end)

        def count(condition: Any) -> Any:
            return func.sum(case((condition, 1), else_=0))

        late_finish = and_(within(File.finished_at), File.due_at.is_not(None), File.finished_at > File.due_at)
        open_late = and_(
            File.received_at < end,
            or_(File.finished_at.is_(None), File.finished_at >= end),
            File.due_at.is_not(None),
            File.due_at < end,
        )
        on_time = and_(within(File.finished_at), or_(File.due_at.is_(None), File.finished_at <= File.due_at))
        stmt = (
            select(
                File.agency_code,
                count(within(File.received_at)),
                count(within(File.returned_at)),
                count(on_time),
                count(or_(late_finish, open_late)),
            )
            .where(File.received_at < end, or_(File.finished_at.is_(None), File.finished_at >= start))
            .group_by(File.agency_code)
            .order_by(File.agency_code)
        )
        with self._db.reading() as uow:
            return [
                CommuneReport(str(agency), int(r or 0), int(t or 0), int(o or 0), int(d or 0))
                for agency, r, t, o, d in uow.session.execute(stmt)
            ]


def _take_incoming(session: Session, conflict: SyncConflict) -> None:
    """Apply the workstation's side of a conflict to the centre's row (and what follows from the field)."""
    table = BY_NAME[conflict.entity]
    where = table.table.c[table.key] == python_value(table.table, table.key, conflict.row_key)
    if conflict.field == "*":
        try:
            with session.begin_nested():
                session.execute(delete(table.table).where(where))
        except IntegrityError:
            raise InvalidInput(
                f"the {conflict.entity} row {conflict.row_key} cannot be deleted: other rows refer to it",
                reason="still_referenced",
            ) from None
        return
    values = {conflict.field: python_value(table.table, conflict.field, conflict.incoming_value)}
    session.execute(update(table.table).where(where).values(values))
    row = session.execute(select(table.table).where(where)).mappings().first()
    if row is None:
        return
    derived: dict[str, Any] = {}
    if conflict.entity == "citizens":
        derived = {"name_folded": fold(row["full_name"]), "updated_at": now()}
    elif conflict.entity == "procedures":
        derived = {
            "name_folded": fold(row["name"]),
            "search_key": fold(f"{row['code']} {row['name']} {row['field']}"),
            "updated_at": now(),
        }
    if derived:
        session.execute(update(table.table).where(where).values(derived))


def _station_epochs(session: Session, agency: str, workstation: int) -> list[SyncEpoch]:
    return list(
        session.scalars(
            select(SyncEpoch)
            .where(SyncEpoch.agency == agency, SyncEpoch.workstation == workstation)
            .order_by(SyncEpoch.start)
        )
    )


def _current_epoch(session: Session, agency: str, workstation: int) -> SyncEpoch | None:
    """The workstation's newest store epoch at the centre (the one its numbering counts in now)."""
    found = _station_epochs(session, agency, workstation)
    return found[-1] if found else None


def _register_epochs(
    session: Session, station: SyncWorkstation, lineage: list[store_epochs.Epoch]
) -> SyncEpoch | None:
    """Record the epochs of a bundle's lineage the centre does not know yet, and return the bundle's (a
    bundle that carries none belongs to the workstation's first epoch; ``None`` while it has none)."""
    known = {e.epoch_id: e for e in _station_epochs(session, station.agency, station.workstation)}
    if not lineage:
        roots = sorted((e for e in known.values() if e.parent_id is None), key=lambda e: e.start)
        return roots[0] if roots else None
    for item in lineage:
        found = known.get(item.id)
        if found is not None:
            if (found.parent_id, found.fork_seq) != (item.parent, item.fork_seq):
                raise BundleRefused(
                    f"the bundle's store epoch {item.id} does not match the one the centre holds",
                    reason="corrupt",
                )
            continue
        top = max(
            (max(e.start - 1, e.seq_offset + e.last_seq) for e in known.values()), default=station.last_seq
        )
        if item.parent is None and not any(e.parent_id is None for e in known.values()):
            # The workstation's first epoch: its numbers are those of the bundles before epochs.
            row = SyncEpoch(fork_seq=0, seq_offset=0, start=1, last_seq=station.last_seq)
        elif item.parent is None:
            # Another store under the same workstation number (reinstalled): it shares nothing.
            row = SyncEpoch(fork_seq=0, seq_offset=top + store_epochs.GAP, start=top + store_epochs.GAP + 1)
            row.last_seq = 0
        else:
            parent = known[item.parent]  # the lineage lists parents first (checked when parsed)
            start = top + store_epochs.GAP + 1
            row = SyncEpoch(
                fork_seq=item.fork_seq,
                seq_offset=start - 1 - item.fork_seq,
                start=start,
                last_seq=min(item.fork_seq, parent.last_seq),
            )
        row.agency, row.workstation, row.epoch_id = station.agency, station.workstation, item.id
        row.parent_id, row.seen_at = item.parent, now()
        session.add(row)
        known[item.id] = row
    session.flush()
    return known[lineage[-1].id]


def _epoch_map(session: Session, source: Source, epoch: SyncEpoch | None) -> store_epochs.EpochMap:
    rows = _station_epochs(session, source.agency, source.workstation)
    return store_epochs.EpochMap(
        [store_epochs.CentreEpoch(e.epoch_id, e.parent_id, e.fork_seq, e.seq_offset, e.start) for e in rows],
        epoch.epoch_id if epoch is not None else None,
    )


def _renumbered(
    records: Iterator[dict[str, Any]], numbering: store_epochs.EpochMap
) -> Iterator[dict[str, Any]]:
    """The records with their change numbers as the centre keeps them (its numbering of the epoch)."""
    for record in records:
        seq = record.get("seq")
        if isinstance(seq, int) and not isinstance(seq, bool):
            record["seq"] = numbering.centre_seq(seq)
        yield record


def _audit_check(session: Session, station: SyncWorkstation) -> AuditCheck:
    epochs = _station_epochs(session, station.agency, station.workstation)
    roots = [e.epoch_id for e in epochs if e.parent_id is None]
    rows = session.execute(
        select(SyncImport.bundle_id, SyncImport.epoch, SyncImport.audit_head).where(
            SyncImport.agency == station.agency, SyncImport.workstation == station.workstation
        )
    ).all()
    problems: list[AuditProblem] = []
    last: dict[str | None, int] = {}  # per epoch, the newest head so far
    hashes: dict[tuple[str | None, int], str] = {}
    heads = 0
    newest: dict[str, Any] | None = None
    for bundle_id, epoch_id, raw in sorted(rows, key=lambda r: r[0]):
        head = _audit_head({"audit_head": raw})
        if head is None:
            continue
        heads += 1
        epoch = epoch_id or (roots[0] if roots else None)
        seq, digest = int(head["seq"]), str(head["hash"])
        newest = {"seq": seq, "hash": digest, "epoch": epoch}
        known = hashes.setdefault((epoch, seq), digest)
        if known != digest:
            problems.append(
                AuditProblem(
                    "rewritten",
                    epoch,
                    seq,
                    str(bundle_id),
                    f"entry {seq} came with two different hashes: the workstation's audit log was rewritten",
                )
            )
        before = last.get(epoch)
        if before is not None and seq < before:
            problems.append(
                AuditProblem(
                    "truncated",
                    epoch,
                    seq,
                    str(bundle_id),
                    f"bundle {bundle_id} carries the audit log up to entry {seq}, an earlier one up to entry "
                    f"{before}: entries were removed (and the store was not restored)",
                )
            )
        last[epoch] = max(seq, before or 0)
    restores = [
        {"epoch": e.epoch_id, "parent": e.parent_id, "fork_seq": e.fork_seq, "seen_at": e.seen_at.isoformat()}
        for e in epochs[1:]
    ]
    return AuditCheck(station.agency, station.workstation, heads, newest, restores, problems)


def _checkpoints(session: Session, agency: str, workstation: int) -> list[Checkpoint]:
    """The newest audit chain heads the workstation's bundles carried (each once), for its ack. Heads of
    bundles that carried no epoch count in the workstation's first epoch."""
    roots = [e.epoch_id for e in _station_epochs(session, agency, workstation) if e.parent_id is None]
    first = roots[0] if roots else None
    rows = session.execute(
        select(SyncImport.audit_head, SyncImport.epoch)
        .where(
            SyncImport.agency == agency,
            SyncImport.workstation == workstation,
            SyncImport.audit_head.is_not(None),
        )
        .order_by(SyncImport.imported_at.desc(), SyncImport.seq_to.desc())
    )
    found: list[Checkpoint] = []
    seen: set[tuple[str | None, int, str]] = set()
    for head, epoch in rows:
        head = _audit_head({"audit_head": head})
        if head is None:
            continue
        key = (epoch or first, int(head["seq"]), str(head["hash"]))
        if key not in seen:
            seen.add(key)
            found.append(Checkpoint(key[1], key[2], key[0]))
        if len(found) >= MAX_CHECKPOINTS:
            break
    return found


def _audit_head(manifest: dict[str, Any]) -> dict[str, Any] | None:
    """The workstation's audit chain head the (signed) manifest carries, when it is well-formed."""
    found = manifest.get("audit_head")
    if isinstance(found, dict) and isinstance(found.get("seq"), int) and isinstance(found.get("hash"), str):
        return {"seq": found["seq"], "hash": found["hash"][:64]}
    return None


def _enrolment(row: SyncWorkstation) -> Enrolment:
    return Enrolment(
        row.agency, row.workstation, row.public_key, row.enrolled_at, row.last_seq, row.last_import_at
    )


def _conflict(row: SyncConflict) -> Conflict:
    return Conflict(
        id=str(row.id),
        entity=row.entity,
        row_key=row.row_key,
        field=row.field,
        central_value=row.central_value,
        incoming_value=row.incoming_value,
        agency=row.agency,
        workstation=row.workstation,
        detected_at=row.detected_at,
        resolution=row.resolution,
        resolved_by=row.resolved_by,
    )


def _bundle_id(manifest: dict[str, Any]) -> uuid.UUID:
    try:
        return uuid.UUID(str(manifest.get("bundle_id")))
    except ValueError:
        raise BundleRefused("the manifest's bundle id is not a UUID", reason="corrupt") from None


def _replace(result: ImportResult, **changes: Any) -> ImportResult:
    return replace(result, **changes)

"""The typed ORM models: one class a table, ``Mapped[...]`` everywhere, UTC timestamps, UUIDv7 keys.

The models are the store's shape; they never leave ``records``: services hand out frozen dataclasses.
Tables that the sync issue will ship between stores carry client-made UUIDv7 ids. ``files`` also has a
local integer ``pk``: the full-text index needs a stable integer row id (SQLite renumbers implicit rowids
on VACUUM), and paging the file list in insertion order is cheapest on it.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from records.store.types import UTCDateTime, UTCTime, UuidPk, new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """The declarative base with a constraint naming convention (stable names for migrations)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class Setting(Base):
    """One piece of installation configuration (agency, workstation, office hours, code scheme)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON())
    updated_at: Mapped[UTCTime]


class User(Base):
    """A local account. ``password_hash`` is an argon2id hash; the built-in ``system`` account has none and
    cannot log in: it is the actor of command-line and start-up writes."""

    __tablename__ = "users"

    id: Mapped[UuidPk]
    # A centre mirrors each workstation's accounts as "agency:workstation:name" (records.sync.apply).
    username: Mapped[str] = mapped_column(String(160), unique=True)
    full_name: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[UTCTime]


class LoginFailure(Base):
    """Wrong passwords given for a user name since its last good login, and the lock they caused. Kept
    apart from ``users`` (a lock is this workstation's business, and never synced)."""

    __tablename__ = "login_failures"

    username: Mapped[str] = mapped_column(String(160), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_at: Mapped[UTCTime]
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditEntry(Base):
    """An append-only record of one write: who, when, from which workstation, what. Database triggers refuse
    UPDATE and DELETE on this table."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    at: Mapped[UTCTime]
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(64), index=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON(), default=dict)
    prev_hash: Mapped[str | None] = mapped_column(String(64))  # the hash chain (records.audit)
    hash: Mapped[str | None] = mapped_column(String(64))


class Citizen(Base):
    """A file owner or submitter: a person (personal ID or old ID) or an organisation / household business
    (tax or registration code). One row per personal ID and one per organisation code."""

    __tablename__ = "citizens"

    id: Mapped[UuidPk]
    kind: Mapped[int] = mapped_column(
        Integer, default=1
    )  # LoaiDoiTuong: 1 citizen, 2 business, 3 state, 4 other
    personal_id: Mapped[str | None] = mapped_column(String(12), unique=True)
    old_id: Mapped[str | None] = mapped_column(String(9), index=True)
    org_code: Mapped[str | None] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(255))
    name_folded: Mapped[str] = mapped_column(String(255), index=True)
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(8))
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    email: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[UTCTime]
    updated_at: Mapped[UTCTime]


class Procedure(Base):
    """A procedure of the catalogue (mã TTHC). Its rules live in effective-dated versions."""

    __tablename__ = "procedures"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text, index=True)  # the file list sorts on it (diacritics off)
    field: Mapped[str] = mapped_column(String(255))
    field_code: Mapped[str | None] = mapped_column(String(64))
    search_key: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[UTCTime]


class ProcedureVersion(Base):
    """One effective-dated set of a procedure's rules, stored whole as JSON and never edited once a file
    refers to it (a catalogue import that changes rules adds a version)."""

    __tablename__ = "procedure_versions"
    __table_args__ = (UniqueConstraint("procedure_code", "effective_from"),)

    id: Mapped[UuidPk]
    procedure_code: Mapped[str] = mapped_column(ForeignKey("procedures.code"), index=True)
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    rule: Mapped[dict[str, Any]] = mapped_column(JSON())
    rule_hash: Mapped[str] = mapped_column(String(64))


class HolidayTable(Base):
    """The official table of days off and make-up working days for one year (overrides the defaults)."""

    __tablename__ = "holiday_tables"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    document: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[UTCTime]


class DayClosing(Base):
    """A local day a supervisor closed (chốt sổ): who, when, and the day's figures as they stood then."""

    __tablename__ = "day_closings"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    closed_at: Mapped[UTCTime]
    closed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    closed_by_name: Mapped[str] = mapped_column(String(160))
    summary: Mapped[dict[str, Any]] = mapped_column(JSON())


class FileCodeCounter(Base):
    """How many file codes a workstation has handed out on one day (see docs/file-codes.md)."""

    __tablename__ = "file_code_counters"

    agency_code: Mapped[str] = mapped_column(String(35), primary_key=True)
    workstation: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    issued: Mapped[int] = mapped_column(Integer, default=0)


class RegisterCounter(Base):
    """The last entry number of a register book (Sổ theo dõi hồ sơ) in a year."""

    __tablename__ = "register_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    book: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_entry: Mapped[int] = mapped_column(Integer, default=0)


class File(Base):
    """An administrative file (hồ sơ), from receipt to the return of its result."""

    __tablename__ = "files"
    __table_args__ = (
        # Each workstation keeps its own register; a centre holds many.
        UniqueConstraint("agency_code", "workstation", "register_year", "register_book", "register_entry"),
        Index("ix_files_status_due_at", "status", "due_at"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    agency_code: Mapped[str] = mapped_column(String(35))
    workstation: Mapped[int] = mapped_column(Integer)
    procedure_code: Mapped[str] = mapped_column(ForeignKey("procedures.code"), index=True)
    procedure_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedure_versions.id"))
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("citizens.id"), index=True)
    submitter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("citizens.id"), index=True)
    channel: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[int] = mapped_column(Integer, index=True)  # the status sort
    received_at: Mapped[UTCTime] = mapped_column(index=True)
    clock_started_at: Mapped[UTCTime]
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)  # the due-date sort
    original_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)  # the day's report
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)  # the day's report
    sets: Mapped[int] = mapped_column(Integer, default=1)
    return_method: Mapped[str] = mapped_column(String(16), default="counter")
    fee_total: Mapped[int | None] = mapped_column(Integer)
    register_year: Mapped[int] = mapped_column(Integer)
    register_book: Mapped[int] = mapped_column(Integer)
    register_entry: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text)
    received_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[UTCTime]
    updated_at: Mapped[UTCTime]


class FileDocument(Base):
    """A document received with a file, with its counts by kind.

    Kinds: bản chính (original), bản sao chứng thực (certified copy), bản chụp (photocopy).
    """

    __tablename__ = "file_documents"

    id: Mapped[UuidPk]
    file_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("files.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(Integer, default=0)
    certified_copies: Mapped[int] = mapped_column(Integer, default=0)
    photocopies: Mapped[int] = mapped_column(Integer, default=0)


class FileFee(Base):
    """A fee or charge due on a file, computed from its frozen rule version when it was received."""

    __tablename__ = "file_fees"

    id: Mapped[UuidPk]
    file_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("files.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(Text)
    amount: Mapped[int | None] = mapped_column(Integer)


class FileEvent(Base):
    """One step of a file's life (registration, status change, extension), append-only: triggers refuse
    UPDATE and DELETE, corrections are new events."""

    __tablename__ = "file_events"
    __table_args__ = (Index("ix_file_events_file_id_at", "file_id", "at"),)

    id: Mapped[UuidPk]
    file_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("files.id"))
    at: Mapped[UTCTime]
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[int | None] = mapped_column(Integer)
    to_status: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    due_before: Mapped[datetime | None] = mapped_column(UTCDateTime())
    due_after: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StoredObject(Base):
    """The bytes of an attached document, stored once by their SHA-256 (``records.store.objects``)."""

    __tablename__ = "stored_objects"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[UTCTime]


class Attachment(Base):
    """A digitised document of a file (TaiLieuNop): one PDF, tied to an item of the file's checklist when
    there is one. Reusing a citizen's earlier document adds a row linking the same stored object. Removing
    marks the row (IsDeleted); nothing is deleted."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_file_id_position", "file_id", "position"),)

    id: Mapped[UuidPk]
    file_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("files.id"))
    document_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("file_documents.id"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text)  # matching a checklist item and reuse by name
    checklist_code: Mapped[str | None] = mapped_column(String(64))
    object_sha256: Mapped[str] = mapped_column(ForeignKey("stored_objects.sha256"), index=True)
    pages: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))  # scan, camera, import, reuse
    original_name: Mapped[str | None] = mapped_column(Text)
    colour_mode: Mapped[str | None] = mapped_column(String(16))
    dpi: Mapped[int | None] = mapped_column(Integer)
    digitised: Mapped[bool] = mapped_column(Boolean, default=True)  # DuocSoHoa
    reused: Mapped[bool] = mapped_column(Boolean, default=False)  # DuocTaiSuDung
    reused_from: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attachments.id"))
    warnings: Mapped[list[Any]] = mapped_column(JSON(), default=list)  # quality warnings overridden
    created_at: Mapped[UTCTime]
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    workstation: Mapped[int | None] = mapped_column(Integer)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    removed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))


class SyncChange(Base):
    """One change of a synced row on this workstation (an insert or update: ``upsert``; a delete: a
    tombstone), written by database triggers; ``seq`` is the workstation's change sequence."""

    __tablename__ = "sync_changes"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    row_key: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(8))
    at: Mapped[UTCTime]


class SyncApplying(Base):
    """Present (one row) only inside a transaction applying changes made elsewhere: the change triggers
    then record nothing."""

    __tablename__ = "sync_applying"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class SyncExport(Base):
    """A bundle this workstation wrote: its change range, where it went, and when the centre acknowledged
    it."""

    __tablename__ = "sync_exports"

    id: Mapped[UuidPk]
    seq_from: Mapped[int] = mapped_column(Integer)
    seq_to: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[UTCTime]
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON())
    encrypted: Mapped[bool] = mapped_column(Boolean)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StoreEpoch(Base):
    """One epoch of this store's change numbering (``records.sync.epochs``): the first one, then one more
    after each restore of a backup. The newest (highest ``number``) is the current one; the rows form a chain
    (each one's ``parent_id`` is the one before)."""

    __tablename__ = "store_epochs"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    parent_id: Mapped[str | None] = mapped_column(String(36))
    fork_seq: Mapped[int] = mapped_column(Integer)  # the last change the store held when the epoch began
    audit_fork_seq: Mapped[int] = mapped_column(Integer)  # the audit chain's head then
    started_at: Mapped[UTCTime]
    reason: Mapped[str] = mapped_column(String(16))  # "first" or "restored"


class AuditCheckpoint(Base):
    """A head of this workstation's audit chain that the centre received signed (in a bundle) and sent back
    in its acknowledgement: ``motcua audit verify`` checks the chain against it. ``epoch`` is the store epoch
    the bundle came from ("" when it carried none)."""

    __tablename__ = "audit_checkpoints"

    epoch: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[UTCTime]


# -- the centre ----------------------------------------------------------------------------------------------


class SyncWorkstation(Base):
    """A workstation enrolled at the centre: the key its bundles must be signed with, and the last of its
    changes the centre holds (bundles must follow on from it)."""

    __tablename__ = "sync_workstations"

    agency: Mapped[str] = mapped_column(String(35), primary_key=True)
    workstation: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    public_key: Mapped[str] = mapped_column(String(64))
    enrolled_at: Mapped[UTCTime]
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_import_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SyncImport(Base):
    """A bundle the centre imported (its id makes a second import of it a no-op)."""

    __tablename__ = "sync_imports"
    __table_args__ = (Index("ix_sync_imports_agency_workstation", "agency", "workstation"),)

    bundle_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    agency: Mapped[str] = mapped_column(String(35))
    workstation: Mapped[int] = mapped_column(Integer)
    seq_from: Mapped[int] = mapped_column(Integer)
    seq_to: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[UTCTime]
    sha256: Mapped[str] = mapped_column(String(64))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON())
    outcome: Mapped[dict[str, Any]] = mapped_column(JSON())  # inserted, updated, unchanged, stale, …
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    audit_head: Mapped[dict[str, Any] | None] = mapped_column(JSON())  # the workstation's chain, signed
    epoch: Mapped[str | None] = mapped_column(String(36))  # its store epoch (records.sync.epochs)


class SyncConflict(Base):
    """A field two sites changed differently (or a row deleted at one and changed at the other): the
    centre kept its value and records the other for a person to decide."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_entity_row_key", "entity", "row_key"),)

    id: Mapped[UuidPk]
    entity: Mapped[str] = mapped_column(String(32))
    row_key: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(64))  # "*" for a delete against a change
    central_value: Mapped[Any] = mapped_column(JSON(), nullable=True)
    incoming_value: Mapped[Any] = mapped_column(JSON(), nullable=True)
    agency: Mapped[str] = mapped_column(String(35))
    workstation: Mapped[int] = mapped_column(Integer)
    bundle_id: Mapped[uuid.UUID]
    seq: Mapped[int] = mapped_column(Integer)
    detected_at: Mapped[UTCTime]
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    resolved_by: Mapped[str | None] = mapped_column(String(160))
    resolution: Mapped[str | None] = mapped_column(String(16))  # "central" or "incoming"


class SyncRow(Base):
    """Which workstation last wrote a row at the centre, and at which of its changes."""

    __tablename__ = "sync_rows"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    row_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    agency: Mapped[str] = mapped_column(String(35))
    workstation: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)


class SyncRowBase(Base):
    """For a row more than one workstation sends (a citizen known at two communes, a catalogue entry): the
    version each one sent last — the base that tells which fields it changed since."""

    __tablename__ = "sync_row_bases"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    row_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    agency: Mapped[str] = mapped_column(String(35), primary_key=True)
    workstation: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    row: Mapped[dict[str, Any]] = mapped_column(JSON())


class SyncAlias(Base):
    """A workstation's id for a row the centre already holds under another (the same personal ID, the same
    procedure version): references to ``alias_key`` are rewritten to ``target_key``."""

    __tablename__ = "sync_aliases"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    alias_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    target_key: Mapped[str] = mapped_column(String(64))
    agency: Mapped[str] = mapped_column(String(35))
    workstation: Mapped[int] = mapped_column(Integer)


class SyncEpoch(Base):
    """A store epoch of an enrolled workstation (``records.sync.epochs``): how the centre numbers its
    changes (``seq_offset`` added to those after ``fork_seq``; its own numbers start at ``start``), and the
    last of its changes the centre holds, in the workstation's numbering (``last_seq``)."""

    __tablename__ = "sync_epochs"

    agency: Mapped[str] = mapped_column(String(35), primary_key=True)
    workstation: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    epoch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    parent_id: Mapped[str | None] = mapped_column(String(36))
    fork_seq: Mapped[int] = mapped_column(Integer)
    seq_offset: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    last_seq: Mapped[int] = mapped_column(Integer)
    seen_at: Mapped[UTCTime]

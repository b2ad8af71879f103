"""The workstation's side of offline sync: export what changed, read the centre's acknowledgements.

An export covers the changes after the last one the centre acknowledged (or a range asked for: a lost
bundle is made again), reads them in one snapshot, and writes one signed bundle (``records.sync.bundle``);
the bundle is listed in ``sync_exports``. Nothing is ever deleted locally because of sync: an
acknowledgement only moves the mark from which the next export starts. Bundles carry the store's epoch
(``records.sync.epochs``); acknowledgements bring back the audit chain heads the centre holds, kept as
checkpoints for ``motcua audit verify``.
"""

from __future__ import annotations

import itertools
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from records import audit
from records.clock import now
from records.durable import sync_folder
from records.errors import BundleRefused, InvalidInput, NotInitialised, StorageUnavailable
from records.keys import InstallationKeys, parse_public_key_text, public_key_text
from records.services.settings import get_setting, load_agency, put_setting
from records.services.users import system_actor
from records.store.database import Database
from records.store.models import AuditCheckpoint, SyncExport
from records.store.objects import ObjectStore
from records.store.types import new_id
from records.sync import changes, counters, epochs
from records.sync.ack import Checkpoint, read_ack
from records.sync.bundle import PARTIAL_SUFFIX, BundleHeader, WrittenBundle, file_sha256, write_bundle
from records.sync.crypto import encrypt_file, parse_x25519_text, sign_manifest
from records.users import Actor, require_admin
from records.version import app_version

ACKED_SEQ = "sync.acked_seq"  # the last change the centre acknowledged
LAST_ACK_AT = "sync.last_ack_at"
RESEND_OBJECTS = "sync.resend_objects"  # documents the centre reported missing: sent with the next export
LAST_ERROR = "sync.last_error"  # {"at", "message"} of the last automatic export that failed
CENTRE_SIGNING_KEY = "sync.centre_signing_key"  # "ed25519:…": checks the centre's acknowledgements
CENTRE_ENCRYPTION_KEY = "sync.centre_encryption_key"  # "x25519:…": bundles are encrypted to it
FOLDER = "sync.folder"  # where automatic exports go (a USB stick, a network share)
ON_CLOSE = "sync.on_close"  # export when the application closes
TIMES = "sync.times"  # local times of day ("HH:MM") at which the application exports
ENCRYPTED_SUFFIX = ".enc"


@dataclass(frozen=True)
class ExportResult:
    """A bundle written (``path`` None when there was nothing to export)."""

    path: Path | None
    bundle_id: str | None
    seq_from: int
    seq_to: int
    counts: dict[str, int]
    encrypted: bool = False

    def to_json(self) -> dict[str, Any]:
        """``motcua export --json``."""
        return {
            "path": str(self.path) if self.path else None,
            "bundle_id": self.bundle_id,
            "seq_from": self.seq_from,
            "seq_to": self.seq_to,
            "counts": self.counts,
            "encrypted": self.encrypted,
        }


@dataclass(frozen=True)
class SyncConfig:
    """How this workstation syncs: the centre's keys, the export folder and when to export by itself."""

    centre_signing_key: str | None
    centre_encryption_key: str | None
    folder: str | None
    on_close: bool
    times: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """``motcua sync-config --json``."""
        return {
            "centre_signing_key": self.centre_signing_key,
            "centre_encryption_key": self.centre_encryption_key,
            "folder": self.folder,
            "on_close": self.on_close,
            "times": list(self.times),
        }


@dataclass(frozen=True)
class AckResult:
    """An acknowledgement taken: the mark before and after, the bundles it confirmed, what is re-sent."""

    acked_seq: int
    previous_seq: int
    exports_acknowledged: int
    missing_objects: tuple[str, ...]
    audit_checkpoints: int = 0  # audit chain heads the ack brought that were not kept yet
    other_epoch: bool = False  # the ack counts in a store epoch this store does not descend from

    def to_json(self) -> dict[str, Any]:
        """``motcua import-ack --json``."""
        return {
            "acked_seq": self.acked_seq,
            "previous_seq": self.previous_seq,
            "exports_acknowledged": self.exports_acknowledged,
            "missing_objects": list(self.missing_objects),
            "audit_checkpoints": self.audit_checkpoints,
            "other_epoch": self.other_epoch,
        }


@dataclass(frozen=True)
class SyncStatus:
    """What the sync panel shows."""

    last_seq: int
    acked_seq: int
    unsynced: dict[str, int]  # rows changed since the last acknowledgement, by table
    oldest_pending: datetime | None
    last_export_at: datetime | None
    last_export_path: str | None
    last_ack_at: datetime | None
    last_error: str | None = None
    last_error_at: datetime | None = None
    resend_objects: int = 0

    def to_json(self) -> dict[str, Any]:
        """``motcua sync-status --json``."""
        return {
            "last_seq": self.last_seq,
            "acked_seq": self.acked_seq,
            "unsynced_files": self.unsynced_files,
            "unsynced": self.unsynced,
            "oldest_pending": self.oldest_pending.isoformat() if self.oldest_pending else None,
            "last_export_at": self.last_export_at.isoformat() if self.last_export_at else None,
            "last_export_path": self.last_export_path,
            "last_ack_at": self.last_ack_at.isoformat() if self.last_ack_at else None,
            "last_error": self.last_error,
            "last_error_at": self.last_error_at.isoformat() if self.last_error_at else None,
            "resend_objects": self.resend_objects,
        }

    @property
    def unsynced_files(self) -> int:
        """Files changed since the last acknowledgement."""
        return self.unsynced.get("files", 0)


class SyncService:
    """Export bundles and keep track of what the centre holds."""

    def __init__(self, db: Database, objects: ObjectStore | None, keys: InstallationKeys | None) -> None:
        self._db = db
        self._objects = objects
        self._keys = keys

    def status(self) -> SyncStatus:
        """Unsynced changes, the oldest pending, the last export and the last acknowledgement."""
        with self._db.reading() as uow:
            session = uow.session
            acked = int(get_setting(session, ACKED_SEQ, 0))
            last_export = session.scalars(select(SyncExport).order_by(SyncExport.created_at.desc())).first()
            ack_text = get_setting(session, LAST_ACK_AT)
            error = get_setting(session, LAST_ERROR) or {}
            return SyncStatus(
                last_seq=changes.last_seq(session),
                acked_seq=acked,
                unsynced=changes.count_changes(session, acked),
                oldest_pending=changes.first_change_at(session, acked),
                last_export_at=last_export.created_at if last_export else None,
                last_export_path=last_export.path if last_export else None,
                last_ack_at=datetime.fromisoformat(ack_text) if ack_text else None,
                last_error=error.get("message"),
                last_error_at=datetime.fromisoformat(error["at"]) if error.get("at") else None,
                resend_objects=len(get_setting(session, RESEND_OBJECTS) or []),
            )

    # -- configuration -------------------------------------------------------------------------------------

    def config(self) -> SyncConfig:
        """The centre's keys, the export folder and the automatic export times."""
        with self._db.reading() as uow:
            return _load_config(uow.session)

    def configure(self, actor: Actor, **changes: Any) -> SyncConfig:
        """Change some of the configuration (the fields of :class:`SyncConfig`; ``None`` or ``""`` clears a
        key or the folder). Keys and times are checked: :class:`InvalidInput` naming the bad one."""
        require_admin(actor, "change how this workstation syncs")
        checked: dict[str, Any] = {}
        for name, value in changes.items():
            if name not in _CONFIG_KEYS:
                raise InvalidInput(f"no such sync setting: {name}", field=name)
            try:
                checked[_CONFIG_KEYS[name]] = _checked_config(name, value)
            except InvalidInput as exc:
                raise exc.about(name) from None
        with self._db.writing() as uow:
            for key, value in checked.items():
                put_setting(uow.session, key, value)
            audit.append(
                uow.session,
                actor,
                "sync.configured",
                "settings",
                "sync",
                {
                    "changed": sorted(changes),
                },
            )
            config = _load_config(uow.session)
            uow.commit()
        return config

    def record_error(self, message: str) -> None:
        """Remember that an automatic export failed (the sync panel shows it until an export succeeds)."""
        with self._db.writing() as uow:
            put_setting(uow.session, LAST_ERROR, {"at": now().isoformat(), "message": message})
            uow.commit()

    # -- acknowledgements ----------------------------------------------------------------------------------

    def import_ack(self, path: Path, actor: Actor) -> AckResult:
        """Take the centre's acknowledgement in ``path``: checked against the configured centre signing key
        and this workstation's identity, it moves the mark from which the next export starts (never back)
        and marks the bundles it covers, and keeps the audit chain heads it carries as checkpoints. An ack
        counting in an earlier store epoch (written before the centre saw this store's restore) moves the
        mark no further than the restore point; one of an epoch this store does not descend from does not
        move it. Nothing is deleted. :class:`BundleRefused` for a file that does not check;
        :class:`NotInitialised` when no centre key is configured."""
        config = self.config()
        if not config.centre_signing_key:
            raise NotInitialised(
                "no centre signing key is configured: run 'motcua sync-config --centre-signing-key "
                "ed25519:…' with the key 'motcua central key' prints at the centre"
            )
        ack = read_ack(path, parse_public_key_text(config.centre_signing_key))
        with self._db.writing() as uow:
            session = uow.session
            agency = load_agency(session)
            if (ack.agency, ack.workstation) != (agency.code, agency.workstation):
                raise BundleRefused(
                    f"{path.name} acknowledges workstation {ack.workstation} of {ack.agency}, not this one "
                    f"(workstation {agency.workstation} of {agency.code})",
                    reason="wrong_workstation",
                )
            last = changes.last_seq(session)
            previous = int(get_setting(session, ACKED_SEQ, 0))
            usable = epochs.usable_ack(epochs.lineage(session), ack.store_epoch, ack.acked_seq)
            if usable is not None and usable > last:
                raise BundleRefused(
                    f"{path.name} acknowledges changes up to {ack.acked_seq}, but this workstation has made "
                    f"only {last}: it belongs to another store",
                    reason="wrong_workstation",
                )
            acked = max(previous, usable if usable is not None else previous)
            kept = _keep_checkpoints(session, ack.audit_checkpoints)
            raised = counters.raise_to(session, ack.counters)  # numbers the centre holds: never again
            put_setting(session, ACKED_SEQ, acked)
            put_setting(session, LAST_ACK_AT, now().isoformat())
            put_setting(session, RESEND_OBJECTS, list(ack.missing_objects))
            marked = 0
            for export in session.scalars(
                select(SyncExport).where(SyncExport.seq_to <= acked, SyncExport.acknowledged_at.is_(None))
            ):
                export.acknowledged_at = now()
                marked += 1
            audit.append(
                session,
                actor,
                "sync.acknowledged",
                "sync",
                str(acked),
                {
                    "previous_seq": previous,
                    "acked_seq": ack.acked_seq,
                    "missing_objects": len(ack.missing_objects),
                    "store_epoch": ack.store_epoch,
                    "audit_checkpoints": kept,
                    "counters_raised": raised,
                },
            )
            uow.commit()
        return AckResult(acked, previous, marked, ack.missing_objects, kept, usable is None)

    def export(
        self,
        folder: Path,
        seq_from: int | None = None,
        seq_to: int | None = None,
        encrypt_to: str | None = None,
        actor: Actor | None = None,
    ) -> ExportResult:
        """Write one bundle of the changes ``seq_from``..``seq_to`` into ``folder`` (default: everything after
        the last acknowledged change, and the documents the centre reported missing). Nothing to export
        writes nothing. The bundle is encrypted to the centre's key ``encrypt_to`` ("x25519:…"), by default
        the configured one: then only the encrypted file reaches ``folder``. The export is noted in the audit
        log as ``actor``'s (the ``system`` account's when none is given)."""
        if self._keys is None:
            raise NotInitialised("this store has no signing key (the data folder's keys)")
        if self._objects is None:
            raise NotInitialised("this store has no documents folder")
        keys, objects = self._keys, self._objects
        folder = Path(folder).absolute()
        _check_folder(folder)
        config = self.config()
        recipient_text = encrypt_to or config.centre_encryption_key
        recipient = parse_x25519_text(recipient_text) if recipient_text else None
        with self._db.writing() as uow:  # the store's first epoch, made when missing
            epochs.ensure(uow.session)
            uow.commit()
        with self._db.reading() as uow:  # one snapshot: the bundle is what the store held at one moment
            session = uow.session
            last = changes.last_seq(session)
            acked = int(get_setting(session, ACKED_SEQ, 0))
            start = acked + 1 if seq_from is None else seq_from
            end = last if seq_to is None else seq_to
            if start < 1 or end > last or (seq_from is not None and seq_to is not None and start > end):
                raise InvalidInput(
                    f"no such change range {start}..{end} (changes run from 1 to {last})",
                    field="range",
                    reason="bad_range",
                )
            resend = [] if seq_from is not None else list(get_setting(session, RESEND_OBJECTS) or [])
            if start > end and not resend:
                return ExportResult(None, None, start, end, {})
            agency = load_agency(session)
            lineage = epochs.lineage(session)
            header = BundleHeader(
                bundle_id=str(new_id()),
                created_at=now(),
                agency=agency.code,
                workstation=agency.workstation,
                public_key=keys.public_key_text(),
                schema_revision=_schema_revision(),
                app_version=app_version(),
                seq_from=start,
                seq_to=end,
                audit_head=audit.head(session).to_json(),
                store_epoch=lineage[-1].id if lineage else None,
                store_epochs=[e.to_json() for e in lineage] if lineage else None,
            )
            records = changes.changed_records(session, start, end)
            if resend:
                records = itertools.chain(
                    records, changes.object_records(session, resend, exclude=(start, end))
                )
            plain_folder = objects.cache_dir("outgoing") if recipient else folder
            if recipient is not None:
                for stale in plain_folder.glob("motcua-*.zip"):
                    stale.unlink(missing_ok=True)  # a plain bundle a killed export did not encrypt
            try:
                written = write_bundle(
                    plain_folder,
                    header,
                    records,
                    objects.read,
                    lambda manifest: sign_manifest(keys, manifest),
                )
                if recipient is not None:
                    written = _encrypted(written, folder, recipient)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                raise StorageUnavailable(f"cannot write the bundle in {folder}: {reason}") from None
        self._record(written, header, recipient is not None, actor)
        return ExportResult(written.path, header.bundle_id, start, end, written.counts, recipient is not None)

    def _record(
        self, written: WrittenBundle, header: BundleHeader, encrypted: bool, actor: Actor | None
    ) -> None:
        with self._db.writing() as uow:
            uow.session.add(
                SyncExport(
                    id=uuid.UUID(header.bundle_id),
                    seq_from=header.seq_from,
                    seq_to=header.seq_to,
                    created_at=header.created_at,
                    path=str(written.path),
                    sha256=written.sha256,
                    counts=written.counts,
                    encrypted=encrypted,
                )
            )
            put_setting(uow.session, LAST_ERROR, None)
            audit.append(
                uow.session,
                actor or system_actor(uow.session, header.workstation),
                "sync.exported",
                "sync",
                header.bundle_id,
                {
                    "seq_from": header.seq_from,
                    "seq_to": header.seq_to,
                    "counts": written.counts,
                    "encrypted": encrypted,
                    "path": str(written.path),
                },
            )
            uow.commit()


def _keep_checkpoints(session: Session, checkpoints: tuple[Checkpoint, ...]) -> int:
    """Keep the audit chain heads an ack carries (those not kept yet); how many were new."""
    kept = 0
    for checkpoint in {(c.epoch or "", c.seq, c.hash) for c in checkpoints}:
        if session.get(AuditCheckpoint, checkpoint) is None:
            epoch, seq, digest = checkpoint
            session.add(AuditCheckpoint(epoch=epoch, seq=seq, hash=digest, received_at=now()))
            kept += 1
    return kept


def _encrypted(plain: WrittenBundle, folder: Path, recipient: bytes) -> WrittenBundle:
    """Encrypt the plain bundle into ``folder`` (temporary name, synced, renamed) and delete the plain one:
    nothing readable reaches the export folder."""
    target = folder / (plain.path.name + ENCRYPTED_SUFFIX)
    temporary = folder / (target.name + PARTIAL_SUFFIX)
    try:
        for stale in folder.glob(f"*{ENCRYPTED_SUFFIX}{PARTIAL_SUFFIX}"):
            stale.unlink(missing_ok=True)  # a killed export's leftovers
        encrypt_file(plain.path, temporary, recipient)
        os.replace(temporary, target)
        sync_folder(folder)
    finally:
        temporary.unlink(missing_ok=True)
        plain.path.unlink(missing_ok=True)
    return WrittenBundle(target, plain.manifest, file_sha256(target))


_CONFIG_KEYS = {
    "centre_signing_key": CENTRE_SIGNING_KEY,
    "centre_encryption_key": CENTRE_ENCRYPTION_KEY,
    "folder": FOLDER,
    "on_close": ON_CLOSE,
    "times": TIMES,
}


def _checked_config(name: str, value: Any) -> Any:
    if name == "on_close":
        return bool(value)
    if name == "times":
        times = sorted({_checked_time(str(t)) for t in (value or [])})
        return times
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if name == "centre_signing_key":
        return public_key_text(parse_public_key_text(text))
    if name == "centre_encryption_key":
        parse_x25519_text(text)
        return text
    return text  # the folder: checked when an export writes to it (a USB stick comes and goes)


def _checked_time(text: str) -> str:
    try:
        moment = datetime.strptime(text.strip(), "%H:%M")
    except ValueError:
        raise InvalidInput(f"{text!r} is not a time of day (HH:MM)", field="times", value=text) from None
    return moment.strftime("%H:%M")


def _load_config(session: Session) -> SyncConfig:
    return SyncConfig(
        centre_signing_key=get_setting(session, CENTRE_SIGNING_KEY),
        centre_encryption_key=get_setting(session, CENTRE_ENCRYPTION_KEY),
        folder=get_setting(session, FOLDER),
        on_close=bool(get_setting(session, ON_CLOSE, False)),
        times=tuple(get_setting(session, TIMES) or ()),
    )


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder", field="out", reason="not_a_folder")


def _schema_revision() -> str:
    from records.store.migrate import head_revision

    return head_revision()

"""The workstation's side of offline sync: export what changed, read the centre's acknowledgements.

An export covers the changes after the last one the centre acknowledged (or a range asked for: a lost
bundle is made again), reads them in one snapshot, and writes one signed bundle (``records.sync.bundle``);
the bundle is listed in ``sync_exports``. Nothing is ever deleted locally because of sync: an
acknowledgement only moves the mark from which the next export starts.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlalchemy import select

from records.clock import now
from records.errors import InvalidInput, NotInitialised, StorageUnavailable
from records.keys import InstallationKeys
from records.services.settings import get_setting, load_agency
from records.store.database import Database
from records.store.models import SyncExport
from records.store.objects import ObjectStore
from records.store.types import new_id
from records.sync import changes
from records.sync.bundle import BundleHeader, WrittenBundle, write_bundle
from records.sync.crypto import sign_manifest

ACKED_SEQ = "sync.acked_seq"  # the last change the centre acknowledged
LAST_ACK_AT = "sync.last_ack_at"


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
class SyncStatus:
    """What the sync panel shows."""

    last_seq: int
    acked_seq: int
    unsynced: dict[str, int]  # rows changed since the last acknowledgement, by table
    oldest_pending: datetime | None
    last_export_at: datetime | None
    last_export_path: str | None
    last_ack_at: datetime | None

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
            return SyncStatus(
                last_seq=changes.last_seq(session),
                acked_seq=acked,
                unsynced=changes.count_changes(session, acked),
                oldest_pending=changes.first_change_at(session, acked),
                last_export_at=last_export.created_at if last_export else None,
                last_export_path=last_export.path if last_export else None,
                last_ack_at=datetime.fromisoformat(ack_text) if ack_text else None,
            )

    def export(self, folder: Path, seq_from: int | None = None, seq_to: int | None = None) -> ExportResult:
        """Write one bundle of the changes ``seq_from``..``seq_to`` into ``folder`` (default: everything after
        the last acknowledged change). Nothing to export writes nothing."""
        if self._keys is None:
            raise NotInitialised("this store has no signing key (the data folder's keys)")
        if self._objects is None:
            raise NotInitialised("this store has no documents folder")
        keys, objects = self._keys, self._objects
        _check_folder(folder)
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
            if start > end:
                return ExportResult(None, None, start, end, {})
            agency = load_agency(session)
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
            )
            try:
                written = write_bundle(
                    folder,
                    header,
                    changes.changed_records(session, start, end),
                    objects.read,
                    lambda manifest: sign_manifest(keys, manifest),
                )
            except OSError as exc:
                reason = exc.strerror or str(exc)
                raise StorageUnavailable(f"cannot write the bundle in {folder}: {reason}") from None
        self._record(written, header)
        return ExportResult(written.path, header.bundle_id, start, end, written.counts)

    def _record(self, written: WrittenBundle, header: BundleHeader) -> None:
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
                    encrypted=False,
                )
            )
            uow.commit()


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder", field="out", reason="not_a_folder")


def _schema_revision() -> str:
    from records.store.migrate import head_revision

    return head_revision()


def app_version() -> str:
    """The installed application's version."""
    try:
        return metadata.version("motcua-desk")
    except metadata.PackageNotFoundError:
        return "0+unknown"

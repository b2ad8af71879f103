"""Backups of an SQLite store (``records.backup``): on demand, daily, and before risky changes."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy.engine import make_url

from records import audit
from records.backup import (
    BackupResult,
    automatic_name,
    daily_due,
    is_encrypted_backup,
    make_backup,
    restore_backup,
    rotate,
    unlock_backup,
    verify_backup,
)
from records.encryption import StoreKey, key_id
from records.errors import BackupRefused
from records.services.users import system_actor
from records.store.database import Database
from records.store.models import User
from records.store.objects import ObjectStore
from records.sync import counters, epochs
from records.sync.counters import Counters
from records.users import Actor, require_admin
from records.version import app_version


class BackupService:
    """Back the store up (to a given file, or automatically into the backups folder) and restore it."""

    def __init__(
        self,
        db: Database,
        objects: ObjectStore | None,
        keys_dir: Path | None,
        folder: Path | None,
        encryption_file: Path | None = None,
    ) -> None:
        self._db = db
        self._objects = objects
        self._keys_dir = keys_dir
        self.folder = folder
        self._encryption_file = encryption_file
        self._key = objects.key if objects is not None else None  # encryption at rest (records.encryption)

    def is_sqlite(self) -> bool:
        """Whether the store is an SQLite file (what this service backs up)."""
        url = make_url(str(self._db.engine.url))
        return url.get_backend_name() == "sqlite" and bool(url.database) and url.database != ":memory:"

    def _database(self) -> Path:
        url = make_url(str(self._db.engine.url))
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            raise BackupRefused(
                "only an SQLite store is backed up here; back a PostgreSQL store up with its own tools "
                "(pg_dump) and the data folder",
                reason="not_sqlite",
            )
        return Path(url.database)

    def _store(self) -> ObjectStore:
        if self._objects is None:
            raise BackupRefused("this store has no documents folder", reason="not_sqlite")
        return self._objects

    def backup(self, out: Path, actor: Actor | None = None) -> BackupResult:
        """Back the store up into the zip ``out`` (checked before and after); noted in the audit log."""
        result = self._make(out)
        self._audit(actor, "store.backed_up", {"path": str(result.path), **result.counts})
        return result

    def _make(self, out: Path, keep_damaged: bool = False) -> BackupResult:
        database, store = self._database(), self._store()
        encryption = None
        if self._key is not None and self._encryption_file is not None:
            encryption = self._encryption_file.read_bytes()
        return make_backup(
            database, store, self._keys_dir, out, app_version(), keep_damaged, self._key, encryption
        )

    def automatic(self, kind: str) -> BackupResult | None:
        """An automatic backup of ``kind`` (``daily``, ``before-import``, ``before-restore``, …) into the
        backups folder, the oldest of that kind rotated out; ``None`` without a backups folder or for a store
        that is not an SQLite file (PostgreSQL has its own tools). Not in the audit log: it is the
        application's own housekeeping (and a refused import after it must leave the store as it was)."""
        if self.folder is None or not self.is_sqlite():
            return None
        # What is there before a restore is kept even when damaged: it is often why one restores.
        result = self._make(self.folder / automatic_name(kind), keep_damaged=kind == "before-restore")
        rotate(self.folder, kind)
        return result

    def daily_if_due(self) -> BackupResult | None:
        """Today's daily backup, unless it is made already (or there is no backups folder)."""
        if (
            self.folder is None
            or not self.is_sqlite()
            or (self.folder.is_dir() and not daily_due(self.folder))
        ):
            return None
        return self.automatic("daily")

    def needs_passphrase(self, path: Path) -> bool:
        """Whether the backup at ``path`` is encrypted under another key than the store's: its passphrase
        (or recovery code) is needed to check or restore it."""
        found = is_encrypted_backup(path)
        return found is not None and found != key_id(self._key)

    def _backup_key(self, path: Path, passphrase: str | None) -> StoreKey | None:
        if passphrase and self.needs_passphrase(path):
            return unlock_backup(path, passphrase)
        return self._key

    def verify(self, path: Path, passphrase: str | None = None) -> BackupResult:
        """Check a backup whole without touching the store (``passphrase``: an encrypted backup's, when it
        was made under another key)."""
        return verify_backup(path, self._backup_key(path, passphrase))

    def restore(self, path: Path, actor: Actor, passphrase: str | None = None) -> BackupResult:
        """Replace the store with the backup at ``path`` (administrators only): the backup is checked first,
        the store as it is now is backed up (``before-restore``), and the result is checked again. The
        store keeps its own encryption; an encrypted backup made under another key needs ``passphrase``."""
        require_admin(actor, "restore a backup")
        backup_key = self._backup_key(path, passphrase)
        verify_backup(path, backup_key)
        numbers = self._counters()
        self.automatic("before-restore")
        database = self._database()
        self._db.dispose()  # no connection of ours keeps the old pages
        result = restore_backup(path, database, self._store(), self._keys_dir, self._key, backup_key)
        epoch = self._new_epoch(numbers)
        self._audit(
            actor,
            "store.restored",
            {"path": str(path), "created_at": result.created_at.isoformat(), "store_epoch": epoch},
        )
        return result

    def _counters(self) -> Counters:
        """The file-code and register counters of the store a restore replaces (``records.sync.counters``);
        none when it cannot be read (often why one restores)."""
        try:
            with self._db.reading() as uow:
                return counters.read(uow.session)
        except Exception:  # a damaged store: the centre's next acknowledgement brings its numbers
            return Counters()

    def _new_epoch(self, numbers: Counters) -> str:
        """Begin a new store epoch in the store just restored (migrated first when the backup is older), so
        that its new changes are not taken at the centre for the ones the restore undid; its counters are
        raised to those of the store it replaced (no file code or register entry handed out twice)."""
        from records.store.migrate import current_revision, head_revision, upgrade

        if current_revision(self._db.engine) != head_revision():
            upgrade(self._db.engine)
        with self._db.writing() as uow:
            epoch = epochs.after_restore(uow.session)
            counters.raise_to(uow.session, numbers)
            uow.commit()
        return epoch.id

    def _audit(self, actor: Actor | None, action: str, details: dict[str, object]) -> None:
        with self._db.writing() as uow:
            session = uow.session
            if actor is not None and session.get(User, uuid.UUID(actor.user_id)) is None:
                # A backup of another store (a new PC) knows nobody of this one: the restore is noted
                # under the system account, naming who did it.
                details = {**details, "by": actor.username}
                actor = None
            audit.append(session, actor or system_actor(session), action, "store", None, dict(details))
            uow.commit()

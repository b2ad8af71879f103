"""Backups of an SQLite store (``records.backup``): on demand, daily, and before risky changes."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from records import audit
from records.backup import (
    BackupResult,
    automatic_name,
    daily_due,
    make_backup,
    restore_backup,
    rotate,
    verify_backup,
)
from records.errors import BackupRefused
from records.services.users import system_actor
from records.store.database import Database
from records.store.objects import ObjectStore
from records.users import Actor, require_admin
from records.version import app_version


class BackupService:
    """Back the store up (to a given file, or automatically into the backups folder) and restore it."""

    def __init__(
        self, db: Database, objects: ObjectStore | None, keys_dir: Path | None, folder: Path | None
    ) -> None:
        self._db = db
        self._objects = objects
        self._keys_dir = keys_dir
        self.folder = folder

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
        return make_backup(database, store, self._keys_dir, out, app_version(), keep_damaged)

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

    def verify(self, path: Path) -> BackupResult:
        """Check a backup whole without touching the store."""
        return verify_backup(path)

    def restore(self, path: Path, actor: Actor) -> BackupResult:
        """Replace the store with the backup at ``path`` (administrators only): the backup is checked first,
        the store as it is now is backed up (``before-restore``), and the result is checked again."""
        require_admin(actor, "restore a backup")
        verify_backup(path)
        self.automatic("before-restore")
        database = self._database()
        self._db.dispose()  # no connection of ours keeps the old pages
        result = restore_backup(path, database, self._store(), self._keys_dir)
        self._audit(actor, "store.restored", {"path": str(path), "created_at": result.created_at.isoformat()})
        return result

    def _audit(self, actor: Actor | None, action: str, details: dict[str, object]) -> None:
        with self._db.writing() as uow:
            session = uow.session
            audit.append(session, actor or system_actor(session), action, "store", None, dict(details))
            uow.commit()

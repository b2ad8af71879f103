"""Where the data lives and how a store is opened: the one place that builds engines and services.

The data folder is ``--data-dir``, else ``MOTCUA_HOME``, else the platform's user data folder
(``%LOCALAPPDATA%\\MotCuaDesk`` on Windows, ``~/.local/share/MotCuaDesk`` on Linux). The database is
``--db`` (any SQLAlchemy URL), else ``MOTCUA_DB``, else ``motcua.sqlite3`` in the data folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from records.errors import EncryptionRefused, StorageUnavailable

if TYPE_CHECKING:  # the store's modules are imported when a store is opened (on the UI's worker)
    from records.encryption import StoreFiles
    from records.services import Services

APP_DIR_NAME = "MotCuaDesk"
DB_FILE_NAME = "motcua.sqlite3"
KEYS_DIR_NAME = "keys"
ENCRYPTION_FILE_NAME = "encryption.json"
PASSPHRASE_ENV = "MOTCUA_PASSPHRASE"


@dataclass(frozen=True)
class Location:
    """The data folder and the database URL of one installation."""

    data_dir: Path
    db_url: str

    @property
    def backup_dir(self) -> Path:
        """Where automatic backups go."""
        return self.data_dir / "backups"

    def existing_sqlite_file(self) -> bool:
        """Whether the database is an SQLite file that already exists (a cheap check before opening)."""
        prefix = "sqlite:///"
        return self.db_url.startswith(prefix) and Path(self.db_url[len(prefix) :]).is_file()

    @property
    def keys_dir(self) -> Path:
        """Where the installation's signing key and ID salt live (made on first use)."""
        return self.data_dir / KEYS_DIR_NAME

    @property
    def documents_dir(self) -> Path:
        """Where attached documents are stored by content (``records.store.objects``)."""
        return self.data_dir / "documents"

    @property
    def encryption_file(self) -> Path:
        """``encryption.json``: there when the store is encrypted (``records.encryption``)."""
        return self.data_dir / ENCRYPTION_FILE_NAME

    @property
    def cache_dir(self) -> Path:
        """Derived copies (thumbnails), rebuilt on demand."""
        return self.data_dir / "cache"

    def is_encrypted(self) -> bool:
        """Whether the store is encrypted at rest (a passphrase is needed to open it)."""
        return self.encryption_file.is_file()

    def sqlite_path(self) -> Path | None:
        """The database file, for an SQLite store; None for another database."""
        prefix = "sqlite:///"
        return Path(self.db_url[len(prefix) :]) if self.db_url.startswith(prefix) else None

    def store_files(self) -> StoreFiles:
        """What encryption at rest covers (:class:`records.encryption.StoreFiles`)."""
        from records.encryption import StoreFiles

        database = self.sqlite_path()
        if database is None:
            raise EncryptionRefused(
                "only an SQLite store is encrypted here; a PostgreSQL server has its own encryption",
                reason="not_sqlite",
            )
        return StoreFiles(
            self.data_dir, database, self.documents_dir, self.keys_dir, (self.cache_dir / "thumbnails",)
        )


def resolve(data_dir: str | None = None, db_url: str | None = None) -> Location:
    """The location from explicit values, then the environment, then the platform defaults."""
    folder = Path(data_dir or os.environ.get("MOTCUA_HOME") or user_data_dir(APP_DIR_NAME, appauthor=False))
    url = db_url or os.environ.get("MOTCUA_DB") or f"sqlite:///{(folder / DB_FILE_NAME).resolve().as_posix()}"
    return Location(folder, url)


def open_services(location: Location, passphrase: str | None = None) -> Services:
    """Open (creating if needed) and migrate the store, seed the shipped reference data, build services.

    An encrypted store needs its ``passphrase`` (or recovery code; else ``MOTCUA_PASSPHRASE``):
    :class:`EncryptionRefused` ``passphrase_needed`` or ``wrong_passphrase`` without the right one.
    Raises :class:`StorageUnavailable` with a clear reason when the store cannot be used.
    """
    from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

    from records.keys import InstallationKeys
    from records.services import build_services
    from records.services.users import system_actor
    from records.store.database import Database, make_engine, storage_error
    from records.store.migrate import upgrade
    from records.store.objects import ObjectStore

    try:
        location.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageUnavailable(
            f"cannot create the data folder {location.data_dir}: {exc.strerror}"
        ) from exc
    key = None
    if location.is_encrypted() and location.sqlite_path() is not None:
        from records.encryption import open_key

        key = open_key(location.store_files(), passphrase or os.environ.get(PASSPHRASE_ENV))
    try:
        engine = make_engine(location.db_url, key=key)
    except (ArgumentError, ImportError) as exc:  # a malformed URL, an unknown dialect, a missing driver
        raise StorageUnavailable(f"the database URL cannot be used: {exc}") from exc

    def before_migration(database: Path, _label: str) -> Path:
        from records.backup import automatic_name, make_backup, rotate
        from records.version import app_version

        folder = location.backup_dir
        target = folder / automatic_name("before-migration")
        objects = ObjectStore(location.documents_dir, key)
        encryption = location.encryption_file.read_bytes() if key is not None else None
        made = make_backup(database, objects, location.keys_dir, target, app_version(), True, key, encryption)
        rotate(folder, "before-migration")
        return made.path

    try:
        upgrade(engine, location.backup_dir, before_migration)
    except OperationalError as exc:
        raise storage_error(exc) from exc
    except DBAPIError as exc:
        raise storage_error(exc) from exc
    services = build_services(
        Database(engine),
        InstallationKeys(location.keys_dir, key),
        ObjectStore(location.documents_dir, key),
        location.backup_dir,
        location.encryption_file if key is not None else None,
    )
    with services.db.writing() as uow:
        actor = system_actor(uow.session)
        uow.commit()
    services.catalog.seed_if_empty(actor)
    services.calendar.seed_if_empty(actor)
    services.attachments.recover()  # what a process killed while attaching documents left behind
    return services

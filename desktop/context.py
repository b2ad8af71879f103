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

from records.errors import StorageUnavailable

if TYPE_CHECKING:  # the store's modules are imported when a store is opened (on the UI's worker)
    from records.services import Services

APP_DIR_NAME = "MotCuaDesk"
DB_FILE_NAME = "motcua.sqlite3"
KEYS_DIR_NAME = "keys"


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


def resolve(data_dir: str | None = None, db_url: str | None = None) -> Location:
    """The location from explicit values, then the environment, then the platform defaults."""
    folder = Path(data_dir or os.environ.get("MOTCUA_HOME") or user_data_dir(APP_DIR_NAME, appauthor=False))
    url = db_url or os.environ.get("MOTCUA_DB") or f"sqlite:///{(folder / DB_FILE_NAME).resolve().as_posix()}"
    return Location(folder, url)


def open_services(location: Location) -> Services:
    """Open (creating if needed) and migrate the store, seed the shipped reference data, build services.

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
    try:
        engine = make_engine(location.db_url)
    except (ArgumentError, ImportError) as exc:  # a malformed URL, an unknown dialect, a missing driver
        raise StorageUnavailable(f"the database URL cannot be used: {exc}") from exc

    def before_migration(database: Path, _label: str) -> Path:
        from records.backup import automatic_name, make_backup, rotate
        from records.version import app_version

        folder = location.backup_dir
        target = folder / automatic_name("before-migration")
        objects = ObjectStore(location.documents_dir)
        made = make_backup(database, objects, location.keys_dir, target, app_version(), keep_damaged=True)
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
        InstallationKeys(location.keys_dir),
        ObjectStore(location.documents_dir),
        location.backup_dir,
    )
    with services.db.writing() as uow:
        actor = system_actor(uow.session)
        uow.commit()
    services.catalog.seed_if_empty(actor)
    services.calendar.seed_if_empty(actor)
    services.attachments.recover()  # what a process killed while attaching documents left behind
    return services

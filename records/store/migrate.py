"""Migrations, shipped inside the package and run at start-up after a backup of the database file.

Alembic is configured in code (no alembic.ini to lose): :func:`upgrade` brings any store to the newest
revision. Before it migrates an existing SQLite file it copies it with SQLite's online backup API to
``<data dir>/backups/`` so that a failed migration can always be undone by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from records.durable import online_copy

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """An Alembic configuration pointing at the shipped migration scripts."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest revision the shipped scripts know."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the store is at (``None`` for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite_file(database: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy of an SQLite database (online backup API, safe with WAL and open readers)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{database.stem}-{stamp}-{label}.sqlite3"
    online_copy(database, target)
    return target


def upgrade(
    engine: Engine,
    backup_dir: Path | None = None,
    backup_with: Callable[[Path, str], Path] | None = None,
) -> Path | None:
    """Migrate the store to the newest revision; returns the backup made first, if one was needed.

    An SQLite file that already holds data at an older revision is backed up before anything changes (by
    ``backup_with(database, label)`` when given — the application's whole backup, documents and keys
    included — else as a copy of the database file into ``backup_dir``); an empty or up-to-date store is
    not.
    """
    backup: Path | None = None
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    url = make_url(str(engine.url))
    if (
        current is not None
        and backup_dir is not None
        and url.get_backend_name() == "sqlite"
        and url.database
        and url.database != ":memory:"
    ):
        label = f"before-{head}"
        database = Path(url.database)
        backup = (
            backup_with(database, label) if backup_with else backup_sqlite_file(database, backup_dir, label)
        )
    _run(engine, lambda config: command.upgrade(config, "head"))
    return backup


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate the store back to ``revision`` (tests of the migrations; a rollback by hand)."""
    _run(engine, lambda config: command.downgrade(config, revision))


def _run(engine: Engine, action: Callable[[Config], None]) -> None:
    config = alembic_config()
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # SQLite's way to rebuild a table others refer to: foreign keys off (outside any transaction),
            # then checked before the migration commits.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                action(config)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"the migration would break references: {broken[:5]}")
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]

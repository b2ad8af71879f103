"""The engine, the unit of work and opening a store (migrate after a backup).

SQLite runs in WAL mode with foreign keys on and ``synchronous=FULL``: a power cut loses no committed
file. Writing units of work start with ``BEGIN IMMEDIATE`` so that two writers queue on the lock instead of
failing half-way; reading units of work start a plain deferred transaction and never block a writer.
Any SQLAlchemy URL works (PostgreSQL included); the pragmas apply to SQLite only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from records.errors import StorageUnavailable

if TYPE_CHECKING:
    from records.encryption import StoreKey

BUSY_TIMEOUT_MS = 10_000
_IMMEDIATE = "motcua_sqlite_immediate"


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of an SQLite file."""
    return f"sqlite:///{path.resolve().as_posix()}"


def make_engine(url: str, *, echo: bool = False, key: StoreKey | None = None) -> Engine:
    """An engine for ``url``, with the SQLite pragmas and transaction control set up for this app; with
    ``key``, an SQLite file encrypted with SQLCipher (``records.encryption``)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, echo=echo, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    extra: dict[str, Any] = {}
    if key is not None:
        from records.encryption import cipher_module

        extra["module"] = cipher_module()
    engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **extra)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        if key is not None:
            from records.encryption import apply_key

            apply_key(dbapi_connection, key)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def is_sqlite(engine: Engine) -> bool:
    """Whether ``engine`` talks to SQLite (full-text search and pragmas are SQLite-only)."""
    return engine.dialect.name == "sqlite"


def storage_error(exc: DBAPIError) -> StorageUnavailable:
    """A clear domain error for a database failure that is about the storage, not the data."""
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        why = "the database is busy (another program is writing); try again"
    elif "full" in lowered:
        why = "the disk is full; free some space and try again"
    elif "readonly" in lowered or "read-only" in lowered:
        why = "the database file is read-only"
    elif "malformed" in lowered or "not a database" in lowered:
        why = "the database file is damaged; restore a backup"
    else:
        why = "the database cannot be used"
    return StorageUnavailable(f"{why} ({text})", detail=text)


class UnitOfWork:
    """One user action's session: it rolls back unless :meth:`commit` is called.

    Database failures that are about the storage (locked, full, read-only, damaged) become
    :class:`StorageUnavailable`; domain errors pass through; in every failure nothing is kept.
    """

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        return self

    def commit(self) -> None:
        """Make the action's writes durable."""
        try:
            self.session.commit()
        except OperationalError as exc:
            self.session.rollback()
            raise storage_error(exc) from exc

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()
        if isinstance(exc, OperationalError):
            raise storage_error(exc) from exc


class Database:
    """The engine and its two session factories: reading and writing units of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        writer = engine.execution_options(**{_IMMEDIATE: True}) if is_sqlite(engine) else engine
        self._write = sessionmaker(writer, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        """Whether the store is SQLite."""
        return is_sqlite(self.engine)

    def reading(self) -> UnitOfWork:
        """A unit of work for reading (a deferred transaction)."""
        return UnitOfWork(self._read)

    def writing(self) -> UnitOfWork:
        """A unit of work for writing (``BEGIN IMMEDIATE`` on SQLite)."""
        return UnitOfWork(self._write)

    @contextmanager
    def connection(self) -> Iterator[Any]:
        """A raw connection in a transaction, for bulk work (demo data, benchmarks)."""
        with self._write.kw["bind"].begin() as conn:
            yield conn

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

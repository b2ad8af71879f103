"""Plain helpers of the integration tests: known-valid IDs, registration documents, row counts, stores."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from desktop.context import DB_FILE_NAME, Location, open_services, resolve
from records.clock import VIETNAM_TZ
from records.files import FileDetail, RegistrationRequest
from records.services import Services
from records.users import Actor, Role

AGENCY_CODE = "H55.242"
AGENCY_NAME = "UBND xã Tân Phú"

# Valid 12-digit personal IDs (province 001 Hà Nội / 079 TP Hồ Chí Minh; century-sex digit; birth year).
ID_DUC = "001099012345"  # male, 1999
ID_HOA = "079301004567"  # female, 2001
ID_DANG = "031088000321"  # male, 1988
ID_DAT = "001085000777"  # male, 1985

# Tables whose rows a refused action must leave untouched.
COUNTED_TABLES = (
    "files",
    "file_events",
    "file_documents",
    "file_fees",
    "citizens",
    "audit_log",
    "procedures",
    "procedure_versions",
    "holiday_tables",
    "settings",
    "users",
    "file_code_counters",
    "register_counters",
    "stored_objects",
    "attachments",
    "sync_changes",
    "sync_exports",
)


def copy_sqlite(source: Location, target: Location) -> None:
    """Copy the SQLite store of ``source`` to ``target`` (SQLite's backup API: consistent with WAL)."""
    source_db = sqlite3.connect(source.data_dir / DB_FILE_NAME)
    target_db = sqlite3.connect(target.data_dir / DB_FILE_NAME)
    try:
        source_db.backup(target_db)
    finally:
        target_db.close()
        source_db.close()


def vn(text_: str) -> datetime:
    """An ISO date-time without offset, read as Vietnam's civil time (UTC+7)."""
    return datetime.fromisoformat(text_).replace(tzinfo=VIETNAM_TZ)


def open_store(data_dir: Path, db_url: str | None = None) -> Services:
    """Open (create and migrate) the store of ``data_dir``."""
    return open_services(resolve(str(data_dir), db_url))


def dump_at(data_dir: Path, db_url: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """:func:`store_dump` of the store in ``data_dir`` (opened for the occasion, then closed)."""
    services = open_store(data_dir, db_url)
    try:
        return store_dump(services)
    finally:
        services.db.dispose()


def row_counts(services: Services) -> dict[str, int]:
    """How many rows each counted table holds."""
    with services.db.reading() as uow:
        return {
            table: int(uow.session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in COUNTED_TABLES
        }


def store_dump(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every counted table, sorted: equal dumps mean nothing changed."""
    with services.db.reading() as uow:
        return {
            table: sorted(
                (tuple(row) for row in uow.session.execute(text(f"SELECT * FROM {table}"))),
                key=repr,
            )
            for table in COUNTED_TABLES
        }


def registration(
    *,
    procedure: str = "1.004873",
    personal_id: str = ID_DUC,
    full_name: str = "Nguyễn Văn Đức",
    received_at: str | None = "2026-03-02T09:00:00",
    **extra: Any,
) -> dict[str, Any]:
    """A registration JSON document as the counter (or ``motcua file register``) sends it."""
    data: dict[str, Any] = {
        "procedure": procedure,
        "applicant": {"personal_id": personal_id, "full_name": full_name},
        "documents": [{"name": "Tờ khai", "original": 1}],
    }
    if received_at is not None:
        data["received_at"] = received_at
    data.update(extra)
    return data


@dataclass
class Counter:
    """An initialised store with its actors and a helper to register files."""

    services: Services
    location: Location
    system: Actor
    admin: Actor
    clerk: Actor

    def register(self, actor: Actor | None = None, **kwargs: Any) -> FileDetail:
        """Register a file built by :func:`registration` (``kwargs`` go to it)."""
        request = RegistrationRequest.from_json(registration(**kwargs))
        return self.services.files.register(request, actor or self.clerk)


def make_store_counter(data_dir: Path, workstation: int = 1) -> Counter:
    location = resolve(str(data_dir), None)
    services = open_services(location)
    services.settings.initialise(agency_code=AGENCY_CODE, agency_name=AGENCY_NAME, workstation=workstation)
    system = services.users.system(workstation)
    # Hashing passwords is the slow part of adding users; one clerk and one admin per store is enough.
    admin = services.users.add(system, "admin", "Quản trị viên", Role.ADMIN, "matkhau-admin")
    clerk = services.users.add(admin, "lan", "Trần Thị Lan", Role.CLERK, "matkhau-lan")
    return Counter(services, location, system, admin, clerk)

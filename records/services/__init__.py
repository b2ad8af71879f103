"""The services: the only door from the UI and the command line into the domain and the store.

Each user action is one call, one unit of work; the services take plain values and an :class:`Actor`,
and return frozen dataclasses, never live ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from records.keys import InstallationKeys
from records.services.attachments import AttachmentService
from records.services.audit import AuditService
from records.services.backups import BackupService
from records.services.calendar import CalendarService
from records.services.catalog import CatalogService
from records.services.citizens import CitizenService
from records.services.files import FileService
from records.services.receipts import ReceiptService
from records.services.reports import ReportService
from records.services.settings import SettingsService
from records.services.sync import SyncService
from records.services.users import UserService
from records.store.database import Database
from records.store.objects import ObjectStore


@dataclass(frozen=True)
class Services:
    """Every service of one store, built once by the composition root."""

    db: Database
    settings: SettingsService
    users: UserService
    catalog: CatalogService
    calendar: CalendarService
    files: FileService
    receipts: ReceiptService
    citizens: CitizenService
    reports: ReportService
    attachments: AttachmentService
    sync: SyncService
    audit: AuditService
    backups: BackupService


def build_services(
    db: Database,
    keys: InstallationKeys | None = None,
    objects: ObjectStore | None = None,
    backup_dir: Path | None = None,
    encryption_file: Path | None = None,
) -> Services:
    """Wire the services of a migrated store. Without ``keys`` (the installation's key folder), signing
    and checking receipt codes raise :class:`~records.errors.NotInitialised`; without ``objects`` (the
    documents folder), so does storing or reading attached documents. ``encryption_file`` is the store's
    ``encryption.json`` when it is encrypted (the key itself comes with ``objects``), copied into backups."""
    settings = SettingsService(db)
    users = UserService(db)
    backups = BackupService(db, objects, keys.folder if keys else None, backup_dir, encryption_file)

    def before_import() -> object:
        return backups.automatic("before-import")

    catalog = CatalogService(db, before_import)
    calendar = CalendarService(db, settings, before_import)
    files = FileService(db, settings, catalog, calendar)
    receipts = ReceiptService(db, settings, keys)
    citizens = CitizenService(db)
    reports = ReportService(db)
    attachments = AttachmentService(db, objects, files)
    sync = SyncService(db, objects, keys)
    return Services(
        db,
        settings,
        users,
        catalog,
        calendar,
        files,
        receipts,
        citizens,
        reports,
        attachments,
        sync,
        AuditService(db),
        backups,
    )

"""The services: the only door from the UI and the command line into the domain and the store.

Each user action is one call, one unit of work; the services take plain values and an :class:`Actor`,
and return frozen dataclasses, never live ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass

from records.services.calendar import CalendarService
from records.services.catalog import CatalogService
from records.services.files import FileService
from records.services.settings import SettingsService
from records.services.users import UserService
from records.store.database import Database


@dataclass(frozen=True)
class Services:
    """Every service of one store, built once by the composition root."""

    db: Database
    settings: SettingsService
    users: UserService
    catalog: CatalogService
    calendar: CalendarService
    files: FileService


def build_services(db: Database) -> Services:
    """Wire the services of a migrated store."""
    settings = SettingsService(db)
    users = UserService(db)
    catalog = CatalogService(db)
    calendar = CalendarService(db, settings)
    files = FileService(db, settings, catalog, calendar)
    return Services(db, settings, users, catalog, calendar, files)

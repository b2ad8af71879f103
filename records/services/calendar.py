"""The working calendar in the store: the yearly official tables, seeded from the shipped ones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from threading import Lock

from sqlalchemy import func, select

from records import audit
from records import calendar as cal
from records.clock import now
from records.services.settings import OFFICE_HOURS, SettingsService
from records.store.database import Database
from records.store.models import HolidayTable
from records.users import Actor, require_admin
from resources import path as resource_path

SHIPPED_YEARS = (2025, 2026)


@dataclass(frozen=True)
class YearListing:
    """A year's days off and make-up working days, and where they come from."""

    year: int
    source: str  # "table" (an official table) or "statutory" (computed from the Labour Code)
    table_source: str | None
    days_off: tuple[cal.NamedDay, ...]
    working_days: tuple[cal.NamedDay, ...]
    notes: tuple[str, ...] = ()  # the stored table's notes (kept when the table is edited and saved)

    def to_json(self) -> dict[str, object]:
        """The JSON the command line prints."""
        return {
            "year": self.year,
            "source": self.source,
            "table_source": self.table_source,
            "days_off": [{"date": d.date.isoformat(), "name": d.name} for d in self.days_off],
            "working_days": [{"date": d.date.isoformat(), "name": d.name} for d in self.working_days],
            "notes": list(self.notes),
        }


class CalendarService:
    """Builds the working calendar from the settings and the stored tables; imports tables."""

    def __init__(
        self, db: Database, settings: SettingsService, before_import: Callable[[], object] | None = None
    ) -> None:
        self._db = db
        self._settings = settings
        self._before_import = before_import  # the automatic backup before a holiday table is replaced
        self._cached: cal.WorkingCalendar | None = None
        self._lock = Lock()
        settings.on_change(self._setting_changed)

    def calendar(self) -> cal.WorkingCalendar:
        """The working calendar in force (cached until a table is imported or the hours change)."""
        with self._lock:
            if self._cached is None:
                with self._db.reading() as uow:
                    rows = uow.session.scalars(select(HolidayTable)).all()
                    tables = {r.year: cal.load_year_table(r.document) for r in rows}
                self._cached = cal.WorkingCalendar(office_hours=self._settings.office_hours(), tables=tables)
            return self._cached

    def invalidate(self) -> None:
        """Forget the cached calendar (after a settings change)."""
        with self._lock:
            self._cached = None

    def _setting_changed(self, key: str) -> None:
        if key == OFFICE_HOURS:
            self.invalidate()

    def seed_if_empty(self, actor: Actor) -> bool:
        """Store the shipped tables (2025, 2026) when the store has none; ``True`` when it did."""
        with self._db.writing() as uow:
            if uow.session.scalar(select(func.count()).select_from(HolidayTable)):
                return False
            for year in SHIPPED_YEARS:
                text = resource_path("calendar", f"{year}.json").read_text(encoding="utf-8")
                table = cal.load_year_table(text)
                uow.session.add(
                    HolidayTable(year=table.year, document=text, source=table.source, imported_at=now())
                )
            audit.append(
                uow.session, actor, "holidays.seeded", "holidays", None, {"years": list(SHIPPED_YEARS)}
            )
            uow.commit()
        self.invalidate()
        return True

    def import_table(self, text: str, actor: Actor) -> cal.YearTable:
        """Store a year's official table (its JSON text), replacing the one stored for that year (admins
        only)."""
        require_admin(actor, "import a holiday table")
        table = cal.load_year_table(text)
        if self._before_import is not None:
            self._before_import()
        return self._store(table, actor, "holidays.imported")

    def save_year(self, actor: Actor, table: cal.YearTable) -> cal.YearTable:
        """Store a year's table as edited on the settings screen, replacing the one stored for that year
        (admins only); returns it as stored."""
        require_admin(actor, "edit the holiday table")
        return self._store(table, actor, "holidays.saved")

    def _store(self, table: cal.YearTable, actor: Actor, action: str) -> cal.YearTable:
        """Write ``table`` (as its JSON document) with the audit entry ``action``, then forget the cached
        calendar."""
        document = cal.dump_year_table(table)
        stored = cal.load_year_table(document)  # exactly what the store will hand back
        with self._db.writing() as uow:
            row = uow.session.get(HolidayTable, stored.year)
            replaced = row is not None
            if row is None:
                uow.session.add(
                    HolidayTable(year=stored.year, document=document, source=stored.source, imported_at=now())
                )
            else:
                row.document, row.source, row.imported_at = document, stored.source, now()
            audit.append(
                uow.session,
                actor,
                action,
                "holidays",
                str(stored.year),
                {
                    "replaced": replaced,
                    "days_off": len(stored.days_off),
                    "working_days": len(stored.working_days),
                },
            )
            uow.commit()
        self.invalidate()
        return stored

    def year(self, year: int) -> YearListing:
        """The year's days off and make-up working days."""
        calendar = self.calendar()
        source = calendar.year_source(year)
        table_source = None
        notes: tuple[str, ...] = ()
        if source == "table":
            table = calendar.tables.get(year)
            table_source = table.source if table else None
            notes = table.notes if table else ()
        return YearListing(
            year=year,
            source=source,
            table_source=table_source,
            days_off=tuple(calendar.days_off(year)),
            working_days=tuple(calendar.working_weekend_days(year)),
            notes=notes,
        )

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        return self.calendar().is_working_day(day)

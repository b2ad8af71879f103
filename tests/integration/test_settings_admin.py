"""The first start and the settings screen: the agency and the first administrator in one unit of work,
changing the agency, the office hours and a year's holiday table — by administrators, audited, and seen at
once by the working calendar."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from integration.helpers import AGENCY_CODE, Counter, open_store, store_dump, vn
from records import audit
from records import calendar as cal
from records.errors import InvalidAgencyCode, InvalidInput, NotInitialised, PermissionDenied
from records.services import Services
from records.users import Role

SETUP: dict[str, Any] = {
    "agency_code": "000.17.22.H56",
    "agency_name": "Trung tâm Phục vụ hành chính công xã Hòa Bình",
    "parent_name": "UBND tỉnh Phú Thọ",
    "place": "Hòa Bình",
    "workstation": 2,
    "admin_username": "Quan.Tri",
    "admin_full_name": "Nguyễn Thị Quản",
    "admin_password": "matkhau-quantri",
}


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Services]:
    """A new, migrated store: no agency, no account."""
    services = open_store(tmp_path / "fresh")
    yield services
    services.db.dispose()


def _audit(services: Services) -> list[audit.AuditView]:
    with services.db.reading() as uow:
        return list(reversed(audit.recent(uow.session, limit=10_000)))


# -- the first start -------------------------------------------------------------------------------------


def test_setup_sets_the_agency_and_the_first_administrator(fresh: Services) -> None:
    config, admin = fresh.settings.setup(**SETUP)
    assert (config.code, config.name, config.parent_name, config.place, config.workstation) == (
        "000.17.22.H56",
        "Trung tâm Phục vụ hành chính công xã Hòa Bình",
        "UBND tỉnh Phú Thọ",
        "Hòa Bình",
        2,
    )
    assert fresh.settings.agency() == config
    assert (admin.username, admin.role, admin.workstation) == ("quan.tri", Role.ADMIN, 2)
    assert fresh.users.authenticate("quan.tri", "matkhau-quantri", 2) == admin
    assert [(u.username, u.full_name, u.role) for u in fresh.users.list()] == [
        ("quan.tri", "Nguyễn Thị Quản", Role.ADMIN)
    ]
    actions = [(e.action, e.username) for e in _audit(fresh)]
    assert ("agency.initialised", "system") in actions and ("user.added", "system") in actions


@pytest.mark.parametrize(
    ("change", "field", "error"),
    [
        ({"agency_code": "not a code"}, "agency_code", InvalidAgencyCode),
        ({"agency_name": "   "}, "agency_name", InvalidInput),
        ({"workstation": 0}, "workstation", InvalidInput),
        ({"admin_username": "system"}, "admin_username", InvalidInput),
        ({"admin_username": "có dấu"}, "admin_username", InvalidInput),
        ({"admin_full_name": " "}, "admin_full_name", InvalidInput),
        ({"admin_password": "short"}, "admin_password", InvalidInput),
    ],
    ids=["agency_code", "agency_name", "workstation", "system", "username", "full_name", "password"],
)
def test_setup_checks_everything_before_writing_anything(
    fresh: Services, change: dict[str, Any], field: str, error: type[Exception]
) -> None:
    before = store_dump(fresh)
    with pytest.raises(error) as refused:
        fresh.settings.setup(**{**SETUP, **change})
    assert refused.value.params["field"] == field  # type: ignore[attr-defined]
    assert store_dump(fresh) == before
    assert not fresh.settings.is_initialised() and fresh.users.list() == []


def test_a_taken_user_name_undoes_the_agency_too(fresh: Services) -> None:
    """The account fails after the agency is written in the same unit of work: neither is kept."""
    fresh.users.add(fresh.users.system(), "quan.tri", "Người khác", Role.CLERK, "matkhau-khac")
    before = store_dump(fresh)
    with pytest.raises(InvalidInput, match="already exists") as refused:
        fresh.settings.setup(**SETUP)
    assert refused.value.params["field"] == "admin_username"
    assert store_dump(fresh) == before and not fresh.settings.is_initialised()


def test_setup_is_refused_once_the_installation_is_set_up(fresh: Services) -> None:
    fresh.settings.setup(**SETUP)
    before = store_dump(fresh)
    with pytest.raises(InvalidInput, match="already set up"):
        fresh.settings.setup(**{**SETUP, "admin_username": "khac"})
    assert store_dump(fresh) == before


def test_setup_after_the_command_line_init_adds_the_administrator(fresh: Services) -> None:
    """`motcua init` set the agency but made no account: the first start still runs, and re-sets the
    agency with what was entered."""
    fresh.settings.initialise(agency_code=AGENCY_CODE, agency_name="UBND xã Tân Phú")
    config, admin = fresh.settings.setup(**SETUP)
    assert config.code == "000.17.22.H56" and admin.role is Role.ADMIN


# -- the agency ------------------------------------------------------------------------------------------


def test_an_administrator_changes_the_agency(
    counter: Counter, freeze_now: Callable[[datetime], None]
) -> None:
    freeze_now(vn("2026-03-20T08:00:00"))
    services = counter.services
    old_code = counter.register().code
    config = services.settings.update_agency(
        counter.admin,
        agency_code="000.17.22.h56",
        agency_name="UBND xã Tân Phú  Mới",
        parent_name="UBND tỉnh Đồng Nai",
        place="Tân Phú",
        workstation=3,
    )
    assert (config.code, config.name, config.workstation) == ("000.17.22.H56", "UBND xã Tân Phú Mới", 3)
    assert services.settings.agency() == config
    new_code = counter.register().code
    assert new_code.startswith("000.17.22.H56-") and services.files.show(old_code).code == old_code
    entry = _audit(services)[-2]  # before the registration's
    assert (entry.action, entry.username, entry.entity_id) == ("agency.updated", "admin", "000.17.22.H56")
    assert entry.details["changes"]["code"] == {"old": AGENCY_CODE, "new": "000.17.22.H56"}
    assert entry.details["changes"]["workstation"] == {"old": 1, "new": 3}


def test_only_an_administrator_changes_the_agency(counter: Counter) -> None:
    before = store_dump(counter.services)
    with pytest.raises(PermissionDenied):
        counter.services.settings.update_agency(
            counter.clerk,
            agency_code=AGENCY_CODE,
            agency_name="X",
            parent_name=None,
            place=None,
            workstation=1,
        )
    assert store_dump(counter.services) == before


def test_the_agency_cannot_be_updated_before_the_first_start(fresh: Services) -> None:
    with pytest.raises(NotInitialised):
        fresh.settings.update_agency(
            fresh.users.system(),
            agency_code=AGENCY_CODE,
            agency_name="UBND xã Tân Phú",
            parent_name=None,
            place=None,
            workstation=1,
        )


# -- office hours and holidays ----------------------------------------------------------------------------


def test_new_office_hours_reach_the_cached_calendar(
    counter: Counter, freeze_now: Callable[[datetime], None]
) -> None:
    freeze_now(vn("2026-03-20T08:00:00"))
    services = counter.services
    assert services.calendar.calendar().office_hours.closing.hour == 17  # cached now
    before = counter.register(received_at="2026-03-02T09:00:00")
    hours = cal.OfficeHours.parse("07:30-11:30,13:00-17:30")
    assert services.settings.set_office_hours(counter.admin, hours) == hours
    assert services.settings.office_hours() == hours
    assert services.calendar.calendar().office_hours == hours
    after = counter.register(received_at="2026-03-02T09:00:00")
    assert before.summary.due_at == vn("2026-03-05T17:00:00")
    assert after.summary.due_at == vn("2026-03-05T17:30:00")  # the same day's closing, by the new hours
    entry = _audit(services)[-2]
    assert (entry.action, entry.username, entry.details) == (
        "settings.office_hours",
        "admin",
        {"from": None, "to": "07:30-11:30,13:00-17:30"},
    )


def test_only_an_administrator_changes_the_office_hours(counter: Counter) -> None:
    with pytest.raises(PermissionDenied):
        counter.services.settings.set_office_hours(counter.clerk, cal.OfficeHours.parse("08:00-16:00"))
    assert counter.services.settings.office_hours() == cal.OfficeHours()


def test_an_edited_year_table_is_stored_and_used(counter: Counter) -> None:
    services = counter.services
    listing = services.calendar.year(2026)
    assert services.calendar.is_working_day(date(2026, 3, 10))  # cached: a Tuesday
    extra = cal.NamedDay(date(2026, 3, 10), "Nghỉ  lễ địa phương")
    table = cal.YearTable(2026, "Quyết định của UBND tỉnh", (*listing.days_off, extra), listing.working_days)
    saved = services.calendar.save_year(counter.admin, table)
    assert saved == table
    assert not services.calendar.is_working_day(date(2026, 3, 10))
    again = services.calendar.year(2026)
    assert (again.source, again.table_source) == ("table", "Quyết định của UBND tỉnh")
    assert extra in again.days_off and any(d.name == "Nghỉ lễ địa phương" for d in again.days_off)
    entry = _audit(services)[-1]
    assert (entry.action, entry.username, entry.entity_id) == ("holidays.saved", "admin", "2026")
    assert entry.details == {
        "replaced": True,
        "days_off": len(table.days_off),
        "working_days": len(table.working_days),
    }


def test_only_an_administrator_edits_or_imports_holidays(counter: Counter) -> None:
    services = counter.services
    table = cal.YearTable(2027, "", (cal.NamedDay(date(2027, 1, 1), "Tết Dương lịch"),))
    before = store_dump(services)
    with pytest.raises(PermissionDenied):
        services.calendar.save_year(counter.clerk, table)
    with pytest.raises(PermissionDenied):
        services.calendar.import_table(cal.dump_year_table(table), counter.clerk)
    assert store_dump(services) == before
    # The command line acts as the built-in system account, an administrator.
    assert services.calendar.import_table(cal.dump_year_table(table), counter.system) == table

"""The working calendar: holidays, make-up Saturdays, the office clock and due dates."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from records.calendar import (
    DEFAULT_OFFICE_HOURS,
    ON_TIME_LABELS_VI,
    HolidayRule,
    NamedDay,
    OfficeHours,
    ProcessingTime,
    WorkingCalendar,
    YearTable,
    classify_completion,
    default_calendar,
    default_statutory_rules,
    due_at,
    dump_year_table,
    load_statutory_rules,
    load_year_table,
    shipped_year_tables,
    statutory_days_off,
)
from records.clock import VIETNAM_TZ
from records.errors import CalendarError, InvalidInput
from records.text import nfc

CAL = default_calendar()
STATUTORY_ONLY = WorkingCalendar()
RULES = default_statutory_rules()

DAYS = ProcessingTime("working_days", 1)
SAME_DAY = ProcessingTime("same_day")


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


def closing(year: int, month: int, day: int) -> datetime:
    return vn(year, month, day, 17, 0)


def days_named(days: list[NamedDay]) -> dict[date, str]:
    return {d.date: d.name for d in days}


# ------------------------------------------------------------------------------------------------
# Office hours


def test_default_office_hours() -> None:
    hours = OfficeHours()
    assert hours.intervals == ((time(7), time(11, 30)), (time(13, 30), time(17)))
    assert hours.hours_per_day == 8.0
    assert hours.opening == time(7)
    assert hours.closing == time(17)
    assert hours.format() == "07:00-11:30,13:30-17:00"
    assert OfficeHours.parse("07:00-11:30,13:30-17:00") == hours
    assert OfficeHours.parse(" 7:00 – 11:30 , 13:30-17:00 ") == hours


def test_custom_office_hours_round_trip() -> None:
    hours = OfficeHours.parse("07:30-11:30,13:00-16:30")
    assert hours.hours_per_day == 7.5
    assert OfficeHours.parse(hours.format()) == hours


@pytest.mark.parametrize(
    "text",
    [
        "",
        "07:00",
        "07:00-11:30;13:30-17:00",
        "25:00-26:00",
        "11:30-07:00",
        "07:00-12:00,11:00-17:00",
        "13:30-17:00,07:00-11:30",
        "07:00-07:00",
    ],
)
def test_bad_office_hours_are_refused(text: str) -> None:
    with pytest.raises(CalendarError):
        OfficeHours.parse(text)


def test_office_hours_need_an_interval() -> None:
    with pytest.raises(CalendarError):
        OfficeHours(())


# ------------------------------------------------------------------------------------------------
# Lunar dates and statutory defaults


@pytest.mark.parametrize(
    ("year", "tet"), [(2025, date(2025, 1, 29)), (2026, date(2026, 2, 17)), (2027, date(2027, 2, 6))]
)
def test_lunar_new_year_in_vietnam_time(year: int, tet: date) -> None:
    rule = HolidayRule("Mùng 1 Tết", "lunar", 1, 1, compensate_weekend=False)
    assert statutory_days_off(year, [rule]) == [NamedDay(tet, "Mùng 1 Tết")]


def test_statutory_tet_block_is_eve_plus_four_days_without_compensation() -> None:
    off = days_named(statutory_days_off(2027, RULES))
    tet = [d for d, name in off.items() if name == "Tết Nguyên đán"]
    assert tet == [date(2027, 2, 5) + timedelta(days=k) for k in range(5)]  # Fri 05/02 - Tue 09/02
    assert not any(name == "Nghỉ bù Tết Nguyên đán" for name in off.values())


def test_gio_to_2026_on_sunday_is_compensated_on_monday() -> None:
    off = days_named(statutory_days_off(2026, RULES))
    assert off[date(2026, 4, 26)] == "Giỗ Tổ Hùng Vương"
    assert date(2026, 4, 26).weekday() == 6  # a Sunday
    assert off[date(2026, 4, 27)] == "Nghỉ bù Giỗ Tổ Hùng Vương"


def test_statutory_2026_tet_matches_the_official_weekdays() -> None:
    off = days_named(statutory_days_off(2026, RULES))
    tet = sorted(d for d, name in off.items() if name == "Tết Nguyên đán")
    assert tet == [date(2026, 2, 16) + timedelta(days=k) for k in range(5)]  # Mon 16/02 - Fri 20/02


def test_quoc_khanh_adjacent_day_and_double_compensation() -> None:
    off = days_named(statutory_days_off(2028, RULES))  # 02/09/2028 is a Saturday, 03/09 a Sunday
    assert off[date(2028, 9, 2)] == "Quốc khánh"
    assert off[date(2028, 9, 3)] == "Quốc khánh"
    assert off[date(2028, 9, 4)] == "Nghỉ bù Quốc khánh"
    assert off[date(2028, 9, 5)] == "Nghỉ bù Quốc khánh"


def test_compensation_skips_other_holidays() -> None:
    off = days_named(statutory_days_off(2027, RULES))  # 01/05/2027 is a Saturday
    assert off[date(2027, 5, 3)] == "Nghỉ bù Ngày Quốc tế Lao động"


def test_compensation_crosses_new_year() -> None:
    rule = HolidayRule("Cuối năm", "solar", 12, 31)  # 31/12/2028 is a Sunday
    assert statutory_days_off(2028, [rule]) == [NamedDay(date(2028, 12, 31), "Cuối năm")]
    assert statutory_days_off(2029, [rule]) == [
        NamedDay(date(2029, 1, 1), "Nghỉ bù Cuối năm"),
        NamedDay(date(2029, 12, 31), "Cuối năm"),
    ]


def test_lunar_anchor_of_the_last_month_lands_in_the_next_solar_year() -> None:
    eve = HolidayRule("Giao thừa", "lunar", 12, 30, compensate_weekend=False)
    assert [d.date for d in statutory_days_off(2026, [eve])] == [date(2026, 2, 16)]


def test_disabled_rule_gives_nothing() -> None:
    culture = next(r for r in RULES if r.name == "Ngày Văn hóa Việt Nam")
    assert not culture.enabled
    assert date(2027, 11, 24) not in days_named(statutory_days_off(2027, RULES))
    enabled = HolidayRule("Ngày Văn hóa Việt Nam", "solar", 11, 24)
    assert statutory_days_off(2027, [enabled]) == [NamedDay(date(2027, 11, 24), "Ngày Văn hóa Việt Nam")]


def test_statutory_rules_document() -> None:
    by_name = {r.name: r for r in RULES}
    assert by_name["Tết Nguyên đán"].start_offset == -1
    assert by_name["Tết Nguyên đán"].days == 5
    assert by_name["Tết Nguyên đán"].compensate_weekend is False
    assert by_name["Quốc khánh"].extra_days == (1,)
    assert by_name["Giỗ Tổ Hùng Vương"].anchor == "lunar"


@pytest.mark.parametrize(
    "rules",
    [
        [{"name": "X", "solar": "01-01", "lunar": "01-01"}],
        [{"name": "X"}],
        [{"name": "X", "solar": "1-1"}],
        [{"name": "X", "solar": "02-30"}],
        [{"name": "X", "lunar": "13-01"}],
        [{"name": "X", "solar": "01-01", "days": 0}],
        [{"name": "X", "solar": "01-01", "enabled": "yes"}],
        [{"name": "X", "solar": "01-01", "dayz": 2}],
        [{"name": " ", "solar": "01-01"}],
    ],
)
def test_bad_statutory_rules_are_refused(rules: list[dict[str, Any]]) -> None:
    with pytest.raises(CalendarError):
        load_statutory_rules(json.dumps({"format": "motcua.statutory/1", "rules": rules}))


def test_statutory_rules_need_their_format() -> None:
    with pytest.raises(CalendarError, match="format"):
        load_statutory_rules(json.dumps({"rules": []}))


# ------------------------------------------------------------------------------------------------
# Shipped tables


def test_shipped_tables_cover_2025_and_2026() -> None:
    tables = shipped_year_tables()
    assert {2025, 2026} <= set(tables)
    for table in tables.values():
        assert table.source
    assert CAL.year_source(2025) == "table"
    assert CAL.year_source(2026) == "table"
    assert CAL.year_source(2027) == "statutory"


def test_2025_table() -> None:
    assert CAL.is_working_day(date(2025, 4, 26))  # make-up Saturday, standing in for Fri 02/05
    assert CAL.day_off_reason(date(2025, 4, 26)) is None
    assert not CAL.is_working_day(date(2025, 5, 2))
    assert not CAL.is_working_day(date(2025, 4, 7))
    assert CAL.day_off_reason(date(2025, 4, 7)) == "Giỗ Tổ Hùng Vương"
    assert CAL.day_off_reason(date(2025, 1, 1)) == "Tết Dương lịch"
    tet = [date(2025, 1, 25) + timedelta(days=k) for k in range(9)]
    assert all(CAL.day_off_reason(d) == "Tết Nguyên đán" for d in tet)
    assert CAL.is_working_day(date(2025, 2, 3))
    for d in (date(2025, 8, 30), date(2025, 8, 31), date(2025, 9, 1), date(2025, 9, 2)):
        assert not CAL.is_working_day(d)
    assert CAL.is_working_day(date(2025, 9, 3))
    assert [d.date for d in CAL.working_weekend_days(2025)] == [date(2025, 4, 26)]


def test_2026_table() -> None:
    off = days_named(CAL.days_off(2026))
    assert date(2026, 1, 1) in off
    assert [d for d in off if date(2026, 2, 1) <= d <= date(2026, 2, 28)] == [
        date(2026, 2, 14) + timedelta(days=k) for k in range(9)
    ]
    assert CAL.day_off_reason(date(2026, 4, 27)) == "Nghỉ bù Giỗ Tổ Hùng Vương"
    assert not CAL.is_working_day(date(2026, 4, 30))
    assert not CAL.is_working_day(date(2026, 5, 1))
    assert not CAL.is_working_day(date(2026, 9, 2))
    assert not CAL.is_working_day(date(2026, 9, 3))
    assert CAL.is_working_day(date(2026, 9, 4))
    assert CAL.is_working_day(date(2026, 2, 23))
    assert CAL.is_working_day(date(2026, 11, 24))  # Ngày Văn hóa Việt Nam not included [U]


def test_a_table_year_uses_only_its_table() -> None:
    empty = YearTable(2026, "test", ())
    calendar = WorkingCalendar(tables={2026: empty})
    assert calendar.is_working_day(date(2026, 2, 17))  # Tết ignored: the table says nothing
    assert calendar.day_off_reason(date(2026, 2, 21)) == "weekend"
    assert calendar.days_off(2026) == []
    assert not calendar.is_working_day(date(2027, 2, 8))  # 2027 still statutory


def test_a_year_without_table_uses_statutory_defaults() -> None:
    assert CAL.days_off(2027) == statutory_days_off(2027, RULES)
    assert CAL.day_off_reason(date(2027, 2, 8)) == "Tết Nguyên đán"
    assert CAL.day_off_reason(date(2027, 2, 6)) == "Tết Nguyên đán"  # a Saturday inside the block
    assert CAL.working_weekend_days(2027) == []
    assert STATUTORY_ONLY.year_source(2026) == "statutory"
    assert STATUTORY_ONLY.is_working_day(date(2026, 2, 13))  # no official 9-day block without the table


def test_day_off_reason_weekend_and_working() -> None:
    assert CAL.day_off_reason(date(2026, 11, 22)) == "weekend"
    assert CAL.day_off_reason(date(2026, 11, 23)) is None


def test_mismatched_table_key_is_refused() -> None:
    with pytest.raises(CalendarError):
        WorkingCalendar(tables={2027: YearTable(2026, "", ())})


# ------------------------------------------------------------------------------------------------
# Working days


def test_next_working_day_and_add_working_days() -> None:
    assert CAL.next_working_day(date(2026, 11, 20)) == date(2026, 11, 23)  # Fri -> Mon
    assert CAL.add_working_days(date(2026, 11, 22), 0) == date(2026, 11, 23)
    assert CAL.add_working_days(date(2026, 11, 23), 0) == date(2026, 11, 23)
    assert CAL.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    assert CAL.add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)
    assert CAL.add_working_days(date(2026, 1, 9), 1) == date(2026, 1, 10)  # make-up Saturday
    with pytest.raises(InvalidInput):
        CAL.add_working_days(date(2026, 1, 9), -1)


def test_working_days_between() -> None:
    assert CAL.working_days_between(date(2026, 11, 20), date(2026, 11, 23)) == 1
    assert CAL.working_days_between(date(2026, 11, 23), date(2026, 11, 20)) == -1
    assert CAL.working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    assert CAL.working_days_between(date(2026, 1, 1), date(2026, 1, 1)) == 0
    assert CAL.working_days_between(date(2025, 12, 31), date(2027, 1, 1)) > 240


# ------------------------------------------------------------------------------------------------
# Due dates


def test_same_day_before_and_after_cutoff() -> None:
    assert due_at(CAL, SAME_DAY, vn(2026, 11, 24, 14, 59)) == closing(2026, 11, 24)
    assert due_at(CAL, SAME_DAY, vn(2026, 11, 24, 15, 0)) == closing(2026, 11, 25)
    assert due_at(CAL, SAME_DAY, vn(2026, 11, 20, 15, 30)) == closing(2026, 11, 23)  # Friday -> Monday
    assert due_at(CAL, SAME_DAY, vn(2026, 11, 22, 9, 0)) == closing(2026, 11, 23)  # Sunday
    assert due_at(CAL, SAME_DAY, vn(2026, 11, 24, 6, 0)) == closing(2026, 11, 24)  # before opening


def test_same_day_cutoff_is_the_procedures() -> None:
    late_cutoff = ProcessingTime("same_day", cutoff=time(16, 0))
    assert due_at(CAL, late_cutoff, vn(2026, 11, 24, 15, 30)) == closing(2026, 11, 24)


def test_due_the_day_before_tet() -> None:
    assert due_at(CAL, SAME_DAY, vn(2026, 2, 13, 10, 0)) == closing(2026, 2, 13)
    assert due_at(CAL, SAME_DAY, vn(2026, 2, 13, 15, 1)) == closing(2026, 2, 23)
    three = ProcessingTime("working_days", 3)
    assert due_at(CAL, three, vn(2026, 2, 13, 10, 0)) == closing(2026, 2, 25)


def test_working_days_across_holiday_block_and_make_up_saturday() -> None:
    three = ProcessingTime("working_days", 3)
    five = ProcessingTime("working_days", 5)
    # Thu 24/04/2025: Fri 25, Sat 26 (make-up), Mon 28
    assert due_at(CAL, three, vn(2025, 4, 24, 9, 0)) == closing(2025, 4, 28)
    # ... Tue 29, then 30/04-04/05 off, Mon 05/05
    assert due_at(CAL, five, vn(2025, 4, 24, 9, 0)) == closing(2025, 5, 5)
    # New Year 2026: Wed 31/12/2025 -> Mon 05/01 ... Sat 10/01 is a make-up day
    assert due_at(CAL, five, vn(2025, 12, 31, 9, 0)) == closing(2026, 1, 9)
    assert due_at(CAL, ProcessingTime("working_days", 6), vn(2025, 12, 31, 9, 0)) == closing(2026, 1, 10)


def test_received_on_sunday() -> None:
    assert due_at(CAL, DAYS, vn(2026, 11, 22, 10, 0)) == closing(2026, 11, 23)
    assert due_at(CAL, ProcessingTime("working_days", 2), vn(2026, 11, 22, 10, 0)) == closing(2026, 11, 24)
    assert due_at(CAL, ProcessingTime("working_hours", 8), vn(2026, 11, 22, 10, 0)) == closing(2026, 11, 23)


def test_day_of_receipt_not_counted_even_after_closing() -> None:
    assert due_at(CAL, DAYS, vn(2026, 11, 24, 7, 0)) == closing(2026, 11, 25)
    assert due_at(CAL, DAYS, vn(2026, 11, 24, 18, 0)) == closing(2026, 11, 25)


def test_receipt_in_another_time_zone_uses_vietnams_date() -> None:
    received = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # Tue 24/11 03:00 in Vietnam
    assert due_at(CAL, DAYS, received) == closing(2026, 11, 25)
    assert due_at(CAL, DAYS, received).utcoffset() == timedelta(hours=7)


def test_due_at_refuses_naive_and_fractional() -> None:
    with pytest.raises(InvalidInput):
        due_at(CAL, DAYS, datetime(2026, 11, 24, 9, 0))
    with pytest.raises(InvalidInput):
        due_at(CAL, ProcessingTime("working_days", 1.5), vn(2026, 11, 24, 9))
    with pytest.raises(InvalidInput):
        due_at(CAL, ProcessingTime("working_days", -1), vn(2026, 11, 24, 9))
    with pytest.raises(InvalidInput):
        due_at(CAL, ProcessingTime("working_hours", -1), vn(2026, 11, 24, 9))


def test_working_days_amount_as_whole_float() -> None:
    assert due_at(CAL, ProcessingTime("working_days", 2.0), vn(2026, 11, 24, 9)) == closing(2026, 11, 26)


# ------------------------------------------------------------------------------------------------
# Working hours


def test_eight_hours_from_opening_end_at_closing_same_day() -> None:
    assert CAL.add_working_hours(vn(2026, 11, 23, 7, 0), 8) == closing(2026, 11, 23)
    assert CAL.add_working_hours(vn(2026, 11, 23, 13, 30), 3.5) == closing(2026, 11, 23)
    assert CAL.add_working_hours(vn(2026, 11, 23, 7, 0), 4.5) == vn(2026, 11, 23, 11, 30)
    assert CAL.add_working_hours(vn(2026, 11, 23, 7, 0), 16) == closing(2026, 11, 24)


def test_working_hours_from_lunch() -> None:
    assert CAL.add_working_hours(vn(2026, 11, 23, 12, 0), 1) == vn(2026, 11, 23, 14, 30)
    assert CAL.add_working_hours(vn(2026, 11, 23, 12, 0), 4) == vn(2026, 11, 24, 7, 30)
    assert CAL.add_working_hours(vn(2026, 11, 23, 11, 30), 0.5) == vn(2026, 11, 23, 14, 0)


def test_working_hours_before_opening_and_after_closing() -> None:
    assert CAL.add_working_hours(vn(2026, 11, 23, 6, 0), 2) == vn(2026, 11, 23, 9, 0)
    assert CAL.add_working_hours(vn(2026, 11, 23, 18, 0), 1) == vn(2026, 11, 24, 8, 0)
    assert CAL.add_working_hours(vn(2026, 11, 23, 17, 0), 1) == vn(2026, 11, 24, 8, 0)
    assert CAL.add_working_hours(vn(2026, 11, 20, 16, 0), 2) == vn(2026, 11, 23, 8, 0)  # Fri -> Mon


def test_working_hours_across_tet() -> None:
    assert CAL.add_working_hours(vn(2026, 2, 13, 16, 0), 2) == vn(2026, 2, 23, 8, 0)
    assert due_at(CAL, ProcessingTime("working_hours", 24), vn(2026, 2, 12, 9, 0)) == vn(2026, 2, 24, 9, 0)


def test_working_hours_refuses_bad_input() -> None:
    with pytest.raises(InvalidInput):
        CAL.add_working_hours(datetime(2026, 11, 23, 9, 0), 1)
    with pytest.raises(InvalidInput):
        CAL.add_working_hours(vn(2026, 11, 23, 9, 0), float("nan"))


def test_working_hours_with_custom_office_hours() -> None:
    calendar = WorkingCalendar(office_hours=OfficeHours.parse("08:00-12:00,13:00-17:00"))
    assert calendar.add_working_hours(vn(2027, 3, 1, 8, 0), 8) == closing(2027, 3, 1)
    assert calendar.add_working_hours(vn(2027, 3, 1, 12, 30), 1) == vn(2027, 3, 1, 14, 0)


# ------------------------------------------------------------------------------------------------
# On-time classification


def test_classify_completion() -> None:
    due = closing(2026, 11, 25)
    assert classify_completion(vn(2026, 11, 24, 16, 0), due) == "early"
    assert classify_completion(vn(2026, 11, 25, 8, 0), due) == "on_time"
    assert classify_completion(due, due) == "on_time"
    assert classify_completion(due + timedelta(seconds=1), due) == "late"
    # 24/11 18:00 UTC is 25/11 01:00 in Vietnam: the due date itself
    assert classify_completion(datetime(2026, 11, 24, 18, 0, tzinfo=UTC), due) == "on_time"
    assert {k: ON_TIME_LABELS_VI[k] for k in ("early", "on_time", "late")} == {
        "early": "Trước hạn",
        "on_time": "Đúng hạn",
        "late": "Quá hạn",
    }
    with pytest.raises(InvalidInput):
        classify_completion(datetime(2026, 11, 24, 9, 0), due)


# ------------------------------------------------------------------------------------------------
# Table validation

GOOD: dict[str, Any] = {
    "format": "motcua.holidays/1",
    "year": 2025,
    "source": "test",
    "days_off": [{"date": "2025-05-02", "name": "Nghỉ hoán đổi"}],
    "working_days": [{"date": "2025-04-26", "name": "Làm bù"}],
}


def variant(**changes: Any) -> str:
    document = dict(GOOD)
    for key, value in changes.items():
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
    return json.dumps(document, ensure_ascii=False)


def test_good_table_loads() -> None:
    table = load_year_table(variant())
    assert table.year == 2025
    assert table.days_off == (NamedDay(date(2025, 5, 2), "Nghỉ hoán đổi"),)
    assert table.working_days == (NamedDay(date(2025, 4, 26), "Làm bù"),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        (variant(format=None), 'no "format"'),
        (variant(format="motcua.holidays/2"), "format"),
        (variant(year=None), "year"),
        (variant(year="2025"), "year"),
        (variant(days_off=None), "days_off"),
        (variant(days_off=[{"date": "2026-01-01", "name": "X"}]), "outside the table's year 2025"),
        (variant(working_days=[{"date": "2026-01-03", "name": "X"}]), "outside the table's year 2025"),
        (variant(days_off=[{"date": "2025-04-26", "name": "X"}]), "both"),
        (variant(working_days=[{"date": "2025-04-28", "name": "Làm bù"}]), "not a Saturday or Sunday"),
        (
            variant(days_off=[{"date": "2025-05-02", "name": "A"}, {"date": "2025-05-02", "name": "B"}]),
            "listed twice",
        ),
        (
            variant(working_days=[{"date": "2025-04-26", "name": "A"}, {"date": "2025-04-26", "name": "B"}]),
            "listed twice",
        ),
        (variant(days_off=[{"date": "02/05/2025", "name": "X"}]), "bad date"),
        (variant(days_off=[{"date": "2025-02-30", "name": "X"}]), "bad date"),
        (variant(days_off=[{"date": "20250502", "name": "X"}]), "bad date"),
        (variant(days_off=[{"date": 20250502, "name": "X"}]), "bad date"),
        (variant(days_off=[{"date": "2025-05-02", "name": "  "}]), "no name"),
        (variant(days_off=[{"date": "2025-05-02"}]), "no name"),
        (variant(days_off=[{"date": "2025-05-02", "name": "X", "extra": 1}]), "unknown field"),
        (variant(days_off={"2025-05-02": "X"}), "list"),
        (variant(day_off=[]), "unknown field"),
    ],
)
def test_bad_tables_are_refused(text: str, message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        load_year_table(text)


def test_table_names_are_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Tết  Nguyên đán")
    table = load_year_table(variant(days_off=[{"date": "2025-01-29", "name": decomposed}]))
    assert table.days_off[0].name == "Tết Nguyên đán"
    assert unicodedata.is_normalized("NFC", table.days_off[0].name)


def test_table_days_are_sorted_and_dump_reads_back() -> None:
    table = YearTable(
        2025,
        "src",
        (NamedDay(date(2025, 5, 2), "B"), NamedDay(date(2025, 1, 1), "A")),
        notes=("uncertain",),
    )
    assert [d.date for d in table.days_off] == [date(2025, 1, 1), date(2025, 5, 2)]
    assert load_year_table(dump_year_table(table)) == table


def test_shipped_tables_round_trip() -> None:
    for table in shipped_year_tables().values():
        assert load_year_table(dump_year_table(table)) == table


# ------------------------------------------------------------------------------------------------
# Properties

YEARS = st.integers(min_value=2024, max_value=2030)
DATES = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))
OFFSETS = st.sampled_from([timedelta(hours=h) for h in (-10, -5, 0, 1, 7, 8, 9, 14)])


@st.composite
def aware_moments(draw: st.DrawFn) -> datetime:
    naive = draw(st.datetimes(min_value=datetime(2024, 1, 2), max_value=datetime(2030, 12, 30)))
    return naive.replace(tzinfo=timezone(draw(OFFSETS)))


@settings(deadline=None)
@given(DATES, st.integers(min_value=0, max_value=300))
def test_add_working_days_lands_on_a_working_day(start: date, n: int) -> None:
    result = CAL.add_working_days(start, n)
    assert CAL.is_working_day(result)
    assert result >= start
    if n >= 1:
        assert result > start
        assert CAL.working_days_between(start, result) == n
        assert CAL.working_days_between(result, start) == -n


@settings(deadline=None, max_examples=50)
@given(DATES, st.integers(min_value=1, max_value=40))
def test_add_working_days_matches_a_day_by_day_walk(start: date, n: int) -> None:
    day, left = start, n
    while left:
        day += timedelta(days=1)
        if CAL.is_working_day(day):
            left -= 1
    assert CAL.add_working_days(start, n) == day


@settings(deadline=None)
@given(DATES, DATES)
def test_working_days_between_counts_the_working_days(a: date, b: date) -> None:
    low, high = sorted((a, b))
    if (high - low).days > 60:
        high = low + timedelta(days=60)
    expected = sum(CAL.is_working_day(low + timedelta(days=k)) for k in range(1, (high - low).days + 1))
    assert CAL.working_days_between(low, high) == expected


@settings(deadline=None)
@given(aware_moments(), st.sampled_from(["working_days", "same_day"]), st.integers(0, 30))
def test_day_based_due_is_a_working_day_at_closing(received: datetime, kind: Any, amount: int) -> None:
    processing = ProcessingTime(kind, amount)
    due = due_at(CAL, processing, received)
    assert due >= received
    assert due.utcoffset() == timedelta(hours=7)
    assert due.time() == DEFAULT_OFFICE_HOURS.closing
    assert CAL.is_working_day(due.date())


@settings(deadline=None)
@given(aware_moments(), st.integers(0, 200 * 60))
def test_hour_based_due_is_inside_office_hours(received: datetime, minutes: int) -> None:
    due = due_at(CAL, ProcessingTime("working_hours", minutes / 60), received)
    assert due >= received
    assert due.utcoffset() == timedelta(hours=7)
    assert CAL.is_working_day(due.date())
    clock = due.timetz().replace(tzinfo=None)
    assert any(start <= clock <= end for start, end in DEFAULT_OFFICE_HOURS.intervals)


@settings(deadline=None)
@given(aware_moments(), st.integers(1, 100 * 60), st.integers(1, 100 * 60))
def test_working_hours_add_up(start: datetime, a: int, b: int) -> None:
    once = CAL.add_working_hours(start, (a + b) / 60)
    twice = CAL.add_working_hours(CAL.add_working_hours(start, a / 60), b / 60)
    assert once == twice


@st.composite
def receipts_inside_office_hours(draw: st.DrawFn) -> datetime:
    day = CAL.add_working_days(draw(DATES), 0)
    start, end = draw(st.sampled_from(DEFAULT_OFFICE_HOURS.intervals))
    begin = datetime.combine(day, start, tzinfo=VIETNAM_TZ)
    span = int((datetime.combine(day, end) - datetime.combine(day, start)).total_seconds() * 1_000_000)
    # strictly after the opening (8 h from 07:00 sharp fill that very day) and before the interval's end
    offset = draw(
        st.integers(min_value=1 if start == DEFAULT_OFFICE_HOURS.opening else 0, max_value=span - 1)
    )
    return begin + timedelta(microseconds=offset)


@settings(deadline=None)
@given(receipts_inside_office_hours(), st.integers(1, 30))
def test_working_days_and_hours_agree_on_the_date(received: datetime, n: int) -> None:
    by_days = due_at(CAL, ProcessingTime("working_days", n), received)
    by_hours = due_at(CAL, ProcessingTime("working_hours", 8 * n), received)
    assert by_days.date() == by_hours.date()
    assert by_hours <= by_days


NAMES = st.text(
    alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạềểễếệ ĐƯ0123456789-/()"), min_size=1
).filter(lambda s: bool(nfc(s)))


@st.composite
def year_tables(draw: st.DrawFn) -> YearTable:
    year = draw(YEARS)
    days = st.dates(min_value=date(year, 1, 1), max_value=date(year, 12, 31))
    off = draw(st.sets(days, max_size=20))
    weekends = st.sampled_from(
        [d for d in (date(year, 1, 1) + timedelta(days=k) for k in range(365)) if d.weekday() >= 5]
    )
    working = draw(st.sets(weekends, max_size=5)) - off
    return YearTable(
        year,
        draw(NAMES),
        tuple(NamedDay(d, draw(NAMES)) for d in off),
        tuple(NamedDay(d, draw(NAMES)) for d in working),
        tuple(draw(st.lists(NAMES, max_size=3))),
    )


@settings(deadline=None)
@given(year_tables())
def test_dump_then_load_is_identity(table: YearTable) -> None:
    assert load_year_table(dump_year_table(table)) == table


@settings(deadline=None)
@given(year_tables(), st.data())
def test_a_table_drives_its_year(table: YearTable, data: st.DataObject) -> None:
    calendar = WorkingCalendar(tables={table.year: table})
    day = data.draw(st.dates(min_value=date(table.year, 1, 1), max_value=date(table.year, 12, 31)))
    off = {d.date for d in table.days_off}
    worked = {d.date for d in table.working_days}
    expected = day in worked or (day not in off and day.weekday() < 5)
    assert calendar.is_working_day(day) == expected

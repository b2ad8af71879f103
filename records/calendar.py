"""The working calendar: office hours, weekends, holidays, make-up working days, and due dates.

Everything here is pure Python (no Qt, no store) and works on dates in Vietnam's civil time
(:data:`records.clock.VIETNAM_TZ`).

Two kinds of data feed the calendar, both shipped under ``resources/calendar/`` and both replaceable:

**Yearly official tables** (``resources/calendar/<year>.json``). The Prime Minister fixes each year's
actual Tết days, the adjacent Quốc khánh day and the swapped days with make-up working Saturdays, so a year
with a table uses *only* that table (plus the weekly days off, minus the table's working days)::

    {
      "format": "motcua.holidays/1",
      "year": 2026,
      "source": "the decision(s) the table copies",
      "notes": ["free text, e.g. items whose status is uncertain"],
      "days_off": [{"date": "2026-02-14", "name": "Tết Nguyên đán"}, ...],
      "working_days": [{"date": "2026-01-10", "name": "Làm bù cho thứ Sáu 02/01/2026"}]
    }

``format``, ``year`` and ``days_off`` are required; ``source`` (default ``""``), ``notes`` (a list of
strings, default empty) and ``working_days`` (default empty) are optional; any other key is refused.
Dates are ``YYYY-MM-DD`` inside the stated year; every calendar day of a holiday block is listed, weekend
days included, so that the calendar can name the reason a day is off. A date may appear once; a working
day must be a Saturday or a Sunday and cannot also be a day off. Names are stored NFC.

**Statutory rules** (``resources/calendar/statutory.json``) give the default for a year without a table
(Labour Code 2019, Art. 111-112)::

    {
      "format": "motcua.statutory/1",
      "source": "…",
      "rules": [
        {"name": "Tết Dương lịch", "solar": "01-01", "days": 1},
        {"name": "Tết Nguyên đán", "lunar": "01-01", "start_offset": -1, "days": 5,
         "compensate_weekend": false},
        {"name": "Quốc khánh", "solar": "09-02", "days": 1, "extra_days": [1]},
        {"name": "Ngày Văn hóa Việt Nam", "solar": "11-24", "enabled": false, "note": "…"}
      ]
    }

A rule has exactly one anchor, ``solar`` or ``lunar`` (``MM-DD``; lunar dates use Vietnam's UTC+7
reckoning through ``lunar_vn``, never a Chinese UTC+8 calendar; a lunar anchor of lunar year *Y* is taken
in lunar year *Y* whatever solar year it lands in). The holiday covers ``days`` consecutive days from
``anchor + start_offset`` (defaults 1 and 0) plus the single days ``anchor + k`` for each ``k`` in
``extra_days``. ``enabled`` (default true) switches a rule off without deleting it. With
``compensate_weekend`` (default true) each holiday day falling on a weekly day off is compensated on the
next working day (Art. 111); Tết's five days are chosen by the government, so its rule turns this off.
A lunar day 30 in a 29-day month means the month's last day.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import pairwise
from types import MappingProxyType
from typing import Any, Literal

from lunar_vn import LunarDate, lunar_to_solar, solar_to_lunar

import resources
from records.clock import LUNAR_TIME_ZONE_HOURS, VIETNAM_TZ, local
from records.errors import CalendarError, InvalidInput
from records.text import nfc

ProcessingKind = Literal["working_days", "working_hours", "same_day"]


@dataclass(frozen=True)
class ProcessingTime:
    """A procedure's statutory processing time.

    ``working_days``: ``amount`` working days; the day of receipt is not counted and the file is due at the
    close of the ``amount``-th working day after it. ``working_hours``: ``amount`` hours of the office clock
    from the moment of receipt. ``same_day``: due at the close of the day of receipt when received before
    ``cutoff`` on a working day, otherwise at the close of the next working day.
    """

    kind: ProcessingKind
    amount: float = 0
    cutoff: time = time(15, 0)


# --------------------------------------------------------------------------------------------------
# Office hours

HOLIDAY_TABLE_FORMAT = "motcua.holidays/1"
STATUTORY_RULES_FORMAT = "motcua.statutory/1"
SATURDAY = 5
SUNDAY = 6
DEFAULT_WEEKEND: frozenset[int] = frozenset({SATURDAY, SUNDAY})

_MICROS_PER_HOUR = 3_600_000_000
_INTERVAL_TEXT = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*[-–]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")


def _micros(moment: time) -> int:
    """Microseconds since midnight of a wall-clock time."""
    return ((moment.hour * 60 + moment.minute) * 60 + moment.second) * 1_000_000 + moment.microsecond


def _format_time(moment: time) -> str:
    """``HH:MM``, or ``HH:MM:SS`` when the seconds matter."""
    return moment.strftime("%H:%M:%S" if moment.second else "%H:%M")


@dataclass(frozen=True)
class OfficeHours:
    """The office clock: the day's working intervals, e.g. 07:00-11:30 and 13:30-17:00.

    Intervals are half-open (``start <= t < end``), non-empty, in order and non-overlapping; anything else
    raises :class:`CalendarError`.
    """

    intervals: tuple[tuple[time, time], ...] = (
        (time(7, 0), time(11, 30)),
        (time(13, 30), time(17, 0)),
    )

    def __post_init__(self) -> None:
        intervals = tuple(tuple(pair) for pair in self.intervals)
        if not intervals:
            raise CalendarError("office hours need at least one interval")
        previous_end: time | None = None
        for pair in intervals:
            if len(pair) != 2 or not all(isinstance(t, time) and t.tzinfo is None for t in pair):
                raise CalendarError(
                    "an office-hours interval must be a pair of wall-clock times", value=repr(pair)
                )
            start, end = pair
            if start >= end:
                raise CalendarError(
                    f"office-hours interval {_format_time(start)}-{_format_time(end)} ends before it starts",
                    value=repr(pair),
                )
            if previous_end is not None and start < previous_end:
                raise CalendarError(
                    f"office-hours interval starting {_format_time(start)} overlaps or precedes the one "
                    f"before it",
                    value=repr(pair),
                )
            previous_end = end
        object.__setattr__(self, "intervals", intervals)

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """Office hours from text such as ``"07:00-11:30,13:30-17:00"`` (spaces and ``–`` allowed)."""
        intervals: list[tuple[time, time]] = []
        for part in text.split(","):
            match = _INTERVAL_TEXT.match(part)
            if match is None:
                raise CalendarError(
                    f"not an office-hours interval (HH:MM-HH:MM): {part.strip()!r}", value=text
                )
            numbers = [int(g) if g is not None else 0 for g in match.groups()]
            try:
                start = time(numbers[0], numbers[1], numbers[2])
                end = time(numbers[3], numbers[4], numbers[5])
            except ValueError as exc:
                raise CalendarError(f"not a time of day in {part.strip()!r}", value=text) from exc
            intervals.append((start, end))
        return cls(tuple(intervals))

    def format(self) -> str:
        """The text form read by :meth:`parse`: ``"07:00-11:30,13:30-17:00"``."""
        return ",".join(f"{_format_time(start)}-{_format_time(end)}" for start, end in self.intervals)

    def __str__(self) -> str:
        return self.format()

    @property
    def hours_per_day(self) -> float:
        """Working hours in one working day (8.0 for the default intervals)."""
        return self.micros_per_day / _MICROS_PER_HOUR

    @property
    def micros_per_day(self) -> int:
        """Working time in one working day, in microseconds (exact)."""
        return sum(_micros(end) - _micros(start) for start, end in self.intervals)

    @property
    def opening(self) -> time:
        """The start of the first interval (07:00 by default)."""
        return self.intervals[0][0]

    @property
    def closing(self) -> time:
        """The end of the last interval (17:00 by default)."""
        return self.intervals[-1][1]


DEFAULT_OFFICE_HOURS = OfficeHours()


# --------------------------------------------------------------------------------------------------
# Holiday tables


@dataclass(frozen=True)
class NamedDay:
    """A calendar date with the reason it is special (a holiday's name, or why a Saturday is worked)."""

    date: date
    name: str

    def __post_init__(self) -> None:
        if not isinstance(self.date, date) or isinstance(self.date, datetime):
            raise CalendarError("a named day needs a date (not a date-time)", value=repr(self.date))
        if not isinstance(self.name, str) or not nfc(self.name):
            raise CalendarError(f"the day {self.date.isoformat()} needs a name", date=self.date.isoformat())
        object.__setattr__(self, "name", nfc(self.name))


def _sorted_days(days: Iterable[NamedDay], what: str) -> tuple[NamedDay, ...]:
    """``days`` as a date-sorted tuple; a date listed twice raises :class:`CalendarError`."""
    result = tuple(sorted(days, key=lambda d: d.date))
    for before, after in pairwise(result):
        if before.date == after.date:
            raise CalendarError(
                f"{before.date.isoformat()} is listed twice in {what}", date=before.date.isoformat()
            )
    return result


@dataclass(frozen=True)
class YearTable:
    """One year's official table: its days off and its make-up working days (weekend days worked).

    Construction validates the table (see the module docstring) and sorts the days by date.
    """

    year: int
    source: str
    days_off: tuple[NamedDay, ...]
    working_days: tuple[NamedDay, ...] = ()
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.year, int) or isinstance(self.year, bool) or not 1 <= self.year <= 9999:
            raise CalendarError(f"a holiday table's year must be a year number, got {self.year!r}")
        if not isinstance(self.source, str):
            raise CalendarError("a holiday table's source must be text", year=self.year)
        object.__setattr__(self, "source", nfc(self.source))
        object.__setattr__(self, "notes", tuple(nfc(n) for n in self.notes if nfc(n)))
        days_off = _sorted_days(self.days_off, "days_off")
        working = _sorted_days(self.working_days, "working_days")
        for day in (*days_off, *working):
            if day.date.year != self.year:
                raise CalendarError(
                    f"{day.date.isoformat()} is outside the table's year {self.year}",
                    date=day.date.isoformat(),
                    year=self.year,
                )
        off_dates = {d.date for d in days_off}
        for day in working:
            if day.date in off_dates:
                raise CalendarError(
                    f"{day.date.isoformat()} is listed both as a day off and as a working day",
                    date=day.date.isoformat(),
                )
            if day.date.weekday() not in DEFAULT_WEEKEND:
                raise CalendarError(
                    f"working day {day.date.isoformat()} is a {day.date.strftime('%A')}, "
                    f"not a Saturday or Sunday",
                    date=day.date.isoformat(),
                )
        object.__setattr__(self, "days_off", days_off)
        object.__setattr__(self, "working_days", working)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TABLE_KEYS = frozenset({"format", "year", "source", "notes", "days_off", "working_days"})


def _parse_json_object(text: str, what: str) -> dict[str, Any]:
    """``text`` parsed as a JSON object, or :class:`CalendarError`."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError, RecursionError) as exc:
        raise CalendarError(f"{what} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise CalendarError(f"{what} must be a JSON object")
    return data


def _check_format(data: Mapping[str, Any], expected: str, what: str) -> None:
    """Refuse a document whose ``format`` is missing or not ``expected``."""
    if "format" not in data:
        raise CalendarError(f'{what} has no "format" (expected "{expected}")')
    if data["format"] != expected:
        raise CalendarError(f'{what} has format {data["format"]!r}, expected "{expected}"')


def _check_keys(data: Mapping[str, Any], allowed: frozenset[str], what: str) -> None:
    """Refuse keys a document does not define (usually a typo)."""
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise CalendarError(f"{what} has unknown field(s): {', '.join(unknown)}", fields=unknown)


def _is_int(value: object) -> bool:
    """An integer that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_named_days(value: object, key: str) -> list[NamedDay]:
    """The ``days_off`` / ``working_days`` list of a table."""
    if not isinstance(value, list):
        raise CalendarError(f'"{key}" must be a list of {{"date", "name"}} objects')
    days: list[NamedDay] = []
    for index, entry in enumerate(value):
        where = f"{key}[{index}]"
        if not isinstance(entry, dict):
            raise CalendarError(f'{where} must be an object with "date" and "name"')
        _check_keys(entry, frozenset({"date", "name"}), where)
        raw_date = entry.get("date")
        if not isinstance(raw_date, str) or not _ISO_DATE.match(raw_date):
            raise CalendarError(f"{where} has a bad date {raw_date!r} (expected YYYY-MM-DD)", value=raw_date)
        try:
            day = date.fromisoformat(raw_date)
        except ValueError as exc:
            raise CalendarError(f"{where} has a bad date {raw_date!r}: {exc}", value=raw_date) from exc
        name = entry.get("name")
        if not isinstance(name, str) or not nfc(name):
            raise CalendarError(f"{where} ({raw_date}) has no name", date=raw_date)
        days.append(NamedDay(day, name))
    return days


def load_year_table(text: str) -> YearTable:
    """Read a yearly holiday table (JSON, format ``motcua.holidays/1``) and validate it.

    Raises :class:`CalendarError` naming the problem: bad JSON, a wrong or missing format, a bad date
    string, a date outside the stated year, a date listed twice, a date both off and working, or a working
    day that is not a Saturday or Sunday.
    """
    data = _parse_json_object(text, "the holiday table")
    _check_format(data, HOLIDAY_TABLE_FORMAT, "the holiday table")
    _check_keys(data, _TABLE_KEYS, "the holiday table")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise CalendarError(f'the holiday table\'s "year" must be a whole number, got {year!r}')
    source = data.get("source", "")
    if not isinstance(source, str):
        raise CalendarError('the holiday table\'s "source" must be text')
    notes = data.get("notes", [])
    if isinstance(notes, str):
        notes = [notes]
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        raise CalendarError('the holiday table\'s "notes" must be a list of texts')
    if "days_off" not in data:
        raise CalendarError('the holiday table has no "days_off" list')
    days_off = _parse_named_days(data["days_off"], "days_off")
    working = _parse_named_days(data.get("working_days", []), "working_days")
    return YearTable(year, source, tuple(days_off), tuple(working), tuple(notes))


def dump_year_table(table: YearTable) -> str:
    """The JSON text of ``table``, one day per line; :func:`load_year_table` reads it back as equal."""

    def text(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    def days(key: str, named: tuple[NamedDay, ...]) -> str:
        if not named:
            return f"  {text(key)}: []"
        rows = ",\n".join(
            f'    {{"date": {text(d.date.isoformat())}, "name": {text(d.name)}}}' for d in named
        )
        return f"  {text(key)}: [\n{rows}\n  ]"

    lines = [
        f'  "format": {text(HOLIDAY_TABLE_FORMAT)}',
        f'  "year": {table.year}',
        f'  "source": {text(table.source)}',
    ]
    if table.notes:
        lines.append('  "notes": [\n' + ",\n".join(f"    {text(n)}" for n in table.notes) + "\n  ]")
    lines.append(days("days_off", table.days_off))
    lines.append(days("working_days", table.working_days))
    return "{\n" + ",\n".join(lines) + "\n}\n"


_SHIPPED_TABLE_NAME = re.compile(r"^(\d{4})\.json$")


@lru_cache(maxsize=1)
def _shipped_tables() -> tuple[YearTable, ...]:
    tables: list[YearTable] = []
    for entry in resources.path("calendar").iterdir():
        match = _SHIPPED_TABLE_NAME.match(entry.name)
        if match is None:
            continue
        table = load_year_table(entry.read_text(encoding="utf-8"))
        if table.year != int(match.group(1)):
            raise CalendarError(f"shipped table {entry.name} states the year {table.year}")
        tables.append(table)
    return tuple(sorted(tables, key=lambda t: t.year))


def shipped_year_tables() -> dict[int, YearTable]:
    """The official tables shipped in ``resources/calendar/<year>.json``, by year."""
    return {table.year: table for table in _shipped_tables()}


# --------------------------------------------------------------------------------------------------
# Statutory rules


@dataclass(frozen=True)
class HolidayRule:
    """A statutory holiday: an anchor (solar or lunar ``month``/``day``) and the days it gives.

    The holiday covers ``days`` consecutive days from ``anchor + start_offset`` and the days
    ``anchor + k`` for ``k`` in ``extra_days``. See the module docstring for the JSON form.
    """

    name: str
    anchor: Literal["solar", "lunar"]
    month: int
    day: int
    start_offset: int = 0
    days: int = 1
    extra_days: tuple[int, ...] = ()
    enabled: bool = True
    compensate_weekend: bool = True
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not nfc(self.name):
            raise CalendarError("a holiday rule needs a name")
        object.__setattr__(self, "name", nfc(self.name))
        object.__setattr__(self, "note", nfc(self.note))
        object.__setattr__(self, "extra_days", tuple(self.extra_days))
        if self.anchor not in ("solar", "lunar"):
            raise CalendarError(f"rule {self.name!r}: the anchor must be solar or lunar", rule=self.name)
        if not (_is_int(self.month) and _is_int(self.day)):
            raise CalendarError(f"rule {self.name!r}: month and day must be whole numbers", rule=self.name)
        if self.anchor == "solar":
            try:
                date(2000, self.month, self.day)  # a leap year, so 02-29 is accepted
            except ValueError as exc:
                raise CalendarError(
                    f"rule {self.name!r}: {self.month:02d}-{self.day:02d} is not a date", rule=self.name
                ) from exc
        elif not (1 <= self.month <= 12 and 1 <= self.day <= 30):
            raise CalendarError(
                f"rule {self.name!r}: {self.month:02d}-{self.day:02d} is not a lunar date", rule=self.name
            )
        if not _is_int(self.start_offset) or not all(_is_int(k) for k in self.extra_days):
            raise CalendarError(f"rule {self.name!r}: offsets must be whole numbers", rule=self.name)
        if not _is_int(self.days) or self.days < 1:
            raise CalendarError(f"rule {self.name!r}: days must be at least 1", rule=self.name)
        if not isinstance(self.enabled, bool) or not isinstance(self.compensate_weekend, bool):
            raise CalendarError(
                f"rule {self.name!r}: enabled and compensate_weekend must be true or false", rule=self.name
            )


_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")
_RULE_KEYS = frozenset(
    {"name", "solar", "lunar", "start_offset", "days", "extra_days", "enabled", "compensate_weekend", "note"}
)


def _parse_rule(entry: object, index: int) -> HolidayRule:
    """One rule of the statutory document."""
    where = f"rules[{index}]"
    if not isinstance(entry, dict):
        raise CalendarError(f"{where} must be an object")
    _check_keys(entry, _RULE_KEYS, where)
    name = entry.get("name")
    if not isinstance(name, str):
        raise CalendarError(f"{where} has no name")
    anchors = [key for key in ("solar", "lunar") if key in entry]
    if len(anchors) != 1:
        raise CalendarError(f'{where} ({name}) needs exactly one of "solar" or "lunar"')
    anchor: Literal["solar", "lunar"] = "solar" if anchors[0] == "solar" else "lunar"
    raw = entry[anchor]
    match = _MONTH_DAY.match(raw) if isinstance(raw, str) else None
    if match is None:
        raise CalendarError(f"{where} ({name}) has a bad {anchor} date {raw!r} (expected MM-DD)")
    note = entry.get("note", "")
    if not isinstance(note, str):
        raise CalendarError(f'{where} ({name}): "note" must be text')
    extra = entry.get("extra_days", [])
    if not isinstance(extra, list):
        raise CalendarError(f'{where} ({name}): "extra_days" must be a list of day offsets')
    return HolidayRule(
        name=name,
        anchor=anchor,
        month=int(match.group(1)),
        day=int(match.group(2)),
        start_offset=entry.get("start_offset", 0),
        days=entry.get("days", 1),
        extra_days=tuple(extra),
        enabled=entry.get("enabled", True),
        compensate_weekend=entry.get("compensate_weekend", True),
        note=note,
    )


def load_statutory_rules(text: str) -> tuple[HolidayRule, ...]:
    """Read statutory holiday rules (JSON, format ``motcua.statutory/1``); :class:`CalendarError` if bad."""
    data = _parse_json_object(text, "the statutory rules")
    _check_format(data, STATUTORY_RULES_FORMAT, "the statutory rules")
    _check_keys(data, frozenset({"format", "source", "rules"}), "the statutory rules")
    rules = data.get("rules")
    if not isinstance(rules, list):
        raise CalendarError('the statutory rules need a "rules" list')
    return tuple(_parse_rule(entry, index) for index, entry in enumerate(rules))


@lru_cache(maxsize=1)
def default_statutory_rules() -> tuple[HolidayRule, ...]:
    """The rules shipped in ``resources/calendar/statutory.json``."""
    return load_statutory_rules(resources.read_text("calendar", "statutory.json"))


def _lunar_anchor(month: int, day: int, lunar_year: int) -> date:
    """The solar date of lunar ``day``/``month`` (not leap) of ``lunar_year``, in Vietnam's reckoning."""
    solar = lunar_to_solar(LunarDate(day, month, lunar_year, False), time_zone=LUNAR_TIME_ZONE_HOURS)
    if day == 30:
        back = solar_to_lunar(solar, time_zone=LUNAR_TIME_ZONE_HOURS)
        if back.day != 30:  # a 29-day month: day 30 is the month's last day
            solar -= timedelta(days=1)
    return solar


def _rule_instance(rule: HolidayRule, anchor_year: int) -> list[date]:
    """The days ``rule`` gives for its anchor in (solar or lunar) year ``anchor_year``."""
    if rule.anchor == "solar":
        try:
            anchor = date(anchor_year, rule.month, rule.day)
        except ValueError:  # 29 February in a common year
            return []
    else:
        anchor = _lunar_anchor(rule.month, rule.day, anchor_year)
    offsets = [*range(rule.start_offset, rule.start_offset + rule.days), *rule.extra_days]
    return [anchor + timedelta(days=k) for k in offsets]


def statutory_days_off(
    year: int, rules: Sequence[HolidayRule], weekend: frozenset[int] = DEFAULT_WEEKEND
) -> list[NamedDay]:
    """The statutory days off of solar ``year`` (Labour Code Art. 111-112), sorted by date.

    Holiday days on a weekly day off are listed under the holiday's name and, for rules with
    ``compensate_weekend``, compensated on the next day that is neither a weekly day off nor a holiday
    (named ``"Nghỉ bù <name>"``). Anchors of the neighbouring years are computed too, so a block or a
    compensation crossing New Year lands in the right year. A day given by two rules counts once (the first
    rule's name). Raises :class:`CalendarError` for a year the lunar calendar cannot place (1900-2100).
    """
    given: dict[date, tuple[str, bool]] = {}
    for rule in rules:
        if not rule.enabled:
            continue
        for anchor_year in (year - 1, year, year + 1):
            try:
                days = _rule_instance(rule, anchor_year)
            except (ValueError, OverflowError) as exc:
                if anchor_year == year:
                    raise CalendarError(
                        f"the statutory holidays of {year} cannot be computed: {exc}", year=year
                    ) from exc
                continue
            for day in days:
                given.setdefault(day, (rule.name, rule.compensate_weekend))
    result: dict[date, str] = {day: name for day, (name, _) in given.items()}
    for day in sorted(given):
        name, compensate = given[day]
        if not compensate or day.weekday() not in weekend:
            continue
        substitute = day + timedelta(days=1)
        while substitute.weekday() in weekend or substitute in result:
            substitute += timedelta(days=1)
        result[substitute] = f"Nghỉ bù {name}"
    return [NamedDay(day, name) for day, name in sorted(result.items()) if day.year == year]


# --------------------------------------------------------------------------------------------------
# The working calendar


@dataclass(frozen=True)
class _YearInfo:
    source: Literal["table", "statutory"]
    days_off: tuple[NamedDay, ...]
    working_weekend_days: tuple[NamedDay, ...]
    off: Mapping[date, str]
    worked: frozenset[date]
    working_ordinals: tuple[int, ...]


_NO_TABLES: Mapping[int, YearTable] = MappingProxyType({})


class WorkingCalendar:
    """Working days and the office clock for due-date computation.

    A year with an official table uses only that table (plus the weekly days off, minus the table's
    working days); a year without one uses the statutory rules. Per-year results are cached, so the
    calendar is cheap to query many times; it is immutable once built.
    """

    def __init__(
        self,
        office_hours: OfficeHours = DEFAULT_OFFICE_HOURS,
        tables: Mapping[int, YearTable] = _NO_TABLES,
        statutory_rules: Sequence[HolidayRule] | None = None,
        weekend: frozenset[int] = DEFAULT_WEEKEND,
    ) -> None:
        weekend = frozenset(weekend)
        if not weekend <= frozenset(range(7)) or len(weekend) == 7:
            raise CalendarError("the weekly days off must be weekday numbers 0-6, leaving some working day")
        for year, table in tables.items():
            if year != table.year:
                raise CalendarError(f"the table filed under {year} is the table of {table.year}", year=year)
        self._office_hours = office_hours
        self._tables: Mapping[int, YearTable] = MappingProxyType(dict(tables))
        self._rules = tuple(default_statutory_rules() if statutory_rules is None else statutory_rules)
        self._weekend = weekend
        self._years: dict[int, _YearInfo] = {}
        self._interval_micros = tuple((_micros(s), _micros(e)) for s, e in office_hours.intervals)

    @property
    def office_hours(self) -> OfficeHours:
        """The office clock."""
        return self._office_hours

    @property
    def weekend(self) -> frozenset[int]:
        """The weekly days off (``date.weekday()`` numbers; Saturday 5, Sunday 6 by default)."""
        return self._weekend

    @property
    def tables(self) -> Mapping[int, YearTable]:
        """The official tables, by year (read-only)."""
        return self._tables

    @property
    def statutory_rules(self) -> tuple[HolidayRule, ...]:
        """The rules used for years without a table."""
        return self._rules

    # ---- per-year data

    def _year(self, year: int) -> _YearInfo:
        info = self._years.get(year)
        if info is None:
            info = self._build_year(year)
            self._years[year] = info
        return info

    def _build_year(self, year: int) -> _YearInfo:
        if not 1 <= year <= 9999:
            raise CalendarError(f"the year {year} is outside the calendar", year=year)
        table = self._tables.get(year)
        source: Literal["table", "statutory"]
        if table is not None:
            source = "table"
            days_off = table.days_off
            working_weekend = tuple(d for d in table.working_days if d.date.weekday() in self._weekend)
        else:
            source = "statutory"
            days_off = tuple(statutory_days_off(year, self._rules, self._weekend))
            working_weekend = ()
        off = {d.date: d.name for d in days_off}
        worked = frozenset(d.date for d in working_weekend)
        ordinals: list[int] = []
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        for ordinal in range(first, last + 1):
            day = date.fromordinal(ordinal)
            if day in worked or (day not in off and day.weekday() not in self._weekend):
                ordinals.append(ordinal)
        return _YearInfo(source, days_off, working_weekend, MappingProxyType(off), worked, tuple(ordinals))

    # ---- days

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day (a make-up working Saturday is one; a holiday is not)."""
        info = self._year(day.year)
        if day in info.worked:
            return True
        return day not in info.off and day.weekday() not in self._weekend

    def day_off_reason(self, day: date) -> str | None:
        """Why ``day`` is off: the holiday's name, ``"weekend"``, or ``None`` for a working day."""
        info = self._year(day.year)
        if day in info.worked:
            return None
        name = info.off.get(day)
        if name is not None:
            return name
        return "weekend" if day.weekday() in self._weekend else None

    def days_off(self, year: int) -> list[NamedDay]:
        """The named days off of ``year`` (the table's or the statutory ones), by date; no plain weekends."""
        return list(self._year(year).days_off)

    def working_weekend_days(self, year: int) -> list[NamedDay]:
        """The make-up working days of ``year`` that fall on a weekly day off (empty without a table)."""
        return list(self._year(year).working_weekend_days)

    def year_source(self, year: int) -> Literal["table", "statutory"]:
        """``"table"`` when ``year`` has an official table, else ``"statutory"``."""
        return "table" if year in self._tables else "statutory"

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def add_working_days(self, day: date, n: int) -> date:
        """The ``n``-th working day strictly after ``day``; for ``n == 0``, ``day`` if working else the next.

        ``n`` must be a whole number >= 0 (:class:`InvalidInput` otherwise).
        """
        if not _is_int(n) or n < 0:
            raise InvalidInput(f"a number of working days must be a whole number >= 0, got {n!r}", value=n)
        if n == 0:
            return day if self.is_working_day(day) else self.add_working_days(day, 1)
        year = day.year
        after = day.toordinal()
        while True:
            ordinals = self._year(year).working_ordinals
            index = bisect_right(ordinals, after)
            available = len(ordinals) - index
            if n <= available:
                return date.fromordinal(ordinals[index + n - 1])
            n -= available
            year += 1
            if year > 9999:
                raise CalendarError("the working day asked for is beyond the year 9999", day=day.isoformat())
            after = date(year, 1, 1).toordinal() - 1

    def working_days_between(self, start: date, end: date) -> int:
        """The number of working days in ``(start, end]``; negative when ``end`` is before ``start``.

        So ``working_days_between(d, add_working_days(d, n)) == n`` for every ``n >= 1``.
        """
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        for year in range(start.year, end.year + 1):
            ordinals = self._year(year).working_ordinals
            low = bisect_right(ordinals, start.toordinal()) if year == start.year else 0
            high = bisect_right(ordinals, end.toordinal()) if year == end.year else len(ordinals)
            count += high - low
        return count

    # ---- the office clock

    def _place(self, day: date, micros: int) -> tuple[date, int, int]:
        """The first office moment at or after ``micros`` on ``day``: (day, interval index, micros)."""
        if self.is_working_day(day):
            for index, (start, end) in enumerate(self._interval_micros):
                if micros < start:
                    return day, index, start
                if micros < end:
                    return day, index, micros
        return self.next_working_day(day), 0, self._interval_micros[0][0]

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """``start`` plus ``hours`` of the office clock, aware in Vietnam's time.

        A start outside office hours counts from the next opening (at lunch: from the afternoon opening);
        the result lands exactly at closing when the hours fill the day (8 hours from 07:00 end at 17:00
        the same day). ``start`` must be aware; ``hours`` finite and >= 0 (:class:`InvalidInput`).
        """
        if isinstance(hours, bool) or not isinstance(hours, int | float) or not math.isfinite(hours):
            raise InvalidInput(f"a number of working hours must be a finite number, got {hours!r}")
        if hours < 0:
            raise InvalidInput(f"a number of working hours must be >= 0, got {hours!r}", value=hours)
        moment = local(start)
        remaining = round(hours * _MICROS_PER_HOUR)
        clock = moment.time()
        day, index, micros = self._place(moment.date(), _micros(clock))
        intervals = self._interval_micros
        per_day = self._office_hours.micros_per_day
        while True:
            available = intervals[index][1] - micros
            if remaining <= available:
                midnight = datetime(day.year, day.month, day.day, tzinfo=VIETNAM_TZ)
                return midnight + timedelta(microseconds=micros + remaining)
            remaining -= available
            if index + 1 < len(intervals):
                index += 1
                micros = intervals[index][0]
                continue
            whole_days = (remaining - 1) // per_day  # days used up entirely, leaving 0 < remaining <= per_day
            remaining -= whole_days * per_day
            day = self.add_working_days(day, 1 + whole_days)
            index = 0
            micros = intervals[0][0]

    def closing_of(self, day: date) -> datetime:
        """The office closing time of ``day``, aware in Vietnam's time."""
        return datetime.combine(day, self._office_hours.closing, tzinfo=VIETNAM_TZ)


def default_calendar(office_hours: OfficeHours = DEFAULT_OFFICE_HOURS) -> WorkingCalendar:
    """A calendar with the shipped official tables and the shipped statutory rules."""
    return WorkingCalendar(office_hours=office_hours, tables=shipped_year_tables())


# --------------------------------------------------------------------------------------------------
# Due dates and on-time classification


def _same_day(calendar: WorkingCalendar, moment: datetime, cutoff: time) -> datetime:
    """Closing of ``moment``'s day when working and before ``cutoff``, else of the next working day."""
    day = moment.date()
    if calendar.is_working_day(day) and moment.time() < cutoff:
        return calendar.closing_of(day)
    return calendar.closing_of(calendar.next_working_day(day))


def due_at(calendar: WorkingCalendar, processing: ProcessingTime, received_at: datetime) -> datetime:
    """When a file received at ``received_at`` is due, aware in Vietnam's time.

    ``working_days`` N: closing time of the N-th working day strictly after the local date of receipt
    (the day of receipt never counts, even a non-working one; N must be a whole number >= 0; 0 means the
    closing of the day of receipt when it is a working day and the file came before closing, else the
    closing of the next working day). ``working_hours``:
    :meth:`WorkingCalendar.add_working_hours` from ``received_at``. ``same_day``: closing of the day of
    receipt when it is a working day and the local time is before ``processing.cutoff``, otherwise closing
    of the next working day. A naive ``received_at`` raises :class:`InvalidInput`.
    """
    moment = local(received_at)
    amount = processing.amount
    if processing.kind == "working_days":
        if isinstance(amount, bool) or not math.isfinite(amount) or amount < 0 or amount != int(amount):
            raise InvalidInput(
                f"a processing time in working days must be a whole number >= 0, got {amount!r}", value=amount
            )
        if amount == 0:
            return _same_day(calendar, moment, calendar.office_hours.closing)
        return calendar.closing_of(calendar.add_working_days(moment.date(), int(amount)))
    if processing.kind == "working_hours":
        return calendar.add_working_hours(moment, amount)
    if processing.kind == "same_day":
        return _same_day(calendar, moment, processing.cutoff)
    raise InvalidInput(f"unknown processing-time kind {processing.kind!r}", value=processing.kind)


OnTime = Literal["early", "on_time", "late"]

ON_TIME_LABELS_VI: Mapping[OnTime, str] = MappingProxyType(
    {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}
)


def classify_completion(finished_at: datetime, due_at: datetime) -> OnTime:
    """``"late"`` when finished after ``due_at``; ``"early"`` when finished on a local date before the due
    date's; otherwise ``"on_time"``. Both must be aware (:class:`InvalidInput`)."""
    finished = local(finished_at)
    due = local(due_at)
    if finished > due:
        return "late"
    if finished.date() < due.date():
        return "early"
    return "on_time"

"""Time in the domain: stored in UTC, reasoned about in Vietnam's civil time.

Vietnam keeps UTC+7 all year (no daylight saving since 1975), so a fixed offset is exact and needs no
time-zone database on the counters' Windows PCs.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from records.errors import InvalidInput

VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")
LUNAR_TIME_ZONE_HOURS = 7.0  # the lunar calendar's new moons are reckoned in Vietnam's time, never UTC+8


def now() -> datetime:
    """The current instant, aware, in Vietnam's civil time."""
    return datetime.now(VIETNAM_TZ)


def local(moment: datetime) -> datetime:
    """``moment`` (aware) in Vietnam's civil time. Naive datetimes are refused: their meaning is a guess."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput("a time without a time-zone offset cannot be placed", value=str(moment))
    return moment.astimezone(VIETNAM_TZ)


def to_utc(moment: datetime) -> datetime:
    """``moment`` (aware) in UTC."""
    return local(moment).astimezone(UTC)


def parse_datetime(text: str) -> datetime:
    """An ISO 8601 date-time; one without an offset is taken as Vietnam's civil time. Returns it aware."""
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise InvalidInput(f"not an ISO date-time: {text!r}", value=text) from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=VIETNAM_TZ)
    try:
        parsed.astimezone(UTC)  # it is stored in UTC: refuse what cannot be (year 1 or 9999 at the edges)
        return parsed.astimezone(VIETNAM_TZ)
    except OverflowError as exc:
        raise InvalidInput(f"date-time out of range: {text!r}", value=text) from exc


def parse_date(text: str) -> date:
    """An ISO 8601 date (``YYYY-MM-DD``)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InvalidInput(f"not an ISO date: {text!r}", value=text) from exc


def iso(moment: datetime) -> str:
    """``moment`` as ISO 8601 in Vietnam's civil time, to the second: ``2026-11-25T17:00:00+07:00``."""
    return local(moment).replace(microsecond=0).isoformat()

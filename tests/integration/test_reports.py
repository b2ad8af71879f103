"""The supervisor's day: files received, due, overdue, returned and finished, the on-time rate, and the
same by clerk and by procedure — for today (judged now) and for past days (judged at their end)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import event

from integration.helpers import Counter, vn
from records.services.reports import DaySummary
from records.users import Actor, Role
from records.workflow import Status

MONDAY, TUESDAY, WEDNESDAY, THURSDAY = (date(2026, 3, d) for d in (2, 3, 4, 5))
NOW = vn("2026-03-04T15:00:00")  # Wednesday afternoon

MARRIAGE = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days
BIRTH = "1.001193"  # Đăng ký khai sinh: the same day if received before 15:00
WILL = "2.001019"  # Chứng thực di chúc: 2 working days

Day = tuple[Counter, Actor, dict[str, str]]  # the store, the second clerk, the files by name


@pytest.fixture
def day(counter: Counter, freeze_now: Callable[[datetime], None]) -> Day:
    """Files of Monday to Wednesday by two clerks (lan, minh) and the command line (system), moved through
    their statuses; the clock stands at Wednesday 15:00."""
    freeze_now(NOW)
    services = counter.services
    minh = services.users.add(counter.admin, "minh", "Võ Văn Minh", Role.CLERK, "matkhau-minh")
    lan, system = counter.clerk, counter.system
    files = services.files
    ids = iter(f"001085{n:06d}" for n in range(1, 100))

    def register(actor: Actor, procedure: str, at: str, **extra: Any) -> str:
        person = next(ids)
        return counter.register(
            actor, procedure=procedure, personal_id=person, full_name="Nguyễn Văn An", received_at=at, **extra
        ).code

    def move(code: str, actor: Actor, *steps: tuple[Status, str]) -> None:
        for status, at in steps:
            files.set_status(code, status, actor, at=vn(at))

    made: dict[str, str] = {}
    # Birth registration on Monday, due Monday 17:00, still open: overdue.
    made["f1"] = register(lan, BIRTH, "2026-03-02T09:00:00")
    # Birth registration on Tuesday, due Tuesday 17:00, in progress: overdue.
    made["f2"] = register(minh, BIRTH, "2026-03-03T09:00:00")
    move(made["f2"], minh, (Status.IN_PROGRESS, "2026-03-03T10:00:00"))
    # Due Thursday; result on Tuesday (early), returned on Wednesday.
    made["f3"] = register(lan, MARRIAGE, "2026-03-02T10:00:00")
    move(
        made["f3"],
        lan,
        (Status.IN_PROGRESS, "2026-03-02T11:00:00"),
        (Status.RESULT_READY, "2026-03-03T10:00:00"),
        (Status.RETURNED, "2026-03-04T09:00:00"),
    )
    # Due Tuesday 17:00; result on Wednesday: late.
    made["f4"] = register(minh, BIRTH, "2026-03-03T11:00:00")
    move(made["f4"], minh, (Status.RESULT_READY, "2026-03-04T10:00:00"))
    # Received Wednesday, due Wednesday 17:00; result at 11:00 (on time), returned at 14:00.
    made["f5"] = register(lan, BIRTH, "2026-03-04T08:00:00")
    move(
        made["f5"],
        lan,
        (Status.RESULT_READY, "2026-03-04T11:00:00"),
        (Status.RETURNED, "2026-03-04T14:00:00"),
    )
    # Received and refused on Wednesday: finished, but no result to judge.
    made["f6"] = register(lan, MARRIAGE, "2026-03-04T09:30:00")
    move(made["f6"], lan, (Status.REFUSED, "2026-03-04T10:00:00"))
    # Incomplete at the counter on Wednesday: paused, no due date.
    made["f7"] = register(minh, MARRIAGE, "2026-03-04T10:00:00", status="supplement_requested")
    # From the command line on Wednesday, due Wednesday 17:00, open: due today, not yet overdue.
    made["f8"] = register(system, BIRTH, "2026-03-04T08:30:00")
    # Received Wednesday, due Friday.
    made["f9"] = register(lan, WILL, "2026-03-04T13:00:00")
    # Received Monday, due Thursday; result on Wednesday (early).
    made["f10"] = register(minh, MARRIAGE, "2026-03-02T14:00:00")
    move(made["f10"], minh, (Status.RESULT_READY, "2026-03-04T14:30:00"))
    return counter, minh, made


def _clerks(summary: DaySummary) -> list[tuple[str | None, str | None, int, int, int]]:
    return [(c.username, c.full_name, c.received, c.returned, c.overdue) for c in summary.by_clerk]


def _procedures(summary: DaySummary) -> list[tuple[str, int, int, int]]:
    return [(p.code, p.received, p.returned, p.overdue) for p in summary.by_procedure]


def test_today(day: Day) -> None:
    counter, _, _ = day
    summary = counter.services.reports.day(WEDNESDAY)
    assert summary.day == WEDNESDAY and summary.at == NOW
    assert summary.received == 5  # f5 f6 f7 f8 f9
    assert summary.due_today == 1  # f8 (f5 is due today too but has its result)
    assert summary.overdue == 2  # f1 f2
    assert summary.returned == 2  # f3 f5
    assert summary.finished == 4  # f4 late, f5 on time, f6 refused, f10 early
    assert (summary.finished_on_time, summary.finished_late, summary.finished_with_due) == (2, 1, 3)
    assert summary.on_time_rate == pytest.approx(2 / 3)
    # Most received first; equal counts by name (the system account by its username: "system" < "vo …").
    assert _clerks(summary) == [
        ("lan", "Trần Thị Lan", 3, 2, 1),
        ("system", None, 1, 0, 0),
        ("minh", "Võ Văn Minh", 1, 0, 1),
    ]
    # Equal counts by name without diacritics: "Cấp …" before "Đăng ký …".
    assert _procedures(summary) == [(MARRIAGE, 2, 1, 0), (BIRTH, 2, 1, 2), (WILL, 1, 0, 0)]
    names = {p.code: p.name for p in summary.by_procedure}
    assert names[BIRTH] == "Đăng ký khai sinh"


def test_the_breakdowns_add_up_to_the_totals(day: Day) -> None:
    counter, _, _ = day
    for when in (MONDAY, TUESDAY, WEDNESDAY, THURSDAY):
        summary = counter.services.reports.day(when)
        for parts in (summary.by_clerk, summary.by_procedure):
            assert sum(p.received for p in parts) == summary.received
            assert sum(p.returned for p in parts) == summary.returned
            assert sum(p.overdue for p in parts) == summary.overdue


def test_a_past_day_is_judged_at_its_end(day: Day) -> None:
    counter, _, _ = day
    monday = counter.services.reports.day(MONDAY)
    assert monday.at == vn("2026-03-03T00:00:00")
    assert (monday.received, monday.due_today, monday.overdue, monday.returned) == (3, 1, 1, 0)
    assert (monday.finished, monday.on_time_rate) == (0, None)  # nothing finished: no rate
    assert _clerks(monday) == [("lan", "Trần Thị Lan", 2, 0, 1), ("minh", "Võ Văn Minh", 1, 0, 0)]
    assert _procedures(monday) == [(MARRIAGE, 2, 0, 0), (BIRTH, 1, 0, 1)]

    tuesday = counter.services.reports.day(TUESDAY)
    assert (tuesday.received, tuesday.due_today, tuesday.overdue, tuesday.returned) == (2, 1, 2, 0)
    assert (tuesday.finished, tuesday.finished_on_time, tuesday.finished_late) == (1, 1, 0)
    assert tuesday.on_time_rate == 1.0


def test_a_day_to_come_is_judged_now(day: Day) -> None:
    counter, _, _ = day
    thursday = counter.services.reports.day(THURSDAY)
    assert thursday.at == NOW
    assert (thursday.received, thursday.due_today, thursday.overdue) == (0, 0, 2)
    assert _clerks(thursday) == [("lan", "Trần Thị Lan", 0, 0, 1), ("minh", "Võ Văn Minh", 0, 0, 1)]


def test_a_day_of_an_empty_store(counter: Counter) -> None:
    summary = counter.services.reports.day(date(2026, 3, 2))
    assert (summary.received, summary.overdue, summary.finished, summary.on_time_rate) == (0, 0, 0, None)
    assert summary.by_clerk == () and summary.by_procedure == ()


def test_the_clerk_rows_carry_the_user_id_for_the_file_list(
    day: Day,
) -> None:
    counter, minh, _ = day
    summary = counter.services.reports.day(WEDNESDAY)
    (row,) = [c for c in summary.by_clerk if c.username == "minh"]
    assert row.user_id == minh.user_id


def test_to_json(day: Day) -> None:
    counter, _, _ = day
    data = json.loads(json.dumps(counter.services.reports.day(WEDNESDAY).to_json()))
    assert data["day"] == "2026-03-04" and data["at"] == "2026-03-04T15:00:00+07:00"
    assert data["received"] == 5 and data["on_time_rate"] == pytest.approx(2 / 3)
    assert data["by_clerk"][0] == {
        "user_id": data["by_clerk"][0]["user_id"],
        "username": "lan",
        "full_name": "Trần Thị Lan",
        "received": 3,
        "returned": 2,
        "overdue": 1,
    }
    assert data["by_procedure"][1]["name"] == "Đăng ký khai sinh"


@contextmanager
def _statements(counter: Counter) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    engine = counter.services.db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_the_day_is_counted_by_the_database(day: Day) -> None:
    """A fixed handful of aggregate queries, however many files: no file row reaches Python."""
    counter, _, _ = day
    with _statements(counter) as seen:
        counter.services.reports.day(WEDNESDAY)
    queries = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
    counts = [q for q in queries if "day_closings" not in q]  # and one primary-key read: is the day closed
    assert len(counts) == 3 and len(queries) == 4
    assert all("count(" in q.lower() or "sum(" in q.lower() for q in counts)

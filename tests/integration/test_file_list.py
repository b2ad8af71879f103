"""The file list as the table shows it: sorted by the database on every sortable column, both ways, in
stable pages; the status bar's count; and the migration that makes the sorts possible."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, get_args

import pytest
from alembic import command
from sqlalchemy import inspect, text

from integration.helpers import Counter, vn
from records.files import SORT_KEYS, FileQuery, FileSummary, SortKey
from records.services import Services
from records.store.database import make_engine, sqlite_url
from records.store.migrate import alembic_config, current_revision, head_revision, upgrade
from records.text import fold
from records.workflow import Status

NOW = vn("2026-03-20T08:00:00")

# (procedure, owner's name, received) — names and procedures that only sort right without diacritics
# ("Đ" after "Z" in binary order), equal names, equal moments, equal due dates.
FILES: tuple[tuple[str, str, str], ...] = (
    ("1.004873", "Nguyễn Văn Đức", "2026-03-02T09:00:00"),
    ("1.001193", "Đặng Thị Ánh", "2026-03-02T09:00:00"),  # received at the same moment as the first
    ("2.000884", "Lê Văn Bình", "2026-03-02T10:30:00"),
    ("1.001193", "Nguyễn Văn Đức", "2026-03-03T08:15:00"),  # a namesake with another ID
    ("2.001019", "Ánh Dương", "2026-03-03T09:00:00"),
    ("1.000894", "Bùi Thị Zin", "2026-03-03T09:00:00"),
    ("LT.KS-TT-BHYT", "đỗ minh châu", "2026-03-04T14:00:00"),
    ("1.004873", "Trần Thị Ngọc Hoa", "2026-03-04T14:00:00"),
    ("2.000815", "Phạm Quốc Đạt", "2026-03-05T07:30:00"),
    ("1.001193", "Hồ Văn Ý", "2026-03-05T16:00:00"),  # after the cut-off: due the next working day
    ("1.004873", "Lê Văn Bình", "2026-03-06T09:00:00"),
    ("2.000635", "Võ Thị Sáu", "2026-03-06T11:00:00"),
)


def _personal_id(n: int) -> str:
    """A valid 12-digit personal ID (Hà Nội, a man born in 1985), the n-th."""
    return f"001085{n:06d}"


@pytest.fixture
def listed(counter: Counter, freeze_now: Callable[[datetime], None]) -> Services:
    """Twelve files in every status the list can show: some paused or refused (no due date)."""
    freeze_now(NOW)
    files = counter.services.files
    made = [
        counter.register(procedure=procedure, personal_id=_personal_id(n), full_name=name, received_at=at)
        for n, (procedure, name, at) in enumerate(FILES, start=1)
    ]
    clerk = counter.clerk
    files.set_status(made[0].code, Status.IN_PROGRESS, clerk, at=vn("2026-03-02T10:00:00"))
    files.set_status(made[1].code, Status.RESULT_READY, clerk, at=vn("2026-03-02T11:00:00"))
    files.set_status(made[1].code, Status.RETURNED, clerk, at=vn("2026-03-03T08:00:00"))
    files.set_status(made[4].code, Status.SUPPLEMENT_REQUESTED, clerk, at=vn("2026-03-03T10:00:00"))
    files.set_status(made[6].code, Status.REFUSED, clerk, at=vn("2026-03-04T15:00:00"))
    files.set_status(made[8].code, Status.WITHDRAWN, clerk, at=vn("2026-03-05T08:00:00"))
    counter.register(
        procedure="2.000884",
        personal_id=_personal_id(99),
        full_name="Đinh Văn Tới",
        received_at="2026-03-06T15:00:00",
        status="refused",  # refused at the counter: never had a due date
    )
    return counter.services


def _all(services: Services, **filters: Any) -> list[FileSummary]:
    return services.files.list(FileQuery(limit=10_000, **filters))


def _expected(rows: list[FileSummary], key: SortKey, descending: bool) -> list[str]:
    """The order the list must have, worked out in Python: the column, then registration order (the
    default list is newest registered first, so its reverse position is the registration order)."""
    order = {row.code: rank for rank, row in enumerate(reversed(rows))}

    def value(row: FileSummary) -> Any:
        return {
            "received": row.received_at,
            "due": row.due_at,
            "code": row.code,
            "status": int(row.status),
            "procedure": fold(row.procedure_name),
            "owner": fold(row.owner_name),
        }[key]

    dated = [r for r in rows if value(r) is not None]
    undated = [r for r in rows if value(r) is None]  # only the due date can be missing: last either way
    dated.sort(key=lambda r: (value(r), order[r.code]), reverse=descending)
    undated.sort(key=lambda r: order[r.code], reverse=descending)
    return [r.code for r in dated + undated]


def test_sort_keys_are_the_literal() -> None:
    assert set(SORT_KEYS) == set(get_args(SortKey))


def test_the_default_order_is_newest_registered_first(listed: Services) -> None:
    rows = _all(listed)
    assert len(rows) == len(FILES) + 1
    assert [r.code for r in rows] == sorted((r.code for r in rows), reverse=True)  # codes follow entry


@pytest.mark.parametrize("descending", [True, False], ids=["descending", "ascending"])
@pytest.mark.parametrize("key", SORT_KEYS)
def test_each_sort_matches_python_and_pages_are_stable(
    listed: Services, key: SortKey, descending: bool
) -> None:
    rows = _all(listed)
    expected = _expected(rows, key, descending)
    sorted_rows = _all(listed, order_by=key, descending=descending)
    assert [r.code for r in sorted_rows] == expected

    for size in (1, 4, 5):
        pages: list[str] = []
        offset = 0
        while page := listed.files.list(
            FileQuery(order_by=key, descending=descending, limit=size, offset=offset)
        ):
            pages += [r.code for r in page]
            offset += size
        assert pages == expected, f"pages of {size}"
        assert len(set(pages)) == len(pages)


def test_names_sort_without_diacritics(listed: Services) -> None:
    owners = [r.owner_name for r in _all(listed, order_by="owner", descending=False)]
    assert owners[:3] == ["Ánh Dương", "Bùi Thị Zin", "Đặng Thị Ánh"]  # Đ among the D's, not after Z
    rows = _all(listed, order_by="procedure", descending=False)
    codes = list(dict.fromkeys(r.procedure_code for r in rows))
    assert codes == [
        "2.000635",  # Cấp bản sao trích lục hộ tịch
        "1.004873",  # Cấp Giấy xác nhận tình trạng hôn nhân
        "2.000815",  # Chứng thực bản sao từ bản chính …
        "2.000884",  # Chứng thực chữ ký
        "2.001019",  # Chứng thực di chúc
        "1.000894",  # Đăng ký kết hôn
        "1.001193",  # Đăng ký khai sinh
        "LT.KS-TT-BHYT",  # Liên thông đăng ký khai sinh, …
    ]


def test_files_without_a_due_date_come_last_both_ways(listed: Services) -> None:
    for descending in (True, False):
        rows = _all(listed, order_by="due", descending=descending)
        dues = [r.due_at for r in rows]
        assert dues[-2:] == [None, None] and None not in dues[:-2]
        assert {r.status for r in rows[-2:]} == {Status.SUPPLEMENT_REQUESTED, Status.REFUSED}


def test_sorting_applies_after_the_filters(listed: Services) -> None:
    running = (Status.RECEIVED, Status.IN_PROGRESS)
    rows = _all(listed, statuses=running, order_by="due", descending=False)
    assert rows and {r.status for r in rows} <= set(running)
    assert [r.code for r in rows] == _expected(_all(listed, statuses=running), "due", False)
    # A name search keeps its newest-first order unless a column is chosen.
    found = _all(listed, query="nguyen van duc")
    assert len(found) == 2 and found[0].received_at > found[1].received_at
    by_code = _all(listed, query="nguyen van duc", order_by="code", descending=False)
    assert [r.code for r in by_code] == sorted(r.code for r in found)
    second = FileQuery(query="le van binh", order_by="received", descending=False, limit=1, offset=1)
    assert [r.received_at for r in listed.files.list(second)] == [vn("2026-03-06T09:00:00")]


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"statuses": (Status.RECEIVED,)},
        {"statuses": (Status.RECEIVED, Status.IN_PROGRESS), "procedure_code": "1.004873"},
        {"query": "nguyen"},
        {"query": "ngu van"},
        {"query": _personal_id(3)},
        {"query": "H55.242-260302-0002"},
        {"due": "overdue"},
        {"received_from": datetime(2026, 3, 3).date(), "received_to": datetime(2026, 3, 4).date()},
        {"query": "nobody at all"},
        {"query": "999999999999"},
    ],
    ids=repr,
)
def test_count_matches_the_list(listed: Services, filters: dict[str, Any]) -> None:
    total = len(_all(listed, **filters))
    assert listed.files.count(FileQuery(**filters)) == total
    # Paging and order play no part in the count.
    paged = FileQuery(limit=1, offset=3, order_by="owner", descending=False, **filters)
    assert listed.files.count(paged) == total


def test_count_of_an_unmatched_search_is_zero(listed: Services) -> None:
    assert listed.files.count(FileQuery(query="xyz")) == 0
    assert listed.files.count(FileQuery(statuses=(Status.STOPPED,))) == 0
    assert listed.files.count(FileQuery()) == len(FILES) + 1


# -- the migration -------------------------------------------------------------------------------------


def test_migration_0003_folds_stored_procedure_names_and_adds_the_indexes(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "old.sqlite3"))
    try:
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0002")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO procedures (code, name, field, field_code, search_key, active, updated_at) "
                    "VALUES ('1.001193', 'Đăng ký khai sinh', 'Hộ tịch', NULL, 'x', 1, '2026-01-01 00:00:00')"
                )
            )
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            folded = conn.execute(text("SELECT name_folded FROM procedures")).scalar_one()
        assert folded == "dang ky khai sinh"
        indexes = {i["name"] for i in inspect(engine).get_indexes("files")}
        assert {
            "ix_files_due_at",
            "ix_files_status",
            "ix_files_finished_at",
            "ix_files_returned_at",
        } <= indexes
        assert "ix_procedures_name_folded" in {i["name"] for i in inspect(engine).get_indexes("procedures")}

        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        assert "name_folded" not in {c["name"] for c in inspect(engine).get_columns("procedures")}
        assert {i["name"] for i in inspect(engine).get_indexes("files")} == {
            "ix_files_owner_id",
            "ix_files_procedure_code",
            "ix_files_received_at",
            "ix_files_received_by",
            "ix_files_status_due_at",
            "ix_files_submitter_id",
        }
    finally:
        engine.dispose()


def test_a_catalogue_import_keeps_the_folded_names(counter: Counter) -> None:
    services = counter.services
    with services.db.reading() as uow:
        rows = uow.session.execute(text("SELECT name, name_folded FROM procedures")).all()
    assert rows and all(folded == fold(name) for name, folded in rows)

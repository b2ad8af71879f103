"""The supervisor's day against a store built for it: the tiles, the breakdowns, the chart, the day's files,
the register printed for a range and exported to Excel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS, qt_messages

from records.clock import VIETNAM_TZ
from records.files import RegistrationRequest
from records.users import Role
from records.workflow import Status
from ui.bar_chart import BarChartWidget, BarGroup, nice_step
from ui.day_breakdown_table_model import DayBreakdownTableModel
from ui.day_page import DayPage
from ui.preferences import EXPORT_FOLDER, PRINT_DESTINATION
from ui.print_controller import PrintController
from ui.session import UiSession

DAY = date(2026, 3, 4)  # a Wednesday
FORM_3_DAYS = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days
SAME_DAY = "2.000815"  # Chứng thực bản sao: the same day
TWO_DAYS = "2.001019"  # Chứng thực di chúc: 2 working days


@dataclass(frozen=True)
class DayStore:
    services: Any
    received_on_day: tuple[str, ...]  # the codes of the files received on DAY


def _at(day: int, month: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=VIETNAM_TZ)


def _build(services: Any) -> DayStore:
    """Two clerks; five files received on DAY, older files returned, finished and overdue on it.

    On DAY: received 5 (Lan 3, Minh 2); returned 2 (both Minh's files from before); overdue at the day's end
    2 (Lan's file due 03/03, Minh's file due on DAY still in progress); finished 3 (2 on time, 1 late)."""
    system = services.users.system(1)
    lan = services.users.add(system, "lan", "Trần Thị Lan", Role.CLERK, "mat-khau-lan")
    minh = services.users.add(system, "minh", "Phạm Văn Minh", Role.CLERK, "mat-khau-minh")
    serial = iter(range(1, 100))

    def register(actor: Any, procedure: str, at: datetime) -> str:
        number = next(serial)
        request = RegistrationRequest.from_json(
            {
                "procedure": procedure,
                "applicant": {"personal_id": f"001085{number:06d}", "full_name": f"Nguyễn Văn Số {number}"},
                "documents": ["Tờ khai"],
                "received_at": at.isoformat(),
            }
        )
        return str(services.files.register(request, actor).code)

    def move(code: str, actor: Any, *steps: tuple[Status, datetime]) -> None:
        for status, at in steps:
            services.files.set_status(code, status, actor, at=at)

    register(lan, FORM_3_DAYS, _at(26, 2, 8))  # due 03/03 17:00, never finished
    late = register(lan, FORM_3_DAYS, _at(26, 2, 10))  # due 03/03 17:00, result on DAY: late
    returned = register(minh, FORM_3_DAYS, _at(26, 2, 9))
    move(returned, minh, (Status.RESULT_READY, _at(2, 3, 10)), (Status.RETURNED, _at(4, 3, 9, 30)))
    on_time = register(minh, TWO_DAYS, _at(2, 3, 8))  # due on DAY 17:00: result and return on DAY
    move(on_time, minh, (Status.RESULT_READY, _at(4, 3, 11)), (Status.RETURNED, _at(4, 3, 15)))
    due_today = register(minh, TWO_DAYS, _at(2, 3, 9))  # due on DAY 17:00, still in progress
    move(due_today, minh, (Status.IN_PROGRESS, _at(2, 3, 10)))
    move(late, lan, (Status.RESULT_READY, _at(4, 3, 8, 30)))

    today = [
        register(lan, FORM_3_DAYS, _at(4, 3, 8)),
        register(lan, FORM_3_DAYS, _at(4, 3, 9)),
        register(lan, SAME_DAY, _at(4, 3, 10)),
        register(minh, FORM_3_DAYS, _at(4, 3, 14)),
        register(minh, TWO_DAYS, _at(4, 3, 15, 30)),
    ]
    move(today[2], lan, (Status.RESULT_READY, _at(4, 3, 16)))  # same day: on time
    return DayStore(services, tuple(today))


@pytest.fixture
def day_store(fresh_store: Any) -> DayStore:
    return _build(fresh_store)


def _page(qtbot: QtBot, session: UiSession) -> tuple[DayPage, PrintController]:
    host = QWidget()
    qtbot.addWidget(host)
    printer = PrintController(session, host)
    page = DayPage(session, printer, host)
    page.resize(1280, 760)
    return page, printer


def _loaded(qtbot: QtBot, page: DayPage, day: date) -> Any:
    page.set_day(day)
    qtbot.waitUntil(lambda: page.summary() is not None and page.summary().day == day, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.files_model.is_loading(), timeout=WAIT_MS)
    return page.summary()


def test_the_store_has_the_day_we_built(day_store: DayStore) -> None:
    summary = day_store.services.reports.day(DAY)
    assert (summary.received, summary.returned, summary.overdue) == (5, 2, 2)
    assert (summary.finished_on_time, summary.finished_late) == (2, 1)


def test_tiles_show_the_days_figures(qtbot: QtBot, day_store: DayStore, make_session: Any) -> None:
    session = make_session(day_store.services, "supervisor")
    page, _printer = _page(qtbot, session)
    page.start()
    summary = _loaded(qtbot, page, DAY)
    assert page.received_tile.value.text() == "5"
    assert page.returned_tile.value.text() == "2"
    assert page.overdue_tile.value.text() == "2"
    assert "c62828" in page.overdue_tile.value.styleSheet()  # overdue is red
    assert page.due_tile.value.text() == str(summary.due_today)
    assert page.rate_tile.value.text() == "66,7 %"  # 2 of 3 results on time
    assert "2/3" in page.rate_tile.note.text()
    assert page.weekday_label.text() == "Thứ Tư"


def test_a_day_without_results_has_no_rate(qtbot: QtBot, day_store: DayStore, make_session: Any) -> None:
    page, _printer = _page(qtbot, make_session(day_store.services, "supervisor"))
    summary = _loaded(qtbot, page, date(2026, 3, 8))  # a Sunday: nothing happened
    assert summary.on_time_rate is None
    assert page.rate_tile.value.text() == "—"
    assert page.received_tile.value.text() == "0"
    assert page.procedure_model.rowCount() == 2  # procedures with files overdue that day, nothing else
    assert page.chart.groups() == ()  # no bar to draw: the chart says so instead


def test_breakdown_tables_by_clerk_and_procedure(
    qtbot: QtBot, day_store: DayStore, make_session: Any
) -> None:
    page, _printer = _page(qtbot, make_session(day_store.services, "supervisor"))
    _loaded(qtbot, page, DAY)

    def rows(table: Any) -> dict[str, tuple[str, str, str]]:
        model = table.model()
        return {
            model.index(r, 0).data(): tuple(model.index(r, c).data() for c in (1, 2, 3))
            for r in range(model.rowCount())
        }

    assert rows(page.clerk_table) == {"Trần Thị Lan": ("3", "0", "1"), "Phạm Văn Minh": ("2", "2", "1")}
    by_procedure = rows(page.procedure_table)
    assert by_procedure["Cấp Giấy xác nhận tình trạng hôn nhân"] == ("3", "1", "1")
    assert by_procedure["Chứng thực di chúc"] == ("1", "1", "1")
    assert by_procedure["Chứng thực bản sao từ bản chính giấy tờ, văn bản"] == ("1", "0", "0")
    # Sorted by files received, most first.
    first = page.procedure_table.model().index(0, 0).data()
    assert first == "Cấp Giấy xác nhận tình trạng hôn nhân"


def test_chart_follows_the_breakdown(qtbot: QtBot, day_store: DayStore, make_session: Any) -> None:
    page, _printer = _page(qtbot, make_session(day_store.services, "supervisor"))
    _loaded(qtbot, page, DAY)
    assert page.chart.series() == ("Tiếp nhận", "Đã trả")
    assert page.chart.groups() == (
        BarGroup("Cấp Giấy xác nhận tình trạng hôn nhân", (3, 1), FORM_3_DAYS),
        BarGroup("Chứng thực di chúc", (1, 1), TWO_DAYS),
        BarGroup("Chứng thực bản sao từ bản chính giấy tờ, văn bản", (1, 0), SAME_DAY),
    )
    page.set_breakdown("clerk")
    assert page.breakdown_tabs.currentWidget() is page.clerk_table
    assert [(g.label, g.values) for g in page.chart.groups()] == [
        ("Phạm Văn Minh", (2, 2)),
        ("Trần Thị Lan", (3, 0)),
    ]
    assert "Trần Thị Lan: Tiếp nhận 3, Đã trả 0" in page.chart.accessibleDescription()
    assert page.chart.tooltip(1) == "lan — Trần Thị Lan\nTiếp nhận: 3\nĐã trả: 0"


def test_the_days_files_and_opening_one(qtbot: QtBot, day_store: DayStore, make_session: Any) -> None:
    page, _printer = _page(qtbot, make_session(day_store.services, "supervisor"))
    _loaded(qtbot, page, DAY)
    codes = {page.files_model.summary(r).code for r in range(page.files_model.rowCount())}
    assert codes == set(day_store.received_on_day)
    assert page.files_count.text() == "5 hồ sơ"
    with qtbot.waitSignal(page.open_file_requested, timeout=WAIT_MS) as opened:
        page.files_table.activated.emit(page.files_model.index(0, 0))
    assert opened.args == [page.files_model.summary(0).code]
    # Files overdue now (not only the day's): six of our files are still running, long past their dates.
    page.review_filter.setCurrentIndex(page.review_filter.findData("overdue"))
    qtbot.waitUntil(
        lambda: not page.files_model.is_loading() and page.files_model.rowCount() == 6, timeout=WAIT_MS
    )
    assert {page.files_model.summary(r).timing for r in range(6)} == {"overdue"}


def test_arrow_keys_step_through_days(qtbot: QtBot, day_store: DayStore, make_session: Any) -> None:
    page, _printer = _page(qtbot, make_session(day_store.services, "supervisor"))
    host = page.parentWidget()
    host.show()
    host.activateWindow()
    qtbot.waitExposed(host)
    _loaded(qtbot, page, DAY)
    page.date_edit.setFocus()
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.summary().day == date(2026, 3, 5), timeout=WAIT_MS)
    assert page.register_range() == (date(2026, 3, 5), date(2026, 3, 5))
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.summary().day == date(2026, 3, 3), timeout=WAIT_MS)
    page.today_button.click()
    assert page.day() == datetime.now(VIETNAM_TZ).date()


def test_printing_the_register_for_a_range(qtbot: QtBot, day_store: DayStore, make_session: Any) -> None:
    from pdfs import all_text

    session = make_session(day_store.services, "supervisor")
    session.prefs.set(PRINT_DESTINATION, "folder")
    page, printer = _page(qtbot, session)
    page.set_register_range(date(2026, 2, 26), DAY)
    with qtbot.waitSignal(printer.saved, timeout=WAIT_MS) as saved:
        page.print_button.click()
    form, path = saved.args
    assert form == "register"
    text = all_text(Path(path).read_bytes())
    assert "Tổng số: 10 hồ sơ" in text  # every file received from 26/02 to 04/03
    joined = "".join(text.split())  # long codes wrap inside their column
    for code in day_store.received_on_day:
        assert code in joined
    qtbot.waitUntil(lambda: str(path) in page.message.text(), timeout=WAIT_MS)
    assert page.progress.isHidden()


def test_a_reversed_or_too_long_range_is_refused_on_the_page(
    qtbot: QtBot, day_store: DayStore, make_session: Any
) -> None:
    session = make_session(day_store.services, "supervisor")
    page, printer = _page(qtbot, session)
    started: list[object] = []
    printer.start = started.append  # type: ignore[method-assign]
    page.set_register_range(DAY, date(2026, 3, 1))
    page.print_register()
    assert "sau ngày kết thúc" in page.message.text()
    page.set_register_range(date(2025, 1, 1), DAY)
    page.export_register()
    assert "366" in page.message.text()
    assert started == []


def test_exporting_the_register_to_excel(
    qtbot: QtBot, day_store: DayStore, make_session: Any, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    session = make_session(day_store.services, "supervisor")
    page, _printer = _page(qtbot, session)
    page.set_day(DAY)
    asked: list[Path] = []

    def ask(default: Path) -> Path:
        asked.append(default)
        return tmp_path / "out" / "so.xlsx"

    (tmp_path / "out").mkdir()
    page.ask_export_path = ask  # type: ignore[method-assign]
    with qtbot.waitSignal(page.exported, timeout=WAIT_MS) as exported:
        page.export_button.click()
        assert not page.progress.isHidden() and not page.export_button.isEnabled()
    assert asked[0].name == "so-theo-doi-2026-03-04-2026-03-04.xlsx"
    path = exported.args[0]
    assert path == tmp_path / "out" / "so.xlsx"
    assert session.prefs.get(EXPORT_FOLDER) == str(tmp_path / "out")
    workbook = load_workbook(path, read_only=True)
    try:
        sheet = workbook.active
        rows = sheet.iter_rows(values_only=True)
        cells = {str(value) for row in rows for value in row if value is not None}
    finally:
        workbook.close()  # read-only workbooks keep the file open until closed
    for code in day_store.received_on_day:
        assert code in cells
    assert str(path) in page.message.text()
    # Next time the dialog opens in the folder used last.
    page.export_register()
    qtbot.waitSignal(page.exported, timeout=WAIT_MS).wait()
    assert asked[1].parent == tmp_path / "out"


def test_breakdown_model_passes_qts_model_tester(qtbot: QtBot, day_store: DayStore) -> None:
    summary = day_store.services.reports.day(DAY)
    for kind, rows in (("clerk", summary.by_clerk), ("procedure", summary.by_procedure)):
        model = DayBreakdownTableModel(kind)  # type: ignore[arg-type]
        with qt_messages("qt.modeltest") as failures:
            tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
            model.set_rows(rows)
            model.set_rows(())
            model.set_rows(rows)
            del tester
        assert failures == []
        assert model.rowCount() == len(rows)
        assert model.rowCount(model.index(0, 0)) == 0
        assert (
            model.data(model.index(0, DayBreakdownTableModel.COL_RECEIVED), DayBreakdownTableModel.SortRole)
            == rows[0].received
        )


def test_bar_chart_data_api(qtbot: QtBot) -> None:
    chart = BarChartWidget()
    qtbot.addWidget(chart)
    chart.set_title("Theo thủ tục")
    chart.set_data(("A", "B"), [BarGroup("Một", (4, 1)), BarGroup("Hai", (0, 7), "X.1")])
    assert chart.groups()[1].values == (0, 7)
    assert chart.summary() == "Theo thủ tục\nMột: A 4, B 1\nHai: A 0, B 7"
    assert chart.accessibleName() == "Theo thủ tục"
    with pytest.raises(ValueError):
        chart.set_data(("A", "B"), [BarGroup("Ba", (1,))])
    chart.resize(500, chart.sizeHint().height())
    chart.grab()  # paints without error
    assert chart.group_at(QPoint(5, 2)) is None  # the legend
    assert chart.tooltip(1) == "X.1 — Hai\nA: 0\nB: 7"
    assert [nice_step(n) for n in (0, 3, 10, 37, 180)] == [1, 1, 5, 10, 50]


def test_an_export_that_cannot_be_written_is_said_on_the_page(
    qtbot: QtBot, day_store: DayStore, make_session: Any, tmp_path: Path
) -> None:
    page, _printer = _page(qtbot, make_session(day_store.services, "supervisor"))
    page.set_day(DAY)
    target = tmp_path / "no-such-folder" / "so.xlsx"
    page.ask_export_path = lambda default: target  # type: ignore[method-assign]
    with qtbot.waitSignal(page.export_failed, timeout=WAIT_MS):
        page.export_button.click()
    assert "Không xuất được" in page.message.text() and "Không ghi được" in page.message.text()
    assert page.export_button.isEnabled() and page.progress.isHidden()
    assert not target.exists()


def test_refresh_shows_a_file_registered_since(qtbot: QtBot, day_store: DayStore, make_session: Any) -> None:
    session = make_session(day_store.services, "supervisor")
    page, _printer = _page(qtbot, session)
    _loaded(qtbot, page, DAY)
    request = RegistrationRequest.from_json(
        {
            "procedure": SAME_DAY,
            "applicant": {"personal_id": "001085000999", "full_name": "Lê Thị Mới"},
            "documents": ["Tờ khai"],
            "received_at": _at(4, 3, 16).isoformat(),
        }
    )
    code = day_store.services.files.register(request, session.actor).code
    page.refresh()
    qtbot.waitUntil(lambda: page.received_tile.value.text() == "6", timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: not page.files_model.is_loading() and page.files_model.rowCount() == 6, timeout=WAIT_MS
    )
    assert page.files_model.summary(0).code == code  # newest first
    assert "Lê Văn Hùng" in {page.clerk_model.name_of(page.clerk_model.row_object(r)) for r in range(3)}


# -- closing the day (chốt sổ) ------------------------------------------------------------------------------


def test_a_supervisor_closes_the_day(qtbot: QtBot, day_store: DayStore, make_session: Any) -> None:
    session = make_session(day_store.services, "supervisor")
    page, _printer = _page(qtbot, session)
    summary = _loaded(qtbot, page, DAY)
    assert summary.closed_at is None
    assert page.close_day_button.isVisibleTo(page) and page.close_day_button.isEnabled()
    assert not page.closed_label.isVisibleTo(page)
    asked: list[Any] = []
    page.confirm_close = lambda s: asked.append(s) or False  # type: ignore[method-assign]
    page.close_day_button.click()
    assert [s.day for s in asked] == [DAY]  # the day and its figures were shown; "Hủy": nothing happens
    qtbot.wait(100)
    assert day_store.services.reports.day(DAY).closed_at is None

    page.confirm_close = lambda s: True  # type: ignore[method-assign]
    with qtbot.waitSignal(page.day_closed, timeout=WAIT_MS) as closed:
        page.close_day_button.click()
    stored = day_store.services.reports.day(DAY)
    assert stored.closed_at is not None and stored.closed_by == "ui_supervisor"
    assert closed.args[0].closed_at == stored.closed_at
    hhmm = stored.closed_at.astimezone(VIETNAM_TZ).strftime("%H:%M")
    assert page.closed_label.isVisibleTo(page)
    assert page.closed_label.text().startswith(f"Đã chốt sổ lúc {hhmm}")
    assert page.closed_label.text().endswith("bởi ui_supervisor")
    assert not page.close_day_button.isVisibleTo(page)
    assert page.progress.isHidden()


def test_a_clerk_sees_no_close_button(qtbot: QtBot, day_store: DayStore, make_session: Any) -> None:
    page, _printer = _page(qtbot, make_session(day_store.services, "clerk"))
    summary = _loaded(qtbot, page, DAY)
    assert summary.closed_at is None
    assert not page.close_day_button.isVisibleTo(page)
    page.confirm_close = lambda s: True  # type: ignore[method-assign]
    page.close_day()  # even asked directly, nothing is sent
    qtbot.wait(100)
    assert day_store.services.reports.day(DAY).closed_at is None


def test_a_closed_day_says_who_closed_it(qtbot: QtBot, day_store: DayStore, make_session: Any) -> None:
    services = day_store.services
    boss = make_session(services, "admin")
    services.reports.close_day(boss.actor, DAY)
    page, _printer = _page(qtbot, make_session(services, "supervisor"))
    _loaded(qtbot, page, DAY)
    assert page.closed_label.isVisibleTo(page) and page.closed_label.text().endswith("bởi ui_admin")
    assert "ngày" in page.closed_label.text()  # closed today, not on DAY itself: the date is given
    assert not page.close_day_button.isVisibleTo(page)
    # Another day is not closed: the button comes back, the line goes.
    _loaded(qtbot, page, date(2026, 3, 5))
    assert page.close_day_button.isVisibleTo(page) and not page.closed_label.isVisibleTo(page)


def test_closing_a_day_closed_meanwhile_is_refused_on_the_page(
    qtbot: QtBot, day_store: DayStore, make_session: Any
) -> None:
    services = day_store.services
    session = make_session(services, "supervisor")
    page, _printer = _page(qtbot, session)
    _loaded(qtbot, page, DAY)
    services.reports.close_day(make_session(services, "admin").actor, DAY)  # at another counter
    page.confirm_close = lambda s: True  # type: ignore[method-assign]
    with qtbot.waitSignal(page.close_failed, timeout=WAIT_MS):
        page.close_day_button.click()
    assert page.message.text() == "Không chốt sổ được: Ngày này đã được chốt sổ rồi."
    qtbot.waitUntil(lambda: page.closed_label.isVisibleTo(page), timeout=WAIT_MS)  # reloaded: by whom
    assert page.closed_label.text().endswith("bởi ui_admin")
    assert not page.close_day_button.isVisibleTo(page)

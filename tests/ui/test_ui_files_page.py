"""The file list page against a real store: search, every filter, sorting in SQL, the total, the remembered
choices, a failed load, closing, the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sample_store import UNIQUE_NAME, SampleStore
from uitest import WAIT_MS

import ui.errors
from records.clock import local, now
from records.errors import DomainError, StorageUnavailable
from records.files import FileQuery, FileSummary, RegistrationRequest
from records.users import Actor, Role
from records.workflow import Status
from ui.files_page import FilesPage
from ui.files_table_model import PAGE_SIZE, FilesTableModel
from ui.preferences import Preferences
from ui.session import UiSession
from ui.tasks import BackgroundPool, DatabaseWorker

M = FilesTableModel


def _page(qtbot: QtBot, session: UiSession) -> FilesPage:
    page = FilesPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    page.start()
    return page


def _type(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Type ``text``: key clicks for ASCII; Vietnamese letters arrive as an input method's commits, the way
    Unikey or the Windows Vietnamese keyboard deliver them (QTest cannot click keys outside Latin-1)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(field, event)


def _settled(page: FilesPage, test: Callable[[], bool]) -> Callable[[], bool]:
    return lambda: not page.model.is_loading() and page.model.total() is not None and test()


def _codes(page: FilesPage) -> list[str]:
    return [page.model.summary(row).code for row in range(page.model.rowCount())]


def _owners(page: FilesPage) -> set[str]:
    return {page.model.summary(row).owner_name for row in range(page.model.rowCount())}


def _expected(services: Any, **filters: Any) -> list[str]:
    """The first page the store gives for ``filters``: what the page must show."""
    return [s.code for s in services.files.list(FileQuery(limit=PAGE_SIZE, **filters))]


def _wait_rows(qtbot: QtBot, page: FilesPage, expected: list[str]) -> None:
    qtbot.waitUntil(_settled(page, lambda: _codes(page) == expected), timeout=WAIT_MS)


def _choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# -- opening, searching, the status filter ----------------------------------------------------------------


def test_opens_with_the_first_page_and_the_total(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]
) -> None:
    page = _page(qtbot, make_session(sample.services))
    qtbot.waitUntil(_settled(page, lambda: page.model.rowCount() == PAGE_SIZE), timeout=WAIT_MS)
    assert page.model.summary(0).code == sample.codes[-1]  # newest first
    assert page.model.total() == sample.files  # counted in SQL, beyond the first page
    assert page.status_label.text() == f"{sample.files} hồ sơ"


@pytest.mark.parametrize("typed", ["dieu thuy tien", "Diêu Thị Thủy Tiên", "DIEU TIEN", "thuy ti"])
def test_search_box_filters_by_name_ignoring_diacritics(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession], typed: str
) -> None:
    page = _page(qtbot, make_session(sample.services))
    qtbot.waitUntil(_settled(page, lambda: page.model.rowCount() > 0), timeout=WAIT_MS)
    _type(qtbot, page.search, typed)
    qtbot.waitUntil(
        _settled(page, lambda: page.model.rowCount() == len(sample.unique_codes)), timeout=WAIT_MS
    )
    assert _owners(page) == {UNIQUE_NAME}
    assert page.status_label.text() == f"{len(sample.unique_codes)} hồ sơ"


def test_search_by_file_code_then_clear(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]
) -> None:
    page = _page(qtbot, make_session(sample.services))
    code = sample.codes[10]
    qtbot.keyClicks(page.search, code)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter searches at once
    qtbot.waitUntil(_settled(page, lambda: page.model.rowCount() == 1), timeout=WAIT_MS)
    assert page.model.summary(0).code == code
    assert page.status_label.text() == "1 hồ sơ"
    page.search.clear()
    qtbot.waitUntil(_settled(page, lambda: page.model.rowCount() == PAGE_SIZE), timeout=WAIT_MS)


def test_status_filter(qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]) -> None:
    page = _page(qtbot, make_session(sample.services))
    for status in (Status.IN_PROGRESS, Status.SUPPLEMENT_REQUESTED, Status.RETURNED, Status.STOPPED):
        _choose(page.status_filter, int(status))
        expected = sample.statuses.get(status, 0)
        qtbot.waitUntil(_settled(page, lambda n=expected: page.model.rowCount() == n), timeout=WAIT_MS)
        qtbot.wait(30)
        assert page.model.rowCount() == expected
        assert {page.model.summary(r).status for r in range(page.model.rowCount())} <= {status}
        assert page.model.total() == expected
    page.status_filter.setCurrentIndex(0)  # all statuses again
    qtbot.waitUntil(_settled(page, lambda: page.model.rowCount() == PAGE_SIZE), timeout=WAIT_MS)


def test_search_and_status_filter_combine(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]
) -> None:
    page = _page(qtbot, make_session(sample.services))
    owner_status = {sample.services.files.show(code).status for code in sample.unique_codes}
    other = next(s for s in Status if s not in owner_status)
    _choose(page.status_filter, int(other))
    qtbot.keyClicks(page.search, "dieu thuy tien")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(
        _settled(page, lambda: page.search.text() != "" and page.model.rowCount() == 0), timeout=WAIT_MS
    )
    qtbot.wait(30)
    assert page.model.rowCount() == 0
    assert page.status_label.text() == "0 hồ sơ"


# -- the other filters --------------------------------------------------------------------------------------


def test_procedure_filter_lists_the_catalogue_and_narrows_the_list(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]
) -> None:
    services = sample.services
    page = _page(qtbot, make_session(services))
    catalogue = {p.code for p in services.catalog.procedures()}
    qtbot.waitUntil(lambda: page.procedure_filter.count() == len(catalogue) + 1, timeout=WAIT_MS)
    assert {page.procedure_filter.itemData(i) for i in range(1, page.procedure_filter.count())} == catalogue
    for code in ("1.001193", "2.000815"):
        _choose(page.procedure_filter, code)
        expected = _expected(services, procedure_code=code)
        assert expected
        _wait_rows(qtbot, page, expected)
        assert {page.model.summary(r).procedure_code for r in range(page.model.rowCount())} == {code}


def test_received_range_filter(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]
) -> None:
    services = sample.services
    page = _page(qtbot, make_session(services))
    days = sorted(
        {local(services.files.show(code).summary.received_at).date() for code in sample.codes[-40:]}
    )
    first, last = days[1], days[-2]
    page.received_from.set_value(first)
    _wait_rows(qtbot, page, _expected(services, received_from=first))
    page.received_to.set_value(last)
    expected = _expected(services, received_from=first, received_to=last)
    _wait_rows(qtbot, page, expected)
    received = [local(page.model.summary(r).received_at).date() for r in range(page.model.rowCount())]
    assert received and min(received) == first and max(received) == last
    page.received_from.clear_value()  # "all dates" again on that side
    _wait_rows(qtbot, page, _expected(services, received_to=last))


@pytest.mark.parametrize("due", ["overdue", "due_today", "near_due"])
def test_due_filter(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession], due: str
) -> None:
    services = sample.services
    page = _page(qtbot, make_session(services))
    qtbot.waitUntil(_settled(page, lambda: page.model.rowCount() > 0), timeout=WAIT_MS)
    _choose(page.due_filter, due)
    expected = _expected(services, due=due)
    _wait_rows(qtbot, page, expected)
    assert page.model.total() == services.files.count(FileQuery(due=due))  # type: ignore[arg-type]
    if due == "overdue":
        assert expected  # the sample has late files: the filter is seen narrowing something
        assert {page.model.summary(r).timing for r in range(page.model.rowCount())} == {"overdue"}


def _register(services: Any, actor: Actor, index: int) -> str:
    request = RegistrationRequest.from_json(
        {
            "procedure": "1.001193",
            "applicant": {"personal_id": f"0010990{index:05d}", "full_name": f"Nguyễn Văn Số {index}"},
            "documents": ["Tờ khai"],
            "received_at": (now() - timedelta(minutes=30 - index)).isoformat(),
        }
    )
    return str(services.files.register(request, actor).code)


def test_clerk_filter_lists_the_accounts_and_narrows_to_their_files(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession]
) -> None:
    session = make_session(fresh_store)
    system = fresh_store.users.system(1)
    other = fresh_store.users.add(system, "hoa", "Phạm Thị Hoa", Role.CLERK, "mat-khau-thu")
    mine = [_register(fresh_store, session.actor, n) for n in range(3)]
    theirs = [_register(fresh_store, other, n) for n in range(3, 5)]
    page = _page(qtbot, session)
    qtbot.waitUntil(lambda: page.clerk_filter.count() == 3, timeout=WAIT_MS)  # all + the two accounts
    assert page.clerk_filter.itemText(1) == "Phạm Thị Hoa (hoa)"  # by name
    _wait_rows(qtbot, page, list(reversed(mine + theirs)))
    _choose(page.clerk_filter, other.user_id)
    _wait_rows(qtbot, page, list(reversed(theirs)))
    _choose(page.clerk_filter, session.actor.user_id)
    _wait_rows(qtbot, page, list(reversed(mine)))
    assert page.status_label.text() == "3 hồ sơ"


def test_clear_filters_button(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]
) -> None:
    page = _page(qtbot, make_session(sample.services))
    _choose(page.status_filter, int(Status.IN_PROGRESS))
    _choose(page.due_filter, "overdue")
    qtbot.keyClicks(page.search, "nguyen")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(_settled(page, lambda: page.model.total() != sample.files), timeout=WAIT_MS)
    qtbot.keyClick(page, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # "Xóa bộ &lọc"
    qtbot.waitUntil(_settled(page, lambda: page.model.total() == sample.files), timeout=WAIT_MS)
    assert page.search.text() == ""
    assert page.status_filter.currentData() is None and page.due_filter.currentData() is None


def test_filters_are_remembered(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession], tmp_path: Path
) -> None:
    services = sample.services
    session = make_session(services, prefs_dir=tmp_path / "prefs")
    page = _page(qtbot, session)
    day = local(services.files.show(sample.codes[-30]).summary.received_at).date()
    qtbot.waitUntil(lambda: page.procedure_filter.count() > 1, timeout=WAIT_MS)
    _choose(page.status_filter, int(Status.RECEIVED))
    _choose(page.procedure_filter, "1.001193")
    page.received_from.set_value(day)
    qtbot.waitUntil(_settled(page, lambda: page.model.query().received_from == day), timeout=WAIT_MS)
    page.shutdown()

    again = _page(qtbot, make_session(services, prefs_dir=tmp_path / "prefs"))
    query = again.current_query()
    assert query.statuses == (Status.RECEIVED,)
    assert query.procedure_code == "1.001193"  # before the catalogue is even loaded
    assert query.received_from == day and query.received_to is None
    expected = _expected(services, statuses=(Status.RECEIVED,), procedure_code="1.001193", received_from=day)
    _wait_rows(qtbot, again, expected)
    qtbot.waitUntil(lambda: again.procedure_filter.currentData() == "1.001193", timeout=WAIT_MS)


# -- sorting ------------------------------------------------------------------------------------------------


def _click_header(qtbot: QtBot, page: FilesPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


@pytest.mark.parametrize(
    ("column", "key", "first_descending"),
    [
        (M.COL_CODE, "code", True),
        (M.COL_PROCEDURE, "procedure", False),
        (M.COL_OWNER, "owner", False),
        (M.COL_STATUS, "status", False),
        (M.COL_RECEIVED, "received", True),
        (M.COL_DUE, "due", False),
    ],
)
def test_sorting_by_a_header_gives_the_stores_order(
    qtbot: QtBot,
    sample: SampleStore,
    make_session: Callable[..., UiSession],
    column: int,
    key: str,
    first_descending: bool,
) -> None:
    services = sample.services
    page = _page(qtbot, make_session(services))
    qtbot.waitUntil(_settled(page, lambda: page.model.rowCount() == PAGE_SIZE), timeout=WAIT_MS)
    header = page.table.horizontalHeader()
    _click_header(qtbot, page, column)
    _wait_rows(qtbot, page, _expected(services, order_by=key, descending=first_descending))
    assert header.sortIndicatorSection() == column
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert descending == first_descending
    _click_header(qtbot, page, column)  # again: the other way
    _wait_rows(qtbot, page, _expected(services, order_by=key, descending=not first_descending))
    assert page.model.total() == sample.files


def test_unsortable_columns_keep_the_sort(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]
) -> None:
    services = sample.services
    page = _page(qtbot, make_session(services))
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == -1  # the store's own order (newest first): no arrow
    _click_header(qtbot, page, M.COL_OWNER)
    expected = _expected(services, order_by="owner", descending=False)
    _wait_rows(qtbot, page, expected)
    resets: list[object] = []
    page.model.modelReset.connect(lambda: resets.append(None))
    for column in (M.COL_ID, M.COL_TIMING):
        _click_header(qtbot, page, column)
        assert header.sortIndicatorSection() == M.COL_OWNER
        assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    qtbot.wait(50)
    assert resets == [] and _codes(page) == expected


def test_sort_and_column_widths_are_remembered(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession], tmp_path: Path
) -> None:
    services = sample.services
    page = _page(qtbot, make_session(services, prefs_dir=tmp_path / "prefs"))
    _click_header(qtbot, page, M.COL_DUE)
    _click_header(qtbot, page, M.COL_DUE)  # latest due first
    _wait_rows(qtbot, page, _expected(services, order_by="due", descending=True))
    page.table.setColumnWidth(M.COL_OWNER, 333)
    page.shutdown()

    again = _page(qtbot, make_session(services, prefs_dir=tmp_path / "prefs"))
    header = again.table.horizontalHeader()
    assert header.sortIndicatorSection() == M.COL_DUE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert again.table.columnWidth(M.COL_OWNER) == 333
    _wait_rows(qtbot, again, _expected(services, order_by="due", descending=True))


# -- the count, failures, closing, the keyboard --------------------------------------------------------------


def _fake_session(qtbot: QtBot, worker: DatabaseWorker, tmp_path: Path, files: Any) -> UiSession:
    services = SimpleNamespace(
        files=files,
        catalog=SimpleNamespace(procedures=list),
        users=SimpleNamespace(list=list),
    )
    pool = BackgroundPool()
    session = UiSession(
        services=services,  # type: ignore[arg-type]
        worker=worker,
        pool=pool,
        prefs=Preferences(tmp_path),
        agency=None,  # type: ignore[arg-type]
        actor=Actor("0", "ui_clerk", Role.CLERK, 1),
        full_name="Trần Thị Lan",
    )
    return session


def test_the_total_uses_vietnamese_thousands_separators(
    qtbot: QtBot, worker: DatabaseWorker, tmp_path: Path
) -> None:
    from uitest import summaries

    def list_files(query: FileQuery) -> list[FileSummary]:
        return summaries(f"p{query.offset}", PAGE_SIZE)  # always a full page: there is more

    counted: list[FileQuery] = []

    def count(query: FileQuery) -> int:
        counted.append(query)
        return 1_234_567

    page = _page(qtbot, _fake_session(qtbot, worker, tmp_path, SimpleNamespace(list=list_files, count=count)))
    qtbot.waitUntil(lambda: page.status_label.text() == "1.234.567 hồ sơ", timeout=WAIT_MS)
    assert len(counted) == 1


class _Boxes:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def warning(self, _parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        self.shown.append((title, text))
        return QMessageBox.StandardButton.Ok


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            StorageUnavailable("database is locked"),
            "Không ghi được dữ liệu (ổ đĩa đầy, tệp bị khóa hoặc hỏng).",
        ),
        (DomainError("something new"), "something new"),  # an unknown code: the error's own text
    ],
)
def test_a_failed_load_shows_a_message_box(
    qtbot: QtBot,
    worker: DatabaseWorker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    expected: str,
) -> None:
    boxes = _Boxes()
    monkeypatch.setattr(QMessageBox, "warning", boxes.warning)
    calls: list[FileQuery] = []

    def failing(query: FileQuery) -> list[FileSummary]:
        calls.append(query)
        raise error

    page = _page(
        qtbot, _fake_session(qtbot, worker, tmp_path, SimpleNamespace(list=failing, count=lambda _query: 0))
    )
    qtbot.waitUntil(lambda: len(boxes.shown) == 1, timeout=WAIT_MS)
    assert boxes.shown == [("Không tải được danh sách hồ sơ", expected)]
    assert page.isVisible()  # still there; the user may retry (F5) or change the filter
    assert page.model.rowCount() == 0
    assert page.status_label.text() == "0 hồ sơ"
    qtbot.wait(50)
    assert len(calls) == 1 and len(boxes.shown) == 1  # no retry storm


def test_a_bug_while_loading_goes_to_the_crash_dialog(
    qtbot: QtBot, worker: DatabaseWorker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashes: list[str] = []
    monkeypatch.setattr(ui.errors, "show_crash", lambda _parent, details: crashes.append(details))

    def failing(_query: FileQuery) -> list[FileSummary]:
        raise RuntimeError("a bug")

    page = _page(
        qtbot, _fake_session(qtbot, worker, tmp_path, SimpleNamespace(list=failing, count=lambda _query: 0))
    )
    qtbot.waitUntil(lambda: len(crashes) == 1, timeout=WAIT_MS)
    assert "RuntimeError: a bug" in crashes[0]
    assert page.model.rowCount() == 0


def test_shutdown_drops_late_answers(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]
) -> None:
    session = make_session(sample.services)
    page = _page(qtbot, session)
    page.shutdown()  # before the first page arrives
    done: list[object] = []
    session.worker.submit(lambda: None, done.append)
    qtbot.waitUntil(lambda: done == [None], timeout=WAIT_MS)
    qtbot.wait(30)
    assert page.model.rowCount() == 0


def test_keyboard(qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]) -> None:
    page = _page(qtbot, make_session(sample.services))
    qtbot.waitUntil(_settled(page, lambda: page.model.rowCount() == PAGE_SIZE), timeout=WAIT_MS)
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # from the search box into the list, on the first row
    qtbot.waitUntil(page.table.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 1
    with qtbot.waitSignal(page.open_file_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [sample.codes[-2]]
    with qtbot.waitSignal(page.model.modelReset, timeout=WAIT_MS):
        qtbot.keyClick(page.table, Qt.Key.Key_F5)  # reload
    qtbot.waitUntil(_settled(page, lambda: page.model.rowCount() == PAGE_SIZE), timeout=WAIT_MS)
    assert page.table.currentIndex().row() == 1  # the same file is still selected


def test_double_click_opens_the_file(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]
) -> None:
    page = _page(qtbot, make_session(sample.services))
    qtbot.waitUntil(_settled(page, lambda: page.model.rowCount() > 3), timeout=WAIT_MS)
    rect = page.table.visualRect(page.model.index(2, M.COL_OWNER))
    # A real double click: press, release, then the double-click event (the view checks the pressed row).
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.open_file_requested, timeout=WAIT_MS) as opened:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [sample.codes[-3]]


def test_due_colours_have_a_legend(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]
) -> None:
    page = _page(qtbot, make_session(sample.services))
    assert "Quá hạn" in page.legend.text() and "Đến hạn hôm nay" in page.legend.text()
    qtbot.waitUntil(_settled(page, lambda: page.model.rowCount() > 0), timeout=WAIT_MS)
    overdue = next(r for r in range(page.model.rowCount()) if page.model.summary(r).timing == "overdue")
    tip = page.model.data(page.model.index(overdue, M.COL_DUE), Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("Quá hạn")

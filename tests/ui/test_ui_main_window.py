"""The main window against a real store: search, status filter, a failed load, closing."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sample_store import AGENCY_NAME, UNIQUE_NAME, SampleStore
from uitest import WAIT_MS

from records.errors import DomainError, StorageUnavailable
from records.files import FileQuery, FileSummary
from records.workflow import Status
from ui.files_table_model import PAGE_SIZE
from ui.main_window import MainWindow
from ui.tasks import DatabaseWorker


def _window(qtbot: QtBot, services: Any, worker: DatabaseWorker) -> MainWindow:
    window = MainWindow(services, worker, AGENCY_NAME)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


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


def _settled(window: MainWindow, test: Callable[[], bool]) -> Callable[[], bool]:
    return lambda: not window.model.is_loading() and test()


def _owners(window: MainWindow) -> set[str]:
    return {window.model.summary(row).owner_name for row in range(window.model.rowCount())}


def test_opens_with_the_first_page(qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore) -> None:
    window = _window(qtbot, sample.services, worker)
    qtbot.waitUntil(_settled(window, lambda: window.model.rowCount() >= PAGE_SIZE), timeout=WAIT_MS)
    assert window.windowTitle() == f"MotCua Desk — {AGENCY_NAME}"
    assert window.model.summary(0).code == sample.codes[-1]  # newest first
    assert window.status_label.text().startswith(f"{window.model.rowCount()} hồ sơ")


@pytest.mark.parametrize("typed", ["dieu thuy tien", "Diêu Thị Thủy Tiên", "DIEU TIEN", "thuy ti"])
def test_search_box_filters_by_name_ignoring_diacritics(
    qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore, typed: str
) -> None:
    window = _window(qtbot, sample.services, worker)
    qtbot.waitUntil(_settled(window, lambda: window.model.rowCount() > 0), timeout=WAIT_MS)
    _type(qtbot, window.search, typed)
    qtbot.waitUntil(
        _settled(window, lambda: window.model.rowCount() == len(sample.unique_codes)), timeout=WAIT_MS
    )
    assert _owners(window) == {UNIQUE_NAME}
    assert window.status_label.text() == f"{len(sample.unique_codes)} hồ sơ"  # no "scroll for more"


def test_search_by_file_code_then_clear(qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore) -> None:
    window = _window(qtbot, sample.services, worker)
    code = sample.codes[10]
    qtbot.keyClicks(window.search, code)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # Enter searches at once
    qtbot.waitUntil(_settled(window, lambda: window.model.rowCount() == 1), timeout=WAIT_MS)
    assert window.model.summary(0).code == code
    window.search.clear()
    qtbot.waitUntil(_settled(window, lambda: window.model.rowCount() == PAGE_SIZE), timeout=WAIT_MS)


def test_status_filter(qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore) -> None:
    window = _window(qtbot, sample.services, worker)
    for status in (Status.IN_PROGRESS, Status.SUPPLEMENT_REQUESTED, Status.RETURNED, Status.STOPPED):
        window.status_filter.setCurrentIndex(window.status_filter.findData(int(status)))
        expected = sample.statuses.get(status, 0)
        qtbot.waitUntil(_settled(window, lambda n=expected: window.model.rowCount() == n), timeout=WAIT_MS)
        qtbot.wait(30)
        assert window.model.rowCount() == expected
        assert {window.model.summary(r).status for r in range(window.model.rowCount())} <= {status}
    window.status_filter.setCurrentIndex(0)  # all statuses again
    qtbot.waitUntil(_settled(window, lambda: window.model.rowCount() == PAGE_SIZE), timeout=WAIT_MS)


def test_search_and_status_filter_combine(qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore) -> None:
    window = _window(qtbot, sample.services, worker)
    owner_status = {sample.services.files.show(code).status for code in sample.unique_codes}
    other = next(s for s in Status if s not in owner_status)
    window.status_filter.setCurrentIndex(window.status_filter.findData(int(other)))
    qtbot.keyClicks(window.search, "dieu thuy tien")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(
        _settled(window, lambda: window.search.text() != "" and window.model.rowCount() == 0), timeout=WAIT_MS
    )
    qtbot.wait(30)
    assert window.model.rowCount() == 0


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
        (RuntimeError("a bug"), "Lỗi không mong đợi: a bug"),
    ],
)
def test_a_failed_load_shows_a_message_box(
    qtbot: QtBot, worker: DatabaseWorker, monkeypatch: pytest.MonkeyPatch, error: Exception, expected: str
) -> None:
    boxes = _Boxes()
    monkeypatch.setattr(QMessageBox, "warning", boxes.warning)
    calls: list[FileQuery] = []

    def failing(query: FileQuery) -> list[FileSummary]:
        calls.append(query)
        raise error

    window = _window(qtbot, SimpleNamespace(files=SimpleNamespace(list=failing)), worker)
    qtbot.waitUntil(lambda: len(boxes.shown) == 1, timeout=WAIT_MS)
    assert boxes.shown == [("Không tải được danh sách hồ sơ", expected)]
    assert window.isVisible()  # still there; the user may retry (F5) or change the filter
    assert window.model.rowCount() == 0
    assert window.status_label.text() == "0 hồ sơ"
    qtbot.wait(50)
    assert len(calls) == 1 and len(boxes.shown) == 1  # no retry storm


def test_closing_the_window_drops_late_answers(
    qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore
) -> None:
    window = _window(qtbot, sample.services, worker)
    window.close()  # before the first page arrives
    worker.submit(lambda: None)
    done: list[object] = []
    worker.submit(lambda: None, done.append)
    qtbot.waitUntil(lambda: done == [None], timeout=WAIT_MS)
    qtbot.wait(30)
    assert window.model.rowCount() == 0


def test_keyboard_shortcuts(qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore) -> None:
    window = _window(qtbot, sample.services, worker)
    qtbot.waitUntil(_settled(window, lambda: window.model.rowCount() == PAGE_SIZE), timeout=WAIT_MS)
    window.table.setFocus()
    window.activateWindow()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(window.model.modelReset, timeout=WAIT_MS):
        qtbot.keyClick(window.table, Qt.Key.Key_F5)  # reload
    qtbot.waitUntil(_settled(window, lambda: window.model.rowCount() == PAGE_SIZE), timeout=WAIT_MS)

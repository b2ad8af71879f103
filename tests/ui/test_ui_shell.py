"""The main window: pages by role, keyboard navigation, files opened in tabs, and a receipt's QR code scanned
anywhere opening its file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS

from records.files import RegistrationRequest
from ui.file_page import FilePage
from ui.main_window import MainWindow
from ui.receipt_scanner import ReceiptScanFilter
from ui.session import UiSession


def _register(services: Any, personal_id: str = "001099012345") -> Any:
    request = RegistrationRequest.from_json(
        {
            "procedure": "1.001193",
            "applicant": {"personal_id": personal_id, "full_name": "Nguyễn Văn Bình"},
            "documents": ["Tờ khai đăng ký khai sinh"],
        }
    )
    return services.files.register(request, services.users.system(1))


def _window(qtbot: QtBot, session: UiSession) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitExposed(window)
    window.activateWindow()  # window shortcuts (F2, F3, Ctrl+W) need the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    return window


def _scan(widget: Any, text: str) -> None:
    """What a USB scanner does: the text as fast key presses into the focused widget, then Enter."""
    for char in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
        )
        QApplication.sendEvent(
            widget, QKeyEvent(QKeyEvent.Type.KeyRelease, 0, Qt.KeyboardModifier.NoModifier, char)
        )
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )


@pytest.mark.parametrize(
    ("role", "day", "admin"), [("clerk", False, False), ("supervisor", True, False), ("admin", True, True)]
)
def test_pages_and_menus_follow_the_role(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], role: str, day: bool, admin: bool
) -> None:
    window = _window(qtbot, make_session(fresh_store, role))
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:2] == ["Tiếp nhận hồ sơ (F2)", "Danh sách hồ sơ (F3)"]
    assert ("Tổng hợp (F4)" in tabs) is day
    menus = [action.text() for action in window.menuBar().actions()]
    assert ("&Quản trị" in menus) is admin
    status = " ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert window.session.full_name in status


def test_function_keys_switch_pages_and_put_the_cursor_where_work_starts(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession]
) -> None:
    window = _window(qtbot, make_session(fresh_store, "supervisor"))
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.tabs.currentWidget() is window.files
    qtbot.waitUntil(lambda: window.files.search.hasFocus(), timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert window.tabs.currentWidget() is window.day
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.tabs.currentWidget() is window.intake


def test_a_file_opens_once_in_its_tab_and_ctrl_w_closes_it(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession]
) -> None:
    code = _register(fresh_store).code
    window = _window(qtbot, make_session(fresh_store))
    before = window.tabs.count()
    page = window.open_file(code)
    assert isinstance(page, FilePage) and window.tabs.currentWidget() is page
    assert window.open_file(code) is page and window.tabs.count() == before + 1
    assert window.tabs.tabText(window.tabs.indexOf(page)) == code
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == before
    window.tabs.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # a fixed page stays
    assert window.tabs.count() == before


def test_scanning_a_receipt_in_the_search_box_opens_its_file(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession]
) -> None:
    detail = _register(fresh_store)
    qr_text = fresh_store.receipts.qr_text_for(detail)
    window = _window(qtbot, make_session(fresh_store))
    qtbot.keyClick(window, Qt.Key.Key_F3)
    search: QLineEdit = window.files.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus, timeout=WAIT_MS)
    search.setText("abc")
    search.end(False)
    _scan(search, qr_text)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), FilePage), timeout=WAIT_MS)
    assert window.tabs.currentWidget().code == detail.code
    assert search.text() == "abc"  # what the scanner typed is taken back out of the search box


def test_a_receipt_of_a_file_not_here_says_so(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    detail = _register(fresh_store)
    qr_text = fresh_store.receipts.qr_text_for(detail).replace(detail.code, detail.code[:-1] + "9")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    window = _window(qtbot, make_session(fresh_store))
    before = window.tabs.count()
    window.open_scanned_receipt(qr_text)
    qtbot.waitUntil(lambda: bool(warnings), timeout=WAIT_MS)
    assert "không có trong dữ liệu" in warnings[0]
    assert window.tabs.count() == before


def test_a_card_qr_passes_through_the_scan_filter(qtbot: QtBot) -> None:
    scanner = ReceiptScanFilter()
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    QApplication.instance().installEventFilter(scanner)  # type: ignore[union-attr]
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    pressed: list[str] = []
    field.returnPressed.connect(lambda: pressed.append(field.text()))
    try:
        _scan(field, "001099012345|123456789|Nguyen Van Binh|01011999|Nam|Ha Noi|01012021")
    finally:
        QApplication.instance().removeEventFilter(scanner)  # type: ignore[union-attr]
    assert seen == []
    assert pressed == ["001099012345|123456789|Nguyen Van Binh|01011999|Nam|Ha Noi|01012021"]


def test_a_receipt_whose_signature_does_not_verify_opens_with_a_warning(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession]
) -> None:
    detail = _register(fresh_store)
    qr_text = fresh_store.receipts.qr_text_for(detail)
    last = qr_text[-1]
    forged = qr_text[:-1] + ("1" if last != "1" else "2")  # one digit of the signature changed
    window = _window(qtbot, make_session(fresh_store))
    window.open_scanned_receipt(forged)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), FilePage), timeout=WAIT_MS)
    page = window.tabs.currentWidget()
    assert page.code == detail.code
    qtbot.waitUntil(lambda: page.warning_text() is not None, timeout=WAIT_MS)
    assert "không hợp lệ" in page.warning_text()

"""Logins refused for a locked name, and the screen lock: idle time, nothing reachable behind it, the
password (checked on the worker, on the real store) to unlock, "Đăng xuất" to leave, 0 for never; a QR code
scanned at the lock is no wrong password, error boxes wait for the unlock, and the account is read again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcutEvent
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS, MessageBoxes

import desktop.app
from desktop.context import resolve
from records.clock import local, now
from records.errors import AccountLocked, StorageUnavailable
from records.files import RegistrationRequest
from records.services.audit import AuditFilter
from records.users import LOCKOUT_ATTEMPTS, Role
from ui.errors import messages_held, show_error
from ui.idle_watcher import IdleWatcher
from ui.labels import describe_error
from ui.lock_dialog import LockDialog, is_scanned_code
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.preferences import IDLE_LOCK_MINUTES, Preferences
from ui.session import UiSession
from ui.settings_dialog import SettingsDialog

PASSWORD = "mat-khau-lan"
SESSION_PASSWORD = "mat-khau-thu"  # conftest's make_session gives its users this one


def _lock_out(services: Any, username: str) -> None:
    """Lock ``username`` the way a guesser would: wrong passwords in a row on the real store."""
    for _ in range(LOCKOUT_ATTEMPTS):
        assert services.users.authenticate(username, "sai-mat-khau", 1) is None
    assert username in services.users.locks()
    with pytest.raises(AccountLocked):
        services.users.authenticate(username, "sai-mat-khau", 1)


def _failed_logins(services: Any, username: str) -> int:
    """The wrong passwords typed under ``username`` (the audit log's ``user.login_failed``)."""
    entries = services.audit.search(services.users.system(1), AuditFilter(action="user.login_failed"))
    return sum(1 for entry in entries if entry.details.get("username") == username)


CARD_QR = "001099012345|123456789|Nguyen Van Binh|01011999|Nam|Ha Noi|01012021"


def _hhmm(services: Any, username: str) -> str:
    return local(services.users.locks()[username]).strftime("%H:%M")


# -- the login -----------------------------------------------------------------------------------------


def test_a_locked_name_is_said_in_the_login_dialog_with_the_time_it_ends(
    qtbot: QtBot, qapp: QApplication, fresh_store: Any, worker: Any, boxes: MessageBoxes, tmp_path: Path
) -> None:
    fresh_store.users.add(fresh_store.users.system(1), "lan", "Trần Thị Lan", Role.CLERK, PASSWORD)
    _lock_out(fresh_store, "lan")
    opening = desktop.app._Opening(qapp, resolve(data_dir=str(tmp_path / "store")), Preferences(tmp_path))
    opening.services = fresh_store  # what the worker opened: _check reads it there
    dialog = LoginDialog("UBND", worker.submit, opening._check, "lan")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText(PASSWORD)  # the right one: a locked name stays locked
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.buttons.isEnabled(), timeout=WAIT_MS)
    assert dialog.error.text() == (
        f"Tài khoản tạm khóa đến {_hhmm(fresh_store, 'lan')} do nhập sai mật khẩu nhiều lần. Hãy thử lại "
        "sau hoặc nhờ quản trị viên mở khóa."
    )
    assert dialog.actor is None and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.password.text() == ""
    assert boxes.shown == []  # said in the dialog, not in a box


def test_the_account_locked_message_gives_the_local_time() -> None:
    until = now() + timedelta(minutes=15)
    utc_text = until.astimezone(UTC).isoformat()  # whatever offset it comes with, the time is Vietnam's
    text = describe_error(AccountLocked("locked", username="lan", until=utc_text))
    assert local(until).strftime("%H:%M") in text and text.startswith("Tài khoản tạm khóa đến ")
    tomorrow = now() + timedelta(days=1)
    assert tomorrow.strftime("%d/%m/%Y") in describe_error(
        AccountLocked("locked", username="lan", until=tomorrow.isoformat())
    )


# -- the screen lock -------------------------------------------------------------------------------------


def _window(qtbot: QtBot, session: UiSession) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    return window


def _idle_lock(qtbot: QtBot, window: MainWindow, timeout_ms: int = 150) -> LockDialog:
    """Let the window go idle for ``timeout_ms`` and return the lock dialog that comes up."""
    window.locker.watcher.set_timeout(timeout_ms)
    qtbot.waitUntil(window.locker.is_locked, timeout=WAIT_MS)
    dialog = window.locker.dialog
    assert isinstance(dialog, LockDialog)
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isActiveWindow(), timeout=WAIT_MS)
    return dialog


def _answer(qtbot: QtBot, dialog: LockDialog, password: str) -> None:
    """Type ``password`` and wait for the worker's answer (the dialog is deleted once unlocked)."""
    dialog.password.setText(password)
    dialog.accept()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.is_checking(), timeout=WAIT_MS)


def _scan(widget: Any, text: str) -> None:
    """A USB scanner: the text as fast key presses into ``widget``, then Enter."""
    for char in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )


def _covered(window: Any) -> bool:
    from ui.lock_dialog import _Cover

    return any(
        cover.isVisible() and cover.geometry() == window.rect() for cover in window.findChildren(_Cover)
    )


def test_the_screen_locks_when_idle_and_nothing_behind_it_acts(
    qtbot: QtBot,
    fresh_store: Any,
    make_session: Callable[..., UiSession],
    boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    request = RegistrationRequest.from_json(
        {
            "procedure": "1.001193",
            "applicant": {"personal_id": "001099012345", "full_name": "Nguyễn Văn Bình"},
            "documents": ["Tờ khai đăng ký khai sinh"],
        }
    )
    receipt = fresh_store.receipts.qr_text_for(
        fresh_store.files.register(request, fresh_store.users.system(1))
    )
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append("code"), ("", False))[1])
    session = make_session(fresh_store, "supervisor")
    window = _window(qtbot, session)
    assert window.locker.watcher.timeout_ms() == 10 * 60_000  # the default: 10 minutes
    assert window.tabs.currentWidget() is window.intake
    logouts: list[bool] = []
    window.logout_requested.connect(lambda: logouts.append(True))
    dialog = _idle_lock(qtbot, window)

    assert dialog.isModal() and dialog.windowModality() == Qt.WindowModality.ApplicationModal
    assert session.full_name in dialog.who.text() and "(ui_supervisor)" in dialog.who.text()
    assert _covered(window)
    assert not window.locker.watcher.is_counting()
    # F-keys, Ctrl+O and the menus' Alt keys do nothing, whichever window the keys are sent to.
    for target in (window, dialog.password):
        qtbot.keyClick(target, Qt.Key.Key_F3)
        qtbot.keyClick(target, Qt.Key.Key_F4)
        qtbot.keyClick(target, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(target, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
        assert window.tabs.currentWidget() is window.intake
        assert QApplication.activePopupWidget() is None
    assert asked == []
    # Even a shortcut event that reached an action of the window some other way is dropped ...
    f3 = next(a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence("F3"))
    QApplication.sendEvent(f3, QShortcutEvent(QKeySequence("F3"), None, False))
    assert window.tabs.currentWidget() is window.intake
    # ... while the lock dialog's own keys work: Alt+M goes to its password field.
    dialog.logout_button.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.password.hasFocus, timeout=WAIT_MS)
    # A receipt scanned at the locked screen opens nothing, and is not a wrong password: the scan filter
    # takes it out of the password field (what was typed before it stays) and the lock says why.
    scans: list[str] = []
    window.scanner.scanned.connect(scans.append)
    dialog.password.setFocus()
    qtbot.waitUntil(dialog.password.hasFocus, timeout=WAIT_MS)
    _scan(dialog.password, receipt)
    assert dialog.error.isVisible() and "mã QR vừa quét" in dialog.error.text()
    assert not dialog.is_checking() and dialog.password.text() == ""
    assert scans == [] and window.locker.is_locked()
    assert _failed_logins(fresh_store, "ui_supervisor") == 0
    assert not any(window.tabs.tabText(i).startswith("000") for i in range(window.tabs.count()))
    # Esc and closing the dialog leave it locked.
    dialog.reject()
    dialog.close()
    assert dialog.isVisible() and window.locker.is_locked()

    _answer(qtbot, dialog, "sai-mat-khau")
    assert window.locker.is_locked() and dialog.isVisible()
    assert dialog.error.text() == "Sai mật khẩu, hoặc tài khoản đã bị khóa."
    assert dialog.password.text() == ""
    assert _failed_logins(fresh_store, "ui_supervisor") == 1  # only the wrong password typed

    with qtbot.waitSignal(window.locker.lock_changed, timeout=WAIT_MS) as changed:
        _answer(qtbot, dialog, SESSION_PASSWORD)
    assert changed.args == [False]
    assert not window.locker.is_locked() and window.locker.dialog is None
    assert not _covered(window)
    assert window.scanner.enabled and window.locker.watcher.is_counting()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.tabs.currentWidget() is window.files  # the keys act again
    assert boxes.shown == [] and logouts == []


def test_a_name_locked_meanwhile_is_said_in_the_lock_dialog(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], boxes: MessageBoxes
) -> None:
    window = _window(qtbot, make_session(fresh_store))
    dialog = window.locker.lock()
    assert dialog is not None
    assert window.locker.lock() is None  # already locked
    _lock_out(fresh_store, "ui_clerk")
    _answer(qtbot, dialog, SESSION_PASSWORD)
    assert dialog.error.text().startswith(f"Tài khoản tạm khóa đến {_hhmm(fresh_store, 'ui_clerk')} do nhập")
    assert window.locker.is_locked() and boxes.shown == []
    fresh_store.users.unlock(fresh_store.users.system(1), "ui_clerk")
    _answer(qtbot, dialog, SESSION_PASSWORD)
    assert not window.locker.is_locked()


def test_logging_out_from_the_lock(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession]
) -> None:
    window = _window(qtbot, make_session(fresh_store))
    dialog = _idle_lock(qtbot, window)
    with qtbot.waitSignal(window.logout_requested, timeout=WAIT_MS):
        dialog.logout_button.click()
    assert window.locker.dialog is None
    assert _covered(window)  # until the window is gone
    assert window.scanner.discard  # a receipt scanned meanwhile still opens nothing
    window.shutdown()
    assert not window.locker.watcher.is_counting()


def test_zero_minutes_never_locks_and_the_settings_change_it_at_once(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession]
) -> None:
    session = make_session(fresh_store, "admin")
    session.prefs.set(IDLE_LOCK_MINUTES, 0)
    window = _window(qtbot, session)
    assert window.locker.watcher.timeout_ms() == 0 and not window.locker.watcher.is_counting()
    qtbot.wait(300)
    assert not window.locker.is_locked()

    window.open_settings()
    settings = window.findChild(SettingsDialog)
    assert isinstance(settings, SettingsDialog) and settings.screen_lock is not None
    tab = settings.screen_lock
    assert tab.minutes.value() == 0 and tab.minutes.text() == "Không bao giờ"
    tab.minutes.setValue(3)
    with qtbot.waitSignal(tab.saved, timeout=WAIT_MS):
        tab.save_button.click()
    assert Preferences(session.prefs.data_dir).get(IDLE_LOCK_MINUTES) == 3
    assert window.locker.watcher.timeout_ms() == 3 * 60_000 and window.locker.watcher.is_counting()
    assert "3 phút" in tab.ok_message.text()
    tab.minutes.setValue(0)
    tab.save_button.click()
    assert not window.locker.watcher.is_counting()
    settings.reject()


def test_user_input_restarts_the_count(qtbot: QtBot, qapp: QApplication) -> None:
    watcher = IdleWatcher(800)
    idle: list[bool] = []
    watcher.went_idle.connect(lambda: idle.append(True))
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    watcher.start()
    try:
        for _ in range(16):  # 1.6 s of typing, never 0.8 s without a key
            qtbot.wait(100)
            qtbot.keyClick(edit, Qt.Key.Key_A)  # what a person types (a spontaneous event)
        assert idle == [] and watcher.is_counting()
        for _ in range(16):  # what the program sends itself is not a person
            qtbot.wait(100)
            QApplication.sendEvent(
                edit, QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier, "b")
            )
        assert idle == [True] and not watcher.is_counting()
        qtbot.keyClick(edit, Qt.Key.Key_C)  # input after going idle does not restart: resume() does
        assert not watcher.is_counting()
        watcher.resume()
        assert watcher.is_counting()
        watcher.set_timeout(0)
        assert not watcher.is_counting()
    finally:
        watcher.stop()


def test_a_crash_while_checking_goes_to_the_crash_dialog(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    crashes: list[str] = []
    monkeypatch.setattr("ui.lock_dialog.show_crash", lambda _parent, details: crashes.append(details))
    monkeypatch.setattr(QMessageBox, "exec", lambda *a: 0)
    session = make_session(fresh_store)
    window = _window(qtbot, session)
    dialog = window.locker.lock()
    assert dialog is not None

    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(session.services.users, "authenticate", broken)
    _answer(qtbot, dialog, SESSION_PASSWORD)
    assert crashes and "boom" in crashes[0]
    assert window.locker.is_locked()


def test_the_lock_and_its_messages_in_english(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], english: None
) -> None:
    until = now() + timedelta(minutes=15)
    text = describe_error(AccountLocked("locked", username="lan", until=until.isoformat()))
    assert text.startswith(f"The account is locked until {local(until).strftime('%H:%M')} after too many")
    session = make_session(fresh_store)
    dialog = LockDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Screen locked — MotCua Desk"
    assert dialog.logout_button.text() == "Log &out"
    assert dialog.who.text().startswith("Logged in: ")


# -- scanned codes, boxes held, the account read again -------------------------------------------------------


def test_a_scanned_code_that_reaches_the_password_field_is_not_checked(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession]
) -> None:
    request = RegistrationRequest.from_json(
        {
            "procedure": "1.001193",
            "applicant": {"personal_id": "001099012345", "full_name": "Nguyễn Văn Bình"},
            "documents": ["Tờ khai đăng ký khai sinh"],
        }
    )
    receipt = fresh_store.receipts.qr_text_for(
        fresh_store.files.register(request, fresh_store.users.system(1))
    )
    assert is_scanned_code(receipt) and is_scanned_code(CARD_QR)
    assert not is_scanned_code(SESSION_PASSWORD) and not is_scanned_code("a|b|c|d|e|f|g")
    session = make_session(fresh_store)
    dialog = LockDialog(session)  # no scan filter installed: the dialog itself refuses the codes
    qtbot.addWidget(dialog)
    dialog.show()
    for text in (receipt, CARD_QR):
        dialog.password.setText(text)
        dialog.accept()
        assert not dialog.is_checking()  # nothing was sent to be checked
        assert "mã QR vừa quét" in dialog.error.text() and dialog.password.text() == ""
    qtbot.wait(200)
    assert _failed_logins(fresh_store, "ui_clerk") == 0


def test_error_boxes_wait_for_the_unlock(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], boxes: MessageBoxes
) -> None:
    session = make_session(fresh_store)
    window = _window(qtbot, session)
    dialog = window.locker.lock()
    assert dialog is not None

    def full_disk() -> None:
        raise StorageUnavailable("disk full", reason="disk_full")

    for _ in range(2):  # the same failure twice: said once
        session.run(full_disk, None, lambda exc: show_error(window.files, exc, "Không tải được hồ sơ"))
    qtbot.waitUntil(lambda: messages_held() == 1, timeout=WAIT_MS)
    qtbot.wait(100)
    assert boxes.shown == [] and messages_held() == 1  # nothing above the lock
    _answer(qtbot, dialog, SESSION_PASSWORD)
    assert not window.locker.is_locked()
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=WAIT_MS)
    assert boxes.shown == [
        ("Không tải được hồ sơ", describe_error(StorageUnavailable("", reason="disk_full")))
    ]
    assert messages_held() == 0
    # A box the lock dialog opens itself still shows while locked; after a logout from the lock, the boxes
    # that waited are dropped (the next person at the counter does not see them).
    dialog = window.locker.lock()
    assert dialog is not None
    show_error(dialog, StorageUnavailable("disk full", reason="disk_full"), "Của khóa màn hình")
    assert boxes.shown[-1][0] == "Của khóa màn hình"
    session.run(full_disk, None, lambda exc: show_error(window, exc, "Sau khi khóa"))
    qtbot.waitUntil(lambda: messages_held() == 1, timeout=WAIT_MS)
    with qtbot.waitSignal(window.logout_requested, timeout=WAIT_MS):
        dialog.logout_button.click()
    qtbot.wait(100)
    assert messages_held() == 0 and all(title != "Sau khi khóa" for title, _text in boxes.shown)


def test_a_role_changed_while_locked_is_taken_at_the_unlock(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], boxes: MessageBoxes
) -> None:
    session = make_session(fresh_store, "supervisor")
    window = _window(qtbot, session)
    assert window.day is not None and "Lãnh đạo / giám sát" in window.who.text()
    window.open_audit_page()
    dialog = window.locker.lock()
    assert dialog is not None
    fresh_store.users.set_role(fresh_store.users.system(1), "ui_supervisor", Role.CLERK)  # an administrator
    with qtbot.waitSignal(window.locker.account_changed, timeout=WAIT_MS) as changed:
        _answer(qtbot, dialog, SESSION_PASSWORD)
    assert changed.args[0].role is Role.SUPERVISOR  # what it was
    assert session.actor.role is Role.CLERK and not session.is_supervisor
    assert session.actor.user_id == changed.args[0].user_id
    assert window.day is None and window.audit_page is None
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert not any("Tổng hợp" in t or "Nhật ký" in t for t in titles)
    assert not any(a.isVisible() for a in window.menuBar().actions() if "Tổng" in a.text())
    f4 = next(a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence("F4"))
    assert not f4.isEnabled()
    assert "Cán bộ tiếp nhận" in window.who.text()
    assert "Cán bộ tiếp nhận" in window.statusBar().currentMessage()
    assert boxes.shown == []


def test_a_disabled_account_is_logged_out_at_the_unlock(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], boxes: MessageBoxes
) -> None:
    make_session(fresh_store, "admin")  # another administrator exists
    window = _window(qtbot, make_session(fresh_store))
    dialog = window.locker.lock()
    assert dialog is not None
    fresh_store.users.set_active(fresh_store.users.system(1), "ui_clerk", False)
    with qtbot.waitSignal(window.logout_requested, timeout=WAIT_MS):
        dialog.password.setText(SESSION_PASSWORD)
        dialog.accept()
    assert boxes.shown and "ngừng sử dụng" in boxes.shown[0][1] and "ui_clerk" in boxes.shown[0][1]
    assert window.locker.dialog is None and _covered(window)
    assert _failed_logins(fresh_store, "ui_clerk") == 0  # not counted as a wrong password

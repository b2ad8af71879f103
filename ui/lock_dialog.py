"""The screen lock: after a while without input (Cài đặt › Khóa màn hình, per workstation; 0: never) the
application's windows are covered and a modal dialog asks for the logged-in user's password again, or logs
out so that someone else can log in.

While locked nothing behind the dialog acts: every window is covered (no citizen's data stays on the
screen), the dialog is application-modal (no click or key reaches another window), no shortcut outside it
fires (an application-wide filter swallows them: F2, Ctrl+O, the menus' Alt keys), and the main window
switches its receipt scanner off (:attr:`ScreenLocker.lock_changed`). The password is checked by
``UserService.authenticate`` on the database worker, like the login: a wrong one, and a name locked after
too many wrong passwords (until when), are said in the dialog.

What a hand scanner types at the locked screen is not a password: a receipt's QR code is taken away by the
main window's scan filter, and a receipt or a citizen's card code that reaches the field anyway is refused
by the dialog before any check (neither counts as a wrong password). An error box that work finishing
meanwhile would open waits for the unlock (:func:`ui.errors.hold_messages`), never above the lock. The
account is read again with the password: disabled (or removed) meanwhile, the lock says so and logs out;
a role or a name changed meanwhile is taken into the session (:attr:`ScreenLocker.account_changed`).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from records.errors import AccountLocked, DomainError, InvalidQrText, NotFound
from ui.errors import ERROR_STYLE, details_of, fit_height, hold_messages, release_messages, show_crash
from ui.idle_watcher import IdleWatcher
from ui.labels import describe_error
from ui.preferences import IDLE_LOCK_MINUTES
from ui.receipt_scanner import holds_receipt_code

if TYPE_CHECKING:
    from records.users import Actor, UserView
    from ui.session import UiSession

# What the worker found: the account to check the password of, or one that can no longer log in.
CHECKED, DISABLED, GONE = "checked", "disabled", "gone"

WIDTH = 460
MAX_IDLE_MINUTES = 24 * 60  # a hand-edited preferences file cannot ask for more (nor overflow the timer)


def is_scanned_code(text: str) -> bool:
    """Whether ``text`` is what a scanner types from a receipt's or a chip ID card's QR code (never a
    password)."""
    if holds_receipt_code(text):
        return True
    if text.count("|") < 6:
        return False
    from records.personal_id import parse_card_qr

    try:
        parse_card_qr(text)
    except InvalidQrText:
        return False
    return True


def idle_lock_minutes(value: int) -> int:
    """The preference as the lock uses it: 0 (never) to :data:`MAX_IDLE_MINUTES`."""
    return min(max(0, value), MAX_IDLE_MINUTES)


class LockDialog(QDialog):
    """Who is logged in, their password to go on, or "Đăng xuất". Esc and the window's close button do
    nothing: only the right password (:attr:`unlocked`), a logout (:attr:`logout_chosen`) or an account that
    can no longer log in (:attr:`account_disabled`) leaves it."""

    unlocked = Signal(object, str)  # the account as read again with the password: its Actor, its full name
    logout_chosen = Signal()
    account_disabled = Signal()  # disabled or removed while the screen was locked

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._released = False
        self.setWindowTitle(self.tr("Màn hình đã khóa — MotCua Desk"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        heading = QLabel(self.tr("Màn hình đã khóa"))
        heading.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.who = QLabel(
            self.tr("Đang đăng nhập: {0} ({1})").format(
                f"<b>{html.escape(session.full_name)}</b>", html.escape(session.actor.username)
            )
        )
        self.who.setTextFormat(Qt.TextFormat.RichText)
        self.who.setWordWrap(True)
        explanation = QLabel(
            self.tr(
                "Nhập mật khẩu của tài khoản này để làm việc tiếp. Người khác muốn dùng máy thì bấm "
                "Đăng xuất."
            )
        )
        explanation.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        password_label = QLabel(self.tr("&Mật khẩu:"))
        password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(password_label, self.password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(
            self.tr("Mở khóa"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.logout_button = QPushButton(self.tr("Đăng &xuất"))
        self.logout_button.setAutoDefault(False)  # Enter unlocks; logging out (and its lost form) is a click
        self.buttons.addButton(self.logout_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.unlock_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.logout_button.clicked.connect(self._logout)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.who)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(WIDTH, 0)
        fit_height(self)
        self.password.setFocus()

    def accept(self) -> None:
        """Check the password on the database worker; the screen unlocks when it is right."""
        password = self.password.text()
        if self.is_checking():
            return
        if not password:
            self._show(self.tr("Nhập mật khẩu."))
            return
        if is_scanned_code(password):  # a scanner's burst ending with Enter: not counted as a wrong password
            self.note_scan()
            return
        session = self._session
        users, username, workstation = (
            session.services.users,
            session.actor.username,
            session.agency.workstation,
        )

        def check() -> tuple[str, Actor | None, UserView | None]:  # on the worker
            try:
                account = users.get(username)  # read again: an administrator may have changed it
            except NotFound:
                return GONE, None, None
            if not account.active:
                return DISABLED, None, account
            return CHECKED, users.authenticate(username, password, workstation), account

        self._busy(True)
        session.run(check, self._answered, self._failed)

    def note_scan(self) -> None:
        """A QR code was scanned at the locked screen: it is dropped, and the dialog says so."""
        self.password.clear()
        self.password.setFocus()
        self._show(
            self.tr(
                "Màn hình đang khóa: mã QR vừa quét không được dùng (không tính là nhập sai mật khẩu). "
                "Mở khóa rồi quét lại."
            )
        )

    def reject(self) -> None:
        """Esc does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._released:
            super().closeEvent(event)
        else:
            event.ignore()  # the window's close button, Alt+F4: the lock stays

    def release(self) -> None:
        """Close the dialog for good (unlocked, or the user logs out); late answers are dropped."""
        self._released = True
        self.done(QDialog.DialogCode.Accepted)

    def is_checking(self) -> bool:
        """Whether a password is being checked."""
        return not self.unlock_button.isEnabled()

    def _answered(self, answer: tuple[str, Actor | None, UserView | None]) -> None:
        if self._released:
            return
        self._busy(False)
        state, actor, account = answer
        if state != CHECKED:
            self.password.clear()
            self._show(self.tr("Tài khoản này đã bị ngừng sử dụng."))
            self.account_disabled.emit()
            return
        if actor is None or account is None or actor.user_id != self._session.actor.user_id:
            self._wrong(self.tr("Sai mật khẩu, hoặc tài khoản đã bị khóa."))
            return
        self.unlocked.emit(actor, account.full_name)

    def _failed(self, exc: BaseException) -> None:
        if self._released:
            return
        self._busy(False)
        if not isinstance(exc, DomainError):
            show_crash(self, details_of(exc))
        elif isinstance(exc, AccountLocked):
            self._wrong(describe_error(exc))
        else:
            self._show(describe_error(exc))

    def _logout(self) -> None:
        if not self._released:
            self.logout_chosen.emit()

    def _wrong(self, text: str) -> None:
        self.password.clear()
        self.password.setFocus()
        self._show(text)

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        fit_height(self)

    def _busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.password.setEnabled(not busy)
        if not busy:
            self.password.setFocus()


class _Cover(QWidget):
    """A plain panel over a whole window while the screen is locked (what was on it stays hidden)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        label = QLabel(QCoreApplication.translate("ScreenLocker", "Màn hình đã khóa"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: palette(placeholder-text); font-size: 15pt")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # stay above a widget added to the window afterwards
        return False


class ScreenLocker(QObject):
    """Locks the application after the idle time of the workstation's preference, or when :meth:`lock` is
    called; unlocks with the logged-in user's password or logs out through ``logout`` (the main window's
    own logout, which exports first when the sync configuration asks)."""

    lock_changed = Signal(bool)  # locked (True) or unlocked (False)
    account_changed = Signal(object)  # the session's Actor before the unlock: its role or name changed

    def __init__(self, session: UiSession, window: QWidget, logout: Callable[[], object]) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self._logout = logout
        self.watcher = IdleWatcher(0, self)
        self.watcher.went_idle.connect(self.lock)
        self.dialog: LockDialog | None = None
        self._covers: list[_Cover] = []
        self._focus: QWidget | None = None
        self._locked = False
        self._guarding = False

    def start(self) -> None:
        """Start watching for idleness (the main window is shown)."""
        self.apply_preference()
        self.watcher.start()

    def apply_preference(self) -> None:
        """Use the idle time of the preferences now (after the settings saved a new one)."""
        minutes = idle_lock_minutes(self._session.prefs.get(IDLE_LOCK_MINUTES))
        self.watcher.set_timeout(minutes * 60_000)
        if not self._locked:
            self.watcher.resume()

    def is_locked(self) -> bool:
        """Whether the screen is locked."""
        return self._locked

    def lock(self) -> LockDialog | None:
        """Lock now: cover the windows and ask for the password (``None`` when already locked)."""
        if self._locked:
            return None
        self._locked = True
        self.watcher.pause()
        self._focus = QApplication.focusWidget()
        for _ in range(20):  # an open menu or completer goes first (each close may reveal another)
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        QToolTip.hideText()
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and window.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                self._covers.append(_Cover(window))
        QCoreApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self._guarding = True
        dialog = LockDialog(self._session, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.unlocked.connect(self._unlocked)
        dialog.logout_chosen.connect(self._log_out)
        dialog.account_disabled.connect(self._account_disabled)
        self.dialog = dialog
        hold_messages(dialog)  # boxes of work finishing meanwhile wait for the unlock
        self.lock_changed.emit(True)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def stop(self) -> None:
        """The window is closing: stop watching and close the lock without unlocking anything."""
        self.watcher.stop()
        if self._locked:
            release_messages(show=False)
        self._close_dialog()
        self._unguard()

    def scan_discarded(self) -> None:
        """A receipt was scanned at the locked screen (and dropped by the scan filter): the lock says so."""
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.note_scan()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While locked, a shortcut acts only inside the lock dialog (its mnemonics): not F2 in the main
        # window, Ctrl+O, a menu's Alt key, nor one in a dialog behind the lock.
        if event.type() == QEvent.Type.Shortcut:
            return not self._in_dialog(watched)
        return False

    def _in_dialog(self, obj: QObject | None) -> bool:
        dialog = self.dialog
        while obj is not None and dialog is not None:
            if obj is dialog:
                return True
            obj = obj.parent()
        return False

    def _unlocked(self, actor: Actor, full_name: str) -> None:
        session = self._session
        before = session.actor
        changed = actor.role is not before.role or full_name != session.full_name
        if changed:  # an administrator changed the account while the screen was locked
            session.actor = replace(before, role=actor.role)
            session.full_name = full_name
        self._close_dialog()
        self._unguard()
        for cover in self._covers:
            if shiboken6.isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._covers = []
        self._locked = False
        self.lock_changed.emit(False)
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.activateWindow()
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.watcher.resume()
        if changed:
            self.account_changed.emit(before)
        release_messages()  # the boxes that waited, now that nothing covers the windows

    def _account_disabled(self) -> None:
        dialog = self.dialog
        QMessageBox.warning(
            dialog,
            QCoreApplication.translate("ScreenLocker", "Tài khoản đã bị ngừng sử dụng"),
            QCoreApplication.translate(
                "ScreenLocker",
                "Tài khoản {0} đã bị ngừng sử dụng trong lúc màn hình khóa: chương trình đăng xuất. Hãy "
                "liên hệ quản trị viên.",
            ).format(self._session.actor.username),
        )
        self._log_out()

    def _log_out(self) -> None:
        # The windows stay covered (and the scanner off) until the main window is gone: the logout may wait
        # for an export first, over a window nobody should read or use meanwhile.
        release_messages(show=False)  # the next person at the counter does not see them
        self._close_dialog()
        self._unguard()
        self._logout()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.release()

    def _unguard(self) -> None:
        if self._guarding:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._guarding = False

"""Login: who is at the counter. The password is checked on the database worker (argon2 takes a moment).

A refusal is said in the dialog, under the fields: a wrong password, and a name locked after too many wrong
passwords in a row (until when, in Vietnam's time).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from records.errors import AccountLocked, DomainError
from ui.errors import ERROR_STYLE, details_of, fit_height, show_crash
from ui.labels import describe_error

if TYPE_CHECKING:
    from records.users import Actor


class LoginDialog(QDialog):
    """Asks for a user name and a password; accepted once ``check(user, password)`` (run through ``submit``,
    the database worker's) returns the actor and their full name."""

    def __init__(
        self,
        agency_name: str,
        submit: Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], Any],
        check: Callable[[str, str], tuple[Actor, str] | None],
        last_user: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đăng nhập — MotCua Desk"))
        self._submit = submit
        self._check = check
        self.actor: Actor | None = None
        self.full_name = ""
        self.username = QLineEdit(last_user)
        self.username.setPlaceholderText(self.tr("tên đăng nhập"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.title = title = QLabel(agency_name)
        title.setStyleSheet("font-size: 15pt; font-weight: bold")
        title.setWordWrap(True)
        form = QFormLayout()
        user_label = QLabel(self.tr("&Tên đăng nhập:"))
        user_label.setBuddy(self.username)
        password_label = QLabel(self.tr("&Mật khẩu:"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(password_label, self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đăng nhập"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Thoát"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(420, 0)
        (self.password if last_user else self.username).setFocus()

    def set_agency_name(self, name: str) -> None:
        """The agency's name, once the store has said it (the login opens before the store does)."""
        self.title.setText(name)

    def accept(self) -> None:
        user, password = self.username.text().strip(), self.password.text()
        if not user or not password:
            self._show(self.tr("Nhập tên đăng nhập và mật khẩu."))
            return
        self._busy(True)
        self._submit(lambda: self._check(user, password), self._answered, self._failed)

    def _answered(self, result: tuple[Actor, str] | None) -> None:
        self._busy(False)
        if result is None:
            self.password.clear()
            self.password.setFocus()
            self._show(self.tr("Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa."))
            return
        self.actor, self.full_name = result
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if not isinstance(exc, DomainError):
            show_crash(self, details_of(exc))
            return
        # A refusal is said here, by the fields, not in a box: a locked name says until when.
        if isinstance(exc, AccountLocked):
            self.password.clear()
            self.password.setFocus()
        self._show(describe_error(exc))

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        fit_height(self)  # a locked name's sentence takes two lines

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)

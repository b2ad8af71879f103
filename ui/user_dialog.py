"""Adding an account, and setting an account's password: small forms whose refusals sit by their fields and
which stay open until the store has accepted them. The password rules (``records.users.check_password_rules``:
length, not the user name, not too simple or too common) are checked here first, so their refusal appears
at once by the password field; the store checks them again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from records.errors import DomainError, InvalidInput
from records.services.users import check_username
from records.users import MIN_PASSWORD_LENGTH, Role, check_password_rules
from ui.errors import FieldMessages
from ui.labels import describe_error
from ui.session import UiSession
from ui.settings_tab import with_error
from ui.users_table_model import role_label


class _AccountForm(QDialog):
    saved = Signal(object)  # what the service returned

    def __init__(self, session: UiSession, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self.general = QLabel()
        self.messages = FieldMessages(self.general)
        self.form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("ít nhất {0} ký tự").format(MIN_PASSWORD_LENGTH))
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def add_row(self, field: str, text: str, widget: QWidget) -> None:
        box, error = with_error(widget)
        label = QLabel(text)
        label.setBuddy(widget)
        self.form.addRow(label, box)
        self.messages.add(field, widget, error)

    def finish_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.resize(460, 0)

    def check_password(self, username: str) -> bool:
        try:
            check_password_rules(self.password.text(), username)
        except InvalidInput as exc:
            self.messages.show_text("password", describe_error(exc))
            return False
        if self.password.text() != self.password_again.text():
            self.messages.show_text("password_again", self.tr("Hai lần nhập mật khẩu không giống nhau."))
            return False
        return True

    def submit(self) -> None:
        raise NotImplementedError

    def run(self, fn: Any) -> None:
        self.buttons.setEnabled(False)
        self.session.run(fn, self._saved, self._refused)

    def _saved(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, DomainError) and exc.params.get("field") == "username":
            self.messages.show_text("username", self.username_problem(exc))
        else:
            self.messages.show(exc, self)

    def username_problem(self, exc: DomainError) -> str:
        return str(exc)


class UserDialog(_AccountForm):
    """A new account: user name, full name, role and password (typed twice)."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Thêm người dùng"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("chữ không dấu, số, dấu chấm: ví dụ lan.tt"))
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.CLERK, Role.SUPERVISOR, Role.ADMIN):
            self.role.addItem(role_label(role), role.value)
        self.add_row("username", self.tr("&Tên đăng nhập:"), self.username)
        self.add_row("full_name", self.tr("&Họ và tên:"), self.full_name)
        self.add_row("role", self.tr("&Vai trò:"), self.role)
        self.add_row("password", self.tr("&Mật khẩu:"), self.password)
        self.add_row("password_again", self.tr("&Nhập lại mật khẩu:"), self.password_again)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Thêm"))
        self.finish_layout()

    def submit(self) -> None:
        """Check the form, then add the account (one service call)."""
        self.messages.clear()
        username = self.username.text().strip()
        full_name = self.full_name.text().strip()
        if not username:
            self.messages.show_text("username", self.tr("Cần nhập tên đăng nhập."))
            return
        try:
            check_username(username)
        except DomainError:
            self.messages.show_text(
                "username", self.tr("Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số, dấu chấm và gạch dưới.")
            )
            return
        if not full_name:
            self.messages.show_text("full_name", self.tr("Cần nhập họ và tên."))
            return
        if not self.check_password(username):
            return
        users, actor = self.session.services.users, self.session.actor
        role, password = Role(self.role.currentData()), self.password.text()
        self.run(lambda: users.add(actor, username, full_name, role, password))

    def username_problem(self, exc: DomainError) -> str:
        # The form was checked above: what the store still refuses is a name already taken.
        return self.tr("Tên đăng nhập này đã có người dùng.")


class PasswordDialog(_AccountForm):
    """A new password for an account (typed twice)."""

    def __init__(self, session: UiSession, username: str, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.username = username
        self.setWindowTitle(self.tr("Đặt lại mật khẩu"))
        self.form.addRow(QLabel(self.tr("Tài khoản:")), QLabel(f"<b>{username}</b>"))
        self.add_row("password", self.tr("Mật khẩu &mới:"), self.password)
        self.add_row("password_again", self.tr("&Nhập lại mật khẩu:"), self.password_again)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đặt mật khẩu"))
        self.finish_layout()

    def submit(self) -> None:
        """Check the passwords, then set it (one service call)."""
        self.messages.clear()
        if not self.check_password(self.username):
            return
        users, actor, username = self.session.services.users, self.session.actor, self.username
        password = self.password.text()
        self.run(lambda: users.reset_password(actor, username, password))

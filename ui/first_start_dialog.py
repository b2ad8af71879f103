"""First start: the agency this workstation serves, its number, and the first administrator's account."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from records.errors import DomainError
from records.file_codes import normalise_agency_code

if TYPE_CHECKING:  # the store's modules load on the worker while this dialog is already up
    from records.services.settings import AgencyConfig


class FirstStartDialog(QDialog):
    """Asks for the agency code and name, the parent body, the workstation number and the first admin."""

    def __init__(self, agency: AgencyConfig | None = None, parent: QWidget | None = None) -> None:
        """``agency``: the agency already set up (from ``motcua init``), shown for confirmation."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thiết lập ban đầu"))
        self.agency_code = QLineEdit()
        self.agency_code.setPlaceholderText("000.17.22.H56")
        self.agency_name = QLineEdit()
        self.agency_name.setPlaceholderText(self.tr("Trung tâm Phục vụ hành chính công xã …"))
        self.parent_name = QLineEdit()
        self.parent_name.setPlaceholderText(self.tr("UBND xã … (không bắt buộc)"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("in trước ngày tháng trên giấy tờ (không bắt buộc)"))
        self.workstation = QSpinBox()
        self.workstation.setRange(1, 9)
        self.admin_username = QLineEdit("admin")
        self.admin_full_name = QLineEdit()
        self.admin_full_name.setPlaceholderText(self.tr("Họ và tên người quản trị"))
        self.admin_password = QLineEdit()
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_password.setPlaceholderText(self.tr("ít nhất 8 ký tự"))
        self.admin_password_again = QLineEdit()
        self.admin_password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Mã cơ quan (mã định danh điện tử):"), self.agency_code)
        form.addRow(self.tr("Tên cơ quan tiếp nhận:"), self.agency_name)
        form.addRow(self.tr("Cơ quan chủ quản:"), self.parent_name)
        form.addRow(self.tr("Địa danh:"), self.place)
        form.addRow(self.tr("Số máy trạm:"), self.workstation)
        heading = QLabel(self.tr("Tài khoản quản trị đầu tiên"))
        heading.setStyleSheet("font-weight: bold; margin-top: 8px")
        form.addRow(heading)
        form.addRow(self.tr("Tên đăng nhập:"), self.admin_username)
        form.addRow(self.tr("Họ và tên:"), self.admin_full_name)
        form.addRow(self.tr("Mật khẩu:"), self.admin_password)
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.admin_password_again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Bắt đầu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Thoát"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if agency is not None:
            self.agency_code.setText(agency.code)
            self.agency_name.setText(agency.name)
            self.parent_name.setText(agency.parent_name or "")
            self.place.setText(agency.place or "")
            self.workstation.setValue(agency.workstation)
            intro = QLabel(
                self.tr(
                    "Chưa có tài khoản nào. Kiểm tra thông tin cơ quan và tạo tài khoản quản trị đầu tiên."
                )
            )
        else:
            intro = QLabel(
                self.tr(
                    "Máy này chưa được thiết lập. Nhập thông tin cơ quan tiếp nhận và tài khoản quản trị."
                )
            )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def accept(self) -> None:
        problem = self._first_problem()
        if problem is None:
            super().accept()
            return
        message, field = problem
        self.error.setText(message)
        field.setFocus()

    def _first_problem(self) -> tuple[str, QWidget] | None:
        try:
            normalise_agency_code(self.agency_code.text())
        except DomainError:
            return (
                self.tr("Mã cơ quan không đúng định dạng (ví dụ 000.17.22.H56 hoặc H55.242)."),
                self.agency_code,
            )
        if not self.agency_name.text().strip():
            return self.tr("Cần nhập tên cơ quan tiếp nhận."), self.agency_name
        if not self.admin_username.text().strip():
            return self.tr("Cần nhập tên đăng nhập của người quản trị."), self.admin_username
        if not self.admin_full_name.text().strip():
            return self.tr("Cần nhập họ và tên người quản trị."), self.admin_full_name
        # The store's password rules, checked here too so that the refusal says which one, in Vietnamese.
        from records.errors import InvalidInput
        from records.users import check_password_rules  # argon2 with it: not before the dialog is up
        from ui.labels import describe_error

        try:
            check_password_rules(self.admin_password.text(), self.admin_username.text())
        except InvalidInput as exc:
            return describe_error(exc), self.admin_password
        if self.admin_password.text() != self.admin_password_again.text():
            return self.tr("Hai lần nhập mật khẩu không giống nhau."), self.admin_password_again
        return None

    def show_error(self, message: str) -> None:
        """Show a refusal from the store (the dialog stays open for a correction)."""
        self.error.setText(message)

    def values(self) -> dict[str, object]:
        """What was entered, as keyword arguments of ``SettingsService.setup``."""
        return {
            "agency_code": self.agency_code.text().strip(),
            "agency_name": self.agency_name.text().strip(),
            "parent_name": self.parent_name.text().strip() or None,
            "place": self.place.text().strip() or None,
            "workstation": self.workstation.value(),
            "admin_username": self.admin_username.text().strip(),
            "admin_full_name": self.admin_full_name.text().strip(),
            "admin_password": self.admin_password.text(),
        }

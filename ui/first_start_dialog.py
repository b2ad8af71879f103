"""First start: the agency this workstation serves and its number. (Accounts come with the login screen.)"""

from __future__ import annotations

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


class FirstStartDialog(QDialog):
    """Asks for the agency code and name, the parent body and the workstation number."""

    def __init__(self, parent: QWidget | None = None) -> None:
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
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Mã cơ quan (mã định danh điện tử):"), self.agency_code)
        form.addRow(self.tr("Tên cơ quan tiếp nhận:"), self.agency_name)
        form.addRow(self.tr("Cơ quan chủ quản:"), self.parent_name)
        form.addRow(self.tr("Địa danh:"), self.place)
        form.addRow(self.tr("Số máy trạm:"), self.workstation)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Bắt đầu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Thoát"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Máy này chưa được thiết lập. Nhập thông tin cơ quan tiếp nhận hồ sơ."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def accept(self) -> None:
        try:
            normalise_agency_code(self.agency_code.text())
        except DomainError:
            self.error.setText(self.tr("Mã cơ quan không đúng định dạng (ví dụ 000.17.22.H56 hoặc H55.242)."))
            self.agency_code.setFocus()
            return
        if not self.agency_name.text().strip():
            self.error.setText(self.tr("Cần nhập tên cơ quan tiếp nhận."))
            self.agency_name.setFocus()
            return
        super().accept()

    def values(self) -> dict[str, object]:
        """What was entered, as keyword arguments of ``SettingsService.initialise``."""
        return {
            "agency_code": self.agency_code.text().strip(),
            "agency_name": self.agency_name.text().strip(),
            "parent_name": self.parent_name.text().strip() or None,
            "place": self.place.text().strip() or None,
            "workstation": self.workstation.value(),
        }

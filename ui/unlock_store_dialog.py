"""Opening an encrypted store: before the login, the store's passphrase (or its recovery code).

Shown only when the data folder holds ``encryption.json`` (``records.encryption``). The passphrase is not a
user's password: it is the counter's, given by the administrator who turned encryption on; the login that
follows still tells the users apart. The check (argon2id, then the store opened with the key) runs on the
database worker: the dialog says "Đang mở…" meanwhile, and a wrong passphrase is said inline, the field
cleared for the next try. "Thoát" closes the application.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.errors import ERROR_STYLE

WIDTH = 460


class UnlockStoreDialog(QDialog):
    """The passphrase field, "Mở" and "Thoát"; :attr:`submitted` carries the text typed."""

    submitted = Signal(str)

    def __init__(self, data_dir: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mở khóa dữ liệu — MotCua Desk"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        heading = QLabel(self.tr("Dữ liệu của máy này được mã hóa"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold")
        explanation = QLabel(
            self.tr(
                "Nhập mật khẩu mã hóa dữ liệu (do quản trị viên cấp) hoặc mã khôi phục để mở. Đây không "
                "phải mật khẩu đăng nhập của từng người."
            )
        )
        explanation.setWordWrap(True)
        where = QLabel(self.tr("Thư mục dữ liệu: {0}").format(data_dir))
        where.setWordWrap(True)
        where.setStyleSheet("color: #555")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Mật khẩu mã hóa dữ liệu"))
        self.passphrase.setPlaceholderText(self.tr("Mật khẩu mã hóa hoặc mã khôi phục"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(self.tr("Mở"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton(self.tr("Thoát"), QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, explanation, where, self.passphrase, self.error, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(WIDTH)
        self.passphrase.setFocus()

    def _submit(self) -> None:
        text = self.passphrase.text()
        if not text.strip():
            self.show_error(self.tr("Nhập mật khẩu mã hóa dữ liệu."))
            return
        self.set_busy(True)
        self.submitted.emit(text)

    def set_busy(self, busy: bool) -> None:
        """While the worker checks: the field and "Mở" are disabled, the button says so."""
        self.passphrase.setEnabled(not busy)
        self.open_button.setEnabled(not busy)
        self.open_button.setText(self.tr("Đang mở…") if busy else self.tr("Mở"))
        if busy:
            self.error.hide()

    def show_error(self, text: str) -> None:
        """Say why the store did not open; the field is cleared and focused for another try."""
        self.set_busy(False)
        self.error.setText(text)
        self.error.show()
        self.passphrase.clear()
        self.passphrase.setFocus()

"""Asking the clerk why: the papers missing from an incomplete file, or the reason for refusing one.

What is typed here is printed on the form (Mẫu 02's "Lý do", Mẫu 03's reason), so it cannot be empty.
Ctrl+Enter confirms, as Enter starts a new line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

MAX_LENGTH = 1000  # the national portal's summary fields stop at 1,000 characters


class ReasonDialog(QDialog):
    """A title, a question, a text box pre-filled with a suggestion, and a confirm button."""

    def __init__(
        self, title: str, prompt: str, confirm: str, text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlainText(text)
        self.text_edit.setTabChangesFocus(True)
        label.setBuddy(self.text_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.addButton(confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        hint = QLabel(self.tr("Ctrl+Enter để xác nhận."))
        hint.setStyleSheet("color: #555555")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text_edit)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text_edit.textChanged.connect(self._update)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._confirm)
        self.resize(520, 260)
        self._update()
        cursor = self.text_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.text_edit.setTextCursor(cursor)
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        """What was typed, trimmed."""
        return self.text_edit.toPlainText().strip()

    def _update(self) -> None:
        text = self.text_edit.toPlainText()
        if len(text) > MAX_LENGTH:
            self.text_edit.setPlainText(text[:MAX_LENGTH])
            return
        self.confirm_button.setEnabled(bool(text.strip()))

    def _confirm(self) -> None:
        if self.confirm_button.isEnabled():
            self.accept()

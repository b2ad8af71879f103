"""Confirms a status change of a file and asks for its note (what is missing, why it stops, …).

The dialog does not change anything itself: it emits :attr:`TransitionDialog.submitted` with the note, the
page makes the one service call, then either closes the dialog (:meth:`finish`) or shows the refusal inside
it (:meth:`show_error`), so nothing is half-done and the typed note is not lost. Esc cancels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.errors import FieldMessages
from ui.submit_dialog import SubmitDialog

NOTE_MAX = 2000


class TransitionDialog(SubmitDialog):
    """Asks for the note of a status change and confirms it."""

    submitted = Signal(str)  # the note (stripped; may be empty when not required)

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        prompt: str,
        accept_text: str,
        *,
        note_label: str,
        note_required: bool,
        warning: str | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._required = note_required
        intro = QLabel(prompt)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.warning = QLabel(warning or "")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #fff4e5; color: #663c00; border: 1px solid #f0c36d; border-radius: 4px; padding: 6px"
        )
        self.warning.setVisible(bool(warning))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.installEventFilter(self)  # Ctrl+Enter confirms from the text box
        self.note.setPlaceholderText(placeholder)
        self.note.setMinimumHeight(self.fontMetrics().height() * 5)
        note_title = QLabel(note_label)
        note_title.setBuddy(self.note)
        self.note_error = QLabel()
        self.general_error = QLabel()
        self.messages = FieldMessages(self.general_error)
        self.messages.add("note", self.note, self.note_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(accept_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.warning)
        layout.addWidget(note_title)
        layout.addWidget(self.note)
        layout.addWidget(self.note_error)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(520, 0)
        self.note.setFocus()

    def note_text(self) -> str:
        """The note as typed, without surrounding blanks."""
        return self.note.toPlainText().strip()

    def submit(self) -> None:
        """Check the note and ask the page to make the change (the dialog stays open until it is done)."""
        if not self.ok_button.isEnabled():
            return
        self.messages.clear()
        text = self.note_text()
        if self._required and not text:
            self.messages.show_text("note", self.tr("Hãy nhập nội dung này."))
            return
        if len(text) > NOTE_MAX:
            self.messages.show_text("note", self.tr("Nội dung dài quá {0} ký tự.").format(NOTE_MAX))
            return
        self.set_busy(True)
        self.submitted.emit(text)

    def set_busy(self, busy: bool) -> None:
        """Disable the buttons and the note while the change is being saved."""
        super().set_busy(busy)
        self.note.setReadOnly(busy)

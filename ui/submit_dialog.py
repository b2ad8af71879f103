"""The shape of the dialogs that ask and let the page save: they emit what was typed, the page makes the
one service call, then closes the dialog (:meth:`SubmitDialog.finish`) or shows the refusal inside it
(:meth:`SubmitDialog.show_error`). Ctrl+Enter submits from a text box; Esc cancels, but not while saving.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPushButton

from ui.errors import FieldMessages


class SubmitDialog(QDialog):
    """Base of the transition and extension dialogs; subclasses set ``ok_button`` and ``messages`` and
    write :meth:`submit`. Install the dialog as event filter on a text box for Ctrl+Enter."""

    ok_button: QPushButton
    messages: FieldMessages

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    def submit(self) -> None:
        """Check what was typed and ask the page to save it."""
        raise NotImplementedError

    def set_busy(self, busy: bool) -> None:
        """Disable confirming while the change is being saved."""
        self.ok_button.setEnabled(not busy)

    def show_error(self, exc: BaseException) -> bool:
        """Show a refusal inside the dialog (``False`` for a bug, shown in the crash dialog)."""
        self.set_busy(False)
        return self.messages.show(exc, self)

    def reject(self) -> None:
        if not self.ok_button.isEnabled():
            return  # being saved: wait for the answer (Esc cannot leave a change half-shown)
        super().reject()

    def finish(self) -> None:
        """The change is saved: close."""
        self.accept()

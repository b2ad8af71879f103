"""Scanning a receipt's QR code anywhere in the application opens that file.

A USB 2D scanner is a keyboard: it types the QR text fast and ends with Enter, into whatever has the focus.
This application-wide event filter keeps the characters typed since the last pause; when Enter completes
a text that holds a MotCua receipt code (``MC1*…``), it takes the Enter for itself, puts back what the
focused line edit held before the burst, and reports the text. Anything else (a citizen's card QR in the
intake's ID field, a name typed in the search box) passes through untouched.

While the screen is locked (:attr:`ReceiptScanFilter.discard`), a receipt code scanned is taken away the
same way but opens nothing (:attr:`ReceiptScanFilter.discarded`): it never reaches the lock's password
field as a wrong password.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from records.errors import InvalidQrText
from records.receipt_codes import parse

PAUSE_S = 1.0  # a longer pause between two keys starts a new text
MAX_LENGTH = 2048  # a scanner's burst is a few hundred characters; anything longer is not one


class ReceiptScanFilter(QObject):
    """Watches key presses application-wide for a scanned receipt code."""

    scanned = Signal(str)  # the whole text that was scanned (parse it with ``receipts.verify``)
    discarded = Signal()  # a receipt code scanned while :attr:`discard` is set, dropped

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buffer: list[str] = []
        self._last = 0.0
        self._edit: QLineEdit | None = None
        self._edit_before = ""
        self.enabled = True
        self.discard = False  # the screen is locked: a receipt code is taken away, and opens nothing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled or event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        # A key press unaccepted by the focused widget is offered to its parents: count it once.
        if not isinstance(watched, QWidget) or watched is not (focus or watched.window()):
            return False
        moment = time.monotonic()
        if moment - self._last > PAUSE_S:
            self._reset(focus)
        self._last = moment
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = "".join(self._buffer)
            edit, before = self._edit, self._edit_before
            self._reset(focus)
            if holds_receipt_code(text):
                if edit is not None and edit.text().endswith(text.strip()[-8:]):
                    edit.setText(before)
                if self.discard:
                    self.discarded.emit()
                else:
                    self.scanned.emit(text)
                return True
            return False
        typed = event.text()
        if typed and typed.isprintable() and len(self._buffer) < MAX_LENGTH:
            self._buffer.append(typed)
        return False

    def _reset(self, focus: QWidget | None) -> None:
        self._buffer = []
        self._edit = focus if isinstance(focus, QLineEdit) else None
        self._edit_before = self._edit.text() if self._edit is not None else ""


def holds_receipt_code(text: str) -> bool:
    """Whether ``text`` holds a MotCua receipt code (what a receipt's QR code gives a scanner)."""
    if "MC" not in text.upper():
        return False
    try:
        parse(text)
    except InvalidQrText:
        return False
    return True

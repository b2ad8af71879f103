"""What every tab of the settings dialog shares: loading on the worker, one service call per "Lưu", errors
next to the fields they are about, a line saying what happened, and whether something is left unsaved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from printing.render import write_atomic
from records.errors import DomainError
from ui.errors import FieldMessages, details_of, show_crash
from ui.session import UiSession

OK_STYLE = "color: #2e7d32"
HINT_STYLE = "color: palette(placeholder-text)"


def with_error(field: QWidget) -> tuple[QWidget, QLabel]:
    """``field`` with a (hidden) error line under it, as one widget for a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    label = QLabel()
    layout.addWidget(label)
    return box, label


def read_text_file(path: Path) -> str:
    """A UTF-8 text file's content (a leading byte-order mark is dropped); run it in the background."""
    return path.read_bytes().decode("utf-8-sig")


def write_text_file(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` as UTF-8, whole or not at all (:class:`StorageUnavailable` otherwise); run
    it in the background."""
    return write_atomic(text.encode("utf-8"), path)


def hint(text: str) -> QLabel:
    """A short explanation under a group of fields."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class SettingsTab(QWidget):
    """A tab of the settings dialog."""

    loaded = Signal()  # the tab shows what the store holds
    saved = Signal()  # a "Lưu" (or an import, an export) went through
    failed = Signal(object)  # a load or a save was refused (the exception)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.general_error = QLabel()
        self.messages = FieldMessages(self.general_error)
        self.ok_message = QLabel()
        self.ok_message.setStyleSheet(OK_STYLE)
        self.ok_message.setWordWrap(True)
        self._dirty = False
        self._busy = 0

    # -- to override --------------------------------------------------------------------------------------

    def title(self) -> str:
        """The tab's name."""
        raise NotImplementedError

    def load(self) -> None:
        """Read what the tab shows (on the worker)."""

    # -- dirty state --------------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        """Whether the tab holds changes not saved yet."""
        return self._dirty

    def mark_dirty(self, *_args: object) -> None:
        """Something was edited."""
        self._dirty = True
        self.ok_message.clear()

    def mark_clean(self) -> None:
        """What is shown is what is stored."""
        self._dirty = False

    # -- work ---------------------------------------------------------------------------------------------

    def call(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn`` on the database worker; its refusal goes next to its field (or to ``on_error``)."""
        self._set_busy(+1)

        def succeeded(result: Any) -> None:
            if shiboken6.isValid(self):  # else the dialog was closed meanwhile: nobody to tell
                self._set_busy(-1)
                on_success(result)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._set_busy(-1)
                (on_error or self.show_failure)(exc)

        self.session.run(fn, succeeded, failed)

    def background(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn`` (file work) in the background, counted as busy; an error goes to ``on_error``, else
        shows like a refusal."""
        self._set_busy(+1)

        def succeeded(result: Any) -> None:
            if shiboken6.isValid(self):
                self._set_busy(-1)
                on_success(result)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._set_busy(-1)
                (on_error or self.show_failure)(exc)

        self.session.background(fn, succeeded, failed)

    def show_failure(self, exc: BaseException, field: str | None = None, text: str | None = None) -> None:
        """Tell the user why it did not work: next to ``field`` (or the field the error names) for an
        expected refusal, the crash dialog for a bug."""
        self.ok_message.clear()
        if isinstance(exc, UnicodeDecodeError):
            self.messages.show_text(field, self.tr("Tệp không phải văn bản UTF-8 (JSON)."))
        elif isinstance(exc, OSError):
            self.messages.show_text(
                field, text or self.tr("Không đọc/ghi được tệp: {0}").format(exc.strerror or exc)
            )
        elif not isinstance(exc, DomainError):
            show_crash(self, details_of(exc))
        elif text is not None or field is not None:
            self.messages.show_text(field, text or str(exc))
        else:
            self.messages.show(exc, self)
        self.failed.emit(exc)

    def show_ok(self, text: str) -> None:
        """Say that it worked."""
        self.messages.clear()
        self.ok_message.setText(text)

    def is_busy(self) -> bool:
        """Whether a load or a save is on its way."""
        return self._busy > 0

    def _set_busy(self, delta: int) -> None:
        self._busy += delta
        self.busy_changed(self._busy > 0)

    def busy_changed(self, busy: bool) -> None:
        """Enable or disable the tab's buttons while work is on its way (override)."""

    # -- layout -------------------------------------------------------------------------------------------

    def footer(self, *buttons: QPushButton) -> QLayout:
        """The line at the bottom: what happened on the left, the tab's buttons on the right."""
        messages = QVBoxLayout()
        messages.setSpacing(0)
        messages.addWidget(self.general_error)
        messages.addWidget(self.ok_message)
        row = QHBoxLayout()
        row.addLayout(messages, 1)
        for button in buttons:
            row.addWidget(button)
        return row

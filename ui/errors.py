"""The two kinds of errors, as the counter sees them.

A :class:`~records.errors.DomainError` is expected (a malformed ID, a transition the rules refuse, a full
disk): it becomes a clear Vietnamese sentence, next to the field it is about when there is one. Anything
else is a bug: a crash dialog with copyable details, and the saved data is untouched because every write is
one transaction.

While the screen is locked (:func:`hold_messages`), a box that work finished meanwhile would open (a load
that failed, a crash) waits: it is shown after the unlock (:func:`release_messages`), never above the
lock, and dropped (written to the log) when the user logs out from the lock instead.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from records.errors import DomainError
from ui.labels import describe_error

ERROR_STYLE = "color: #c62828"
OK_STYLE = "color: #2e7d32"  # a message that something went well


def details_of(exc: BaseException) -> str:
    """The traceback of ``exc`` as text (what the crash dialog offers to copy)."""
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


class _HeldMessages:
    """The boxes waiting for the unlock, and the window (the lock dialog) whose own boxes still show."""

    def __init__(self) -> None:
        self.owner: QWidget | None = None
        self.waiting: list[tuple[str, Callable[[], None]]] = []

    def holds(self, parent: QWidget | None) -> bool:
        owner = self.owner
        if owner is None or not shiboken6.isValid(owner):
            return False
        node: QObject | None = parent if parent is not None and shiboken6.isValid(parent) else None
        while node is not None:
            if node is owner:
                return False  # the lock dialog's own message
            node = node.parent()
        return True

    def add(self, key: str, show: Callable[[], None]) -> None:
        if all(key != waiting for waiting, _show in self.waiting):  # a load failing again: said once
            self.waiting.append((key, show))


_held = _HeldMessages()


def hold_messages(owner: QWidget) -> None:
    """The screen is locked by ``owner`` (the lock dialog): from now on the error boxes of other windows
    wait for :func:`release_messages`; the owner's own boxes still show."""
    _held.owner = owner


def release_messages(show: bool = True) -> int:
    """The lock is gone: show the boxes that waited, one after another once the event loop runs again
    (``show`` false: the user logged out, they are only written to the log). How many waited."""
    waiting, _held.waiting = _held.waiting, []
    _held.owner = None
    if not show:
        for key, _show in waiting:
            logging.getLogger("motcua").warning("a message not shown (logged out at the lock): %s", key)
        return len(waiting)
    if waiting:

        def show_all() -> None:
            for _key, show_one in waiting:
                show_one()  # held again if the screen locked meanwhile

        QTimer.singleShot(0, show_all)
    return len(waiting)


def messages_held() -> int:
    """How many boxes are waiting for the unlock."""
    return len(_held.waiting)


def _alive(parent: QWidget | None) -> QWidget | None:
    return parent if parent is not None and shiboken6.isValid(parent) else None


def show_crash(parent: QWidget | None, details: str) -> None:
    """The crash dialog: what happened in one sentence, that nothing saved was lost, and the details."""
    sys.stderr.write(details)
    _crash_box(parent, details)


def _crash_box(parent: QWidget | None, details: str) -> None:
    if _held.holds(parent):
        _held.add(details, lambda: _crash_box(_alive(parent), details))
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "MotCua Desk",
        QCoreApplication.translate("errors", "Đã xảy ra lỗi không mong đợi."),
        parent=parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "errors", "Dữ liệu đã lưu không bị ảnh hưởng. Hãy gửi nội dung chi tiết cho quản trị viên."
        )
    )
    box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Tell the user about ``exc``: a warning for a domain error, the crash dialog for anything else (held
    until the unlock while the screen is locked)."""
    if isinstance(exc, DomainError):
        text = describe_error(exc)
        if _held.holds(parent):
            _held.add(f"{title or ''}: {text}", lambda: show_error(_alive(parent), exc, title))
            return
        QMessageBox.warning(parent, title or "MotCua Desk", text)
    else:
        show_crash(parent, details_of(exc))


def fit_height(window: QWidget) -> None:
    """Make a dialog tall enough for its word-wrapped lines at its present width (not every platform grows
    a window for a message shown in it)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    height = window.heightForWidth(window.width())
    if height > window.height():
        window.resize(window.width(), height)


class FieldMessages:
    """Error labels placed next to the fields of a form, keyed by the ``field`` a domain error names."""

    def __init__(self, general: QLabel) -> None:
        self._general = general
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        for label in (general,):
            _style(label)

    def add(self, field: str, widget: QWidget, label: QLabel) -> None:
        """Show errors about ``field`` in ``label`` and put the cursor in ``widget``."""
        _style(label)
        self._fields[field] = (widget, label)

    def clear(self) -> None:
        """Hide every message."""
        for label in (self._general, *(label for _, label in self._fields.values())):
            label.clear()
            label.hide()

    def show_text(self, field: str | None, text: str) -> None:
        """Show ``text`` next to ``field`` (or in the general place) and focus the field."""
        place = self._fields.get(field or "")
        label = place[1] if place else self._general
        label.setText(text)
        label.show()
        if place:
            place[0].setFocus()

    def show(self, exc: BaseException, parent: QWidget | None = None) -> bool:
        """Show a domain error next to its field (or in the general place); ``False`` for a bug, which
        goes to the crash dialog."""
        if not isinstance(exc, DomainError):
            show_crash(parent, details_of(exc))
            return False
        field = exc.params.get("field")
        self.show_text(field if isinstance(field, str) else None, describe_error(exc))
        return True


def _style(label: QLabel) -> None:
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    if not label.text():
        label.hide()

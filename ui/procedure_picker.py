"""Choosing a procedure by its code or words of its name, diacritics ignored ("dang ky kh", "1.001193").

A line edit with a popup list (a :class:`QCompleter` over a model this widget fills): each pause in typing
(150 ms) asks the catalogue on the database worker; Down/Up move in the list, Enter takes the highlighted
procedure, or the first one found when none is highlighted. The field shows "code — name" of the chosen
procedure; leaving it after typing something else puts the chosen one back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from records.services.catalog import ProcedureSummary
from ui.session import UiSession

SEARCH_DELAY_MS = 150
RESULT_LIMIT = 30
CodeRole = Qt.ItemDataRole.UserRole + 1


def display_text(code: str, name: str) -> str:
    """How a chosen procedure reads in the field."""
    return f"{code} — {name}"


class ProcedureLineEdit(QLineEdit):
    """The picker's field: leaving it puts the chosen procedure's text back."""

    left = Signal()
    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.down_pressed.emit()  # open the list of what was found
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # the list popping up is not leaving
            self.left.emit()


class ProcedurePicker(QWidget):
    """The field and its popup; :attr:`code` is the chosen procedure's code (``None`` until one is)."""

    procedure_chosen = Signal(str)  # the code; also emitted again when the same one is chosen again
    search_failed = Signal(object)  # the exception

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.code: str | None = None
        self.name = ""
        self._generation = 0
        self._answered = -1  # the generation of the results in the list
        self._pick_first = False  # Enter came before the results did

        self.edit = ProcedureLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Gõ mã hoặc tên thủ tục, ví dụ: khai sinh, 1.001193"))
        self.edit.setClearButtonEnabled(True)
        self.setFocusProxy(self.edit)
        self.results = QStandardItemModel(self)
        self.completer = QCompleter(self.results, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.edit)  # not setCompleter: the field's text is not a prefix filter
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._edited)
        self.edit.returnPressed.connect(self._enter)
        self.edit.left.connect(self._restore)
        self.edit.down_pressed.connect(self._open_list)
        self.completer.activated[QModelIndex].connect(self._activated)

    # -- searching ----------------------------------------------------------------------------------------

    def _edited(self, _text: str) -> None:
        self._generation += 1  # results for older text are stale from now on
        self._pick_first = False
        self._debounce.start()

    def search_now(self) -> None:
        """Ask the catalogue for the text in the field (the pause in typing is over, or Enter)."""
        self._debounce.stop()
        query = self.edit.text().strip()
        generation = self._generation
        if not query:
            self._show_results(generation, [])
            return
        catalog = self._session.services.catalog
        self._session.run(
            lambda: catalog.search(query, RESULT_LIMIT),
            lambda found: self._show_results(generation, found),
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self._pick_first = False
        self.search_failed.emit(exc)

    def _show_results(self, generation: int, found: list[ProcedureSummary]) -> None:
        if generation != self._generation:
            return
        self._answered = generation
        self.results.clear()
        for summary in found:
            item = QStandardItem(display_text(summary.code, summary.name))
            item.setData(summary.code, CodeRole)
            item.setData(summary.name, CodeRole + 1)
            item.setToolTip(f"{summary.code} — {summary.name} ({summary.field})")
            item.setEditable(False)
            self.results.appendRow(item)
        if self._pick_first:
            self._pick_first = False
            if found:
                self._choose(found[0].code, found[0].name)
            return
        popup = self.completer.popup()
        if found and self.edit.hasFocus():
            self.completer.complete()
            popup.setCurrentIndex(QModelIndex())  # nothing highlighted until Down
        else:
            popup.hide()

    def _open_list(self) -> None:
        if self.results.rowCount():
            self.completer.complete()
            popup = self.completer.popup()
            popup.setCurrentIndex(self.results.index(0, 0))
        elif self.edit.text().strip() and self.code is None:
            self.search_now()

    def result_count(self) -> int:
        """How many procedures the list holds."""
        return self.results.rowCount()

    def is_searching(self) -> bool:
        """Whether the list does not yet answer the text in the field."""
        return self._debounce.isActive() or self._answered != self._generation

    # -- choosing -----------------------------------------------------------------------------------------

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        code = index.data(CodeRole)
        if code:
            self._choose(str(code), str(index.data(CodeRole + 1) or ""))

    def _enter(self) -> None:
        popup = self.completer.popup()
        if (
            popup.isVisible()
        ):  # Enter reached the field with the list open: its highlighted line, or the first
            current = popup.currentIndex()
            if current.isValid():
                self._activated(current)
                return
        if self.code is not None and self.edit.text() == display_text(self.code, self.name):
            self.procedure_chosen.emit(self.code)  # Enter on the chosen one: move on
            return
        if not self.edit.text().strip():
            return
        if self.is_searching():
            self._pick_first = True
            self.search_now()
            return
        if self.results.rowCount():
            first = self.results.index(0, 0)
            self._choose(str(first.data(CodeRole)), str(first.data(CodeRole + 1)))

    def _choose(self, code: str, name: str) -> None:
        self.completer.popup().hide()
        self.set_procedure(code, name)
        self.procedure_chosen.emit(code)

    def set_procedure(self, code: str | None, name: str = "") -> None:
        """Show ``code`` as the chosen procedure (``None``: none), without telling anyone."""
        self._generation += 1
        self._debounce.stop()
        self._pick_first = False
        self.code = code
        self.name = name if code else ""
        self.edit.setText(display_text(code, name) if code else "")
        self.edit.setCursorPosition(0)

    def _restore(self) -> None:
        self._debounce.stop()
        self._pick_first = False
        self._generation += 1
        shown = display_text(self.code, self.name) if self.code else ""
        if self.edit.text() != shown and not self.completer.popup().isVisible():
            self.edit.setText(shown)
            self.edit.setCursorPosition(0)

    def listed_codes(self) -> list[Any]:
        """The codes in the popup list, in order."""
        return [self.results.index(row, 0).data(CodeRole) for row in range(self.results.rowCount())]

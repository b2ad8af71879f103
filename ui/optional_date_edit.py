"""A date field that may be left empty ("all dates"), with a calendar popup.

Qt's date edits always hold a date; this one keeps its minimum date as "no date" and shows a placeholder
text for it, opens its calendar on today's month while empty, and empties with Delete or Backspace when the
whole field is selected. Typing a digit or an arrow key in the empty field starts from today.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

NO_DATE = QDate(2000, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A :class:`QDateEdit` with an empty state."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(placeholder)
        self.setDate(NO_DATE)
        self.calendarWidget().installEventFilter(self)

    def value(self) -> date | None:
        """The chosen day, or ``None`` when empty."""
        chosen = self.date()
        return None if chosen == NO_DATE else chosen.toPython()  # type: ignore[return-value]

    def set_value(self, day: date | None) -> None:
        """Show ``day`` (``None``: empty)."""
        chosen = QDate(day.year, day.month, day.day) if day is not None else NO_DATE
        self.setDate(chosen if chosen > NO_DATE else NO_DATE)

    def clear_value(self) -> None:
        """Empty the field."""
        self.setDate(NO_DATE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.value() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.value() is None or self.lineEdit().selectedText() == self.lineEdit().text()
        ):
            self.clear_value()
            return
        if self.value() is None and (
            event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
            or event.text().isdigit()
        ):
            # Out of the empty state from the keyboard: start from today rather than from 2000.
            self.setDate(QDate.currentDate())
            self.setSelectedSection(QDateEdit.Section.DaySection)
            if not event.text().isdigit():
                return
        super().keyPressEvent(event)

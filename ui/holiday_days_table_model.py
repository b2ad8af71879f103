"""An editable list of named days (a year's days off, or its make-up working days) for the holidays tab.

Rows are plain ``(date, name)`` pairs while they are edited; the tab turns them into a
:class:`records.calendar.YearTable` (which validates them) when it saves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from records.calendar import NamedDay
from ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
WEEKEND_COLOUR = QColor("#6a1b9a")


class HolidayDaysTableModel(RowsTableModel):
    """Rows of (date, name), sorted by date when loaded; new rows go at the end."""

    COL_DATE, COL_WEEKDAY, COL_NAME = range(3)
    DateRole = Qt.ItemDataRole.UserRole + 1  # the row's date as a Python date

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[list[Any]] = []  # [date, name]
        self._headers = [self.tr("Ngày"), self.tr("Thứ"), self.tr("Tên ngày / lý do")]
        self._weekdays = [
            self.tr("Thứ Hai"),
            self.tr("Thứ Ba"),
            self.tr("Thứ Tư"),
            self.tr("Thứ Năm"),
            self.tr("Thứ Sáu"),
            self.tr("Thứ Bảy"),
            self.tr("Chủ nhật"),
        ]

    def set_days(self, days: Iterable[NamedDay]) -> None:
        """Show ``days`` (replacing the rows)."""
        self.beginResetModel()
        self._rows = [[d.date, d.name] for d in sorted(days, key=lambda d: d.date)]
        self.endResetModel()

    def days(self) -> list[tuple[date, str]]:
        """The rows as entered (not validated)."""
        return [(day, name) for day, name in self._rows]

    def add_day(self, day: date, name: str = "") -> int:
        """Append a row; returns its number."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([day, name])
        self.endInsertRows()
        return row

    def remove_day(self, row: int) -> None:
        """Delete row ``row``."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    # -- Qt model API ------------------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != self.COL_WEEKDAY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        day, name = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_DATE:
                return f"{day:%d/%m/%Y}"
            if column == self.COL_WEEKDAY:
                return self._weekdays[day.weekday()]
            return name
        if role == Qt.ItemDataRole.EditRole:
            if column == self.COL_DATE:
                return QDate(day.year, day.month, day.day)
            if column == self.COL_NAME:
                return name
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_WEEKDAY and day.weekday() >= 5:
            return QBrush(WEEKEND_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_NAME and name:
            return name
        if role == self.DateRole:
            return day
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.row() >= len(self._rows):
            return False
        row = self._rows[index.row()]
        if index.column() == self.COL_DATE:
            if isinstance(value, QDate) and value.isValid():
                row[0] = date(value.year(), value.month(), value.day())
            elif isinstance(value, date):
                row[0] = value
            else:
                return False
            first = self.index(index.row(), self.COL_DATE)
            self.dataChanged.emit(first, self.index(index.row(), self.COL_WEEKDAY))
            return True
        if index.column() == self.COL_NAME and isinstance(value, str):
            row[1] = value
            self.dataChanged.emit(index, index)
            return True
        return False

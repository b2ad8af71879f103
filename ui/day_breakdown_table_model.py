"""The day's figures broken down by clerk or by procedure (received, returned, overdue), for the day page.

A day has a few dozen rows at most, so the model holds them all; a :class:`QSortFilterProxyModel` sorts
them on :attr:`DayBreakdownTableModel.SortRole` (numbers as numbers).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from records.text import fold
from records.users import SYSTEM_USERNAME
from ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
BreakdownKind = Literal["clerk", "procedure"]
OVERDUE_COLOUR = QColor("#c62828")


class DayFigures(Protocol):
    """What a row needs (``ClerkDay`` and ``ProcedureDay`` of ``services.reports.day`` both have it)."""

    received: int
    returned: int
    overdue: int


class DayBreakdownTableModel(RowsTableModel):
    """One row per clerk (``kind="clerk"``) or per procedure (``kind="procedure"``)."""

    COL_NAME, COL_RECEIVED, COL_RETURNED, COL_OVERDUE = range(4)
    SortRole = Qt.ItemDataRole.UserRole + 1  # the value to sort on: folded name or the count
    RowRole = Qt.ItemDataRole.UserRole + 2  # the row object (ClerkDay or ProcedureDay)

    def __init__(self, kind: BreakdownKind) -> None:
        super().__init__()
        self.kind = kind
        self._rows: list[Any] = []
        self._headers = [
            self.tr("Cán bộ tiếp nhận") if kind == "clerk" else self.tr("Thủ tục"),
            self.tr("Tiếp nhận"),
            self.tr("Đã trả"),
            self.tr("Quá hạn"),
        ]

    def set_rows(self, rows: Sequence[DayFigures]) -> None:
        """Show ``rows`` (replacing what was shown)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int) -> Any:
        """The ``ClerkDay`` or ``ProcedureDay`` on ``row``."""
        return self._rows[row]

    def name_of(self, row: Any) -> str:
        """The row's name as shown: the clerk's full name, or the procedure's name."""
        if self.kind == "clerk":
            if row.full_name:
                return str(row.full_name)
            if row.username == SYSTEM_USERNAME:
                return self.tr("Hệ thống (nhập bằng dòng lệnh)")
            return self.tr("Không rõ cán bộ")
        return str(row.name)

    # -- Qt model API ------------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.name_of(row) if column == self.COL_NAME else str(self._count(row, column))
        if role == self.SortRole:
            return fold(self.name_of(row)) if column == self.COL_NAME else self._count(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_NAME:
            if self.kind == "clerk":
                return f"{self.name_of(row)} ({row.username})" if row.username else self.name_of(row)
            return f"{row.code} — {row.name}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_OVERDUE and row.overdue:
            return QBrush(OVERDUE_COLOUR)
        if role == self.RowRole:
            return row
        return None

    def _count(self, row: DayFigures, column: int) -> int:
        if column == self.COL_RECEIVED:
            return int(row.received)
        if column == self.COL_RETURNED:
            return int(row.returned)
        return int(row.overdue)

"""The procedure catalogue as a table (code, name, field, processing time of the version in force), and a
proxy that filters it by words typed in any order, diacritics ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from records.calendar import ProcessingTime
from records.errors import CatalogError
from records.procedures import Procedure, ProcedureVersion, search_key
from records.text import fold
from ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
NOT_IN_FORCE_COLOUR = QColor("#9e9e9e")


def processing_time_text(value: ProcessingTime) -> str:
    """``3 ngày làm việc``, ``8 giờ làm việc``, ``Trong ngày (nhận trước 15:00)``."""
    amount = f"{value.amount:g}".replace(".", ",")
    if value.kind == "working_days":
        return QCoreApplication.translate("catalog", "{0} ngày làm việc").format(amount)
    if value.kind == "working_hours":
        return QCoreApplication.translate("catalog", "{0} giờ làm việc").format(amount)
    return QCoreApplication.translate("catalog", "Trong ngày (nhận trước {0})").format(
        value.cutoff.strftime("%H:%M")
    )


class ProcedureCatalogTableModel(RowsTableModel):
    """One row per procedure."""

    COL_CODE, COL_NAME, COL_FIELD, COL_TIME, COL_SINCE = range(5)
    SearchRole = Qt.ItemDataRole.UserRole + 1  # the row's folded code, name and field
    ProcedureRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, today: date) -> None:
        super().__init__()
        self._today = today
        self._rows: list[tuple[Procedure, ProcedureVersion | None, str]] = []
        self._headers = [
            self.tr("Mã thủ tục"),
            self.tr("Tên thủ tục"),
            self.tr("Lĩnh vực"),
            self.tr("Thời hạn giải quyết"),
            self.tr("Áp dụng từ"),
        ]

    def set_procedures(self, procedures: Sequence[Procedure]) -> None:
        """Show ``procedures`` (replacing the rows)."""
        self.beginResetModel()
        self._rows = [(p, _in_force(p, self._today), search_key(p)) for p in procedures]
        self.endResetModel()

    def procedure(self, row: int) -> Procedure:
        """The procedure on ``row``."""
        return self._rows[row][0]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        procedure, version, key = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(procedure, version, column)
        if role == Qt.ItemDataRole.ForegroundRole and version is None:
            return QBrush(NOT_IN_FORCE_COLOUR)
        if role == self.SearchRole:
            return key
        if role == self.ProcedureRole:
            return procedure
        return None

    def _display(self, procedure: Procedure, version: ProcedureVersion | None, column: int) -> str:
        if column == self.COL_CODE:
            return procedure.code
        if column == self.COL_NAME:
            return procedure.name
        if column == self.COL_FIELD:
            return procedure.field
        if version is None:
            return self.tr("Không còn hiệu lực") if column == self.COL_TIME else ""
        if column == self.COL_TIME:
            return processing_time_text(version.processing_time)
        return f"{version.effective_from:%d/%m/%Y}"


class ProcedureFilterProxyModel(QSortFilterProxyModel):
    """Keeps the rows whose code, name or field contain every word typed (diacritics ignored)."""

    def __init__(self) -> None:
        super().__init__()
        self._words: list[str] = []

    def set_search(self, text: str) -> None:
        """Filter by the words of ``text``."""
        if hasattr(self, "endFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._words = fold(text).split()
            self.endFilterChange()
        else:
            self._words = fold(text).split()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        key = model.index(source_row, 0, source_parent).data(ProcedureCatalogTableModel.SearchRole) or ""
        return all(word in key for word in self._words)


def _in_force(procedure: Procedure, today: date) -> ProcedureVersion | None:
    try:
        return procedure.version_at(today)
    except CatalogError:
        return None

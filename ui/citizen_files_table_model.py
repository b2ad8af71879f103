"""A returning citizen's previous files, as the intake screen lists them under the citizen's particulars.

Few rows (the lookup returns the latest twenty at most), so they are set all at once; the due date and the
timing are coloured as in the file list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from records.clock import local
from records.files import FileSummary
from ui.files_table_model import TIMING_COLOURS
from ui.labels import status_label, timing_label
from ui.table_model import RowsTableModel

ModelIndex = QModelIndex | QPersistentModelIndex


class CitizenFilesTableModel(RowsTableModel):
    """Rows of :class:`FileSummary`: code, procedure, received, status."""

    COL_CODE, COL_PROCEDURE, COL_RECEIVED, COL_STATUS = range(4)
    SummaryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FileSummary] = []
        self._headers = [
            self.tr("Mã hồ sơ"),
            self.tr("Thủ tục"),
            self.tr("Ngày nhận"),
            self.tr("Trạng thái"),
        ]

    def set_files(self, files: Sequence[FileSummary]) -> None:
        """Show ``files`` (newest first, as the lookup gives them)."""
        self.beginResetModel()
        self._rows = list(files)
        self.endResetModel()

    def clear(self) -> None:
        """No rows."""
        self.set_files(())

    def summary(self, row: int) -> FileSummary:
        """The file on ``row``."""
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.procedure_code} — {row.procedure_name}\n{status_label(row.status)}"
            if row.due_at is not None:
                tip += "\n" + self.tr("Hẹn trả: {0}").format(local(row.due_at).strftime("%d/%m/%Y %H:%M"))
            return f"{tip} ({timing_label(row.timing)})"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATUS:
            colour = TIMING_COLOURS.get(row.timing)
            return QBrush(colour) if colour else None
        if role == self.SummaryRole:
            return row
        return None

    def _display(self, row: FileSummary, column: int) -> str:
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_PROCEDURE:
            return row.procedure_name
        if column == self.COL_RECEIVED:
            return local(row.received_at).strftime("%d/%m/%Y")
        if column == self.COL_STATUS:
            return status_label(row.status)
        return ""

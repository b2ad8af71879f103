"""The documents received with a file: name and the number of originals, certified copies and photocopies."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from records.files import DocumentView
from ui.table_model import RowsTableModel

DocumentIndex = QModelIndex | QPersistentModelIndex


class FileDocumentsTableModel(RowsTableModel):
    """Rows of :class:`DocumentView`, in the order they were received."""

    COL_NUMBER, COL_NAME, COL_ORIGINALS, COL_CERTIFIED, COL_PHOTOCOPIES = range(5)
    DocumentRole = Qt.ItemDataRole.UserRole + 1
    COUNT_COLUMNS = (COL_ORIGINALS, COL_CERTIFIED, COL_PHOTOCOPIES)

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[DocumentView, ...] = ()
        self._headers = [
            self.tr("STT"),
            self.tr("Tên giấy tờ"),
            self.tr("Bản chính"),
            self.tr("Bản sao CT"),
            self.tr("Bản chụp"),
        ]
        self._header_tips = [
            self.tr("Số thứ tự"),
            None,
            None,
            self.tr("Bản sao có chứng thực"),
            self.tr("Bản chụp, bản photo"),
        ]

    def set_documents(self, documents: tuple[DocumentView, ...]) -> None:
        """Show ``documents``."""
        self.beginResetModel()
        self._rows = tuple(documents)
        self.endResetModel()

    def data(self, index: DocumentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        document = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NUMBER:
                return str(index.row() + 1)
            if column == self.COL_NAME:
                return document.name
            count = {
                self.COL_ORIGINALS: document.originals,
                self.COL_CERTIFIED: document.certified_copies,
                self.COL_PHOTOCOPIES: document.photocopies,
            }.get(column, 0)
            return str(count) if count else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_NAME:
            return document.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.COL_NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == self.DocumentRole:
            return document
        return None

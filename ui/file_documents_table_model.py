"""The documents received with a file: name and the number of originals, certified copies and photocopies."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from records.files import DocumentView

DocumentIndex = QModelIndex | QPersistentModelIndex


class FileDocumentsTableModel(QAbstractTableModel):
    """Rows of :class:`DocumentView`, in the order they were received."""

    COL_NUMBER, COL_NAME, COL_ORIGINALS, COL_CERTIFIED, COL_PHOTOCOPIES = range(5)
    DocumentRole = Qt.ItemDataRole.UserRole + 1
    COUNT_COLUMNS = (COL_ORIGINALS, COL_CERTIFIED, COL_PHOTOCOPIES)

    def __init__(self) -> None:
        super().__init__()
        self._documents: tuple[DocumentView, ...] = ()
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
        self._documents = tuple(documents)
        self.endResetModel()

    def rowCount(self, parent: DocumentIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: DocumentIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips[section]
        return None

    def data(self, index: DocumentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._documents):
            return None
        document = self._documents[index.row()]
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

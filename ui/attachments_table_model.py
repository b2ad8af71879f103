"""A file's digitised documents: name, pages, size, how it came in, when and by whom."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from records.attachments import AttachmentSource, AttachmentView
from ui.labels import decimal_text, number_text
from ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
DATE_TIME = "%d/%m/%Y %H:%M"


class AttachmentsTableModel(RowsTableModel):
    """Rows of :class:`AttachmentView`, in the file's order."""

    COL_NUMBER, COL_NAME, COL_PAGES, COL_SIZE, COL_SOURCE, COL_ADDED = range(6)
    AttachmentRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[AttachmentView] = []
        self._headers = [
            self.tr("STT"),
            self.tr("Tài liệu"),
            self.tr("Số trang"),
            self.tr("Dung lượng"),
            self.tr("Nguồn"),
            self.tr("Thêm lúc"),
        ]
        self._header_tips = [
            self.tr("Số thứ tự"),
            self.tr("Tên tài liệu (thành phần hồ sơ)"),
            None,
            None,
            self.tr("Quét, chụp, nhập tệp hay dùng lại tài liệu đã số hóa trước đây"),
            None,
        ]

    def set_attachments(self, attachments: list[AttachmentView]) -> None:
        """Show ``attachments``."""
        self.beginResetModel()
        self._rows = list(attachments)
        self.endResetModel()

    def attachment(self, row: int) -> AttachmentView | None:
        """The document shown in ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def source_label(self, source: AttachmentSource) -> str:
        """How a document came in, in words."""
        return {
            AttachmentSource.SCAN: self.tr("Quét"),
            AttachmentSource.CAMERA: self.tr("Máy ảnh"),
            AttachmentSource.IMPORT: self.tr("Nhập tệp"),
            AttachmentSource.REUSE: self.tr("Dùng lại"),
        }[source]

    def size_label(self, size: int) -> str:
        """``1,2 MB`` / ``85 KB``."""
        if size >= 1024 * 1024:
            return self.tr("{0} MB").format(decimal_text(size / 1024 / 1024))
        return self.tr("{0} KB").format(number_text(max(1, round(size / 1024))))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.COL_NUMBER: str(index.row() + 1),
                self.COL_NAME: item.name,
                self.COL_PAGES: str(item.pages),
                self.COL_SIZE: self.size_label(item.size),
                self.COL_SOURCE: self.source_label(item.source),
                self.COL_ADDED: item.created_at.astimezone().strftime(DATE_TIME)
                + (f" · {item.created_by}" if item.created_by else ""),
            }.get(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_NAME:
                lines = [item.name]
                if item.original_name:
                    lines.append(self.tr("Tệp gốc: {0}").format(item.original_name))
                if item.warnings:
                    lines.append(self.tr("Cảnh báo đã bỏ qua: {0}").format(", ".join(item.warnings)))
                return "\n".join(lines)
            if column == self.COL_SOURCE and item.reused:
                return self.tr("Dùng lại tài liệu đã số hóa của công dân (không phải nộp lại)")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_NAME and item.warnings:
            return QColor("#a15c00")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.COL_NUMBER, self.COL_PAGES):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.AttachmentRole:
            return item
        return None

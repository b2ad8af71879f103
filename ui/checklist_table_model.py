"""The document checklist of the intake screen: what the procedure asks for, what the citizen handed over.

One line per :class:`~records.procedures.RequiredDocument` of the procedure version in force, pre-filled
with the counts the procedure asks for, plus lines the clerk adds for papers the checklist does not name.
The clerk ticks each line received and corrects the counts; mandatory lines left unticked are what makes a
file incomplete (they are what Mẫu 02 lists as missing). The last column says whether the paper has been
digitized (scanned now, or reused from an earlier file): what the gate before the receipt checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from records.attachments import covers
from records.procedures import RequiredDocument
from ui.table_model import RowsTableModel

ModelIndex = QModelIndex | QPersistentModelIndex

MAX_COUNT = 999  # what the registration accepts for one kind of copy
MISSING_COLOUR = QColor("#c62828")
EXTRA_COLOUR = QColor("#1565c0")
DIGITISED_COLOUR = QColor("#2e7d32")
Item = tuple[str | None, str]  # a checklist item or what a document stands for: (code, name)


@dataclass
class ChecklistLine:
    """One line of the checklist (mutable: the clerk edits it)."""

    name: str
    code: str | None
    originals: int
    certified_copies: int
    photocopies: int
    mandatory: bool
    note: str | None = None
    received: bool = False
    extra: bool = False  # added by the clerk, not in the procedure's checklist
    digitised: str = ""  # "scanned", "reused" or "" (not yet)

    @property
    def copies(self) -> int:
        """How many papers of any kind."""
        return self.originals + self.certified_copies + self.photocopies

    def to_json(self) -> dict[str, Any]:
        """The line as a ``documents`` entry of a registration."""
        return {
            "name": self.name,
            "code": self.code,
            "originals": self.originals,
            "certified_copies": self.certified_copies,
            "photocopies": self.photocopies,
        }


class ChecklistTableModel(RowsTableModel):
    """The checklist lines; the received column is checkable, the counts editable (0–999)."""

    COL_RECEIVED, COL_NAME, COL_ORIGINALS, COL_CERTIFIED, COL_PHOTOCOPIES, COL_DIGITISED = range(6)
    COUNT_COLUMNS = (COL_ORIGINALS, COL_CERTIFIED, COL_PHOTOCOPIES)
    LineRole = Qt.ItemDataRole.UserRole + 1
    _ATTRIBUTES: ClassVar[dict[int, str]] = {
        COL_ORIGINALS: "originals",
        COL_CERTIFIED: "certified_copies",
        COL_PHOTOCOPIES: "photocopies",
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ChecklistLine] = []
        self._headers = [
            self.tr("Đã nhận"),
            self.tr("Tên giấy tờ"),
            self.tr("Bản chính"),
            self.tr("Bản sao CT"),
            self.tr("Bản chụp"),
            self.tr("Bản số"),
        ]
        self._header_tips = [
            self.tr("Đánh dấu giấy tờ công dân đã nộp (phím cách)"),
            self.tr("Giấy tờ theo thành phần hồ sơ của thủ tục; chữ đậm là giấy tờ bắt buộc"),
            self.tr("Số bản chính"),
            self.tr("Số bản sao có chứng thực"),
            self.tr("Số bản chụp (photo)"),
            self.tr("Đã số hóa (quét hoặc dùng lại bản số của hồ sơ trước)"),
        ]

    # -- content -----------------------------------------------------------------------------------------

    def set_documents(self, documents: Sequence[RequiredDocument]) -> None:
        """Show the checklist of a procedure version, nothing ticked yet, counts as required."""
        self.beginResetModel()
        self._rows = [
            ChecklistLine(
                name=d.name,
                code=d.code,
                originals=d.originals,
                certified_copies=d.certified_copies,
                photocopies=d.photocopies,
                mandatory=d.mandatory,
                note=d.note,
            )
            for d in documents
        ]
        self.endResetModel()

    def clear(self) -> None:
        """No lines (no procedure chosen)."""
        self.set_documents(())

    def add_extra(self, name: str = "") -> int:
        """Add a received paper the checklist does not name (one original); returns its row."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(
            ChecklistLine(
                name=name,
                code=None,
                originals=1,
                certified_copies=0,
                photocopies=0,
                mandatory=False,
                received=True,
                extra=True,
            )
        )
        self.endInsertRows()
        return row

    def remove_extra(self, row: int) -> bool:
        """Remove a line the clerk added (the procedure's own lines stay); ``True`` when removed."""
        if not 0 <= row < len(self._rows) or not self._rows[row].extra:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    def receive_all_mandatory(self) -> None:
        """Tick every mandatory line (the citizen brought the complete file)."""
        for row, line in enumerate(self._rows):
            if line.mandatory and not line.received:
                self.setData(
                    self.index(row, self.COL_RECEIVED), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
                )

    def set_digitised(self, scanned: Sequence[Item], reused: Sequence[Item]) -> None:
        """Mark each line a scanned or reused document ((checklist code, name) pairs) stands for."""
        changed = False
        for line in self._rows:
            mark = "reused" if _stands_for(line, reused) else ""
            if _stands_for(line, scanned):
                mark = "scanned"
            changed |= mark != line.digitised
            line.digitised = mark
        if changed:
            column = self.COL_DIGITISED
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def tick(self, code: str | None, name: str) -> None:
        """Tick as received the line the item (code, name) stands for (a document reused for it)."""
        for row, line in enumerate(self._rows):
            if not line.received and covers(code, name, line.code, line.name):
                self.setData(
                    self.index(row, self.COL_RECEIVED), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
                )

    def line(self, row: int) -> ChecklistLine:
        """The line on ``row``."""
        return self._rows[row]

    def lines(self) -> list[ChecklistLine]:
        """Every line, in order."""
        return list(self._rows)

    def received_lines(self) -> list[ChecklistLine]:
        """The lines ticked as received, in order: the documents of the registration."""
        return [line for line in self._rows if line.received]

    def missing_mandatory(self) -> list[ChecklistLine]:
        """Mandatory lines not ticked: what makes the file incomplete."""
        return [line for line in self._rows if line.mandatory and not line.received]

    # -- Qt model API ------------------------------------------------------------------------------------

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if column == self.COL_RECEIVED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif column in self.COUNT_COLUMNS or (column == self.COL_NAME and self._rows[index.row()].extra):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        line = self._rows[index.row()]
        column = index.column()
        if role == self.LineRole:
            return line
        if column == self.COL_RECEIVED:
            return self._received_data(line, role)
        if column == self.COL_NAME:
            return self._name_data(line, role)
        if column == self.COL_DIGITISED:
            return self._digitised_data(line, role)
        if column in self.COUNT_COLUMNS:
            value = getattr(line, self._ATTRIBUTES[column])
            if role == Qt.ItemDataRole.DisplayRole:
                return str(value) if value else "–"
            if role == Qt.ItemDataRole.EditRole:
                return value
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _received_data(self, line: ChecklistLine, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if line.received else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if line.extra:
                return self.tr("khác")
            return self.tr("bắt buộc") if line.mandatory else ""
        if role == Qt.ItemDataRole.ForegroundRole and line.mandatory and not line.received:
            return QBrush(MISSING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if line.mandatory and not line.received:
                return self.tr("Giấy tờ bắt buộc chưa nhận")
            return None
        return None

    def _digitised_data(self, line: ChecklistLine, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {"scanned": self.tr("✓ đã quét"), "reused": self.tr("✓ dùng lại")}.get(line.digitised, "–")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and line.digitised:
            return QBrush(DIGITISED_COLOUR)
        return None

    def _name_data(self, line: ChecklistLine, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return line.name or self.tr("(nhập tên giấy tờ)")
        if role == Qt.ItemDataRole.EditRole:
            return line.name
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [line.name]
            if line.mandatory:
                parts.append(self.tr("Bắt buộc."))
            if line.note:
                parts.append(line.note)
            return "\n".join(part for part in parts if part)
        if role == Qt.ItemDataRole.FontRole and line.mandatory:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.mandatory and not line.received:
                return QBrush(MISSING_COLOUR)
            if line.extra:
                return QBrush(EXTRA_COLOUR)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self._rows):
            return False
        line = self._rows[index.row()]
        column = index.column()
        row = index.row()
        if column == self.COL_RECEIVED and role == Qt.ItemDataRole.CheckStateRole:
            line.received = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == self.COL_NAME and line.extra:
            line.name = " ".join(str(value).split())
            self.dataChanged.emit(index, index)
            return True
        if column in self.COUNT_COLUMNS:
            try:
                count = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= count <= MAX_COUNT:
                return False
            setattr(line, self._ATTRIBUTES[column], count)
            if count and not line.received:
                line.received = True  # a count typed for a paper means the paper is there
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return True
        return False


def _stands_for(line: ChecklistLine, items: Sequence[Item]) -> bool:
    return any(covers(code, name, line.code, line.name) for code, name in items)


class CountDelegate(QStyledItemDelegate):
    """Counts are edited with a spin box from 0 to 999 (the default editor would allow negatives)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        if index.column() in ChecklistTableModel.COUNT_COLUMNS:
            editor = QSpinBox(parent)
            editor.setRange(0, MAX_COUNT)
            editor.setFrame(False)
            editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return editor
        return super().createEditor(parent, option, index)

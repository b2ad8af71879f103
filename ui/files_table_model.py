"""The file list's table model: pages of rows fetched on the database worker, never all at once.

``canFetchMore``/``fetchMore`` pull the next page when the view scrolls near the end; filtering and sorting
happen in SQL (the service's :class:`FileQuery`), so a million files open as fast as fifty.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from records.clock import local
from records.files import FileQuery, FileSummary
from ui.labels import status_label, timing_label
from ui.tasks import DatabaseWorker

PAGE_SIZE = 200
FileIndex = QModelIndex | QPersistentModelIndex

TIMING_COLOURS = {
    "overdue": QColor("#c62828"),
    "late": QColor("#c62828"),
    "due_today": QColor("#e65100"),
    "paused": QColor("#6a1b9a"),
    "early": QColor("#2e7d32"),
    "on_time": QColor("#2e7d32"),
}


class FilesTableModel(QAbstractTableModel):
    """Rows of :class:`FileSummary`, loaded page by page."""

    COL_CODE, COL_PROCEDURE, COL_OWNER, COL_ID, COL_STATUS, COL_RECEIVED, COL_DUE, COL_TIMING = range(8)
    SummaryRole = Qt.ItemDataRole.UserRole + 1

    loading_changed = Signal(bool)
    load_failed = Signal(object)

    def __init__(self, worker: DatabaseWorker, list_files: Any) -> None:
        super().__init__()
        self._worker = worker
        self._list_files = list_files
        self._rows: list[FileSummary] = []
        self._query = FileQuery(limit=PAGE_SIZE)
        self._exhausted = False
        self._loading = False
        self._generation = 0
        self._closed = False
        self._headers = [
            self.tr("Mã hồ sơ"),
            self.tr("Thủ tục"),
            self.tr("Chủ hồ sơ"),
            self.tr("Số định danh"),
            self.tr("Trạng thái"),
            self.tr("Ngày nhận"),
            self.tr("Hẹn trả"),
            self.tr("Tiến độ"),
        ]

    # -- loading -----------------------------------------------------------------------------------------

    def set_query(self, query: FileQuery) -> None:
        """Show the files matching ``query`` (starts again from the first page)."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._loading = False
        self._query = replace(query, limit=PAGE_SIZE, offset=0)
        self.endResetModel()
        self._load_page()

    def is_loading(self) -> bool:
        """Whether a page is on its way."""
        return self._loading

    def refresh(self) -> None:
        """Reload with the current query."""
        self.set_query(self._query)

    def shutdown(self) -> None:
        """Stop asking for pages and drop the answers still on their way (the window is closing)."""
        self._closed = True
        self._generation += 1
        self._loading = False

    def _load_page(self) -> None:
        if self._loading or self._exhausted or self._closed:
            return
        self._loading = True
        self.loading_changed.emit(True)
        query = replace(self._query, offset=len(self._rows))
        generation = self._generation
        self._worker.submit(
            lambda: self._list_files(query),
            lambda rows: self._page_loaded(generation, rows),
            lambda exc: self._page_failed(generation, exc),
        )

    def _page_loaded(self, generation: int, rows: list[FileSummary]) -> None:
        if generation != self._generation:
            return  # an answer to a query the user has since replaced
        # Still "loading" while the rows go in: views (and Qt's model tester) may call fetchMore from the
        # insertion signals, and the next page's offset must count these rows.
        if len(rows) < PAGE_SIZE:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._loading = False
        self.loading_changed.emit(False)

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = True
        self.loading_changed.emit(False)
        self.load_failed.emit(exc)

    # -- Qt model API ------------------------------------------------------------------------------------

    def rowCount(self, parent: FileIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: FileIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: FileIndex) -> bool:
        return not parent.isValid() and not self._exhausted and not self._closed

    def fetchMore(self, parent: FileIndex) -> None:
        if not parent.isValid():
            self._load_page()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: FileIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            self.COL_PROCEDURE,
            self.COL_OWNER,
            self.COL_STATUS,
        ):
            return self._display(row, column)  # the whole text where the column may elide it
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.COL_DUE, self.COL_TIMING):
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
        if column == self.COL_OWNER:
            return row.owner_name
        if column == self.COL_ID:
            return row.owner_id_number or ""
        if column == self.COL_STATUS:
            return status_label(row.status)
        if column == self.COL_RECEIVED:
            return local(row.received_at).strftime("%d/%m/%Y %H:%M")
        if column == self.COL_DUE:
            return local(row.due_at).strftime("%d/%m/%Y %H:%M") if row.due_at else ""
        if column == self.COL_TIMING:
            return timing_label(row.timing)
        return ""

    def summary(self, row: int) -> FileSummary:
        """The file shown on ``row``."""
        return self._rows[row]

"""The file list's table model: pages of rows fetched on the database worker, never all at once.

``canFetchMore``/``fetchMore`` pull the next page when the view scrolls near the end; filtering and sorting
happen in SQL (the service's :class:`FileQuery`: :meth:`FilesTableModel.sort` re-queries, it never sorts
rows in Python), so a million files open as fast as fifty. The total number of matching files is counted on
the worker after the first page, and only when the first page is full.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from records.clock import local
from records.files import FileQuery, FileSummary, SortKey
from ui.labels import status_label, timing_label
from ui.table_model import PagedTableModel
from ui.tasks import DatabaseWorker

PAGE_SIZE = 200
FileIndex = QModelIndex | QPersistentModelIndex
ListFiles = Callable[[FileQuery], list[FileSummary]]
CountFiles = Callable[[FileQuery], int]

# Text colours of the due date and the timing; each keeps a contrast of at least 4.5:1 (WCAG AA) on the
# table's white and alternate rows. Selected rows are drawn in the palette's highlighted text instead.
TIMING_COLOURS = {
    "overdue": QColor("#b71c1c"),
    "late": QColor("#b71c1c"),
    "due_today": QColor("#a84300"),
    "paused": QColor("#6a1b9a"),
    "early": QColor("#2e7d32"),
    "on_time": QColor("#2e7d32"),
}
# The timings drawn in bold: the ones a clerk must act on today.
URGENT_TIMINGS = frozenset({"overdue", "due_today"})


class FilesTableModel(PagedTableModel):
    """Rows of :class:`FileSummary`, loaded page by page."""

    COL_CODE, COL_PROCEDURE, COL_OWNER, COL_ID, COL_STATUS, COL_RECEIVED, COL_DUE, COL_TIMING = range(8)
    SummaryRole = Qt.ItemDataRole.UserRole + 1

    # The columns the store can sort on, and the ``FileQuery.order_by`` key of each.
    SORT_KEYS: ClassVar[dict[int, SortKey]] = {
        COL_CODE: "code",
        COL_PROCEDURE: "procedure",
        COL_OWNER: "owner",
        COL_STATUS: "status",
        COL_RECEIVED: "received",
        COL_DUE: "due",
    }
    # The order a first click on a header gives: newest first for the received date and the code (codes
    # carry the day), the most urgent first for the due date, alphabetical for the rest.
    FIRST_ORDER: ClassVar[dict[int, Qt.SortOrder]] = {
        COL_CODE: Qt.SortOrder.DescendingOrder,
        COL_RECEIVED: Qt.SortOrder.DescendingOrder,
        COL_DUE: Qt.SortOrder.AscendingOrder,
    }

    total_changed = Signal(object)  # the number of matching files, or None while it is being counted

    def __init__(
        self, worker: DatabaseWorker, list_files: ListFiles, count_files: CountFiles | None = None
    ) -> None:
        super().__init__(worker, list_files, FileQuery(), PAGE_SIZE, fetch_before_query=True)
        self._count_files = count_files
        self._total: int | None = None
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

    def query(self) -> FileQuery:
        """The query the rows answer (its order included)."""
        query: FileQuery = self._query
        return query

    def total(self) -> int | None:
        """How many files match the query; ``None`` until known (counting, or no count function)."""
        return self._total

    def _query_changed(self) -> None:
        self._set_total(None)

    def _first_page_in(self, generation: int) -> None:
        """After the first page: a short list is its own count; a full page asks the store (in SQL)."""
        if self._exhausted:
            self._set_total(len(self._rows))
        elif self._count_files is not None:
            query = self._query
            count = self._count_files
            self._worker.submit(
                lambda: count(query),
                lambda total: self._set_total(total) if generation == self._generation else None,
                lambda exc: self._page_failed(generation, exc),
            )

    def _set_total(self, total: int | None) -> None:
        if total != self._total:
            self._total = total
            self.total_changed.emit(total)

    # -- sorting -----------------------------------------------------------------------------------------

    def is_sortable(self, column: int) -> bool:
        """Whether the store can sort on ``column``."""
        return column in self.SORT_KEYS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reload sorted by ``column`` in SQL (-1: the store's own order, newest first); a column the store
        cannot sort on is ignored."""
        key: SortKey | None
        if column < 0:
            key = None
        elif column in self.SORT_KEYS:
            key = self.SORT_KEYS[column]
        else:
            return
        descending = order == Qt.SortOrder.DescendingOrder if key is not None else True
        self.set_query(replace(self._query, order_by=key, descending=descending))

    def sort_column(self) -> int:
        """The column the rows are sorted on; -1 for the store's own order."""
        key = self._query.order_by
        return next((column for column, name in self.SORT_KEYS.items() if name == key), -1)

    # -- Qt model API ------------------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.InitialSortOrderRole and section in self.SORT_KEYS:
            return self.FIRST_ORDER.get(section, Qt.SortOrder.AscendingOrder)
        if role == Qt.ItemDataRole.ToolTipRole:
            if section in self.SORT_KEYS:
                return self.tr("Bấm để sắp xếp theo cột này; bấm lần nữa để đảo chiều")
            return self.tr("Không sắp xếp được theo cột này")
        return None

    def data(self, index: FileIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (self.COL_DUE, self.COL_TIMING):
                return self._timing_tip(row)
            if column in (self.COL_PROCEDURE, self.COL_OWNER, self.COL_STATUS):
                return self._display(row, column)  # the whole text where the column may elide it
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.COL_DUE, self.COL_TIMING):
            colour = TIMING_COLOURS.get(row.timing)
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.FontRole and column == self.COL_TIMING and row.timing in URGENT_TIMINGS:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.SummaryRole:
            return row
        return None

    def _timing_tip(self, row: FileSummary) -> str:
        if row.due_at is None:
            return timing_label(row.timing)
        return self.tr("Hẹn trả {0} — {1}").format(
            local(row.due_at).strftime("%d/%m/%Y %H:%M"), timing_label(row.timing)
        )

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

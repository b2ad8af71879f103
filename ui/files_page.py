"""The file list (Danh sách hồ sơ): one search box, filters, and a paging table over the whole store.

Every database call goes through the worker thread; sorting and filtering happen in SQL.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from records.errors import DomainError
from records.files import FileQuery
from records.workflow import Status
from ui.files_table_model import FilesTableModel
from ui.labels import error_message, status_label, timing_label
from ui.session import UiSession

SEARCH_DELAY_MS = 250


class FilesPage(QWidget):
    """The file list page."""

    open_file_requested = Signal(str)  # a file code

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        services, worker = session.services, session.worker

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Tìm theo mã hồ sơ, số định danh, số điện thoại hoặc họ tên (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Tất cả trạng thái"), None)
        for status in Status:
            self.status_filter.addItem(status_label(status), int(status))

        self.model = FilesTableModel(worker, services.files.list)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line per file; long names are elided, the tooltip has them whole
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self._size_columns()

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Tìm:")))
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter, 1)
        self.status_label = QLabel()
        self.status_label.setContentsMargins(6, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.status_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_filters)
        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.model.refresh)
        self.model.loading_changed.connect(self._on_loading)
        self.model.load_failed.connect(self._on_failed)
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.table.activated.connect(self._open_row)

    def _size_columns(self) -> None:
        """Column widths from the font in use (Windows' Segoe UI and Linux's DejaVu differ a lot); the
        procedure name takes what is left."""
        metrics = self.table.fontMetrics()
        padding = 24

        def width(*samples: str) -> int:
            return max(metrics.horizontalAdvance(sample) for sample in samples) + padding

        m = FilesTableModel
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(m.COL_PROCEDURE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(metrics.horizontalAdvance("0000") + padding)
        widths = {
            m.COL_CODE: width("000.17.22.H56-261125-0000", "H55.242-261125-0000"),
            m.COL_OWNER: width("Nguyễn Thị Phương Thảo"),
            m.COL_ID: width("000000000000", self.model.headerData(m.COL_ID, Qt.Orientation.Horizontal)),
            m.COL_STATUS: width(status_label(Status.SUPPLEMENT_REQUESTED), status_label(Status.RESULT_READY)),
            m.COL_RECEIVED: width("00/00/0000 00:00"),
            m.COL_DUE: width("00/00/0000 00:00"),
            m.COL_TIMING: width(timing_label("paused"), timing_label("due_today")),
        }
        for column, pixels in widths.items():
            self.table.setColumnWidth(column, pixels)

    def start(self) -> None:
        """Load the first page (called once the window is shown)."""
        self.apply_filters()

    def refresh(self) -> None:
        """Reload the list (a file was registered or changed)."""
        self.model.refresh()

    def shutdown(self) -> None:
        """Stop loading: no more pages are asked for and answers still on their way are dropped."""
        self._debounce.stop()
        self.model.shutdown()

    def _open_row(self, index: QModelIndex) -> None:
        self.open_file_requested.emit(self.model.summary(index.row()).code)

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected."""
        self._focus_search()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_filters(self) -> None:
        """Reload the list with the search text and the status filter."""
        self._debounce.stop()
        code = self.status_filter.currentData()
        statuses = (Status(code),) if code is not None else ()
        text = self.search.text().strip() or None
        self.model.set_query(FileQuery(statuses=statuses, query=text))

    def _on_loading(self, loading: bool) -> None:
        if loading:
            self.status_label.setText(self.tr("Đang tải…"))
        else:
            self._update_count()

    def _update_count(self) -> None:
        count = self.model.rowCount()
        more = self.tr(" (cuộn xuống để xem thêm)") if self.model.canFetchMore(self.table.rootIndex()) else ""
        self.status_label.setText(self.tr("%n hồ sơ", "", count) + more)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            message = error_message(exc.code, str(exc))
        else:
            message = self.tr("Lỗi không mong đợi: {0}").format(exc)
        QMessageBox.warning(self, self.tr("Không tải được danh sách hồ sơ"), message)

"""The main window: for now the file list with its search box and status filter.

The full counter screens (intake, a file's life, the supervisor's day) arrive with the desktop issue;
this window already follows their rules: every database call goes through the worker thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from records.errors import DomainError
from records.files import FileQuery
from records.workflow import Status
from ui.files_table_model import FilesTableModel
from ui.labels import error_message, status_label
from ui.tasks import DatabaseWorker

SEARCH_DELAY_MS = 250


class MainWindow(QMainWindow):
    """The application's window: title with the agency, the file list, a status bar."""

    def __init__(self, services: Any, worker: DatabaseWorker, agency_name: str) -> None:
        super().__init__()
        self._services = services
        self._worker = worker
        self.setWindowTitle(self.tr("MotCua Desk — {0}").format(agency_name))

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo mã hồ sơ, số định danh, số điện thoại hoặc họ tên (Ctrl+F)"))
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
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((190, 260, 190, 120, 130, 120, 120, 110)):
            self.table.setColumnWidth(column, width)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Tìm:")))
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label)

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
        self.resize(1280, 760)

    def start(self) -> None:
        """Load the first page (called once the window is shown)."""
        self.apply_filters()

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
        self.status_label.setText(self.tr("{0} hồ sơ").format(count) + more)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            message = error_message(exc.code, str(exc))
        else:
            message = self.tr("Lỗi không mong đợi: {0}").format(exc)
        QMessageBox.warning(self, self.tr("Không tải được danh sách hồ sơ"), message)

"""The file list (Danh sách hồ sơ): one search box, filters, and a paging table over the whole store.

Every database call goes through the worker thread; sorting and filtering happen in SQL (a click on a
sortable header re-queries the store), the total is counted in SQL after the first page. The last filters,
the sort and the column widths are remembered in this workstation's preferences.

Keyboard: Ctrl+F search (Down goes from the search box to the list), Enter or a double click opens the
file, F5 reloads; Alt+letter reaches each filter (the underlined letter of its label), Alt+L clears them.
"""

from __future__ import annotations

import json
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from records.files import FileQuery
from records.workflow import Status
from ui.errors import show_error
from ui.files_table_model import TIMING_COLOURS, FilesTableModel
from ui.labels import number_text, status_label, timing_label
from ui.optional_date_edit import OptionalDateEdit
from ui.preferences import FILES_FILTERS
from ui.session import UiSession

SEARCH_DELAY_MS = 250
HEADER_STATE = "files_header"
POPUP_MAX_WIDTH = 720


class FilesPage(QWidget):
    """The file list page."""

    open_file_requested = Signal(str)  # a file code

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        services = session.services
        saved = _load_filters(session.prefs.get(FILES_FILTERS))
        # Remembered choices of the combo boxes filled from the store, applied once they are filled.
        self._wanted_procedure: str | None = saved.get("procedure")
        self._wanted_clerk: str | None = saved.get("clerk")
        self._procedures_loaded = False
        self._clerks_loaded = False
        self._reselect: str | None = None
        self._sort = (-1, Qt.SortOrder.DescendingOrder)

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Mã hồ sơ, số định danh, số điện thoại hoặc họ tên (không cần dấu) — Ctrl+F")
        )
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_filter.setMinimumContentsLength(11)
        self.status_filter.addItem(self.tr("Tất cả trạng thái"), None)
        for status in Status:
            self.status_filter.addItem(status_label(status), int(status))
        self.procedure_filter = QComboBox()
        self.procedure_filter.addItem(self.tr("Tất cả thủ tục"), None)
        self.procedure_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.procedure_filter.setMinimumContentsLength(14)
        self.received_from = OptionalDateEdit(self.tr("từ ngày"))
        self.received_to = OptionalDateEdit(self.tr("đến ngày"))
        self.due_filter = QComboBox()
        self.due_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.due_filter.setMinimumContentsLength(9)
        self.due_filter.addItem(self.tr("Tất cả"), None)
        self.due_filter.addItem(self.tr("Đến hạn hôm nay"), "due_today")
        self.due_filter.addItem(self.tr("Quá hạn"), "overdue")
        self.due_filter.addItem(self.tr("Sắp đến hạn (2 ngày tới)"), "near_due")
        self.clerk_filter = QComboBox()
        self.clerk_filter.addItem(self.tr("Tất cả cán bộ"), None)
        self.clerk_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.clerk_filter.setMinimumContentsLength(9)
        _widen_popup(self.status_filter)
        _widen_popup(self.due_filter)
        self.reset_button = QPushButton(self.tr("Xóa bộ &lọc"))
        self.reset_button.setToolTip(self.tr("Bỏ mọi bộ lọc và nội dung tìm kiếm (Alt+L)"))
        self._restore_filters(saved)

        self.model = FilesTableModel(session.worker, services.files.list, services.files.count)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line per file; long names are elided, the tooltip has them whole
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        self._size_columns()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        self._restore_header()

        self.status_label = QLabel()
        self.status_label.setContentsMargins(6, 0, 0, 0)
        self.legend = QLabel(self._legend_text())
        self.legend.setToolTip(
            self.tr(
                "Màu của cột Hẹn trả và Tiến độ: đỏ quá hạn, cam đến hạn hôm nay, tím tạm dừng chờ bổ sung, "
                "xanh lá đã xong đúng hạn hoặc trước hạn."
            )
        )
        self._lay_out()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_filters)
        self.search.installEventFilter(self)
        for combo in (self.status_filter, self.procedure_filter, self.due_filter, self.clerk_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        for field in (self.received_from, self.received_to):
            field.dateChanged.connect(self._debounce.start)  # every arrow press changes the date
        self.reset_button.clicked.connect(self.clear_filters)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self.model.loading_changed.connect(self._on_loading)
        self.model.load_failed.connect(self._on_failed)
        self.model.total_changed.connect(lambda _total: self._update_count())
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.sectionResized.connect(self._save_header)
        self.table.activated.connect(self._open_row)

    # -- layout ------------------------------------------------------------------------------------------

    def _lay_out(self) -> None:
        def buddy(text: str, field: QWidget) -> QLabel:
            label = QLabel(text)
            label.setBuddy(field)
            return label

        # Two rows, so the page (and the main window) still fits a 1024-pixel screen.
        top = QHBoxLayout()
        top.addWidget(buddy(self.tr("Tì&m:"), self.search))
        top.addWidget(self.search, 1)
        top.addSpacing(8)
        top.addWidget(buddy(self.tr("T&rạng thái:"), self.status_filter))
        top.addWidget(self.status_filter)
        top.addSpacing(8)
        top.addWidget(buddy(self.tr("Hạn &xử lý:"), self.due_filter))
        top.addWidget(self.due_filter)
        filters = QHBoxLayout()
        filters.addWidget(buddy(self.tr("Thủ tụ&c:"), self.procedure_filter))
        filters.addWidget(self.procedure_filter, 2)
        filters.addSpacing(8)
        filters.addWidget(buddy(self.tr("&Nhận:"), self.received_from))
        filters.addWidget(self.received_from)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.received_to)
        filters.addSpacing(8)
        filters.addWidget(buddy(self.tr("Cán &bộ:"), self.clerk_filter))
        filters.addWidget(self.clerk_filter, 1)
        filters.addSpacing(8)
        filters.addWidget(self.reset_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        order = [
            self.search,
            self.reset_button,
            self.status_filter,
            self.procedure_filter,
            self.received_from,
            self.received_to,
            self.due_filter,
            self.clerk_filter,
            self.table,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _legend_text(self) -> str:
        def swatch(timing: str, text: str) -> str:
            colour = TIMING_COLOURS[timing].name()
            return f'<span style="color:{colour}">■</span>&nbsp;{text}'

        parts = [
            swatch("overdue", timing_label("overdue")),
            swatch("due_today", timing_label("due_today")),
            swatch("paused", self.tr("Chờ bổ sung")),
            swatch("on_time", self.tr("Xong đúng hạn")),
        ]
        return "&nbsp;&nbsp;&nbsp;".join(parts)

    def _size_columns(self) -> None:
        """Column widths from the font in use (Windows' Segoe UI and Linux's DejaVu differ a lot); the
        procedure name takes what is left."""
        metrics = self.table.fontMetrics()
        padding = 28  # the cell margins and the sort arrow

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

    # -- the page's interface ----------------------------------------------------------------------------

    def start(self) -> None:
        """Fill the procedure and clerk choices and load the first page (called once the window is shown)."""
        session = self._session
        session.run(
            lambda: [(p.code, p.name) for p in session.services.catalog.procedures()],
            self._procedures_ready,
            lambda exc: show_error(self, exc, self.tr("Không tải được danh mục thủ tục")),
        )
        session.run(
            lambda: [(u.id, u.full_name, u.username) for u in session.services.users.list()],
            self._clerks_ready,
            lambda exc: show_error(self, exc, self.tr("Không tải được danh sách cán bộ")),
        )
        self.apply_filters()

    def refresh(self) -> None:
        """Reload the list (a file was registered or changed), keeping the selected file selected."""
        current = self.table.currentIndex()
        self._reselect = self.model.summary(current.row()).code if current.isValid() else None
        self._debounce.stop()
        self.model.refresh()

    def shutdown(self) -> None:
        """Stop loading: no more pages are asked for and answers still on their way are dropped."""
        self._debounce.stop()
        self._save_header()
        self._save_filters()
        self.model.shutdown()

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected."""
        self._focus_search()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_file_requested.emit(self.model.summary(index.row()).code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box goes to the list, on its first row.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    # -- filters -----------------------------------------------------------------------------------------

    def current_query(self) -> FileQuery:
        """The query the filters, the search box and the sort make."""
        status = self.status_filter.currentData()
        column, order = self._sort
        return FileQuery(
            statuses=(Status(status),) if status is not None else (),
            query=self.search.text().strip() or None,
            procedure_code=self._procedure_value(),
            received_from=self.received_from.value(),
            received_to=self.received_to.value(),
            due=self.due_filter.currentData(),
            clerk_id=self._clerk_value(),
            order_by=FilesTableModel.SORT_KEYS.get(column),
            descending=order == Qt.SortOrder.DescendingOrder or column < 0,
        )

    def apply_filters(self) -> None:
        """Reload the list with the search text and the filters, and remember the filters."""
        self._debounce.stop()
        self._reselect = None
        self.model.set_query(self.current_query())
        self._save_filters()

    def _save_filters(self) -> None:
        self._session.prefs.set(FILES_FILTERS, json.dumps(self._filters(), ensure_ascii=False))

    def clear_filters(self) -> None:
        """Show every file: no filter, no search text (the sort stays)."""
        widgets: list[QWidget] = [
            self.search,
            self.status_filter,
            self.procedure_filter,
            self.received_from,
            self.received_to,
            self.due_filter,
            self.clerk_filter,
        ]
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.status_filter, self.procedure_filter, self.due_filter, self.clerk_filter):
            combo.setCurrentIndex(0)
        self.received_from.clear_value()
        self.received_to.clear_value()
        self._wanted_procedure = self._wanted_clerk = None
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filters()

    def _procedure_value(self) -> str | None:
        if not self._procedures_loaded:
            return self._wanted_procedure
        value = self.procedure_filter.currentData()
        return str(value) if value is not None else None

    def _clerk_value(self) -> str | None:
        if not self._clerks_loaded:
            return self._wanted_clerk
        value = self.clerk_filter.currentData()
        return str(value) if value is not None else None

    def _filters(self) -> dict[str, Any]:
        def day(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "status": self.status_filter.currentData(),
            "procedure": self._procedure_value(),
            "received_from": day(self.received_from.value()),
            "received_to": day(self.received_to.value()),
            "due": self.due_filter.currentData(),
            "clerk": self._clerk_value(),
        }

    def _restore_filters(self, saved: dict[str, Any]) -> None:
        index = self.status_filter.findData(saved.get("status"))
        self.status_filter.setCurrentIndex(max(index, 0))
        index = self.due_filter.findData(saved.get("due"))
        self.due_filter.setCurrentIndex(max(index, 0))
        self.received_from.set_value(_day(saved.get("received_from")))
        self.received_to.set_value(_day(saved.get("received_to")))

    def _procedures_ready(self, procedures: list[tuple[str, str]]) -> None:
        combo = self.procedure_filter
        combo.blockSignals(True)
        for code, name in sorted(procedures):
            combo.addItem(f"{code} — {name}", code)
            combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self._procedures_loaded = True
        _widen_popup(combo)
        wanted = self._wanted_procedure
        combo.setCurrentIndex(max(combo.findData(wanted), 0) if wanted else 0)
        combo.blockSignals(False)
        if wanted and combo.currentData() != wanted:
            self.apply_filters()  # the remembered procedure is gone from the catalogue: stop filtering on it

    def _clerks_ready(self, users: list[tuple[str, str, str]]) -> None:
        combo = self.clerk_filter
        combo.blockSignals(True)
        for user_id, full_name, username in sorted(users, key=lambda u: (u[1].casefold(), u[2])):
            combo.addItem(f"{full_name} ({username})", user_id)
        self._clerks_loaded = True
        _widen_popup(combo)
        wanted = self._wanted_clerk
        combo.setCurrentIndex(max(combo.findData(wanted), 0) if wanted else 0)
        combo.blockSignals(False)
        if wanted and combo.currentData() != wanted:
            self.apply_filters()

    # -- sorting and columns -----------------------------------------------------------------------------

    def _restore_header(self) -> None:
        header = self.table.horizontalHeader()
        state = self._session.prefs.state(HEADER_STATE)
        if state is not None:
            header.blockSignals(True)
            header.restoreState(state)
            header.blockSignals(False)
        column = header.sortIndicatorSection()
        if self.model.is_sortable(column):
            self._sort = (column, header.sortIndicatorOrder())
        else:
            self._sort = (-1, Qt.SortOrder.DescendingOrder)
            header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            # The store cannot sort on this column: put the indicator back where the rows are sorted.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sort)
            header.blockSignals(False)
            return
        self._sort = (column, order)
        self._reselect = None
        self.model.sort(column, order)
        self._save_header()

    def _save_header(self) -> None:
        self._session.prefs.set_state(HEADER_STATE, self.table.horizontalHeader().saveState())

    # -- status line -------------------------------------------------------------------------------------

    def _on_loading(self, loading: bool) -> None:
        if not loading and self._reselect is not None:
            for row in range(self.model.rowCount()):
                if self.model.summary(row).code == self._reselect:
                    self.table.selectionModel().setCurrentIndex(
                        self.model.index(row, 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
                    break
            self._reselect = None
        self._update_count()

    def _update_count(self) -> None:
        model = self.model
        total = model.total()
        rows = model.rowCount()
        if model.is_loading() and rows == 0:
            self.status_label.setText(self.tr("Đang tải…"))
            return
        if total is not None:
            text = self.tr("{0} hồ sơ").format(number_text(total))
        elif model.canFetchMore(self.table.rootIndex()):
            text = self.tr("Hơn {0} hồ sơ (đang đếm…)").format(number_text(rows))
        else:
            text = self.tr("{0} hồ sơ").format(number_text(rows))
        if model.is_loading():
            text += self.tr(" — đang tải thêm…")
        self.status_label.setText(text)

    def _on_failed(self, exc: BaseException) -> None:
        self._update_count()
        show_error(self, exc, self.tr("Không tải được danh sách hồ sơ"))


def _load_filters(text: str) -> dict[str, Any]:
    """The remembered filters (an empty dict when none or unreadable)."""
    try:
        value = json.loads(text) if text else {}
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _widen_popup(combo: QComboBox) -> None:
    """Let the list of a narrow combo box show its items whole (up to a reasonable width)."""
    view = combo.view()
    view.setMinimumWidth(min(POPUP_MAX_WIDTH, view.sizeHintForColumn(0) + 40))

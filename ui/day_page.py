"""The supervisor's day (Tổng hợp): the day's figures, who received what, the files to review, the register.

Mnemonics avoid the main window's menus (Alt+T, H, Q, G): Alt+X the day, Alt+Y today, Alt+D / Alt+N the
register's range, Alt+I print, Alt+E Excel, Alt+O / Alt+B the breakdown, Alt+S the files to review, Alt+C
closes the day.

One date at a time (Alt+Left / Alt+Right step a day, "Hôm nay" comes back): big tiles with the day's
numbers from ``services.reports.day``, the figures by procedure and by clerk as tables and as a bar chart,
and the files to look at. The register (Sổ theo dõi hồ sơ) for the day or a range prints through the
print controller (Ctrl+P) or goes to an Excel workbook (Ctrl+E).

A supervisor (or an administrator) closes a day that has come (chốt sổ: ``services.reports.close_day``),
after a confirmation naming the day and its figures; a closed day says when and by whom instead of offering
the button. The page is built for supervisors only, but the button also checks the role itself.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from printing.printouts import Printouts
from printing.register import RegisterData
from printing.render import write_atomic
from records.clock import local, now
from records.errors import DomainError, InvalidInput
from records.files import FileQuery
from records.services.files import MAX_REGISTER_DAYS
from records.workflow import Status
from ui.bar_chart import BarChartWidget, BarGroup
from ui.busy_bar import busy_bar
from ui.day_breakdown_table_model import BreakdownKind, DayBreakdownTableModel
from ui.errors import ERROR_STYLE, OK_STYLE, show_error
from ui.file_dialogs import ask_save_path
from ui.files_table_model import FilesTableModel
from ui.labels import describe_error, status_label, timing_label
from ui.preferences import EXPORT_FOLDER
from ui.print_controller import PrintController, PrintJob
from ui.session import UiSession

RELOAD_DELAY_MS = 150  # stepping through days with the arrows loads only the day one stops on
CHART_GROUPS = 7  # categories drawn; the rest are summed into one bar (the table lists them all)
SPLITTER_STATE = "day/splitter"
BREAKDOWN_SPLITTER_STATE = "day/breakdown_splitter"
OVERDUE_STYLE = "color: #c62828"
DATE_FORMAT = "dd/MM/yyyy"

# What the "files to review" list shows.
REVIEW_RECEIVED, REVIEW_OVERDUE, REVIEW_DUE_TODAY, REVIEW_PAUSED = (
    "received",
    "overdue",
    "due_today",
    "paused",
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class StatTile(QFrame):
    """A big number with its caption (and a smaller line under it)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(
            "QFrame#tile { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }"
        )
        self.caption = QLabel(caption)
        self.value = QLabel("—")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value.setFont(font)
        self.note = QLabel()
        self.note.setStyleSheet("color: palette(placeholder-text)")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_value(self, text: str, note: str = "", style: str = "") -> None:
        """Show ``text`` (and ``note`` under it) in the colour ``style`` gives."""
        self.value.setText(text)
        self.value.setStyleSheet(style)
        self.note.setText(note)
        self.setAccessibleName(f"{self.caption.text()}: {text}")
        self.setToolTip(f"{self.caption.text()}: {text}" + (f"\n{note}" if note else ""))


class DayPage(QWidget):
    """The supervisor's view of one day."""

    open_file_requested = Signal(str)  # a file code
    loaded = Signal(object)  # the DaySummary shown
    exported = Signal(object)  # the Excel register's path
    export_failed = Signal(object)  # the exception
    day_closed = Signal(object)  # the DaySummary of the day just closed (chốt sổ)
    close_failed = Signal(object)  # the exception (said on the page)

    def __init__(self, session: UiSession, printer: PrintController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._printer = printer
        self._summary: Any = None
        self._generation = 0
        self._exporting = False
        self._printing = False
        self._closing = False

        # -- the day and the register's range --------------------------------------------------------------
        today = now().date()
        self.date_edit = QDateEdit(_qdate(today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setMaximumDate(_qdate(today + timedelta(days=366)))
        self.previous_button = QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Ngày trước (Alt+←)"))
        self.previous_button.setAccessibleName(self.tr("Ngày trước"))
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Ngày sau (Alt+→)"))
        self.next_button.setAccessibleName(self.tr("Ngày sau"))
        self.today_button = QPushButton(self.tr("Hôm na&y"))
        self.weekday_label = QLabel()
        # Closing the day (chốt sổ): the button for supervisors, or who closed it and when.
        self.closed_label = QLabel()
        self.closed_label.setStyleSheet(OK_STYLE)
        self.closed_label.hide()
        self.close_day_button = QPushButton(self.tr("&Chốt sổ ngày…"))
        self.close_day_button.setToolTip(
            self.tr("Chốt số liệu của ngày đang xem: số liệu được lưu lại kèm người chốt và thời điểm chốt")
        )
        self.close_day_button.hide()
        day_label = QLabel(self.tr("Ngày đang &xem:"))
        day_label.setBuddy(self.date_edit)

        self.range_from = QDateEdit(_qdate(today))
        self.range_to = QDateEdit(_qdate(today))
        for edit in (self.range_from, self.range_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
        from_label = QLabel(self.tr("Sổ theo &dõi từ ngày:"))
        from_label.setBuddy(self.range_from)
        to_label = QLabel(self.tr("đế&n ngày:"))
        to_label.setBuddy(self.range_to)
        self.print_button = QPushButton(self.tr("&In sổ theo dõi"))
        self.print_button.setToolTip(self.tr("In sổ theo dõi hồ sơ của khoảng ngày đã chọn (Ctrl+P)"))
        self.export_button = QPushButton(self.tr("Xuất &Excel…"))
        self.export_button.setToolTip(
            self.tr("Lưu sổ theo dõi hồ sơ của khoảng ngày đã chọn ra tệp Excel (Ctrl+E)")
        )

        top = QHBoxLayout()
        top.addWidget(day_label)
        top.addWidget(self.previous_button)
        top.addWidget(self.date_edit)
        top.addWidget(self.next_button)
        top.addWidget(self.today_button)
        top.addSpacing(8)
        top.addWidget(self.weekday_label)
        top.addStretch(1)
        top.addWidget(self.closed_label)
        top.addWidget(self.close_day_button)
        # The register's range on a line of its own: both on one line do not fit a 1024-pixel screen.
        register_row = QHBoxLayout()
        register_row.addStretch(1)
        register_row.addWidget(from_label)
        register_row.addWidget(self.range_from)
        register_row.addWidget(to_label)
        register_row.addWidget(self.range_to)
        register_row.addWidget(self.print_button)
        register_row.addWidget(self.export_button)

        # -- tiles ----------------------------------------------------------------------------------------
        self.received_tile = StatTile(self.tr("Tiếp nhận"))
        self.due_tile = StatTile(self.tr("Đến hạn trong ngày"))
        self.overdue_tile = StatTile(self.tr("Quá hạn"))
        self.returned_tile = StatTile(self.tr("Đã trả kết quả"))
        self.rate_tile = StatTile(self.tr("Tỷ lệ đúng hạn"))
        tiles = QGridLayout()
        tiles.setSpacing(10)
        for column, tile in enumerate(
            (self.received_tile, self.due_tile, self.overdue_tile, self.returned_tile, self.rate_tile)
        ):
            tiles.addWidget(tile, 0, column)
            tiles.setColumnStretch(column, 1)

        # -- breakdown tables and chart ---------------------------------------------------------------------
        self.procedure_model = DayBreakdownTableModel("procedure")
        self.clerk_model = DayBreakdownTableModel("clerk")
        self.procedure_table = self._breakdown_table(self.procedure_model)
        self.clerk_table = self._breakdown_table(self.clerk_model)
        self.breakdown_tabs = QTabWidget()
        self.breakdown_tabs.addTab(self.procedure_table, self.tr("The&o thủ tục"))
        self.breakdown_tabs.addTab(self.clerk_table, self.tr("Theo cán &bộ"))
        self.chart = BarChartWidget()
        self.chart.set_empty_text(self.tr("Không có hồ sơ tiếp nhận hay trả kết quả trong ngày."))
        self.chart_title = QLabel()
        self.chart_title.setStyleSheet("font-weight: bold")
        chart_box = QFrame()
        chart_box.setFrameShape(QFrame.Shape.StyledPanel)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(8, 6, 8, 4)
        chart_layout.addWidget(self.chart_title)
        chart_layout.addWidget(self.chart, 1)
        self.breakdown_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.breakdown_splitter.addWidget(self.breakdown_tabs)
        self.breakdown_splitter.addWidget(chart_box)
        self.breakdown_splitter.setStretchFactor(0, 11)
        self.breakdown_splitter.setStretchFactor(1, 9)
        self.breakdown_splitter.setChildrenCollapsible(False)

        # -- the files to review ----------------------------------------------------------------------------
        self.review_filter = QComboBox()
        self.review_filter.addItem(self.tr("Tiếp nhận trong ngày đã chọn"), REVIEW_RECEIVED)
        self.review_filter.addItem(self.tr("Đang quá hạn"), REVIEW_OVERDUE)
        self.review_filter.addItem(self.tr("Đến hạn hôm nay"), REVIEW_DUE_TODAY)
        self.review_filter.addItem(self.tr("Chờ bổ sung"), REVIEW_PAUSED)
        review_label = QLabel(self.tr("Hồ &sơ cần xem:"))
        review_label.setBuddy(self.review_filter)
        self.files_count = QLabel()
        self.files_model = FilesTableModel(session.worker, session.services.files.list)
        self.files_table = QTableView()
        self.files_table.setModel(self.files_model)
        self.files_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files_table.setAlternatingRowColors(True)
        self.files_table.setWordWrap(False)
        self.files_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.files_table.verticalHeader().setVisible(False)
        self.files_table.verticalHeader().setDefaultSectionSize(self.files_table.fontMetrics().height() + 10)
        self.files_table.setToolTip(self.tr("Enter hoặc nháy đúp để mở hồ sơ"))
        self._size_file_columns()
        files_box = QWidget()
        files_layout = QVBoxLayout(files_box)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_header = QHBoxLayout()
        files_header.addWidget(review_label)
        files_header.addWidget(self.review_filter)
        files_header.addSpacing(10)
        files_header.addWidget(self.files_count)
        files_header.addStretch(1)
        files_layout.addLayout(files_header)
        files_layout.addWidget(self.files_table, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.breakdown_splitter)
        self.splitter.addWidget(files_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        # -- status line ------------------------------------------------------------------------------------
        self.progress = busy_bar()
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setOpenExternalLinks(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.message.hide()
        status = QHBoxLayout()
        status.addWidget(self.progress)
        status.addWidget(self.message, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(register_row)
        layout.addLayout(tiles)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(status)

        for name, splitter in (
            (SPLITTER_STATE, self.splitter),
            (BREAKDOWN_SPLITTER_STATE, self.breakdown_splitter),
        ):
            state = session.prefs.state(name)
            if state is not None:
                splitter.restoreState(state)
            splitter.splitterMoved.connect(
                lambda _pos, _index, n=name, s=splitter: session.prefs.set_state(n, s.saveState())
            )

        # -- behaviour ------------------------------------------------------------------------------------
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.refresh)
        self.date_edit.dateChanged.connect(self._day_changed)
        self.previous_button.clicked.connect(lambda: self.step_day(-1))
        self.next_button.clicked.connect(lambda: self.step_day(1))
        self.today_button.clicked.connect(lambda: self.set_day(now().date()))
        self.print_button.clicked.connect(self.print_register)
        self.export_button.clicked.connect(self.export_register)
        self.close_day_button.clicked.connect(self.close_day)
        self.breakdown_tabs.currentChanged.connect(lambda _index: self._show_chart())
        self.review_filter.currentIndexChanged.connect(lambda _index: self._load_files())
        self.files_table.activated.connect(self._open_row)
        self.files_model.modelReset.connect(self._update_files_count)
        self.files_model.rowsInserted.connect(self._update_files_count)
        self.files_model.loading_changed.connect(lambda _loading: self._update_files_count())
        self.files_model.load_failed.connect(
            lambda exc: show_error(self, exc, self.tr("Không tải được hồ sơ"))
        )
        printer.saved.connect(self._register_saved)
        printer.printed.connect(lambda form, _name: self._register_done(form))
        printer.previewed.connect(lambda _dialog: self._register_done("register"))
        printer.failed.connect(lambda _exc: self._register_done("register"))
        shortcuts = (
            ("Alt+Left", lambda: self.step_day(-1)),
            ("Alt+Right", lambda: self.step_day(1)),
            ("Ctrl+P", self.print_register),
            ("Ctrl+E", self.export_register),
            ("F5", self.refresh),
        )
        for keys, slot in shortcuts:
            QShortcut(QKeySequence(keys), self, slot, Qt.ShortcutContext.WidgetWithChildrenShortcut)

        for before, after in (
            (self.date_edit, self.previous_button),
            (self.previous_button, self.next_button),
            (self.next_button, self.today_button),
            (self.today_button, self.close_day_button),
            (self.close_day_button, self.range_from),
            (self.range_from, self.range_to),
            (self.range_to, self.print_button),
            (self.print_button, self.export_button),
            (self.export_button, self.breakdown_tabs),
            (self.breakdown_tabs, self.procedure_table),
            (self.procedure_table, self.clerk_table),
            (self.clerk_table, self.review_filter),
            (self.review_filter, self.files_table),
        ):
            QWidget.setTabOrder(before, after)
        self._show_weekday()
        self._show_chart()

    # -- public API ---------------------------------------------------------------------------------------

    def start(self) -> None:
        """The first load (called once the window is shown)."""
        self.refresh()

    def refresh(self) -> None:
        """Reload the day's figures and files (a file was registered or changed)."""
        self._reload_timer.stop()
        self._generation += 1
        generation = self._generation
        day = self.day()
        services = self._session.services
        self._session.run(
            lambda: services.reports.day(day),
            lambda summary: self._summary_loaded(generation, summary),
            lambda exc: self._summary_failed(generation, exc),
        )
        self._load_files()

    def shutdown(self) -> None:
        """Stop loading: answers still on their way are dropped (the window is closing)."""
        self._reload_timer.stop()
        self._generation += 1
        self.files_model.shutdown()

    def day(self) -> date:
        """The day shown."""
        return _date(self.date_edit.date())

    def set_day(self, day: date) -> None:
        """Show ``day`` (its figures load shortly after; the register's range becomes that day)."""
        self.date_edit.setDate(_qdate(day))

    def step_day(self, days: int) -> None:
        """Show the day ``days`` after (negative: before) the one shown."""
        self.set_day(self.day() + timedelta(days=days))

    def summary(self) -> Any:
        """The ``DaySummary`` shown (``None`` before the first load)."""
        return self._summary

    def set_breakdown(self, kind: BreakdownKind) -> None:
        """Show the figures (table and chart) by procedure or by clerk."""
        self.breakdown_tabs.setCurrentIndex(0 if kind == "procedure" else 1)

    def breakdown(self) -> BreakdownKind:
        """What the table and chart are broken down by."""
        return "procedure" if self.breakdown_tabs.currentIndex() == 0 else "clerk"

    def register_range(self) -> tuple[date, date]:
        """The register's first and last day."""
        return _date(self.range_from.date()), _date(self.range_to.date())

    def set_register_range(self, date_from: date, date_to: date) -> None:
        """Choose the register's days."""
        self.range_from.setDate(_qdate(date_from))
        self.range_to.setDate(_qdate(date_to))

    def print_register(self) -> None:
        """Print the register of the chosen range (preview, printer or folder: the workstation decides)."""
        date_from, date_to = self.register_range()
        if not self._check_range(date_from, date_to):
            return
        title = self._register_title(date_from, date_to)
        self._printing = True
        self._busy(self.tr("Đang chuẩn bị sổ theo dõi hồ sơ…"))
        self._printer.start(
            PrintJob("register", None, title, lambda p: p.register_layout(date_from, date_to))
        )

    def export_register(self) -> None:
        """Ask where to save the chosen range's register as an Excel workbook, then write it."""
        date_from, date_to = self.register_range()
        if not self._check_range(date_from, date_to) or self._exporting:
            return
        folder = self._session.prefs.get(EXPORT_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        default = Path(folder) / f"so-theo-doi-{date_from.isoformat()}-{date_to.isoformat()}.xlsx"
        path = self.ask_export_path(default)
        if path is not None:
            self.export_xlsx(path, date_from, date_to)

    def ask_export_path(self, default: Path) -> Path | None:
        """The save dialog (tests replace this method)."""
        return ask_save_path(
            self, self.tr("Lưu sổ theo dõi hồ sơ"), default, self.tr("Sổ tính Excel (*.xlsx)"), ".xlsx"
        )

    def export_xlsx(self, path: Path, date_from: date, date_to: date) -> None:
        """Read the register (database worker), build its workbook and write it to ``path`` (background),
        then note the export in the audit log (database worker)."""
        session = self._session
        session.prefs.set(EXPORT_FOLDER, str(path.parent))
        printouts = Printouts(session.services)
        self._exporting = True
        self.export_button.setEnabled(False)
        self._busy(self.tr("Đang xuất sổ theo dõi hồ sơ ra Excel…"))

        def build_and_write(data: RegisterData) -> tuple[Path, int]:  # background: openpyxl, the disk
            from printing.register_xlsx import register_workbook

            workbook = register_workbook(data)
            return write_atomic(workbook, path), len(workbook)

        def written(result: tuple[Path, int]) -> None:  # the audit entry, on the database worker
            saved, size = result
            session.run(
                lambda: printouts.record_xlsx(session.actor, saved, size, date_from, date_to),
                lambda _none: self._exported(saved),
                self._export_failed,
            )

        session.run(
            lambda: printouts.register_data(date_from, date_to),
            lambda data: session.background(lambda: build_and_write(data), written, self._export_failed),
            self._export_failed,
        )

    def close_day(self) -> None:
        """Close the day shown (chốt sổ) after the user confirms: on the database worker; the page then
        says who closed it and when."""
        summary = self._summary
        if not self._may_close(summary) or self._closing:
            return
        if not self.confirm_close(summary):
            return
        session = self._session
        reports, actor, day = session.services.reports, session.actor, summary.day
        self._closing = True
        self.close_day_button.setEnabled(False)
        self._busy(self.tr("Đang chốt sổ ngày {0}…").format(f"{day:%d/%m/%Y}"))
        session.run(lambda: reports.close_day(actor, day), self._closed, self._close_refused)

    def confirm_close(self, summary: Any) -> bool:
        """Ask before closing the day of ``summary`` (tests replace this method)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Chốt sổ ngày"),
            self.tr("Chốt sổ ngày {0}?").format(f"{summary.day:%d/%m/%Y}"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText(
            self.tr(
                "Tiếp nhận: {0} hồ sơ; đã trả kết quả: {1}; giải quyết xong: {2}; đang quá hạn: {3}.\n\n"
                "Số liệu này được lưu lại như hiện tại, kèm tên người chốt và thời điểm chốt. Một ngày chỉ "
                "chốt sổ một lần."
            ).format(summary.received, summary.returned, summary.finished, summary.overdue)
        )
        close = box.addButton(self.tr("&Chốt sổ"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("&Hủy"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is close

    # -- loading ------------------------------------------------------------------------------------------

    def _day_changed(self, value: QDate) -> None:
        day = _date(value)
        self.set_register_range(day, day)
        self._show_weekday()
        self.closed_label.hide()  # until the day's own summary says
        self.close_day_button.hide()
        self._reload_timer.start()

    def _summary_loaded(self, generation: int, summary: Any) -> None:
        if generation != self._generation:
            return  # the answer for a day the user has since left
        self._summary = summary
        self._show_tiles(summary)
        self._show_closing(summary)
        self.procedure_model.set_rows(summary.by_procedure)
        self.clerk_model.set_rows(summary.by_clerk)
        self._show_chart()
        self.loaded.emit(summary)

    def _summary_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            show_error(self, exc, self.tr("Không tải được số liệu tổng hợp"))

    def _load_files(self) -> None:
        kind = self.review_filter.currentData()
        if kind == REVIEW_OVERDUE:
            query = FileQuery(due="overdue")
        elif kind == REVIEW_DUE_TODAY:
            query = FileQuery(due="due_today")
        elif kind == REVIEW_PAUSED:
            query = FileQuery(statuses=(Status.SUPPLEMENT_REQUESTED,))
        else:
            day = self.day()
            query = FileQuery(received_from=day, received_to=day)
        self.files_model.set_query(query)

    def _update_files_count(self) -> None:
        count = self.files_model.rowCount()
        if self.files_model.is_loading() and not count:
            self.files_count.setText(self.tr("Đang tải…"))
            return
        more = "+" if self.files_model.canFetchMore(QModelIndex()) else ""
        self.files_count.setText(self.tr("%n hồ sơ", "", count) + more)

    def _open_row(self, index: QModelIndex) -> None:
        self.open_file_requested.emit(self.files_model.summary(index.row()).code)

    # -- showing ------------------------------------------------------------------------------------------

    def _show_weekday(self) -> None:
        day = self.day()
        names = (
            self.tr("Thứ Hai"),
            self.tr("Thứ Ba"),
            self.tr("Thứ Tư"),
            self.tr("Thứ Năm"),
            self.tr("Thứ Sáu"),
            self.tr("Thứ Bảy"),
            self.tr("Chủ nhật"),
        )
        text = names[day.weekday()]
        if day == now().date():
            text = self.tr("{0} — hôm nay").format(text)
        self.weekday_label.setText(text)
        self.due_tile.caption.setText(
            self.tr("Đến hạn hôm nay") if day == now().date() else self.tr("Đến hạn trong ngày")
        )

    def _show_tiles(self, summary: Any) -> None:
        self.received_tile.set_value(str(summary.received), self.tr("hồ sơ tiếp nhận trong ngày"))
        self.due_tile.set_value(str(summary.due_today), self.tr("hồ sơ có hẹn trả trong ngày"))
        self.overdue_tile.set_value(
            str(summary.overdue),
            self.tr("hồ sơ chưa giải quyết, đã quá hạn"),
            OVERDUE_STYLE if summary.overdue else "",
        )
        self.returned_tile.set_value(str(summary.returned), self.tr("hồ sơ đã trả cho công dân"))
        rate = summary.on_time_rate
        if rate is None:
            self.rate_tile.set_value("—", self.tr("chưa có hồ sơ giải quyết xong"))
        else:
            percent = rate * 100
            text = f"{percent:.1f}".rstrip("0").rstrip(".").replace(".", ",") + " %"
            note = self.tr("{0}/{1} hồ sơ giải quyết đúng hạn").format(
                summary.finished_on_time, summary.finished
            )
            self.rate_tile.set_value(text, note, OK_STYLE if percent >= 100 else "")

    def _show_chart(self) -> None:
        kind = self.breakdown()
        model = self.procedure_model if kind == "procedure" else self.clerk_model
        series = (self.tr("Tiếp nhận"), self.tr("Đã trả"))
        # Rows with only overdue files have no bar to draw (the table lists them).
        rows = [model.row_object(r) for r in range(model.rowCount())]
        rows = [r for r in rows if r.received or r.returned]
        rows.sort(key=lambda r: (-(r.received + r.returned), model.name_of(r)))
        groups = [
            BarGroup(
                model.name_of(r), (r.received, r.returned), r.code if kind == "procedure" else r.username
            )
            for r in rows[:CHART_GROUPS]
        ]
        rest = rows[CHART_GROUPS:]
        if rest:
            label = (
                self.tr("%n thủ tục khác", "", len(rest))
                if kind == "procedure"
                else self.tr("%n cán bộ khác", "", len(rest))
            )
            groups.append(BarGroup(label, (sum(r.received for r in rest), sum(r.returned for r in rest))))
        title = (
            self.tr("Tiếp nhận và trả kết quả theo thủ tục")
            if kind == "procedure"
            else self.tr("Tiếp nhận và trả kết quả theo cán bộ")
        )
        self.chart_title.setText(title)
        self.chart.set_title(title)
        self.chart.set_data(series, groups)

    def _breakdown_table(self, model: DayBreakdownTableModel) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(DayBreakdownTableModel.SortRole)
        table = QTableView()
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(DayBreakdownTableModel.COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(DayBreakdownTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        metrics = table.fontMetrics()
        for column in (
            DayBreakdownTableModel.COL_RECEIVED,
            DayBreakdownTableModel.COL_RETURNED,
            DayBreakdownTableModel.COL_OVERDUE,
        ):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            table.setColumnWidth(column, metrics.horizontalAdvance(title) + 44)
        return table

    def _size_file_columns(self) -> None:
        metrics = self.files_table.fontMetrics()
        padding = 24

        def width(*samples: str) -> int:
            return max(metrics.horizontalAdvance(sample) for sample in samples) + padding

        m = FilesTableModel
        header = self.files_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(m.COL_PROCEDURE, QHeaderView.ResizeMode.Stretch)
        widths = {
            m.COL_CODE: width("000.17.22.H56-261125-0000"),
            m.COL_OWNER: width("Nguyễn Thị Phương Thảo"),
            m.COL_ID: width("000000000000"),
            m.COL_STATUS: width(status_label(Status.SUPPLEMENT_REQUESTED)),
            m.COL_RECEIVED: width("00/00/0000 00:00"),
            m.COL_DUE: width("00/00/0000 00:00"),
            m.COL_TIMING: width(timing_label("paused"), timing_label("due_today")),
        }
        for column, pixels in widths.items():
            self.files_table.setColumnWidth(column, pixels)

    # -- closing the day ----------------------------------------------------------------------------------

    def _may_close(self, summary: Any) -> bool:
        """Whether the button is offered for ``summary``'s day: a supervisor's, a day that has come, not
        closed yet (the service checks all of it again)."""
        return (
            summary is not None
            and self._session.is_supervisor
            and summary.closed_at is None
            and summary.day <= now().date()
        )

    def _show_closing(self, summary: Any) -> None:
        if summary.closed_at is not None:
            moment = local(summary.closed_at)
            who = summary.closed_by or "—"
            if moment.date() == summary.day:
                text = self.tr("Đã chốt sổ lúc {0} bởi {1}").format(f"{moment:%H:%M}", who)
            else:
                text = self.tr("Đã chốt sổ lúc {0} ngày {1} bởi {2}").format(
                    f"{moment:%H:%M}", f"{moment:%d/%m/%Y}", who
                )
            self.closed_label.setText(text)
            self.closed_label.setToolTip(text)
        self.closed_label.setVisible(summary.closed_at is not None)
        self.close_day_button.setVisible(self._may_close(summary))
        self.close_day_button.setEnabled(not self._closing)

    def _closed(self, summary: Any) -> None:
        self._closing = False
        self._idle()
        if summary.day == self.day():
            self._generation += 1  # a reload asked before the closing is older than this summary
            self._summary_loaded(self._generation, summary)
        self.day_closed.emit(summary)

    def _close_refused(self, exc: BaseException) -> None:
        self._closing = False
        self.close_day_button.setEnabled(True)
        self._idle()
        self.close_failed.emit(exc)
        if isinstance(exc, DomainError):
            self._show_message(self.tr("Không chốt sổ được: {0}").format(describe_error(exc)), error=True)
            if isinstance(exc, InvalidInput) and exc.reason == "already_closed":
                self.refresh()  # closed meanwhile at another counter: say by whom
            return
        show_error(self, exc, self.tr("Không chốt sổ được"))

    # -- the register -------------------------------------------------------------------------------------

    def _register_title(self, date_from: date, date_to: date) -> str:
        if date_from == date_to:
            return self.tr("Sổ theo dõi hồ sơ ngày {0}").format(f"{date_from:%d/%m/%Y}")
        return self.tr("Sổ theo dõi hồ sơ từ {0} đến {1}").format(
            f"{date_from:%d/%m/%Y}", f"{date_to:%d/%m/%Y}"
        )

    def _check_range(self, date_from: date, date_to: date) -> bool:
        if date_from > date_to:
            self._show_message(self.tr("Ngày bắt đầu của sổ theo dõi ở sau ngày kết thúc."), error=True)
            self.range_from.setFocus()
            return False
        if (date_to - date_from).days + 1 > MAX_REGISTER_DAYS:
            self._show_message(
                self.tr("Mỗi lần chỉ in hoặc xuất sổ theo dõi tối đa {0} ngày; hãy chọn từng năm.").format(
                    MAX_REGISTER_DAYS
                ),
                error=True,
            )
            self.range_to.setFocus()
            return False
        return True

    def _register_saved(self, form: str, path: object) -> None:
        if form != "register" or not self._printing:
            return
        self._register_done(form)
        self._show_link(self.tr("Đã lưu sổ theo dõi hồ sơ (PDF):"), Path(str(path)))

    def _register_done(self, form: str) -> None:
        if form == "register" and self._printing:
            self._printing = False
            self._idle()

    def _exported(self, path: Path) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        self._idle()
        self._show_link(self.tr("Đã lưu sổ theo dõi hồ sơ (Excel):"), Path(path))
        self.exported.emit(Path(path))

    def _export_failed(self, exc: BaseException) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        self._idle()
        self.export_failed.emit(exc)
        if isinstance(exc, InvalidInput) and exc.params.get("field") in ("date_from", "date_to"):
            self._check_range(*self.register_range())  # the service's rule, said the page's way
            return
        if isinstance(exc, DomainError):  # a refusal (a folder that cannot be written): said on the page
            self._show_message(
                self.tr("Không xuất được sổ theo dõi hồ sơ: {0}").format(describe_error(exc)), error=True
            )
            return
        show_error(self, exc, self.tr("Không xuất được sổ theo dõi hồ sơ"))

    # -- status line --------------------------------------------------------------------------------------

    def _busy(self, text: str) -> None:
        self.progress.show()
        self._show_message(text)

    def _idle(self) -> None:
        if not self._exporting and not self._printing and not self._closing:
            self.progress.hide()
            self.message.clear()
            self.message.hide()

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(_escape(text))
        self.message.setVisible(bool(text))

    def _show_link(self, text: str, path: Path) -> None:
        url = QUrl.fromLocalFile(str(path)).toString()
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(f'{_escape(text)} <a href="{url}">{_escape(str(path))}</a>')
        self.message.show()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""Settings › Ngày nghỉ lễ: a year's days off and make-up working days, edited as the year's official table.

A year without a stored table is computed from the Labour Code's rules; saving it here (or importing a
table file) stores that year's official table, which from then on is the only source for the year.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStandardPaths
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from records.calendar import NamedDay, YearTable
from records.clock import now
from records.errors import CalendarError
from ui.holiday_days_table_model import HolidayDaysTableModel
from ui.preferences import EXPORT_FOLDER
from ui.session import UiSession
from ui.settings_tab import SettingsTab, hint, read_text_file

SATURDAY = 5


class DateDelegate(QStyledItemDelegate):
    """Dates edited as dd/MM/yyyy with a calendar."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QDateEdit(parent)
        editor.setDisplayFormat("dd/MM/yyyy")
        editor.setCalendarPopup(True)
        return editor


class HolidaysTab(SettingsTab):
    """A year's table of days off and make-up working days."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._shown_year: int | None = None
        self._notes: tuple[str, ...] = ()  # the shown table's notes, saved back with it
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(now().year)
        self.year.setKeyboardTracking(False)
        year_label = QLabel(self.tr("&Năm:"))
        year_label.setBuddy(self.year)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.table_source = QLineEdit()
        self.table_source.setPlaceholderText(self.tr("Ví dụ: Thông báo số …/TB-LĐTBXH ngày …"))
        self.table_source.textEdited.connect(self.mark_dirty)
        source_caption = QLabel(self.tr("Văn bản &quy định:"))
        source_caption.setBuddy(self.table_source)

        self.days_off = HolidayDaysTableModel()
        self.working_days = HolidayDaysTableModel()
        self.days_off_table = self._table(self.days_off)
        self.working_days_table = self._table(self.working_days)
        self.add_day_off_button = QPushButton(self.tr("&Thêm ngày nghỉ"))
        self.remove_day_off_button = QPushButton(self.tr("Xóa ngày nghỉ"))
        self.add_working_day_button = QPushButton(self.tr("Thêm ngày làm &bù"))
        self.remove_working_day_button = QPushButton(self.tr("Xóa ngày làm bù"))
        self.add_day_off_button.clicked.connect(lambda: self._add_row(self.days_off_table, working=False))
        self.add_working_day_button.clicked.connect(
            lambda: self._add_row(self.working_days_table, working=True)
        )
        self.remove_day_off_button.clicked.connect(lambda: self._remove_row(self.days_off_table))
        self.remove_working_day_button.clicked.connect(lambda: self._remove_row(self.working_days_table))
        for model in (self.days_off, self.working_days):
            model.dataChanged.connect(self.mark_dirty)
            model.rowsInserted.connect(self.mark_dirty)
            model.rowsRemoved.connect(self.mark_dirty)

        off_box = QGroupBox(self.tr("Ngày nghỉ lễ, Tết"))
        off_layout = QVBoxLayout(off_box)
        off_layout.addWidget(self.days_off_table)
        off_buttons = QHBoxLayout()
        off_buttons.addWidget(self.add_day_off_button)
        off_buttons.addWidget(self.remove_day_off_button)
        off_buttons.addStretch(1)
        off_layout.addLayout(off_buttons)
        working_box = QGroupBox(self.tr("Ngày làm việc bù (thứ Bảy, Chủ nhật)"))
        working_layout = QVBoxLayout(working_box)
        working_layout.addWidget(self.working_days_table)
        working_buttons = QHBoxLayout()
        working_buttons.addWidget(self.add_working_day_button)
        working_buttons.addWidget(self.remove_working_day_button)
        working_buttons.addStretch(1)
        working_layout.addLayout(working_buttons)
        tables = QHBoxLayout()
        tables.addWidget(off_box, 3)
        tables.addWidget(working_box, 2)

        self.import_button = QPushButton(self.tr("Nhập từ tệp…"))
        self.import_button.clicked.connect(self.import_from_file)
        self.save_button = QPushButton(self.tr("&Lưu bảng ngày nghỉ"))
        self.save_button.clicked.connect(self.save)

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.source_label, 1)
        source_row = QHBoxLayout()
        source_row.addWidget(source_caption)
        source_row.addWidget(self.table_source, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(source_row)
        layout.addLayout(tables, 1)
        layout.addWidget(
            hint(
                self.tr(
                    "Ghi đủ từng ngày của mỗi đợt nghỉ (kể cả thứ Bảy, Chủ nhật trong đợt). Sửa ngày hoặc "
                    "tên bằng cách nháy đúp (hoặc F2) vào ô. Thời hạn của hồ sơ tiếp nhận sau khi lưu sẽ "
                    "tính theo bảng mới."
                )
            )
        )
        layout.addLayout(self.footer(self.import_button, self.save_button))

        self.year.valueChanged.connect(self._year_changed)
        for before, after in (
            (self.year, self.table_source),
            (self.table_source, self.days_off_table),
            (self.days_off_table, self.add_day_off_button),
            (self.add_day_off_button, self.remove_day_off_button),
            (self.remove_day_off_button, self.working_days_table),
            (self.working_days_table, self.add_working_day_button),
            (self.add_working_day_button, self.remove_working_day_button),
            (self.remove_working_day_button, self.import_button),
            (self.import_button, self.save_button),
        ):
            QWidget.setTabOrder(before, after)

    def _table(self, model: HolidayDaysTableModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setItemDelegateForColumn(HolidayDaysTableModel.COL_DATE, DateDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        table.setColumnWidth(HolidayDaysTableModel.COL_DATE, metrics.horizontalAdvance("00/00/0000") + 40)
        table.setColumnWidth(HolidayDaysTableModel.COL_WEEKDAY, metrics.horizontalAdvance("Chủ nhật") + 24)
        header.setSectionResizeMode(HolidayDaysTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        return table

    def title(self) -> str:
        return self.tr("Ngày nghỉ lễ")

    # -- loading ------------------------------------------------------------------------------------------

    def load(self) -> None:
        self.load_year(self.year.value())

    def load_year(self, year: int) -> None:
        """Show ``year``'s days (what the calendar in force says)."""
        calendar = self.session.services.calendar
        self.call(lambda: calendar.year(year), self._loaded)

    def _year_changed(self, year: int) -> None:
        shown = self._shown_year
        if shown is not None and year != shown and self.is_dirty() and not self.confirm_discard():
            self.year.blockSignals(True)
            self.year.setValue(shown)
            self.year.blockSignals(False)
            return
        self.load_year(year)

    def confirm_discard(self) -> bool:
        """Ask before dropping unsaved edits (tests replace this method)."""
        answer = QMessageBox.question(
            self,
            self.tr("Chưa lưu"),
            self.tr("Bảng ngày nghỉ năm {0} có thay đổi chưa lưu. Bỏ các thay đổi đó?").format(
                self._shown_year
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _loaded(self, listing: Any) -> None:
        if listing.year != self.year.value():
            return  # the user has moved on to another year
        self._shown_year = listing.year
        self.days_off.set_days(listing.days_off)
        self.working_days.set_days(listing.working_days)
        self.table_source.setText(listing.table_source or "")
        self._notes = tuple(listing.notes)
        self.table_source.setCursorPosition(0)
        if listing.source == "table":
            self.source_label.setText(
                self.tr("Năm {0}: theo bảng ngày nghỉ chính thức đã lưu.").format(listing.year)
            )
        else:
            self.source_label.setText(
                self.tr(
                    "Năm {0}: chưa có bảng chính thức — các ngày nghỉ được tính theo Bộ luật Lao động "
                    "(Điều 112). Lưu để dùng bảng này làm bảng chính thức."
                ).format(listing.year)
            )
        self.source_label.setProperty("source", listing.source)
        self.messages.clear()
        self.mark_clean()
        self.loaded.emit()

    def year_source(self) -> str:
        """Where the year shown comes from: ``"table"`` or ``"statutory"``."""
        return str(self.source_label.property("source") or "")

    # -- editing ------------------------------------------------------------------------------------------

    def _add_row(self, table: QTableView, working: bool) -> None:
        model = table.model()
        assert isinstance(model, HolidayDaysTableModel)
        year = self.year.value()
        days = [d for d, _ in model.days() if d.year == year]
        day = max(days) + timedelta(days=1) if days else date(year, 1, 1)
        if working:
            while day.weekday() < SATURDAY and day.year == year:
                day += timedelta(days=1)
        if day.year != year:
            day = date(year, 12, 31)
        row = model.add_day(day)
        index = model.index(row, HolidayDaysTableModel.COL_NAME)
        table.setCurrentIndex(index)
        table.edit(index)

    def _remove_row(self, table: QTableView) -> None:
        model = table.model()
        assert isinstance(model, HolidayDaysTableModel)
        index = table.currentIndex()
        if index.isValid():
            model.remove_day(index.row())

    # -- saving -------------------------------------------------------------------------------------------

    def year_table(self) -> YearTable | None:
        """The table entered, or ``None`` after pointing at the first row that is wrong."""
        self.messages.clear()
        year = self.year.value()
        off = self.days_off.days()
        working = self.working_days.days()
        seen: dict[date, str] = {}
        for kind, rows, table in (
            ("off", off, self.days_off_table),
            ("working", working, self.working_days_table),
        ):
            for row, (day, name) in enumerate(rows):
                problem = None
                if day.year != year:
                    problem = self.tr("Ngày {0} không thuộc năm {1}.").format(f"{day:%d/%m/%Y}", year)
                elif not name.strip():
                    problem = self.tr("Cần ghi tên (lý do) cho ngày {0}.").format(f"{day:%d/%m/%Y}")
                elif day in seen and seen[day] == kind:
                    problem = self.tr("Ngày {0} được ghi hai lần.").format(f"{day:%d/%m/%Y}")
                elif day in seen:
                    problem = self.tr("Ngày {0} vừa là ngày nghỉ vừa là ngày làm bù.").format(
                        f"{day:%d/%m/%Y}"
                    )
                elif kind == "working" and day.weekday() < SATURDAY:
                    problem = self.tr("Ngày làm bù {0} không phải thứ Bảy hay Chủ nhật.").format(
                        f"{day:%d/%m/%Y}"
                    )
                if problem is not None:
                    self.messages.show_text(None, problem)
                    table.setFocus()
                    table.setCurrentIndex(table.model().index(row, HolidayDaysTableModel.COL_DATE))
                    return None
                seen[day] = kind
        try:
            return YearTable(
                year=year,
                source=self.table_source.text(),
                days_off=tuple(NamedDay(d, n) for d, n in off),
                working_days=tuple(NamedDay(d, n) for d, n in working),
                notes=self._notes,
            )
        except CalendarError as exc:  # a rule the checks above missed: the domain's word is final
            self.show_failure(exc, None, self.tr("Bảng ngày nghỉ chưa hợp lệ: {0}").format(exc))
            return None

    def save(self) -> None:
        """Store the year's table (one service call)."""
        table = self.year_table()
        if table is None:
            return
        calendar, actor = self.session.services.calendar, self.session.actor
        self.call(lambda: calendar.save_year(actor, table), lambda _result: self._saved(table))

    def _saved(self, table: YearTable) -> None:
        self.mark_clean()
        self.show_ok(
            self.tr("Đã lưu bảng ngày nghỉ năm {0}: {1} ngày nghỉ, {2} ngày làm bù.").format(
                table.year, len(table.days_off), len(table.working_days)
            )
        )
        self.saved.emit()
        self.load_year(table.year)

    # -- importing ----------------------------------------------------------------------------------------

    def import_from_file(self) -> None:
        """Ask for a table file (JSON, motcua.holidays/1) and import it."""
        path = self.ask_open_path()
        if path is not None:
            self.import_file(path)

    def ask_open_path(self) -> Path | None:
        """The open dialog (tests replace this method)."""
        folder = self.session.prefs.get(EXPORT_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Nhập bảng ngày nghỉ"), folder, self.tr("Bảng ngày nghỉ (*.json)")
        )
        return Path(chosen) if chosen else None

    def import_file(self, path: Path) -> None:
        """Read ``path`` (background) and import it as a year's official table (one service call)."""
        calendar, actor = self.session.services.calendar, self.session.actor
        self.messages.clear()
        self.background(
            lambda: read_text_file(path),
            lambda text: self.call(
                lambda: calendar.import_table(text, actor), self._imported, self._import_refused
            ),
        )

    def _imported(self, table: YearTable) -> None:
        self.mark_clean()
        self.year.blockSignals(True)
        self.year.setValue(table.year)
        self.year.blockSignals(False)
        self.load_year(table.year)
        self.show_ok(
            self.tr("Đã nhập bảng ngày nghỉ năm {0}: {1} ngày nghỉ, {2} ngày làm bù.").format(
                table.year, len(table.days_off), len(table.working_days)
            )
        )
        self.saved.emit()

    def _import_refused(self, exc: BaseException) -> None:
        if isinstance(exc, CalendarError):
            self.show_failure(exc, None, self.tr("Tệp không phải bảng ngày nghỉ hợp lệ: {0}").format(exc))
        else:
            self.show_failure(exc)

    def busy_changed(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)

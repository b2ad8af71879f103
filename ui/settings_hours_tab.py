"""Settings › Giờ làm việc: the office clock (a morning and an afternoon) from which due dates are
counted."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from records.calendar import OfficeHours
from records.errors import CalendarError
from ui.session import UiSession
from ui.settings_tab import SettingsTab, hint, with_error

TIME_FORMAT = "HH:mm"


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class OfficeHoursTab(SettingsTab):
    """The morning and afternoon working hours."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.morning_start = QTimeEdit()
        self.morning_end = QTimeEdit()
        self.afternoon_start = QTimeEdit()
        self.afternoon_end = QTimeEdit()
        self.afternoon = QCheckBox(self.tr("Làm việc &buổi chiều"))
        self.afternoon.setChecked(True)
        for edit in (self.morning_start, self.morning_end, self.afternoon_start, self.afternoon_end):
            edit.setDisplayFormat(TIME_FORMAT)
            edit.timeChanged.connect(self.mark_dirty)
            edit.timeChanged.connect(self._show_total)
        self.afternoon.toggled.connect(self._afternoon_toggled)
        self.afternoon.toggled.connect(self.mark_dirty)

        grid = QGridLayout()
        grid.setColumnStretch(5, 1)
        morning_label = QLabel(self.tr("Buổi &sáng: từ"))
        morning_label.setBuddy(self.morning_start)
        grid.addWidget(morning_label, 0, 0)
        grid.addWidget(self.morning_start, 0, 1)
        grid.addWidget(QLabel(self.tr("đến")), 0, 2)
        morning_end_box, morning_error = with_error(self.morning_end)
        grid.addWidget(morning_end_box, 0, 3)
        grid.addWidget(self.afternoon, 1, 0, 1, 4)
        afternoon_label = QLabel(self.tr("Buổi &chiều: từ"))
        afternoon_label.setBuddy(self.afternoon_start)
        grid.addWidget(afternoon_label, 2, 0)
        afternoon_start_box, afternoon_start_error = with_error(self.afternoon_start)
        grid.addWidget(afternoon_start_box, 2, 1)
        grid.addWidget(QLabel(self.tr("đến")), 2, 2)
        afternoon_end_box, afternoon_error = with_error(self.afternoon_end)
        grid.addWidget(afternoon_end_box, 2, 3)
        self.messages.add("morning", self.morning_end, morning_error)
        self.messages.add("afternoon_start", self.afternoon_start, afternoon_start_error)
        self.messages.add("afternoon", self.afternoon_end, afternoon_error)
        self.total = QLabel()

        box = QGroupBox(self.tr("Giờ làm việc hằng ngày"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(grid)
        box_layout.addWidget(self.total)
        box_layout.addWidget(
            hint(
                self.tr(
                    "Giờ làm việc dùng để tính thời hạn giải quyết của các thủ tục tính theo giờ hoặc trả "
                    "trong ngày, và giờ hẹn trả trên biên nhận. Hồ sơ đã tiếp nhận giữ nguyên thời hạn đã "
                    "hẹn."
                )
            )
        )
        self.save_button = QPushButton(self.tr("&Lưu giờ làm việc"))
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        layout.addLayout(self.footer(self.save_button))

        QWidget.setTabOrder(self.morning_start, self.morning_end)
        QWidget.setTabOrder(self.morning_end, self.afternoon)
        QWidget.setTabOrder(self.afternoon, self.afternoon_start)
        QWidget.setTabOrder(self.afternoon_start, self.afternoon_end)
        QWidget.setTabOrder(self.afternoon_end, self.save_button)

    def title(self) -> str:
        return self.tr("Giờ làm việc")

    def load(self) -> None:
        self.call(self.session.services.settings.office_hours, self._loaded)

    def _loaded(self, hours: OfficeHours) -> None:
        self.show_hours(hours)
        self.mark_clean()
        self.loaded.emit()

    def show_hours(self, hours: OfficeHours) -> None:
        """Fill the fields from ``hours`` (the first two intervals)."""
        (morning_start, morning_end), *rest = hours.intervals
        self.morning_start.setTime(_qtime(morning_start))
        self.morning_end.setTime(_qtime(morning_end))
        self.afternoon.setChecked(bool(rest))
        if rest:
            afternoon_start, afternoon_end = rest[0]
            self.afternoon_start.setTime(_qtime(afternoon_start))
            self.afternoon_end.setTime(_qtime(afternoon_end))
        self._show_total()

    def _afternoon_toggled(self, on: bool) -> None:
        self.afternoon_start.setEnabled(on)
        self.afternoon_end.setEnabled(on)
        self._show_total()

    def _intervals(self) -> list[tuple[time, time]]:
        intervals = [(_time(self.morning_start.time()), _time(self.morning_end.time()))]
        if self.afternoon.isChecked():
            intervals.append((_time(self.afternoon_start.time()), _time(self.afternoon_end.time())))
        return intervals

    def _show_total(self) -> None:
        try:
            hours = OfficeHours(tuple(self._intervals()))
        except CalendarError:
            self.total.setText("")
            return
        total = f"{hours.hours_per_day:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        self.total.setText(
            self.tr("Tổng cộng {0} giờ làm việc mỗi ngày ({1}).").format(total, hours.format())
        )

    def office_hours(self) -> OfficeHours | None:
        """The hours entered, or ``None`` after saying next to the field what is wrong."""
        self.messages.clear()
        intervals = self._intervals()
        (morning_start, morning_end) = intervals[0]
        if morning_end <= morning_start:
            self.messages.show_text("morning", self.tr("Giờ kết thúc buổi sáng phải sau giờ bắt đầu."))
            return None
        if len(intervals) > 1:
            afternoon_start, afternoon_end = intervals[1]
            if afternoon_start < morning_end:
                self.messages.show_text(
                    "afternoon_start", self.tr("Buổi chiều phải bắt đầu sau khi hết buổi sáng.")
                )
                return None
            if afternoon_end <= afternoon_start:
                self.messages.show_text("afternoon", self.tr("Giờ kết thúc buổi chiều phải sau giờ bắt đầu."))
                return None
        try:
            return OfficeHours(tuple(intervals))
        except CalendarError as exc:  # a rule the checks above missed: the domain's word is final
            self.show_failure(exc)
            return None

    def save(self) -> None:
        """Save the office hours (one service call)."""
        hours = self.office_hours()
        if hours is None:
            return
        settings, actor = self.session.services.settings, self.session.actor
        self.call(lambda: settings.set_office_hours(actor, hours), lambda _result: self._saved(hours))

    def _saved(self, hours: OfficeHours) -> None:
        self.mark_clean()
        self.show_ok(self.tr("Đã lưu giờ làm việc: {0}.").format(hours.format()))
        self.saved.emit()

    def busy_changed(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)

"""Extends a file's due date, once: the reason, and either a number of working days or the new date.

Like :class:`~ui.transition_dialog.TransitionDialog`, the dialog only asks: it emits
:attr:`ExtensionDialog.submitted`, the page makes the one service call and closes the dialog, or shows the
refusal next to the field it is about (the reason, the date, the number of days).
"""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from records.clock import VIETNAM_TZ, local
from records.errors import InvalidInput
from ui.errors import FieldMessages
from ui.submit_dialog import SubmitDialog
from ui.transition_dialog import NOTE_MAX

MAX_WORKING_DAYS = 60
DEFAULT_WORKING_DAYS = 3


def _weekdays_after(day: QDate, count: int) -> QDate:
    """``count`` weekdays after ``day`` (a first guess at a working day; the service checks holidays)."""
    while count:
        day = day.addDays(1)
        if day.dayOfWeek() <= 5:
            count -= 1
    return day


class ExtensionDialog(SubmitDialog):
    """Asks for an extension of a file's due date."""

    submitted = Signal(str, object, object)  # reason, working days (int or None), new due moment (or None)

    def __init__(
        self, parent: QWidget | None, code: str, due_at: datetime, closing: time, form_label: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gia hạn hồ sơ {0}").format(code))
        self._closing = closing
        due = local(due_at)
        intro = QLabel(
            self.tr(
                "Hạn trả hiện tại: {0}. Mỗi hồ sơ chỉ được gia hạn một lần. Sau khi gia hạn, {1} được in để "
                "gửi công dân."
            ).format(due.strftime("%d/%m/%Y %H:%M"), form_label)
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.installEventFilter(self)  # Ctrl+Enter confirms from the text box
        self.reason.setPlaceholderText(self.tr("Ví dụ: cần xác minh thêm thông tin với cơ quan liên quan"))
        self.reason.setMinimumHeight(self.fontMetrics().height() * 4)
        self.by_days = QRadioButton(self.tr("Thêm số &ngày làm việc:"))
        self.by_date = QRadioButton(self.tr("Đến ngày &cụ thể:"))
        self.days = QSpinBox()
        self.days.setRange(1, MAX_WORKING_DAYS)
        self.days.setValue(DEFAULT_WORKING_DAYS)
        self.days.setSuffix(self.tr(" ngày làm việc"))
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd/MM/yyyy")
        due_day = QDate(due.year, due.month, due.day)
        self.until.setMinimumDate(due_day.addDays(1))
        self.until.setDate(_weekdays_after(due_day, DEFAULT_WORKING_DAYS))
        self.until.setToolTip(
            self.tr("Hạn mới là {0} giờ của ngày làm việc đã chọn.").format(closing.strftime("%H:%M"))
        )
        mode = QButtonGroup(self)
        mode.addButton(self.by_days)
        mode.addButton(self.by_date)
        self.by_days.setChecked(True)
        self.by_days.toggled.connect(self._mode_changed)
        self._mode_changed()

        self.reason_error = QLabel()
        self.days_error = QLabel()
        self.until_error = QLabel()
        self.general_error = QLabel()
        self.messages = FieldMessages(self.general_error)
        self.messages.add("reason", self.reason, self.reason_error)
        self.messages.add("working_days", self.days, self.days_error)
        self.messages.add("until", self.until, self.until_error)

        form = QFormLayout()
        reason_label = QLabel(self.tr("&Lý do gia hạn:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        form.addRow("", self.reason_error)
        days_row = QHBoxLayout()
        days_row.addWidget(self.by_days)
        days_row.addWidget(self.days)
        days_row.addStretch(1)
        form.addRow(self.tr("Hạn mới:"), days_row)
        form.addRow("", self.days_error)
        date_row = QHBoxLayout()
        date_row.addWidget(self.by_date)
        date_row.addWidget(self.until)
        date_row.addStretch(1)
        form.addRow("", date_row)
        form.addRow("", self.until_error)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Gia hạn và in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        for first_widget, second in (
            (self.reason, self.by_days),
            (self.by_days, self.days),
            (self.days, self.by_date),
            (self.by_date, self.until),
            (self.until, self.buttons),
        ):
            QWidget.setTabOrder(first_widget, second)
        self.resize(560, 0)
        self.reason.setFocus()

    def _mode_changed(self) -> None:
        self.days.setEnabled(self.by_days.isChecked())
        self.until.setEnabled(self.by_date.isChecked())

    def reason_text(self) -> str:
        """The reason as typed, without surrounding blanks."""
        return self.reason.toPlainText().strip()

    def choice(self) -> tuple[int | None, datetime | None]:
        """The working days to add, or the new due moment (the office's closing time of the chosen day)."""
        if self.by_days.isChecked():
            return self.days.value(), None
        day = self.until.date().toPython()
        return None, datetime.combine(day, self._closing, tzinfo=VIETNAM_TZ)  # type: ignore[arg-type]

    def submit(self) -> None:
        """Check the reason and ask the page to extend (the dialog stays open until it is done)."""
        if not self.ok_button.isEnabled():
            return
        self.messages.clear()
        reason = self.reason_text()
        if not reason:
            self.messages.show_text(
                "reason", self.tr("Hãy ghi lý do gia hạn (được in trên văn bản xin lỗi).")
            )
            return
        if len(reason) > NOTE_MAX:
            self.messages.show_text("reason", self.tr("Lý do dài quá {0} ký tự.").format(NOTE_MAX))
            return
        days, until = self.choice()
        self.set_busy(True)
        self.submitted.emit(reason, days, until)

    def show_error(self, exc: BaseException) -> bool:
        """Show a refusal next to its field (``False`` for a bug, shown in the crash dialog)."""
        if isinstance(exc, InvalidInput) and exc.params.get("field") == "until":
            self.set_busy(False)
            # The service's two refusals of a date: not a working day, or not after the current due date.
            self.messages.clear()
            self.messages.show_text(
                "until", self.tr("Hạn mới phải là một ngày làm việc, sau hạn trả hiện tại.")
            )
            return True
        return super().show_error(exc)

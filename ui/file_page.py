"""A file's page (Hồ sơ): everything about one file, its timeline, and the actions its status allows.

The page loads :meth:`FileService.show` on the database worker and shows the header (code, status, timing),
the file's facts, the owner and the submitter, the documents, the fees and notes, and the timeline. The
action buttons come from the workflow (:data:`records.workflow.TRANSITIONS`): only what the current status
allows is shown. Each action is one service call with the session's actor; the page then shows the file the
service returned, emits :attr:`FilePage.changed`, and prints the form that goes with the action (the
supplement request, the refusal, the apology of an extension, the stop notice, the new receipt after a
supplement) through the :class:`~ui.print_controller.PrintController`.

Keyboard: each action has a mnemonic (Alt + the underlined letter), Ctrl+P reprints the receipt, "In lại"
(Alt+L) lists every form that fits the file now, F5 reloads. Esc only ever cancels a dialog: nothing is
changed until its button is pressed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from printing.printouts import Layout, Printouts
from printing.receipt import PAPERS
from records.calendar import OfficeHours
from records.citizens import CitizenView
from records.clock import local
from records.errors import DomainError, ExtensionNotAllowed, FormNotApplicable, InvalidTransition, NotFound
from records.files import Channel, FileDetail
from records.forms import FormKind, FormSet, check_form_fits
from records.workflow import TRANSITIONS, Status, can_extend
from ui.errors import show_error
from ui.extension_dialog import ExtensionDialog
from ui.file_attachments_panel import FileAttachmentsPanel
from ui.file_documents_table_model import FileDocumentsTableModel
from ui.file_events_table_model import FileEventsTableModel
from ui.files_table_model import TIMING_COLOURS
from ui.labels import describe_error, money_text, status_label, timing_label
from ui.preferences import RECEIPT_COPIES, RECEIPT_PAPER
from ui.print_controller import PrintController, PrintJob
from ui.session import UiSession
from ui.transition_dialog import TransitionDialog

# The forms of one file that "In lại" offers, in this order, when they fit the file.
REPRINTABLE = (
    FormKind.RECEIPT,
    FormKind.CONTROL,
    FormKind.SUPPLEMENT,
    FormKind.REFUSAL,
    FormKind.APOLOGY,
    FormKind.STOP,
)
# The status chip's colours (background, text) by the kind of status; every pair is above 7:1.
_CHIP_RUNNING = ("#e3f2fd", "#0d47a1")
_CHIP_PAUSED = ("#f3e5f5", "#4a148c")
_CHIP_DONE = ("#e8f5e9", "#1b5e20")
_CHIP_ENDED = ("#eceff1", "#263238")
_CHIP_REFUSED = ("#ffebee", "#b71c1c")
CHIP_COLOURS = {
    Status.RECEIVED: _CHIP_RUNNING,
    Status.IN_PROGRESS: _CHIP_RUNNING,
    Status.AWAITING_PAYMENT: _CHIP_RUNNING,
    Status.SUPPLEMENT_REQUESTED: _CHIP_PAUSED,
    Status.RESULT_READY: _CHIP_DONE,
    Status.RETURNED: _CHIP_ENDED,
    Status.WITHDRAWN: _CHIP_ENDED,
    Status.STOPPED: _CHIP_ENDED,
    Status.REFUSED: _CHIP_REFUSED,
}
WARNING_STYLE = (
    "QFrame#banner { background: #fff4e5; border: 1px solid #f0a030; border-radius: 4px; }"
    "QFrame#banner QLabel { color: #5d3a00; }"
)
ERROR_BANNER_STYLE = (
    "QFrame#banner { background: #ffebee; border: 1px solid #e57373; border-radius: 4px; }"
    "QFrame#banner QLabel { color: #8e0000; }"
)
MAX_DOCUMENT_ROWS = 6
ACTION_KEYS = (
    "resubmit",
    "in_progress",
    "awaiting_payment",
    "supplement",
    "result_ready",
    "extend",
    "returned",
    "refused",
    "withdrawn",
    "stopped",
)
# Actions that end the file: kept apart, at the bottom of the panel.
ENDING_KEYS = ("refused", "withdrawn", "stopped")


def _moment(value: datetime | None) -> str:
    return local(value).strftime("%d/%m/%Y %H:%M") if value is not None else "—"


def _sentence(title: str) -> str:
    """``GIẤY TIẾP NHẬN …`` as a sentence: ``Giấy tiếp nhận …`` (the forms print their titles in capitals)."""
    return title[:1] + title[1:].lower()


def _inside(label: str) -> str:
    """A form's name inside a sentence: ``phiếu yêu cầu bổ sung …``."""
    return label[:1].lower() + label[1:]


class FilePage(QWidget):
    """One file: its facts, its timeline and its actions."""

    changed = Signal(str)  # the file's code, after any action changed it
    loaded = Signal(object)  # the FileDetail shown, after each load or action

    def __init__(
        self, session: UiSession, printer: PrintController, code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.code = code
        self._session = session
        self._opened = False  # whether the opening was noted in the audit log
        self._printer = printer
        self.detail: FileDetail | None = None
        self.form_set: FormSet | None = None
        self._closing = OfficeHours().closing
        self._busy = False
        self._focused_once = False
        self.dialog: QDialog | None = None  # the action's dialog while it is open

        self._build_banner()
        self._build_header()
        self._build_details()
        self._build_actions()
        self._lay_out()
        QShortcut(QKeySequence.StandardKey.Print, self, self.reprint_receipt)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.start)

    # -- building ----------------------------------------------------------------------------------------

    def _build_banner(self) -> None:
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet(WARNING_STYLE)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        icon = QLabel("⚠")
        icon.setStyleSheet("font-size: 16pt")
        hide = QPushButton(self.tr("Ẩn"))
        hide.setFlat(True)
        hide.setCursor(Qt.CursorShape.PointingHandCursor)
        hide.setToolTip(self.tr("Ẩn thông báo này"))
        hide.clicked.connect(self.banner.hide)
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(icon)
        row.addWidget(self.banner_text, 1)
        row.addWidget(hide, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()

    def _build_header(self) -> None:
        self.code_label = QLabel(self.code)
        font = self.code_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.code_label.setToolTip(self.tr("Mã hồ sơ (bôi đen để sao chép)"))
        self.status_chip = QLabel()
        self.timing_text = QLabel()
        timing_font = self.timing_text.font()
        timing_font.setBold(True)
        self.timing_text.setFont(timing_font)
        self.procedure_label = QLabel(self.tr("Đang tải hồ sơ…"))
        self.procedure_label.setWordWrap(True)
        procedure_font = self.procedure_label.font()
        procedure_font.setPointSizeF(procedure_font.pointSizeF() * 1.15)
        self.procedure_label.setFont(procedure_font)
        self.procedure_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _value(self, name: str) -> QLabel:
        label = QLabel("—")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.fields[name] = label
        return label

    def _form(self, group: QGroupBox, rows: list[tuple[str, str]]) -> QFormLayout:
        form = QFormLayout(group)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(4)
        for name, text in rows:
            caption = QLabel(text)
            caption.setStyleSheet("color: #555")
            form.addRow(caption, self._value(name))
        return form

    def _build_details(self) -> None:
        self.fields: dict[str, QLabel] = {}
        self.file_group = QGroupBox(self.tr("Hồ sơ"))
        self._form(
            self.file_group,
            [
                ("received", self.tr("Tiếp nhận:")),
                ("appointment", self.tr("Hẹn trả (biên nhận):")),
                ("due", self.tr("Hạn trả hiện tại:")),
                ("processing_time", self.tr("Thời hạn giải quyết:")),
                ("finished", self.tr("Có kết quả:")),
                ("returned", self.tr("Đã trả:")),
                ("register", self.tr("Sổ theo dõi:")),
                ("sets", self.tr("Số lượng:")),
                ("channel", self.tr("Hình thức nộp:")),
                ("return_method", self.tr("Nhận kết quả:")),
            ],
        )
        self.owner_group = QGroupBox(self.tr("Chủ hồ sơ"))
        self._form(self.owner_group, self._person_rows("owner"))
        self.submitter_group = QGroupBox(self.tr("Người nộp hồ sơ"))
        self._form(self.submitter_group, self._person_rows("submitter"))

        self.documents_model = FileDocumentsTableModel()
        self.documents = self._table(self.documents_model)
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(FileDocumentsTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in (FileDocumentsTableModel.COL_NUMBER, *FileDocumentsTableModel.COUNT_COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.documents.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.documents_group = QGroupBox(self.tr("Thành phần hồ sơ"))
        documents_layout = QVBoxLayout(self.documents_group)
        documents_layout.addWidget(self.documents)
        self.attachments_panel = FileAttachmentsPanel(self._session, self.code)
        self.attachments_panel.add_requested.connect(self.add_documents)

        self.fees_group = QGroupBox(self.tr("Lệ phí và ghi chú"))
        self._form(
            self.fees_group,
            [
                ("fees", self.tr("Phí, lệ phí:")),
                ("summary", self.tr("Trích yếu:")),
                ("note", self.tr("Ghi chú:")),
            ],
        )

        self.events_model = FileEventsTableModel()
        self.timeline = self._table(self.events_model)
        self.timeline.setWordWrap(True)
        m = FileEventsTableModel
        header = self.timeline.horizontalHeader()
        for column in (m.COL_AT, m.COL_WHO, m.COL_DUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(m.COL_WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(m.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.timeline.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline_group = QGroupBox(self.tr("Quá trình xử lý"))
        QVBoxLayout(self.timeline_group).addWidget(self.timeline)

    def _person_rows(self, who: str) -> list[tuple[str, str]]:
        return [
            (f"{who}_name", self.tr("Họ và tên:")),
            (f"{who}_id", self.tr("Số định danh:")),
            (f"{who}_birth", self.tr("Ngày sinh:")),
            (f"{who}_address", self.tr("Địa chỉ:")),
            (f"{who}_phone", self.tr("Điện thoại:")),
        ]

    def _table(self, model: Any) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.horizontalHeader().setHighlightSections(False)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        return table

    def _build_actions(self) -> None:
        texts = {
            "resubmit": (
                self.tr("Đã &nhận bổ sung…"),
                self.tr("Công dân đã nộp đủ giấy tờ bổ sung: tính lại hạn"),
            ),
            "in_progress": (self.tr("Chuyển &xử lý"), self.tr("Bàn giao hồ sơ cho bộ phận giải quyết")),
            "awaiting_payment": (
                self.tr("Chờ nghĩa vụ tài &chính…"),
                self.tr("Công dân cần thực hiện nghĩa vụ tài chính (nộp thuế, phí) trước khi có kết quả"),
            ),
            "supplement": (
                self.tr("&Yêu cầu bổ sung…"),
                self.tr("Hồ sơ chưa đầy đủ: ghi nội dung cần bổ sung và in phiếu yêu cầu"),
            ),
            "result_ready": (
                self.tr("Có &kết quả"),
                self.tr("Bộ phận giải quyết đã trả kết quả về bộ phận một cửa"),
            ),
            "extend": (
                self.tr("Gi&a hạn…"),
                self.tr("Gia hạn thời gian giải quyết một lần và in văn bản xin lỗi"),
            ),
            "returned": (self.tr("T&rả kết quả…"), self.tr("Công dân đã nhận kết quả: kết thúc hồ sơ")),
            "refused": (
                self.tr("Từ chối t&iếp nhận…"),
                self.tr("Hồ sơ không đủ điều kiện tiếp nhận: in phiếu từ chối"),
            ),
            "withdrawn": (
                self.tr("Công dân rút hồ &sơ…"),
                self.tr("Công dân yêu cầu rút hồ sơ: kết thúc hồ sơ"),
            ),
            "stopped": (self.tr("&Dừng xử lý…"), self.tr("Dừng giải quyết hồ sơ: kết thúc hồ sơ")),
        }
        self.action_buttons: dict[str, QPushButton] = {}
        for key in ACTION_KEYS:
            text, tip = texts[key]
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setMinimumHeight(button.sizeHint().height() + 6)
            button.setAutoDefault(True)  # Enter presses the focused action
            button.clicked.connect(lambda _checked=False, k=key: self.trigger(k))
            button.hide()
            self.action_buttons[key] = button
        self.extend_note = QLabel()
        self.extend_note.setWordWrap(True)
        self.extend_note.setStyleSheet("color: #555")
        self.extend_note.hide()
        self.no_actions = QLabel(self.tr("Hồ sơ đã kết thúc: không còn thao tác nào."))
        self.no_actions.setWordWrap(True)
        self.no_actions.setStyleSheet("color: #555")
        self.no_actions.hide()

        self.reprint_menu = QMenu(self)
        self.reprint_menu.setToolTipsVisible(True)
        self.reprint_actions: dict[FormKind, QAction] = {}
        for number, kind in enumerate(REPRINTABLE, start=1):
            action = QAction(self)
            action.setData(f"&{number}")
            if kind is FormKind.RECEIPT:
                action.setShortcut(QKeySequence.StandardKey.Print)
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # Ctrl+P is the page's shortcut
            action.triggered.connect(lambda _checked=False, k=kind: self.reprint(k))
            self.reprint_menu.addAction(action)
            self.reprint_actions[kind] = action
        self.reprint_button = QPushButton(self.tr("In &lại"))
        self.reprint_button.setToolTip(self.tr("In lại giấy tờ của hồ sơ (Ctrl+P: giấy tiếp nhận)"))
        self.reprint_button.setMenu(self.reprint_menu)
        self.reprint_button.setEnabled(False)
        self.reload_button = QPushButton(self.tr("Làm mới"))
        self.reload_button.setToolTip(self.tr("Tải lại hồ sơ (F5)"))
        self.reload_button.clicked.connect(self.start)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.code_label)
        top.addWidget(self.status_chip)
        top.addWidget(self.timing_text)
        top.addStretch(1)
        top.addWidget(self.reload_button)

        details = QWidget()
        grid = QGridLayout(details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        people = QHBoxLayout()
        people.setSpacing(10)
        people.addWidget(self.owner_group, 1)
        people.addWidget(self.submitter_group, 1)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addLayout(people)
        right.addWidget(self.fees_group)
        right.addStretch(1)
        grid.addWidget(self.file_group, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(self.documents_group, 1, 0, 1, 2)
        grid.addWidget(self.attachments_panel, 2, 0, 1, 2)
        grid.addWidget(self.timeline_group, 3, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(3, 1)
        self.timeline.setMinimumHeight(self.fontMetrics().height() * 6)
        scroll = QScrollArea()
        scroll.setWidget(details)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        panel = QGroupBox(self.tr("Thao tác"))
        panel.setMinimumWidth(self.fontMetrics().horizontalAdvance("Chờ nghĩa vụ tài chính…") + 60)
        column = QVBoxLayout(panel)
        column.setSpacing(6)
        for key in ACTION_KEYS:
            if key in ENDING_KEYS:
                continue
            column.addWidget(self.action_buttons[key])
            if key == "extend":
                column.addWidget(self.extend_note)
        column.addWidget(self.no_actions)
        self.ending_line = QFrame()
        self.ending_line.setFrameShape(QFrame.Shape.HLine)
        self.ending_line.setFrameShadow(QFrame.Shadow.Sunken)
        column.addSpacing(6)
        column.addWidget(self.ending_line)
        for key in ENDING_KEYS:
            column.addWidget(self.action_buttons[key])
        column.addStretch(1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        column.addWidget(line)
        column.addWidget(self.reprint_button)

        body = QHBoxLayout()
        body.setSpacing(10)
        body.addWidget(scroll, 1)
        body.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.procedure_label)
        layout.addLayout(body, 1)
        order: list[QWidget] = [self.action_buttons[k] for k in ACTION_KEYS if k not in ENDING_KEYS]
        order += [self.action_buttons[k] for k in ENDING_KEYS]
        order += [self.reprint_button, self.reload_button, self.documents, self.attachments_panel.table]
        order += [
            self.attachments_panel.view_button,
            self.attachments_panel.add_button,
            self.attachments_panel.remove_button,
            self.timeline,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- the page's interface ----------------------------------------------------------------------------

    def start(self) -> None:
        """Load the file (and the agency's form set and office hours) on the worker."""
        session = self._session
        code = self.code
        opener = None if self._opened else session.actor  # the first load is the opening: audited once
        self._opened = True

        def load() -> tuple[FileDetail, FormSet, time]:
            services = session.services
            return (
                services.files.show(code, opener),
                services.settings.form_set(),
                services.settings.office_hours().closing,
            )

        session.run(load, self._loaded, self._load_failed)
        self.attachments_panel.reload()

    def add_documents(self) -> None:
        """Scan, photograph or import more documents for this file (the digitizing dialog)."""
        from ui.digitize_dialog import DigitizeDialog

        detail = self.detail
        if detail is None:
            return
        checklist = [(doc.code, doc.name) for doc in detail.documents]
        dialog = DigitizeDialog(self._session, detail.code, checklist, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.attached.connect(lambda _views: self.attachments_panel.reload())
        self.dialog = dialog
        dialog.open()

    def show_warning(self, text: str) -> None:
        """A warning banner at the top of the page (a receipt's signature that does not verify)."""
        self.banner.setStyleSheet(WARNING_STYLE)
        self.banner_text.setText(text)
        self.banner.show()

    def warning_text(self) -> str | None:
        """The banner's text while it is shown."""
        return self.banner_text.text() if not self.banner.isHidden() else None

    def visible_actions(self) -> list[str]:
        """The actions the file's status allows (shown on the page), in the panel's order."""
        return [key for key in ACTION_KEYS if not self.action_buttons[key].isHidden()]

    def _loaded(self, result: tuple[FileDetail, FormSet, time]) -> None:
        if not isValid(self):
            return  # the tab was closed while the file was being read
        detail, form_set, closing = result
        self.form_set = form_set
        self._closing = closing
        self._show(detail)

    def _load_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        if isinstance(exc, DomainError):
            self.banner.setStyleSheet(ERROR_BANNER_STYLE)
            if isinstance(exc, NotFound):
                self.banner_text.setText(self.tr("Không tìm thấy hồ sơ {0}.").format(self.code))
            else:
                self.banner_text.setText(self.tr("Không mở được hồ sơ: {0}").format(describe_error(exc)))
            self.banner.show()
            self.procedure_label.setText("")
        else:
            show_error(self, exc, self.tr("Không mở được hồ sơ"))

    # -- showing -----------------------------------------------------------------------------------------

    def _show(self, detail: FileDetail) -> None:
        self.detail = detail
        summary = detail.summary
        self.code = detail.code
        self.code_label.setText(detail.code)
        background, foreground = CHIP_COLOURS[detail.status]
        self.status_chip.setText(status_label(detail.status))
        self.status_chip.setStyleSheet(
            f"background: {background}; color: {foreground}; border-radius: 10px; padding: 3px 10px;"
            " font-weight: bold"
        )
        colour = TIMING_COLOURS.get(summary.timing)
        self.timing_text.setText(timing_label(summary.timing))
        self.timing_text.setStyleSheet(f"color: {colour.name()}" if colour else "color: #2e4a62")
        self.procedure_label.setText(
            self.tr("{0}  ·  mã thủ tục {1}").format(summary.procedure_name, summary.procedure_code)
        )
        self._show_facts(detail)
        self._show_people(detail)
        self.documents_model.set_documents(detail.documents)
        self._fit_documents(len(detail.documents))
        self._show_fees(detail)
        self.events_model.set_events(detail.events)
        self.timeline.scrollToBottom()  # the newest step
        self._show_actions(detail)
        self.loaded.emit(detail)
        if not self._focused_once and self.isVisible():
            self._focused_once = True
            usable = [self.action_buttons[k] for k in ACTION_KEYS if self._usable(k)]
            first = usable[0] if usable else self.reprint_button
            first.setFocus()

    def _fit_documents(self, rows: int) -> None:
        """The documents table as tall as its rows (up to six; more scroll), so the timeline gets the rest."""
        table = self.documents
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += table.verticalHeader().defaultSectionSize() * max(1, min(rows, MAX_DOCUMENT_ROWS))
        table.setFixedHeight(height)

    def _show_facts(self, detail: FileDetail) -> None:
        f = self.fields
        received = _moment(detail.summary.received_at)
        if detail.received_by_name:
            received = self.tr("{0}, {1}").format(received, detail.received_by_name)
        f["received"].setText(received)
        f["appointment"].setText(_moment(detail.appointment))
        f["due"].setText(self._due_text(detail))
        f["processing_time"].setText(self._processing_time(detail.procedure_rule.get("processing_time")))
        f["finished"].setText(_moment(detail.summary.finished_at))
        f["returned"].setText(_moment(detail.returned_at))
        f["sets"].setText(self.tr("{0} bộ").format(detail.sets))
        f["register"].setText(
            self.tr("Quyển {0}/{1}, số thứ tự {2}").format(
                detail.register_book, detail.register_year, detail.register_entry
            )
        )
        channels = {
            Channel.IN_PERSON: self.tr("Trực tiếp"),
            Channel.ONLINE: self.tr("Trực tuyến"),
            Channel.POST: self.tr("Qua bưu chính công ích"),
        }
        f["channel"].setText(channels.get(detail.channel, str(int(detail.channel))))
        f["return_method"].setText(
            self.tr("Qua bưu chính công ích")
            if detail.return_method == "post"
            else self.tr("Tại bộ phận một cửa")
        )

    def _due_text(self, detail: FileDetail) -> str:
        due = detail.summary.due_at
        if detail.status is Status.SUPPLEMENT_REQUESTED:
            return self.tr("Tạm dừng — chờ công dân bổ sung hồ sơ")
        if due is None:
            return "—"
        text = _moment(due)
        if detail.extension_count and detail.original_due_at and detail.original_due_at != due:
            text = self.tr("{0} (đã gia hạn, hẹn cũ {1})").format(text, _moment(detail.original_due_at))
        return text

    def _processing_time(self, rule: Any) -> str:
        if not isinstance(rule, dict):
            return "—"
        kind, amount = rule.get("kind"), rule.get("amount", 0)
        number = f"{amount:g}".replace(".", ",") if isinstance(amount, int | float) else str(amount)
        if kind == "same_day":
            return self.tr("Trong ngày (nhận trước {0})").format(rule.get("cutoff", "15:00"))
        if kind == "working_hours":
            return self.tr("{0} giờ làm việc").format(number)
        return self.tr("{0} ngày làm việc").format(number)

    def _show_people(self, detail: FileDetail) -> None:
        same = detail.owner.id == detail.submitter.id
        self.owner_group.setTitle(self.tr("Chủ hồ sơ, người nộp") if same else self.tr("Chủ hồ sơ"))
        self.submitter_group.setVisible(not same)
        self._show_person("owner", detail.owner)
        self._show_person("submitter", detail.submitter)

    def _show_person(self, who: str, person: CitizenView) -> None:
        f = self.fields
        f[f"{who}_name"].setText(person.full_name)
        f[f"{who}_id"].setText(person.id_number or "—")
        f[f"{who}_birth"].setText(person.date_of_birth.strftime("%d/%m/%Y") if person.date_of_birth else "—")
        f[f"{who}_address"].setText(person.address or "—")
        f[f"{who}_phone"].setText(person.phone or "—")

    def _show_fees(self, detail: FileDetail) -> None:
        lines = []
        for fee in detail.fees:
            if fee.amount is None:
                amount = self.tr("chưa quy định")
            elif fee.amount == 0:
                amount = self.tr("miễn phí")
            else:
                amount = money_text(fee.amount)
            lines.append(f"{fee.name}: {amount}")
        if detail.fees and detail.fee_total:
            lines.append(self.tr("Tổng cộng: {0}").format(money_text(detail.fee_total)))
        self.fields["fees"].setText("\n".join(lines) if lines else self.tr("Không thu phí"))
        self.fields["summary"].setText(detail.summary_text or "—")
        self.fields["note"].setText(detail.note or "—")

    # -- actions -----------------------------------------------------------------------------------------

    def _allowed(self, detail: FileDetail) -> set[str]:
        status = detail.status
        targets = TRANSITIONS[status]
        keys: set[str] = set()
        resubmission = status is Status.SUPPLEMENT_REQUESTED
        if resubmission and Status.RECEIVED in targets:
            keys.add("resubmit")
        if Status.IN_PROGRESS in targets and not resubmission:
            keys.add("in_progress")
        simple = {
            "awaiting_payment": Status.AWAITING_PAYMENT,
            "supplement": Status.SUPPLEMENT_REQUESTED,
            "result_ready": Status.RESULT_READY,
            "returned": Status.RETURNED,
            "refused": Status.REFUSED,
            "withdrawn": Status.WITHDRAWN,
            "stopped": Status.STOPPED,
        }
        keys.update(key for key, target in simple.items() if target in targets)
        if can_extend(status) and detail.summary.due_at is not None:
            keys.add("extend")
        return keys

    def _usable(self, key: str) -> bool:
        button = self.action_buttons[key]
        return not button.isHidden() and button.isEnabled()

    def _show_actions(self, detail: FileDetail) -> None:
        allowed = self._allowed(detail)
        for key, button in self.action_buttons.items():
            button.setVisible(key in allowed)
            button.setEnabled(key in allowed and not self._busy)
        extended = detail.extension_count >= 1
        if "extend" in allowed and extended:
            self.action_buttons["extend"].setEnabled(False)
            self.action_buttons["extend"].setToolTip(
                self.tr("Hồ sơ đã được gia hạn một lần; pháp luật chỉ cho phép gia hạn một lần.")
            )
            self.extend_note.setText(self.tr("Đã gia hạn một lần — không thể gia hạn thêm."))
        else:
            self.action_buttons["extend"].setToolTip(
                self.tr("Gia hạn thời gian giải quyết một lần và in văn bản xin lỗi")
            )
        self.extend_note.setVisible("extend" in allowed and extended)
        self.ending_line.setVisible(bool(allowed & set(ENDING_KEYS)))
        self.no_actions.setVisible(not allowed)
        self._show_reprints(detail)

    def _show_reprints(self, detail: FileDetail) -> None:
        any_fits = False
        for kind, action in self.reprint_actions.items():
            spec = self.form_set.forms.get(kind) if self.form_set else None
            fits = spec is not None and _fits(kind, detail)
            action.setVisible(fits)
            action.setEnabled(fits)
            if spec is not None:
                action.setText(f"{action.data()}  {_sentence(spec.title)} ({spec.label})")
            any_fits = any_fits or fits
        self.reprint_button.setEnabled(any_fits)

    def set_busy(self, busy: bool) -> None:
        """While an action is being saved, no other action can start."""
        self._busy = busy
        if self.detail is not None:
            self._show_actions(self.detail)

    def trigger(self, key: str) -> None:
        """Start the action ``key`` (one of :data:`ACTION_KEYS`) as its button does."""
        detail = self.detail
        if detail is None or self._busy or key not in self._allowed(detail):
            return
        if key == "extend":
            self._ask_extension(detail)
            return
        if key == "in_progress":
            self._change(Status.IN_PROGRESS, None, None)
            return
        if key == "result_ready":
            self._change(Status.RESULT_READY, None, None)
            return
        self._ask_transition(key, detail)

    def _form_label(self, kind: FormKind) -> str | None:
        spec = self.form_set.forms.get(kind) if self.form_set else None
        return f"{_sentence(spec.title)} ({spec.label})" if spec else None

    def _ask_transition(self, key: str, detail: FileDetail) -> None:
        code = detail.code
        ends = self.tr("Hồ sơ sẽ kết thúc và không thể chuyển sang trạng thái khác.")
        form = {
            "resubmit": FormKind.RECEIPT,
            "supplement": FormKind.SUPPLEMENT,
            "refused": FormKind.REFUSAL,
            "withdrawn": FormKind.STOP,
            "stopped": FormKind.STOP,
        }.get(key)
        label = self._form_label(form) if form else None
        prints = self.tr("Sau khi lưu, {0} được in.").format(_inside(label)) if label else ""
        configs: dict[str, dict[str, Any]] = {
            "resubmit": {
                "target": Status.RECEIVED,
                "title": self.tr("Nhận hồ sơ bổ sung"),
                "prompt": self.tr(
                    "Công dân đã nộp đủ giấy tờ bổ sung cho hồ sơ {0}. Thời hạn giải quyết được tính lại "
                    "từ bây giờ. {1}"
                ).format(code, prints),
                "accept": self.tr("Xác nhận đã nhận"),
                "note": self.tr("&Giấy tờ đã nhận bổ sung (không bắt buộc):"),
                "required": False,
            },
            "awaiting_payment": {
                "target": Status.AWAITING_PAYMENT,
                "title": self.tr("Chờ thực hiện nghĩa vụ tài chính"),
                "prompt": self.tr(
                    "Hồ sơ {0} chờ công dân thực hiện nghĩa vụ tài chính (thuế, phí, lệ phí) trước khi trả "
                    "kết quả."
                ).format(code),
                "accept": self.tr("Lưu"),
                "note": self.tr("&Nghĩa vụ cần thực hiện (không bắt buộc):"),
                "required": False,
            },
            "supplement": {
                "target": Status.SUPPLEMENT_REQUESTED,
                "title": self.tr("Yêu cầu bổ sung hồ sơ"),
                "prompt": self.tr(
                    "Hồ sơ {0} chưa đầy đủ. Thời hạn giải quyết tạm dừng đến khi công dân nộp đủ giấy tờ. {1}"
                ).format(code, prints),
                "accept": self.tr("Yêu cầu bổ sung"),
                "note": self.tr("&Nội dung cần bổ sung, hoàn thiện:"),
                "required": True,
                "placeholder": self.tr(
                    "Ví dụ: Bản sao giấy chứng sinh; tờ khai chưa có chữ ký người yêu cầu"
                ),
            },
            "returned": {
                "target": Status.RETURNED,
                "title": self.tr("Trả kết quả"),
                "prompt": self.tr("Xác nhận công dân đã nhận kết quả của hồ sơ {0}.").format(code),
                "accept": self.tr("Đã trả kết quả"),
                "note": self.tr("&Ghi chú (không bắt buộc):"),
                "required": False,
                "warning": ends,
            },
            "refused": {
                "target": Status.REFUSED,
                "title": self.tr("Từ chối tiếp nhận"),
                "prompt": self.tr("Từ chối tiếp nhận giải quyết hồ sơ {0}. {1}").format(code, prints),
                "accept": self.tr("Từ chối tiếp nhận"),
                "note": self.tr("&Lý do từ chối:"),
                "required": True,
                "warning": ends,
            },
            "withdrawn": {
                "target": Status.WITHDRAWN,
                "title": self.tr("Công dân rút hồ sơ"),
                "prompt": self.tr("Công dân yêu cầu rút hồ sơ {0}. {1}").format(code, prints),
                "accept": self.tr("Rút hồ sơ"),
                "note": self.tr("&Lý do (không bắt buộc):"),
                "required": False,
                "warning": ends,
            },
            "stopped": {
                "target": Status.STOPPED,
                "title": self.tr("Dừng xử lý hồ sơ"),
                "prompt": self.tr("Dừng giải quyết hồ sơ {0}. {1}").format(code, prints),
                "accept": self.tr("Dừng xử lý"),
                "note": self.tr("&Lý do dừng:"),
                "required": True,
                "warning": ends,
            },
        }
        config = configs[key]
        dialog = TransitionDialog(
            self,
            config["title"],
            config["prompt"].strip(),
            config["accept"],
            note_label=config["note"],
            note_required=config["required"],
            warning=config.get("warning"),
            placeholder=config.get("placeholder", ""),
        )
        target: Status = config["target"]
        dialog.submitted.connect(lambda note: self._change(target, note or None, dialog))
        self._open_dialog(dialog)

    def _ask_extension(self, detail: FileDetail) -> None:
        if detail.extension_count >= 1:
            show_error(self, ExtensionNotAllowed("already extended once"), self.tr("Không gia hạn được"))
            return
        assert detail.summary.due_at is not None  # _allowed checked it
        label = _inside(self._form_label(FormKind.APOLOGY) or self.tr("văn bản xin lỗi"))
        dialog = ExtensionDialog(self, detail.code, detail.summary.due_at, self._closing, label)
        dialog.submitted.connect(lambda reason, days, until: self._extend(reason, days, until, dialog))
        self._open_dialog(dialog)

    def _open_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _change(self, target: Status, note: str | None, dialog: TransitionDialog | None) -> None:
        session = self._session
        code = self.code
        origin = self.detail.status if self.detail else None
        kind = {
            Status.SUPPLEMENT_REQUESTED: FormKind.SUPPLEMENT,
            Status.REFUSED: FormKind.REFUSAL,
            Status.WITHDRAWN: FormKind.STOP,
            Status.STOPPED: FormKind.STOP,
        }.get(target)
        if origin is Status.SUPPLEMENT_REQUESTED and target in (Status.RECEIVED, Status.IN_PROGRESS):
            kind = FormKind.RECEIPT  # the complete re-submission: a receipt with the new appointment
        self._run(
            lambda: session.services.files.set_status(code, target, session.actor, note=note),
            kind,
            dialog,
            self.tr("Không chuyển được trạng thái hồ sơ"),
        )

    def _extend(self, reason: str, days: int | None, until: datetime | None, dialog: ExtensionDialog) -> None:
        session = self._session
        code = self.code
        self._run(
            lambda: session.services.files.extend(
                code, session.actor, reason, until=until, working_days=days
            ),
            FormKind.APOLOGY,
            dialog,
            self.tr("Không gia hạn được"),
        )

    def _run(
        self,
        call: Callable[[], FileDetail],
        form: FormKind | None,
        dialog: TransitionDialog | ExtensionDialog | None,
        title: str,
    ) -> None:
        self.set_busy(True)
        self._session.run(
            call,
            lambda detail: self._done(detail, form, dialog),
            lambda exc: self._failed(exc, dialog, title),
        )

    def _done(
        self, detail: FileDetail, form: FormKind | None, dialog: TransitionDialog | ExtensionDialog | None
    ) -> None:
        if not isValid(self):
            return  # the tab was closed meanwhile: the change is saved, there is nothing to show
        self._busy = False
        if dialog is not None:
            dialog.finish()
        self._show(detail)
        self.changed.emit(detail.code)
        if form is not None and self._has_form(form) and _fits(form, detail):
            self.reprint(form)

    def _failed(
        self, exc: BaseException, dialog: TransitionDialog | ExtensionDialog | None, title: str
    ) -> None:
        if not isValid(self):
            return
        self.set_busy(False)
        stale = isinstance(exc, InvalidTransition | ExtensionNotAllowed)
        if dialog is not None:
            if dialog.isVisible() and not stale:
                dialog.show_error(exc)  # a note or a date to correct: the dialog stays open
                return
            dialog.set_busy(False)
            dialog.reject()
        show_error(self, exc, title)
        if stale:
            self.start()  # someone else changed the file meanwhile: show where it stands now

    # -- printing ----------------------------------------------------------------------------------------

    def _has_form(self, kind: FormKind) -> bool:
        return self.form_set is not None and kind in self.form_set.forms

    def reprint(self, kind: FormKind) -> None:
        """Print the form ``kind`` of this file (a receipt: on the preferred paper and copies)."""
        code = self.code
        spec = self.form_set.forms.get(kind) if self.form_set else None
        title = _sentence(spec.title) if spec else kind.value
        if kind is FormKind.RECEIPT:
            prefs = self._session.prefs
            paper = prefs.get(RECEIPT_PAPER)
            paper = paper if paper in PAPERS else {"roll80": "80mm"}.get(paper, "a4")
            copies = max(1, min(2, prefs.get(RECEIPT_COPIES)))

            def read(p: Printouts) -> Layout:
                return p.receipt_layout(code, paper, copies)
        else:

            def read(p: Printouts) -> Layout:
                return p.form_layout(kind, code)

        self._printer.start(PrintJob(kind.value, code, title, read))

    def reprint_receipt(self) -> None:
        """Ctrl+P: print the receipt again, or say why this file has none."""
        detail = self.detail
        if detail is None:
            return
        try:
            check_form_fits(FormKind.RECEIPT, detail)
        except FormNotApplicable as exc:
            show_error(self, exc, self.tr("Không in được giấy tiếp nhận"))
            return
        self.reprint(FormKind.RECEIPT)


def _fits(kind: FormKind, detail: FileDetail) -> bool:
    try:
        check_form_fits(kind, detail)
    except FormNotApplicable:
        return False
    return True

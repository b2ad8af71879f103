"""Tiếp nhận hồ sơ: the counter's intake screen, built for a queue (a file in well under a minute).

Left, the people: the file's owner (ID first: scan the chip card's QR code or type the number; a returning
citizen's particulars and previous files appear at once) and, when someone else submits it, the submitter.
Right, the procedure (code or words of its name, diacritics ignored), its document checklist, fees and the
expected appointment, and how the result goes back. One Save registers the file (one service call on the
database worker) and prints Mẫu 01; "Hồ sơ chưa đầy đủ" and "Từ chối tiếp nhận" register it as incomplete
(Mẫu 02) or refused (Mẫu 03) with the clerk's reason.

The papers are digitized before the receipt prints (NĐ 61 Điều 17): "Số hóa giấy tờ" (F6) scans,
photographs or imports them, and the citizen's earlier documents matching the checklist are offered for
reuse; Save registers the file and its documents in one unit of work. A received paper with no digitized
document stops Save with a question (the gate: digitize it, or save anyway, which the audit log notes); a
workstation without a scanner can turn the gate off in Settings.

Shortcuts: Ctrl+S or Ctrl+Enter save and print the receipt; F6 digitizes the papers; Ctrl+P prints the last
form again; Ctrl+N clears the screen for the next citizen; Ctrl+Shift+N starts another file for the same
people.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from records.attachments import uncovered
from records.calendar import ProcessingTime
from records.clock import local, now
from records.errors import CatalogError, DomainError, InvalidInput, InvalidPersonalId, NotFound
from records.files import FileDetail, RegistrationRequest
from records.forms import FormKind
from records.procedures import FeeRule, Procedure, ProcedureVersion, compute_fee
from records.workflow import Status
from ui.checklist_table_model import ChecklistTableModel, CountDelegate
from ui.citizen_files_table_model import CitizenFilesTableModel
from ui.errors import ERROR_STYLE, FieldMessages, details_of, show_crash
from ui.intake_documents import IntakeDocuments
from ui.labels import describe_error, money_text
from ui.person_form import PersonForm
from ui.preferences import DIGITIZE_CHECK, LAST_PROCEDURE, RECEIPT_COPIES, RECEIPT_PAPER, RETURN_METHOD
from ui.print_controller import PrintController, PrintJob
from ui.procedure_picker import ProcedurePicker
from ui.reason_dialog import ReasonDialog
from ui.session import UiSession

BANNER_STYLE = (
    "QFrame#banner { background: #e8f5e9; border: 1px solid #a5d6a7; border-radius: 4px; }"
    "QFrame#banner[kind='notice'] { background: #fff3e0; border-color: #ffcc80; }"
)
MUTED_STYLE = "color: #555555"
DATE_TIME = "%d/%m/%Y %H:%M"
PAGE_MARGIN = 8


class IntakePage(QWidget):
    """The intake screen of one session."""

    file_registered = Signal(str)  # the new file's code
    open_file_requested = Signal(str)  # a file code (a previous file of the citizen, or the one just saved)

    def __init__(self, session: UiSession, printer: PrintController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._printer = printer
        self._procedure: Procedure | None = None
        self._version: ProcedureVersion | None = None
        self._procedure_generation = 0
        self._busy = False  # a registration is on its way: nothing may be sent again
        self.saved: FileDetail | None = None  # the file this screen registered last
        self._locked = False  # the screen shows a saved file until Ctrl+N
        self.reason_dialog: ReasonDialog | None = None  # open while the clerk types a reason
        self._history_person: PersonForm | None = None  # whose previous files the table shows
        self._printing = ""  # the form sent to the printer last
        self.gate_box: QMessageBox | None = None  # the gate's question (papers not digitized) while open
        self._saved_documents = 0  # documents stored with the file saved last
        self._owner_number: str | None = None  # the owner's ID number once the store knows them (for reuse)

        self.general_message = QLabel()
        self.messages = FieldMessages(self.general_message)
        self._build_people()
        self._build_procedure()
        self._build_buttons()
        self._build_banner()
        self._lay_out()
        self._set_tab_order()
        self._connect()
        self._set_role_names()
        self._restore_choices()

    # -- building ------------------------------------------------------------------------------------------

    def _build_people(self) -> None:
        session = self._session
        self.owner_form = PersonForm(session, "applicant")
        self.owner_box = QGroupBox(self.tr("Chủ hồ sơ"))
        QVBoxLayout(self.owner_box).addWidget(self.owner_form)
        self.submitter_check = QCheckBox(self.tr("Người &nộp hồ sơ không phải chủ hồ sơ"))
        self.submitter_check.setToolTip(
            self.tr(
                "Người đến quầy nộp thay (được ủy quyền, người thân); chủ hồ sơ là người có tên trên hồ sơ"
            )
        )
        self.submitter_form = PersonForm(session, "applicant", mnemonics=False)
        self.submitter_box = QGroupBox(self.tr("Người nộp hồ sơ (người đến quầy)"))
        QVBoxLayout(self.submitter_box).addWidget(self.submitter_form)
        self.submitter_box.hide()

        self.history_model = CitizenFilesTableModel(self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history_model)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setTabKeyNavigation(False)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setWordWrap(False)
        self.history_view.verticalHeader().setVisible(False)
        self._compact_rows(self.history_view)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CitizenFilesTableModel.COL_PROCEDURE, QHeaderView.ResizeMode.Stretch)
        self.history_title = QLabel()
        self.history_box = QGroupBox(self.tr("Hồ sơ đã nộp trước đây"))
        history_layout = QVBoxLayout(self.history_box)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history_view)
        self.history_box.hide()

    def _build_procedure(self) -> None:
        self.picker = ProcedurePicker(self._session)
        self.procedure_label = QLabel(self.tr("&Thủ tục"))
        self.procedure_label.setBuddy(self.picker.edit)
        self.procedure_message = QLabel()
        self.messages.add("procedure", self.picker.edit, self.procedure_message)
        self.procedure_info = QLabel()
        self.procedure_info.setWordWrap(True)
        self.procedure_info.setTextFormat(Qt.TextFormat.RichText)
        self.procedure_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.due_label = QLabel()

        self.checklist_model = ChecklistTableModel(self)
        self.checklist_view = QTableView()
        self.checklist_view.setModel(self.checklist_model)
        self.checklist_view.setItemDelegate(CountDelegate(self.checklist_view))
        self.checklist_view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.checklist_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.checklist_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checklist_view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.checklist_view.setWordWrap(True)
        self.checklist_view.verticalHeader().setVisible(False)
        header = self.checklist_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ChecklistTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.checklist_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.checklist_label = QLabel(self.tr("Thành &phần hồ sơ"))
        self.checklist_label.setBuddy(self.checklist_view)
        bold = self.checklist_label.font()
        bold.setBold(True)
        self.checklist_label.setFont(bold)
        self.receive_all_button = QPushButton(self.tr("Nhận đủ giấy tờ &bắt buộc"))
        self.receive_all_button.setToolTip(self.tr("Đánh dấu đã nhận mọi giấy tờ bắt buộc"))
        self.add_document_button = QPushButton(self.tr("Thêm giấy tờ &khác"))
        self.add_document_button.setToolTip(
            self.tr("Thêm giấy tờ công dân nộp không có trong danh mục (Delete để bỏ dòng đã thêm)")
        )
        self.documents = IntakeDocuments(self._session)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(ERROR_STYLE)
        self.documents_message = QLabel()
        self.messages.add("documents", self.checklist_view, self.documents_message)

        self.fees_label = QLabel()
        self.fees_label.setWordWrap(True)
        self.fees_label.setTextFormat(Qt.TextFormat.RichText)
        self.copies_spin = QSpinBox()
        self.copies_spin.setRange(1, 9999)
        self.pages_spin = QSpinBox()
        self.pages_spin.setRange(1, 9999)
        self.copies_label = QLabel(self.tr("Số bản"))
        self.copies_label.setBuddy(self.copies_spin)
        self.pages_label = QLabel(self.tr("Số trang mỗi bản"))
        self.pages_label.setBuddy(self.pages_spin)
        self.sets_spin = QSpinBox()
        self.sets_spin.setRange(1, 99)
        self.sets_label = QLabel(self.tr("Số bộ hồ sơ"))
        self.sets_label.setBuddy(self.sets_spin)
        self.return_combo = QComboBox()
        self.return_combo.addItem(self.tr("Tại Bộ phận Một cửa"), "counter")
        self.return_combo.addItem(self.tr("Qua dịch vụ bưu chính công ích"), "post")
        self.return_label = QLabel(self.tr("Hình thức t&rả kết quả"))
        self.return_label.setBuddy(self.return_combo)

    def _build_buttons(self) -> None:
        self.save_button = QPushButton(self.tr("&Lưu và in biên nhận (Ctrl+S)"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.setStyleSheet("QPushButton { font-weight: bold; padding: 4px 14px; }")
        self.incomplete_button = QPushButton(self.tr("Hồ sơ chưa đầ&y đủ…"))
        self.incomplete_button.setToolTip(
            self.tr("Lưu hồ sơ chờ bổ sung và in Phiếu yêu cầu bổ sung (Mẫu 02)")
        )
        self.refuse_button = QPushButton(self.tr("Từ chối t&iếp nhận…"))
        self.refuse_button.setToolTip(self.tr("Lưu hồ sơ bị từ chối và in Phiếu từ chối (Mẫu 03)"))
        self.reprint_button = QPushButton(self.tr("In lại (Ctrl+P)"))
        self.reprint_button.setToolTip(self.tr("In lại giấy tờ của hồ sơ vừa lưu"))
        self.new_button = QPushButton(self.tr("Hồ sơ &mới (Ctrl+N)"))
        self.new_button.setToolTip(
            self.tr("Xóa màn hình cho công dân tiếp theo; Ctrl+Shift+N: hồ sơ khác cho cùng người nộp")
        )
        for button in (
            self.save_button,
            self.incomplete_button,
            self.refuse_button,
            self.reprint_button,
            self.new_button,
            self.receive_all_button,
            self.add_document_button,
        ):
            button.setAutoDefault(False)
        self.general_message.setWordWrap(True)

    def _build_banner(self) -> None:
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner_title = QLabel()
        self.banner_code = QLabel()
        self.banner_code.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.banner_code.setFont(big)
        self.banner_detail = QLabel()
        self.banner_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner_print = QLabel()  # where the form went
        self.banner_hint = QLabel(
            self.tr(
                "Ctrl+N: tiếp nhận hồ sơ mới · Ctrl+Shift+N: hồ sơ khác cho cùng người nộp · Ctrl+P: in lại"
            )
        )
        self.banner_hint.setStyleSheet(MUTED_STYLE)
        self.banner_open = QPushButton(self.tr("Mở hồ sơ"))
        self.banner_open.setAutoDefault(False)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.banner_title)
        text.addWidget(self.banner_code)
        text.addWidget(self.banner_detail)
        text.addWidget(self.banner_print)
        text.addWidget(self.banner_hint)
        row = QHBoxLayout(self.banner)
        row.addLayout(text, 1)
        row.addWidget(self.banner_open, 0, Qt.AlignmentFlag.AlignBottom)
        self.banner.hide()

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(self.owner_box)
        left_layout.addWidget(self.submitter_check)
        left_layout.addWidget(self.submitter_box)
        left_layout.addWidget(self.history_box, 1)
        left_layout.addStretch(0)
        self.left_panel = left
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.left_scroll = scroll

        procedure_box = QGroupBox(self.tr("Thủ tục hành chính"))
        procedure_grid = QGridLayout(procedure_box)
        procedure_grid.setVerticalSpacing(4)
        procedure_grid.addWidget(self.procedure_label, 0, 0)
        procedure_grid.addWidget(self.picker, 0, 1)
        procedure_grid.addWidget(self.procedure_message, 1, 1)
        procedure_grid.addWidget(self.procedure_info, 2, 0, 1, 2)
        procedure_grid.addWidget(self.due_label, 3, 0, 1, 2)
        procedure_grid.setColumnStretch(1, 1)

        checklist_box = QGroupBox()
        checklist_layout = QVBoxLayout(checklist_box)
        checklist_head = QHBoxLayout()
        checklist_head.addWidget(self.checklist_label)
        checklist_head.addStretch(1)
        checklist_head.addWidget(self.receive_all_button)
        checklist_head.addWidget(self.add_document_button)
        checklist_layout.addLayout(checklist_head)
        checklist_layout.addWidget(self.checklist_view, 1)
        checklist_layout.addWidget(self.documents)
        checklist_layout.addWidget(self.missing_label)
        checklist_layout.addWidget(self.documents_message)

        fees_box = QGroupBox(self.tr("Phí, lệ phí và trả kết quả"))
        fees_layout = QVBoxLayout(fees_box)
        fees_layout.setSpacing(4)
        fees_layout.addWidget(self.fees_label)
        counts_row = QHBoxLayout()
        for widget in (self.copies_label, self.copies_spin, self.pages_label, self.pages_spin):
            counts_row.addWidget(widget)
        counts_row.addStretch(1)
        fees_layout.addLayout(counts_row)
        return_row = QHBoxLayout()
        return_row.addWidget(self.sets_label)
        return_row.addWidget(self.sets_spin)
        return_row.addSpacing(12)
        return_row.addWidget(self.return_label)
        return_row.addWidget(self.return_combo, 1)
        fees_layout.addLayout(return_row)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(procedure_box)
        right_layout.addWidget(checklist_box, 1)
        right_layout.addWidget(fees_box)
        self.right_panel = right

        columns = QHBoxLayout()
        columns.setSpacing(6)
        columns.addWidget(scroll, 9)
        columns.addWidget(right, 11)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refuse_button)
        buttons.addWidget(self.incomplete_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general_message)
        layout.addLayout(buttons)

    def _compact_rows(self, view: QTableView) -> None:
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)

    def tab_chain(self) -> list[QWidget]:
        """The designed keyboard order: owner → (submitter) → procedure → checklist → fees and return
        method → Save → the other actions → the citizen's previous files."""
        chain: list[QWidget] = [*self.owner_form.fields(), self.submitter_check]
        chain += self.submitter_form.fields()
        chain += [
            self.picker.edit,
            self.checklist_view,
            self.receive_all_button,
            self.add_document_button,
            self.documents.digitize_button,
            self.documents.discard_button,
            self.documents.reuse_list,
            self.copies_spin,
            self.pages_spin,
            self.sets_spin,
            self.return_combo,
            self.save_button,
            self.incomplete_button,
            self.refuse_button,
            self.reprint_button,
            self.new_button,
            self.banner_code,
            self.banner_open,
            self.history_view,
        ]
        return chain

    def _set_tab_order(self) -> None:
        chain = self.tab_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.submitter_check.toggled.connect(self._submitter_toggled)
        for form in (self.owner_form, self.submitter_form):
            form.history_found.connect(lambda history, f=form: self._show_history(f, history))
        self.owner_form.completed.connect(self._owner_completed)
        self.submitter_form.completed.connect(self._focus_procedure)
        self.history_view.activated.connect(self._open_history_row)
        self.picker.procedure_chosen.connect(self._procedure_chosen)
        self.picker.search_failed.connect(self._search_failed)
        self.checklist_model.dataChanged.connect(self._checklist_changed)
        self.checklist_model.modelReset.connect(self._checklist_changed)
        self.checklist_model.rowsInserted.connect(self._checklist_changed)
        self.checklist_model.rowsRemoved.connect(self._checklist_changed)
        self.receive_all_button.clicked.connect(self.checklist_model.receive_all_mandatory)
        self.add_document_button.clicked.connect(self._add_document)
        self.documents.digitize_button.clicked.connect(self.digitize)
        self.documents.changed.connect(self._mark_digitised)
        self.documents.collected.connect(self._tick_collected)
        self.documents.reuse_ticked.connect(self.checklist_model.tick)
        self.copies_spin.valueChanged.connect(self._show_fees)
        self.pages_spin.valueChanged.connect(self._show_fees)
        self.return_combo.currentIndexChanged.connect(self._remember_return_method)
        self.save_button.clicked.connect(self.save)
        self.incomplete_button.clicked.connect(self.register_incomplete)
        self.refuse_button.clicked.connect(self.refuse)
        self.reprint_button.clicked.connect(self.reprint)
        self.new_button.clicked.connect(self.new_file)
        self.banner_open.clicked.connect(self._open_saved)
        self._printer.saved.connect(self._form_saved)
        self._printer.printed.connect(self._form_printed)
        shortcuts = {
            "Ctrl+S": self.save,
            "Ctrl+Return": self.save,
            "Ctrl+Enter": self.save,
            "Ctrl+P": self.reprint,
            "Ctrl+N": self.new_file,
            "Ctrl+Shift+N": self.new_file_same_people,
            "F6": self.digitize,
        }
        for keys, slot in shortcuts.items():
            QShortcut(QKeySequence(keys), self, slot, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.checklist_view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._remove_document)
        self._update_buttons()

    def _restore_choices(self) -> None:
        prefs = self._session.prefs
        index = self.return_combo.findData(prefs.get(RETURN_METHOD))
        self.return_combo.setCurrentIndex(max(index, 0))
        self._show_procedure(None)
        last = prefs.get(LAST_PROCEDURE)
        if last:
            self.load_procedure(last, quiet=True)

    # -- public API ---------------------------------------------------------------------------------------

    def focus_start(self) -> None:
        """Put the cursor in the owner's ID field (the scanner types there)."""
        self.owner_form.id_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.owner_form.id_edit.selectAll()

    @property
    def procedure_code(self) -> str | None:
        """The code of the procedure shown (its rules loaded), if any."""
        return self._procedure.code if self._procedure is not None else None

    # -- people -------------------------------------------------------------------------------------------

    def _submitter_toggled(self, checked: bool) -> None:
        self.submitter_box.setVisible(checked)
        if not checked:
            self.submitter_form.clear()
        self._set_role_names()
        if checked:
            self.submitter_form.id_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_role_names(self) -> None:
        """Without a separate submitter, the person at the counter owns the file (``applicant``)."""
        if self.submitter_check.isChecked():
            self.owner_form.role = "owner"
            self.submitter_form.role = "applicant"
            self.owner_form.register_messages(self.messages)
            self.submitter_form.register_messages(self.messages)
        else:
            self.owner_form.role = "applicant"
            self.submitter_form.role = "submitter"
            self.owner_form.register_messages(self.messages)

    def _owner_completed(self) -> None:
        if self.submitter_check.isChecked() and self.submitter_form.is_empty():
            self.submitter_form.id_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._focus_procedure()

    def _focus_procedure(self) -> None:
        self.picker.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.picker.edit.selectAll()

    def _show_history(self, form: PersonForm, history: Any) -> None:
        if form is self.owner_form:
            citizen = history.citizen if history is not None else None
            self._owner_number = (citizen.personal_id or citizen.old_id) if citizen is not None else None
            self._offer_reuse()
        if history is None:
            if form is self._history_person:
                self.history_model.clear()
                self.history_box.hide()
            return
        self._history_person = form
        self.history_model.set_files(history.files)
        shown = len(history.files)
        name = history.citizen.full_name
        if history.total > shown:
            title = self.tr("{0}: {1} hồ sơ, hiện {2} hồ sơ gần nhất.").format(name, history.total, shown)
        elif history.total:
            title = self.tr("{0}: {1} hồ sơ.").format(name, history.total)
        else:
            title = self.tr("{0}: đã có thông tin, chưa có hồ sơ nào.").format(name)
        self.history_title.setText(title)
        self.history_view.setVisible(shown > 0)
        self.history_box.show()

    def _open_history_row(self, index: QModelIndex) -> None:
        self.open_file_requested.emit(self.history_model.summary(index.row()).code)

    # -- the procedure ------------------------------------------------------------------------------------

    def _procedure_chosen(self, code: str) -> None:
        if self._procedure is not None and self._procedure.code == code:
            self._focus_checklist()
            return
        self.load_procedure(code)

    def load_procedure(self, code: str, quiet: bool = False) -> None:
        """Fetch ``code`` from the catalogue and show its rules in force today (``quiet``: a remembered
        procedure that is gone is forgotten without a message)."""
        self._procedure_generation += 1
        generation = self._procedure_generation
        catalog, files = self._session.services.catalog, self._session.services.files

        def fetch() -> tuple[Procedure, ProcedureVersion, datetime]:
            procedure = catalog.get(code)
            moment = now()
            version = procedure.current_version(moment.date())
            return procedure, version, files.compute_due(procedure.code, moment)

        def loaded(result: tuple[Procedure, ProcedureVersion, datetime]) -> None:
            if generation != self._procedure_generation:
                return
            procedure, version, due = result
            self.procedure_message.hide()
            focus_on_picker = self.picker.edit.hasFocus()
            self._show_procedure(procedure, version, due)
            if focus_on_picker and not quiet:
                self._focus_checklist()

        def failed(exc: BaseException) -> None:
            if generation != self._procedure_generation:
                return
            if quiet and isinstance(exc, NotFound | CatalogError):
                self._session.prefs.set(LAST_PROCEDURE, "")
                self._show_procedure(None)
                return
            self._show_procedure(None)
            self._show_error(exc, "procedure")

        self.procedure_message.hide()
        self._session.run(fetch, loaded, failed)

    def _show_procedure(
        self,
        procedure: Procedure | None,
        version: ProcedureVersion | None = None,
        due: datetime | None = None,
    ) -> None:
        same = (
            procedure is not None
            and self._procedure is not None
            and procedure.code == self._procedure.code
            and version == self._version
        )  # the same rules fetched again for a fresh appointment: what the clerk ticked stays
        self._procedure, self._version = procedure, version
        if procedure is None or version is None:
            self.picker.set_procedure(None)
            self.procedure_info.setText(
                f"<span style='{MUTED_STYLE}'>"
                + self.tr("Chọn thủ tục để xem thành phần hồ sơ, thời hạn giải quyết và lệ phí.")
                + "</span>"
            )
            self.due_label.clear()
            self.checklist_model.clear()
            self._show_fees()
            self._offer_reuse()
            return
        if not same:
            self.picker.set_procedure(procedure.code, procedure.name)
        time_text = self.processing_time_text(version.processing_time)
        if version.extended_processing_time is not None:
            time_text += self.tr("; tối đa {0} nếu phải xác minh").format(
                self.processing_time_text(version.extended_processing_time)
            )
        self.procedure_info.setText(
            f"<b>{_escape(procedure.name)}</b><br>"
            + self.tr("Lĩnh vực: {0} · Mã: {1}").format(_escape(procedure.field), _escape(procedure.code))
            + "<br>"
            + self.tr("Thời hạn giải quyết: {0}").format(_escape(time_text))
        )
        self.due_label.setText(
            self.tr("Hẹn trả kết quả (nếu tiếp nhận bây giờ): <b>{0}</b>").format(
                local(due).strftime(DATE_TIME) if due is not None else "—"
            )
        )
        if not same:
            self.checklist_model.set_documents(version.documents)
            self.copies_spin.setValue(1)
            self.pages_spin.setValue(1)
        self._show_fees()
        self._offer_reuse()

    def processing_time_text(self, value: ProcessingTime) -> str:
        """A statutory processing time as the receipt says it."""
        amount = f"{value.amount:g}".replace(".", ",")
        if value.kind == "same_day":
            return self.tr("trong ngày (tiếp nhận sau {0} thì trả trong ngày làm việc tiếp theo)").format(
                value.cutoff.strftime("%H:%M")
            )
        if value.kind == "working_hours":
            return self.tr("{0} giờ làm việc").format(amount)
        return self.tr("{0} ngày làm việc").format(amount)

    def _focus_checklist(self) -> None:
        view = self.checklist_view
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not view.currentIndex().isValid() and self.checklist_model.rowCount():
            view.setCurrentIndex(self.checklist_model.index(0, ChecklistTableModel.COL_RECEIVED))

    def _search_failed(self, exc: BaseException) -> None:
        self._show_error(exc, "procedure")

    # -- checklist and fees -------------------------------------------------------------------------------

    def _checklist_changed(self, *_args: object) -> None:
        missing = self.checklist_model.missing_mandatory()
        if missing and self._procedure is not None:
            self.missing_label.setText(
                self.tr("Chưa nhận giấy tờ bắt buộc: {0}").format("; ".join(line.name for line in missing))
            )
            self.missing_label.show()
        else:
            self.missing_label.hide()
        if self.documents_message.isVisible():
            self.documents_message.hide()
        self._mark_digitised()

    def _add_document(self) -> None:
        row = self.checklist_model.add_extra()
        index = self.checklist_model.index(row, ChecklistTableModel.COL_NAME)
        self.checklist_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.checklist_view.setCurrentIndex(index)
        self.checklist_view.edit(index)

    def _remove_document(self) -> None:
        index = self.checklist_view.currentIndex()
        if index.isValid():
            self.checklist_model.remove_extra(index.row())

    # -- digitized papers ---------------------------------------------------------------------------------

    def digitize(self) -> None:
        """Scan, photograph or import the citizen's papers (F6): the dialog is asked for the received
        papers not digitized yet (every line when none is ticked yet)."""
        if self._locked or self._busy or self._procedure is None:
            return
        lines = self.checklist_model.received_lines() or self.checklist_model.lines()
        items = [(line.code, line.name) for line in lines if line.name.strip()]
        needed = uncovered(items, self.documents.covered())
        self.documents.open_dialog(needed or items)

    def undigitised(self) -> list[str]:
        """The received papers no digitized document stands for: what the gate names."""
        items = [(line.code, line.name) for line in self.checklist_model.received_lines()]
        return [name for _code, name in uncovered(items, self.documents.covered())]

    def _mark_digitised(self) -> None:
        scanned = [(a.checklist_code, a.name) for a in self.documents.collected_documents()]
        reused = [(o.matches_code, o.matches_name) for o in self.documents.ticked()]
        self.checklist_model.set_digitised(scanned, reused)

    def _tick_collected(self, _count: int) -> None:
        """Papers just scanned were handed over: tick their lines received."""
        for document in self.documents.collected_documents():
            self.checklist_model.tick(document.checklist_code, document.name)

    def _offer_reuse(self) -> None:
        items = [(line.code, line.name) for line in self.checklist_model.lines() if not line.extra]
        self.documents.set_context(self._owner_number, items)

    def _fee_rules(self) -> tuple[FeeRule, ...]:
        return self._version.fees if self._version is not None else ()

    def _show_fees(self) -> None:
        rules = self._fee_rules()
        counted = any(rule.kind in ("per_copy", "per_page_tiered") for rule in rules)
        paged = any(rule.kind == "per_page_tiered" for rule in rules)
        for widget in (self.copies_label, self.copies_spin):
            widget.setVisible(counted)
        for widget in (self.pages_label, self.pages_spin):
            widget.setVisible(paged)
        if not rules:
            self.fees_label.setText(
                self.tr("Lệ phí: không có") if self._version is not None else self.tr("Lệ phí: —")
            )
            self.fees_label.setToolTip("")
            return
        lines: list[str] = []
        total = 0
        for rule in rules:
            amount = compute_fee(rule, copies=self.copies_spin.value(), pages=self.pages_spin.value())
            if amount is None:
                text = self.tr("theo mức thu do HĐND tỉnh quy định")
            elif amount == 0:
                text = self.tr("miễn")
            else:
                total += amount
                text = money_text(amount)
            lines.append(f"{_escape(rule.name)}: <b>{_escape(text)}</b>")
        if total and len(rules) > 1:
            lines.append(self.tr("Tổng cộng: <b>{0}</b>").format(money_text(total)))
        self.fees_label.setText("<br>".join(lines))
        self.fees_label.setToolTip("\n".join(f"{rule.name}: {rule.note}" for rule in rules if rule.note))

    def _remember_return_method(self) -> None:
        self._session.prefs.set(RETURN_METHOD, str(self.return_combo.currentData()))

    # -- saving -------------------------------------------------------------------------------------------

    def build_request(self, status: Status = Status.RECEIVED, note: str | None = None) -> RegistrationRequest:
        """The registration as the screen shows it, checked by ``records``. :class:`FormProblems` lists what
        to fix on the screen, a :class:`DomainError` is what ``records`` refused; both name their fields."""
        problems: list[DomainError] = []
        people: dict[str, Any] = {}
        forms = [self.owner_form] + ([self.submitter_form] if self.submitter_check.isChecked() else [])
        for form in forms:
            found = form.problems()
            if found:
                problems += found
                continue
            try:
                people[form.role] = form.to_json()
            except InvalidInput as exc:
                problems.append(exc)
        if self._procedure is None:
            problems.append(InvalidInput("choose a procedure", field="procedure", reason="no_procedure"))
        received = self.checklist_model.received_lines()
        if not received:
            problems.append(InvalidInput("no document received", field="documents", reason="no_documents"))
        missing = self.checklist_model.missing_mandatory()
        if status is Status.RECEIVED and missing and self._procedure is not None:
            problems.append(InvalidInput("mandatory documents missing", field="documents", reason="missing"))
        for line in received:
            if not line.name.strip():
                problems.append(
                    InvalidInput("an added document has no name", field="documents", reason="no_name")
                )
            elif line.copies == 0:
                problems.append(
                    InvalidInput("no copies", field="documents", reason="no_copies", document=line.name)
                )
        if problems:
            raise FormProblems(problems)
        data: dict[str, Any] = {
            "procedure": self._procedure.code if self._procedure else "",
            "applicant": people.get("applicant"),
            "documents": [line.to_json() for line in received],
            "return_method": self.return_combo.currentData(),
            "sets": self.sets_spin.value(),
            "status": status.slug,
            "copies": self.copies_spin.value(),
            "pages": self.pages_spin.value(),
            "note": note,
        }
        if "owner" in people:
            data["owner"] = people["owner"]
        return RegistrationRequest.from_json(data)

    def save(self) -> None:
        """Register the file as received and print its receipt (Ctrl+S, Ctrl+Enter)."""
        self._register(Status.RECEIVED, None)

    def register_incomplete(self) -> None:
        """Ask which papers are missing, then register the file as incomplete and print Mẫu 02."""
        if not self._can_send() or not self._check(Status.SUPPLEMENT_REQUESTED):
            return
        missing = self.checklist_model.missing_mandatory()
        suggestion = (
            self.tr("Thiếu: {0}.").format("; ".join(line.name for line in missing)) if missing else ""
        )
        self._ask(
            Status.SUPPLEMENT_REQUESTED,
            self.tr("Hồ sơ chưa đầy đủ"),
            self.tr(
                "Giấy tờ, nội dung công dân cần bổ sung, hoàn thiện (in trên Phiếu yêu cầu bổ sung, "
                "hoàn thiện hồ sơ — Mẫu 02):"
            ),
            self.tr("Lưu và in phiếu bổ sung"),
            suggestion,
        )

    def refuse(self) -> None:
        """Ask the reason, then register the file as refused and print Mẫu 03."""
        if not self._can_send() or not self._check(Status.REFUSED):
            return
        self._ask(
            Status.REFUSED,
            self.tr("Từ chối tiếp nhận hồ sơ"),
            self.tr("Lý do từ chối tiếp nhận (in trên Phiếu từ chối tiếp nhận giải quyết hồ sơ — Mẫu 03):"),
            self.tr("Lưu và in phiếu từ chối"),
            "",
        )

    def _ask(self, status: Status, title: str, prompt: str, confirm: str, text: str) -> None:
        dialog = ReasonDialog(title, prompt, confirm, text, self)
        self.reason_dialog = dialog

        def done(result: int) -> None:
            self.reason_dialog = None
            dialog.deleteLater()
            if result == ReasonDialog.DialogCode.Accepted:
                self._register(status, dialog.text())

        dialog.finished.connect(done)
        dialog.open()

    def _can_send(self) -> bool:
        return not self._busy and not self._locked and self.reason_dialog is None and self.gate_box is None

    def _check(self, status: Status) -> bool:
        """Check the screen before asking for a reason (so the clerk does not type it twice)."""
        self.messages.clear()
        try:
            self.build_request(status, "?")
        except (FormProblems, DomainError) as exc:
            self._show_problems(exc)
            return False
        return True

    def _register(self, status: Status, note: str | None, undigitised: list[str] | None = None) -> None:
        """Check the screen, pass the gate (``undigitised``: None until the clerk has answered it), then
        register the file and its documents on the database worker."""
        if not self._can_send():
            return
        self.messages.clear()
        try:
            request = self.build_request(status, note)
        except (FormProblems, DomainError) as exc:
            self._show_problems(exc)
            return
        if undigitised is None:
            missing = self.undigitised() if self._gate_applies(status) else []
            if missing:
                self._ask_gate(status, note, missing)
                return
            undigitised = []
        additions = self.documents.additions()
        self._busy = True
        self._saved_documents = len(additions)
        self._update_buttons()
        attachments, actor = self._session.services.attachments, self._session.actor
        self._session.run(
            lambda: attachments.register(request, additions, actor, undigitised),
            self._registered,
            self._register_failed,
        )

    def _gate_applies(self, status: Status) -> bool:
        """The gate stands before the receipt (a received file), on workstations that keep it."""
        return status is Status.RECEIVED and self._session.prefs.get(DIGITIZE_CHECK)

    def _ask_gate(self, status: Status, note: str | None, missing: list[str]) -> None:
        """Papers received but not digitized: digitize them (the default), save anyway, or go back."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Giấy tờ chưa số hóa"))
        box.setText(self.tr("{0} giấy tờ đã nhận chưa được số hóa:").format(len(missing)))
        box.setInformativeText(
            "\n".join("• " + name for name in missing[:12])
            + "\n\n"
            + self.tr("Giấy tờ phải được số hóa khi tiếp nhận. Lưu mà không số hóa sẽ được ghi lại.")
        )
        scan = box.addButton(self.tr("Số &hóa ngay (F6)"), QMessageBox.ButtonRole.AcceptRole)
        anyway = box.addButton(self.tr("&Vẫn lưu và in biên nhận"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Quay lại"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(scan)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.gate_box = box

        def answered(_result: int) -> None:
            self.gate_box = None
            clicked = box.clickedButton()
            if clicked is scan:
                self.digitize()
            elif clicked is anyway:
                self._register(status, note, missing)

        box.finished.connect(answered)
        box.open()

    def _registered(self, detail: FileDetail) -> None:
        self._busy = False
        self._locked = True
        self.saved = detail
        self._session.prefs.set(LAST_PROCEDURE, detail.summary.procedure_code)
        self._show_banner(detail)
        self._update_buttons()
        self.file_registered.emit(detail.code)
        self.reprint()
        self.new_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _register_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self._show_problems(exc)

    def _update_buttons(self) -> None:
        sendable = not self._busy and not self._locked
        for button in (self.save_button, self.incomplete_button, self.refuse_button):
            button.setEnabled(sendable)
        for panel in (self.owner_box, self.submitter_check, self.submitter_box, self.right_panel):
            panel.setEnabled(not self._locked)  # the saved file stays on show; Ctrl+N starts the next
        self.reprint_button.setEnabled(self.saved is not None and not self._busy)
        self.banner_open.setEnabled(self.saved is not None)

    # -- after saving -------------------------------------------------------------------------------------

    def _show_banner(self, detail: FileDetail) -> None:
        status = detail.status
        if status is Status.RECEIVED:
            title = self.tr("Đã tiếp nhận hồ sơ. Mã hồ sơ:")
            appointment = detail.appointment
            shown = local(appointment).strftime(DATE_TIME) if appointment else "—"
            detail_text = self.tr("Hẹn trả kết quả: <b>{0}</b> · {1}").format(
                shown, _escape(detail.summary.procedure_name)
            )
            if self._saved_documents:
                detail_text += " · " + self.tr("{0} tài liệu số hóa").format(self._saved_documents)
            kind = "done"
        elif status is Status.SUPPLEMENT_REQUESTED:
            title = self.tr("Đã lưu hồ sơ chưa đầy đủ (chờ bổ sung). Mã hồ sơ:")
            detail_text = _escape(detail.summary.procedure_name)
            kind = "notice"
        else:
            title = self.tr("Đã lưu hồ sơ bị từ chối tiếp nhận. Mã hồ sơ:")
            detail_text = _escape(detail.summary.procedure_name)
            kind = "notice"
        self.banner.setProperty("kind", kind)
        self.banner.setStyleSheet(BANNER_STYLE)  # re-polish for the property
        self.banner_title.setText(title)
        self.banner_code.setText(detail.code)
        self.banner_detail.setText(detail_text)
        self.banner_print.setText(
            self.tr(
                "Ctrl+N: tiếp nhận hồ sơ mới · Ctrl+Shift+N: hồ sơ khác cho cùng người nộp · Ctrl+P: in lại"
            )
        )
        self.banner.show()

    def reprint(self) -> None:
        """Print the form of the file saved last again: the receipt, or the supplement or refusal slip."""
        detail = self.saved
        if detail is None or self._busy:
            return
        code = detail.code
        if detail.status is Status.SUPPLEMENT_REQUESTED:
            kind = FormKind.SUPPLEMENT
            title = self.tr("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ")
            job = PrintJob(kind.value, code, title, lambda p: p.form_layout(kind, code))
        elif detail.status is Status.REFUSED:
            kind = FormKind.REFUSAL
            title = self.tr("Phiếu từ chối tiếp nhận giải quyết hồ sơ")
            job = PrintJob(kind.value, code, title, lambda p: p.form_layout(kind, code))
        else:
            prefs = self._session.prefs
            paper, copies = prefs.get(RECEIPT_PAPER), prefs.get(RECEIPT_COPIES)
            title = self.tr("Giấy tiếp nhận hồ sơ và hẹn trả kết quả")
            job = PrintJob(
                FormKind.RECEIPT.value, code, title, lambda p: p.receipt_layout(code, paper, copies)
            )
        self.banner_print.setText(self.tr("Đang in: {0}…").format(title))
        self._printing = job.form
        self._printer.start(job)

    def _form_saved(self, form: str, path: object) -> None:
        if self.saved is not None and self.saved.code in str(path) and form == self._printing:
            self.banner_print.setText(self.tr("Đã lưu tệp PDF: {0}").format(path))

    def _form_printed(self, form: str, printer_name: str) -> None:
        if self.saved is not None and form == self._printing:
            self.banner_print.setText(self.tr("Đã gửi tới máy in {0}.").format(printer_name))

    def _open_saved(self) -> None:
        if self.saved is not None:
            self.open_file_requested.emit(self.saved.code)

    def new_file(self) -> None:
        """Clear the screen for the next citizen (Ctrl+N); the procedure used last stays chosen."""
        if self._busy:
            return
        self.owner_form.clear()
        self.submitter_check.setChecked(False)
        self.submitter_form.clear()
        self._history_person = None
        self.history_model.clear()
        self.history_box.hide()
        self._start_again()
        self.focus_start()

    def new_file_same_people(self) -> None:
        """Another file for the same owner and submitter (Ctrl+Shift+N): only the procedure part resets."""
        if self._busy:
            return
        self._start_again()
        self._focus_procedure()

    def _start_again(self) -> None:
        self.messages.clear()
        self.banner.hide()
        self.documents.clear()
        self._locked = False
        self.sets_spin.setValue(1)
        self._update_buttons()
        self.copies_spin.setValue(1)
        self.pages_spin.setValue(1)
        if self._version is not None:
            self.checklist_model.set_documents(self._version.documents)  # nothing received yet
        last = self._procedure.code if self._procedure else self._session.prefs.get(LAST_PROCEDURE)
        if last:
            self.load_procedure(last, quiet=True)  # the rules and the appointment as of now

    # -- errors -------------------------------------------------------------------------------------------

    def _show_problems(self, exc: BaseException) -> None:
        problems = exc.problems if isinstance(exc, FormProblems) else [exc]
        for problem in reversed(problems):  # the first one shown last keeps the cursor
            if not isinstance(problem, DomainError):
                show_crash(self, details_of(problem))
                return
            self._show_error(problem, None)

    def _show_error(self, exc: BaseException, default_field: str | None) -> None:
        if not isinstance(exc, DomainError):
            show_crash(self, details_of(exc))
            return
        given = exc.params.get("field")
        field = given if isinstance(given, str) and given else default_field
        if field is not None and field.startswith("documents"):
            field = "documents"
        if field in ("phone", "copies", "pages", "sets", "return_method", "status", "received_at"):
            field = None  # nothing on the screen to point at: the general place
        self.messages.show_text(field, self.describe(exc, field))

    def describe(self, exc: DomainError, field: str | None) -> str:
        """A Vietnamese sentence for an error about ``field``."""
        reason = str(exc.params.get("reason", ""))
        if isinstance(exc, InvalidPersonalId) and reason:
            return self.owner_form.id_problem(reason, str(exc.params.get("value", "")))
        if field == "procedure":
            if reason == "no_procedure":
                return self.tr("Chưa chọn thủ tục.")
            if isinstance(exc, NotFound):
                return self.tr("Không có thủ tục này trong danh mục.")
            if isinstance(exc, CatalogError):
                return self.tr("Thủ tục này không có quy định đang có hiệu lực hôm nay.")
        if field == "documents":
            if reason == "missing":
                return self.tr(
                    "Đánh dấu đã nhận (phím cách) các giấy tờ bắt buộc ở trên, hoặc chọn “Hồ sơ chưa đầy đủ”."
                )
            if reason == "no_name":
                return self.tr("Nhập tên cho giấy tờ đã thêm.")
            if reason == "no_copies":
                return self.tr("Giấy tờ “{0}” chưa có số bản nào.").format(exc.params.get("document", ""))
            return self.tr("Đánh dấu ít nhất một giấy tờ đã nhận.")
        if field is not None:
            key = field.split(".", 1)[-1]
            texts = {
                "full_name": self.tr("Nhập họ và tên."),
                "date_of_birth": self.tr("Ngày sinh không đúng (dd/mm/yyyy, không ở tương lai)."),
                "sex": self.tr("Chọn giới tính."),
                "phone": self.tr("Số điện thoại không đúng (10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84)."),
                "personal_id": self.tr("Nhập số định danh cá nhân (12 chữ số) hoặc số CMND cũ (9 chữ số)."),
                "old_id": self.tr("Số CMND cũ phải có 9 chữ số."),
                "email": self.tr("Địa chỉ thư điện tử không đúng."),
            }
            if key in texts:
                return texts[key]
        return describe_error(exc)


class FormProblems(Exception):
    """Several things to fix on the screen at once (each a domain error naming its field)."""

    def __init__(self, problems: list[DomainError]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

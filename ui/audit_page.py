"""The audit log (Nhật ký hệ thống, F9), for supervisors and administrators: who did what, when, from which
workstation; whether the log is still whole; and every entry about one citizen written out for them.

The entries come from ``services.audit.search`` page by page on the database worker (newest first; the next
page loads as the table scrolls to its end), filtered in SQL by account, action (one action, or every action
of an area: "Mọi thao tác hồ sơ" is the ``file.`` prefix), file code or other entity id, and days.
"Kiểm tra tính toàn vẹn" recomputes the log's hash chain (``services.audit.verify``) on the worker and names
the first broken entry and why. "Trích xuất cho công dân…" asks for a personal ID and a file, and writes the
entries about that citizen there (``services.audit.export_about_citizen``: a data subject's request under
the personal data protection law); the export itself is in the log.

Keyboard: Alt+K account, Alt+C action, Alt+M file code, Alt+Y / Alt+N the days, Alt+L clears the filters,
Alt+V checks the chain, Alt+X exports for a citizen, F5 reloads; Enter on an entry about a file opens the
file. Mnemonics avoid the main window's menus (Alt+T, H, Q, G).
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from records.audit import ChainReport
from records.clock import now
from records.errors import DomainError, InvalidPersonalId, NotFound
from records.file_codes import looks_like_file_code
from records.personal_id import require_id_number
from records.services.audit import AuditFilter, SubjectReport
from ui.audit_table_model import AuditTableModel
from ui.busy_bar import busy_bar
from ui.errors import ERROR_STYLE, OK_STYLE, details_of, show_crash
from ui.file_dialogs import ask_save_path
from ui.labels import audit_action_choices, audit_broken_reason, describe_error, number_text
from ui.optional_date_edit import OptionalDateEdit
from ui.preferences import EXPORT_FOLDER
from ui.session import UiSession

FILTER_DELAY_MS = 300
POPUP_MAX_WIDTH = 720


class AuditPage(QWidget):
    """The supervisor's view of the audit log."""

    open_file_requested = Signal(str)  # a file code
    verified = Signal(object)  # the ChainReport shown
    exported = Signal(object)  # the SubjectReport of an export for a citizen
    failed = Signal(object)  # a load, check or export refused or failed (the exception), as shown

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._verifying = False
        self._exporting = False
        self._export_folder: Path | None = None
        self._range_refused = False  # the message line says the days are the wrong way round

        # -- filters --------------------------------------------------------------------------------------
        self.user_filter = QLineEdit()
        self.user_filter.setPlaceholderText(self.tr("mọi tài khoản"))
        self.user_filter.setClearButtonEnabled(True)
        self.user_filter.setToolTip(
            self.tr(
                "Tên đăng nhập của người đã thực hiện thao tác. Lần đăng nhập sai được ghi dưới tài khoản "
                "system; tên đã gõ nằm ở cột Đối tượng."
            )
        )
        self.action_filter = QComboBox()
        self.action_filter.addItem(self.tr("Mọi thao tác"), None)
        self.action_filter.insertSeparator(1)
        choices = audit_action_choices()
        groups = [choice for choice in choices if choice[0].endswith(".")]
        for code, label in groups:
            self.action_filter.addItem(label, code)
        self.action_filter.insertSeparator(self.action_filter.count())
        for code, label in choices[len(groups) :]:
            self.action_filter.addItem(label, code)
            self.action_filter.setItemData(self.action_filter.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
        self.action_filter.setMaxVisibleItems(24)
        self.action_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.action_filter.setMinimumContentsLength(18)
        view = self.action_filter.view()
        view.setMinimumWidth(min(POPUP_MAX_WIDTH, view.sizeHintForColumn(0) + 40))
        self.entity_filter = QLineEdit()
        self.entity_filter.setPlaceholderText(self.tr("mã hồ sơ hoặc mã đối tượng"))
        self.entity_filter.setClearButtonEnabled(True)
        self.entity_filter.setToolTip(
            self.tr("Mã hồ sơ (000.17.22.H56-260304-0001), hoặc mã của đối tượng khác, đúng từng ký tự")
        )
        self.date_from = OptionalDateEdit(self.tr("từ đầu"))
        self.date_to = OptionalDateEdit(self.tr("đến nay"))
        self.reset_button = QPushButton(self.tr("Xóa bộ &lọc"))
        self.reset_button.setToolTip(self.tr("Bỏ mọi bộ lọc (Alt+L)"))

        # -- actions --------------------------------------------------------------------------------------
        self.verify_button = QPushButton(self.tr("Kiểm tra tính toàn &vẹn"))
        self.verify_button.setToolTip(
            self.tr(
                "Tính lại chuỗi mã kiểm tra của toàn bộ nhật ký: mục nào bị sửa, bị xóa hay bị đảo thứ tự "
                "ngoài chương trình đều bị phát hiện (Alt+V)"
            )
        )
        self.export_button = QPushButton(self.tr("Trích &xuất cho công dân…"))
        self.export_button.setToolTip(
            self.tr(
                "Ghi ra tệp mọi mục nhật ký về một công dân (tra cứu, hồ sơ, in, mở xem), theo yêu cầu của "
                "chủ thể dữ liệu cá nhân (Alt+X)"
            )
        )

        # -- the table ------------------------------------------------------------------------------------
        services = session.services
        actor = session.actor
        self.model = AuditTableModel(session.worker, lambda query: services.audit.search(actor, query))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self._size_columns()

        # -- status line ----------------------------------------------------------------------------------
        self.progress = busy_bar()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setOpenExternalLinks(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.message.hide()
        self.count_label = QLabel()
        self._lay_out()

        # -- behaviour ------------------------------------------------------------------------------------
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filters)
        for edit in (self.user_filter, self.entity_filter):
            edit.textChanged.connect(self._debounce.start)
            edit.returnPressed.connect(self.apply_filters)
        for field in (self.date_from, self.date_to):
            field.dateChanged.connect(self._debounce.start)  # every arrow press changes the date
        self.action_filter.currentIndexChanged.connect(self.apply_filters)
        self.reset_button.clicked.connect(self.clear_filters)
        self.verify_button.clicked.connect(self.verify_chain)
        self.export_button.clicked.connect(self.export_for_citizen)
        self.table.activated.connect(self._open_row)
        self.model.loading_changed.connect(self._on_loading)
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.model.load_failed.connect(self._load_failed)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_F5), self.refresh),
            (QKeySequence.StandardKey.Find, self.focus_filters),
        ):
            QShortcut(QKeySequence(keys), self, slot, Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- layout ------------------------------------------------------------------------------------------

    def _lay_out(self) -> None:
        def buddy(text: str, field: QWidget) -> QLabel:
            label = QLabel(text)
            label.setBuddy(field)
            return label

        filters = QHBoxLayout()
        filters.addWidget(buddy(self.tr("Tài &khoản:"), self.user_filter))
        filters.addWidget(self.user_filter, 1)
        filters.addSpacing(8)
        filters.addWidget(buddy(self.tr("Thao tá&c:"), self.action_filter))
        filters.addWidget(self.action_filter, 2)
        filters.addSpacing(8)
        filters.addWidget(buddy(self.tr("&Mã hồ sơ, đối tượng:"), self.entity_filter))
        filters.addWidget(self.entity_filter, 2)
        actions = QHBoxLayout()
        actions.addWidget(buddy(self.tr("Từ ngà&y:"), self.date_from))
        actions.addWidget(self.date_from)
        actions.addWidget(buddy(self.tr("đế&n ngày:"), self.date_to))
        actions.addWidget(self.date_to)
        actions.addSpacing(8)
        actions.addWidget(self.reset_button)
        actions.addStretch(1)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.export_button)
        status = QHBoxLayout()
        status.addWidget(self.progress)
        status.addWidget(self.message, 1)
        status.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addLayout(status)
        order: list[QWidget] = [
            self.user_filter,
            self.action_filter,
            self.entity_filter,
            self.date_from,
            self.date_to,
            self.reset_button,
            self.verify_button,
            self.export_button,
            self.table,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _size_columns(self) -> None:
        """Column widths from the font in use; the details take what is left."""
        metrics = self.table.fontMetrics()
        padding = 24

        def width(*samples: str) -> int:
            return max(metrics.horizontalAdvance(sample) for sample in samples) + padding

        m = AuditTableModel
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(metrics.horizontalAdvance("0000") + padding)
        widths = {
            m.COL_AT: width("00/00/0000 00:00:00"),
            m.COL_USER: width("nguyenthithuha", "Hệ thống (system)"),
            m.COL_WORKSTATION: width(
                "000", str(self.model.headerData(m.COL_WORKSTATION, Qt.Orientation.Horizontal))
            ),
            m.COL_ACTION: width(
                "Chuyển trạng thái hồ sơ", "Mở xem tài liệu đính kèm", "Nạp danh mục thủ tục có sẵn"
            ),
            m.COL_WHAT: width("Hồ sơ 000.17.22.H56-261125-0000"),
        }
        for column, pixels in widths.items():
            self.table.setColumnWidth(column, pixels)

    # -- the page's interface ----------------------------------------------------------------------------

    def start(self) -> None:
        """The account names for the completer and the first page (called when the page is first shown)."""
        session = self._session
        session.run(
            lambda: sorted(u.username for u in session.services.users.list()),
            self._users_ready,
            lambda _exc: None,  # the completer is a convenience: the field works without it
        )
        self.apply_filters()

    def refresh(self) -> None:
        """Reload the entries with the filters shown."""
        self.apply_filters()

    def shutdown(self) -> None:
        """Stop loading: no more pages are asked for and answers still on their way are dropped."""
        self._debounce.stop()
        self.model.shutdown()

    def focus_filters(self) -> None:
        """Put the cursor in the first filter, its text selected."""
        self.user_filter.setFocus()
        self.user_filter.selectAll()

    def current_query(self) -> AuditFilter:
        """The filter the fields make."""
        entity = self.entity_filter.text().strip()
        if looks_like_file_code(entity):
            entity = entity.upper()  # file codes are stored in capitals; a supervisor may type "h56"
        return AuditFilter(
            username=self.user_filter.text().strip() or None,
            action=self.action_filter.currentData(),
            entity_id=entity or None,
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
        )

    def apply_filters(self) -> None:
        """Reload the entries with the filters."""
        self._debounce.stop()
        query = self.current_query()
        if query.date_from and query.date_to and query.date_from > query.date_to:
            self._show_message(self.tr("Ngày bắt đầu ở sau ngày kết thúc: không có mục nào."), ERROR_STYLE)
            self._range_refused = True
        elif self._range_refused:
            self._show_message("")
        self.model.set_query(query)

    def clear_filters(self) -> None:
        """Every entry: no filter."""
        widgets: list[QWidget] = [
            self.user_filter,
            self.action_filter,
            self.entity_filter,
            self.date_from,
            self.date_to,
        ]
        for widget in widgets:
            widget.blockSignals(True)
        self.user_filter.clear()
        self.entity_filter.clear()
        self.action_filter.setCurrentIndex(0)
        self.date_from.clear_value()
        self.date_to.clear_value()
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filters()

    def set_action(self, action: str | None) -> None:
        """Choose the action filter (``None``: every action; ``"file."``: every action on files)."""
        self.action_filter.setCurrentIndex(max(self.action_filter.findData(action), 0))

    def _users_ready(self, names: list[str]) -> None:
        completer = QCompleter(names, self.user_filter)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.user_filter.setCompleter(completer)

    def _open_row(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        entry = self.model.entry(index.row())
        if entry.entity == "file" and entry.entity_id:
            self.open_file_requested.emit(entry.entity_id)

    # -- the chain ---------------------------------------------------------------------------------------

    def verify_chain(self) -> None:
        """Recompute the audit log's hash chain on the database worker and say what was found."""
        if self._verifying:
            return
        self._verifying = True
        self.verify_button.setEnabled(False)
        self._busy(self.tr("Đang kiểm tra tính toàn vẹn của nhật ký…"))
        services = self._session.services
        self._session.run(services.audit.verify, self._verified, self._verify_failed)

    def _verified(self, report: ChainReport) -> None:
        self._verifying = False
        self.verify_button.setEnabled(True)
        self._idle()
        if report.intact:
            text = self.tr("Nhật ký nguyên vẹn ({0} mục).").format(number_text(report.entries))
            self._show_message(text, OK_STYLE)
        else:
            text = self.tr("Nhật ký không còn nguyên vẹn từ mục số {0}: {1}.").format(
                report.broken_seq, audit_broken_reason(report.reason)
            )
            if report.head.seq:
                text += " " + self.tr("Các mục đến số {0} vẫn nguyên vẹn.").format(report.head.seq)
            self._show_message(text, ERROR_STYLE)
            self.message.setToolTip(f"{report.broken_id or ''}\n{report.message or ''}".strip())
            self._select_seq(report.broken_seq)
        self.verified.emit(report)

    def _verify_failed(self, exc: BaseException) -> None:
        self._verifying = False
        self.verify_button.setEnabled(True)
        self._idle()
        self._refused(exc, self.tr("Không kiểm tra được nhật ký: {0}"))

    def _select_seq(self, seq: int | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.entry(row).seq == seq:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return

    # -- a data subject's request ------------------------------------------------------------------------

    def export_for_citizen(self) -> None:
        """Ask for a citizen's personal ID and a file, then write every entry about them there."""
        if self._exporting:
            return
        number = self.ask_citizen_id()
        if number is None:
            return
        try:
            number, _kind = require_id_number(number)
        except InvalidPersonalId as exc:
            self._show_message(describe_error(exc), ERROR_STYLE)
            return
        folder = self._export_folder or Path(
            self._session.prefs.get(EXPORT_FOLDER)
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        default = folder / f"nhat-ky-cong-dan-{number}-{now().date().isoformat()}.json"
        path = self.ask_export_path(default)
        if path is not None:
            self.export_to(number, path)

    def ask_citizen_id(self) -> str | None:
        """The personal ID dialog (tests replace this method); ``None`` when cancelled."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Trích xuất nhật ký cho công dân"),
            self.tr("Số định danh cá nhân (12 số) hoặc số CMND cũ của công dân:"),
        )
        return text.strip() if ok and text.strip() else None

    def ask_export_path(self, default: Path) -> Path | None:
        """The save dialog (tests replace this method)."""
        return ask_save_path(
            self, self.tr("Lưu nhật ký về công dân"), default, self.tr("Tệp JSON (*.json)"), ".json"
        )

    def export_to(self, number: str, path: Path) -> None:
        """Write the entries about the citizen with ``number`` to ``path`` (on the database worker)."""
        session = self._session
        services, actor = session.services, session.actor
        self._exporting = True
        self._export_folder = path.parent
        self.export_button.setEnabled(False)
        self._busy(self.tr("Đang trích xuất nhật ký về công dân…"))
        session.run(
            lambda: services.audit.export_about_citizen(actor, number, path),
            self._exported,
            lambda exc: self._export_failed(number, exc),
        )

    def _exported(self, report: SubjectReport) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        self._idle()
        text = self.tr("Đã ghi {0} mục nhật ký về công dân vào tệp:").format(number_text(report.entries))
        url = QUrl.fromLocalFile(str(report.path)).toString()
        self.message.setStyleSheet(OK_STYLE)
        self.message.setToolTip("")
        self.message.setText(f'{_escape(text)} <a href="{url}">{_escape(str(report.path))}</a>')
        self.message.show()
        self.exported.emit(report)
        self.model.refresh()  # the export is in the log too

    def _export_failed(self, number: str, exc: BaseException) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        self._idle()
        if isinstance(exc, NotFound):
            self._show_message(
                self.tr("Không có công dân nào mang số {0} trong dữ liệu của máy này.").format(number),
                ERROR_STYLE,
            )
            self.failed.emit(exc)
            return
        self._refused(exc, self.tr("Không trích xuất được nhật ký: {0}"))

    # -- status line -------------------------------------------------------------------------------------

    def _on_loading(self, loading: bool) -> None:
        self.progress.setVisible(loading or self._verifying or self._exporting)
        self._update_count()

    def _update_count(self) -> None:
        model = self.model
        rows = model.rowCount()
        if model.is_loading() and rows == 0:
            self.count_label.setText(self.tr("Đang tải…"))
        elif rows == 0:
            self.count_label.setText(self.tr("Không có mục nào"))
        elif model.canFetchMore(QModelIndex()):
            self.count_label.setText(
                self.tr("{0} mục mới nhất — cuộn xuống để xem thêm").format(number_text(rows))
            )
        else:
            self.count_label.setText(self.tr("{0} mục").format(number_text(rows)))

    def _load_failed(self, exc: BaseException) -> None:
        self._update_count()
        self._refused(exc, self.tr("Không tải được nhật ký: {0}"))

    def _refused(self, exc: BaseException, template: str) -> None:
        """A domain error said on the page; anything else is a bug (the crash dialog)."""
        self.failed.emit(exc)
        if isinstance(exc, DomainError):
            self._show_message(template.format(describe_error(exc)), ERROR_STYLE)
        else:
            show_crash(self, details_of(exc))

    def _busy(self, text: str) -> None:
        self.progress.show()
        self._show_message(text)

    def _idle(self) -> None:
        if not self._verifying and not self._exporting and not self.model.is_loading():
            self.progress.hide()

    def _show_message(self, text: str, style: str = "") -> None:
        self._range_refused = False
        self.message.setStyleSheet(style)
        self.message.setToolTip("")
        self.message.setText(_escape(text))
        self.message.setVisible(bool(text))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

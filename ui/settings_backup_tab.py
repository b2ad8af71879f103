"""Settings › Sao lưu (administrators): the automatic backups in the data folder's ``backups/``, a backup
made now into a chosen zip, a backup checked whole, and the store restored from one.

A backup (``records.backup``) holds the database, the attached documents and the installation's keys, checked
before and after it is written. Making one and restoring run on the database worker; listing the folder and
checking a zip run in the background. A restore is confirmed first (the backup checked, then a box that
says what is replaced and that a ``before-restore`` copy is kept, with a tick to confirm); once the store
has been replaced the session ends at once on the worker (:meth:`ui.session.UiSession.end`: nothing it had
queued reaches the restored store) and :attr:`BackupTab.store_replaced` asks the application to open the
store again and log in afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from records.backup import BackupFile, BackupResult, automatic_name, list_backups
from records.clock import local
from records.errors import DomainError, EncryptionRefused, PermissionDenied
from ui.busy_bar import busy_bar
from ui.file_dialogs import ask_save_path as save_dialog
from ui.labels import describe_error, size_text
from ui.preferences import EXPORT_FOLDER
from ui.session import UiSession
from ui.settings_tab import SettingsTab, hint
from ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

TIME_FORMAT = "%H:%M:%S %d/%m/%Y"


class BackupsTableModel(RowsTableModel):
    """One row per backup in the folder."""

    COL_NAME, COL_KIND, COL_TIME, COL_SIZE = range(4)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[BackupFile] = []
        self._headers = [self.tr("Tệp"), self.tr("Loại"), self.tr("Thời điểm"), self.tr("Dung lượng")]
        self._kinds = {
            "daily": self.tr("Hằng ngày"),
            "before-migration": self.tr("Trước khi nâng cấp dữ liệu"),
            "before-import": self.tr("Trước khi nhập danh mục, lịch nghỉ"),
            "before-restore": self.tr("Trước khi khôi phục"),
            "manual": self.tr("Sao lưu thủ công"),
        }

    def set_backups(self, backups: list[BackupFile]) -> None:
        """Show ``backups`` (replacing the rows)."""
        self.beginResetModel()
        self._rows = list(backups)
        self.endResetModel()

    def backup(self, row: int) -> BackupFile:
        """The backup of ``row``."""
        return self._rows[row]

    def kind_label(self, kind: str) -> str:
        """What made a backup, in words (the kind itself when unknown)."""
        return self._kinds.get(kind, kind)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        backup = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NAME:
                return backup.path.name
            if column == self.COL_KIND:
                return self.kind_label(backup.kind)
            if column == self.COL_TIME:
                return backup.made_at.strftime(TIME_FORMAT)
            if column == self.COL_SIZE:
                return size_text(backup.size)
        elif role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupTab(SettingsTab):
    """Backups: the folder's list, back up now, check a backup, restore one."""

    listed = Signal()  # the folder's list is shown
    backed_up = Signal(object)  # the BackupResult of "Sao lưu ngay"
    verified = Signal(object)  # the BackupResult of a backup checked whole
    restored = Signal(object)  # the BackupResult restored from
    store_replaced = Signal()  # the store was (or may have been) replaced: open it again, log in again

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._folder_path: Path | None = session.services.backups.folder
        self._sqlite = True
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = BackupsTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setToolTip(self.tr("Enter hoặc nháy đúp để kiểm tra bản sao lưu"))
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(BackupsTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, sample in (
            (BackupsTableModel.COL_KIND, "Trước khi nhập danh mục, lịch nghỉ"),
            (BackupsTableModel.COL_TIME, "00:00:00 00/00/0000"),
            (BackupsTableModel.COL_SIZE, "000,0 MB"),
        ):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 32)
        self.empty_label = QLabel(self.tr("Chưa có bản sao lưu nào trong thư mục."))
        self.empty_label.setStyleSheet("color: palette(placeholder-text)")
        self.empty_label.hide()

        self.backup_button = QPushButton(self.tr("&Sao lưu ngay…"))
        self.backup_button.setToolTip(
            self.tr("Sao lưu dữ liệu, tài liệu số hóa và khóa ký biên nhận vào một tệp .zip do bạn chọn")
        )
        self.verify_button = QPushButton(self.tr("&Kiểm tra bản sao lưu…"))
        self.verify_button.setToolTip(
            self.tr("Kiểm tra một bản sao lưu còn nguyên vẹn, dùng được để khôi phục")
        )
        self.restore_button = QPushButton(self.tr("&Khôi phục…"))
        self.restore_button.setToolTip(self.tr("Thay toàn bộ dữ liệu của máy này bằng một bản sao lưu"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.verify_button.clicked.connect(self.verify_file)
        self.restore_button.clicked.connect(self.restore_from_file)
        self.table.activated.connect(self._verify_row)
        self.progress = busy_bar()
        self.progress_text = QLabel()
        self.progress_text.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        working = QHBoxLayout()
        working.addWidget(self.progress)
        working.addWidget(self.progress_text, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Mỗi bản sao lưu gồm cơ sở dữ liệu, các tài liệu đã số hóa và khóa ký giấy biên nhận của "
                    "máy này, được kiểm tra trước và sau khi ghi. Chương trình tự sao lưu mỗi ngày một lần "
                    "và trước những thay đổi lớn. Bản sao lưu chứa dữ liệu cá nhân và khóa bí mật: hãy cất "
                    "giữ cẩn thận như chính máy tính, và chép định kỳ ra nơi khác (USB, ổ mạng)."
                )
            )
        )
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        layout.addLayout(working)
        layout.addLayout(self.footer())
        for before, after in (
            (self.table, self.backup_button),
            (self.backup_button, self.verify_button),
            (self.verify_button, self.restore_button),
        ):
            QWidget.setTabOrder(before, after)
        self._show_folder()

    def title(self) -> str:
        return self.tr("Sao lưu")

    # -- the list -----------------------------------------------------------------------------------------

    def load(self) -> None:
        backups = self.session.services.backups
        folder = self._folder_path
        self.background(lambda: (backups.is_sqlite(), list_backups(folder)), self._listed)

    def _listed(self, found: tuple[bool, list[BackupFile]]) -> None:
        self._sqlite, backups = found
        self.model.set_backups(backups)
        self.empty_label.setVisible(self._sqlite and not backups)
        self._show_folder()
        self.busy_changed(self.is_busy())
        self.listed.emit()
        self.loaded.emit()

    def _show_folder(self) -> None:
        if not self._sqlite:
            self.folder_label.setText(
                self.tr(
                    "Dữ liệu được lưu trên máy chủ cơ sở dữ liệu (PostgreSQL): hãy sao lưu bằng công cụ của "
                    "máy chủ (pg_dump) cùng thư mục dữ liệu. Sao lưu và khôi phục ở đây chỉ dành cho dữ liệu "
                    "lưu trên máy này."
                )
            )
        elif self._folder_path is None:
            self.folder_label.setText(self.tr("Máy này chưa có thư mục sao lưu tự động."))
        else:
            self.folder_label.setText(
                self.tr("Các bản sao lưu tự động trong thư mục {0}:").format(self._folder_path)
            )

    def selected_backup(self) -> BackupFile | None:
        """The backup selected in the list."""
        index = self.table.currentIndex()
        return self.model.backup(index.row()) if index.isValid() else None

    # -- back up now --------------------------------------------------------------------------------------

    def _start_folder(self) -> str:
        return self.session.prefs.get(EXPORT_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )

    def back_up_now(self) -> None:
        """Ask where to save a backup, then make it."""
        default = Path(self._start_folder()) / automatic_name("manual")
        path = self.ask_save_path(default)
        if path is not None:
            self.back_up_to(path)

    def ask_save_path(self, default: Path) -> Path | None:
        """The save dialog (tests replace this method)."""
        return save_dialog(
            self, self.tr("Sao lưu dữ liệu"), default, self.tr("Bản sao lưu MotCua (*.zip)"), ".zip"
        )

    def back_up_to(self, path: Path) -> None:
        """Back the store up into ``path`` (on the database worker: checked before and after, audited)."""
        self.session.prefs.set(EXPORT_FOLDER, str(path.parent))
        backups, actor = self.session.services.backups, self.session.actor

        def make() -> tuple[BackupResult, int]:  # on the worker
            result = backups.backup(path, actor)
            return result, result.path.stat().st_size

        self._working(self.tr("Đang sao lưu dữ liệu…"))
        self.messages.clear()
        self.ok_message.clear()
        self.call(make, self._backed_up, self._backup_failed)

    def _backed_up(self, made: tuple[BackupResult, int]) -> None:
        result, size = made
        self._working(None)
        self.show_ok(
            self.tr("Đã sao lưu vào {0} ({1}; {2} tài liệu, {3} tệp khóa).").format(
                result.path, size_text(size), result.counts.get("documents", 0), result.counts.get("keys", 0)
            )
        )
        self.backed_up.emit(result)
        self.saved.emit()
        self.load()

    def _backup_failed(self, exc: BaseException) -> None:
        self._working(None)
        if isinstance(exc, DomainError):
            self.show_failure(exc, None, self.tr("Chưa sao lưu được: {0}").format(describe_error(exc)))
        elif isinstance(exc, OSError):  # the target's folder cannot be made (a file in its way, a lost drive)
            reason = exc.strerror or str(exc)
            self.show_failure(
                exc, None, self.tr("Chưa sao lưu được: không ghi được tệp ({0}).").format(reason)
            )
        else:
            self.show_failure(exc)

    # -- check a backup -----------------------------------------------------------------------------------

    def ask_open_path(self, title: str) -> Path | None:
        """The open dialog, in the backups folder (tests replace this method)."""
        start = str(self._folder_path) if self._folder_path is not None else self._start_folder()
        chosen, _filter = QFileDialog.getOpenFileName(
            self, title, start, self.tr("Bản sao lưu MotCua (*.zip);;Mọi tệp (*)")
        )
        return Path(chosen) if chosen else None

    def verify_file(self) -> None:
        """Ask for a backup and check it whole."""
        path = self.ask_open_path(self.tr("Kiểm tra bản sao lưu"))
        if path is not None:
            self.verify(path)

    def _verify_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.verify(self.model.backup(index.row()).path)

    def verify(self, path: Path) -> None:
        """Check the backup at ``path`` (in the background) and say whether it can be restored."""
        backups = self.session.services.backups
        self._working(self.tr("Đang kiểm tra bản sao lưu {0}…").format(path.name))
        self.messages.clear()
        self.ok_message.clear()
        self._with_passphrase(
            path,
            lambda passphrase: self.background(
                lambda: backups.verify(path, passphrase),
                lambda result: self._verified(path, result),
                lambda exc: self._refused(path, exc),
            ),
        )

    def _with_passphrase(self, path: Path, then: Callable[[str | None], None]) -> None:
        """Go on with ``then``: with the passphrase of an encrypted backup made under another key (asked),
        or None when the store's own key opens it (or it is not encrypted)."""
        backups = self.session.services.backups

        def asked(needed: bool) -> None:
            if not needed:
                then(None)
                return
            passphrase = self.ask_passphrase(path)
            if passphrase:
                then(passphrase)
            else:
                self._working(None)

        self.background(lambda: backups.needs_passphrase(path), asked, lambda exc: self._refused(path, exc))

    def ask_passphrase(self, path: Path) -> str | None:
        """The passphrase (or recovery code) an encrypted backup was made under (tests replace this)."""
        text, accepted = QInputDialog.getText(
            self,
            self.tr("Bản sao lưu được mã hóa"),
            self.tr(
                "Bản sao lưu {0} được mã hóa bằng khóa khác với dữ liệu của máy này. Nhập mật khẩu mã hóa "
                "hoặc mã khôi phục lúc tạo bản sao lưu:"
            ).format(path.name),
            QLineEdit.EchoMode.Password,
        )
        return text if accepted and text else None

    def _verified(self, path: Path, result: BackupResult) -> None:
        self._working(None)
        self.show_ok(
            self.tr("Bản sao lưu {0} nguyên vẹn, dùng được để khôi phục: tạo lúc {1}, {2} tài liệu.").format(
                path.name, local(result.created_at).strftime(TIME_FORMAT), result.counts.get("documents", 0)
            )
        )
        self.verified.emit(result)

    def _refused(self, path: Path, exc: BaseException) -> None:
        self._working(None)
        if isinstance(exc, DomainError):
            self.show_failure(
                exc,
                None,
                self.tr("Bản sao lưu {0} không dùng được: {1}").format(path.name, describe_error(exc)),
            )
        else:
            self.show_failure(exc)

    # -- restore ------------------------------------------------------------------------------------------

    def restore_from_file(self) -> None:
        """Ask for a backup, check it, confirm, then restore the store from it."""
        path = self.ask_open_path(self.tr("Chọn bản sao lưu để khôi phục"))
        if path is None:
            return
        backups = self.session.services.backups
        self._working(self.tr("Đang kiểm tra bản sao lưu {0}…").format(path.name))
        self.messages.clear()
        self.ok_message.clear()
        self._with_passphrase(
            path,
            lambda passphrase: self.background(
                lambda: backups.verify(path, passphrase),
                lambda result: self._checked_for_restore(path, result, passphrase),
                lambda exc: self._refused(path, exc),
            ),
        )

    def _checked_for_restore(self, path: Path, result: BackupResult, passphrase: str | None = None) -> None:
        self._working(None)
        if self.confirm_restore(path, result):
            self.restore(path, passphrase)

    def confirm_restore(self, path: Path, result: BackupResult) -> bool:
        """Ask before replacing the store, with a tick to confirm (tests replace this method)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Khôi phục dữ liệu"),
            self.tr("Thay toàn bộ dữ liệu của máy này bằng bản sao lưu {0}?").format(path.name),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        folder = str(self._folder_path) if self._folder_path is not None else "backups"
        box.setInformativeText(
            self.tr(
                "Bản sao lưu được tạo lúc {0}, gồm {1} tài liệu.\n\n"
                "Mọi hồ sơ, công dân, tài khoản và cài đặt hiện có sẽ bị thay bằng nội dung của bản sao lưu: "
                "những gì nhập sau thời điểm đó sẽ không còn trong dữ liệu đang dùng. Trước khi thay, "
                "chương trình tự sao lưu dữ liệu hiện tại (bản “Trước khi khôi phục”) vào thư mục {2}.\n\n"
                "Sau khi khôi phục, chương trình mở lại dữ liệu và mọi người phải đăng nhập lại."
            ).format(
                local(result.created_at).strftime(TIME_FORMAT), result.counts.get("documents", 0), folder
            )
        )
        understood = QCheckBox(self.tr("Tôi hiểu dữ liệu hiện tại sẽ bị thay thế"))
        box.setCheckBox(understood)
        restore = box.addButton(self.tr("&Khôi phục"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("&Hủy"), QMessageBox.ButtonRole.RejectRole)
        restore.setEnabled(False)
        understood.toggled.connect(restore.setEnabled)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is restore and understood.isChecked()

    def restore(self, path: Path, passphrase: str | None = None) -> None:
        """Replace the store with the backup at ``path`` (on the database worker; ``passphrase``: an
        encrypted backup's, made under another key). Once the store has been touched, the session ends there
        and then, whether the restore went through or not."""
        session = self.session
        backups, actor = session.services.backups, session.actor

        def replace() -> BackupResult:  # on the worker
            try:
                result = backups.restore(path, actor, passphrase)
            except (PermissionDenied, EncryptionRefused):
                raise  # refused before anything was touched
            except BaseException:
                session.end()  # the store may be half-way: nothing more of this session may use it
                raise
            session.end()
            return result

        self._working(self.tr("Đang khôi phục dữ liệu từ {0}…").format(path.name))
        self.messages.clear()
        self.ok_message.clear()
        self.call(replace, self._restored, self._restore_failed)

    def _restored(self, result: BackupResult) -> None:
        self._working(None)
        text = self.tr("Đã khôi phục dữ liệu từ bản sao lưu tạo lúc {0}.").format(
            local(result.created_at).strftime(TIME_FORMAT)
        )
        self.show_ok(text)
        self.restored.emit(result)
        QMessageBox.information(
            self,
            self.tr("Đã khôi phục dữ liệu"),
            text + "\n\n" + self.tr("Chương trình sẽ mở lại dữ liệu; hãy đăng nhập lại."),
        )
        self.store_replaced.emit()

    def _restore_failed(self, exc: BaseException) -> None:
        self._working(None)
        reason = describe_error(exc) if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"
        text = self.tr("Chưa khôi phục được: {0}").format(reason)
        if isinstance(exc, DomainError):
            self.show_failure(exc, None, text)
        else:
            self.show_failure(exc)
        if not self.session.ended:
            return  # refused before the store was touched: the session goes on
        QMessageBox.warning(
            self,
            self.tr("Chưa khôi phục được"),
            text
            + "\n\n"
            + self.tr(
                "Dữ liệu có thể đã thay đổi một phần: chương trình sẽ mở lại dữ liệu; hãy đăng nhập lại. "
                "Bản sao dữ liệu trước khi khôi phục (nếu đã kịp tạo) nằm trong thư mục sao lưu."
            ),
        )
        self.store_replaced.emit()

    # -- work ---------------------------------------------------------------------------------------------

    def _working(self, text: str | None) -> None:
        """Say what is under way (``None``: nothing)."""
        self.progress.setVisible(text is not None)
        self.progress_text.setText(text or "")
        self.progress_text.setVisible(text is not None)

    def busy_changed(self, busy: bool) -> None:
        usable = not busy and self._sqlite
        for button in (self.backup_button, self.verify_button, self.restore_button):
            button.setEnabled(usable)
        self.verify_button.setEnabled(not busy)  # a backup can be checked from any store

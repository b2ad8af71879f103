"""The application's window: the counter's pages in tabs, the files opened from them, menus and shortcuts.

Fixed pages: Tiếp nhận (F2), Danh sách hồ sơ (F3) and, for supervisors, Tổng hợp (F4). A file opens in its
own closable tab (Ctrl+W closes it), and so do the sync panel (Đồng bộ, F8, in the "Tệp" menu, for every
user) and, for supervisors and admins, the audit log (Nhật ký hệ thống, F9, in the "Tổng hợp" menu); Ctrl+O
opens a file by its code, and scanning a receipt's QR code anywhere opens that file. Settings
(admins) open from the "Quản trị" menu.

The window also exports by itself, as the sync configuration asks (at configured times of day, and before
closing or logging out): :class:`ui.sync_exporter.SyncExporter` does it, the window says its notices in the
status bar. After the workstation's idle time the screen locks (:class:`ui.lock_dialog.ScreenLocker`); a
role changed by an administrator meanwhile is taken at the unlock (pages and menus the new role may not
use go away). A daily backup that failed at start-up is said in the status bar
(:meth:`MainWindow.show_backup_failure`). After a restore from the settings the window asks the
application to open the store again (:attr:`MainWindow.store_replaced`): its session has ended.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from records.errors import DomainError
from records.services.receipts import ReceiptCheck
from records.users import Actor
from ui.audit_page import AuditPage
from ui.day_page import DayPage
from ui.errors import ERROR_STYLE, show_error
from ui.file_page import FilePage
from ui.files_page import FilesPage
from ui.intake_page import IntakePage
from ui.labels import describe_error
from ui.lock_dialog import ScreenLocker
from ui.preferences import LAST_PAGE
from ui.print_controller import PrintController
from ui.receipt_scanner import ReceiptScanFilter
from ui.session import UiSession
from ui.sync_exporter import SyncExporter
from ui.sync_panel import SyncPanel

ROLE_LABELS = {
    "clerk": "Cán bộ tiếp nhận",
    "supervisor": "Lãnh đạo / giám sát",
    "admin": "Quản trị",
}


class MainWindow(QMainWindow):
    """Tabs of pages and files for one logged-in user."""

    logout_requested = Signal()
    store_replaced = Signal()  # a restore replaced the store: the session has ended, open the store again

    def __init__(self, session: UiSession) -> None:
        super().__init__()
        self.session = session
        agency = session.agency
        self.setWindowTitle(self.tr("MotCua Desk — {0}").format(agency.name))
        self.printer = PrintController(session, self)
        self.printer.failed.connect(lambda exc: show_error(self, exc, self.tr("Không in được")))

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.intake = IntakePage(session, self.printer)
        self.files = FilesPage(session)
        self.day: DayPage | None = DayPage(session, self.printer) if session.is_supervisor else None
        self._pages: dict[str, QWidget] = {"intake": self.intake, "files": self.files}
        self.tabs.addTab(self.intake, self.tr("Tiếp nhận hồ sơ (F2)"))
        self.tabs.addTab(self.files, self.tr("Danh sách hồ sơ (F3)"))
        if self.day is not None:
            self._pages["day"] = self.day
            self.tabs.addTab(self.day, self.tr("Tổng hợp (F4)"))
        for index in range(self.tabs.count()):  # the fixed pages have no close button
            for side in (
                self.tabs.tabBar().ButtonPosition.RightSide,
                self.tabs.tabBar().ButtonPosition.LeftSide,
            ):
                button = self.tabs.tabBar().tabButton(index, side)
                if button is not None:
                    button.resize(0, 0)
                    button.hide()
        self.setCentralWidget(self.tabs)
        self._file_tabs: dict[str, FilePage] = {}

        self.intake.open_file_requested.connect(self.open_file)
        self.intake.file_registered.connect(lambda _code: self.files.refresh())
        self.files.open_file_requested.connect(self.open_file)
        if self.day is not None:
            self.day.open_file_requested.connect(self.open_file)

        self.scanner = ReceiptScanFilter(self)
        self.scanner.scanned.connect(self.open_scanned_receipt)
        # Locked after the workstation's idle time; "Đăng xuất" on the lock leaves the way the menu does.
        self.locker = ScreenLocker(session, self, self._logout)
        self.locker.lock_changed.connect(self._lock_changed)
        self.locker.account_changed.connect(self._account_changed)
        self.scanner.discarded.connect(self.locker.scan_discarded)

        # -- sync: the panel (opened on demand), the exports made without being asked --------------------
        self.exporter = SyncExporter(session, self)
        self.exporter.notice.connect(self.statusBar().showMessage)
        self.sync_panel: SyncPanel | None = None
        self.audit_page: AuditPage | None = None  # supervisors and admins, opened on demand (F9)
        self.tabs.currentChanged.connect(self._tab_changed)

        self._day_menu: QMenu | None = None
        self._admin_menu: QMenu | None = None
        self._build_menus()
        # A daily backup that failed, said until the window closes (the clerk's work goes on).
        self.backup_warning = QLabel()
        self.backup_warning.setStyleSheet(ERROR_STYLE)
        self.backup_warning.setContentsMargins(6, 0, 6, 0)
        self.backup_warning.hide()
        self.statusBar().addPermanentWidget(self.backup_warning, 1)
        self.who = QLabel()
        self.who.setContentsMargins(6, 0, 6, 0)
        self._show_who()
        self.statusBar().addPermanentWidget(self.who)
        self.resize(1280, 800)
        geometry = session.prefs.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)

    # -- menus and shortcuts ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Tệp"))
        self._action(menu, self.tr("Đồng bộ dữ liệu với trung tâm"), "F8", self.open_sync_panel)
        menu.addSeparator()
        self._action(menu, self.tr("Đăng xuất"), "Ctrl+Shift+L", self._logout)
        self._action(menu, self.tr("Thoát"), QKeySequence.StandardKey.Quit, self.close)
        files = self.menuBar().addMenu(self.tr("&Hồ sơ"))
        self._action(files, self.tr("Tiếp nhận hồ sơ mới"), "F2", lambda: self.show_page("intake"))
        self._action(files, self.tr("Danh sách hồ sơ"), "F3", lambda: self.show_page("files"))
        self._action(files, self.tr("Mở hồ sơ theo mã…"), "Ctrl+O", self._ask_code)
        self._action(files, self.tr("Đóng hồ sơ đang mở"), "Ctrl+W", self._close_current)
        if self.day is not None:
            day = self.menuBar().addMenu(self.tr("Tổng &hợp"))
            self._action(day, self.tr("Tổng hợp trong ngày"), "F4", lambda: self.show_page("day"))
            self._action(day, self.tr("Nhật ký hệ thống"), "F9", self.open_audit_page)
            self._day_menu = day
        if self.session.is_admin:
            admin = self.menuBar().addMenu(self.tr("&Quản trị"))
            self._action(admin, self.tr("Cài đặt…"), "Ctrl+,", self.open_settings)
            self._admin_menu = admin
        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        self._action(help_menu, self.tr("Phím tắt"), "F1", self._show_shortcuts)
        QShortcut(QKeySequence("Ctrl+Tab"), self, activated=self._next_tab)

    def _action(
        self, menu: QMenu, text: str, shortcut: str | QKeySequence.StandardKey, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _show_shortcuts(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Phím tắt"),
            self.tr(
                "F2  Tiếp nhận hồ sơ mới\n"
                "F3  Danh sách hồ sơ\n"
                "F4  Tổng hợp trong ngày (lãnh đạo)\n"
                "F8  Đồng bộ dữ liệu với trung tâm\n"
                "F9  Nhật ký hệ thống (lãnh đạo)\n"
                "Ctrl+O  Mở hồ sơ theo mã\n"
                "Ctrl+W  Đóng hồ sơ đang mở\n"
                "Ctrl+F  Tìm hồ sơ\n"
                "Ctrl+S, Ctrl+Enter  Lưu hồ sơ đang tiếp nhận và in biên nhận\n"
                "Ctrl+N  Tiếp nhận hồ sơ mới (công dân tiếp theo)\n"
                "Ctrl+Shift+N  Hồ sơ khác cho cùng người nộp\n"
                "Ctrl+P  In lại biên nhận (trang Tổng hợp: in sổ theo dõi)\n"
                "F5  Tải lại\n"
                "Quét mã QR trên giấy biên nhận ở bất kỳ đâu để mở hồ sơ."
            ),
        )

    # -- pages and files ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Load the pages' first data (called once the window is shown)."""
        QCoreApplication.instance().installEventFilter(self.scanner)  # type: ignore[union-attr]
        self.files.start()
        if self.day is not None:
            self.day.start()
        self.show_page(self.session.prefs.get(LAST_PAGE))
        self.exporter.start()
        self.locker.start()

    def show_page(self, name: str) -> None:
        """Bring a fixed page forward (or the sync panel: ``"sync"``, the audit log: ``"audit"``) and put the
        cursor where work starts."""
        if name == "sync":
            self.open_sync_panel()
            return
        if name == "audit" and self.open_audit_page() is not None:
            return
        page = self._pages.get(name) or self.intake
        self.tabs.setCurrentWidget(page)
        self.session.prefs.set(LAST_PAGE, name if name in self._pages else "intake")
        if page is self.files:
            self.files.focus_search()
        elif page is self.intake:
            self.intake.focus_start()

    def open_file(self, code: str) -> FilePage:
        """Show the file ``code`` in its tab (opening one if needed)."""
        page = self._file_tabs.get(code)
        if page is None:
            page = FilePage(self.session, self.printer, code)
            page.changed.connect(lambda _code: self.files.refresh())
            page.changed.connect(lambda _code: self.day.refresh() if self.day is not None else None)
            self._file_tabs[code] = page
            self.tabs.addTab(page, code)
            page.start()
        self.tabs.setCurrentWidget(page)
        return page

    def open_scanned_receipt(self, text: str) -> None:
        """A receipt's QR code was scanned: check it and open its file."""
        self.session.run(
            lambda: self.session.services.receipts.verify(text),
            self._receipt_checked,
            lambda exc: show_error(self, exc, self.tr("Không đọc được mã biên nhận")),
        )

    def _receipt_checked(self, check: ReceiptCheck) -> None:
        code = check.claim.file_code
        if not check.file_exists:
            QMessageBox.warning(
                self,
                self.tr("Không tìm thấy hồ sơ"),
                self.tr("Hồ sơ {0} trên giấy biên nhận không có trong dữ liệu của máy này.").format(code),
            )
            return
        page = self.open_file(code)
        if not check.valid:
            page.show_warning(
                self.tr(
                    "Chữ ký trên mã QR của giấy biên nhận không hợp lệ: giấy biên nhận có thể đã bị sửa hoặc "
                    "không do cơ quan này cấp."
                )
            )

    def _ask_code(self) -> None:
        code, ok = QInputDialog.getText(self, self.tr("Mở hồ sơ"), self.tr("Mã hồ sơ:"))
        if ok and code.strip():
            self.session.run(
                lambda: self.session.services.files.show(code.strip().upper()).code,
                self.open_file,
                lambda exc: show_error(self, exc, self.tr("Không mở được hồ sơ")),
            )

    def open_sync_panel(self) -> SyncPanel:
        """Show the sync panel in its tab (opening one if needed); it reloads whenever it comes forward."""
        panel = self.sync_panel
        if panel is None:
            panel = SyncPanel(self.session, self.exporter)
            self.sync_panel = panel
            self.tabs.addTab(panel, self.tr("Đồng bộ (F8)"))
        if self.tabs.currentWidget() is panel:
            panel.refresh()
        else:
            self.tabs.setCurrentWidget(panel)  # _tab_changed loads it
        panel.export_button.setFocus()  # Enter exports
        return panel

    def open_audit_page(self) -> AuditPage | None:
        """Show the audit log in its tab (opening one if needed; reloaded when asked for again); ``None`` for
        a clerk, who may not read it."""
        if not self.session.is_supervisor:
            return None
        page = self.audit_page
        if page is None:
            page = AuditPage(self.session)
            page.open_file_requested.connect(self.open_file)
            self.audit_page = page
            self.tabs.addTab(page, self.tr("Nhật ký hệ thống (F9)"))
            page.start()
        else:
            page.refresh()
        self.tabs.setCurrentWidget(page)
        page.focus_filters()
        return page

    def _tab_changed(self, _index: int) -> None:
        if self.sync_panel is not None and self.tabs.currentWidget() is self.sync_panel:
            self.sync_panel.refresh()

    def _close_tab(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, FilePage):
            self.tabs.removeTab(index)
            self._file_tabs.pop(page.code, None)
            page.deleteLater()
        elif isinstance(page, SyncPanel):
            self.sync_panel = None
            self.tabs.removeTab(index)
            page.shutdown()
            page.deleteLater()
        elif isinstance(page, AuditPage):
            self.audit_page = None
            self.tabs.removeTab(index)
            page.shutdown()
            page.deleteLater()

    def _close_current(self) -> None:
        self._close_tab(self.tabs.currentIndex())

    def _next_tab(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    def open_settings(self) -> None:
        """The settings dialog (admins)."""
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if dialog.screen_lock is not None:
            dialog.screen_lock.saved.connect(self.locker.apply_preference)
        if dialog.backup is not None:
            dialog.backup.store_replaced.connect(self._store_replaced)
        dialog.open()

    def show_backup_failure(self, exc: BaseException) -> None:
        """Say in the status bar that today's automatic backup failed (tried again at the next start)."""
        reason = describe_error(exc) if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"
        text = self.tr("Sao lưu hằng ngày không thành công: {0}").format(reason)
        self.backup_warning.setText(text)
        self.backup_warning.setToolTip(
            text
            + "\n"
            + self.tr("Chương trình sẽ thử lại ở lần mở sau. Báo quản trị viên nếu lỗi này lặp lại.")
        )
        self.backup_warning.show()

    def _store_replaced(self) -> None:
        """A restore replaced the store (the session ended on the worker): nothing of this window may use it
        any more; the application opens the store again and asks for a login."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)  # not reject(): no "unsaved changes" question
        self.store_replaced.emit()

    # -- closing ------------------------------------------------------------------------------------------

    def _logout(self) -> None:
        if not self.exporter.export_before_leaving(self.logout_requested.emit, self):
            self.logout_requested.emit()

    def _lock_changed(self, locked: bool) -> None:
        # A receipt scanned at a locked screen opens nothing, and is not typed into the lock's password.
        self.scanner.discard = locked

    def _show_who(self) -> None:
        session, agency = self.session, self.session.agency
        self.who.setText(
            self.tr("{0} ({1}) — {2}, máy trạm {3}").format(
                session.full_name,
                QCoreApplication.translate("roles", ROLE_LABELS[session.actor.role.value]),
                agency.code,
                agency.workstation,
            )
        )

    def _account_changed(self, before: Actor) -> None:
        """The account's role or name was changed while the screen was locked (the session has the new
        ones): the pages and menus the new role may not use go; new rights take a new login."""
        self._show_who()
        session = self.session
        if not session.is_supervisor:
            if self.audit_page is not None:
                self._close_tab(self.tabs.indexOf(self.audit_page))
            if self.day is not None:
                page, self.day = self.day, None
                self._pages.pop("day", None)
                self.tabs.removeTab(self.tabs.indexOf(page))
                page.shutdown()
                page.deleteLater()
            _hide_menu(self._day_menu)
        if not session.is_admin:
            from ui.settings_dialog import SettingsDialog

            _hide_menu(self._admin_menu)
            for dialog in self.findChildren(SettingsDialog):
                dialog.done(QDialog.DialogCode.Rejected)  # it was open behind the lock
        if before.role is not session.actor.role:
            role = QCoreApplication.translate("roles", ROLE_LABELS[session.actor.role.value])
            gained = (session.is_supervisor and self.day is None) or (
                session.is_admin and self._admin_menu is None
            )
            self.statusBar().showMessage(
                self.tr(
                    "Vai trò của tài khoản đã đổi thành {0}. Đăng xuất rồi đăng nhập lại để dùng các chức "
                    "năng mới."
                ).format(role)
                if gained
                else self.tr("Vai trò của tài khoản đã đổi thành {0}.").format(role)
            )

    def shutdown(self) -> None:
        """Stop loading: answers still on their way are dropped; the scanner filter and the screen lock's
        watching are removed."""
        self.exporter.close()
        self.locker.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self.files.shutdown()
        if self.day is not None:
            self.day.shutdown()
        if self.sync_panel is not None:
            self.sync_panel.shutdown()
            self.sync_panel = None
        if self.audit_page is not None:
            self.audit_page.shutdown()
            self.audit_page = None
        self.session.prefs.set_geometry("main", self.saveGeometry())
        self.session.prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.ended:  # the store was replaced: nothing of this session is written any more
            self.shutdown()
            super().closeEvent(event)
            return
        if self.exporter.export_before_leaving(self.close, self):
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)


def _hide_menu(menu: QMenu | None) -> None:
    """Take a menu out of the menu bar, its shortcuts with it."""
    if menu is not None:
        for action in menu.actions():
            action.setEnabled(False)
        menu.menuAction().setVisible(False)

"""Settings (Cài đặt), for administrators: the agency, office hours, holidays, the procedure catalogue, the
users, backups (and restoring one), and this workstation's printing, language and screen lock.

Each tab loads on the database worker and saves with one service call per button; the domain settings
live in the database (they sync), the workstation's in its preferences file. The dialog refuses to open its
tabs for anyone but an administrator (the menu hides it too, and the services refuse the writes anyway).
Ctrl+Tab / Ctrl+Shift+Tab move between tabs; Esc closes (asking first when a tab has unsaved changes).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from ui.session import UiSession
from ui.settings_agency_tab import AgencyTab
from ui.settings_backup_tab import BackupTab
from ui.settings_calendar_tab import HolidaysTab
from ui.settings_catalog_tab import CatalogTab
from ui.settings_hours_tab import OfficeHoursTab
from ui.settings_printing_tab import LanguageTab, PrintingTab, ScreenLockTab
from ui.settings_tab import SettingsTab
from ui.settings_users_tab import UsersTab

GEOMETRY = "settings"


class SettingsDialog(QDialog):
    """The administrator's settings, one tab per subject."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("Cài đặt"))
        self.tabs = QTabWidget()
        self.allowed = session.is_admin
        self.refusal: QLabel | None = None
        self.agency: AgencyTab | None = None
        self.hours: OfficeHoursTab | None = None
        self.holidays: HolidaysTab | None = None
        self.catalog: CatalogTab | None = None
        self.users: UsersTab | None = None
        self.backup: BackupTab | None = None
        self.printing: PrintingTab | None = None
        self.language: LanguageTab | None = None
        self.screen_lock: ScreenLockTab | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not self.allowed:
            # Nothing is read or built: a non-administrator only learns that this is not for them.
            self.refusal = QLabel(self.tr("Chỉ quản trị viên mới được xem và thay đổi phần cài đặt."))
            self.refusal.setWordWrap(True)
            layout.addWidget(self.refusal)
            layout.addWidget(buttons)
            return
        self.agency = AgencyTab(session)
        self.hours = OfficeHoursTab(session)
        self.holidays = HolidaysTab(session)
        self.catalog = CatalogTab(session)
        self.users = UsersTab(session)
        self.backup = BackupTab(session)
        self.printing = PrintingTab(session)
        self.language = LanguageTab(session)
        self.screen_lock = ScreenLockTab(session)
        for tab in self.all_tabs():
            self.tabs.addTab(tab, tab.title())
            tab.load()
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(980, 660)
        geometry = session.prefs.geometry(GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)

    def all_tabs(self) -> list[SettingsTab]:
        """Every tab, in order (none for a non-administrator)."""
        tabs = (
            self.agency,
            self.hours,
            self.holidays,
            self.catalog,
            self.users,
            self.backup,
            self.printing,
            self.language,
            self.screen_lock,
        )
        return [tab for tab in tabs if tab is not None]

    def unsaved_tabs(self) -> list[SettingsTab]:
        """The tabs holding changes not saved yet."""
        return [tab for tab in self.all_tabs() if tab.is_dirty()]

    def confirm_discard(self, tabs: list[SettingsTab]) -> bool:
        """Ask before closing over unsaved changes (tests replace this method)."""
        names = ", ".join(tab.title() for tab in tabs)
        answer = QMessageBox.question(
            self,
            self.tr("Chưa lưu"),
            self.tr("Các thẻ sau có thay đổi chưa lưu: {0}. Đóng mà không lưu?").format(names),
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        unsaved = self.unsaved_tabs()
        if unsaved and not self.confirm_discard(unsaved):
            self.tabs.setCurrentWidget(unsaved[0])
            return
        self._remember_geometry()
        super().reject()

    def _remember_geometry(self) -> None:
        if self.allowed:
            self._session.prefs.set_geometry(GEOMETRY, self.saveGeometry())

"""Opening the application: the Qt application, font and translators, then at once the login window while
the store opens on the database worker; then the main window. Logging out comes back to the login.

Nothing here touches the database on the UI thread. The heavy modules (SQLAlchemy, Alembic, the services,
the printing stack, the main window's pages) are imported on the worker or after the login, so the first
window a clerk can type into appears about as fast as a bare Qt window. The first-start dialog appears
instead when there is no store yet, or when the store has no account to log in with (a store made with
``motcua init``).
"""

from __future__ import annotations

import argparse
import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop import i18n, ui_font
from records.errors import DomainError, EncryptionRefused
from ui.errors import show_crash
from ui.first_start_dialog import FirstStartDialog
from ui.labels import describe_error
from ui.login_dialog import LoginDialog
from ui.preferences import AGENCY_NAME_SEEN, LANGUAGE, LAST_USER, Preferences
from ui.tasks import BackgroundPool, DatabaseWorker

if TYPE_CHECKING:
    from desktop.context import Location
    from records.services import Services
    from records.services.settings import AgencyConfig
    from records.users import Actor
    from ui.main_window import MainWindow
    from ui.unlock_store_dialog import UnlockStoreDialog


def _install_crash_handler() -> None:
    def show(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        import traceback

        show_crash(None, "".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = show


class _Opening:
    """The steps from start-up to a logged-in main window, and back to the login on logout."""

    def __init__(self, app: QApplication, location: Location, prefs: Preferences) -> None:
        self.app = app
        self.location = location
        self.prefs = prefs
        self.worker = DatabaseWorker()
        self.pool = BackgroundPool()
        self.services: Services | None = None
        self.agency: AgencyConfig | None = None
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None
        self.first_start: FirstStartDialog | None = None
        self.backup_failure: BaseException | None = None  # today's automatic backup, when it failed
        self.unlock: UnlockStoreDialog | None = None

    def begin(self) -> None:
        self.worker.start()
        if self.location.is_encrypted():  # one small file's presence: the passphrase comes first
            self._ask_passphrase()
            return
        self.worker.submit(self._open_store, self._opened, self._fail)
        if self.location.existing_sqlite_file():
            self._show_login(self.prefs.get(AGENCY_NAME_SEEN) or "MotCua Desk")
        # else: the first start (no store yet), or a server store whose agency must be read first

    def _open_store(self, passphrase: str | None = None) -> tuple[AgencyConfig | None, bool]:  # on the worker
        from desktop.context import open_services

        services = open_services(self.location, passphrase)
        self.services = services
        agency = services.settings.agency() if services.settings.is_initialised() else None
        return agency, bool(services.users.list())

    # -- an encrypted store ---------------------------------------------------------------------------

    def _ask_passphrase(self) -> None:
        from ui.unlock_store_dialog import UnlockStoreDialog

        dialog = UnlockStoreDialog(str(self.location.data_dir))
        self.unlock = dialog

        def submitted(passphrase: str) -> None:
            self.worker.submit(lambda: self._open_store(passphrase), self._unlocked, self._unlock_failed)

        dialog.submitted.connect(submitted)
        dialog.rejected.connect(lambda: self.app.exit(0))
        dialog.open()

    def _unlocked(self, result: tuple[AgencyConfig | None, bool]) -> None:
        dialog, self.unlock = self.unlock, None
        if dialog is not None:
            dialog.hide()
            dialog.deleteLater()
        self._opened(result)

    def _unlock_failed(self, exc: BaseException) -> None:
        dialog = self.unlock
        if (
            dialog is not None
            and isinstance(exc, EncryptionRefused)
            and exc.reason in ("wrong_passphrase", "passphrase_needed")
        ):
            dialog.show_error(describe_error(exc))
            return
        if dialog is not None:
            dialog.hide()
        self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        for dialog in (self.login, self.first_start):
            if dialog is not None:
                dialog.hide()
        if isinstance(exc, DomainError):
            QMessageBox.critical(None, "MotCua Desk", describe_error(exc) + "\n\n" + str(exc))
        else:  # a bug: the crash box, then out (no window is left open to close)
            sys.excepthook(type(exc), exc, exc.__traceback__)
        self.app.exit(2)

    def _opened(self, result: tuple[AgencyConfig | None, bool]) -> None:
        agency, has_users = result
        self.agency = agency
        if agency is not None and self.services is not None:
            # Today's backup, on a pool thread: it reads the store through its own connection and never
            # holds up the clerk's work on the database worker.
            self.pool.submit(self.services.backups.daily_if_due, None, self._daily_backup_failed)
        if agency is not None and has_users:
            self.prefs.set(AGENCY_NAME_SEEN, agency.name)
            if self.login is None:
                self._show_login(agency.name)
            else:
                self.login.set_agency_name(agency.name)
            return
        if self.login is not None:  # a store without accounts: set them up first
            self.login.hide()
            self.login.deleteLater()
            self.login = None
        self._show_first_start(FirstStartDialog(agency=agency))

    # -- first start --------------------------------------------------------------------------------------

    def _show_first_start(self, dialog: FirstStartDialog) -> None:
        self.first_start = dialog
        dialog.finished.connect(lambda code: self._first_start_done(dialog, code))
        dialog.open()

    def _first_start_done(self, dialog: FirstStartDialog, code: int) -> None:
        if code != QDialog.DialogCode.Accepted:
            self.app.exit(0)
            return
        values = dialog.values()
        services = self.services
        assert services is not None

        def refused(exc: BaseException) -> None:
            if isinstance(exc, DomainError):
                dialog.show_error(describe_error(exc) + "\n" + str(exc))
                dialog.open()
            else:
                self._fail(exc)

        def done(result: tuple[AgencyConfig, Actor]) -> None:
            agency, actor = result
            self.first_start = None
            dialog.deleteLater()
            self.agency = agency
            self.prefs.set(LAST_USER, actor.username)
            self.prefs.set(AGENCY_NAME_SEEN, agency.name)
            self._show_main(actor, str(values["admin_full_name"]))

        self.worker.submit(lambda: services.settings.setup(**values), done, refused)  # type: ignore[arg-type]

    # -- login ----------------------------------------------------------------------------------------------

    def _show_login(self, agency_name: str) -> None:
        dialog = LoginDialog(agency_name, self.worker.submit, self._check, self.prefs.get(LAST_USER))
        self.login = dialog
        dialog.finished.connect(lambda code: self._login_done(dialog, code))
        dialog.open()

    def _check(self, user: str, password: str) -> tuple[Actor, str] | None:  # on the worker, after opening
        # Read everything here, on the worker: the UI thread may not have handled the store's opening yet
        # when a quick clerk's password arrives (self.agency is set there).
        services = self.services
        if services is None or not services.settings.is_initialised():
            return None  # the store did not open (_fail reports why) or has no agency (first start follows)
        actor = services.users.authenticate(user, password, services.settings.agency().workstation)
        if actor is None:
            return None
        return actor, services.users.get(actor.username).full_name

    def _login_done(self, dialog: LoginDialog, code: int) -> None:
        if self.login is not dialog:
            return  # replaced by the first start
        self.login = None
        dialog.deleteLater()
        if code != QDialog.DialogCode.Accepted or dialog.actor is None:
            self.app.exit(0)
            return
        self.prefs.set(LAST_USER, dialog.actor.username)
        self._show_main(dialog.actor, dialog.full_name)

    # -- the main window ------------------------------------------------------------------------------------

    def _show_main(self, actor: Actor, full_name: str) -> None:
        from ui.main_window import MainWindow
        from ui.session import UiSession

        assert self.services is not None and self.agency is not None
        session = UiSession(self.services, self.worker, self.pool, self.prefs, self.agency, actor, full_name)
        window = MainWindow(session)
        window.logout_requested.connect(self._logout)
        window.store_replaced.connect(self._reopen)
        self.window = window
        window.show()
        self.app.setQuitOnLastWindowClosed(True)
        window.start()
        if self.backup_failure is not None:
            window.show_backup_failure(self.backup_failure)

    def _logout(self) -> None:
        window = self.window
        if window is None or self.agency is None:
            return
        self.app.setQuitOnLastWindowClosed(False)
        window.shutdown()
        window.hide()
        window.deleteLater()
        self.window = None
        name = self.agency.name
        # From the event loop, not from inside the menu action that asked.
        QTimer.singleShot(0, lambda: self._show_login(name))

    def _daily_backup_failed(self, exc: BaseException) -> None:
        _daily_backup_failed(exc)
        self.backup_failure = exc
        if self.window is not None:  # else said when the main window opens
            self.window.show_backup_failure(exc)

    def _reopen(self) -> None:
        """A restore replaced the store (the window's session has ended): close the window without exporting
        anything, open the store again from scratch on the worker, and come back to the login."""
        window, services = self.window, self.services
        if window is not None:
            self.app.setQuitOnLastWindowClosed(False)
            window.shutdown()
            window.hide()
            window.deleteLater()
            self.window = None
        self.services = None  # a quick password is checked against the store opened again, not this one
        self.backup_failure = None
        if services is not None:
            self.worker.submit(services.db.dispose)  # after the old session's work (dropped: it has ended)
        if self.location.is_encrypted():  # the store opened again asks for its passphrase again
            self._ask_passphrase()
            return
        self.worker.submit(self._open_store, self._opened, self._fail)

    def close(self) -> None:
        if self.window is not None:
            self.window.shutdown()  # late answers from the worker are dropped from now on
        self.worker.stop()  # finishes queued work (a registration in flight is saved), then ends the thread
        self.pool.stop()  # a printout being written is finished
        if self.services is not None:
            self.services.db.dispose()
        self.prefs.sync()


def run(args: argparse.Namespace) -> int:
    """Open the application window; returns the process exit code."""
    from desktop.context import resolve

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("MotCua Desk")
    app.setOrganizationName("MotCuaDesk")
    ui_font.install(app)
    location = resolve(args.data_dir, args.db)
    prefs = Preferences(location.data_dir)  # QSettings makes the folder when it first writes
    translator = i18n.install(app, location.data_dir, i18n.chosen_language(prefs.get(LANGUAGE)))
    _install_crash_handler()
    # Until the main window is up, the windows come and go (the dialogs): closing one of them must not end
    # the application. Refusals and "Thoát" call app.exit themselves.
    quit_on_last_window = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    opening = _Opening(app, location, prefs)
    opening.begin()
    try:
        return app.exec()
    finally:
        opening.close()
        if translator is not None:
            app.removeTranslator(translator)
        app.setQuitOnLastWindowClosed(quit_on_last_window)


def _daily_backup_failed(exc: BaseException) -> None:
    """The daily backup could not be made (a full disk, a damaged store): said in the log, and tried again at
    the next start; the clerk's work goes on."""
    logging.getLogger("motcua").warning("the daily backup failed: %s", exc)

"""Opening the application: the Qt application, font and translators, the store (on the worker), then
first start or login, then the main window. Logging out comes back to the login.

Nothing here touches the database on the UI thread: opening and migrating the store runs on the database
worker while a small window says so. The first-start dialog appears when no agency or no account is set
up yet (a store made with ``motcua init`` has an agency but no account to log in with).
"""

from __future__ import annotations

import argparse
import sys
from types import TracebackType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop import i18n, ui_font
from desktop.context import Location, open_services, resolve
from records.errors import DomainError
from records.services import Services
from records.services.settings import AgencyConfig
from records.users import Actor
from ui.errors import show_crash
from ui.first_start_dialog import FirstStartDialog
from ui.labels import describe_error
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.preferences import LANGUAGE, LAST_USER, Preferences
from ui.session import UiSession
from ui.tasks import BackgroundPool, DatabaseWorker


def _install_crash_handler() -> None:
    def show(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        import traceback

        show_crash(None, "".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = show


class _Opening:
    """The steps from an opened store to a logged-in main window, and back to the login on logout."""

    def __init__(self, app: QApplication, location: Location, prefs: Preferences) -> None:
        self.app = app
        self.location = location
        self.prefs = prefs
        self.worker = DatabaseWorker()
        self.pool = BackgroundPool()
        self.services: Services | None = None
        self.window: MainWindow | None = None
        self.splash = QLabel(app.translate("app", "Đang mở dữ liệu…"))
        self.splash.setWindowTitle("MotCua Desk")
        self.splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splash.resize(360, 120)

    def begin(self) -> None:
        self.worker.start()
        self.splash.show()
        self.worker.submit(self._open_store, self._opened, self._fail)

    def _open_store(self) -> tuple[Services, AgencyConfig | None, bool]:  # on the worker
        services = open_services(self.location)
        self.services = services
        agency = services.settings.agency() if services.settings.is_initialised() else None
        return services, agency, bool(services.users.list())

    def _fail(self, exc: BaseException) -> None:
        self.splash.hide()
        if isinstance(exc, DomainError):
            QMessageBox.critical(None, "MotCua Desk", describe_error(exc) + "\n\n" + str(exc))
        else:  # a bug: the crash box, then out (no window is left open to close)
            sys.excepthook(type(exc), exc, exc.__traceback__)
        self.app.exit(2)

    def _opened(self, result: tuple[Services, AgencyConfig | None, bool]) -> None:
        _, agency, has_users = result
        self.splash.hide()
        if agency is not None and has_users:
            self._login(agency)
        else:
            self._first_start(FirstStartDialog(agency=agency))

    # -- first start --------------------------------------------------------------------------------------

    def _first_start(self, dialog: FirstStartDialog) -> None:
        if dialog.exec() != FirstStartDialog.DialogCode.Accepted:
            self.app.exit(0)
            return
        values = dialog.values()
        services = self.services
        assert services is not None

        def refused(exc: BaseException) -> None:
            if isinstance(exc, DomainError):
                dialog.show_error(describe_error(exc) + "\n" + str(exc))
                self._first_start(dialog)
            else:
                self._fail(exc)

        def done(result: tuple[AgencyConfig, Actor]) -> None:
            agency, actor = result
            self.prefs.set(LAST_USER, actor.username)
            self._show_main(agency, actor, str(values["admin_full_name"]))

        self.worker.submit(lambda: services.settings.setup(**values), done, refused)  # type: ignore[arg-type]

    # -- login ----------------------------------------------------------------------------------------------

    def _login(self, agency: AgencyConfig) -> None:
        services = self.services
        assert services is not None
        dialog = LoginDialog(
            agency.name,
            self.worker.submit,
            lambda user, password: _actor_and_name(services, user, password, agency.workstation),
            self.prefs.get(LAST_USER),
        )
        if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.actor is None:
            self.app.exit(0)
            return
        self.prefs.set(LAST_USER, dialog.actor.username)
        self._show_main(agency, dialog.actor, dialog.full_name)

    # -- the main window ------------------------------------------------------------------------------------

    def _show_main(self, agency: AgencyConfig, actor: Actor, full_name: str) -> None:
        assert self.services is not None
        session = UiSession(self.services, self.worker, self.pool, self.prefs, agency, actor, full_name)
        window = MainWindow(session)
        window.logout_requested.connect(lambda: self._logout(agency))
        self.window = window
        window.show()
        self.app.setQuitOnLastWindowClosed(True)
        window.start()

    def _logout(self, agency: AgencyConfig) -> None:
        window = self.window
        if window is None:
            return
        self.app.setQuitOnLastWindowClosed(False)
        window.shutdown()
        window.hide()
        window.deleteLater()
        self.window = None
        # From the event loop, not from inside the menu action that asked: the login is a modal loop.
        QTimer.singleShot(0, lambda: self._login(agency))

    def close(self) -> None:
        if self.window is not None:
            self.window.shutdown()  # late answers from the worker are dropped from now on
        self.worker.stop()  # finishes queued work (a registration in flight is saved), then ends the thread
        self.pool.stop()  # a printout being written is finished
        self.splash.deleteLater()
        if self.services is not None:
            self.services.db.dispose()
        self.prefs.sync()


def _actor_and_name(
    services: Services, user: str, password: str, workstation: int
) -> tuple[Actor, str] | None:
    actor = services.users.authenticate(user, password, workstation)
    if actor is None:
        return None
    return actor, services.users.get(actor.username).full_name


def run(args: argparse.Namespace) -> int:
    """Open the application window; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("MotCua Desk")
    app.setOrganizationName("MotCuaDesk")
    ui_font.install(app)
    location = resolve(args.data_dir, args.db)
    prefs = Preferences(location.data_dir)  # QSettings makes the folder when it first writes
    language = i18n.chosen_language(prefs.get(LANGUAGE))
    translator = i18n.install(app, location.data_dir, language)
    _install_crash_handler()
    # Until the main window is up, the windows come and go (the splash, the dialogs): closing one of them
    # must not end the application. Refusals and "Thoát" call app.exit themselves.
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

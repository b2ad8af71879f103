"""Opening the application: the Qt application, translators, the store (on the worker), the main window.

Nothing here touches the database on the UI thread: opening and migrating the store runs on the database
worker while a small window says so; the first-start dialog appears when no agency is set up yet.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop import i18n
from desktop.context import open_services, resolve
from records.errors import DomainError
from ui.first_start_dialog import FirstStartDialog
from ui.labels import error_message
from ui.main_window import MainWindow
from ui.tasks import DatabaseWorker


def _install_crash_handler() -> None:
    def show(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        sys.stderr.write(details)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "MotCua Desk",
            QCoreApplication.translate("app", "Đã xảy ra lỗi không mong đợi."),
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "app", "Dữ liệu đã lưu không bị ảnh hưởng. Hãy gửi nội dung chi tiết cho quản trị viên."
            )
        )
        box.setDetailedText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    sys.excepthook = show


def run(args: argparse.Namespace) -> int:
    """Open the application window; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("MotCua Desk")
    app.setOrganizationName("MotCuaDesk")
    location = resolve(args.data_dir, args.db)
    translator = i18n.install(app, location.data_dir)
    _install_crash_handler()

    # Until the main window is up, the windows come and go (the splash, the first-start dialog): closing
    # one of them must not end the application. Refusals and "Thoát" call app.exit themselves.
    quit_on_last_window = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    worker = DatabaseWorker()
    worker.start()
    splash = QLabel(app.translate("app", "Đang mở dữ liệu…"))
    splash.setWindowTitle("MotCua Desk")
    splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
    splash.resize(360, 120)
    splash.show()
    state: dict[str, Any] = {}

    def fail(exc: BaseException) -> None:
        splash.hide()
        if isinstance(exc, DomainError):
            QMessageBox.critical(None, "MotCua Desk", error_message(exc.code, str(exc)) + "\n\n" + str(exc))
        else:  # a bug: the crash box, then out (no window is left open to close)
            sys.excepthook(type(exc), exc, exc.__traceback__)
        app.exit(2)

    def show_main(services: Any, agency_name: str) -> None:
        splash.hide()
        window = MainWindow(services, worker, agency_name)
        state["window"] = window
        window.show()
        app.setQuitOnLastWindowClosed(True)
        window.start()

    def open_store() -> tuple[Any, Any]:  # on the worker: the store and its agency (None before setup)
        services = open_services(location)
        state["services"] = services
        return services, services.settings.agency() if services.settings.is_initialised() else None

    def opened(result: tuple[Any, Any]) -> None:
        services, agency = result
        if agency is not None:
            show_main(services, agency.name)
            return
        splash.hide()
        dialog = FirstStartDialog()
        if dialog.exec() != FirstStartDialog.DialogCode.Accepted:
            app.exit(0)
            return
        values = dialog.values()
        splash.show()
        worker.submit(
            lambda: services.settings.initialise(**values),
            lambda config: show_main(services, config.name),
            fail,
        )

    worker.submit(open_store, opened, fail)
    try:
        return app.exec()
    finally:
        window = state.pop("window", None)
        if window is not None:
            window.shutdown()  # late answers from the worker are dropped from now on
        worker.stop()  # finishes queued work (a registration in flight is saved), then ends the thread
        splash.deleteLater()
        services = state.get("services")
        if services is not None:
            services.db.dispose()
        if translator is not None:
            app.removeTranslator(translator)
        app.setQuitOnLastWindowClosed(quit_on_last_window)

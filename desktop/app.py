"""Opening the application: the Qt application, translators, the store (on the worker), the main window.

Nothing here touches the database on the UI thread: opening and migrating the store runs on the database
worker while a small window says so; the first-start dialog appears when no agency is set up yet.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTranslator
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
        box = QMessageBox(QMessageBox.Icon.Critical, "MotCua Desk", "Đã xảy ra lỗi không mong đợi.")
        box.setInformativeText("Dữ liệu đã lưu không bị ảnh hưởng. Hãy gửi nội dung chi tiết cho quản trị viên.")
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
    language = os.environ.get("MOTCUA_LANG") or QLocale.system().name()
    translator = QTranslator(app)
    if not language.startswith("vi"):
        qm = i18n.compiled_translation("en", location.data_dir)
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
    _install_crash_handler()

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
        if not isinstance(exc, DomainError):
            raise exc
        QMessageBox.critical(None, "MotCua Desk", error_message(exc.code, str(exc)) + "\n\n" + str(exc))
        app.exit(2)

    def show_main(services: Any) -> None:
        splash.hide()
        window = MainWindow(services, worker, services.settings.agency().name)
        state["window"] = window
        window.show()
        window.start()

    def opened(services: Any) -> None:
        state["services"] = services
        if services.settings.is_initialised():
            show_main(services)
            return
        splash.hide()
        dialog = FirstStartDialog()
        if dialog.exec() != FirstStartDialog.DialogCode.Accepted:
            app.exit(0)
            return
        values = dialog.values()
        worker.submit(lambda: services.settings.initialise(**values), lambda _c: show_main(services), fail)

    worker.submit(lambda: open_services(location), opened, fail)
    try:
        return app.exec()
    finally:
        worker.stop()
        services = state.get("services")
        if services is not None:
            services.db.dispose()

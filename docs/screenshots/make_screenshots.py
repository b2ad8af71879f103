"""Take the screenshots in this folder: the real application, offscreen, against a throwaway store.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py [main|first-start]

``main``: a store with 300 demonstration files (``records.demo.generate`` when it exists, else the UI tests'
sample store), the main window grabbed once the first page is in -> ``main-window.png``.
``first-start``: ``motcua`` (``desktop.cli.main([])``) with ``MOTCUA_HOME`` pointing to an empty folder; a
timer grabs the first-start dialog and closes it -> ``first-start.png``. Set ``MOTCUA_LANG=en`` for the
English UI (the files are then named ``*-en.png``).

Offscreen Qt draws with the fonts fontconfig finds; a font with Vietnamese glyphs (DejaVu Sans, e.g. the
Debian package ``fonts-dejavu-core``) must be installed, or the diacritics come out as boxes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui")]

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def _suffix() -> str:
    return "-en" if os.environ.get("MOTCUA_LANG", "").startswith("en") else ""


def _fill(data_dir: Path, files: int) -> object:
    try:
        from records.demo import generate  # type: ignore[import-not-found]
    except ImportError:
        import sample_store

        return sample_store.build(data_dir, files).services
    from desktop.context import open_services, resolve

    services = open_services(resolve(data_dir=str(data_dir)))
    if not services.settings.is_initialised():
        services.settings.initialise(agency_code="000.17.22.H56", agency_name="UBND xã Thử Nghiệm")
    generate(services, files, seed=1)
    return services


def main_window(files: int = 300) -> Path:
    from desktop import i18n
    from ui.main_window import MainWindow
    from ui.tasks import DatabaseWorker

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        services = _fill(data_dir, files)
        translator = i18n.install(app, data_dir)
        worker = DatabaseWorker()
        worker.start()
        window = MainWindow(services, worker, services.settings.agency().name)  # type: ignore[attr-defined]
        window.show()
        window.start()
        target = HERE / f"main-window{_suffix()}.png"

        def grab() -> None:
            if window.model.rowCount() == 0:
                QTimer.singleShot(100, grab)
                return
            QApplication.processEvents()
            window.grab().save(str(target))
            window.close()

        QTimer.singleShot(300, grab)
        QTimer.singleShot(30_000, app.quit)  # never hang
        app.exec()
        worker.stop()
        window.deleteLater()
        services.db.dispose()  # type: ignore[attr-defined]
        if translator is not None:
            app.removeTranslator(translator)
    return target


def first_start() -> Path:
    from desktop.cli import main
    from ui.first_start_dialog import FirstStartDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    target = HERE / f"first-start{_suffix()}.png"
    with tempfile.TemporaryDirectory() as folder:
        os.environ["MOTCUA_HOME"] = folder
        os.environ.pop("MOTCUA_DB", None)
        seen: list[FirstStartDialog] = []

        def grab() -> None:
            dialogs = [w for w in app.topLevelWidgets() if isinstance(w, FirstStartDialog) and w.isVisible()]
            if not dialogs:
                QTimer.singleShot(100, grab)
                return
            dialog = dialogs[0]
            seen.append(dialog)
            dialog.grab().save(str(target))
            dialog.reject()  # "Thoát": the application exits with 0

        QTimer.singleShot(300, grab)
        QTimer.singleShot(30_000, app.quit)
        code = main([])
        if not seen:
            raise SystemExit(f"the first-start dialog did not appear (exit code {code})")
        print(f"motcua exited with {code}")
    return target


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "main"
    path = first_start() if which == "first-start" else main_window()
    print(path)

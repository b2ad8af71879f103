"""The application as ``motcua`` opens it: first start, the main window, and a clean shutdown of the
database worker when the window closes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sample_store import AGENCY_NAME, build

import desktop.app
from desktop.context import open_services, resolve
from ui.first_start_dialog import FirstStartDialog
from ui.main_window import MainWindow
from ui.tasks import DatabaseWorker

GIVE_UP_MS = 20_000


class _Workers:
    """Records the database workers the application starts."""

    def __init__(self) -> None:
        self.made: list[DatabaseWorker] = []

    def __call__(self, *args: object) -> DatabaseWorker:
        worker = DatabaseWorker(*args)  # type: ignore[arg-type]
        self.made.append(worker)
        return worker


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> _Workers:
    monkeypatch.delenv("MOTCUA_LANG", raising=False)
    monkeypatch.delenv("MOTCUA_DB", raising=False)
    monkeypatch.setattr(desktop.app, "_install_crash_handler", lambda: None)  # no modal box in a test
    workers = _Workers()
    monkeypatch.setattr(desktop.app, "DatabaseWorker", workers)
    return workers


def _visible(kind: type[QWidget]) -> QWidget | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[0] if found else None


def _drive(app: QApplication, steps: list[Callable[[], bool]]) -> list[str]:
    """Run ``steps`` one after another from a polling timer while the application runs; each returns
    True once done. Gives up (closing every window) after GIVE_UP_MS. Returns what went wrong."""
    problems: list[str] = []
    timer = QTimer(app)
    timer.setInterval(20)
    remaining = list(steps)
    waited = [0]

    def tick() -> None:
        waited[0] += timer.interval()
        if remaining and remaining[0]():
            remaining.pop(0)
        if not remaining:
            timer.stop()
        elif waited[0] > GIVE_UP_MS:
            timer.stop()
            problems.append(f"gave up with {len(remaining)} step(s) left")
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, FirstStartDialog):
                    widget.reject()
                widget.close()
            app.exit(99)

    timer.timeout.connect(tick)
    timer.start()
    return problems


def _run(data_dir: Path) -> int:
    return desktop.app.run(argparse.Namespace(data_dir=str(data_dir), db=None))


def _close_when_loaded(expected_rows: int) -> Callable[[], bool]:
    def step() -> bool:
        window = _visible(MainWindow)
        if not isinstance(window, MainWindow) or window.model.rowCount() != expected_rows:
            return False
        window.close()
        return True

    return step


def test_closing_the_window_stops_the_worker(app_env: _Workers, qapp: QApplication, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    build(data_dir, files=7).services.db.dispose()
    problems = _drive(qapp, [_close_when_loaded(7)])
    assert _run(data_dir) == 0
    assert problems == []
    assert len(app_env.made) == 1
    assert app_env.made[0].isFinished()


def test_first_start_then_main_window(app_env: _Workers, qapp: QApplication, tmp_path: Path) -> None:
    data_dir = tmp_path / "empty"
    seen: dict[str, str] = {}

    def fill_in() -> bool:
        dialog = _visible(FirstStartDialog)
        if not isinstance(dialog, FirstStartDialog):
            return False
        dialog.agency_code.setText("000.17.22.H56")
        dialog.agency_name.setText(AGENCY_NAME)
        dialog.accept()
        return True

    def main_window_shows() -> bool:
        window = _visible(MainWindow)
        if not isinstance(window, MainWindow) or window.model.is_loading():
            return False
        seen["title"] = window.windowTitle()
        window.close()
        return True

    problems = _drive(qapp, [fill_in, main_window_shows])
    assert _run(data_dir) == 0
    assert problems == []
    assert seen["title"] == f"MotCua Desk — {AGENCY_NAME}"
    assert all(worker.isFinished() for worker in app_env.made)
    services = open_services(resolve(data_dir=str(data_dir)))
    try:
        assert services.settings.agency().code == "000.17.22.H56"
    finally:
        services.db.dispose()


def test_first_start_cancelled(app_env: _Workers, qapp: QApplication, tmp_path: Path) -> None:
    def cancel() -> bool:
        dialog = _visible(FirstStartDialog)
        if dialog is None:
            return False
        dialog.reject()
        return True

    problems = _drive(qapp, [cancel])
    assert _run(tmp_path / "empty") == 0
    assert problems == []
    assert all(worker.isFinished() for worker in app_env.made)

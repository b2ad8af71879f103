"""The application as ``motcua`` opens it: first start (agency and first admin), login, the main window,
logout back to the login, and a clean shutdown of the database worker when the window closes."""

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
from records.backup import verify_backup
from records.users import Role
from ui.first_start_dialog import FirstStartDialog
from ui.lock_dialog import LockDialog
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.tasks import DatabaseWorker

GIVE_UP_MS = 60_000  # generous: a loaded 2-core CI machine opens the store, hashes and paints slowly


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
                if isinstance(widget, FirstStartDialog | LoginDialog):
                    widget.reject()
                widget.close()
            app.exit(99)

    timer.timeout.connect(tick)
    timer.start()
    return problems


def _run(data_dir: Path) -> int:
    return desktop.app.run(argparse.Namespace(data_dir=str(data_dir), db=None))


PASSWORD = "mat-khau-1"


def _store_with_user(data_dir: Path, files: int, role: Role = Role.CLERK) -> None:
    services = build(data_dir, files=files).services
    services.users.add(services.users.system(1), "lan", "Trần Thị Lan", role, PASSWORD)
    services.db.dispose()


def _log_in(password: str = PASSWORD, seen: dict[str, str] | None = None) -> Callable[[], bool]:
    def step() -> bool:
        dialog = _visible(LoginDialog)
        if not isinstance(dialog, LoginDialog) or not dialog.buttons.isEnabled():
            return False
        if seen is not None and dialog.error.isVisible():
            seen.setdefault("error", dialog.error.text())
        dialog.username.setText("lan")
        dialog.password.setText(password)
        dialog.accept()
        return True

    return step


def _main_window(check: Callable[[MainWindow], bool] = lambda _w: True) -> Callable[[], bool]:
    def step() -> bool:
        window = _visible(MainWindow)
        return isinstance(window, MainWindow) and not window.files.model.is_loading() and check(window)

    return step


def _close_main() -> bool:
    window = _visible(MainWindow)
    if isinstance(window, MainWindow):
        window.close()
    return True


def test_login_then_the_main_window_and_closing_stops_the_worker(
    app_env: _Workers, qapp: QApplication, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    _store_with_user(data_dir, files=7)
    seen: dict[str, object] = {}

    def loaded(window: MainWindow) -> bool:
        if window.files.model.rowCount() != 7:
            return False
        seen["title"] = window.windowTitle()
        seen["tabs"] = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        seen["user"] = window.session.actor.username
        return True

    problems = _drive(qapp, [_log_in(), _main_window(loaded), _close_main])
    code = _run(data_dir)
    assert problems == []
    assert code == 0
    assert seen["title"] == f"MotCua Desk — {AGENCY_NAME}"
    assert seen["user"] == "lan"
    assert not any("Tổng hợp" in tab for tab in seen["tabs"])  # type: ignore[attr-defined]  # a clerk
    assert len(app_env.made) == 1
    assert app_env.made[0].isFinished()
    # Today's backup was made in the background when the store opened (and is whole).
    [daily] = (data_dir / "backups").glob("motcua-daily-*.zip")
    assert verify_backup(daily).counts["documents"] == 0


def test_a_wrong_password_is_refused_then_the_right_one_works(
    app_env: _Workers, qapp: QApplication, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    _store_with_user(data_dir, files=3, role=Role.SUPERVISOR)
    seen: dict[str, str] = {}
    errors: list[str] = []

    def error_shown() -> bool:
        dialog = _visible(LoginDialog)
        if isinstance(dialog, LoginDialog) and dialog.error.isVisible():
            errors.append(dialog.error.text())
            return True
        return False

    def supervisor_sees_the_day(window: MainWindow) -> bool:
        seen["tabs"] = " | ".join(window.tabs.tabText(i) for i in range(window.tabs.count()))
        return True

    steps = [
        _log_in("sai-mat-khau"),
        error_shown,
        _log_in(),
        _main_window(supervisor_sees_the_day),
        _close_main,
    ]
    problems = _drive(qapp, steps)
    assert _run(data_dir) == 0
    assert problems == []
    assert errors and "Sai tên đăng nhập hoặc mật khẩu" in errors[0]
    assert "Tổng hợp" in seen["tabs"]


def test_logout_comes_back_to_the_login(app_env: _Workers, qapp: QApplication, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _store_with_user(data_dir, files=2)

    def log_out(window: MainWindow) -> bool:
        window.logout_requested.emit()
        return True

    def login_again_then_quit() -> bool:
        dialog = _visible(LoginDialog)
        if not isinstance(dialog, LoginDialog) or _visible(MainWindow) is not None:
            return False
        assert dialog.username.text() == "lan"  # the last user is remembered
        dialog.reject()  # "Thoát"
        return True

    problems = _drive(qapp, [_log_in(), _main_window(log_out), login_again_then_quit])
    assert _run(data_dir) == 0
    assert problems == []
    assert all(worker.isFinished() for worker in app_env.made)


def test_logging_out_from_the_screen_lock_comes_back_to_the_login(
    app_env: _Workers, qapp: QApplication, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    _store_with_user(data_dir, files=2)
    seen: dict[str, object] = {}

    def lock_then_log_out(window: MainWindow) -> bool:
        dialog = window.locker.lock()
        assert dialog is not None and dialog.isVisible()
        seen["who"] = dialog.who.text()
        dialog.logout_button.click()
        return True

    def login_again() -> bool:
        dialog = _visible(LoginDialog)
        if not isinstance(dialog, LoginDialog) or _visible(MainWindow) is not None:
            return False
        seen["lock gone"] = _visible(LockDialog) is None
        return _log_in()()

    def unlocked_window(window: MainWindow) -> bool:
        seen["locked"] = window.locker.is_locked()
        return True

    steps = [
        _log_in(),
        _main_window(lock_then_log_out),
        login_again,
        _main_window(unlocked_window),
        _close_main,
    ]
    problems = _drive(qapp, steps)
    assert _run(data_dir) == 0
    assert problems == []
    assert "Trần Thị Lan" in str(seen["who"])
    assert seen["lock gone"] is True and seen["locked"] is False
    assert all(worker.isFinished() for worker in app_env.made)


def _fill_first_start(dialog: FirstStartDialog, password_again: str = "quan-tri-123") -> None:
    dialog.agency_code.setText("000.17.22.H56")
    dialog.agency_name.setText(AGENCY_NAME)
    dialog.admin_username.setText("quantri")
    dialog.admin_full_name.setText("Nguyễn Quản Trị")
    dialog.admin_password.setText("quan-tri-123")
    dialog.admin_password_again.setText(password_again)


def test_first_start_sets_up_the_agency_and_the_first_admin(
    app_env: _Workers, qapp: QApplication, tmp_path: Path
) -> None:
    data_dir = tmp_path / "empty"
    seen: dict[str, object] = {}

    def fill_in() -> bool:
        dialog = _visible(FirstStartDialog)
        if not isinstance(dialog, FirstStartDialog):
            return False
        _fill_first_start(dialog, password_again="khac-nhau-1")
        dialog.accept()  # refused: the two passwords differ; the dialog stays
        seen["mismatch"] = dialog.error.text()
        assert dialog.isVisible()
        _fill_first_start(dialog)
        dialog.accept()
        return True

    def admin_window(window: MainWindow) -> bool:
        seen["title"] = window.windowTitle()
        seen["admin"] = window.session.is_admin
        return True

    problems = _drive(qapp, [fill_in, _main_window(admin_window), _close_main])
    assert _run(data_dir) == 0
    assert problems == []
    assert "không giống nhau" in str(seen["mismatch"])
    assert seen["title"] == f"MotCua Desk — {AGENCY_NAME}" and seen["admin"] is True
    assert all(worker.isFinished() for worker in app_env.made)
    services = open_services(resolve(data_dir=str(data_dir)))
    try:
        assert services.settings.agency().code == "000.17.22.H56"
        admin = services.users.authenticate("quantri", "quan-tri-123")
        assert admin is not None and admin.role is Role.ADMIN
    finally:
        services.db.dispose()


def test_a_store_set_up_from_the_command_line_asks_for_the_first_admin(
    app_env: _Workers, qapp: QApplication, tmp_path: Path
) -> None:
    data_dir = tmp_path / "cli"
    build(data_dir, files=1).services.db.dispose()  # an agency, no account but the system's
    seen: dict[str, str] = {}

    def prefilled() -> bool:
        dialog = _visible(FirstStartDialog)
        if not isinstance(dialog, FirstStartDialog):
            return False
        seen["code"] = dialog.agency_code.text()
        seen["name"] = dialog.agency_name.text()
        dialog.reject()
        return True

    problems = _drive(qapp, [prefilled])
    assert _run(data_dir) == 0
    assert problems == []
    assert seen == {"code": "000.17.22.H56", "name": AGENCY_NAME}


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


def test_a_password_checked_before_the_window_heard_the_store_opened_is_still_right(
    qapp: QApplication, tmp_path: Path
) -> None:
    """The worker checks a quick clerk's password right after opening the store, possibly before the UI
    thread has handled the opening: the check must not depend on what the UI thread has stored."""
    from ui.preferences import Preferences

    data_dir = tmp_path / "data"
    _store_with_user(data_dir, files=1)
    opening = desktop.app._Opening(qapp, resolve(data_dir=str(data_dir)), Preferences(data_dir))
    opening.services = open_services(resolve(data_dir=str(data_dir)))
    try:
        assert opening.agency is None  # the UI thread has not handled the opening yet
        result = opening._check("lan", PASSWORD)
        assert result is not None
        actor, full_name = result
        assert (actor.username, full_name, actor.workstation) == ("lan", "Trần Thị Lan", 1)
        assert opening._check("lan", "sai-mat-khau") is None
    finally:
        opening.services.db.dispose()

"""The application around backups, as ``motcua`` opens it: a daily backup that failed is said in the main
window's status bar, and a restore from the settings closes the window, opens the store again and comes
back to the login, with the restored data behind it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sample_store import build
from test_ui_app import PASSWORD, _close_main, _drive, _main_window, _run, _visible
from test_ui_app import app_env as app_env  # the fixture, shared
from uitest import WAIT_MS

import desktop.app
from desktop.context import resolve
from records.errors import StorageUnavailable
from records.files import RegistrationRequest
from records.services.backups import BackupService
from records.users import Role
from ui.labels import describe_error
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.session import UiSession
from ui.settings_dialog import SettingsDialog


def _log_in() -> bool:
    dialog = _visible(LoginDialog)
    if not isinstance(dialog, LoginDialog) or not dialog.buttons.isEnabled() or _visible(MainWindow):
        return False
    dialog.username.setText("lan")
    dialog.password.setText(PASSWORD)
    dialog.accept()
    return True


def test_a_failed_daily_backup_is_said_in_the_status_bar(
    app_env: None, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    services = build(data_dir, files=2).services
    services.users.add(services.users.system(1), "lan", "Trần Thị Lan", Role.CLERK, PASSWORD)
    services.db.dispose()
    full = StorageUnavailable("no space left on device", reason="disk_full")

    def daily_if_due(_self: BackupService) -> None:
        raise full

    monkeypatch.setattr(BackupService, "daily_if_due", daily_if_due)
    seen: dict[str, Any] = {}

    def warned(window: MainWindow) -> bool:
        if not window.backup_warning.isVisible():
            return False
        seen["text"] = window.backup_warning.text()
        return True

    problems = _drive(qapp, [_log_in, _main_window(warned), _close_main])
    assert _run(data_dir) == 0
    assert problems == []
    assert seen["text"] == f"Sao lưu hằng ngày không thành công: {describe_error(full)}"


def test_a_failure_arriving_after_the_window_opened_is_said_too(
    qtbot: Any, fresh_store: Any, make_session: Callable[..., UiSession], tmp_path: Path
) -> None:
    session = make_session(fresh_store)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    opening = desktop.app._Opening(app, resolve(data_dir=str(tmp_path / "x")), session.prefs)
    window = MainWindow(session)
    qtbot.addWidget(window)
    opening.window = window
    opening._daily_backup_failed(OSError(28, "No space left on device"))
    assert not window.backup_warning.isHidden()
    assert window.backup_warning.text().startswith("Sao lưu hằng ngày không thành công: ")
    assert "No space left on device" in window.backup_warning.text()
    assert opening.backup_failure is not None
    window.shutdown()
    assert opening.worker.stop(WAIT_MS)  # never started


def test_a_restore_comes_back_to_the_login_on_the_restored_store(
    app_env: None, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    store = build(data_dir, files=3)
    services = store.services
    services.users.add(services.users.system(1), "lan", "Nguyễn Quản Trị", Role.ADMIN, PASSWORD)
    backup = services.backups.backup(tmp_path / "sao-luu.zip", services.users.system(1)).path
    for n in range(2):  # registered after the backup: gone once it is restored
        request = RegistrationRequest.from_json(
            {
                "procedure": "1.001193",
                "applicant": {"personal_id": f"00109905432{n}", "full_name": "Trần Thị Sau"},
                "documents": ["Tờ khai đăng ký khai sinh"],
            }
        )
        services.files.register(request, services.users.system(1))
    services.db.dispose()
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    seen: dict[str, Any] = {}

    def restore(window: MainWindow) -> bool:
        if window.files.model.rowCount() != 5:
            return False
        seen["old window"] = window
        window.open_settings()
        dialog = window.findChild(SettingsDialog)
        assert isinstance(dialog, SettingsDialog) and dialog.backup is not None
        tab = dialog.backup
        tab.ask_open_path = lambda title: backup  # type: ignore[method-assign]
        tab.confirm_restore = lambda path, result: True  # type: ignore[method-assign]
        seen["tab"] = tab
        return True

    def click_restore() -> bool:
        tab = seen["tab"]
        if tab.is_busy():  # the folder's list is loading
            return False
        tab.restore_button.click()
        return True

    def login_again() -> bool:
        if _visible(MainWindow) is not None:
            return False
        seen["session ended"] = seen["old window"].session.ended
        return _log_in()

    def restored(window: MainWindow) -> bool:
        if window is seen["old window"] or window.files.model.rowCount() != 3:
            return False
        seen["rows"] = window.files.model.rowCount()
        return True

    problems = _drive(
        qapp,
        [_log_in, _main_window(restore), click_restore, login_again, _main_window(restored), _close_main],
    )
    assert _run(data_dir) == 0
    assert problems == []
    assert seen["session ended"] is True and seen["rows"] == 3

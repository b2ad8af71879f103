"""An encrypted store opens with its passphrase first (before the login): a wrong one is said inline and
changes nothing; the right one (or the recovery code) leads to the login and the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from test_ui_app import PASSWORD, _close_main, _drive, _log_in, _main_window, _run, _store_with_user, _visible
from test_ui_app import app_env as app_env  # the fixture, shared

from desktop.context import resolve
from records.encryption import enable, read_config
from ui.login_dialog import LoginDialog
from ui.unlock_store_dialog import UnlockStoreDialog

PASSPHRASE = "mật khẩu mã hóa của xã"

pytestmark = pytest.mark.usefixtures("app_env")


def _encrypted_store(data_dir: Path) -> str:
    _store_with_user(data_dir, files=4)
    _key, recovery, _report = enable(resolve(str(data_dir)).store_files(), PASSPHRASE)
    return recovery


def _unlock_with(text: str, errors: list[str] | None = None):  # type: ignore[no-untyped-def]
    def step() -> bool:
        dialog = _visible(UnlockStoreDialog)
        if not isinstance(dialog, UnlockStoreDialog) or not dialog.open_button.isEnabled():
            return False
        if errors is not None and dialog.error.isVisible():
            errors.append(dialog.error.text())
        dialog.passphrase.setText(text)
        dialog.open_button.click()
        return True

    return step


def _error_shown(errors: list[str]):  # type: ignore[no-untyped-def]
    def step() -> bool:
        dialog = _visible(UnlockStoreDialog)
        if (
            isinstance(dialog, UnlockStoreDialog)
            and dialog.error.isVisible()
            and dialog.open_button.isEnabled()
        ):
            errors.append(dialog.error.text())  # type: ignore[union-attr]
            return True
        return False

    return step


def test_a_wrong_passphrase_is_said_then_the_right_one_opens_the_store(
    qapp: QApplication, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    _encrypted_store(data_dir)
    errors: list[str] = []
    login_seen: list[bool] = []

    def no_login_before_unlock() -> bool:
        login_seen.append(_visible(LoginDialog) is not None)
        return True

    steps = [
        no_login_before_unlock,
        _unlock_with("không phải mật khẩu"),
        _error_shown(errors),
        _unlock_with(PASSPHRASE),
        _log_in(),
        _main_window(lambda window: window.files.model.rowCount() == 4),
        _close_main,
    ]
    problems = _drive(qapp, steps)
    assert _run(data_dir) == 0
    assert problems == []
    assert login_seen == [False]
    assert errors and "không đúng" in errors[0]
    config = read_config(data_dir)
    assert config is not None and config.state == "on"
    # Today's backup, made in the background, is encrypted with the store's key.
    [daily] = (data_dir / "backups").glob("motcua-daily-*.zip")
    assert b"SQLite format 3" not in daily.read_bytes()


def test_the_recovery_code_also_opens_the_store(qapp: QApplication, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    recovery = _encrypted_store(data_dir)
    steps = [_unlock_with(recovery.lower().replace("-", " ")), _log_in(PASSWORD), _main_window(), _close_main]
    problems = _drive(qapp, steps)
    assert _run(data_dir) == 0
    assert problems == []


def test_quitting_at_the_passphrase_leaves_the_application(qapp: QApplication, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _encrypted_store(data_dir)

    def quit_() -> bool:
        dialog = _visible(UnlockStoreDialog)
        if isinstance(dialog, UnlockStoreDialog):
            dialog.quit_button.click()
            return True
        return False

    problems = _drive(qapp, [quit_])
    assert _run(data_dir) == 0
    assert problems == []

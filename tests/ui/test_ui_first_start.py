"""The first-start dialog: refuses a bad agency code, an empty name and a weak or mistyped admin password;
returns what was entered, which sets up the store and its first admin in one step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.context import open_services, resolve
from ui.first_start_dialog import FirstStartDialog


def _dialog(qtbot: QtBot, admin: bool = True) -> FirstStartDialog:
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    if admin:
        dialog.admin_full_name.setText("Nguyễn Quản Trị")
        dialog.admin_password.setText("quan-tri-123")
        dialog.admin_password_again.setText("quan-tri-123")
    return dialog


def _press_start(qtbot: QtBot, dialog: FirstStartDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("code", ["", "abc", "000.17.22", "HA5.242", "000.17.22.H56.9", "Hà5.242"])
def test_refuses_a_bad_agency_code(qtbot: QtBot, code: str) -> None:
    dialog = _dialog(qtbot)
    dialog.agency_code.setText(code)
    qtbot.keyClicks(dialog.agency_name, "UBND xa Thu Nghiem")
    _press_start(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Mã cơ quan không đúng định dạng" in dialog.error.text()


@pytest.mark.parametrize("name", ["", "   "])
def test_refuses_an_empty_name(qtbot: QtBot, name: str) -> None:
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.agency_code, "000.17.22.H56")
    dialog.agency_name.setText(name)
    _press_start(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "Cần nhập tên cơ quan tiếp nhận."


def test_accepts_a_good_one_and_returns_values_the_settings_take(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.agency_code, " 000.17.22.H56 ")
    dialog.agency_name.setText("UBND xã Thử Nghiệm ")  # as an input method would commit it
    dialog.parent_name.setText("UBND huyện Mẫu")
    dialog.workstation.setValue(3)
    _press_start(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    values = dialog.values()
    assert values == {
        "agency_code": "000.17.22.H56",
        "agency_name": "UBND xã Thử Nghiệm",
        "parent_name": "UBND huyện Mẫu",
        "place": None,
        "workstation": 3,
        "admin_username": "admin",
        "admin_full_name": "Nguyễn Quản Trị",
        "admin_password": "quan-tri-123",
    }
    services = open_services(resolve(data_dir=str(tmp_path / "data")))
    try:
        config, admin = services.settings.setup(**values)  # type: ignore[arg-type]
        assert (config.code, config.name, config.workstation) == ("000.17.22.H56", "UBND xã Thử Nghiệm", 3)
        assert services.users.authenticate("admin", "quan-tri-123", 3) == admin
    finally:
        services.db.dispose()


@pytest.mark.parametrize(
    ("password", "again", "message"),
    [
        ("ngan", "ngan", "Mật khẩu cần ít nhất 8 ký tự."),
        ("admin123", "admin123", "Mật khẩu này nằm trong số những mật khẩu hay dùng nhất"),
        ("aaaaaaaaaa", "aaaaaaaaaa", "Mật khẩu quá dễ đoán"),
        ("quan-tri-123", "quan-tri-124", "Hai lần nhập mật khẩu không giống nhau."),
    ],
)
def test_refuses_a_weak_or_mistyped_admin_password(
    qtbot: QtBot, password: str, again: str, message: str
) -> None:
    dialog = _dialog(qtbot)
    dialog.agency_code.setText("000.17.22.H56")
    dialog.agency_name.setText("UBND")
    dialog.admin_password.setText(password)
    dialog.admin_password_again.setText(again)
    _press_start(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text().startswith(message)


def test_refuses_the_admin_name_as_password(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.agency_code.setText("000.17.22.H56")
    dialog.agency_name.setText("UBND")
    dialog.admin_username.setText("quantri.xa")
    dialog.admin_password.setText("QuanTri.Xa")
    dialog.admin_password_again.setText("QuanTri.Xa")
    _press_start(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "Mật khẩu không được trùng với tên đăng nhập."


def test_refuses_an_admin_without_a_name(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.agency_code.setText("000.17.22.H56")
    dialog.agency_name.setText("UBND")
    dialog.admin_full_name.clear()
    _press_start(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "Cần nhập họ và tên người quản trị."


def test_the_short_agency_code_form_is_accepted(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.agency_code, "H55.242")
    qtbot.keyClicks(dialog.agency_name, "UBND")
    qtbot.keyClick(dialog.agency_name, Qt.Key.Key_Return)  # Enter presses "Bắt đầu"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_an_error_clears_once_corrected(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.agency_code, "bad")
    _press_start(qtbot, dialog)
    assert dialog.error.text()
    dialog.agency_code.setText("000.17.22.H56")
    dialog.agency_name.setText("UBND")
    _press_start(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted

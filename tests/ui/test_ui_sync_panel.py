"""The sync panel against a real store: what is pending, a bundle exported and shown, nothing new after the
centre acknowledged everything, a missing folder told and remembered, a bad acknowledgement refused without
changing anything, the configuration saved by an administrator, and F8 opening it in the main window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS

from records.clock import local, now
from records.files import RegistrationRequest
from records.keys import parse_public_key_text, public_key_text
from records.sync.ack import Ack, write_ack
from records.sync.bundle import open_bundle
from ui.labels import number_text
from ui.main_window import MainWindow
from ui.session import UiSession
from ui.sync_exporter import SyncExporter
from ui.sync_panel import SyncPanel, parse_times

SessionMaker = Callable[..., UiSession]


def _register(services: Any, count: int) -> list[str]:
    codes = []
    for n in range(count):
        request = RegistrationRequest.from_json(
            {
                "procedure": "1.001193",
                "applicant": {"personal_id": f"00109901234{n}", "full_name": "Nguyễn Văn Bình"},
                "documents": ["Tờ khai đăng ký khai sinh"],
            }
        )
        codes.append(services.files.register(request, services.users.system(1)).code)
    return codes


def _configure(services: Any, **changes: Any) -> None:
    services.sync.configure(services.users.system(1), **changes)


def _panel(qtbot: QtBot, session: UiSession) -> SyncPanel:
    exporter = SyncExporter(session)
    panel = SyncPanel(session, exporter)
    panel._test_exporter = exporter  # type: ignore[attr-defined]  # kept alive with the panel
    qtbot.addWidget(panel)
    panel.resize(1200, 760)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.start()
    return panel


def _window(qtbot: QtBot, session: UiSession) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.exporter.config is not None, timeout=WAIT_MS)
    return window


def _bundles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".zip"))


def _centre() -> tuple[Ed25519PrivateKey, str]:
    key = Ed25519PrivateKey.generate()
    return key, public_key_text(key.public_key().public_bytes_raw())


def _ack_file(services: Any, path: Path, key: Ed25519PrivateKey, acked_seq: int | None = None) -> Path:
    """The centre's signed acknowledgement of everything this store has made (or of ``acked_seq``)."""
    agency = services.settings.agency()
    ack = Ack(
        agency=agency.code,
        workstation=agency.workstation,
        acked_seq=services.sync.status().last_seq if acked_seq is None else acked_seq,
        bundles=(),
        missing_objects=(),
        created_at=now(),
        centre_key=public_key_text(key.public_key().public_bytes_raw()),
    )
    write_ack(path, ack, key.sign)
    return path


# -- the panel ---------------------------------------------------------------------------------------------


def test_times_are_typed_in_one_field() -> None:
    assert parse_times(" 11:30, 16:45;17:00  08:00 ") == ["11:30", "16:45", "17:00", "08:00"]
    assert parse_times("  ") == []


def test_the_panel_shows_what_the_centre_has_not_acknowledged(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker
) -> None:
    codes = _register(fresh_store, 3)
    panel = _panel(qtbot, make_session(fresh_store, "clerk"))
    status = fresh_store.sync.status()
    assert status.unsynced_files == len(codes)  # every registered file is pending
    assert panel.unsynced_files.text() == number_text(len(codes))
    assert f"Công dân: {status.unsynced['citizens']}" in panel.unsynced_other.text()
    assert "Hồ sơ:" not in panel.unsynced_other.text()  # the files are counted on their own line
    assert local(status.oldest_pending).strftime("%d/%m/%Y %H:%M") in panel.oldest_pending.text()
    assert "trước" in panel.oldest_pending.text() or "vừa xong" in panel.oldest_pending.text()
    assert panel.last_export.text() == "Chưa xuất lần nào"
    assert panel.last_ack.text() == "Chưa nhận xác nhận nào"
    assert panel.last_error.text() == "Không có"
    # a clerk exports but does not change the configuration
    assert panel.export_button.isEnabled() and panel.ack_button.isEnabled()
    assert not panel.save_button.isEnabled() and not panel.folder_edit.isEnabled()


def test_export_writes_a_bundle_into_the_configured_folder_and_the_panel_shows_it(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker, tmp_path: Path
) -> None:
    codes = _register(fresh_store, 2)
    out = tmp_path / "usb"
    out.mkdir()
    _configure(fresh_store, folder=str(out))
    panel = _panel(qtbot, make_session(fresh_store, "clerk"))
    assert panel.folder_edit.text() == str(out)
    with qtbot.waitSignal(panel.exported, timeout=WAIT_MS) as exported:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    result = exported.args[0]
    [bundle] = _bundles(out)
    assert result.path == bundle
    # a real, signed bundle carrying the registered files
    with open_bundle(bundle, lambda manifest: parse_public_key_text(manifest["public_key"])) as opened:
        files = {r["row"]["code"] for r in opened.records() if r["entity"] == "files"}
    assert files == set(codes)
    assert str(bundle) in panel.message_text() and f"Hồ sơ: {len(codes)}" in panel.message_text()
    qtbot.waitUntil(lambda: str(bundle) in panel.last_export.text(), timeout=WAIT_MS)
    assert fresh_store.sync.status().last_export_path == str(bundle)
    # exported is not acknowledged: the files stay pending until the centre says it has them
    assert panel.unsynced_files.text() == number_text(len(codes))


def test_without_a_configured_folder_the_export_asks_for_one(
    qtbot: QtBot,
    fresh_store: Any,
    make_session: SessionMaker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _register(fresh_store, 1)
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    panel = _panel(qtbot, make_session(fresh_store, "clerk"))
    asked: list[bool] = []
    monkeypatch.setattr(panel, "ask_folder", lambda: asked.append(True) or chosen)
    with qtbot.waitSignal(panel.exported, timeout=WAIT_MS):
        panel.export_now()
    assert asked == [True]
    assert len(_bundles(chosen)) == 1
    monkeypatch.setattr(panel, "ask_folder", lambda: None)  # cancelled: nothing happens
    panel.export_now()
    assert not panel._exporter.is_busy()


def test_nothing_new_after_the_centre_acknowledged_everything(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker, tmp_path: Path
) -> None:
    _register(fresh_store, 2)
    out = tmp_path / "usb"
    out.mkdir()
    key, key_text = _centre()
    _configure(fresh_store, folder=str(out), centre_signing_key=key_text)
    session = make_session(fresh_store, "clerk")  # (adding its user is a change too)
    ack = _ack_file(fresh_store, tmp_path / "ack.json", key)
    panel = _panel(qtbot, session)
    with qtbot.waitSignal(panel.ack_imported, timeout=WAIT_MS) as imported:
        panel.import_ack(ack)
    assert imported.args[0].acked_seq == fresh_store.sync.status().last_seq
    assert "Đã nhận xác nhận của trung tâm" in panel.message_text()
    qtbot.waitUntil(lambda: panel.unsynced_files.text() == "0", timeout=WAIT_MS)
    assert panel.last_ack.text() != "Chưa nhận xác nhận nào"
    with qtbot.waitSignal(panel.exported, timeout=WAIT_MS) as exported:
        panel.export_now()
    assert exported.args[0].path is None
    assert "Không có thay đổi mới" in panel.message_text()
    assert _bundles(out) == []
    assert fresh_store.sync.status().last_export_at is None


def test_export_to_a_missing_folder_is_told_and_remembered(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker, tmp_path: Path
) -> None:
    _register(fresh_store, 1)
    gone = tmp_path / "usb-removed"
    _configure(fresh_store, folder=str(gone))
    panel = _panel(qtbot, make_session(fresh_store, "clerk"))
    with qtbot.waitSignal(panel.failed, timeout=WAIT_MS):
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert "Không tìm thấy thư mục xuất" in panel.message_text()
    assert str(gone) in panel.message_text()
    status = fresh_store.sync.status()
    assert status.last_error is not None and str(gone) in status.last_error
    qtbot.waitUntil(lambda: str(gone) in panel.last_error.text(), timeout=WAIT_MS)
    assert panel.last_error.styleSheet()  # highlighted
    assert not gone.exists() and status.last_export_at is None
    assert panel.export_button.isEnabled()  # ready to try again once the stick is back
    gone.mkdir()
    with qtbot.waitSignal(panel.exported, timeout=WAIT_MS):
        panel.export_now()
    qtbot.waitUntil(lambda: panel.last_error.text() == "Không có", timeout=WAIT_MS)  # a success clears it
    assert fresh_store.sync.status().last_error is None


def _not_an_ack(services: Any, path: Path, _key: Ed25519PrivateKey) -> Path:
    path.write_text("không phải giấy xác nhận", encoding="utf-8")
    return path


def _signed_by_another_centre(services: Any, path: Path, _key: Ed25519PrivateKey) -> Path:
    return _ack_file(services, path, Ed25519PrivateKey.generate())


@pytest.mark.parametrize(
    ("make_file", "told"),
    [
        (_not_an_ack, "không phải giấy xác nhận hay gói đồng bộ"),
        (_signed_by_another_centre, "Chữ ký trên tệp không khớp với khóa của trung tâm"),
    ],
)
def test_a_bad_acknowledgement_is_refused_and_changes_nothing(
    qtbot: QtBot,
    fresh_store: Any,
    make_session: SessionMaker,
    tmp_path: Path,
    make_file: Callable[[Any, Path, Ed25519PrivateKey], Path],
    told: str,
) -> None:
    _register(fresh_store, 2)
    key, key_text = _centre()
    _configure(fresh_store, centre_signing_key=key_text)
    session = make_session(fresh_store, "clerk")
    before = fresh_store.sync.status()
    path = make_file(fresh_store, tmp_path / "ack.json", key)
    panel = _panel(qtbot, session)
    panel.ask_ack_file = lambda: path  # type: ignore[method-assign]
    with qtbot.waitSignal(panel.failed, timeout=WAIT_MS):
        qtbot.mouseClick(panel.ack_button, Qt.MouseButton.LeftButton)
    assert told in panel.message_text()
    assert "Không nhận được giấy xác nhận" in panel.message_text()
    assert fresh_store.sync.status() == before
    assert panel.unsynced_files.text() == number_text(before.unsynced_files)
    assert panel.ack_button.isEnabled()


def test_without_the_centre_key_an_acknowledgement_is_not_asked_for(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker
) -> None:
    panel = _panel(qtbot, make_session(fresh_store, "clerk"))
    panel.ask_ack_file = lambda: pytest.fail("no file dialog without a centre key")  # type: ignore[method-assign]
    panel.import_ack()
    assert "Chưa có khóa ký của trung tâm" in panel.message_text()


def test_an_administrator_saves_the_configuration_and_a_bad_value_is_shown_at_its_field(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker, tmp_path: Path
) -> None:
    panel = _panel(qtbot, make_session(fresh_store, "admin"))
    assert panel.save_button.isEnabled()
    _key, key_text = _centre()
    panel.folder_edit.setText(str(tmp_path))
    panel.on_close_check.setChecked(True)
    panel.times_edit.setText("16:45, 11:30")
    panel.signing_key_edit.setText(key_text)
    with qtbot.waitSignal(panel.config_saved, timeout=WAIT_MS):
        panel.save_config()
    config = fresh_store.sync.config()
    assert (config.folder, config.on_close, config.times) == (str(tmp_path), True, ("11:30", "16:45"))
    assert config.centre_signing_key == key_text and config.centre_encryption_key is None
    assert panel.config_message.text() == "Đã lưu cấu hình đồng bộ."

    panel.times_edit.setText("11:30, 25:00")
    with qtbot.waitSignal(panel.failed, timeout=WAIT_MS):
        panel.save_config()
    assert "25:00" in panel.config_error("times")
    panel.times_edit.setText("11:30")
    panel.encryption_key_edit.setText(key_text)  # a signing key where the encryption key goes
    with qtbot.waitSignal(panel.failed, timeout=WAIT_MS):
        panel.save_config()
    assert "x25519:" in panel.config_error("centre_encryption_key")
    assert panel.config_error("times") == ""
    assert fresh_store.sync.config() == config  # nothing of a refused save was stored


# -- the main window -----------------------------------------------------------------------------------------


def test_f8_opens_the_sync_panel_for_any_user_and_ctrl_w_closes_it(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker
) -> None:
    window = _window(qtbot, make_session(fresh_store, "clerk"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    actions = [a for a in window.menuBar().actions()[0].menu().actions() if isinstance(a, QAction)]
    assert any(a.shortcut().toString() == "F8" for a in actions)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    panel = window.sync_panel
    assert panel is not None and window.tabs.currentWidget() is panel
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Đồng bộ (F8)"
    qtbot.waitUntil(lambda: panel.status() is not None, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.sync_panel is None and window.tabs.indexOf(panel) == -1


def test_the_sync_panel_in_english(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker, english: None
) -> None:
    panel = _panel(qtbot, make_session(fresh_store, "clerk"))
    assert panel.export_button.text() == "&Export sync bundle"
    assert panel.last_export.text() == "Never exported"
    assert panel.ago_text(now() - timedelta(minutes=1), now()) == "1 minute ago"
    assert panel.ago_text(now() - timedelta(hours=5), now()) == "5 hours ago"

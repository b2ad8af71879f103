"""Settings › Sao lưu against a store of its own: the automatic backups listed, a backup made now that checks
whole, a damaged or foreign file refused with its reason, a restore that brings the data back (confirmed
first, the session ended at once), and no tab for anyone but an administrator."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS, MessageBoxes

from records.backup import list_backups, verify_backup
from records.errors import NotFound
from records.files import RegistrationRequest
from records.services.audit import AuditFilter
from ui.labels import size_text
from ui.session import UiSession
from ui.settings_backup_tab import BackupsTableModel, BackupTab
from ui.settings_dialog import SettingsDialog


@pytest.fixture
def admin(fresh_store: Any, make_session: Any) -> UiSession:
    session: UiSession = make_session(fresh_store, "admin")
    return session


@pytest.fixture
def tab(qtbot: QtBot, admin: UiSession) -> Iterator[BackupTab]:
    dialog = SettingsDialog(admin)
    qtbot.addWidget(dialog)
    assert dialog.backup is not None
    qtbot.waitUntil(lambda: not any(t.is_busy() for t in dialog.all_tabs()), timeout=WAIT_MS)
    yield dialog.backup


def _register(services: Any, personal_id: str, name: str) -> str:
    request = RegistrationRequest.from_json(
        {
            "procedure": "1.001193",
            "applicant": {"personal_id": personal_id, "full_name": name},
            "documents": ["Tờ khai đăng ký khai sinh"],
        }
    )
    return str(services.files.register(request, services.users.system(1)).code)


def _idle(qtbot: QtBot, tab: BackupTab) -> None:
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=WAIT_MS)


def test_the_automatic_backups_are_listed(qtbot: QtBot, admin: UiSession, tab: BackupTab) -> None:
    assert tab.title() == "Sao lưu"
    assert tab.model.rowCount() == 0 and tab.empty_label.isVisibleTo(tab)
    folder = admin.services.backups.folder
    assert folder is not None and str(folder) in tab.folder_label.text()
    made = admin.services.backups.daily_if_due()
    assert made is not None
    (folder / "ghi-chu.txt").write_text("không phải bản sao lưu")  # other files are left out
    with qtbot.waitSignal(tab.listed, timeout=WAIT_MS):
        tab.load()
    assert tab.model.rowCount() == 1 and not tab.empty_label.isVisibleTo(tab)
    row = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert row[BackupsTableModel.COL_NAME] == made.path.name
    assert row[BackupsTableModel.COL_KIND] == "Hằng ngày"
    assert row[BackupsTableModel.COL_SIZE] == size_text(made.path.stat().st_size)
    assert list_backups(folder)[0].path == made.path
    assert list_backups(None) == [] and list_backups(folder / "missing") == []


def test_backing_up_now_makes_a_zip_that_checks_whole(
    qtbot: QtBot, admin: UiSession, tab: BackupTab, tmp_path: Path
) -> None:
    code = _register(admin.services, "001099012345", "Nguyễn Văn Bình")
    target = tmp_path / "usb" / "sao-luu.zip"
    defaults: list[Path] = []
    tab.ask_save_path = lambda default: defaults.append(default) or target  # type: ignore[method-assign]
    with qtbot.waitSignal(tab.backed_up, timeout=WAIT_MS) as made:
        tab.backup_button.click()
    _idle(qtbot, tab)
    assert defaults[0].name.startswith("motcua-manual-") and defaults[0].suffix == ".zip"
    assert made.args[0].path == target
    checked = verify_backup(target)  # whole: every member matches, the database passes its checks
    assert checked.counts == made.args[0].counts
    assert str(target) in tab.ok_message.text() and size_text(target.stat().st_size) in tab.ok_message.text()
    assert tab.progress.isHidden() and not tab.general_error.isVisibleTo(tab)
    entries = admin.services.audit.search(admin.actor, AuditFilter(action="store.backed_up"))
    assert entries and entries[0].username == "ui_admin"
    assert code  # the file registered is in the backup (restored in the test below)


def test_a_backup_that_cannot_be_written_is_said(qtbot: QtBot, tab: BackupTab, tmp_path: Path) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("x")  # a file where the folder should be
    tab.ask_save_path = lambda default: blocker / "sao-luu.zip"  # type: ignore[method-assign]
    with qtbot.waitSignal(tab.failed, timeout=WAIT_MS):
        tab.backup_button.click()
    _idle(qtbot, tab)
    assert tab.general_error.text().startswith("Chưa sao lưu được: ")
    assert not (blocker / "sao-luu.zip").exists()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"PK\x03\x04 not really a zip", "Bản sao lưu bị hỏng"),
        (None, "không phải bản sao lưu của MotCua Desk"),  # a whole zip of something else
    ],
)
def test_checking_a_damaged_or_foreign_file_says_why(
    qtbot: QtBot, tab: BackupTab, tmp_path: Path, content: bytes | None, said: str
) -> None:
    path = tmp_path / "ban-sao.zip"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "hello")
    else:
        path.write_bytes(content)
    tab.ask_open_path = lambda title: path  # type: ignore[method-assign]
    with qtbot.waitSignal(tab.failed, timeout=WAIT_MS):
        tab.verify_button.click()
    _idle(qtbot, tab)
    assert tab.general_error.isVisibleTo(tab)
    assert tab.general_error.text().startswith("Bản sao lưu ban-sao.zip không dùng được: ")
    assert said in tab.general_error.text()


def test_checking_a_backup_altered_after_it_was_made(
    qtbot: QtBot, admin: UiSession, tab: BackupTab, tmp_path: Path
) -> None:
    good = admin.services.backups.backup(tmp_path / "tot.zip", admin.actor).path
    tab.ask_open_path = lambda title: good  # type: ignore[method-assign]
    with qtbot.waitSignal(tab.verified, timeout=WAIT_MS):
        tab.verify_button.click()
    assert "tot.zip nguyên vẹn" in tab.ok_message.text()
    altered = tmp_path / "sua.zip"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(altered, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            out.writestr(item, data + b"!" if item.filename == "motcua.sqlite3" else data)
    tab.ask_open_path = lambda title: altered  # type: ignore[method-assign]
    with qtbot.waitSignal(tab.failed, timeout=WAIT_MS):
        tab.verify_button.click()
    assert "Bản sao lưu bị hỏng, không trọn vẹn hoặc đã bị sửa" in tab.general_error.text()
    assert not tab.ok_message.text()


def test_restoring_brings_the_data_back_and_ends_the_session(
    qtbot: QtBot,
    admin: UiSession,
    tab: BackupTab,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    boxes: MessageBoxes,
) -> None:
    services = admin.services
    kept = _register(services, "001099012345", "Nguyễn Văn Bình")
    backup = services.backups.backup(tmp_path / "truoc.zip", admin.actor).path
    later = _register(services, "001099054321", "Trần Thị Sau")
    informed: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text, *a: informed.append(text))
    tab.ask_open_path = lambda title: backup  # type: ignore[method-assign]
    confirmed: list[Any] = []
    tab.confirm_restore = lambda path, result: confirmed.append((path, result)) or False  # type: ignore[method-assign]
    tab.restore_button.click()
    qtbot.waitUntil(lambda: bool(confirmed), timeout=WAIT_MS)
    _idle(qtbot, tab)
    assert confirmed[0][0] == backup and not admin.ended  # "Hủy": nothing changed
    assert services.files.show(later).code == later

    tab.confirm_restore = lambda path, result: True  # type: ignore[method-assign]
    with qtbot.waitSignal(tab.store_replaced, timeout=WAIT_MS):
        tab.restore_button.click()
    assert admin.ended
    assert services.files.show(kept).code == kept  # the data of the backup ...
    with pytest.raises(NotFound):
        services.files.show(later)  # ... and nothing registered after it
    folder = services.backups.folder
    assert folder is not None
    [before] = folder.glob("motcua-before-restore-*.zip")
    assert verify_backup(before).counts["documents"] == 0  # what was there is kept
    assert informed and "đăng nhập lại" in informed[0]
    assert boxes.shown == []
    # Whatever the old session still asks of the worker is dropped, unanswered.
    answers: list[object] = []
    admin.run(lambda: services.files.show(kept), answers.append, answers.append)
    done: list[bool] = []
    admin.worker.submit(lambda: None, lambda _r: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    assert answers == []


def test_the_restore_is_confirmed_with_a_tick(
    qtbot: QtBot, admin: UiSession, tab: BackupTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = admin.services.backups.backup(tmp_path / "truoc.zip", admin.actor)
    seen: dict[str, Any] = {}

    def answer(box: QMessageBox) -> int:
        restore = next(b for b in box.buttons() if b.text() == "&Khôi phục")
        seen["text"] = box.text() + "\n" + box.informativeText()
        seen["disabled"] = not restore.isEnabled()
        box.checkBox().setChecked(True)
        seen["enabled"] = restore.isEnabled()
        restore.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert tab.confirm_restore(result.path, result) is True
    assert seen["disabled"] and seen["enabled"]
    assert "truoc.zip" in seen["text"] and "Trước khi khôi phục" in seen["text"]
    assert str(admin.services.backups.folder) in seen["text"]

    def cancel(box: QMessageBox) -> int:
        box.checkBox().setChecked(True)
        box.escapeButton().click()  # type: ignore[union-attr]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    assert tab.confirm_restore(result.path, result) is False


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_only_an_administrator_gets_the_backup_tab(
    qtbot: QtBot, fresh_store: Any, make_session: Any, role: str
) -> None:
    dialog = SettingsDialog(make_session(fresh_store, role))
    qtbot.addWidget(dialog)
    assert dialog.backup is None and dialog.all_tabs() == []


def test_a_restore_refused_to_a_non_administrator_leaves_the_session(
    qtbot: QtBot, fresh_store: Any, make_session: Any, tmp_path: Path
) -> None:
    admin = make_session(fresh_store, "admin")
    backup = fresh_store.backups.backup(tmp_path / "truoc.zip", admin.actor).path
    clerk = make_session(fresh_store, "clerk")
    tab = BackupTab(clerk)  # only reachable this way: the dialog has no tabs for a clerk
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.failed, timeout=WAIT_MS):
        tab.restore(backup)
    assert "không có quyền" in tab.general_error.text() and not clerk.ended


def test_the_backup_tab_and_its_reasons_in_english(qtbot: QtBot, admin: UiSession, english: None) -> None:
    from records.errors import BackupRefused
    from ui.labels import describe_error

    tab = BackupTab(admin)
    qtbot.addWidget(tab)
    assert tab.title() == "Backup"
    assert tab.backup_button.text() == "&Back up now…" and tab.restore_button.text() == "&Restore…"
    assert describe_error(BackupRefused("x", reason="newer_backup")).startswith(
        "The backup was made by a newer"
    )
    _idle(qtbot, tab)


def test_an_encrypted_backup_from_another_pc_asks_for_its_passphrase(
    qtbot: QtBot,
    admin: UiSession,
    tab: BackupTab,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    boxes: MessageBoxes,
) -> None:
    from desktop.context import open_services, resolve
    from records.encryption import enable

    other = resolve(str(tmp_path / "other-pc"))
    services = open_services(other)
    services.settings.initialise(agency_code="H55.242", agency_name="UBND xã Khác")
    code = _register(services, "001099077777", "Lê Thị Mã Hóa")
    services.db.dispose()
    _key, recovery, _report = enable(other.store_files(), "mật khẩu của máy kia")
    services = open_services(other, "mật khẩu của máy kia")
    backup = services.backups.backup(tmp_path / "ma-hoa.zip").path
    services.db.dispose()

    asked: list[Path] = []
    answers = iter([None, "sai mật khẩu rồi", recovery])
    tab.ask_passphrase = lambda path: asked.append(path) or next(answers)  # type: ignore[method-assign]
    tab.ask_open_path = lambda title: backup  # type: ignore[method-assign]
    tab.verify_button.click()  # "Hủy" at the question: nothing checked, nothing said
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=WAIT_MS)
    _idle(qtbot, tab)
    assert not tab.general_error.isVisibleTo(tab) and tab.ok_message.text() == ""
    with qtbot.waitSignal(tab.failed, timeout=WAIT_MS):
        tab.verify_button.click()
    _idle(qtbot, tab)
    assert "không đúng" in tab.general_error.text()
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    tab.confirm_restore = lambda path, result: True  # type: ignore[method-assign]
    with qtbot.waitSignal(tab.store_replaced, timeout=WAIT_MS):
        tab.restore_button.click()
    assert asked == [backup] * 3
    assert admin.services.files.show(code).code == code  # the other PC's data, in this plain store
    assert boxes.shown == []

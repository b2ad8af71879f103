"""The settings dialog against a store of its own: every tab's save persists (read back through the
services or the preferences), a bad input says why next to its field and changes nothing, and only an
administrator gets the tabs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS, qt_messages

from records.calendar import NamedDay, YearTable, dump_year_table
from records.clock import local
from records.errors import AccountLocked
from records.procedures import dump_catalog, load_catalog
from records.users import LOCKOUT_ATTEMPTS, Role
from ui.holiday_days_table_model import HolidayDaysTableModel
from ui.preferences import (
    DIGITIZE_CHECK,
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    PDF_FOLDER,
    PRINT_DESTINATION,
    PRINTER_NAME,
    RECEIPT_COPIES,
    RECEIPT_PAPER,
    Preferences,
)
from ui.procedure_catalog_table_model import ProcedureCatalogTableModel, ProcedureFilterProxyModel
from ui.procedure_editor_dialog import ProcedureEditorDialog
from ui.session import UiSession
from ui.settings_dialog import SettingsDialog
from ui.settings_tab import SettingsTab
from ui.user_dialog import PasswordDialog, UserDialog
from ui.users_table_model import UsersTableModel


@pytest.fixture
def admin(fresh_store: Any, make_session: Any) -> UiSession:
    session: UiSession = make_session(fresh_store, "admin")
    return session


@pytest.fixture
def dialog(qtbot: QtBot, admin: UiSession) -> Iterator[SettingsDialog]:
    settings = SettingsDialog(admin)
    qtbot.addWidget(settings)
    settings.confirm_discard = lambda _tabs: True  # type: ignore[method-assign]
    _settle(qtbot, settings)
    yield settings


def _settle(qtbot: QtBot, dialog: SettingsDialog) -> None:
    qtbot.waitUntil(lambda: not any(tab.is_busy() for tab in dialog.all_tabs()), timeout=WAIT_MS)


def _save(qtbot: QtBot, tab: SettingsTab, action: Any) -> None:
    with qtbot.waitSignal(tab.saved, timeout=WAIT_MS):
        action()
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=WAIT_MS)


def _refused(qtbot: QtBot, tab: SettingsTab, action: Any) -> None:
    with qtbot.waitSignal(tab.failed, timeout=WAIT_MS):
        action()
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=WAIT_MS)


# -- who may open it ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_only_an_administrator_gets_the_tabs(
    qtbot: QtBot, fresh_store: Any, make_session: Any, role: str
) -> None:
    calls: list[str] = []
    session = make_session(fresh_store, role)
    session.run = lambda fn, *rest: calls.append("run")  # nothing may even be read
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.all_tabs() == []
    assert dialog.refusal is not None and "quản trị viên" in dialog.refusal.text()
    assert calls == []


def test_the_services_refuse_a_non_administrator_anyway(fresh_store: Any, make_session: Any) -> None:
    from records.errors import PermissionDenied

    clerk = make_session(fresh_store, "clerk")
    with pytest.raises(PermissionDenied):
        fresh_store.settings.set_office_hours(clerk.actor, fresh_store.settings.office_hours())


def test_tabs_in_order(dialog: SettingsDialog) -> None:
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == [
        "Cơ quan",
        "Giờ làm việc",
        "Ngày nghỉ lễ",
        "Thủ tục",
        "Người dùng",
        "Sao lưu",
        "In ấn",
        "Ngôn ngữ",
        "Khóa màn hình",
    ]


# -- Cơ quan --------------------------------------------------------------------------------------------


def test_agency_changes_persist(qtbot: QtBot, dialog: SettingsDialog, admin: UiSession) -> None:
    tab = dialog.agency
    assert tab is not None and tab.agency_code.text() == "000.17.22.H56"
    tab.agency_name.setText("UBND xã Hòa Bình")
    tab.place.setText("Hòa Bình")
    tab.workstation.setValue(2)
    _save(qtbot, tab, tab.save_button.click)
    agency = admin.services.settings.agency()
    assert (agency.name, agency.place, agency.workstation) == ("UBND xã Hòa Bình", "Hòa Bình", 2)
    assert admin.agency.name == "UBND xã Hòa Bình"  # the session follows
    assert "Đã lưu" in tab.ok_message.text()


def test_a_bad_agency_code_is_shown_by_its_field_and_nothing_changes(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession
) -> None:
    tab = dialog.agency
    assert tab is not None
    tab.agency_code.setText("không phải mã")
    tab.agency_name.setText("Tên khác")
    _refused(qtbot, tab, tab.save_button.click)
    error = tab.messages._fields["agency_code"][1]
    assert error.isVisibleTo(tab) and "định dạng" in error.text()
    agency = admin.services.settings.agency()
    assert (agency.code, agency.name) == ("000.17.22.H56", "UBND xã Thử Nghiệm")


def test_an_empty_agency_name_is_refused_before_saving(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession
) -> None:
    tab = dialog.agency
    assert tab is not None
    tab.agency_name.setText("  ")
    tab.save_button.click()
    assert not tab.is_busy()
    assert "tên cơ quan" in tab.messages._fields["agency_name"][1].text()
    assert admin.services.settings.agency().name == "UBND xã Thử Nghiệm"


def test_form_set_choice_persists(qtbot: QtBot, dialog: SettingsDialog, admin: UiSession) -> None:
    tab = dialog.agency
    assert tab is not None and tab.chosen_form_set() == "tt03-2025"
    tab.choose_form_set("tt01-2018")
    assert tab.apply_form_set_button.isEnabled()
    _save(qtbot, tab, tab.apply_form_set_button.click)
    assert admin.services.settings.form_set().id == "tt01-2018"


# -- Giờ làm việc ---------------------------------------------------------------------------------------


def test_office_hours_persist(qtbot: QtBot, dialog: SettingsDialog, admin: UiSession) -> None:
    tab = dialog.hours
    assert tab is not None and tab.morning_start.time() == QTime(7, 0)
    tab.morning_start.setTime(QTime(7, 30))
    tab.afternoon_start.setTime(QTime(13, 0))
    assert "8 giờ" in tab.total.text()
    _save(qtbot, tab, tab.save_button.click)
    hours = admin.services.settings.office_hours()
    assert hours.intervals == ((time(7, 30), time(11, 30)), (time(13, 0), time(17, 0)))
    # The working calendar uses them at once (its cache is dropped).
    assert admin.services.calendar.calendar().office_hours == hours


def test_office_hours_that_end_before_they_start_are_refused(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession
) -> None:
    tab = dialog.hours
    assert tab is not None
    tab.morning_end.setTime(QTime(6, 0))
    tab.save_button.click()
    assert not tab.is_busy()
    assert "buổi sáng" in tab.messages._fields["morning"][1].text()
    tab.morning_end.setTime(QTime(11, 30))
    tab.afternoon_start.setTime(QTime(11, 0))
    tab.save_button.click()
    assert "Buổi chiều" in tab.messages._fields["afternoon_start"][1].text()
    assert admin.services.settings.office_hours().format() == "07:00-11:30,13:30-17:00"


def test_morning_only(qtbot: QtBot, dialog: SettingsDialog, admin: UiSession) -> None:
    tab = dialog.hours
    assert tab is not None
    tab.afternoon.setChecked(False)
    assert not tab.afternoon_start.isEnabled()
    _save(qtbot, tab, tab.save_button.click)
    assert admin.services.settings.office_hours().format() == "07:00-11:30"


# -- Ngày nghỉ lễ ---------------------------------------------------------------------------------------


def _year(qtbot: QtBot, tab: Any, year: int) -> None:
    tab.year.setValue(year)
    qtbot.waitUntil(lambda: tab._shown_year == year and not tab.is_busy(), timeout=WAIT_MS)


def test_a_computed_year_saved_with_an_extra_day_becomes_its_table(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession
) -> None:
    tab = dialog.holidays
    assert tab is not None
    _year(qtbot, tab, 2030)
    assert tab.year_source() == "statutory"
    assert "Bộ luật Lao động" in tab.source_label.text()
    before = len(admin.services.calendar.year(2030).days_off)
    assert tab.days_off.rowCount() == before
    row = tab.days_off.add_day(date(2030, 11, 25), "Ngày nghỉ của xã")
    assert tab.is_dirty()
    assert tab.days_off.index(row, HolidayDaysTableModel.COL_WEEKDAY).data() == "Thứ Hai"
    tab.table_source.setText("Quyết định thử nghiệm")
    _save(qtbot, tab, tab.save_button.click)
    listing = admin.services.calendar.year(2030)
    assert listing.source == "table"
    assert NamedDay(date(2030, 11, 25), "Ngày nghỉ của xã") in listing.days_off
    assert len(listing.days_off) == before + 1
    assert not admin.services.calendar.is_working_day(date(2030, 11, 25))
    qtbot.waitUntil(lambda: tab.year_source() == "table", timeout=WAIT_MS)


def test_removing_a_day_and_adding_a_make_up_saturday(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession
) -> None:
    tab = dialog.holidays
    assert tab is not None
    _year(qtbot, tab, 2026)
    first = tab.days_off.days()[0]
    tab.days_off_table.setCurrentIndex(tab.days_off.index(0, 0))
    tab.remove_day_off_button.click()
    tab.working_days.add_day(date(2026, 12, 19), "Làm bù thử")  # a Saturday
    _save(qtbot, tab, tab.save_button.click)
    listing = admin.services.calendar.year(2026)
    assert first[0] not in {d.date for d in listing.days_off}
    assert date(2026, 12, 19) in {d.date for d in listing.working_days}


def test_saving_an_official_year_keeps_its_notes(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession
) -> None:
    notes = admin.services.calendar.year(2026).notes
    assert notes  # the shipped 2026 table explains its swaps
    tab = dialog.holidays
    assert tab is not None
    _year(qtbot, tab, 2026)
    tab.working_days.add_day(date(2026, 12, 19), "Làm bù thử")
    _save(qtbot, tab, tab.save_button.click)
    listing = admin.services.calendar.year(2026)
    assert date(2026, 12, 19) in {d.date for d in listing.working_days}
    assert listing.notes == notes


@pytest.mark.parametrize(
    ("kind", "day", "name", "words"),
    [
        ("working", date(2031, 3, 5), "Làm bù", "không phải thứ Bảy"),  # a Wednesday
        ("off", date(2032, 1, 5), "Nghỉ", "không thuộc năm"),
        ("off", date(2031, 6, 2), "", "Cần ghi tên"),
        ("off", date(2031, 1, 1), "Lặp", "hai lần"),  # 1 January is already listed
    ],
)
def test_a_bad_holiday_row_is_pointed_at_and_nothing_changes(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession, kind: str, day: date, name: str, words: str
) -> None:
    tab = dialog.holidays
    assert tab is not None
    _year(qtbot, tab, 2031)
    model = tab.working_days if kind == "working" else tab.days_off
    row = model.add_day(day, name)
    tab.save_button.click()
    assert not tab.is_busy()
    assert words in tab.general_error.text()
    table = tab.working_days_table if kind == "working" else tab.days_off_table
    assert table.currentIndex().row() == row
    assert admin.services.calendar.year(2031).source == "statutory"


def test_importing_a_holiday_table_file(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession, tmp_path: Path
) -> None:
    tab = dialog.holidays
    assert tab is not None
    table = YearTable(2033, "Thông báo thử", (NamedDay(date(2033, 1, 3), "Tết Dương lịch (bù)"),))
    path = tmp_path / "2033.json"
    path.write_text(dump_year_table(table), encoding="utf-8")
    tab.ask_open_path = lambda: path  # type: ignore[method-assign]
    _save(qtbot, tab, tab.import_button.click)
    assert admin.services.calendar.year(2033).days_off == table.days_off
    qtbot.waitUntil(lambda: tab._shown_year == 2033 and tab.days_off.rowCount() == 1, timeout=WAIT_MS)
    assert tab.year.value() == 2033
    assert "2033" in tab.ok_message.text()


def test_a_bad_holiday_file_changes_nothing(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession, tmp_path: Path
) -> None:
    tab = dialog.holidays
    assert tab is not None
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "motcua.holidays/1", "year": 2034, "days_off": [{"date": "x"}]}))
    tab.ask_open_path = lambda: path  # type: ignore[method-assign]
    _refused(qtbot, tab, tab.import_button.click)
    assert "không phải bảng ngày nghỉ hợp lệ" in tab.general_error.text()
    assert admin.services.calendar.year(2034).source == "statutory"
    path.write_bytes(b"\xff\xfe not utf-8")
    _refused(qtbot, tab, tab.import_button.click)
    assert "UTF-8" in tab.general_error.text()


# -- Thủ tục --------------------------------------------------------------------------------------------


def _procedure_document(admin: UiSession, code: str, name: str) -> str:
    procedure = load_catalog(admin.services.catalog.export_text())[0]
    data = json.loads(dump_catalog([procedure]))
    data["procedures"][0]["code"] = code
    data["procedures"][0]["name"] = name
    return json.dumps(data, ensure_ascii=False)


def test_catalogue_list_and_search(qtbot: QtBot, dialog: SettingsDialog, admin: UiSession) -> None:
    tab = dialog.catalog
    assert tab is not None
    total = len(admin.services.catalog.procedures())
    assert tab.model.rowCount() == total
    assert tab.count.text() == f"{total} thủ tục"
    tab.search.setText("ket hon")  # no diacritics, any order
    assert tab.proxy.rowCount() == 1
    assert tab.proxy.index(0, ProcedureCatalogTableModel.COL_NAME).data() == "Đăng ký kết hôn"
    assert tab.proxy.index(0, ProcedureCatalogTableModel.COL_TIME).data() == "Trong ngày (nhận trước 15:00)"
    tab.search.setText("")
    assert tab.proxy.rowCount() == total


def test_importing_a_catalogue_file(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession, tmp_path: Path
) -> None:
    tab = dialog.catalog
    assert tab is not None
    path = tmp_path / "danh-muc.json"
    path.write_text(_procedure_document(admin, "LT.THU-NGHIEM", "Thủ tục thử nghiệm"), encoding="utf-8")
    tab.ask_open_path = lambda: path  # type: ignore[method-assign]
    _save(qtbot, tab, tab.import_button.click)
    assert admin.services.catalog.get("LT.THU-NGHIEM").name == "Thủ tục thử nghiệm"
    assert "thêm 1 thủ tục" in tab.ok_message.text()
    qtbot.waitUntil(lambda: tab.select_code("LT.THU-NGHIEM"), timeout=WAIT_MS)


def test_a_bad_catalogue_file_changes_nothing(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession, tmp_path: Path
) -> None:
    tab = dialog.catalog
    assert tab is not None
    before = admin.services.catalog.export_text()
    data = json.loads(_procedure_document(admin, "LT.HONG", "Hỏng"))
    data["procedures"][0]["versions"][0]["processing_time"]["amount"] = -1
    path = tmp_path / "hong.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tab.ask_open_path = lambda: path  # type: ignore[method-assign]
    _refused(qtbot, tab, tab.import_button.click)
    assert "processing_time" in tab.general_error.text()
    assert admin.services.catalog.export_text() == before


def test_exporting_the_catalogue(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession, tmp_path: Path
) -> None:
    tab = dialog.catalog
    assert tab is not None
    target = tmp_path / "xuat.json"
    tab.ask_save_path = lambda default: target  # type: ignore[method-assign]
    _save(qtbot, tab, tab.export_button.click)
    assert target.read_text(encoding="utf-8") == admin.services.catalog.export_text()
    assert str(target) in tab.ok_message.text()


def _editor(qtbot: QtBot, tab: Any, action: Any) -> ProcedureEditorDialog:
    with qtbot.waitSignal(tab.editor_opened, timeout=WAIT_MS) as opened:
        action()
    editor = opened.args[0]
    assert isinstance(editor, ProcedureEditorDialog)
    return editor


def test_editing_a_procedure(qtbot: QtBot, dialog: SettingsDialog, admin: UiSession) -> None:
    tab = dialog.catalog
    assert tab is not None
    assert tab.select_code("1.000894")
    editor = _editor(qtbot, tab, tab.edit_button.click)
    data = json.loads(editor.text())
    assert [p["code"] for p in data["procedures"]] == ["1.000894"]
    # A refusal names the field and keeps the dialog open.
    data["procedures"][0]["field"] = ""
    editor.editor.setPlainText(json.dumps(data, ensure_ascii=False, indent=2))
    with qtbot.waitSignal(editor.refused, timeout=WAIT_MS):
        editor.save()
    assert "field" in editor.error.text() and editor.isVisible()
    assert admin.services.catalog.get("1.000894").field == "Hộ tịch"
    # A correct edit saves and closes.
    data["procedures"][0]["field"] = "Hộ tịch"
    data["procedures"][0]["name"] = "Đăng ký kết hôn (sửa)"
    editor.editor.setPlainText(json.dumps(data, ensure_ascii=False, indent=2))
    with qtbot.waitSignal(tab.saved, timeout=WAIT_MS):
        editor.save()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert admin.services.catalog.get("1.000894").name == "Đăng ký kết hôn (sửa)"


def test_a_json_syntax_error_puts_the_cursor_on_it(qtbot: QtBot, dialog: SettingsDialog) -> None:
    tab = dialog.catalog
    assert tab is not None
    editor = _editor(qtbot, tab, tab.add_button.click)
    editor.editor.setPlainText('{\n  "format": "motcua.catalog/1",\n  "procedures": [,]\n}')
    with qtbot.waitSignal(editor.refused, timeout=WAIT_MS):
        editor.save()
    assert editor.editor.textCursor().blockNumber() == 2
    editor.reject()


def test_adding_a_procedure(qtbot: QtBot, dialog: SettingsDialog, admin: UiSession) -> None:
    tab = dialog.catalog
    assert tab is not None
    editor = _editor(qtbot, tab, tab.add_button.click)
    data = json.loads(editor.text())
    data["procedures"][0].update(code="LT.MOI", name="Thủ tục mới", field="Khác")
    editor.editor.setPlainText(json.dumps(data, ensure_ascii=False))
    with qtbot.waitSignal(tab.saved, timeout=WAIT_MS):
        editor.save()
    assert admin.services.catalog.get("LT.MOI").versions[0].processing_time.amount == 3


# -- Người dùng -----------------------------------------------------------------------------------------


def _users_loaded(qtbot: QtBot, tab: Any) -> None:
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=WAIT_MS)


def test_adding_a_user(qtbot: QtBot, dialog: SettingsDialog, admin: UiSession) -> None:
    tab = dialog.users
    assert tab is not None
    with qtbot.waitSignal(tab.dialog_opened, timeout=WAIT_MS) as opened:
        tab.add_button.click()
    form = opened.args[0]
    assert isinstance(form, UserDialog)
    form.username.setText("hoa.nt")
    form.full_name.setText("Nguyễn Thị Hoa")
    form.role.setCurrentIndex(form.role.findData("supervisor"))
    form.password.setText("mat-khau-hoa")
    form.password_again.setText("mat-khau-khac")
    form.submit()
    assert "không giống nhau" in form.messages._fields["password_again"][1].text()
    form.password_again.setText("mat-khau-hoa")
    with qtbot.waitSignal(tab.saved, timeout=WAIT_MS):
        form.submit()
    user = admin.services.users.get("hoa.nt")
    assert (user.full_name, user.role, user.active) == ("Nguyễn Thị Hoa", Role.SUPERVISOR, True)
    assert admin.services.users.authenticate("hoa.nt", "mat-khau-hoa") is not None
    _users_loaded(qtbot, tab)
    assert tab.selected_user() is not None and tab.selected_user().username == "hoa.nt"


def test_a_taken_or_malformed_user_name_is_said_by_its_field(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession
) -> None:
    tab = dialog.users
    assert tab is not None
    form = tab.open_add_dialog()
    form.full_name.setText("Ai Đó")
    form.password.setText("mat-khau-123")
    form.password_again.setText("mat-khau-123")
    form.username.setText("tên có dấu")
    form.submit()
    assert "không dấu" in form.messages._fields["username"][1].text()
    form.username.setText(admin.actor.username)
    form.submit()
    qtbot.waitUntil(
        lambda: "đã có người dùng" in form.messages._fields["username"][1].text(), timeout=WAIT_MS
    )
    assert form.isVisible()
    assert len(admin.services.users.list()) == 1
    form.reject()


def test_role_lock_unlock_and_password(qtbot: QtBot, dialog: SettingsDialog, admin: UiSession) -> None:
    system = admin.services.users.system(1)
    admin.services.users.add(system, "lan", "Trần Thị Lan", Role.CLERK, "mat-khau-lan")
    tab = dialog.users
    assert tab is not None
    tab.load()
    _users_loaded(qtbot, tab)
    assert tab.select("lan")
    tab.ask_role = lambda user: Role.SUPERVISOR  # type: ignore[method-assign]
    _save(qtbot, tab, tab.role_button.click)
    assert admin.services.users.get("lan").role is Role.SUPERVISOR
    _users_loaded(qtbot, tab)
    tab.confirm = lambda text: "lan" in text  # type: ignore[method-assign]
    _save(qtbot, tab, tab.active_button.click)
    assert admin.services.users.get("lan").active is False
    _users_loaded(qtbot, tab)
    assert tab.active_button.text() == "Mở &khóa tài khoản"
    _save(qtbot, tab, tab.active_button.click)
    assert admin.services.users.get("lan").active is True
    _users_loaded(qtbot, tab)
    with qtbot.waitSignal(tab.dialog_opened, timeout=WAIT_MS) as opened:
        tab.password_button.click()
    form = opened.args[0]
    assert isinstance(form, PasswordDialog) and form.username == "lan"
    form.password.setText("mat-khau-moi")
    form.password_again.setText("mat-khau-moi")
    with qtbot.waitSignal(tab.saved, timeout=WAIT_MS):
        form.submit()
    assert admin.services.users.authenticate("lan", "mat-khau-moi") is not None


def test_a_name_locked_by_wrong_passwords_is_shown_and_unlocked(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession
) -> None:
    users = admin.services.users
    users.add(users.system(1), "lan", "Trần Thị Lan", Role.CLERK, "mat-khau-lan")
    for _ in range(LOCKOUT_ATTEMPTS):
        assert users.authenticate("lan", "sai-mat-khau", 1) is None
    with pytest.raises(AccountLocked):
        users.authenticate("lan", "mat-khau-lan", 1)  # even the right password, now
    until = local(users.locks()["lan"]).strftime("%H:%M")
    tab = dialog.users
    assert tab is not None
    tab.load()
    _users_loaded(qtbot, tab)
    model = tab.model
    row = model.row_of("lan")
    assert row is not None
    assert model.index(row, UsersTableModel.COL_STATE).data() == f"Tạm khóa đến {until}"
    assert tab.select(admin.actor.username) and not tab.unlock_button.isEnabled()  # not locked
    assert tab.select("lan") and tab.unlock_button.isEnabled()
    _save(qtbot, tab, tab.unlock_button.click)
    assert users.locks() == {}
    assert "Đã gỡ tạm khóa" in tab.ok_message.text()
    assert users.authenticate("lan", "mat-khau-lan", 1) is not None
    row = model.row_of("lan")
    assert row is not None and model.index(row, UsersTableModel.COL_STATE).data() == "Đang hoạt động"
    assert tab.selected_user() is not None and tab.selected_user().username == "lan"
    assert not tab.unlock_button.isEnabled()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("12345678", "Mật khẩu quá dễ đoán"),
        ("matkhau123", "Mật khẩu này nằm trong số những mật khẩu hay dùng nhất"),
        ("Hoa.NT", "Mật khẩu cần ít nhất 8 ký tự."),
        ("nguyen.hoa", "Mật khẩu không được trùng với tên đăng nhập."),
    ],
)
def test_a_password_the_rules_refuse_is_said_in_vietnamese_by_its_field(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession, password: str, message: str
) -> None:
    tab = dialog.users
    assert tab is not None
    form = tab.open_add_dialog()
    form.username.setText("Nguyen.Hoa")
    form.full_name.setText("Nguyễn Thị Hoa")
    form.password.setText(password)
    form.password_again.setText(password)
    form.submit()
    assert form.messages._fields["password"][1].text().startswith(message)
    assert form.isVisible() and len(admin.services.users.list()) == 1
    form.reject()


def test_the_stores_password_refusal_is_said_in_vietnamese_too(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.user_dialog.check_password_rules", lambda *_args: None)  # only the store checks
    tab = dialog.users
    assert tab is not None
    form = tab.open_add_dialog()
    form.username.setText("hoa.nt")
    form.full_name.setText("Nguyễn Thị Hoa")
    form.password.setText("admin123")
    form.password_again.setText("admin123")
    form.submit()
    label = form.messages._fields["password"][1]
    qtbot.waitUntil(lambda: bool(label.text()), timeout=WAIT_MS)
    assert label.text().startswith("Mật khẩu này nằm trong số những mật khẩu hay dùng nhất")
    assert form.isVisible() and len(admin.services.users.list()) == 1
    form.reject()


def test_an_administrator_cannot_lock_themselves_out(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession
) -> None:
    tab = dialog.users
    assert tab is not None
    assert tab.select(admin.actor.username)
    tab.confirm = lambda text: True  # type: ignore[method-assign]
    _refused(qtbot, tab, tab.active_button.click)
    assert "chính tài khoản đang đăng nhập" in tab.general_error.text()
    _refused(qtbot, tab, lambda: tab.set_role(admin.actor.username, Role.CLERK))
    assert "quyền quản trị của chính mình" in tab.general_error.text()
    view = admin.services.users.get(admin.actor.username)
    assert (view.active, view.role) == (True, Role.ADMIN)


def test_the_last_administrator_stays(qtbot: QtBot, dialog: SettingsDialog, admin: UiSession) -> None:
    system = admin.services.users.system(1)
    admin.services.users.add(system, "qt2", "Quản Trị Hai", Role.ADMIN, "mat-khau-qt2")
    admin.services.users.set_active(system, admin.actor.username, False)  # only qt2 is an active admin now
    tab = dialog.users
    assert tab is not None
    _refused(qtbot, tab, lambda: tab.set_role("qt2", Role.CLERK))
    assert "quản trị viên cuối cùng" in tab.general_error.text()
    assert admin.services.users.get("qt2").role is Role.ADMIN


# -- In ấn, Ngôn ngữ ------------------------------------------------------------------------------------


def test_printing_choices_persist_in_the_preferences(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession, tmp_path: Path
) -> None:
    tab = dialog.printing
    assert tab is not None
    assert tab.paper.currentData() == "a4" and tab.preview_button.isChecked()
    assert not tab.folder.isEnabled()
    tab.paper.setCurrentIndex(tab.paper.findData("80mm"))
    tab.copies.setCurrentIndex(tab.copies.findData(2))
    tab.folder_button.setChecked(True)
    assert tab.folder.isEnabled()
    assert tab.digitize_check.isChecked()  # the gate before the receipt is on by default
    tab.digitize_check.setChecked(False)  # a workstation with no scanner
    tab.ask_folder = lambda start: str(tmp_path / "ban-in")  # type: ignore[method-assign]
    tab.choose_folder_button.click()
    assert tab.is_dirty()
    _save(qtbot, tab, tab.save_button.click)
    prefs = Preferences(admin.prefs.data_dir)  # read back from the file
    assert prefs.get(RECEIPT_PAPER) == "80mm"
    assert prefs.get(RECEIPT_COPIES) == 2
    assert prefs.get(PRINT_DESTINATION) == "folder"
    assert prefs.get(PDF_FOLDER) == str(tmp_path / "ban-in")
    assert prefs.get(PRINTER_NAME) == ""
    assert prefs.get(DIGITIZE_CHECK) is False
    assert prefs.pdf_folder() == tmp_path / "ban-in"


def test_printing_tab_shows_what_is_stored(qtbot: QtBot, admin: UiSession) -> None:
    admin.prefs.set(RECEIPT_PAPER, "a5")
    admin.prefs.set(PRINT_DESTINATION, "printer")
    admin.prefs.set(PRINTER_NAME, "Máy in tầng 2")
    dialog = SettingsDialog(admin)
    qtbot.addWidget(dialog)
    _settle(qtbot, dialog)  # the system's printers are listed in the background
    tab = dialog.printing
    assert tab is not None
    assert tab.paper.currentData() == "a5"
    assert tab.printer_button.isChecked()
    assert tab.printer.currentData() == "Máy in tầng 2"  # remembered even when not installed here


def test_the_screen_lock_time_is_kept_for_this_workstation(
    qtbot: QtBot, dialog: SettingsDialog, admin: UiSession
) -> None:
    tab = dialog.screen_lock
    assert tab is not None
    assert tab.minutes.value() == 10  # the default
    tab.minutes.setValue(25)
    assert tab.is_dirty()
    _save(qtbot, tab, tab.save_button.click)
    assert Preferences(admin.prefs.data_dir).get(IDLE_LOCK_MINUTES) == 25
    assert "25 phút" in tab.ok_message.text()
    tab.minutes.setValue(0)
    assert tab.minutes.text() == "Không bao giờ"
    _save(qtbot, tab, tab.save_button.click)
    assert Preferences(admin.prefs.data_dir).get(IDLE_LOCK_MINUTES) == 0
    assert "không tự khóa" in tab.ok_message.text()


def test_language_is_kept_for_the_next_start(qtbot: QtBot, dialog: SettingsDialog, admin: UiSession) -> None:
    tab = dialog.language
    assert tab is not None and tab.vietnamese.isChecked()
    tab.english.setChecked(True)
    _save(qtbot, tab, tab.save_button.click)
    assert Preferences(admin.prefs.data_dir).get(LANGUAGE) == "en"
    assert "lần mở sau" in tab.ok_message.text()


# -- closing --------------------------------------------------------------------------------------------


def test_closing_over_unsaved_changes_asks(qtbot: QtBot, dialog: SettingsDialog) -> None:
    tab = dialog.hours
    assert tab is not None
    dialog.show()
    tab.morning_start.setTime(QTime(8, 0))
    asked: list[list[str]] = []

    def refuse(tabs: list[SettingsTab]) -> bool:
        asked.append([t.title() for t in tabs])
        return False

    dialog.confirm_discard = refuse  # type: ignore[method-assign]
    dialog.reject()
    assert asked == [["Giờ làm việc"]] and dialog.isVisible()
    assert dialog.tabs.currentWidget() is tab
    dialog.confirm_discard = lambda tabs: True  # type: ignore[method-assign]
    dialog.reject()
    assert not dialog.isVisible()


# -- models ---------------------------------------------------------------------------------------------


def test_models_pass_qts_model_tester(qtbot: QtBot, admin: UiSession) -> None:
    users = UsersTableModel()
    days = HolidayDaysTableModel()
    catalog = ProcedureCatalogTableModel(date(2026, 3, 4))
    proxy = ProcedureFilterProxyModel()
    proxy.setSourceModel(catalog)
    with qt_messages("qt.modeltest") as failures:
        testers = [
            QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Warning)
            for m in (users, days, catalog, proxy)
        ]
        users.set_users(admin.services.users.list())
        days.set_days(admin.services.calendar.year(2026).days_off)
        row = days.add_day(date(2026, 12, 31), "")
        assert days.setData(days.index(row, HolidayDaysTableModel.COL_DATE), QDate(2026, 12, 30))
        assert days.setData(days.index(row, HolidayDaysTableModel.COL_NAME), "Cuối năm")
        assert not days.setData(days.index(row, HolidayDaysTableModel.COL_WEEKDAY), "x")
        days.remove_day(0)
        catalog.set_procedures(admin.services.catalog.procedures())
        proxy.set_search("chung thuc")
        proxy.set_search("")
        del testers
    assert failures == []
    assert days.days()[-1] == (date(2026, 12, 30), "Cuối năm")
    assert users.index(0, UsersTableModel.COL_ROLE).data() == "Quản trị"


def test_a_catalogue_export_that_cannot_be_written(
    qtbot: QtBot, dialog: SettingsDialog, tmp_path: Path
) -> None:
    tab = dialog.catalog
    assert tab is not None
    tab.ask_save_path = lambda default: tmp_path / "missing" / "x.json"  # type: ignore[method-assign]
    _refused(qtbot, tab, tab.export_button.click)
    assert "Không ghi được" in tab.general_error.text()

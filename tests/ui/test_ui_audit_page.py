"""The audit log page (Nhật ký hệ thống) against real stores: the entries the services wrote, each filter
narrowing them, pages loaded as the table scrolls, supervisors only, the hash chain checked (and found broken
after the database is edited behind the application's back), and a citizen's entries written out for them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot
from sample_store import SampleStore
from uitest import WAIT_MS, qt_messages

from records import audit
from records.clock import VIETNAM_TZ, local
from records.files import RegistrationRequest
from records.services.audit import AuditFilter
from records.users import Role
from records.workflow import Status
from ui.audit_page import AuditPage
from ui.audit_table_model import PAGE_SIZE, AuditTableModel, summarise
from ui.errors import ERROR_STYLE
from ui.main_window import MainWindow
from ui.session import UiSession
from ui.tasks import DatabaseWorker

LAN_ID = "001099012345"
MINH_ID = "001099054321"
UNKNOWN_ID = "001085000099"  # well formed, nobody's
PAST_DAY = date(2026, 3, 4)


@dataclass(frozen=True)
class AuditStore:
    services: Any
    lan_file: str  # registered by lan for LAN_ID, then moved on to "in progress"
    minh_file: str  # registered by minh for MINH_ID


def _register(services: Any, actor: Any, personal_id: str, name: str) -> str:
    request = RegistrationRequest.from_json(
        {
            "procedure": "1.001193",
            "applicant": {"personal_id": personal_id, "full_name": name},
            "documents": ["Tờ khai đăng ký khai sinh"],
        }
    )
    return str(services.files.register(request, actor).code)


@pytest.fixture
def audit_store(fresh_store: Any) -> AuditStore:
    """Two clerks at work: logins (one failed), registrations, a status change, a file opened, a citizen
    looked up, a receipt printed, and a backup noted on an earlier day."""
    services = fresh_store
    system = services.users.system(1)
    services.users.add(system, "lan", "Trần Thị Lan", Role.CLERK, "mat-khau-lan")
    services.users.add(system, "minh", "Phạm Văn Minh", Role.CLERK, "mat-khau-minh")
    lan = services.users.authenticate("lan", "mat-khau-lan", 1)
    minh = services.users.authenticate("minh", "mat-khau-minh", 2)
    assert services.users.authenticate("minh", "sai-mat-khau", 2) is None
    lan_file = _register(services, lan, LAN_ID, "Nguyễn Văn Bình")
    minh_file = _register(services, minh, MINH_ID, "Phạm Văn Nam")
    services.files.set_status(lan_file, Status.IN_PROGRESS, lan)
    services.files.show(minh_file, lan)
    services.citizens.lookup(LAN_ID, actor=minh)
    services.files.record_printed(lan, "receipt", lan_file, {"pages": 1, "title": "Giấy tiếp nhận"})
    with services.db.writing() as uow:
        moment = datetime(2026, 3, 4, 16, 30, tzinfo=VIETNAM_TZ)
        audit.append(
            uow.session, system, "store.backed_up", "store", None, {"path": "/sao-luu/a.zip"}, at=moment
        )
        uow.commit()
    return AuditStore(services, lan_file, minh_file)


def _everything(services: Any) -> list[Any]:
    return services.audit.search(services.users.system(1), AuditFilter(limit=10_000))


def _page(qtbot: QtBot, session: UiSession) -> AuditPage:
    page = AuditPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    page.activateWindow()  # mnemonics (Alt+V, Alt+X) need the active window
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    page.start()
    _wait_loaded(qtbot, page)
    return page


def _wait_loaded(qtbot: QtBot, page: AuditPage) -> None:
    qtbot.waitUntil(lambda: not page.model.is_loading() and not page._debounce.isActive(), timeout=WAIT_MS)


def _rows(page: AuditPage) -> list[Any]:
    return [page.model.entry(row) for row in range(page.model.rowCount())]


def _text(page: AuditPage, row: int, column: int) -> str:
    return str(page.model.data(page.model.index(row, column)))


# -- the model ---------------------------------------------------------------------------------------------


def test_the_model_passes_qts_model_tester_while_pages_load(
    qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore
) -> None:
    actor = sample.services.users.system(1)
    everything = [e.seq for e in _everything(sample.services)]
    assert len(everything) > PAGE_SIZE  # the 250 registrations and more: at least two pages
    model = AuditTableModel(worker, lambda query: sample.services.audit.search(actor, query))
    with qt_messages("qt.modeltest") as failures:
        # The tester checks the model after every signal, and itself calls fetchMore as views do.
        tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        model.set_query(AuditFilter())
        while model.canFetchMore(QModelIndex()):
            qtbot.waitUntil(lambda: not model.is_loading(), timeout=WAIT_MS)
            model.fetchMore(QModelIndex())
            qtbot.waitUntil(lambda: not model.is_loading(), timeout=WAIT_MS)
        seqs = [model.entry(row).seq for row in range(model.rowCount())]
        assert seqs[: len(everything)] == everything  # newest first, every entry once
        model.set_query(AuditFilter(action="file.registered"))  # a reset, then rows again
        qtbot.waitUntil(lambda: not model.is_loading() and model.rowCount() > 0, timeout=WAIT_MS)
        model.set_query(AuditFilter(username="nobody-at-all"))
        qtbot.waitUntil(lambda: not model.is_loading(), timeout=WAIT_MS)
        assert model.rowCount() == 0
        del tester
    assert failures == []


def test_the_model_checked_by_pytest_qt(
    qtbot: QtBot, qtmodeltester: Any, worker: DatabaseWorker, audit_store: AuditStore
) -> None:
    services = audit_store.services
    actor = services.users.system(1)
    model = AuditTableModel(worker, lambda query: services.audit.search(actor, query))
    qtmodeltester.check(model)
    model.set_query(AuditFilter())
    qtbot.waitUntil(lambda: not model.is_loading() and model.rowCount() > 0, timeout=WAIT_MS)
    qtmodeltester.check(model)


def test_the_first_page_then_the_next_as_the_table_scrolls(
    qtbot: QtBot, sample: SampleStore, make_session: Callable[..., UiSession]
) -> None:
    page = _page(qtbot, make_session(sample.services, "supervisor"))
    assert page.model.rowCount() == PAGE_SIZE  # no second page until the view asks for it
    assert "cuộn xuống để xem thêm" in page.count_label.text()
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # the keyboard's way
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE_SIZE, timeout=WAIT_MS)


# -- the page ----------------------------------------------------------------------------------------------


def test_the_entries_the_services_wrote_are_shown(
    qtbot: QtBot, audit_store: AuditStore, make_session: Callable[..., UiSession]
) -> None:
    services = audit_store.services
    page = _page(qtbot, make_session(services, "supervisor"))
    expected = _everything(services)
    shown = _rows(page)
    assert [e.seq for e in shown] == [e.seq for e in expected]  # newest first, all of them
    m = AuditTableModel
    by_action = {entry.action: row for row, entry in reversed(list(enumerate(shown)))}
    row = by_action["file.status_changed"]
    entry = shown[row]
    assert _text(page, row, m.COL_AT) == local(entry.at).strftime("%d/%m/%Y %H:%M:%S")
    assert _text(page, row, m.COL_USER) == "lan"
    assert _text(page, row, m.COL_WORKSTATION) == "1"
    assert _text(page, row, m.COL_ACTION) == "Chuyển trạng thái hồ sơ"
    assert _text(page, row, m.COL_WHAT) == f"Hồ sơ {audit_store.lan_file}"
    assert _text(page, row, m.COL_DETAILS) == "Đã tiếp nhận → Đang xử lý"
    row = by_action["user.login_failed"]
    assert _text(page, row, m.COL_ACTION) == "Đăng nhập sai mật khẩu"
    assert _text(page, row, m.COL_USER) == "Hệ thống (system)"  # no one is logged in yet: the system writes
    assert _text(page, row, m.COL_WORKSTATION) == "2"
    assert _text(page, row, m.COL_WHAT) == "Tài khoản minh"
    assert _text(page, row, m.COL_DETAILS) == "tài khoản: minh; số lần sai: 1"
    assert page.model.data(page.model.index(row, m.COL_ACTION), Qt.ItemDataRole.ForegroundRole) is not None
    assert _text(page, by_action["file.opened"], m.COL_ACTION) == "Mở xem hồ sơ"
    assert _text(page, by_action["citizen.looked_up"], m.COL_ACTION) == "Tra cứu công dân"
    printed = by_action["form.printed"]
    assert _text(page, printed, m.COL_DETAILS).startswith("mẫu: receipt; số trang: 1; tên: Giấy tiếp nhận")
    assert _text(page, by_action["user.added"], m.COL_USER) == "Hệ thống (system)"
    backup = by_action["store.backed_up"]
    assert _text(page, backup, m.COL_AT) == "04/03/2026 16:30:00"  # Vietnam's time, stored in UTC
    assert _text(page, backup, m.COL_DETAILS) == "tệp: a.zip"
    tip = page.model.data(page.model.index(backup, m.COL_DETAILS), Qt.ItemDataRole.ToolTipRole)
    assert "/sao-luu/a.zip" in tip
    assert page.count_label.text() == f"{len(expected)} mục"


def test_each_filter_narrows_the_entries(
    qtbot: QtBot, audit_store: AuditStore, make_session: Callable[..., UiSession]
) -> None:
    services = audit_store.services
    page = _page(qtbot, make_session(services, "supervisor"))
    total = page.model.rowCount()

    page.user_filter.setText("lan")
    _wait_loaded(qtbot, page)
    assert 0 < page.model.rowCount() < total
    assert {e.username for e in _rows(page)} == {"lan"}

    page.clear_filters()
    page.set_action("file.status_changed")
    _wait_loaded(qtbot, page)
    assert [e.action for e in _rows(page)] == ["file.status_changed"]

    page.set_action("file.")  # Mọi thao tác hồ sơ
    _wait_loaded(qtbot, page)
    actions = {e.action for e in _rows(page)}
    assert actions == {"file.registered", "file.status_changed", "file.opened"}
    assert page.action_filter.currentText() == "Mọi thao tác hồ sơ"

    page.clear_filters()
    page.entity_filter.setText(audit_store.minh_file.lower())  # typed in small letters
    qtbot.keyClick(page.entity_filter, Qt.Key.Key_Return)
    _wait_loaded(qtbot, page)
    assert {e.entity_id for e in _rows(page)} == {audit_store.minh_file}
    assert {e.action for e in _rows(page)} == {"file.registered", "file.opened"}

    page.clear_filters()
    page.date_from.set_value(PAST_DAY)
    page.date_to.set_value(PAST_DAY)
    _wait_loaded(qtbot, page)
    assert [e.action for e in _rows(page)] == ["store.backed_up"]
    page.date_from.set_value(PAST_DAY + timedelta(days=1))
    page.date_to.clear_value()
    _wait_loaded(qtbot, page)
    assert page.model.rowCount() == total - 1
    page.date_to.set_value(PAST_DAY)  # a range the wrong way round finds nothing, and says why
    _wait_loaded(qtbot, page)
    assert page.model.rowCount() == 0 and page.count_label.text() == "Không có mục nào"
    assert "Ngày bắt đầu ở sau ngày kết thúc" in page.message.text()
    page.date_to.clear_value()  # put right, the message goes
    _wait_loaded(qtbot, page)
    assert page.model.rowCount() == total - 1 and page.message.isHidden()

    page.clear_filters()
    _wait_loaded(qtbot, page)
    assert page.model.rowCount() == total


def test_enter_on_an_entry_about_a_file_opens_it(
    qtbot: QtBot, audit_store: AuditStore, make_session: Callable[..., UiSession]
) -> None:
    page = _page(qtbot, make_session(audit_store.services, "supervisor"))
    page.set_action("file.status_changed")
    _wait_loaded(qtbot, page)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    with qtbot.waitSignal(page.open_file_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [audit_store.lan_file]


def test_supervisors_open_it_with_f9_and_clerks_cannot(
    qtbot: QtBot, audit_store: AuditStore, make_session: Callable[..., UiSession]
) -> None:
    window = MainWindow(make_session(audit_store.services, "supervisor"))
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    before = window.tabs.count()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    page = window.audit_page
    assert isinstance(page, AuditPage) and window.tabs.currentWidget() is page
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "Nhật ký hệ thống (F9)"
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT_MS)
    assert page.user_filter.hasFocus()
    assert window.open_audit_page() is page and window.tabs.count() == before + 1  # one tab, reloaded
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.audit_page is None and window.tabs.count() == before

    clerk = MainWindow(make_session(audit_store.services, "clerk"))
    qtbot.addWidget(clerk)
    clerk.show()
    clerk.start()
    texts = [a.text() for menu in clerk.menuBar().actions() if menu.menu() for a in menu.menu().actions()]
    assert "Nhật ký hệ thống" not in texts
    count = clerk.tabs.count()
    assert clerk.open_audit_page() is None
    clerk.show_page("audit")
    assert clerk.tabs.count() == count and clerk.audit_page is None


def test_a_clerk_given_the_page_anyway_is_refused_by_the_service(
    qtbot: QtBot, audit_store: AuditStore, make_session: Callable[..., UiSession]
) -> None:
    page = AuditPage(make_session(audit_store.services, "clerk"))
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.failed, timeout=WAIT_MS):
        page.start()
    assert page.model.rowCount() == 0
    assert page.message.text() == ("Không tải được nhật ký: Tài khoản không có quyền thực hiện thao tác này.")
    assert page.message.styleSheet() == ERROR_STYLE


# -- the chain ---------------------------------------------------------------------------------------------


def _tamper(services: Any, sql: str, *params: object) -> None:
    """Edit the database file behind the application's back, its append-only triggers dropped (what anyone
    with the file can do), as tests/integration/test_audit_chain.py does."""
    services.db.dispose()
    path = services.db.engine.url.database
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")
        conn.execute(sql, params)
    finally:
        conn.close()


def test_the_chain_checked_intact_then_found_edited(
    qtbot: QtBot, audit_store: AuditStore, make_session: Callable[..., UiSession]
) -> None:
    services = audit_store.services
    page = _page(qtbot, make_session(services, "supervisor"))
    with qtbot.waitSignal(page.verified, timeout=WAIT_MS) as checked:
        qtbot.keyClick(page, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # "Kiểm tra tính toàn &vẹn"
    report = checked.args[0]
    assert report.intact
    count = len(_everything(services))
    assert report.entries == count
    assert page.message.text() == f"Nhật ký nguyên vẹn ({count} mục)."
    assert page.message.styleSheet() != ERROR_STYLE

    seqs = sorted(e.seq for e in _everything(services))
    victim = seqs[3]
    _tamper(services, "UPDATE audit_log SET username = 'someone.else' WHERE seq = ?", victim)
    page.refresh()
    _wait_loaded(qtbot, page)
    with qtbot.waitSignal(page.verified, timeout=WAIT_MS) as checked:
        page.verify_button.click()
    report = checked.args[0]
    assert not report.intact and report.broken_seq == victim
    assert page.message.styleSheet() == ERROR_STYLE
    assert page.message.text() == (
        f"Nhật ký không còn nguyên vẹn từ mục số {victim}: nội dung của mục đã bị sửa sau khi ghi. "
        f"Các mục đến số {seqs[2]} vẫn nguyên vẹn."
    )
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.entry(i.row()).seq for i in selected] == [victim]  # the broken entry, selected


def test_a_deleted_entry_is_named(
    qtbot: QtBot, audit_store: AuditStore, make_session: Callable[..., UiSession]
) -> None:
    services = audit_store.services
    page = _page(qtbot, make_session(services, "supervisor"))
    seqs = sorted(e.seq for e in _everything(services))
    _tamper(services, "DELETE FROM audit_log WHERE seq = ?", seqs[2])
    with qtbot.waitSignal(page.verified, timeout=WAIT_MS):
        page.verify_chain()
    assert page.message.text().startswith(
        f"Nhật ký không còn nguyên vẹn từ mục số {seqs[3]}: mục này không nối tiếp mục trước nó"
    )


# -- a citizen's request -----------------------------------------------------------------------------------


def test_the_entries_about_a_citizen_are_written_for_them(
    qtbot: QtBot, audit_store: AuditStore, make_session: Callable[..., UiSession], tmp_path: Path
) -> None:
    services = audit_store.services
    page = _page(qtbot, make_session(services, "supervisor"))
    out = tmp_path / "cong-dan.json"
    asked: list[Path] = []
    page.ask_citizen_id = lambda: f" {LAN_ID} "  # type: ignore[method-assign]
    page.ask_export_path = lambda default: asked.append(default) or out  # type: ignore[method-assign]
    with qtbot.waitSignal(page.exported, timeout=WAIT_MS) as done:
        qtbot.keyClick(page, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # "Trích &xuất cho công dân…"
    report = done.args[0]
    assert asked and asked[0].name.startswith(f"nhat-ky-cong-dan-{LAN_ID}-")
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "motcua-audit-subject"
    actions = [entry["action"] for entry in document["entries"]]
    # Their file's registration, status change and receipt, and the lookup of them; nothing of minh's file.
    assert {"file.registered", "file.status_changed", "form.printed", "citizen.looked_up"} <= set(actions)
    assert all(e["entity_id"] != audit_store.minh_file for e in document["entries"])
    assert report.entries == len(actions)
    assert page.message.text().startswith(f"Đã ghi {len(actions)} mục nhật ký về công dân vào tệp:")
    assert str(out) in page.message.text()
    qtbot.waitUntil(  # the export is in the log too, and the list shows it
        lambda: (
            not page.model.is_loading()
            and page.model.rowCount() > 0
            and page.model.entry(0).action == "audit.subject_exported"
        ),
        timeout=WAIT_MS,
    )
    assert _text(page, 0, AuditTableModel.COL_ACTION) == "Trích xuất nhật ký cho công dân"


def test_a_wrong_or_unknown_number_is_said_on_the_page(
    qtbot: QtBot, audit_store: AuditStore, make_session: Callable[..., UiSession], tmp_path: Path
) -> None:
    page = _page(qtbot, make_session(audit_store.services, "supervisor"))
    asked: list[Path] = []
    page.ask_citizen_id = lambda: "12345"  # type: ignore[method-assign]
    page.ask_export_path = lambda default: asked.append(default) or tmp_path / "x.json"  # type: ignore[method-assign]
    page.export_for_citizen()
    assert page.message.text() == "Số định danh cá nhân không hợp lệ."
    assert asked == []  # no file asked for a number that cannot be right

    page.ask_citizen_id = lambda: UNKNOWN_ID  # type: ignore[method-assign]
    with qtbot.waitSignal(page.failed, timeout=WAIT_MS):
        page.export_for_citizen()
    assert page.message.text() == f"Không có công dân nào mang số {UNKNOWN_ID} trong dữ liệu của máy này."
    assert page.message.styleSheet() == ERROR_STYLE
    assert not (tmp_path / "x.json").exists()
    assert page.export_button.isEnabled()

    page.ask_citizen_id = lambda: LAN_ID  # type: ignore[method-assign]
    page.ask_export_path = lambda default: tmp_path / "no-such-folder" / "x.json"  # type: ignore[method-assign]
    with qtbot.waitSignal(page.failed, timeout=WAIT_MS):
        page.export_for_citizen()
    assert page.message.text() == (  # the folder is named as what is wrong, not a full disk
        "Không trích xuất được nhật ký: Không tìm thấy thư mục xuất: chưa cắm USB, ổ mạng chưa kết nối, "
        "hoặc thư mục đã bị xóa hay đổi tên."
    )


# -- wording -----------------------------------------------------------------------------------------------


def test_the_summary_of_details(audit_store: AuditStore) -> None:
    entries = {e.action: e for e in _everything(audit_store.services)}
    assert summarise(entries["file.status_changed"]) == "Đã tiếp nhận → Đang xử lý"
    everything = _everything(audit_store.services)
    added = next(e for e in everything if e.action == "user.added" and e.details["username"] == "minh")
    assert summarise(added) == "tài khoản: minh; vai trò: cán bộ tiếp nhận"
    assert summarise(entries["citizen.looked_up"]) == "số hồ sơ: 1"
    assert "sha256" not in summarise(entries["file.registered"])


def test_the_page_in_english(
    qtbot: QtBot, audit_store: AuditStore, make_session: Callable[..., UiSession], english: None
) -> None:
    page = _page(qtbot, make_session(audit_store.services, "supervisor"))
    model = page.model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header == ["Time", "Account", "Workstation", "Action", "Subject", "Details"]
    page.set_action("file.status_changed")
    _wait_loaded(qtbot, page)
    assert _text(page, 0, AuditTableModel.COL_ACTION) == "File status changed"
    assert _text(page, 0, AuditTableModel.COL_DETAILS) == "Received → In progress"
    assert _text(page, 0, AuditTableModel.COL_WHAT) == f"File {audit_store.lan_file}"
    assert page.action_filter.itemText(0) == "All actions"
    assert page.action_filter.findText("Every action on files") > 0
    assert page.verify_button.text() == "&Verify integrity"

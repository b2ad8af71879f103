"""A file's page against a real store: what it shows, the actions each status allows, a file walked from
receipt to return, the extension (once), the forms each action prints, reprints and refusals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS, MessageBoxes

from records.clock import local
from records.files import EventView, FileDetail, RegistrationRequest
from records.forms import FormKind
from records.workflow import Status
from ui.extension_dialog import ExtensionDialog
from ui.file_documents_table_model import FileDocumentsTableModel
from ui.file_events_table_model import FileEventsTableModel
from ui.file_page import FilePage
from ui.preferences import PRINT_DESTINATION
from ui.print_controller import PrintController
from ui.session import UiSession
from ui.transition_dialog import TransitionDialog

CLERK = "Trần Thị Lan"  # the clerk make_session logs in (tests/ui/conftest.py)


class _Desk:
    """A session on a fresh store, a print controller writing PDFs to a folder, and the pages opened."""

    def __init__(self, qtbot: QtBot, services: Any, session: UiSession) -> None:
        self.qtbot = qtbot
        self.services = services
        self.session = session
        session.prefs.set(PRINT_DESTINATION, "folder")
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.printer = PrintController(session, self.window)
        self.printed: list[tuple[str, Path]] = []
        self.printer.saved.connect(lambda form, path: self.printed.append((form, path)))
        self.failures: list[BaseException] = []
        self.printer.failed.connect(self.failures.append)

    def register(self, **extra: Any) -> str:
        data = {
            "procedure": "1.001193",
            "applicant": {
                "personal_id": "001099012345",
                "full_name": "Nguyễn Văn An",
                "phone": "0912345678",
                "address": "Thôn 1, xã Thử Nghiệm",
            },
            "documents": ["Tờ khai đăng ký khai sinh", {"name": "Giấy chứng sinh", "original": 1}],
            **extra,
        }
        request = RegistrationRequest.from_json(data)
        return str(self.services.files.register(request, self.session.actor).code)

    def open(self, code: str) -> FilePage:
        page = FilePage(self.session, self.printer, code)
        self.qtbot.addWidget(page)
        page.resize(1280, 720)
        page.show()
        with self.qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
            page.start()
        return page

    def wait_printed(self, form: FormKind) -> Path:
        self.qtbot.waitUntil(
            lambda: any(f == form.value for f, _ in self.printed) or bool(self.failures), timeout=WAIT_MS
        )
        assert not self.failures, self.failures
        path = next(p for f, p in self.printed if f == form.value)
        assert path.exists() and path.read_bytes().startswith(b"%PDF")
        return path


@pytest.fixture
def desk(qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession]) -> Iterator[_Desk]:
    yield _Desk(qtbot, fresh_store, make_session(fresh_store))


def _detail(page: FilePage) -> FileDetail:
    assert page.detail is not None
    return page.detail


def _click(qtbot: QtBot, page: FilePage, key: str) -> None:
    button = page.action_buttons[key]
    assert button.isVisible() and button.isEnabled(), key
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _act(qtbot: QtBot, page: FilePage, key: str, expected: Status) -> None:
    """Press an action that needs no dialog and wait for the file to reach ``expected``."""
    with qtbot.waitSignal(page.changed, timeout=WAIT_MS) as changed:
        _click(qtbot, page, key)
    assert changed.args == [page.code]
    assert _detail(page).status is expected


def _dialog(qtbot: QtBot, page: FilePage, kind: type) -> Any:
    qtbot.waitUntil(lambda: isinstance(page.dialog, kind) and page.dialog.isVisible(), timeout=WAIT_MS)
    return page.dialog


def _confirm(qtbot: QtBot, page: FilePage, key: str, note: str, expected: Status) -> None:
    """Press an action with a dialog, type ``note``, confirm, and wait for the file to reach ``expected``."""
    _click(qtbot, page, key)
    dialog: TransitionDialog = _dialog(qtbot, page, TransitionDialog)
    dialog.note.setPlainText(note)
    with qtbot.waitSignal(page.changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT_MS)
    assert _detail(page).status is expected


def _timeline(page: FilePage) -> list[tuple[str, str, str]]:
    m = page.events_model
    return [
        (
            m.data(m.index(row, m.COL_WHO)),
            m.data(m.index(row, m.COL_WHAT)),
            m.data(m.index(row, m.COL_NOTE)),
        )
        for row in range(m.rowCount())
    ]


# -- what the page shows ---------------------------------------------------------------------------------


def test_the_page_shows_the_file(qtbot: QtBot, desk: _Desk) -> None:
    code = desk.register(summary="Đăng ký khai sinh cho con")
    page = desk.open(code)
    detail = _detail(page)
    assert page.code_label.text() == code
    assert page.code_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert page.status_chip.text() == "Đã tiếp nhận"
    assert "Đăng ký khai sinh" in page.procedure_label.text() and "1.001193" in page.procedure_label.text()
    assert page.fields["owner_name"].text() == "Nguyễn Văn An"
    assert page.fields["owner_id"].text() == "001099012345"
    assert page.fields["owner_phone"].text() == "0912345678"
    assert page.fields["owner_address"].text() == "Thôn 1, xã Thử Nghiệm"
    assert page.submitter_group.isHidden()  # the applicant is the owner: one block
    assert (
        page.fields["register"].text() == f"Quyển {detail.register_book}/{detail.register_year}, số thứ tự 1"
    )
    assert page.fields["appointment"].text() == local(detail.appointment).strftime("%d/%m/%Y %H:%M")  # type: ignore[arg-type]
    assert page.fields["summary"].text() == "Đăng ký khai sinh cho con"
    assert page.documents_model.rowCount() == 2
    assert _timeline(page) == [(CLERK, "Tiếp nhận hồ sơ", "")]


def test_owner_and_submitter_apart(qtbot: QtBot, desk: _Desk) -> None:
    code = desk.register(owner={"personal_id": "001305012346", "full_name": "Nguyễn Thị Bình"})
    page = desk.open(code)
    assert not page.submitter_group.isHidden()
    assert page.fields["owner_name"].text() == "Nguyễn Thị Bình"
    assert page.fields["submitter_name"].text() == "Nguyễn Văn An"


def test_an_unknown_code_says_so_in_the_banner(qtbot: QtBot, desk: _Desk) -> None:
    page = FilePage(desk.session, desk.printer, "000.17.22.H56-010101-9999")
    qtbot.addWidget(page)
    page.show()
    page.start()
    qtbot.waitUntil(lambda: page.warning_text() is not None, timeout=WAIT_MS)
    assert page.warning_text() == "Không tìm thấy hồ sơ 000.17.22.H56-010101-9999."
    assert page.visible_actions() == []


def test_show_warning_puts_a_banner_on_top(qtbot: QtBot, desk: _Desk) -> None:
    page = desk.open(desk.register())
    assert page.warning_text() is None
    page.show_warning("Chữ ký trên mã QR của giấy biên nhận không hợp lệ.")
    assert page.banner.isVisible()
    assert page.warning_text() == "Chữ ký trên mã QR của giấy biên nhận không hợp lệ."
    assert page.banner.geometry().top() < page.code_label.geometry().top()


# -- the actions each status allows ----------------------------------------------------------------------


EXPECTED_ACTIONS = {
    Status.RECEIVED: [
        "in_progress",
        "awaiting_payment",
        "supplement",
        "result_ready",
        "extend",
        "refused",
        "withdrawn",
        "stopped",
    ],
    Status.IN_PROGRESS: [
        "awaiting_payment",
        "supplement",
        "result_ready",
        "extend",
        "withdrawn",
        "stopped",
    ],
    Status.AWAITING_PAYMENT: ["in_progress", "result_ready", "extend", "withdrawn", "stopped"],
    Status.SUPPLEMENT_REQUESTED: ["resubmit", "withdrawn", "stopped"],
    Status.RESULT_READY: ["returned"],
    Status.RETURNED: [],
    Status.WITHDRAWN: [],
    Status.STOPPED: [],
}
PATHS = {
    Status.RECEIVED: [],
    Status.IN_PROGRESS: [Status.IN_PROGRESS],
    Status.AWAITING_PAYMENT: [Status.AWAITING_PAYMENT],
    Status.SUPPLEMENT_REQUESTED: [Status.SUPPLEMENT_REQUESTED],
    Status.RESULT_READY: [Status.RESULT_READY],
    Status.RETURNED: [Status.RESULT_READY, Status.RETURNED],
    Status.WITHDRAWN: [Status.WITHDRAWN],
    Status.STOPPED: [Status.STOPPED],
}


@pytest.mark.parametrize("status", list(EXPECTED_ACTIONS))
def test_only_the_actions_the_status_allows_are_shown(qtbot: QtBot, desk: _Desk, status: Status) -> None:
    code = desk.register()
    for step in PATHS[status]:
        desk.services.files.set_status(code, step, desk.session.actor, note="bước trước")
    page = desk.open(code)
    assert _detail(page).status is status
    assert page.visible_actions() == EXPECTED_ACTIONS[status]
    for key, button in page.action_buttons.items():
        assert button.isVisible() == (key in EXPECTED_ACTIONS[status]), key
    assert page.no_actions.isVisible() == (not EXPECTED_ACTIONS[status])
    page.trigger("refused")  # not allowed after the receipt: nothing happens
    if status is not Status.RECEIVED:
        assert page.dialog is None


def test_refused_at_the_counter_has_no_actions_and_reprints_its_refusal(qtbot: QtBot, desk: _Desk) -> None:
    code = desk.register(status="refused", note="Không thuộc thẩm quyền")
    page = desk.open(code)
    assert page.visible_actions() == []
    visible = [kind for kind, action in page.reprint_actions.items() if action.isVisible()]
    assert visible == [FormKind.REFUSAL]
    page.reprint_actions[FormKind.REFUSAL].trigger()
    desk.wait_printed(FormKind.REFUSAL)


# -- a file walked through -------------------------------------------------------------------------------


def test_a_file_walks_from_receipt_to_return(qtbot: QtBot, desk: _Desk) -> None:
    code = desk.register()
    page = desk.open(code)
    changes: list[str] = []
    page.changed.connect(changes.append)

    _act(qtbot, page, "in_progress", Status.IN_PROGRESS)

    # A supplement request needs to say what is missing; it stops the clock and prints the request.
    _click(qtbot, page, "supplement")
    dialog: TransitionDialog = _dialog(qtbot, page, TransitionDialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # nothing typed
    assert dialog.isVisible() and dialog.note_error.text() == "Hãy nhập nội dung này."
    assert desk.services.files.show(code).status is Status.IN_PROGRESS  # nothing saved
    dialog.note.setPlainText("Bản sao giấy chứng nhận kết hôn của cha mẹ")
    with qtbot.waitSignal(page.changed, timeout=WAIT_MS):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _detail(page).status is Status.SUPPLEMENT_REQUESTED
    assert page.fields["due"].text().startswith("Tạm dừng")
    desk.wait_printed(FormKind.SUPPLEMENT)

    # The complete re-submission restarts the clock and prints a receipt with the new appointment.
    _confirm(qtbot, page, "resubmit", "Đã nộp bản sao giấy chứng nhận kết hôn", Status.RECEIVED)
    desk.wait_printed(FormKind.RECEIPT)

    _act(qtbot, page, "in_progress", Status.IN_PROGRESS)
    _act(qtbot, page, "result_ready", Status.RESULT_READY)
    assert page.visible_actions() == ["returned"]
    _click(qtbot, page, "returned")
    dialog = _dialog(qtbot, page, TransitionDialog)
    assert dialog.warning.isVisible()  # it ends the file: said before it is done
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels: nothing changes
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT_MS)
    assert desk.services.files.show(code).status is Status.RESULT_READY
    _confirm(qtbot, page, "returned", "", Status.RETURNED)

    assert page.visible_actions() == []
    assert page.no_actions.isVisible()
    assert changes == [code] * 6
    assert desk.services.files.show(code).status is Status.RETURNED
    assert _timeline(page) == [
        (CLERK, "Tiếp nhận hồ sơ", ""),
        (CLERK, "Đã tiếp nhận → Đang xử lý", ""),
        (CLERK, "Đang xử lý → Yêu cầu bổ sung", "Bản sao giấy chứng nhận kết hôn của cha mẹ"),
        (CLERK, "Nhận đủ hồ sơ bổ sung → Đã tiếp nhận", "Đã nộp bản sao giấy chứng nhận kết hôn"),
        (CLERK, "Đã tiếp nhận → Đang xử lý", ""),
        (CLERK, "Đang xử lý → Đã có kết quả", ""),
        (CLERK, "Đã có kết quả → Đã trả kết quả", ""),
    ]
    assert page.timeline.model() is page.events_model
    m = page.events_model
    assert m.data(m.index(2, m.COL_DUE)).endswith("→ tạm dừng")


def test_awaiting_payment_and_back(qtbot: QtBot, desk: _Desk) -> None:
    page = desk.open(desk.register())
    _confirm(qtbot, page, "awaiting_payment", "Nộp lệ phí trước bạ", Status.AWAITING_PAYMENT)
    _act(qtbot, page, "in_progress", Status.IN_PROGRESS)
    assert _timeline(page)[1] == (
        CLERK,
        "Đã tiếp nhận → Chờ thực hiện nghĩa vụ tài chính",
        "Nộp lệ phí trước bạ",
    )


@pytest.mark.parametrize(("key", "status"), [("stopped", Status.STOPPED), ("withdrawn", Status.WITHDRAWN)])
def test_stopping_prints_the_stop_notice(qtbot: QtBot, desk: _Desk, key: str, status: Status) -> None:
    page = desk.open(desk.register())
    _confirm(qtbot, page, key, "Công dân đề nghị dừng giải quyết", status)
    desk.wait_printed(FormKind.STOP)
    assert page.visible_actions() == []


def test_stop_needs_a_reason(qtbot: QtBot, desk: _Desk) -> None:
    code = desk.register()
    page = desk.open(code)
    _click(qtbot, page, "stopped")
    dialog: TransitionDialog = _dialog(qtbot, page, TransitionDialog)
    dialog.note.setPlainText("   ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.note_error.isVisible()
    assert desk.services.files.show(code).status is Status.RECEIVED


def test_the_2018_form_set_has_no_stop_notice(qtbot: QtBot, desk: _Desk) -> None:
    admin = desk.services.users.system(1)
    desk.services.settings.use_form_set(admin, "tt01-2018")
    code = desk.register()
    page = desk.open(code)
    _confirm(qtbot, page, "stopped", "Hồ sơ giả mạo", Status.STOPPED)
    qtbot.wait(300)
    assert desk.printed == [] and desk.failures == []  # nothing to print, and no error about it
    assert not page.reprint_actions[FormKind.STOP].isVisible()


# -- the extension ---------------------------------------------------------------------------------------


def test_an_extension_prints_the_apology_and_a_second_one_is_refused(
    qtbot: QtBot, desk: _Desk, boxes: MessageBoxes
) -> None:
    code = desk.register()
    page = desk.open(code)
    stale = desk.open(code)  # the same file open elsewhere, before the extension
    due_before = _detail(page).summary.due_at

    _click(qtbot, page, "extend")
    dialog: ExtensionDialog = _dialog(qtbot, page, ExtensionDialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason
    assert dialog.isVisible() and dialog.reason_error.isVisible()
    dialog.reason.setPlainText("Cần xác minh thêm thông tin tại nơi cư trú")
    dialog.days.setValue(2)
    with qtbot.waitSignal(page.changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    detail = _detail(page)
    assert detail.extension_count == 1 and detail.summary.due_at > due_before  # type: ignore[operator]
    assert "đã gia hạn" in page.fields["due"].text()
    desk.wait_printed(FormKind.APOLOGY)

    # Once only: the button stays, disabled, and says why.
    button = page.action_buttons["extend"]
    assert button.isVisible() and not button.isEnabled()
    assert "một lần" in button.toolTip()
    assert page.extend_note.isVisible()
    assert _timeline(page)[-1][1] == "Gia hạn thời gian giải quyết"

    # The page that did not see it asks again: refused with a message, nothing changed, then it catches up.
    _click(qtbot, stale, "extend")
    second: ExtensionDialog = _dialog(qtbot, stale, ExtensionDialog)
    second.reason.setPlainText("Lần nữa")
    qtbot.mouseClick(second.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(boxes.shown) == 1, timeout=WAIT_MS)
    assert boxes.shown == [
        ("Không gia hạn được", "Hồ sơ đã được gia hạn một lần hoặc không còn trong quá trình xử lý.")
    ]
    qtbot.waitUntil(lambda: _detail(stale).extension_count == 1, timeout=WAIT_MS)
    assert not stale.action_buttons["extend"].isEnabled()
    assert desk.services.files.show(code).summary.due_at == detail.summary.due_at


def test_an_extension_to_a_day_off_is_refused_next_to_the_date(qtbot: QtBot, desk: _Desk) -> None:
    code = desk.register()
    page = desk.open(code)
    _click(qtbot, page, "extend")
    dialog: ExtensionDialog = _dialog(qtbot, page, ExtensionDialog)
    dialog.reason.setPlainText("Chờ ý kiến cơ quan cấp trên")
    dialog.by_date.setChecked(True)
    day = dialog.until.date()
    while day.dayOfWeek() < 6:  # a Saturday or a Sunday
        day = day.addDays(1)
    dialog.until.setDate(day)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.until_error.isVisible(), timeout=WAIT_MS)
    assert dialog.until_error.text() == "Hạn mới phải là một ngày làm việc, sau hạn trả hiện tại."
    assert desk.services.files.show(code).extension_count == 0
    assert dialog.ok_button.isEnabled()  # the clerk can pick another day


# -- refusals and reprints -------------------------------------------------------------------------------


def test_a_change_made_elsewhere_is_refused_clearly_and_the_page_catches_up(
    qtbot: QtBot, desk: _Desk, boxes: MessageBoxes
) -> None:
    code = desk.register()
    page = desk.open(code)
    desk.services.files.set_status(code, Status.RESULT_READY, desk.session.actor)  # another workstation
    page.trigger("in_progress")
    qtbot.waitUntil(lambda: len(boxes.shown) == 1, timeout=WAIT_MS)
    assert boxes.shown == [
        ("Không chuyển được trạng thái hồ sơ", "Không thể chuyển hồ sơ sang trạng thái này.")
    ]
    qtbot.waitUntil(lambda: _detail(page).status is Status.RESULT_READY, timeout=WAIT_MS)
    assert page.visible_actions() == ["returned"]
    assert desk.services.files.show(code).status is Status.RESULT_READY


def test_reprint_menu_offers_the_forms_that_fit(qtbot: QtBot, desk: _Desk) -> None:
    page = desk.open(desk.register())
    visible = [kind for kind, action in page.reprint_actions.items() if action.isVisible()]
    assert visible == [FormKind.RECEIPT, FormKind.CONTROL]
    assert (
        page.reprint_actions[FormKind.CONTROL].text()
        == "&2  Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu số 06)"
    )
    page.reprint_actions[FormKind.CONTROL].trigger()
    desk.wait_printed(FormKind.CONTROL)


def test_ctrl_p_reprints_the_receipt(qtbot: QtBot, desk: _Desk) -> None:
    page = desk.open(desk.register())
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    desk.wait_printed(FormKind.RECEIPT)


def test_ctrl_p_on_a_file_without_a_receipt_says_why(qtbot: QtBot, desk: _Desk, boxes: MessageBoxes) -> None:
    page = desk.open(desk.register(status="supplement_requested", note="Thiếu tờ khai"))
    page.reprint_receipt()
    assert boxes.shown == [
        ("Không in được giấy tiếp nhận", "Mẫu này không áp dụng cho hồ sơ ở trạng thái hiện tại.")
    ]
    assert desk.printed == []


def test_actions_have_mnemonics(qtbot: QtBot, desk: _Desk) -> None:
    page = desk.open(desk.register())
    letters = []
    for key in page.visible_actions():
        text = page.action_buttons[key].text()
        assert "&" in text, key
        letters.append(text[text.index("&") + 1].lower())
    assert len(letters) == len(set(letters))  # no two share a letter
    # The main window's menus use Alt+T, Alt+H, Alt+Q and Alt+G.
    assert not set(letters) & {"t", "h", "q", "g"}
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(page, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # "&Yêu cầu bổ sung…"
    _dialog(qtbot, page, TransitionDialog).reject()


# -- the models ------------------------------------------------------------------------------------------


def test_the_models_pass_qts_model_tester(qtbot: QtBot, qtmodeltester: Any, desk: _Desk) -> None:
    code = desk.register()
    desk.services.files.set_status(code, Status.SUPPLEMENT_REQUESTED, desk.session.actor, note="Thiếu")
    detail = desk.services.files.show(code)
    events = FileEventsTableModel()
    qtmodeltester.check(events)
    events.set_events(detail.events)
    qtmodeltester.check(events)
    assert events.rowCount() == 2
    documents = FileDocumentsTableModel()
    documents.set_documents(detail.documents)
    qtmodeltester.check(documents)
    assert documents.data(documents.index(1, documents.COL_NAME)) == "Giấy chứng sinh"
    assert documents.data(documents.index(1, documents.COL_ORIGINALS)) == "1"


def test_timeline_wording(qtbot: QtBot) -> None:
    from datetime import datetime

    from records.clock import VIETNAM_TZ

    at = datetime(2026, 3, 2, 8, 0, tzinfo=VIETNAM_TZ)
    later = datetime(2026, 3, 5, 17, 0, tzinfo=VIETNAM_TZ)
    model = FileEventsTableModel()
    model.set_events(
        (
            EventView(at, "system", "registered", None, Status.SUPPLEMENT_REQUESTED, "Thiếu", None, None),
            EventView(
                at, "lan", "extended", Status.IN_PROGRESS, Status.IN_PROGRESS, "Xác minh", at, later, CLERK
            ),
            EventView(at, "lan", "registered", None, Status.REFUSED, None, None, None, CLERK),
        )
    )
    assert model.data(model.index(0, model.COL_WHO)) == "Hệ thống"
    assert model.data(model.index(0, model.COL_WHAT)) == "Tiếp nhận, hồ sơ chưa đầy đủ: yêu cầu bổ sung"
    assert model.data(model.index(1, model.COL_WHO)) == CLERK
    assert model.data(model.index(1, model.COL_DUE)) == "02/03/2026 08:00 → 05/03/2026 17:00"
    assert model.data(model.index(2, model.COL_WHAT)) == "Từ chối tiếp nhận hồ sơ"


def test_closing_the_page_while_an_action_is_saved(qtbot: QtBot, desk: _Desk) -> None:
    from shiboken6 import isValid

    code = desk.register()
    page = FilePage(desk.session, desk.printer, code)  # not given to qtbot: the test deletes it
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.start()
    page.trigger("in_progress")
    # No second action while the first is being saved.
    assert all(not button.isEnabled() for button in page.action_buttons.values())
    page.deleteLater()  # the clerk closed the tab
    qtbot.waitUntil(lambda: not isValid(page), timeout=WAIT_MS)
    done: list[object] = []
    desk.session.worker.submit(lambda: None, done.append)
    qtbot.waitUntil(lambda: done == [None], timeout=WAIT_MS)
    assert desk.services.files.show(code).status is Status.IN_PROGRESS  # saved all the same

"""The intake screen against a real store: a card scanned to a printed receipt, a returning citizen, a
malformed ID, a submitter who is not the owner, incomplete and refused files with their slips, one
registration for a double Save, and the keyboard order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from pdfs import all_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS

from records.errors import StorageUnavailable
from records.files import FileDetail, FileQuery, RegistrationRequest
from records.workflow import Status
from ui.intake_page import IntakePage
from ui.preferences import DIGITIZE_CHECK, LAST_PROCEDURE, PDF_FOLDER, PRINT_DESTINATION, RETURN_METHOD
from ui.print_controller import PrintController, file_name
from ui.session import UiSession

# A chip card's QR text as a USB scanner types it: ID | old ID | name | birth | sex | address | issued.
OWNER_ID = "001099012345"
OWNER_QR = (
    f"{OWNER_ID}|123456789|Nguyễn Văn Bình|15031999|Nam|"
    "Số 12 ngõ 34 phố Hàng Bông, phường Hoàn Kiếm, thành phố Hà Nội|01022021"
)
SUBMITTER_ID = "036185004321"
SUBMITTER_QR = f"{SUBMITTER_ID}||Trần Thị Mai|02071985|Nữ|Xóm 3, xã Hải Hậu, tỉnh Ninh Bình|10052022"


@dataclass
class Intake:
    page: IntakePage
    printer: PrintController
    session: UiSession
    services: Any
    pdf_folder: Path


@pytest.fixture
def intake(qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], tmp_path: Path) -> Intake:
    session = make_session(fresh_store)
    session.prefs.set(PRINT_DESTINATION, "folder")
    session.prefs.set(PDF_FOLDER, str(tmp_path / "printouts"))
    session.prefs.set(DIGITIZE_CHECK, False)  # the gate has its own tests (test_ui_intake_documents.py)
    return _show(qtbot, session, tmp_path / "printouts")


def _show(qtbot: QtBot, session: UiSession, pdf_folder: Path) -> Intake:
    window = QWidget()
    printer = PrintController(session, window)
    page = IntakePage(session, printer)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(page)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    with qtbot.waitActive(window, timeout=WAIT_MS):
        window.activateWindow()
    page.focus_start()
    return Intake(page, printer, session, session.services, pdf_folder)


def _type(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Type ``text``: key clicks for ASCII; Vietnamese letters arrive as an input method's commits, the way
    Unikey (or a scanner's keyboard driver) delivers them (QTest cannot click keys outside Latin-1)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(field, event)


def _scan(qtbot: QtBot, field: QLineEdit, qr: str) -> None:
    """What a USB 2D scanner does: the QR text as keystrokes, then Enter."""
    field.setFocus()
    _type(qtbot, field, qr)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _choose_procedure(qtbot: QtBot, page: IntakePage, typed: str, code: str) -> None:
    """Type words of the procedure into the picker, then Enter (the first procedure found)."""
    page.picker.edit.setFocus()
    page.picker.edit.clear()
    _type(qtbot, page.picker.edit, typed)
    qtbot.waitUntil(
        lambda: not page.picker.is_searching() and page.picker.result_count() > 0, timeout=WAIT_MS
    )
    qtbot.keyClick(page.picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.procedure_code == code, timeout=WAIT_MS)


def _files(services: Any) -> list[Any]:
    return list(services.files.list(FileQuery(limit=100)))


def _save_and_wait_for_pdf(qtbot: QtBot, intake: Intake, press: Callable[[], None]) -> tuple[str, Path]:
    with qtbot.waitSignal(intake.printer.saved, timeout=WAIT_MS) as printed:
        press()
    form, path = printed.args
    return form, Path(path)


def _register_directly(services: Any, person: dict[str, Any], procedure: str = "2.000635") -> str:
    request = RegistrationRequest.from_json(
        {"procedure": procedure, "applicant": person, "documents": ["Tờ khai cấp bản sao trích lục hộ tịch"]}
    )
    detail: FileDetail = services.files.register(request, services.users.system(1))
    return detail.code


def test_card_scan_to_printed_receipt(qtbot: QtBot, intake: Intake) -> None:
    page, form = intake.page, intake.page.owner_form
    assert form.id_edit.hasFocus()  # focus_start: the scanner types into the ID field

    _scan(qtbot, form.id_edit, OWNER_QR)

    assert form.id_edit.text() == OWNER_ID
    assert form.name_edit.text() == "Nguyễn Văn Bình"
    assert form.dob_edit.text() == "15/03/1999"
    assert form.sex_combo.currentText() == "Nam"
    assert form.address_edit.text() == "Số 12 ngõ 34 phố Hàng Bông, phường Hoàn Kiếm, thành phố Hà Nội"
    assert "CMND cũ: 123456789" in form.id_note.text()
    assert form.phone_edit.hasFocus()  # the card has no phone: that is the next useful field
    _type(qtbot, form.phone_edit, "0912 345 678")

    _choose_procedure(qtbot, page, "dang ky khai sinh", "1.001193")
    assert page.checklist_view.hasFocus()
    names = [line.name for line in page.checklist_model.lines()]
    assert names[:2] == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]
    assert "Giấy chứng sinh" in page.missing_label.text()
    qtbot.keyClick(page.checklist_view, Qt.Key.Key_Space)  # the first line: received
    qtbot.keyClick(page.checklist_view, Qt.Key.Key_Down)
    qtbot.keyClick(page.checklist_view, Qt.Key.Key_Space)
    assert page.checklist_model.missing_mandatory() == []
    assert "miễn" in page.fees_label.text()

    form_kind, path = _save_and_wait_for_pdf(
        qtbot,
        intake,
        lambda: qtbot.keyClick(page.checklist_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
    )

    [summary] = _files(intake.services)
    detail = intake.services.files.show(summary.code)
    assert detail.status is Status.RECEIVED
    assert detail.summary.procedure_code == "1.001193"
    assert (detail.owner.personal_id, detail.owner.old_id) == (OWNER_ID, "123456789")
    assert detail.owner.full_name == "Nguyễn Văn Bình"
    assert detail.owner.phone == "0912345678"
    assert detail.submitter.id == detail.owner.id
    assert [d.name for d in detail.documents] == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]
    assert form_kind == "receipt"
    assert path == intake.pdf_folder / file_name("receipt", detail.code)
    text = all_text(path.read_bytes())
    assert detail.code in text
    assert "Nguyễn Văn Bình" in text
    assert page.banner.isVisible()
    assert page.banner_code.text() == detail.code
    assert intake.session.prefs.get(LAST_PROCEDURE) == "1.001193"


def test_the_popup_list_is_driven_by_the_keyboard(qtbot: QtBot, intake: Intake) -> None:
    page = intake.page
    page.picker.edit.setFocus()
    _type(qtbot, page.picker.edit, "dang ky kh")  # folded words: khai sinh, khai tử, ...
    qtbot.waitUntil(
        lambda: not page.picker.is_searching() and page.picker.result_count() > 0, timeout=WAIT_MS
    )
    codes = page.picker.listed_codes()
    assert {"1.001193", "1.000656"} <= set(codes)
    popup = page.picker.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    for _ in range(codes.index("1.001193") + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.procedure_code == "1.001193", timeout=WAIT_MS)
    assert page.picker.edit.text() == "1.001193 — Đăng ký khai sinh"
    page.picker.edit.setFocus()
    qtbot.keyClick(page.picker.edit, Qt.Key.Key_Down)  # the list again, to change one's mind
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert page.procedure_code == "1.001193"

    page.picker.edit.setFocus()
    page.picker.edit.clear()
    _type(qtbot, page.picker.edit, "2.000635")  # a code
    qtbot.keyClick(page.picker.edit, Qt.Key.Key_Return)  # before the answer: the first one found is taken
    qtbot.waitUntil(lambda: page.procedure_code == "2.000635", timeout=WAIT_MS)
    assert "8.000 đồng" in page.fees_label.text()  # per copy
    page.copies_spin.setValue(3)
    assert "24.000 đồng" in page.fees_label.text()


def test_a_returning_citizen_is_filled_in_with_their_files(qtbot: QtBot, intake: Intake) -> None:
    earlier = _register_directly(
        intake.services,
        {
            "personal_id": OWNER_ID,
            "full_name": "Nguyễn Văn Bình",
            "phone": "0987654321",
            "address": "Địa chỉ cũ, xã Cũ, tỉnh Cũ",
            "date_of_birth": "1999-03-15",
            "sex": "male",
        },
    )
    page, form = intake.page, intake.page.owner_form
    _type(qtbot, form.id_edit, OWNER_ID)
    qtbot.keyClick(form.id_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: page.history_model.rowCount() == 1, timeout=WAIT_MS)
    assert form.name_edit.text() == "Nguyễn Văn Bình"
    assert form.phone_edit.text() == "0987654321"
    assert form.address_edit.text() == "Địa chỉ cũ, xã Cũ, tỉnh Cũ"
    assert page.history_box.isVisible()
    assert page.history_model.summary(0).code == earlier
    assert page.picker.edit.hasFocus()  # known: name and phone are there, straight on to the procedure

    with qtbot.waitSignal(page.open_file_requested, timeout=WAIT_MS) as opened:
        page.history_view.activated.emit(page.history_model.index(0, 0))
    assert opened.args == [earlier]

    # The next citizen scans a card: what the card says wins over what was stored, the rest is filled in.
    page.new_file()
    assert form.id_edit.hasFocus() and not form.name_edit.text() and not page.history_box.isVisible()
    _scan(qtbot, form.id_edit, OWNER_QR)
    qtbot.waitUntil(lambda: form.phone_edit.text() == "0987654321", timeout=WAIT_MS)
    assert form.address_edit.text().startswith("Số 12 ngõ 34")
    qtbot.waitUntil(page.picker.edit.hasFocus, timeout=WAIT_MS)


def test_a_card_scanned_into_another_field_is_still_read(qtbot: QtBot, intake: Intake) -> None:
    form = intake.page.owner_form
    form.name_edit.setFocus()
    _type(qtbot, form.name_edit, "Ng")  # the clerk had started typing the name
    _scan(qtbot, form.name_edit, OWNER_QR)
    assert form.id_edit.text() == OWNER_ID
    assert form.name_edit.text() == "Nguyễn Văn Bình"
    assert form.phone_edit.hasFocus()


def test_another_id_takes_out_what_the_previous_lookup_filled(qtbot: QtBot, intake: Intake) -> None:
    _register_directly(intake.services, {"personal_id": OWNER_ID, "full_name": "Nguyễn Văn Bình"})
    form = intake.page.owner_form
    _type(qtbot, form.id_edit, OWNER_ID)
    qtbot.keyClick(form.id_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.name_edit.text() == "Nguyễn Văn Bình", timeout=WAIT_MS)
    form.id_edit.setFocus()
    form.id_edit.clear()
    _type(qtbot, form.id_edit, "038090000111")  # a mistake corrected: someone not in the store
    qtbot.keyClick(form.id_edit, Qt.Key.Key_Return)
    assert form.name_edit.text() == ""
    assert form.name_edit.hasFocus()
    assert form.sex_combo.currentText() == "Nam"  # what the ID says (0: a man born in the 1900s)


def test_a_malformed_id_is_explained_next_to_the_field_and_nothing_is_saved(
    qtbot: QtBot, intake: Intake
) -> None:
    page, form = intake.page, intake.page.owner_form
    _type(qtbot, form.id_edit, "00109901234")  # 11 digits
    qtbot.keyClick(form.id_edit, Qt.Key.Key_Return)
    assert form.id_message.isVisible()
    assert form.id_message.text() == (
        "Số định danh cá nhân có 12 chữ số (CMND cũ: 9 chữ số); số vừa nhập có 11 chữ số."
    )
    assert form.id_edit.hasFocus()

    _type(qtbot, form.name_edit, "Lê Văn Cường")
    _choose_procedure(qtbot, page, "khai tu", "1.000656")
    page.checklist_model.receive_all_mandatory()
    page.save_button.click()
    assert form.id_message.isVisible() and "12 chữ số" in form.id_message.text()
    assert form.id_edit.hasFocus()
    assert form.name_edit.text() == "Lê Văn Cường"  # what was typed stays
    qtbot.wait(100)
    assert _files(intake.services) == []

    _scan(qtbot, form.id_edit, "001099|Lê Văn Cường|x")
    assert (
        form.id_message.text() == "Mã vừa quét không phải mã QR trên thẻ căn cước (thiếu trường thông tin)."
    )


def test_errors_are_shown_by_their_fields_and_the_form_is_kept(qtbot: QtBot, intake: Intake) -> None:
    page, form = intake.page, intake.page.owner_form
    _type(qtbot, form.id_edit, OWNER_ID)
    _type(qtbot, form.phone_edit, "12345")
    _choose_procedure(qtbot, page, "khai tu", "1.000656")
    page.save()
    messages = form.messages
    assert messages["full_name"].text() == "Nhập họ và tên."
    assert messages["phone"].isVisible() and "Số điện thoại" in messages["phone"].text()
    assert page.documents_message.isVisible()  # mandatory papers not ticked
    assert form.name_edit.hasFocus()  # the first problem
    assert _files(intake.services) == []


def test_a_failure_in_the_store_keeps_the_form_for_another_try(
    qtbot: QtBot, intake: Intake, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, form = intake.page, intake.page.owner_form
    _scan(qtbot, form.id_edit, OWNER_QR)
    _choose_procedure(qtbot, page, "khai tu", "1.000656")
    page.checklist_model.receive_all_mandatory()
    real = intake.services.files.register

    def full_disk(*_args: object) -> None:
        raise StorageUnavailable("disk full")

    monkeypatch.setattr(intake.services.files, "register", full_disk)
    page.save()
    qtbot.waitUntil(lambda: page.general_message.isVisible(), timeout=WAIT_MS)
    assert "ổ đĩa đầy" in page.general_message.text()
    assert page.save_button.isEnabled() and form.name_edit.text() == "Nguyễn Văn Bình"

    monkeypatch.setattr(intake.services.files, "register", real)
    _save_and_wait_for_pdf(qtbot, intake, page.save)
    assert len(_files(intake.services)) == 1


def test_a_procedure_gone_from_the_catalogue_is_named_by_the_procedure_field(
    qtbot: QtBot, intake: Intake, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catalogue changed between choosing and saving: records' refusal names the procedure, and the
    message stands under the procedure picker, not in the general place."""
    page, form = intake.page, intake.page.owner_form
    _scan(qtbot, form.id_edit, OWNER_QR)
    _choose_procedure(qtbot, page, "khai tu", "1.000656")
    page.checklist_model.receive_all_mandatory()
    real = intake.services.files.register

    def gone(request: RegistrationRequest, actor: Any) -> FileDetail:
        return real(replace(request, procedure_code="9.999999"), actor)

    monkeypatch.setattr(intake.services.files, "register", gone)
    page.save()
    qtbot.waitUntil(lambda: page.procedure_message.isVisible(), timeout=WAIT_MS)
    assert page.procedure_message.text() == "Không có thủ tục này trong danh mục."
    assert not page.general_message.isVisible()
    assert _files(intake.services) == []


def test_a_submitter_who_is_not_the_owner(qtbot: QtBot, intake: Intake) -> None:
    page = intake.page
    owner, submitter = page.owner_form, page.submitter_form
    _type(qtbot, owner.id_edit, "001305000777")
    qtbot.keyClick(owner.id_edit, Qt.Key.Key_Return)
    _type(qtbot, owner.name_edit, "Phạm Gia Huy")
    assert owner.sex_combo.currentText() == "Nữ"  # 3: a woman born in the 2000s… the clerk corrects it
    owner.sex_combo.setCurrentIndex(owner.sex_combo.findData("male"))
    qtbot.keyClick(page.submitter_check, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the mnemonic
    qtbot.waitUntil(page.submitter_check.isChecked, timeout=WAIT_MS)  # a mnemonic clicks after a moment
    assert page.submitter_box.isVisible()
    assert submitter.id_edit.hasFocus()
    _scan(qtbot, submitter.id_edit, SUBMITTER_QR)
    assert submitter.name_edit.text() == "Trần Thị Mai"
    _choose_procedure(qtbot, page, "khai sinh", "1.001193")
    page.checklist_model.receive_all_mandatory()

    _save_and_wait_for_pdf(qtbot, intake, page.save)

    [summary] = _files(intake.services)
    detail = intake.services.files.show(summary.code)
    assert (detail.owner.personal_id, detail.owner.full_name) == ("001305000777", "Phạm Gia Huy")
    assert detail.owner.sex == "male"
    assert (detail.submitter.personal_id, detail.submitter.full_name) == (SUBMITTER_ID, "Trần Thị Mai")
    assert detail.submitter.address == "Xóm 3, xã Hải Hậu, tỉnh Ninh Bình"


def test_an_incomplete_file_prints_the_supplement_request(qtbot: QtBot, intake: Intake) -> None:
    page, form = intake.page, intake.page.owner_form
    _scan(qtbot, form.id_edit, OWNER_QR)
    _choose_procedure(qtbot, page, "khai sinh", "1.001193")
    page.checklist_model.setData(
        page.checklist_model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )

    page.incomplete_button.click()
    dialog = page.reason_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text() == "Thiếu: Giấy chứng sinh."  # the unticked mandatory line
    dialog.text_edit.setPlainText("Thiếu: Giấy chứng sinh (bản chính) của bệnh viện.")
    form_kind, path = _save_and_wait_for_pdf(qtbot, intake, dialog.confirm_button.click)

    [summary] = _files(intake.services)
    detail = intake.services.files.show(summary.code)
    assert detail.status is Status.SUPPLEMENT_REQUESTED
    assert detail.note == "Thiếu: Giấy chứng sinh (bản chính) của bệnh viện."
    assert form_kind == "supplement"
    text = all_text(path.read_bytes())
    assert "PHIẾU YÊU CẦU BỔ SUNG" in text.upper()
    assert "Giấy chứng sinh (bản chính) của bệnh viện" in text
    assert detail.code in text
    assert "chưa đầy đủ" in page.banner_title.text()


def test_a_refusal_needs_a_reason_and_prints_the_refusal(qtbot: QtBot, intake: Intake) -> None:
    page, form = intake.page, intake.page.owner_form
    _scan(qtbot, form.id_edit, OWNER_QR)
    _choose_procedure(qtbot, page, "chung thuc chu ky", "2.000884")
    page.checklist_model.receive_all_mandatory()

    page.refuse_button.click()
    dialog = page.reason_dialog
    assert dialog is not None
    assert not dialog.confirm_button.isEnabled()  # no reason yet
    qtbot.waitUntil(dialog.text_edit.hasFocus, timeout=WAIT_MS)
    page.save()  # the page waits for the reason: no registration behind the dialog's back
    reason = "Giấy tờ yêu cầu chứng thực chữ ký có nội dung trái pháp luật."
    dialog.text_edit.setPlainText(reason)
    assert dialog.confirm_button.isEnabled()
    form_kind, path = _save_and_wait_for_pdf(
        qtbot,
        intake,
        lambda: qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
    )

    [summary] = _files(intake.services)
    detail = intake.services.files.show(summary.code)
    assert detail.status is Status.REFUSED
    assert form_kind == "refusal"
    text = all_text(path.read_bytes())
    assert "TỪ CHỐI" in text.upper()
    assert reason in text


def test_a_double_save_registers_once(qtbot: QtBot, intake: Intake) -> None:
    page, form = intake.page, intake.page.owner_form
    _scan(qtbot, form.id_edit, OWNER_QR)
    _choose_procedure(qtbot, page, "khai tu", "1.000656")
    page.checklist_model.receive_all_mandatory()

    def press_twice() -> None:
        page.save_button.click()
        assert not page.save_button.isEnabled()
        page.save_button.click()
        qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    _save_and_wait_for_pdf(qtbot, intake, press_twice)
    page.save()  # the saved file is on show: nothing to send until Ctrl+N
    qtbot.wait(200)
    assert len(_files(intake.services)) == 1

    # Ctrl+P prints it again; Ctrl+N clears for the next citizen, the procedure stays.
    _save_and_wait_for_pdf(
        qtbot, intake, lambda: qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    )
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert form.id_edit.hasFocus() and form.id_edit.text() == ""
    assert page.save_button.isEnabled() and not page.banner.isVisible()
    qtbot.waitUntil(lambda: page.procedure_code == "1.000656", timeout=WAIT_MS)
    assert page.checklist_model.received_lines() == []


def test_return_method_and_procedure_are_remembered(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], tmp_path: Path
) -> None:
    session = make_session(fresh_store)
    session.prefs.set(LAST_PROCEDURE, "2.000635")
    session.prefs.set(RETURN_METHOD, "post")
    intake = _show(qtbot, session, tmp_path)
    qtbot.waitUntil(lambda: intake.page.procedure_code == "2.000635", timeout=WAIT_MS)
    assert intake.page.return_combo.currentData() == "post"
    intake.page.return_combo.setCurrentIndex(intake.page.return_combo.findData("counter"))
    assert session.prefs.get(RETURN_METHOD) == "counter"


def test_tab_reaches_every_control_in_the_designed_order(qtbot: QtBot, intake: Intake) -> None:
    page = intake.page
    page.submitter_check.setChecked(True)
    _choose_procedure(qtbot, page, "khai sinh", "1.001193")
    owner, submitter = page.owner_form, page.submitter_form
    expected = [
        owner.id_edit,
        owner.name_edit,
        owner.dob_edit,
        owner.sex_combo,
        owner.phone_edit,
        owner.address_edit,
        page.submitter_check,
        submitter.id_edit,
        submitter.name_edit,
        submitter.dob_edit,
        submitter.sex_combo,
        submitter.phone_edit,
        submitter.address_edit,
        page.picker.edit,
        page.checklist_view,
        page.receive_all_button,
        page.add_document_button,
        page.documents.digitize_button,  # "Bỏ bản số" and the reuse offers only when there are some
        page.sets_spin,  # copies and pages only for fees counted by copy or page
        page.return_combo,
        page.save_button,
        page.incomplete_button,
        page.refuse_button,
        page.new_button,  # "In lại" is disabled until a file is saved
    ]
    page.focus_start()
    seen = [QApplication.focusWidget()]
    for _ in range(len(expected) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert [w.objectName() or type(w).__name__ for w in seen] and seen == expected

"""Digitizing at intake: the papers are scanned (F6) before the receipt prints and stored with the file in
one unit of work; the gate stops a Save with papers not digitized; a citizen's earlier documents are offered
for reuse; Ctrl+N starts the next citizen with nothing left over."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from test_ui_intake import OWNER_ID, Intake, _choose_procedure, _files, _show, _type
from uitest import WAIT_MS

import ui.digitize_dialog as digitize_dialog
from records.attachments import AttachmentSource
from records.errors import StorageUnavailable
from records.files import RegistrationRequest
from records.store.models import AuditEntry
from ui.digitize_dialog import DigitizeDialog
from ui.preferences import DIGITIZE_CHECK, PDF_FOLDER, PRINT_DESTINATION
from ui.session import UiSession

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from integration.documents import image_bytes, pdf_bytes, scanned

FORM = "Tờ khai đăng ký khai sinh"
BIRTH_PAPER = "Giấy chứng sinh"


@pytest.fixture(autouse=True)
def _bugs_fail_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(_parent: object, details: str) -> None:
        raise AssertionError(f"crash dialog: {details}")

    monkeypatch.setattr("ui.errors.show_crash", crash)


@pytest.fixture
def intake(
    qtbot: QtBot,
    fresh_store: Any,
    make_session: Callable[..., UiSession],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Intake:
    monkeypatch.setenv("MOTCUA_FAKE_SCANNER", "sheets=2")
    monkeypatch.setattr(digitize_dialog, "_backends", None)
    session = make_session(fresh_store, "clerk")
    session.prefs.set(PRINT_DESTINATION, "folder")
    session.prefs.set(PDF_FOLDER, str(tmp_path / "printouts"))
    assert session.prefs.get(DIGITIZE_CHECK)  # the gate is on unless a workstation turns it off
    return _show(qtbot, session, tmp_path / "printouts")


def _fill(qtbot: QtBot, intake: Intake) -> None:
    """A known citizen (their history loads), the birth registration, both mandatory papers received."""
    page = intake.page
    _type(qtbot, page.owner_form.id_edit, OWNER_ID)
    _type(qtbot, page.owner_form.name_edit, "Nguyễn Văn Bình")
    _choose_procedure(qtbot, page, "dang ky khai sinh", "1.001193")
    page.checklist_model.receive_all_mandatory()


def _answer(qtbot: QtBot, intake: Intake, wanted: str) -> str:
    """Click ``wanted`` on the gate's question; returns what it said."""
    page = intake.page
    qtbot.waitUntil(lambda: page.gate_box is not None, timeout=WAIT_MS)
    box = page.gate_box
    assert box is not None
    said = box.text() + "\n" + box.informativeText()
    [button] = [b for b in box.buttons() if b.text() == wanted]
    button.click()
    return said


def _digitize_with_import(qtbot: QtBot, intake: Intake, tmp_path: Path) -> None:
    """F6, import one page and one PDF, name them after the two papers, and finish (overriding the
    quality warnings of the test image, if any)."""
    page = intake.page
    qtbot.keyClick(page.checklist_view, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: page.documents.dialog is not None, timeout=WAIT_MS)
    dialog = page.documents.dialog
    assert isinstance(dialog, DigitizeDialog)
    assert dialog.code is None and "đang tiếp nhận" in dialog.windowTitle()
    image, kept = tmp_path / "chung-sinh.png", tmp_path / "to-khai.pdf"
    image.write_bytes(image_bytes("PNG", 200))
    kept.write_bytes(pdf_bytes(1))
    dialog.import_files([image, kept])
    qtbot.waitUntil(lambda: len(dialog.editor.pages()) == 1 and len(dialog.kept) == 1, timeout=WAIT_MS)
    row = dialog.editor.document_row(0)
    row.combo.setCurrentIndex(row.combo.findText(BIRTH_PAPER))
    dialog.kept_list.item(0).setText(FORM)
    dialog.save()
    closed = lambda: page.documents.dialog is None  # noqa: E731 - the dialog deletes itself when done
    qtbot.waitUntil(lambda: closed() or dialog.override_box is not None, timeout=WAIT_MS)
    if not closed():
        box = dialog.override_box
        assert box is not None
        [keep] = [b for b in box.buttons() if b.text() == "Vẫn &lưu"]
        keep.click()
        qtbot.waitUntil(closed, timeout=WAIT_MS)


def _digitised_column(intake: Intake) -> list[str]:
    model = intake.page.checklist_model
    return [str(model.data(model.index(row, model.COL_DIGITISED))) for row in range(model.rowCount())]


def test_papers_digitized_at_intake_are_stored_with_the_file(
    qtbot: QtBot, intake: Intake, tmp_path: Path
) -> None:
    _fill(qtbot, intake)
    page = intake.page
    assert _digitised_column(intake)[:2] == ["–", "–"]
    _digitize_with_import(qtbot, intake, tmp_path)
    assert _digitised_column(intake)[:2] == ["✓ đã quét", "✓ đã quét"]
    assert "Đã số hóa 2 tài liệu" in page.documents.summary.text()
    assert page.undigitised() == []
    assert intake.services.attachments.verify().objects == 0  # nothing stored before Save

    with qtbot.waitSignal(page.file_registered, timeout=WAIT_MS) as registered:
        page.save()  # no gate: every received paper is digitized
    code = registered.args[0]
    stored = intake.services.attachments.for_file(code)
    assert sorted((v.name, v.checklist_code, v.source) for v in stored) == [
        (BIRTH_PAPER, "giay_chung_sinh", AttachmentSource.IMPORT),
        (FORM, None, AttachmentSource.IMPORT),
    ]
    assert all(v.digitised and not v.reused for v in stored)
    assert "2 tài liệu số hóa" in page.banner_detail.text()
    assert intake.services.attachments.verify().intact

    page.new_file()  # the next citizen starts with nothing digitized
    assert page.documents.additions() == [] and "Chưa số hóa" in page.documents.summary.text()


def test_the_gate_names_the_papers_not_digitized_and_going_back_saves_nothing(
    qtbot: QtBot, intake: Intake
) -> None:
    _fill(qtbot, intake)
    intake.page.save()
    said = _answer(qtbot, intake, "&Quay lại")
    assert "2 giấy tờ đã nhận chưa được số hóa" in said
    assert f"• {FORM}" in said and f"• {BIRTH_PAPER}" in said
    assert _files(intake.services) == []
    assert intake.page.save_button.isEnabled()


def test_the_gate_opens_the_digitizing_dialog_for_what_is_missing(qtbot: QtBot, intake: Intake) -> None:
    _fill(qtbot, intake)
    intake.page.save()
    _answer(qtbot, intake, "Số &hóa ngay (F6)")
    qtbot.waitUntil(lambda: intake.page.documents.dialog is not None, timeout=WAIT_MS)
    dialog = intake.page.documents.dialog
    assert isinstance(dialog, DigitizeDialog)
    assert [name for _code, name in dialog._checklist] == [FORM, BIRTH_PAPER]
    dialog.reject()
    assert _files(intake.services) == []


def test_saving_past_the_gate_is_noted_in_the_audit_log(qtbot: QtBot, intake: Intake) -> None:
    _fill(qtbot, intake)
    page = intake.page
    with qtbot.waitSignal(page.file_registered, timeout=WAIT_MS) as registered:
        page.save()
        _answer(qtbot, intake, "&Vẫn lưu và in biên nhận")
    code = registered.args[0]
    assert intake.services.attachments.for_file(code) == []
    with intake.services.db.reading() as uow:
        details = uow.session.scalars(
            select(AuditEntry.details).where(
                AuditEntry.action == "file.undigitised", AuditEntry.entity_id == code
            )
        ).one()
    assert details == {"documents": [FORM, BIRTH_PAPER]}


def test_a_workstation_without_the_gate_saves_at_once(qtbot: QtBot, intake: Intake) -> None:
    intake.session.prefs.set(DIGITIZE_CHECK, False)
    _fill(qtbot, intake)
    with qtbot.waitSignal(intake.page.file_registered, timeout=WAIT_MS):
        intake.page.save()
    assert intake.page.gate_box is None


def test_an_earlier_document_is_offered_ticked_and_reused(qtbot: QtBot, intake: Intake) -> None:
    services = intake.services
    request = RegistrationRequest.from_json(
        {
            "procedure": "1.001193",
            "applicant": {"personal_id": OWNER_ID, "full_name": "Nguyễn Văn Bình"},
            "documents": [FORM, BIRTH_PAPER],
        }
    )
    clerk = services.users.system(1)
    earlier = services.files.register(request, clerk)
    [old] = services.attachments.attach(
        earlier.code, [scanned(name=BIRTH_PAPER, checklist_code="giay_chung_sinh")], clerk
    )

    page = intake.page
    with qtbot.waitSignal(page.documents.offers_loaded, timeout=WAIT_MS, check_params_cb=lambda n: n == 1):
        _type(qtbot, page.owner_form.id_edit, OWNER_ID)
        qtbot.keyClick(page.owner_form.id_edit, Qt.Key.Key_Return)
        _choose_procedure(qtbot, page, "dang ky khai sinh", "1.001193")
    offers = page.documents.reuse_list
    assert offers.isVisible() and offers.count() == 1
    assert offers.item(0).text().startswith(f"{BIRTH_PAPER} — hồ sơ {earlier.code}")
    qtbot.waitUntil(lambda: not offers.item(0).icon().isNull(), timeout=WAIT_MS)  # its first page
    assert not page.checklist_model.line(1).received
    offers.item(0).setCheckState(Qt.CheckState.Checked)
    assert page.checklist_model.line(1).received  # a reused paper counts as handed over
    assert _digitised_column(intake)[:2] == ["–", "✓ dùng lại"]
    assert page.undigitised() == []  # only the lines ticked received are asked for
    page.checklist_model.receive_all_mandatory()
    assert page.undigitised() == [FORM]

    with qtbot.waitSignal(page.file_registered, timeout=WAIT_MS) as registered:
        page.save()
        assert f"• {FORM}" in _answer(qtbot, intake, "&Vẫn lưu và in biên nhận")
    [reused] = services.attachments.for_file(registered.args[0])
    assert reused.reused and reused.reused_from == old.id and reused.sha256 == old.sha256
    assert reused.checklist_code == "giay_chung_sinh"


def test_a_failed_save_keeps_the_digitized_papers_and_stores_nothing(
    qtbot: QtBot, intake: Intake, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(qtbot, intake)
    _digitize_with_import(qtbot, intake, tmp_path)
    page = intake.page
    real = intake.services.files.register

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise StorageUnavailable("disk full", reason="disk_full")

    monkeypatch.setattr(intake.services.files, "register", full_disk)
    page.save()
    qtbot.waitUntil(
        lambda: page.save_button.isEnabled() and bool(page.general_message.text()), timeout=WAIT_MS
    )
    assert len(page.documents.additions()) == 2  # kept for another try
    report = intake.services.attachments.verify()
    assert report.intact and report.objects == 0 and not report.orphans  # the objects were taken back

    monkeypatch.setattr(intake.services.files, "register", real)
    with qtbot.waitSignal(page.file_registered, timeout=WAIT_MS) as registered:
        page.save()
    assert len(intake.services.attachments.for_file(registered.args[0])) == 2

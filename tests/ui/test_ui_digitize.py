"""Digitizing a file's papers from its page: the fake scanner's feeder, imported files (a bad one named and
skipped), the quality gate with its override, and the file page's list of documents (view, remove)."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS, MessageBoxes

import ui.digitize_dialog as digitize_dialog
from records.attachments import AttachmentSource, NewAttachment
from records.files import RegistrationRequest
from ui.digitize_dialog import DigitizeDialog
from ui.file_attachments_panel import FileAttachmentsPanel
from ui.session import UiSession

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from integration.documents import image_bytes, pdf_bytes

CHECKLIST = [(None, "Tờ khai đăng ký khai sinh"), ("GCS", "Giấy chứng sinh")]


@pytest.fixture(autouse=True)
def _bugs_fail_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash dialog would wait for a click forever: here a bug fails the test at once."""

    def crash(_parent: object, details: str) -> None:
        raise AssertionError(f"crash dialog: {details}")

    monkeypatch.setattr("ui.errors.show_crash", crash)


@pytest.fixture
def clerk(
    fresh_store: Any, make_session: Callable[..., UiSession], monkeypatch: pytest.MonkeyPatch
) -> UiSession:
    monkeypatch.setenv("MOTCUA_FAKE_SCANNER", "sheets=3")
    monkeypatch.setattr(digitize_dialog, "_backends", None)  # the fake is made anew for each test
    return make_session(fresh_store, "clerk")


def _register(services: Any) -> str:
    request = RegistrationRequest.from_json(
        {
            "procedure": "1.001193",
            "applicant": {"personal_id": "001099012345", "full_name": "Nguyễn Văn Bình"},
            "documents": [name for _, name in CHECKLIST],
        }
    )
    return str(services.files.register(request, services.users.system(1)).code)


def _dialog(qtbot: QtBot, session: UiSession) -> tuple[DigitizeDialog, str]:
    code = _register(session.services)
    dialog = DigitizeDialog(session, code, CHECKLIST)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.device_combo.currentData() is not None, timeout=WAIT_MS)
    return dialog, code


def _answer_gate(qtbot: QtBot, dialog: DigitizeDialog, keep: bool) -> list[str]:
    qtbot.waitUntil(lambda: dialog.override_box is not None, timeout=WAIT_MS)
    box = dialog.override_box
    assert box is not None
    text = box.informativeText()
    wanted = "Vẫn &lưu" if keep else "&Sửa lại"
    [button] = [b for b in box.buttons() if b.text() == wanted]
    button.click()
    return text.splitlines()


def test_the_feeder_is_scanned_to_the_end_and_the_document_attached(qtbot: QtBot, clerk: UiSession) -> None:
    dialog, code = _dialog(qtbot, clerk)
    dialog.device_combo.setCurrentIndex(dialog.device_combo.findData("fake:feeder"))
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findText("Khay nạp giấy"))
    with qtbot.waitSignal(dialog.scanned, timeout=WAIT_MS) as scanned:
        dialog.scan()
    assert scanned.args == [3]  # the feeder held three sheets: the loop stopped when it was empty
    assert "Đã quét 3 trang." in dialog.status.text()
    assert len(dialog.editor.pages()) == 3
    dialog.editor.document_row(0).combo.setCurrentIndex(2)  # "Giấy chứng sinh"
    stored: list[Any] = []
    dialog.attached.connect(stored.append)
    dialog.save()
    qtbot.waitUntil(lambda: bool(stored) or dialog.override_box is not None, timeout=WAIT_MS)
    if dialog.override_box is not None:  # the fake's pages may draw a warning: the clerk overrides it
        _answer_gate(qtbot, dialog, keep=True)
        qtbot.waitUntil(lambda: bool(stored), timeout=WAIT_MS)
    [view] = stored[0]
    assert view.pages == 3 and view.name == "Giấy chứng sinh" and view.checklist_code == "GCS"
    assert view.source is AttachmentSource.SCAN and view.dpi == 200 and view.colour_mode == "gray"
    assert [v.id for v in clerk.services.attachments.for_file(code)] == [view.id]


def test_imported_files_join_the_pages_and_a_bad_one_is_named(
    qtbot: QtBot, clerk: UiSession, tmp_path: Path, boxes: MessageBoxes
) -> None:
    dialog, _code = _dialog(qtbot, clerk)
    good = tmp_path / "trang.png"
    good.write_bytes(image_bytes("PNG", 200))
    kept = tmp_path / "ban-sao.pdf"
    kept.write_bytes(pdf_bytes(2))
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(image_bytes("JPEG", 200)[:300])
    dialog.import_files([good, kept, broken])
    qtbot.waitUntil(lambda: len(dialog.editor.pages()) == 1 and bool(boxes.shown), timeout=WAIT_MS)
    assert "hong.jpg" in boxes.shown[0][1] and "hỏng" in boxes.shown[0][1]
    assert [k.file_name for k in dialog.kept] == ["ban-sao.pdf"]
    assert "1 trang ảnh và 1 tệp PDF" in dialog.status.text()


def test_the_quality_gate_warns_and_fixing_stores_nothing(
    qtbot: QtBot, clerk: UiSession, tmp_path: Path
) -> None:
    dialog, code = _dialog(qtbot, clerk)
    blank = tmp_path / "trang-trang.png"
    out = io.BytesIO()
    Image.new("L", (827, 1169), 255).save(out, "PNG", dpi=(100, 100))  # blank, and only 100 dpi
    blank.write_bytes(out.getvalue())
    with qtbot.waitSignal(dialog.warnings_shown, timeout=WAIT_MS, check_params_cb=lambda w: len(w) > 0):
        dialog.import_files([blank])
    texts = [dialog.warning_list.item(i).text() for i in range(dialog.warning_list.count())]
    assert any("trang trắng" in t for t in texts)
    assert any("độ phân giải thấp (100 dpi" in t for t in texts)
    assert any("Giấy chứng sinh: chưa có trang nào" in t for t in texts)  # a checklist item with no pages
    dialog.save()
    lines = _answer_gate(qtbot, dialog, keep=False)
    assert any("trang trắng" in line for line in lines)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT_MS)
    assert clerk.services.attachments.for_file(code) == []
    assert "Chưa lưu" in dialog.status.text()


def test_the_file_page_lists_opens_and_removes_documents(qtbot: QtBot, clerk: UiSession) -> None:
    code = _register(clerk.services)
    actor = clerk.services.users.system(1)
    clerk.services.attachments.attach(
        code,
        [
            NewAttachment(
                "Giấy chứng sinh", pdf_bytes(2), AttachmentSource.SCAN, warnings=("skewed p1 (4.2)",)
            )
        ],
        actor,
    )
    panel = FileAttachmentsPanel(clerk, code)
    qtbot.addWidget(panel)
    panel.show()
    previews: list[bool] = []
    panel.preview_shown.connect(previews.append)
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.reload()
    qtbot.waitUntil(lambda: bool(previews), timeout=WAIT_MS)
    assert previews == [True] and panel.preview.pixmap().width() > 0  # the first page, beside the list
    model = panel.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, model.COL_NAME)) == "Giấy chứng sinh"
    assert model.data(model.index(0, model.COL_PAGES)) == "2"
    assert model.data(model.index(0, model.COL_SOURCE)) == "Quét"
    assert "skewed" in model.data(model.index(0, model.COL_NAME), 3)  # the overridden warning, in the tip
    assert panel.title() == "Tài liệu số hóa (1)"
    with qtbot.waitSignal(panel.viewer_opened, timeout=WAIT_MS) as opened:
        panel.view_selected()
    viewer = opened.args[0]
    qtbot.waitUntil(lambda: viewer.page_count == 2, timeout=WAIT_MS)
    viewer.close()
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.remove(model.attachment(0).id, "nhầm hồ sơ")  # type: ignore[union-attr]
    assert model.rowCount() == 0 and panel.empty_label.isVisibleTo(panel)
    assert len(clerk.services.attachments.for_file(code, include_removed=True)) == 1

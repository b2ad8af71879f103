"""The printed forms, read back as a citizen, a clerk and a scanner would: every field's text with exact
diacritics, the embedded fonts, and the receipt's QR code and barcode decoded from rasterised pages."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from integration.helpers import ID_HOA, Counter, registration, vn
from integration.pdfs import all_text, base_fonts, decode, page_count, page_texts, rasterise
from printing.printouts import Printouts
from printing.render import render
from records import audit
from records.errors import FormNotApplicable, StorageUnavailable
from records.files import FileDetail, RegistrationRequest
from records.forms import FormKind
from records.receipt_codes import parse
from records.workflow import Status

UNIT = "Trung tâm Phục vụ hành chính công xã Bình Minh"
PARENT = "Ủy ban nhân dân xã Bình Minh"


@pytest.fixture
def office(counter: Counter) -> Counter:
    """The test store with a realistic agency (names with every kind of diacritic)."""
    counter.services.settings.initialise(
        agency_code="000.17.22.H56", agency_name=UNIT, parent_name=PARENT, place="Bình Minh"
    )
    return counter


def _register_full(office: Counter) -> FileDetail:
    """A certified-copy file submitted by one person for another, three documents, fees."""
    data = registration(
        procedure="2.000815",
        personal_id=ID_HOA,
        full_name="Nguyễn Thị Hồng Nhung",
        received_at="2026-11-24T09:15:00",
        owner={
            "personal_id": "001099012345",
            "full_name": "Trần Văn Đức",
            "address": "Số 12, thôn Đông, xã Bình Minh, tỉnh Khánh Hòa",
        },
        documents=[
            {"name": "Giấy khai sinh (bản chính cần chứng thực)", "original": 1},
            {"name": "Bản sao cần chứng thực", "photocopy": 2},
            {"name": "Căn cước của người yêu cầu", "original": 1, "certified_copy": 1},
        ],
        copies=2,
        pages=3,
    )
    data["applicant"].update(
        {
            "address": "Tổ 5, phường Lộc Thọ, tỉnh Khánh Hòa",
            "phone": "0912345678",
            "email": "nhung@example.vn",
        }
    )
    return office.services.files.register(RegistrationRequest.from_json(data), office.clerk)


def _pdf(document: object) -> bytes:
    return render(document)  # type: ignore[arg-type]


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_receipt_prints_every_field_with_exact_diacritics(office: Counter, paper: str) -> None:
    detail = _register_full(office)
    pdf = _pdf(Printouts(office.services).receipt(detail.code, paper))
    assert page_count(pdf) == 1
    text = all_text(pdf)
    for expected in [
        "Mẫu số 01",
        PARENT.upper(),
        UNIT.upper(),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Bình Minh, ngày 24 tháng 11 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {detail.code}",
        f"{UNIT} tiếp nhận hồ sơ của: Ông/Bà Nguyễn Thị Hồng Nhung",
        f"Số định danh cá nhân: {ID_HOA}",
        "Điện thoại: 0912345678",
        "Email: nhung@example.vn",
        "Địa chỉ: Tổ 5, phường Lộc Thọ, tỉnh Khánh Hòa",
        "Chủ hồ sơ (người được nộp thay): Ông/Bà Trần Văn Đức",
        "Số định danh cá nhân: 001099012345",
        "Địa chỉ: Số 12, thôn Đông, xã Bình Minh, tỉnh Khánh Hòa",
        "Hình thức nộp hồ sơ: Trực tiếp",
        f"Nội dung yêu cầu giải quyết: {detail.summary.procedure_name} (mã thủ tục 2.000815)",
        "1. Thành phần hồ sơ nộp gồm:",
        "Bản chính",
        "Bản chụp",
        "1 Giấy khai sinh (bản chính cần chứng thực) 01 - -",
        "2 Bản sao cần chứng thực - - 02",
        "3 Căn cước của người yêu cầu 01 01 -",
        "2. Số lượng hồ sơ: 01 (bộ)",
        "3. Thời gian giải quyết hồ sơ theo quy định là: trong ngày làm việc (tiếp nhận trước 15 giờ 00)",
        "4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 24 tháng 11 năm 2026",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 24 tháng 11 năm 2026",
        "6. Đăng ký nhận kết quả: Tại Bộ phận tiếp nhận và trả kết quả",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 1/2026, Số thứ tự: 1",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        "Trần Thị Lan",  # the clerk who received it
    ]:
        assert expected in text, expected
    fee = detail.fees[0]
    assert fee.amount
    amount = f"{fee.amount:,}".replace(",", ".")
    assert f"7. Phí, lệ phí: {fee.name}: {amount} đồng" in text


def test_receipt_in_two_copies_labels_each(office: Counter) -> None:
    detail = office.register(received_at="2026-11-24T10:00:00")
    pdf = _pdf(Printouts(office.services).receipt(detail.code, "a4", copies=2))
    pages = page_texts(pdf)
    assert len(pages) == 2
    assert "Liên 1: Giao người nộp hồ sơ" in pages[0]
    assert "Liên 2: Lưu tại Bộ phận tiếp nhận và trả kết quả" in pages[1]
    assert all(detail.code in page for page in pages)


def test_roll_slip_is_one_long_page_80mm_wide(office: Counter) -> None:
    detail = office.register(received_at="2026-11-24T10:00:00")
    document = Printouts(office.services).receipt(detail.code, "80mm")
    assert len(document.pages) == 1
    assert document.paper.width == 80
    text = all_text(_pdf(document))
    assert detail.code in text
    assert "Hẹn trả: 17 giờ 00 phút, ngày 27 tháng 11 năm 2026" in text


def test_two_roll_slips_are_two_pages_each_as_long_as_its_content(office: Counter) -> None:
    detail = office.register(received_at="2026-11-24T10:00:00")
    document = Printouts(office.services).receipt(detail.code, "80mm", copies=2)
    first, second = document.pages
    assert first.height == second.height > 100
    pages = page_texts(_pdf(document))
    assert "Liên 1" in pages[0] and "Liên 2" in pages[1]


def test_every_font_is_the_embedded_serif(office: Counter) -> None:
    detail = _register_full(office)
    printouts = Printouts(office.services)
    for document in (printouts.receipt(detail.code, paper) for paper in ("a4", "a5", "80mm")):
        fonts = base_fonts(_pdf(document))
        assert fonts, "no font referenced"
        assert all("+LiberationSerif" in name for name in fonts), fonts
        assert not any(core in name for name in fonts for core in ("Helvetica", "Courier", "Times-Roman"))


@pytest.mark.parametrize("paper", ["a4", "a5", "80mm"])
def test_receipt_qr_decodes_at_72_dpi_and_verifies(office: Counter, paper: str) -> None:
    detail = _register_full(office)
    pdf = _pdf(Printouts(office.services).receipt(detail.code, paper))
    symbols = decode(rasterise(pdf, 72))
    assert "QRCode" in symbols, symbols
    check = office.services.receipts.verify(symbols["QRCode"], id_number="001099012345")
    assert check.valid
    assert check.claim.file_code == detail.code
    assert check.file_exists
    assert check.id_matches  # the hash is of the owner's ID, and the ID itself is not in the QR
    assert "001099012345" not in symbols["QRCode"] and ID_HOA not in symbols["QRCode"]


@pytest.mark.parametrize("paper", ["a4", "a5", "80mm"])
def test_barcode_scans_from_a_150_dpi_print(office: Counter, paper: str) -> None:
    detail = office.register(received_at="2026-11-24T10:00:00")
    image = rasterise(_pdf(Printouts(office.services).receipt(detail.code, paper)), 150)
    printed = image.point(lambda value: 255 if value > 128 else 0)  # a printer has no grey
    assert decode(printed).get("Code128") == detail.code


def test_one_changed_character_of_the_printed_qr_is_rejected(office: Counter) -> None:
    detail = office.register(received_at="2026-11-24T10:00:00")
    text = decode(rasterise(_pdf(Printouts(office.services).receipt(detail.code)), 150))["QRCode"]
    position = len(text) - 40  # inside the signature
    changed = text[:position] + ("1" if text[position] != "1" else "2") + text[position + 1 :]
    assert not office.services.receipts.verify(changed).valid


def test_receipt_refused_for_a_file_never_accepted(office: Counter) -> None:
    refused = office.register(
        received_at="2026-11-24T10:00:00", status="refused", note="Không thuộc thẩm quyền"
    )
    incomplete = office.register(received_at="2026-11-24T10:05:00", status="supplement_requested")
    for code in (refused.code, incomplete.code):
        with pytest.raises(FormNotApplicable):
            Printouts(office.services).receipt(code)


def _states(office: Counter) -> dict[str, FileDetail]:
    files = office.services.files
    clerk = office.clerk
    supplement = office.register(received_at="2026-11-16T09:00:00")
    files.set_status(supplement.code, Status.IN_PROGRESS, clerk, at=vn("2026-11-16T10:00:00"))
    files.set_status(
        supplement.code,
        Status.SUPPLEMENT_REQUESTED,
        clerk,
        note="Thiếu bản sao Giấy khai sinh có chứng thực",
        at=vn("2026-11-17T10:00:00"),
    )
    refused = office.register(
        received_at="2026-11-16T09:30:00", status="refused", note="Hồ sơ không thuộc thẩm quyền của xã"
    )
    extended = office.register(received_at="2026-11-16T09:40:00")
    files.set_status(extended.code, Status.IN_PROGRESS, clerk, at=vn("2026-11-16T10:00:00"))
    files.extend(extended.code, clerk, "Cần xác minh tại nơi cư trú trước đây", working_days=3)
    withdrawn = office.register(received_at="2026-11-16T09:50:00")
    files.set_status(
        withdrawn.code, Status.WITHDRAWN, clerk, note="Công dân rút hồ sơ", at=vn("2026-11-17T08:00:00")
    )
    returned = office.register(received_at="2026-11-10T09:50:00")
    files.set_status(returned.code, Status.IN_PROGRESS, clerk, at=vn("2026-11-10T10:00:00"))
    files.set_status(returned.code, Status.RESULT_READY, clerk, at=vn("2026-11-12T16:00:00"))
    files.set_status(returned.code, Status.RETURNED, clerk, at=vn("2026-11-16T09:00:00"))
    codes = {
        "supplement": supplement.code,
        "refusal": refused.code,
        "apology": extended.code,
        "stop": withdrawn.code,
        "returned": returned.code,
    }
    return {name: files.show(code) for name, code in codes.items()}


def test_each_notice_prints_its_facts(office: Counter) -> None:
    states = _states(office)
    printouts = Printouts(office.services)
    supplement = all_text(_pdf(printouts.form(FormKind.SUPPLEMENT, states["supplement"].code)))
    assert "Mẫu số 02" in supplement and "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in supplement
    assert "Lý do: Thiếu bản sao Giấy khai sinh có chứng thực" in supplement
    assert states["supplement"].code in supplement and "Nguyễn Văn Đức" in supplement
    assert "NGƯỜI HƯỚNG DẪN" in supplement and "Trần Thị Lan" in supplement

    refusal = all_text(_pdf(printouts.form(FormKind.REFUSAL, states["refusal"].code)))
    assert "Mẫu số 03" in refusal and "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in refusal
    assert "Hồ sơ không thuộc thẩm quyền của xã" in refusal

    apology = all_text(_pdf(printouts.form(FormKind.APOLOGY, states["apology"].code)))
    extension = states["apology"].events[-1]
    assert extension.kind == "extended" and extension.due_before and extension.due_after
    assert "Mẫu số 04" in apology and "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in apology
    assert "Kính gửi: Ông/Bà Nguyễn Văn Đức." in apology
    assert "Cần xác minh tại nơi cư trú trước đây" in apology
    assert "17 giờ 00 phút, ngày 19 tháng 11 năm 2026" in apology  # the receipt's appointment
    due_after = extension.due_after.astimezone(vn("2026-01-01T00:00:00").tzinfo)
    assert f"ngày {due_after.day:02d} tháng {due_after.month:02d} năm {due_after.year}" in apology

    stop = all_text(_pdf(printouts.form(FormKind.STOP, states["stop"].code)))
    assert "Mẫu số 05" in stop and "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in stop
    assert "08 giờ 00 phút, ngày 17 tháng 11 năm 2026" in stop and "Công dân rút hồ sơ" in stop


def test_control_sheet_marks_each_hand_over(office: Counter) -> None:
    states = _states(office)
    text = all_text(_pdf(Printouts(office.services).form(FormKind.CONTROL, states["returned"].code)))
    assert "Mẫu số 06" in text and "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert "1. Giao: Bộ phận tiếp nhận và trả kết quả 2. Nhận: Bộ phận chuyên môn giải quyết hồ sơ" in text
    assert "10 giờ 00 phút, ngày 10 tháng 11 năm 2026" in text
    assert "Trước hạn" in text  # the result was ready on 12/11, due 13/11
    # Only the column heading says "Quá hạn": the citizen collecting late does not make the agency late.
    assert text.count("Quá hạn") == 1
    assert "Trả kết quả" in text


def test_a_form_that_does_not_fit_the_file_is_refused(office: Counter) -> None:
    states = _states(office)
    printouts = Printouts(office.services)
    returned = states["returned"].code
    for kind in (FormKind.REFUSAL, FormKind.SUPPLEMENT, FormKind.APOLOGY, FormKind.STOP):
        with pytest.raises(FormNotApplicable, match=returned):
            printouts.form(kind, returned)
    with pytest.raises(FormNotApplicable):
        printouts.form(FormKind.CONTROL, states["refusal"].code)


def test_the_2018_form_set_numbers_differently_and_has_no_stop_notice(office: Counter) -> None:
    states = _states(office)
    office.services.settings.use_form_set(office.admin, "tt01-2018")
    printouts = Printouts(office.services)
    control = all_text(_pdf(printouts.form(FormKind.CONTROL, states["returned"].code)))
    assert "Mẫu số 05" in control
    apology = all_text(_pdf(printouts.form(FormKind.APOLOGY, states["apology"].code)))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in apology
    with pytest.raises(FormNotApplicable, match="no stop form"):
        printouts.form(FormKind.STOP, states["stop"].code)


def test_save_writes_the_pdf_and_audits_it(office: Counter, tmp_path: Path) -> None:
    detail = office.register(received_at="2026-11-24T10:00:00")
    printouts = Printouts(office.services)
    folder = tmp_path / "out"
    folder.mkdir()
    target = printouts.save(
        printouts.receipt(detail.code), folder / "giấy hẹn.pdf", office.clerk, "receipt", detail.code
    )
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF") and detail.code in all_text(pdf)
    assert [p.name for p in folder.iterdir()] == ["giấy hẹn.pdf"]  # no temporary file left over
    parse(decode(rasterise(pdf, 150))["QRCode"])  # what was written is a real receipt code
    with office.services.db.reading() as uow:
        entry = audit.recent(uow.session, 1, entity_id=detail.code)[0]
    assert (entry.action, entry.username, entry.details["form"]) == ("form.printed", "lan", "receipt")


def test_an_unwritable_target_leaves_nothing(
    office: Counter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    detail = office.register(received_at="2026-11-24T10:00:00")
    printouts = Printouts(office.services)
    document = printouts.receipt(detail.code)
    with pytest.raises(StorageUnavailable, match="does not exist"):
        printouts.save(document, tmp_path / "missing" / "r.pdf", office.clerk, "receipt", detail.code)
    with pytest.raises(StorageUnavailable, match="is a folder"):
        printouts.save(document, tmp_path, office.clerk, "receipt", detail.code)
    full = tmp_path / "full"
    full.mkdir()

    def disk_full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", disk_full)
        with pytest.raises(StorageUnavailable, match="No space left on device"):
            printouts.save(document, full / "r.pdf", office.clerk, "receipt", detail.code)
    assert list(full.iterdir()) == []  # the partial temporary file was removed
    with office.services.db.reading() as uow:
        assert not [
            e for e in audit.recent(uow.session, 10, entity_id=detail.code) if e.action == "form.printed"
        ]


def test_a_lookup_link_in_the_qr_still_verifies(office: Counter) -> None:
    template = "https://dichvucong.binhminh.example.gov.vn/tra-cuu?ma={code}&xacthuc={payload}"
    office.services.receipts.set_lookup_url(office.admin, template)
    detail = office.register(received_at="2026-11-24T10:00:00")
    pdf = _pdf(Printouts(office.services).receipt(detail.code))
    text = decode(rasterise(pdf, 100))["QRCode"]
    assert text.startswith(
        f"https://dichvucong.binhminh.example.gov.vn/tra-cuu?ma={detail.code}&xacthuc=MC1*"
    )
    assert office.services.receipts.verify(text).valid

"""The register's cells as a supervisor reads them: the note column's wording for each way a file can go,
the contact and date cells, the count, and the form number each form set prints."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date, datetime

import pypdfium2 as pdfium
import pytest

from printing.layout import Text
from printing.register import (
    contact_text,
    count_text,
    layout_register,
    note_text,
    register_data,
    register_rows,
)
from printing.render import render
from records.clock import VIETNAM_TZ
from records.file_codes import FileCodeScheme
from records.files import RegisterEntry
from records.forms import load_form_set
from records.services.settings import AgencyConfig
from records.workflow import Status

AGENCY = AgencyConfig("H55.242", "UBND xã Tân Phú", "UBND tỉnh Đồng Nai", "Tân Phú", 1, FileCodeScheme())


def _first_page_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        page.close()
    finally:
        document.close()
    return unicodedata.normalize("NFC", text)


def vn(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=VIETNAM_TZ)


AT = vn("2026-11-20T08:00:00")  # when the register is printed
ENTRY = RegisterEntry(
    register_year=2026,
    register_book=1,
    register_entry=17,
    code="H55.242-261116-0003",
    status=Status.IN_PROGRESS,
    procedure_code="1.004873",
    procedure_name="Cấp Giấy xác nhận tình trạng hôn nhân",
    sets=1,
    owner_name="Nguyễn Thị Ngọc Hoa",
    owner_address="Thôn Phú Mỹ, xã Tân Phú",
    owner_phone="0912345678",
    received_at=vn("2026-11-16T09:05:00"),
    appointment=vn("2026-11-19T17:00:00"),
    due_at=vn("2026-11-24T17:00:00"),
    returned_at=None,
    finished_at=None,
    extension_count=0,
    clerk_name="Trần Thị Lan",
    note=None,
)


def entry(**changes: object) -> RegisterEntry:
    return dataclasses.replace(ENTRY, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, ""),  # being processed, not yet due
        (
            {"status": Status.REFUSED, "due_at": None, "finished_at": vn("2026-11-16T09:10:00")},
            "Từ chối tiếp nhận",
        ),
        ({"status": Status.WITHDRAWN, "finished_at": vn("2026-11-17T08:00:00")}, "Đã rút hồ sơ"),
        ({"status": Status.STOPPED, "finished_at": vn("2026-11-17T08:00:00")}, "Dừng giải quyết"),
        ({"status": Status.SUPPLEMENT_REQUESTED, "due_at": None}, "Yêu cầu bổ sung hồ sơ"),
        ({"extension_count": 1}, "Gia hạn 1 lần"),
        ({"due_at": vn("2026-11-19T17:00:00")}, "Quá hạn"),  # still open past its due date
        (
            {
                "status": Status.RETURNED,
                "due_at": vn("2026-11-19T17:00:00"),
                "finished_at": vn("2026-11-19T16:00:00"),
                "returned_at": vn("2026-11-20T07:30:00"),  # collected late: the agency was on time
            },
            "",
        ),
        (
            {
                "status": Status.RETURNED,
                "due_at": vn("2026-11-19T17:00:00"),
                "finished_at": vn("2026-11-19T17:30:00"),
                "returned_at": vn("2026-11-19T17:40:00"),
            },
            "Quá hạn",
        ),
        (
            {"extension_count": 1, "due_at": vn("2026-11-19T17:00:00"), "note": "Nộp thay cho con"},
            "Gia hạn 1 lần; Quá hạn; Nộp thay cho con",
        ),
        ({"note": "Nộp thay cho con"}, "Nộp thay cho con"),
    ],
)
def test_the_note_column_says_how_the_file_went(changes: dict[str, object], expected: str) -> None:
    assert note_text(entry(**changes), AT) == expected


def test_an_open_file_becomes_overdue_only_after_its_due_moment() -> None:
    due = vn("2026-11-20T17:00:00")
    assert note_text(entry(due_at=due), vn("2026-11-20T16:59:00")) == ""
    assert note_text(entry(due_at=due), vn("2026-11-20T17:01:00")) == "Quá hạn"


def test_the_cells_of_a_line_follow_the_form_sets_columns() -> None:
    data = register_data(
        [ENTRY], AGENCY, load_form_set("tt03-2025"), date(2026, 11, 1), date(2026, 11, 30), AT
    )
    (row,) = register_rows(data)
    assert row == [
        "17",
        "H55.242-261116-0003",
        "Cấp Giấy xác nhận tình trạng hôn nhân",
        "01",
        "Nguyễn Thị Ngọc Hoa",
        "Thôn Phú Mỹ, xã Tân Phú; 0912345678",
        "09:05 16/11/2026",
        "17:00 19/11/2026",  # the receipt's appointment, not the extended due date
        "",
        "Trần Thị Lan",
        "",
    ]
    assert data.books == ("1/2026",) and data.period == "Từ ngày 01/11/2026 đến ngày 30/11/2026"
    assert contact_text(entry(owner_address=None)) == "0912345678"
    assert contact_text(entry(owner_address=None, owner_phone=None)) == ""


def test_books_and_count() -> None:
    lines = [
        entry(register_year=2027, register_book=1),
        entry(register_book=2),
        ENTRY,
        entry(register_entry=18),
    ]
    data = register_data(lines, AGENCY, load_form_set(None), date(2026, 12, 1), date(2027, 1, 31), AT)
    assert data.books == ("1/2026", "2/2026", "1/2027")
    assert count_text(1234) == "Tổng số: 1.234 hồ sơ" and count_text(0) == "Tổng số: 0 hồ sơ"


@pytest.mark.parametrize(("form_set", "label"), [("tt03-2025", "Mẫu số 07"), ("tt01-2018", "Mẫu số 06")])
def test_each_form_set_prints_its_own_form_number(form_set: str, label: str) -> None:
    data = register_data([ENTRY], AGENCY, load_form_set(form_set), date(2026, 11, 1), date(2026, 11, 30), AT)
    text = _first_page_text(render(layout_register(data)))
    assert label in text and "SỔ THEO DÕI HỒ SƠ" in text
    assert ({"Mẫu số 06", "Mẫu số 07"} - {label}).pop() not in text


def test_a_long_file_code_breaks_after_a_hyphen_not_inside_a_number() -> None:
    long_code = entry(code="000.17.22.H56-261116-0003")
    data = register_data(
        [long_code, ENTRY], AGENCY, load_form_set(None), date(2026, 11, 1), date(2026, 11, 30), AT
    )
    texts = [item.text for item in layout_register(data).pages[0].items if isinstance(item, Text)]
    assert "000.17.22.H56-" in texts and "261116-0003" in texts  # the agency's code, then the day's number
    assert "H55.242-261116-0003" in texts  # a code that fits stays on one line

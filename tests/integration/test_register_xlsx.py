"""The register exported as an Excel workbook: the same lines as the printed register (codes, names,
dates as real local dates), the title rows, the frozen header and its filter, the totals line, and a
written file that is whole or absent."""

from __future__ import annotations

import errno
import io
import os
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from integration.helpers import AGENCY_CODE, AGENCY_NAME, ID_DANG, ID_DAT, ID_DUC, ID_HOA, Counter, vn
from printing import render
from printing.printouts import Printouts
from printing.register import count_text, note_text
from printing.register_xlsx import HEADER_ROW
from records import audit
from records.clock import local
from records.errors import StorageUnavailable
from records.files import RegisterEntry
from records.forms import load_form_set
from records.workflow import Status

FROM, TO = date(2026, 3, 2), date(2026, 3, 6)
NOW = vn("2026-03-20T08:00:00")


@pytest.fixture
def week(counter: Counter, freeze_now: Callable[[datetime], None]) -> Counter:
    """Files in and around the week of 2–6 March 2026, in every way the register notes them."""
    freeze_now(NOW)
    files, clerk = counter.services.files, counter.clerk
    counter.register(personal_id=ID_DUC, full_name="Nguyễn Văn Đức", received_at="2026-02-27T16:00:00")
    counter.register(
        personal_id=ID_DUC,
        full_name="Nguyễn Văn Đức",
        received_at="2026-03-02T09:00:00",
        applicant={
            "personal_id": ID_DUC,
            "full_name": "Nguyễn Văn Đức",
            "address": "Thôn Phú Mỹ, xã Tân Phú",
            "phone": "0912345678",
        },
        note="Nộp thay cho con",
    )
    counter.register(
        counter.system,
        received_at="2026-03-02T10:00:00",
        # Typed at the counter: text that a spreadsheet would run as a formula must stay text.
        applicant={"personal_id": ID_DAT, "full_name": "Phạm Quốc Đạt", "address": '=HYPERLINK("x.invalid")'},
    )
    refused = counter.register(
        personal_id=ID_HOA, full_name="Trần Thị Hoa", received_at="2026-03-03T08:00:00", status="refused"
    )
    assert refused.status is Status.REFUSED
    returned = counter.register(
        procedure="1.001193", personal_id=ID_DANG, full_name="Lê Đăng Khoa", received_at="2026-03-04T08:30:00"
    )
    files.set_status(returned.code, Status.RESULT_READY, clerk, at=vn("2026-03-05T16:00:00"))  # late
    files.set_status(returned.code, Status.RETURNED, clerk, at=vn("2026-03-06T09:15:00"))
    extended = counter.register(
        personal_id=ID_HOA, full_name="Trần Thị Hoa", received_at="2026-03-05T14:00:00"
    )
    files.extend(extended.code, clerk, "Cần xác minh thêm", working_days=2)
    counter.register(personal_id=ID_DAT, full_name="Phạm Quốc Đạt", received_at="2026-03-07T00:10:00")
    return counter


def _sheet(data: bytes) -> Worksheet:
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Sổ theo dõi hồ sơ"]
    sheet: Worksheet = book.active
    return sheet


def _naive(moment: datetime | None) -> datetime | None:
    return local(moment).replace(tzinfo=None) if moment is not None else None


def _lines(sheet: Worksheet, count: int) -> list[dict[str, Any]]:
    keys = [c.key for c in load_form_set(None).register_columns]
    rows = sheet.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + count, values_only=True)
    return [dict(zip(keys, row, strict=True)) for row in rows]


def test_the_workbook_has_the_registers_lines(week: Counter) -> None:
    services = week.services
    entries: list[RegisterEntry] = services.files.register_entries(FROM, TO)
    assert len(entries) == 5
    sheet = _sheet(Printouts(services).register_xlsx(FROM, TO))

    columns = load_form_set(None).register_columns
    header = [cell.value for cell in sheet[HEADER_ROW]]
    assert header == [c.heading for c in columns]
    lines = _lines(sheet, len(entries))
    for line, entry in zip(lines, entries, strict=True):
        assert line["entry"] == entry.register_entry
        assert line["code"] == entry.code
        assert line["procedure"] == entry.procedure_name
        assert line["sets"] == entry.sets
        assert line["owner"] == entry.owner_name
        assert line["received"] == _naive(entry.received_at)
        assert line["appointment"] == _naive(entry.appointment)
        assert line["returned"] == _naive(entry.returned_at)
        assert line["clerk"] == (entry.clerk_name or None)  # an empty cell for the system account
        assert line["note"] == (note_text(entry, NOW) or None)
    by_code = {line["code"]: line for line in lines}
    late = next(e for e in entries if e.returned_at is not None)
    assert by_code[late.code]["returned"] == datetime(2026, 3, 6, 9, 15)  # local time, as Excel shows it
    assert "Quá hạn" in by_code[late.code]["note"]
    assert next(line for line in lines if line["owner"] == "Phạm Quốc Đạt")["clerk"] is None


def test_dates_are_real_dates_and_a_note_is_never_a_formula(week: Counter) -> None:
    sheet = _sheet(Printouts(week.services).register_xlsx(FROM, TO))
    first = HEADER_ROW + 1
    keys = [c.key for c in load_form_set(None).register_columns]
    received = sheet.cell(row=first, column=keys.index("received") + 1)
    assert received.is_date and received.number_format == "hh:mm dd/mm/yyyy"
    assert isinstance(received.value, datetime) and received.value.tzinfo is None
    contacts = [sheet.cell(row=first + n, column=keys.index("contact") + 1) for n in range(5)]
    (typed,) = [c for c in contacts if str(c.value).startswith("=")]
    assert typed.value == '=HYPERLINK("x.invalid")' and typed.data_type == "s"


def test_title_rows_frozen_header_filter_and_totals(week: Counter) -> None:
    entries = week.services.files.register_entries(FROM, TO)
    sheet = _sheet(Printouts(week.services).register_xlsx(FROM, TO))
    titles = [sheet.cell(row=r, column=1).value for r in (1, 2, 3)]
    assert AGENCY_NAME in titles[0] and AGENCY_CODE in titles[0]
    assert "SỔ THEO DÕI HỒ SƠ" in titles[1].upper()
    assert "Từ ngày 02/03/2026 đến ngày 06/03/2026" in titles[2]
    last = HEADER_ROW + len(entries)
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:K{last}"
    assert sheet.cell(row=last + 1, column=1).value == count_text(len(entries))
    keys = [c.key for c in load_form_set(None).register_columns]
    assert sheet.cell(row=last + 1, column=keys.index("sets") + 1).value == sum(e.sets for e in entries)
    widths = {k: sheet.column_dimensions[chr(ord("A") + i)].width for i, k in enumerate(keys)}
    assert widths["code"] >= len(entries[0].code) and widths["procedure"] > widths["entry"]


def test_all_text_is_nfc(week: Counter) -> None:
    sheet = _sheet(Printouts(week.services).register_xlsx(FROM, TO))
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert texts and all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_an_empty_range(week: Counter) -> None:
    sheet = _sheet(Printouts(week.services).register_xlsx(date(2026, 1, 5), date(2026, 1, 9)))
    assert sheet.cell(row=HEADER_ROW + 1, column=1).value == "Không có hồ sơ nào trong khoảng thời gian này."
    assert sheet.cell(row=HEADER_ROW + 2, column=1).value == count_text(0)


def test_save_writes_the_workbook_and_audits_the_export(week: Counter, tmp_path: Path) -> None:
    printouts = Printouts(week.services)
    data = printouts.register_xlsx(FROM, TO)
    target = tmp_path / "so-theo-doi.xlsx"
    assert printouts.save_xlsx(data, target, week.admin, FROM, TO) == target
    assert target.read_bytes() == data
    assert _sheet(target.read_bytes()).cell(row=HEADER_ROW + 1, column=2).value.startswith(AGENCY_CODE)
    with week.services.db.reading() as uow:
        entry = audit.recent(uow.session, limit=1)[0]
    assert (entry.action, entry.username, entry.entity) == ("register.exported", "admin", "register")
    assert entry.details == {
        "date_from": "2026-03-02",
        "date_to": "2026-03-06",
        "format": "xlsx",
        "file": "so-theo-doi.xlsx",
        "bytes": len(data),
    }


def _audit_count(counter: Counter) -> int:
    with counter.services.db.reading() as uow:
        return len(audit.recent(uow.session, limit=10_000))


def test_an_unwritable_target_leaves_no_file(week: Counter, tmp_path: Path) -> None:
    printouts = Printouts(week.services)
    data = printouts.register_xlsx(FROM, TO)
    seen = _audit_count(week)
    missing = tmp_path / "no-such-folder" / "so.xlsx"
    with pytest.raises(StorageUnavailable):
        printouts.save_xlsx(data, missing, week.admin, FROM, TO)
    assert not missing.parent.exists()
    with pytest.raises(StorageUnavailable):
        printouts.save_xlsx(data, tmp_path, week.admin, FROM, TO)  # a folder
    assert _audit_count(week) == seen  # nothing exported, nothing audited


def test_a_failed_write_leaves_no_file(
    week: Counter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk or a refused folder, whichever step it stops: no workbook, no temporary part."""
    printouts = Printouts(week.services)
    data = printouts.register_xlsx(FROM, TO)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "so.xlsx"

    def refuse(*_: Any, **__: Any) -> Any:
        raise OSError(errno.EACCES, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(render.tempfile, "mkstemp", refuse)
        with pytest.raises(StorageUnavailable, match="Permission denied"):
            printouts.save_xlsx(data, target, week.admin, FROM, TO)
    with monkeypatch.context() as patch:
        patch.setattr(render.os, "replace", refuse)
        with pytest.raises(StorageUnavailable, match="Permission denied"):
            printouts.save_xlsx(data, target, week.admin, FROM, TO)
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a folder the user cannot write")
def test_a_read_only_folder_leaves_no_file(week: Counter, tmp_path: Path) -> None:
    printouts = Printouts(week.services)
    data = printouts.register_xlsx(FROM, TO)
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageUnavailable):
            printouts.save_xlsx(data, folder / "so.xlsx", week.admin, FROM, TO)
        assert list(folder.iterdir()) == []  # neither the workbook nor a temporary part
    finally:
        folder.chmod(0o700)

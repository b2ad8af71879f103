"""The register of files (Sổ theo dõi hồ sơ) for a range of days: which files it lists (local days, both
ends included), in what order, what its note column says, and the PDF read back page by page."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from integration.helpers import ID_DANG, ID_DAT, ID_DUC, ID_HOA, Counter, registration, vn
from integration.pdfs import all_text, page_texts
from printing.register import layout_register, register_data
from printing.render import render
from records.clock import VIETNAM_TZ
from records.errors import InvalidInput
from records.files import FileDetail, RegisterEntry, RegistrationRequest
from records.forms import load_form_set
from records.users import Actor
from records.workflow import Status

FROM, TO = date(2026, 3, 2), date(2026, 3, 6)  # Monday to Friday
PRINTED_AT = vn("2026-03-20T08:00:00")
PEOPLE = {
    ID_DUC: ("Nguyễn Văn Đức", "Thôn Phú Mỹ, xã Tân Phú, tỉnh Đồng Nai", "0912345678"),
    ID_HOA: ("Trần Thị Ngọc Hoa", "Số 12 đường Lê Lợi, ấp 3, xã Tân Phú", "0987654321"),
    ID_DANG: ("Lê Đăng Khoa", "Tổ 5, khu phố Bình Dương, xã Tân Phú", None),
    ID_DAT: ("Phạm Quốc Đạt", None, "0909000111"),
}


@pytest.fixture
def register_counter(counter: Counter, freeze_now: Callable[[datetime], None]) -> Counter:
    """The test store, its clock set after the registered days (registrations cannot come from the future)."""
    freeze_now(PRINTED_AT)
    return counter


def _register(counter: Counter, at: str, person: str, actor: Actor | None = None, **extra: Any) -> FileDetail:
    name, address, phone = PEOPLE[person]
    data = registration(personal_id=person, full_name=name, received_at=at, **extra)
    data["applicant"].update({k: v for k, v in (("address", address), ("phone", phone)) if v})
    return counter.services.files.register(RegistrationRequest.from_json(data), actor or counter.clerk)


def _week(counter: Counter) -> dict[str, FileDetail]:
    """Files around and in the week of 2–6 March 2026, in registration (entry) order; the ``out_*`` ones
    fall outside the week."""
    files = counter.services.files
    clerk = counter.clerk
    made: dict[str, FileDetail] = {}
    made["out_before"] = _register(counter, "2026-02-27T16:00:00", ID_DUC)
    # 23:59 on Sunday 1 March is outside; 00:05 on Monday 2 March (17:05 UTC on the 1st) is inside.
    made["out_sunday_night"] = _register(counter, "2026-03-01T23:59:00", ID_HOA)
    made["monday_midnight"] = _register(counter, "2026-03-02T00:05:00", ID_DANG)
    made["plain"] = _register(counter, "2026-03-02T09:00:00", ID_DUC, note="Nộp thay cho con")
    made["by_system"] = _register(counter, "2026-03-02T10:00:00", ID_DAT, actor=counter.system)
    made["refused"] = _register(
        counter, "2026-03-03T08:00:00", ID_HOA, status="refused", note="Không thuộc thẩm quyền"
    )
    made["extended"] = _register(counter, "2026-03-03T09:00:00", ID_DANG)
    files.extend(made["extended"].code, clerk, "Cần xác minh thêm", working_days=2)
    # Registered after the Thursday file below but received earlier: the register follows entry numbers.
    made["late_entry"] = _register(counter, "2026-03-05T14:00:00", ID_DUC)
    made["returned_late"] = _register(counter, "2026-03-04T08:30:00", ID_DAT)
    code = made["returned_late"].code
    files.set_status(code, Status.IN_PROGRESS, clerk, at=vn("2026-03-04T09:00:00"))
    files.set_status(code, Status.RESULT_READY, clerk, at=vn("2026-03-12T16:00:00"))  # due 09/03
    files.set_status(code, Status.RETURNED, clerk, at=vn("2026-03-13T09:15:00"))
    made["withdrawn"] = _register(counter, "2026-03-04T10:00:00", ID_HOA)
    files.set_status(made["withdrawn"].code, Status.WITHDRAWN, clerk, at=vn("2026-03-05T08:00:00"))
    made["stopped"] = _register(counter, "2026-03-05T09:00:00", ID_DUC)
    files.set_status(made["stopped"].code, Status.STOPPED, clerk, at=vn("2026-03-06T08:00:00"))
    # 23:30 on Friday is inside; 00:10 on Saturday (17:10 UTC on Friday) is outside.
    made["friday_night"] = _register(counter, "2026-03-06T23:30:00", ID_DANG)
    made["out_saturday"] = _register(counter, "2026-03-07T00:10:00", ID_DAT)
    return {name: files.show(detail.code) for name, detail in made.items()}


def test_the_register_lists_the_local_days_of_the_range_in_entry_order(register_counter: Counter) -> None:
    made = _week(register_counter)
    entries = register_counter.services.files.register_entries(FROM, TO)
    inside = [detail for name, detail in made.items() if not name.startswith("out_")]
    assert [e.code for e in entries] == [d.code for d in inside]
    assert [e.register_entry for e in entries] == sorted(e.register_entry for e in entries)
    # Entry order, not time order: the Thursday file registered late comes before Wednesday's.
    codes = [e.code for e in entries]
    assert codes.index(made["late_entry"].code) < codes.index(made["returned_late"].code)

    by_code = {e.code: e for e in entries}
    plain = by_code[made["plain"].code]
    assert (plain.owner_name, plain.owner_address, plain.owner_phone) == PEOPLE[ID_DUC]
    assert plain.clerk_name == "Trần Thị Lan" and plain.note == "Nộp thay cho con"
    assert (plain.register_year, plain.register_book, plain.book) == (2026, 1, "1/2026")
    assert plain.procedure_code == "1.004873"
    assert plain.procedure_name == "Cấp Giấy xác nhận tình trạng hôn nhân"
    assert by_code[made["by_system"].code].clerk_name is None  # the command line's system account
    assert by_code[made["by_system"].code].owner_address is None

    extended = by_code[made["extended"].code]
    assert extended.extension_count == 1
    assert extended.appointment == made["extended"].appointment  # the receipt's date, not the extended one
    assert extended.due_at is not None and extended.appointment is not None
    assert extended.due_at > extended.appointment
    returned = by_code[made["returned_late"].code]
    assert returned.status is Status.RETURNED and returned.returned_at == vn("2026-03-13T09:15:00")
    assert returned.finished_at == vn("2026-03-12T16:00:00")
    assert by_code[made["refused"].code].appointment is None


def test_the_range_is_checked(register_counter: Counter) -> None:
    files = register_counter.services.files
    with pytest.raises(InvalidInput, match="start date 2026-03-06 is after its end date 2026-03-02"):
        files.register_entries(TO, FROM)
    with pytest.raises(InvalidInput, match=r"at most 366 days.*367 days"):
        files.register_entries(date(2026, 1, 1), date(2027, 1, 2))
    assert files.register_entries(date(2028, 1, 1), date(2028, 12, 31)) == []  # a leap year: 366 days
    assert files.register_entries(FROM, FROM) == []  # one day, nothing received


def test_the_register_pdf_reads_back(register_counter: Counter) -> None:
    made = _week(register_counter)
    services = register_counter.services
    entries = services.files.register_entries(FROM, TO)
    data = register_data(
        entries, services.settings.agency(), load_form_set("tt03-2025"), FROM, TO, generated_at=PRINTED_AT
    )
    document = layout_register(data)
    assert document.metadata.title == "Sổ theo dõi hồ sơ 02/03/2026–06/03/2026"
    assert document.metadata.author == "UBND xã Tân Phú"
    pdf = render(document)
    assert b"/Helvetica" not in pdf and b"/Courier" not in pdf  # only the embedded serif faces

    pages = page_texts(pdf)
    for number, page in enumerate(pages, start=1):
        assert f"Trang {number}/{len(pages)}" in page and "Mã hồ sơ" in page
    text = " ".join(pages)
    for header in ("UBND XÃ TÂN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Mẫu số 07", "SỔ THEO DÕI HỒ SƠ"):
        assert header in pages[0]
    assert "Từ ngày 02/03/2026 đến ngày 06/03/2026" in text and "Quyển số: 1/2026" in text
    assert "Tổng số: 10 hồ sơ" in text
    assert "NGƯỜI LẬP SỔ" in text and "LÃNH ĐẠO ĐƠN VỊ" in text
    for name, detail in made.items():
        assert (detail.code in text) is not name.startswith("out_"), name
    for owner, _, _ in PEOPLE.values():
        assert owner in text
    assert "0912345678" in text and "Trần Thị Lan" in text
    assert "00:05 02/03/2026" in text and "23:30 06/03/2026" in text
    assert "09:15 13/03/2026" in text  # the returned file's hand-over
    for note in ("Từ chối tiếp nhận", "Không thuộc thẩm quyền", "Gia hạn 1 lần", "Đã rút hồ sơ", "Nộp thay"):
        assert note in text
    assert "Dừng giải quyết" in text and "Quá hạn" in text


def test_an_empty_range_still_prints_the_register_head(register_counter: Counter) -> None:
    services = register_counter.services
    data = register_data(
        [], services.settings.agency(), load_form_set(None), FROM, TO, generated_at=PRINTED_AT
    )
    text = all_text(render(layout_register(data)))
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Mã hồ sơ" in text
    assert "Không có hồ sơ nào trong khoảng thời gian này." in text
    assert "Tổng số: 0 hồ sơ" in text and "Trang 1/1" in text


# -- a long register, straight from synthetic lines ----------------------------------------------------------

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ")
MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Thị Ngọc", "Đức", "Quốc")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hạnh", "Khuê", "Lộc", "Nguyệt", "Phượng", "Thạch", "Yến")
PROCEDURES = (
    ("1.001193", "Đăng ký khai sinh"),
    ("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân"),
    ("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền cấp"),
)


def synthetic_entries(count: int, seed: int = 7) -> list[RegisterEntry]:
    """``count`` register lines received over November 2026, entries 1…count."""
    rng = random.Random(seed)
    at = datetime(2026, 11, 2, 7, 30, tzinfo=VIETNAM_TZ)
    entries = []
    for number in range(1, count + 1):
        at += timedelta(minutes=rng.randint(2, 60))
        code, name = rng.choice(PROCEDURES)
        due = at + timedelta(days=3)
        entries.append(
            RegisterEntry(
                register_year=2026,
                register_book=1,
                register_entry=number,
                code=f"H55.242-{at:%y%m%d}-{number:04d}",
                status=Status.RECEIVED,
                procedure_code=code,
                procedure_name=name,
                sets=rng.randint(1, 3),
                owner_name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                owner_address=f"Thôn {rng.randint(1, 12)}, xã Tân Phú, tỉnh Đồng Nai",
                owner_phone=f"09{rng.randrange(10**8):08d}",
                received_at=at,
                appointment=due,
                due_at=due,
                returned_at=None,
                finished_at=None,
                extension_count=0,
                clerk_name="Trần Thị Lan",
                note=None,
            )
        )
    return entries


def test_a_long_register_repeats_its_header_and_numbers_every_page(register_counter: Counter) -> None:
    entries = synthetic_entries(600)
    agency = register_counter.services.settings.agency()
    data = register_data(
        entries, agency, load_form_set(None), date(2026, 11, 1), date(2026, 11, 30), generated_at=PRINTED_AT
    )
    pages = page_texts(render(layout_register(data)))
    total = len(pages)
    assert total > 5
    for number, text in enumerate(pages, start=1):
        assert "Mã hồ sơ" in text and "Tên thủ tục hành chính" in text, number
        assert f"Trang {number}/{total}" in text
        assert ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text) is (number == 1)  # the letterhead once
    whole = " ".join(pages)
    for entry in entries:
        assert whole.count(entry.code) == 1, entry.code
    # The last line stays with the count and the signatures: no signature page without a line of the book.
    assert entries[-1].code in pages[-1] and "Tổng số: 600 hồ sơ" in pages[-1]
    assert "LÃNH ĐẠO ĐƠN VỊ" in pages[-1]

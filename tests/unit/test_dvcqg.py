"""The national portal's sync record (``records.sync.dvcqg``): every field present, moments as
``yyyyMMddHHmmss`` in Vietnam's time, the owner's ID numbers, the summary's limit, the statuses and their
dates, removed and reused documents, the history's entries."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from records.citizens import ApplicantKind
from records.clock import VIETNAM_TZ
from records.errors import InvalidInput
from records.files import Channel
from records.store.objects import ObjectStore
from records.sync.dvcqg import (
    FORMAT,
    PortalAttachment,
    PortalEvent,
    PortalExport,
    PortalFee,
    PortalFile,
    export_document,
    file_record,
    history_record,
    identifiers,
    object_path,
    portal_time,
)
from records.workflow import Status

# The fields of HoSoDongBoDVC and QuaTrinhXuLyDongBoDVC (shared/domain.md §4), in its order.
HOSO_FIELDS = [
    "MaHoSo",
    "MaTTHC",
    "TenTTHC",
    "MaLinhVuc",
    "TenLinhVuc",
    "KenhThucHien",
    "SoGiayToChuHoSo",
    "ChuHoSo",
    "LoaiDoiTuong",
    "MaDoiTuong",
    "ThongTinKhac",
    "Email",
    "Fax",
    "SoDienThoai",
    "TrichYeuHoSo",
    "NgayTiepNhan",
    "NgayHenTra",
    "TrangThaiHoSo",
    "NgayTra",
    "ThongTinTra",
    "HinhThuc",
    "NgayKetThucXuLy",
    "DonViXuLy",
    "GhiChu",
    "TaiLieuNop",
    "DanhSachLePhi",
    "DanhSachTepDinhKemKhac",
    "DanhSachHoSoBoSung",
    "DanhSachGiayToKetQua",
    "NoiNopHoSo",
    "HoSoCoThanhPhanSoHoa",
    "TaiKhoanDuocXacThucVoiVNeID",
    "DuocThanhToanTrucTuyen",
    "NgayTuChoi",
    "DinhDanhCHS",
    "NgayNopHoSo",
]
HISTORY_FIELDS = [
    "MaHoSo",
    "NguoiXuLy",
    "ChucDanh",
    "ThoiDiemXuLy",
    "PhongBanXuLy",
    "NoiDungXuLy",
    "TrangThai",
    "NgayBatDau",
    "NgayKetThucTheoQuyDinh",
]
DOCUMENT_FIELDS = {
    "TepDinhKemId",
    "TenTepDinhKem",
    "IsDeleted",
    "MaThanhPhanHoSo",
    "DuongDanTaiTepTin",
    "DuocSoHoa",
    "DuocTaiSuDung",
    "DuocLayTuKhoDMQG",
    "MaKetQuaThayThe",
}
FEE_FIELDS = {"TenPhiLePhi", "MaPhiLePhi", "HinhThucThu", "Gia", "LoaiPhiLePhi"}
AGENCY = "UBND xã Tân Phú"
SHA = "ab" + "0" * 62


def vn(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=VIETNAM_TZ)


def a_file(**changes: object) -> PortalFile:
    file = PortalFile(
        code="H55.242-260302-0001",
        procedure_code="1.004873",
        procedure_name="Cấp Giấy xác nhận tình trạng hôn nhân",
        field_code=None,
        field_name="Hộ tịch",
        channel=Channel.IN_PERSON,
        owner_name="Nguyễn Văn Đức",
        owner_kind=ApplicantKind.CITIZEN,
        owner_personal_id="001099012345",
        owner_old_id=None,
        owner_org_code=None,
        owner_phone="0912345678",
        owner_email=None,
        summary="Xác nhận tình trạng hôn nhân để kết hôn",
        note=None,
        status=Status.RECEIVED,
        received_at=vn("2026-03-02T09:00:00"),
        due_at=vn("2026-03-05T17:00:00"),
        finished_at=None,
        returned_at=None,
        return_method="counter",
    )
    return dataclasses.replace(file, **changes)  # type: ignore[arg-type]


def an_attachment(**changes: object) -> PortalAttachment:
    attachment = PortalAttachment(
        id=uuid.UUID("0190f0f0-0000-7000-8000-000000000001"),
        name="Tờ khai",
        checklist_code="to_khai",
        sha256=SHA,
        digitised=True,
        reused=False,
        removed=False,
    )
    return dataclasses.replace(attachment, **changes)  # type: ignore[arg-type]


# -- moments ------------------------------------------------------------------------------------------------


def test_a_moment_is_written_in_vietnam_time_to_the_second() -> None:
    assert portal_time(datetime(2026, 3, 2, 2, 0, 40, 999_999, tzinfo=UTC)) == "20260302090040"
    assert portal_time(datetime(2026, 3, 1, 17, 0, tzinfo=UTC)) == "20260302000000"  # the local day
    assert portal_time(datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=-5)))) == "20260302210000"
    assert portal_time(None) is None


def test_a_moment_without_an_offset_is_refused() -> None:
    with pytest.raises(InvalidInput):
        portal_time(datetime(2026, 3, 2, 9, 0))


def test_every_date_of_a_record_and_its_history_has_the_portal_format() -> None:
    file = a_file(
        status=Status.RETURNED,
        finished_at=vn("2026-03-04T10:00:00"),
        returned_at=vn("2026-03-05T08:30:15"),
        events=(PortalEvent(vn("2026-03-02T09:00:00"), "registered", Status.RECEIVED, None, None, "Lan"),),
    )
    record = file_record(file, AGENCY)
    assert record["NgayTiepNhan"] == record["NgayNopHoSo"] == "20260302090000"
    assert record["NgayHenTra"] == "20260305170000"
    assert record["NgayKetThucXuLy"] == "20260304100000"
    assert record["NgayTra"] == "20260305083015"
    [step] = record["QuaTrinhXuLy"]
    assert step["ThoiDiemXuLy"] == step["NgayBatDau"] == "20260302090000"


# -- the owner ----------------------------------------------------------------------------------------------


def test_a_12_digit_personal_id_is_identifier_type_1() -> None:
    assert identifiers("001099012345", None) == [{"LoaiDinhDanh": 1, "SoDinhDanh": "001099012345"}]
    record = file_record(a_file(), AGENCY)
    assert record["DinhDanhCHS"] == [{"LoaiDinhDanh": 1, "SoDinhDanh": "001099012345"}]
    assert record["SoGiayToChuHoSo"] == "001099012345"
    assert record["LoaiDoiTuong"] == 1 and record["ChuHoSo"] == "Nguyễn Văn Đức"


def test_a_9_digit_old_id_is_identifier_type_2() -> None:
    record = file_record(a_file(owner_personal_id=None, owner_old_id="012345678"), AGENCY)
    assert record["DinhDanhCHS"] == [{"LoaiDinhDanh": 2, "SoDinhDanh": "012345678"}]
    assert record["SoGiayToChuHoSo"] == "012345678"


def test_an_owner_with_both_numbers_has_both_identifiers_and_an_organisation_none() -> None:
    assert [i["LoaiDinhDanh"] for i in identifiers("001099012345", "012345678")] == [1, 2]
    business = a_file(owner_kind=ApplicantKind.BUSINESS, owner_personal_id=None, owner_org_code="0312345678")
    record = file_record(business, AGENCY)
    assert record["DinhDanhCHS"] == [] and record["LoaiDoiTuong"] == 2
    assert record["SoGiayToChuHoSo"] == "0312345678"


# -- the summary ------------------------------------------------------------------------------------------


def test_the_summary_is_cut_to_1000_characters() -> None:
    exact = "ắ" * 1000
    assert file_record(a_file(summary=exact), AGENCY)["TrichYeuHoSo"] == exact
    long = "Xác nhận " + "ắ" * 2000
    cut = file_record(a_file(summary=long), AGENCY)["TrichYeuHoSo"]
    assert len(cut) == 1000 and cut.endswith("…") and long.startswith(cut[:-1])
    assert file_record(a_file(summary=None), AGENCY)["TrichYeuHoSo"] is None
    assert file_record(a_file(summary="  "), AGENCY)["TrichYeuHoSo"] is None


# -- statuses ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", list(Status))
def test_the_status_is_the_national_code(status: Status) -> None:
    assert file_record(a_file(status=status), AGENCY)["TrangThaiHoSo"] == int(status)


def test_a_refused_file_has_its_refusal_date_and_no_appointment() -> None:
    refused = a_file(status=Status.REFUSED, due_at=None, finished_at=vn("2026-03-02T09:05:00"))
    record = file_record(refused, AGENCY)
    assert record["TrangThaiHoSo"] == 3
    assert record["NgayTuChoi"] == record["NgayKetThucXuLy"] == "20260302090500"
    assert record["NgayHenTra"] is None and record["NgayTra"] is None


def test_only_a_refused_file_has_a_refusal_date() -> None:
    for status in (Status.STOPPED, Status.WITHDRAWN, Status.RESULT_READY):
        record = file_record(a_file(status=status, finished_at=vn("2026-03-03T10:00:00")), AGENCY)
        assert record["NgayTuChoi"] is None and record["NgayKetThucXuLy"] == "20260303100000"


def test_a_returned_file_has_its_return_date_and_method() -> None:
    record = file_record(
        a_file(status=Status.RETURNED, returned_at=vn("2026-03-05T08:00:00"), return_method="post"), AGENCY
    )
    assert record["NgayTra"] == "20260305080000" and record["HinhThuc"] == 1
    assert file_record(a_file(), AGENCY)["HinhThuc"] == 0


def test_a_file_awaiting_a_supplement_has_no_appointment() -> None:
    record = file_record(a_file(status=Status.SUPPLEMENT_REQUESTED, due_at=None), AGENCY)
    assert record["TrangThaiHoSo"] == 5 and record["NgayHenTra"] is None


def test_the_submission_date_is_known_for_a_file_handed_in_at_the_counter_only() -> None:
    for channel in (Channel.ONLINE, Channel.POST):
        record = file_record(a_file(channel=channel), AGENCY)
        assert record["KenhThucHien"] == int(channel) and record["NgayNopHoSo"] is None
        assert record["NgayTiepNhan"] == "20260302090000"


# -- documents and fees -------------------------------------------------------------------------------------


def test_a_removed_document_is_listed_as_deleted() -> None:
    kept = an_attachment()
    removed = an_attachment(id=uuid.uuid4(), name="Bản sao sai", removed=True)
    record = file_record(a_file(attachments=(kept, removed)), AGENCY)
    assert [(d["TenTepDinhKem"], d["IsDeleted"]) for d in record["TaiLieuNop"]] == [
        ("Tờ khai", False),
        ("Bản sao sai", True),
    ]
    assert record["HoSoCoThanhPhanSoHoa"] is True
    only_removed = file_record(a_file(attachments=(removed,)), AGENCY)
    assert only_removed["HoSoCoThanhPhanSoHoa"] is False and len(only_removed["TaiLieuNop"]) == 1


def test_a_reused_document_is_flagged_and_the_rest_is_fixed() -> None:
    [document] = file_record(a_file(attachments=(an_attachment(reused=True),)), AGENCY)["TaiLieuNop"]
    assert set(document) == DOCUMENT_FIELDS
    assert document["DuocTaiSuDung"] is True and document["DuocSoHoa"] is True
    assert document["DuocLayTuKhoDMQG"] is False and document["MaKetQuaThayThe"] is None
    assert document["TepDinhKemId"] == "0190f0f0-0000-7000-8000-000000000001"
    assert document["MaThanhPhanHoSo"] == "to_khai"
    [fresh] = file_record(a_file(attachments=(an_attachment(),)), AGENCY)["TaiLieuNop"]
    assert fresh["DuocTaiSuDung"] is False


def test_a_documents_path_is_the_object_stores_layout() -> None:
    root = Path("/data/documents")
    assert object_path(SHA) == ObjectStore(root).path(SHA).relative_to(root).as_posix()
    assert object_path(SHA) == f"objects/ab/{SHA}"


def test_fees_carry_their_amount_or_null_when_the_province_has_not_set_it() -> None:
    fees = (PortalFee("phi", "Phí chứng thực", 14000), PortalFee("le_phi", "Lệ phí", None))
    listed = file_record(a_file(fees=fees), AGENCY)["DanhSachLePhi"]
    assert all(set(f) == FEE_FIELDS for f in listed)
    assert [(f["MaPhiLePhi"], f["Gia"], f["HinhThucThu"], f["LoaiPhiLePhi"]) for f in listed] == [
        ("phi", 14000, None, None),
        ("le_phi", None, None, None),
    ]


# -- the history ------------------------------------------------------------------------------------------


def test_a_history_entry_names_the_step_the_user_and_the_due_date() -> None:
    step = PortalEvent(
        vn("2026-03-03T10:00:00"),
        "status_changed",
        Status.IN_PROGRESS,
        None,
        vn("2026-03-05T17:00:00"),
        "Lan",
    )
    entry = history_record("H55.242-260302-0001", step)
    assert list(entry) == HISTORY_FIELDS
    assert entry == {
        "MaHoSo": "H55.242-260302-0001",
        "NguoiXuLy": "Lan",
        "ChucDanh": None,
        "ThoiDiemXuLy": "20260303100000",
        "PhongBanXuLy": None,
        "NoiDungXuLy": "Đang xử lý",
        "TrangThai": 4,
        "NgayBatDau": "20260303100000",
        "NgayKetThucTheoQuyDinh": "20260305170000",
    }


def test_a_history_entry_carries_the_note_and_an_extension_says_so() -> None:
    at = vn("2026-03-04T10:00:00")
    supplement = PortalEvent(at, "status_changed", Status.SUPPLEMENT_REQUESTED, "Thiếu tờ khai", None, None)
    entry = history_record("X", supplement)
    assert entry["NoiDungXuLy"] == "Yêu cầu bổ sung giấy tờ: Thiếu tờ khai"
    assert entry["NguoiXuLy"] is None and entry["NgayKetThucTheoQuyDinh"] is None and entry["TrangThai"] == 5
    extended = PortalEvent(
        at, "extended", Status.IN_PROGRESS, "Cần xác minh", vn("2026-03-09T17:00:00"), "Lan"
    )
    assert history_record("X", extended)["NoiDungXuLy"] == "Gia hạn thời hạn giải quyết: Cần xác minh"


def test_the_handlers_name_is_cut_to_50_characters() -> None:
    name = "Nguyễn " * 10
    entry = history_record(
        "X", PortalEvent(vn("2026-03-04T10:00:00"), "registered", Status.RECEIVED, None, None, name)
    )
    assert len(entry["NguoiXuLy"]) <= 50 and entry["NguoiXuLy"].endswith("…")


# -- the document -----------------------------------------------------------------------------------------


def test_the_document_has_its_envelope_and_every_field_of_every_record() -> None:
    first = a_file(
        events=(
            PortalEvent(vn("2026-03-02T09:00:00"), "registered", Status.RECEIVED, None, None, "Lan"),
            PortalEvent(vn("2026-03-03T09:00:00"), "status_changed", Status.IN_PROGRESS, None, None, "Lan"),
        ),
        attachments=(an_attachment(), an_attachment(id=uuid.uuid4(), removed=True)),
    )
    second = a_file(code="H55.242-260302-0002", events=(first.events[0],))
    export = PortalExport("H55.242", AGENCY, date(2026, 3, 1), date(2026, 3, 31), (first, second))
    document = export_document(export, datetime(2026, 4, 1, 1, 15, tzinfo=UTC))
    assert list(document) == ["format", "agency", "from", "to", "generated_at", "counts", "HoSo"]
    assert document["format"] == FORMAT == "dvcqg-1"
    assert document["agency"] == {"code": "H55.242", "name": AGENCY}
    assert (document["from"], document["to"]) == ("2026-03-01", "2026-03-31")
    assert document["generated_at"] == "20260401081500"
    assert document["counts"] == {"files": 2, "events": 3, "attachments": 2}
    for record in document["HoSo"]:
        assert list(record) == [*HOSO_FIELDS, "QuaTrinhXuLy"]
        assert record["DonViXuLy"] == AGENCY
        assert all(list(entry) == HISTORY_FIELDS for entry in record["QuaTrinhXuLy"])
        for empty in ("DanhSachTepDinhKemKhac", "DanhSachHoSoBoSung", "DanhSachGiayToKetQua"):
            assert record[empty] == []
        for unknown in ("MaDoiTuong", "ThongTinKhac", "Fax", "ThongTinTra", "NoiNopHoSo"):
            assert record[unknown] is None
    assert [r["MaHoSo"] for r in document["HoSo"]] == ["H55.242-260302-0001", "H55.242-260302-0002"]
    assert {e["MaHoSo"] for e in document["HoSo"][0]["QuaTrinhXuLy"]} == {"H55.242-260302-0001"}


def test_an_empty_range_is_a_document_without_files() -> None:
    export = PortalExport("H55.242", AGENCY, date(2026, 3, 1), date(2026, 3, 1), ())
    document = export_document(export, datetime(2026, 4, 1, tzinfo=UTC))
    assert document["HoSo"] == [] and document["counts"] == {"files": 0, "events": 0, "attachments": 0}

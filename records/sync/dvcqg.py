"""The national portal's export (``motcua export-dvcqg``): files as ``HoSoDongBoDVC`` sync records, each with
its processing history (``QuaTrinhXuLyDongBoDVC``). Pure mapping: the file service reads the rows
(:meth:`records.services.files.FileService.portal_export`, four queries whatever the number of files) into
the frozen :class:`PortalExport`; :func:`export_document` turns it into the JSON written to ``--out``.

The document (``format`` ``dvcqg-1``; keys in this order)::

    {"format": "dvcqg-1",
     "agency": {"code": "H55.242", "name": "UBND xã Tân Phú"},      the installation's agency
     "from": "2026-03-01", "to": "2026-03-31",                      local days received, both included
     "generated_at": "20260401081500",
     "counts": {"files": 2, "events": 5, "attachments": 3},
     "HoSo": [{<HoSoDongBoDVC fields>, "QuaTrinhXuLy": [{<QuaTrinhXuLyDongBoDVC fields>}, ...]}, ...]}

Files come in the order they were received. **Every moment** (the records' fields and ``generated_at``) is
``yyyyMMddHHmmss`` in Vietnam's civil time (UTC+7); the range is the ISO days given on the command line.
Codes are JSON numbers, flags JSON booleans. Every field of the portal's record is present: a field the
counter never records is ``null`` (or ``[]`` for a list), never guessed.

Where each field of ``HoSoDongBoDVC`` comes from:

- ``MaHoSo`` the file code. ``MaTTHC``, ``TenTTHC`` the procedure's catalogue code and current name (a
  local code such as ``LT.KS-TT-BHYT`` is passed as it is: mapping it to a national code is the
  catalogue's business). ``MaLinhVuc``, ``TenLinhVuc`` the procedure's field code (``null`` until the
  catalogue gives one) and field name. ``KenhThucHien`` the file's channel (1 in person, 2 online, 3 post).
- ``ChuHoSo`` the owner's name; ``SoGiayToChuHoSo`` their 12-digit personal ID, else 9-digit old ID, else
  organisation code; ``LoaiDoiTuong`` their kind (1 citizen, 2 business, 3 state body, 4 other);
  ``SoDienThoai``, ``Email`` the owner's (not the submitter's). ``DinhDanhCHS`` one entry per ID number the
  owner has: ``LoaiDinhDanh`` 1 for the personal ID, 2 for the old ID (an organisation: ``[]``).
- ``TrichYeuHoSo`` the file's summary, cut to 1,000 characters (the last one then ``…``); ``GhiChu`` the
  file's note.
- ``NgayTiepNhan`` the moment of receipt; ``NgayNopHoSo`` the same for a file handed in at the counter
  (channel 1), ``null`` for online and post files (the submission moment is not recorded).
- ``NgayHenTra`` the due date in force (after an extension); ``null`` while a supplement is awaited (the
  clock is suspended) and for a file refused at the counter.
- ``TrangThaiHoSo`` the national status code (2-10, :class:`records.workflow.Status`).
- ``NgayKetThucXuLy`` when the processing ended (result ready, refused, withdrawn or stopped);
  ``NgayTuChoi`` the same moment for a refused file only; ``NgayTra`` when the result was returned.
- ``HinhThuc`` the return method: 0 at the counter, 1 by post (the coding one real integration uses).
- ``DonViXuLy`` the installation's agency name.
- ``TaiLieuNop`` every attached document, **removed ones included** (``IsDeleted`` true):
  ``TepDinhKemId`` its id, ``TenTepDinhKem`` its name, ``MaThanhPhanHoSo`` its checklist code (or that of
  the checklist item it is tied to), ``DuongDanTaiTepTin`` the PDF's path relative to the data folder's
  ``documents/`` (``objects/ab/abcdef…``, named by its SHA-256: the object store's layout), ``DuocSoHoa``
  and ``DuocTaiSuDung`` its digitised and reused flags, ``DuocLayTuKhoDMQG`` false (nothing is taken from
  the national data store), ``MaKetQuaThayThe`` null.
- ``DanhSachLePhi`` the file's fee lines: ``TenPhiLePhi``, ``MaPhiLePhi`` (the catalogue's fee code),
  ``Gia`` the amount in đồng (``null`` while the province has not set it); ``HinhThucThu`` and
  ``LoaiPhiLePhi`` null (when and how a fee is collected is not recorded).
- ``HoSoCoThanhPhanSoHoa`` whether a document still attached is digitised.
- Null, not recorded at the counter: ``MaDoiTuong``, ``ThongTinKhac``, ``Fax``, ``ThongTinTra``,
  ``NoiNopHoSo``, ``TaiKhoanDuocXacThucVoiVNeID``, ``DuocThanhToanTrucTuyen``. Empty lists:
  ``DanhSachTepDinhKemKhac``, ``DanhSachHoSoBoSung`` (supplement requests are status steps in the history,
  not records of their own) and ``DanhSachGiayToKetQua`` (result documents are not stored).

``QuaTrinhXuLy``: one entry per step of the file's life (registration, status change, extension), oldest
first. ``NguoiXuLy`` the acting user's full name cut to 50 characters (``null`` for the built-in ``system``
account of command-line actions); ``ThoiDiemXuLy`` and ``NgayBatDau`` the step's moment; ``NoiDungXuLy``
the step (the national name of the status it led to, or "Gia hạn thời hạn giải quyết"), then ``: `` and the
clerk's note when there is one; ``TrangThai`` the status after the step; ``NgayKetThucTheoQuyDinh`` the due
date in force after it (``null`` when suspended). ``ChucDanh`` and ``PhongBanXuLy`` null: users have no job
title or department.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from records.citizens import ApplicantKind
from records.clock import local
from records.files import Channel, ReturnMethod
from records.workflow import Status

FORMAT: Final = "dvcqg-1"
SUMMARY_LIMIT: Final = 1000  # TrichYeuHoSo
HANDLER_LIMIT: Final = 50  # NguoiXuLy
PORTAL_TIME_FORMAT: Final = "%Y%m%d%H%M%S"
ELLIPSIS: Final = "…"

PERSONAL_ID: Final = 1  # LoaiDinhDanh: the 12-digit personal ID
OLD_ID: Final = 2  # LoaiDinhDanh: the 9-digit old ID (CMND)

# HinhThuc: how the result goes back, as one real integration codes it.
RETURN_METHODS: Final[dict[str, int]] = {"counter": 0, "post": 1}

# The national names of the statuses (TrangThaiHoSo), for the history's NoiDungXuLy.
STATUS_NAMES: Final[dict[Status, str]] = {
    Status.RECEIVED: "Được tiếp nhận",
    Status.REFUSED: "Không được tiếp nhận",
    Status.IN_PROGRESS: "Đang xử lý",
    Status.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung giấy tờ",
    Status.AWAITING_PAYMENT: "Yêu cầu thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    Status.STOPPED: "Dừng xử lý",
    Status.RESULT_READY: "Đã xử lý xong",
    Status.RETURNED: "Đã trả kết quả",
}
EXTENDED_TEXT: Final = "Gia hạn thời hạn giải quyết"


@dataclass(frozen=True)
class PortalEvent:
    """One step of a file's life, with the full name of the user who took it (``None`` for the built-in
    system account)."""

    at: datetime
    kind: str  # registered, status_changed, extended
    to_status: Status | None
    note: str | None
    due_after: datetime | None
    user_full_name: str | None


@dataclass(frozen=True)
class PortalAttachment:
    """One attached document of a file, removed ones included."""

    id: uuid.UUID
    name: str
    checklist_code: str | None  # its own, else the code of the checklist item it is tied to
    sha256: str
    digitised: bool
    reused: bool
    removed: bool


@dataclass(frozen=True)
class PortalFee:
    """One fee line of a file (``amount`` ``None``: the province has not set it)."""

    code: str
    name: str
    amount: int | None


@dataclass(frozen=True)
class PortalFile:
    """What the export says of one file: the file, its owner, its procedure, history, documents and fees."""

    code: str
    procedure_code: str
    procedure_name: str
    field_code: str | None
    field_name: str
    channel: Channel
    owner_name: str
    owner_kind: ApplicantKind
    owner_personal_id: str | None
    owner_old_id: str | None
    owner_org_code: str | None
    owner_phone: str | None
    owner_email: str | None
    summary: str | None
    note: str | None
    status: Status
    received_at: datetime
    due_at: datetime | None
    finished_at: datetime | None
    returned_at: datetime | None
    return_method: ReturnMethod
    events: tuple[PortalEvent, ...] = ()
    attachments: tuple[PortalAttachment, ...] = ()
    fees: tuple[PortalFee, ...] = ()


@dataclass(frozen=True)
class PortalExport:
    """The files received on the local days ``date_from`` to ``date_to`` (both included), by the agency."""

    agency_code: str
    agency_name: str
    date_from: date
    date_to: date
    files: tuple[PortalFile, ...]

    @property
    def events(self) -> int:
        """How many history entries the files carry."""
        return sum(len(f.events) for f in self.files)

    @property
    def attachments(self) -> int:
        """How many documents the files carry (removed ones included)."""
        return sum(len(f.attachments) for f in self.files)


def portal_time(moment: datetime | None) -> str | None:
    """``moment`` as the portal writes it: ``yyyyMMddHHmmss`` in Vietnam's civil time (``None`` stays)."""
    return None if moment is None else local(moment).strftime(PORTAL_TIME_FORMAT)


def clip(text: str | None, limit: int) -> str | None:
    """``text`` in at most ``limit`` characters: cut, its last character then ``…``; blank is ``None``."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def identifiers(personal_id: str | None, old_id: str | None) -> list[dict[str, Any]]:
    """``DinhDanhCHS``: the owner's personal ID (type 1) and old ID (type 2), those they have."""
    found = [(PERSONAL_ID, personal_id), (OLD_ID, old_id)]
    return [{"LoaiDinhDanh": kind, "SoDinhDanh": number} for kind, number in found if number]


def object_path(sha256: str) -> str:
    """``DuongDanTaiTepTin``: where a document's PDF lies under the data folder's ``documents/``."""
    return f"objects/{sha256[:2]}/{sha256}"


def step_text(event: PortalEvent) -> str:
    """``NoiDungXuLy``: what the step did, then the clerk's note."""
    if event.kind == "extended":
        label: str | None = EXTENDED_TEXT
    elif event.to_status is not None:
        label = STATUS_NAMES[event.to_status]
    else:
        label = None
    if label and event.note:
        return f"{label}: {event.note}"
    return label or event.note or event.kind


def history_record(file_code: str, event: PortalEvent) -> dict[str, Any]:
    """One ``QuaTrinhXuLyDongBoDVC`` entry."""
    return {
        "MaHoSo": file_code,
        "NguoiXuLy": clip(event.user_full_name, HANDLER_LIMIT),
        "ChucDanh": None,
        "ThoiDiemXuLy": portal_time(event.at),
        "PhongBanXuLy": None,
        "NoiDungXuLy": step_text(event),
        "TrangThai": int(event.to_status) if event.to_status is not None else None,
        "NgayBatDau": portal_time(event.at),
        "NgayKetThucTheoQuyDinh": portal_time(event.due_after),
    }


def document_record(attachment: PortalAttachment) -> dict[str, Any]:
    """One ``TaiLieuNop`` entry."""
    return {
        "TepDinhKemId": str(attachment.id),
        "TenTepDinhKem": attachment.name,
        "IsDeleted": attachment.removed,
        "MaThanhPhanHoSo": attachment.checklist_code,
        "DuongDanTaiTepTin": object_path(attachment.sha256),
        "DuocSoHoa": attachment.digitised,
        "DuocTaiSuDung": attachment.reused,
        "DuocLayTuKhoDMQG": False,
        "MaKetQuaThayThe": None,
    }


def fee_record(fee: PortalFee) -> dict[str, Any]:
    """One ``DanhSachLePhi`` entry."""
    return {
        "TenPhiLePhi": fee.name,
        "MaPhiLePhi": fee.code,
        "HinhThucThu": None,
        "Gia": fee.amount,
        "LoaiPhiLePhi": None,
    }


def file_record(file: PortalFile, agency_name: str) -> dict[str, Any]:
    """One ``HoSoDongBoDVC`` record, its history under ``QuaTrinhXuLy``."""
    refused = file.status is Status.REFUSED
    return {
        "MaHoSo": file.code,
        "MaTTHC": file.procedure_code,
        "TenTTHC": file.procedure_name,
        "MaLinhVuc": file.field_code,
        "TenLinhVuc": file.field_name,
        "KenhThucHien": int(file.channel),
        "SoGiayToChuHoSo": file.owner_personal_id or file.owner_old_id or file.owner_org_code,
        "ChuHoSo": file.owner_name,
        "LoaiDoiTuong": int(file.owner_kind),
        "MaDoiTuong": None,
        "ThongTinKhac": None,
        "Email": file.owner_email,
        "Fax": None,
        "SoDienThoai": file.owner_phone,
        "TrichYeuHoSo": clip(file.summary, SUMMARY_LIMIT),
        "NgayTiepNhan": portal_time(file.received_at),
        "NgayHenTra": portal_time(file.due_at),
        "TrangThaiHoSo": int(file.status),
        "NgayTra": portal_time(file.returned_at),
        "ThongTinTra": None,
        "HinhThuc": RETURN_METHODS[file.return_method],
        "NgayKetThucXuLy": portal_time(file.finished_at),
        "DonViXuLy": agency_name,
        "GhiChu": file.note,
        "TaiLieuNop": [document_record(a) for a in file.attachments],
        "DanhSachLePhi": [fee_record(f) for f in file.fees],
        "DanhSachTepDinhKemKhac": [],
        "DanhSachHoSoBoSung": [],
        "DanhSachGiayToKetQua": [],
        "NoiNopHoSo": None,
        "HoSoCoThanhPhanSoHoa": any(a.digitised and not a.removed for a in file.attachments),
        "TaiKhoanDuocXacThucVoiVNeID": None,
        "DuocThanhToanTrucTuyen": None,
        "NgayTuChoi": portal_time(file.finished_at) if refused else None,
        "DinhDanhCHS": identifiers(file.owner_personal_id, file.owner_old_id),
        "NgayNopHoSo": portal_time(file.received_at) if file.channel is Channel.IN_PERSON else None,
        "QuaTrinhXuLy": [history_record(file.code, e) for e in file.events],
    }


def export_document(export: PortalExport, generated_at: datetime) -> dict[str, Any]:
    """The whole ``dvcqg-1`` document (see the module's note)."""
    return {
        "format": FORMAT,
        "agency": {"code": export.agency_code, "name": export.agency_name},
        "from": export.date_from.isoformat(),
        "to": export.date_to.isoformat(),
        "generated_at": portal_time(generated_at),
        "counts": {
            "files": len(export.files),
            "events": export.events,
            "attachments": export.attachments,
        },
        "HoSo": [file_record(f, export.agency_name) for f in export.files],
    }

"""Demonstration data: ``motcua demo-data --files N`` fills a store with realistic files, fast.

What it makes, for the store's own agency and workstation:

* **People** with Vietnamese names (NFC, with diacritics; surnames at their real frequencies — Nguyễn
  about 38 % — middle names that change with the generation, Thị / Văn for the older), valid and unique
  12-digit personal IDs (the province code of birth registration, the century+sex digit consistent with
  the stored sex and date of birth, the birth year), mobile phone numbers, and addresses in the post-2025
  two-level form ("Thôn …, xã …, tỉnh …"). Some citizens come back with several files; some files are
  submitted by someone other than their owner (a parent registering a birth, a relative a death, an
  authorised person).
* **Files** with a procedure mix drawn from the catalogue in the store (mostly birth registration and
  certification), received during office hours on working days over the two years before now (never
  before the first version of the catalogue is in force), numbered by the store's file-code scheme and
  register book and continuing after what the store already holds, with the due date computed from the
  version in force on the day of receipt (frozen into the file), the documents the version lists, its
  fees, and a realistic life: most returned long ago, recent ones still received / in progress / ready,
  some supplement requests, refusals, withdrawals, extensions and late files. Each file's events replay
  through the workflow from its registration to its stored status.
* **One** audit entry for the whole batch (``demo.generated``).

Speed is the point (the benchmark builds a store of 1,000,000 files): nothing goes through the ORM per
file. What is needed is loaded once, rows are made as plain tuples in a worker thread, and the main
thread inserts them with the DBAPI's ``executemany`` in one transaction per chunk of files. On SQLite the
values are written exactly as SQLAlchemy's types store them (``Uuid``: 32 hex digits; ``UTCDateTime``:
naive UTC ``YYYY-MM-DD HH:MM:SS.ffffff``; ``Date``: ``YYYY-MM-DD``) so the ORM reads them back; other
engines get the same rows through SQLAlchemy Core with Python values.

The data is the same for the same seed and the same store contents (the ids and the window of dates,
which ends now, aside).
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import pickle
import random
import re
import sqlite3
import tempfile
import threading
import time as _time
import unicodedata
import uuid
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from typing import Any

from sqlalchemy import Connection, insert, select, text, update
from sqlalchemy.orm import Session

from records import audit
from records.calendar import WorkingCalendar, due_at
from records.clock import VIETNAM_TZ, now
from records.errors import InvalidInput, StorageUnavailable
from records.personal_id import PROVINCES
from records.procedures import ProcedureVersion, compute_fee
from records.services.settings import AgencyConfig, load_agency
from records.store.models import (
    Citizen,
    File,
    FileCodeCounter,
    FileDocument,
    FileEvent,
    FileFee,
    Procedure,
    RegisterCounter,
)
from records.store.models import ProcedureVersion as VersionRow
from records.text import fold
from records.users import Actor

__all__ = ["DEFAULT_CHUNK", "DemoReport", "generate"]

DEFAULT_CHUNK = 50_000
FIRST_CHUNK = 5_000
WINDOW_DAYS = 730  # received times are spread over the two years before now

# The national status codes (records.workflow.Status), as plain ints in the hot loop.
RECEIVED, REFUSED, IN_PROGRESS, SUPPLEMENT, AWAITING_PAYMENT = 2, 3, 4, 5, 6
WITHDRAWN, STOPPED, RESULT_READY, RETURNED = 7, 8, 9, 10


@dataclass(frozen=True)
class DemoReport:
    """What :func:`generate` added."""

    files: int
    citizens: int
    events: int = 0
    first_code: str | None = None
    last_code: str | None = None
    received_from: datetime | None = None
    received_to: datetime | None = None


# -- names, places -------------------------------------------------------------------------------------


def _nfc_weights(items: Sequence[tuple[str, float]]) -> tuple[tuple[str, ...], tuple[float, ...]]:
    names = tuple(unicodedata.normalize("NFC", n) for n, _ in items)
    return names, tuple(accumulate(w for _, w in items))


# Surnames by frequency (percent of the population; the commonest fourteen cover ~93 %).
SURNAMES = _nfc_weights(
    [
        ("Nguyễn", 38.4), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.1), ("Hoàng", 4.1), ("Huỳnh", 1.6),
        ("Phan", 4.5), ("Vũ", 2.5), ("Võ", 2.4), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3),
        ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đào", 0.6), ("Đoàn", 0.6), ("Đinh", 0.6),
        ("Trương", 0.6), ("Lâm", 0.4), ("Mai", 0.4), ("Trịnh", 0.4), ("Lương", 0.3), ("Cao", 0.3),
        ("Hà", 0.3), ("Tạ", 0.2), ("Lưu", 0.2), ("Tô", 0.1), ("Châu", 0.1), ("Quách", 0.1),
        ("Kiều", 0.1), ("Thái", 0.1), ("Vương", 0.1), ("Triệu", 0.1), ("La", 0.05), ("Mạc", 0.05),
        ("Âu", 0.05), ("Khúc", 0.03), ("Ông", 0.03),
    ]
)  # fmt: skip
# Middle names: born before 1985 ("old") or later ("young").
MIDDLE_MALE_OLD = _nfc_weights(
    [
        ("Văn", 55), ("Đức", 8), ("Hữu", 6), ("Công", 5), ("Quang", 5), ("Minh", 5), ("Đình", 4),
        ("Xuân", 3), ("Thanh", 3), ("Ngọc", 3), ("Trọng", 2), ("Bá", 1.5),
    ]
)  # fmt: skip
MIDDLE_MALE_YOUNG = _nfc_weights(
    [
        ("Văn", 15), ("Minh", 12), ("Gia", 8), ("Đức", 8), ("Quang", 6), ("Hoàng", 6), ("Bảo", 6),
        ("Anh", 5), ("Quốc", 5), ("Tuấn", 4), ("Thành", 4), ("Duy", 4), ("Hữu", 3), ("Trung", 3),
        ("Nhật", 3), ("Đăng", 3),
    ]
)  # fmt: skip
MIDDLE_FEMALE_OLD = _nfc_weights(
    [
        ("Thị", 70), ("Ngọc", 5), ("Thu", 4), ("Thanh", 4), ("Kim", 4), ("Hồng", 3), ("Minh", 2),
        ("Phương", 2), ("Bích", 2), ("Mỹ", 2),
    ]
)  # fmt: skip
MIDDLE_FEMALE_YOUNG = _nfc_weights(
    [
        ("Thị", 25), ("Ngọc", 10), ("Minh", 6), ("Bảo", 6), ("Thu", 5), ("Thanh", 5), ("Phương", 5),
        ("Khánh", 5), ("Thùy", 5), ("Hà", 4), ("Gia", 3), ("Quỳnh", 3), ("Mai", 3), ("Diệu", 2),
        ("Hoài", 2), ("Tường", 1),
    ]
)  # fmt: skip
# A second middle name after "Thị" ("Nguyễn Thị Thu Hà").
MIDDLE_FEMALE_SECOND = _nfc_weights(
    [("Thu", 3), ("Thanh", 3), ("Ngọc", 3), ("Kim", 2), ("Hồng", 2), ("Mỹ", 1), ("Bích", 1)]
)
GIVEN_MALE = _nfc_weights(
    [
        ("An", 3), ("Anh", 6), ("Bảo", 3), ("Bình", 3), ("Cường", 3), ("Dũng", 4), ("Duy", 2), ("Đạt", 3),
        ("Đức", 3), ("Dương", 2), ("Hải", 4), ("Hiếu", 3), ("Hòa", 2), ("Hoàng", 3), ("Hùng", 4),
        ("Huy", 4), ("Hưng", 3), ("Khang", 2), ("Khánh", 2), ("Khoa", 2), ("Kiên", 2), ("Lâm", 2),
        ("Long", 4), ("Lộc", 2), ("Lợi", 1), ("Mạnh", 2), ("Minh", 5), ("Nam", 5), ("Nghĩa", 2),
        ("Nhân", 2), ("Phát", 2), ("Phong", 3), ("Phúc", 3), ("Quân", 3), ("Quang", 3), ("Sơn", 4),
        ("Tài", 2), ("Tâm", 2), ("Thắng", 3), ("Thành", 4), ("Thịnh", 2), ("Tiến", 2), ("Toàn", 2),
        ("Trung", 3), ("Tuấn", 5), ("Tùng", 3), ("Việt", 2), ("Vinh", 2), ("Vũ", 2), ("Hậu", 1),
        ("Hiển", 1), ("Khôi", 1), ("Nhật", 1), ("Phước", 1), ("Quý", 1), ("Sang", 1), ("Thái", 1),
        ("Thiện", 1), ("Thuận", 1), ("Trí", 1), ("Trọng", 1), ("Trường", 1), ("Tú", 1), ("Vĩnh", 0.5),
        ("Khiêm", 0.2), ("Luân", 0.2), ("Quyết", 0.2), ("Thạch", 0.1),
    ]
)  # fmt: skip
GIVEN_FEMALE = _nfc_weights(
    [
        ("An", 2), ("Anh", 5), ("Chi", 3), ("Dung", 3), ("Duyên", 2), ("Giang", 3), ("Hà", 4),
        ("Hạnh", 3), ("Hằng", 4), ("Hiền", 3), ("Hoa", 4), ("Hồng", 3), ("Hương", 5), ("Huyền", 4),
        ("Lan", 4), ("Liên", 2), ("Linh", 6), ("Loan", 2), ("Ly", 2), ("Mai", 4), ("My", 3), ("Nga", 3),
        ("Ngân", 3), ("Ngọc", 3), ("Nhung", 3), ("Nhi", 3), ("Oanh", 2), ("Phương", 4), ("Quỳnh", 3),
        ("Tâm", 2), ("Thảo", 5), ("Thu", 3), ("Thủy", 4), ("Trang", 6), ("Trâm", 2), ("Tuyết", 2),
        ("Uyên", 2), ("Vân", 3), ("Vy", 3), ("Yến", 3), ("Hậu", 1), ("Xuân", 1), ("Lệ", 1), ("Quyên", 1),
        ("Thư", 2), ("Thoa", 0.5), ("Diệp", 0.3), ("Khuê", 0.15),
    ]
)  # fmt: skip

# The 34 provinces since 01/07/2025 and the pre-2025 province codes (personal IDs) they took over.
NEW_PROVINCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("thành phố Hà Nội", ("001",)),
    ("tỉnh Cao Bằng", ("004",)),
    ("tỉnh Tuyên Quang", ("008", "002")),
    ("tỉnh Lào Cai", ("010", "015")),
    ("tỉnh Điện Biên", ("011",)),
    ("tỉnh Lai Châu", ("012",)),
    ("tỉnh Sơn La", ("014",)),
    ("tỉnh Thái Nguyên", ("019", "006")),
    ("tỉnh Lạng Sơn", ("020",)),
    ("tỉnh Quảng Ninh", ("022",)),
    ("tỉnh Bắc Ninh", ("027", "024")),
    ("tỉnh Phú Thọ", ("025", "026", "017")),
    ("thành phố Hải Phòng", ("031", "030")),
    ("tỉnh Hưng Yên", ("033", "034")),
    ("tỉnh Ninh Bình", ("037", "035", "036")),
    ("tỉnh Thanh Hóa", ("038",)),
    ("tỉnh Nghệ An", ("040",)),
    ("tỉnh Hà Tĩnh", ("042",)),
    ("tỉnh Quảng Trị", ("045", "044")),
    ("thành phố Huế", ("046",)),
    ("thành phố Đà Nẵng", ("048", "049")),
    ("tỉnh Quảng Ngãi", ("051", "062")),
    ("tỉnh Gia Lai", ("064", "052")),
    ("tỉnh Đắk Lắk", ("066", "054")),
    ("tỉnh Khánh Hòa", ("056", "058")),
    ("tỉnh Lâm Đồng", ("068", "067", "060")),
    ("tỉnh Đồng Nai", ("075", "070")),
    ("tỉnh Tây Ninh", ("072", "080")),
    ("thành phố Hồ Chí Minh", ("079", "074", "077")),
    ("tỉnh Đồng Tháp", ("087", "082")),
    ("tỉnh Vĩnh Long", ("086", "083", "084")),
    ("thành phố Cần Thơ", ("092", "093", "094")),
    ("tỉnh An Giang", ("089", "091")),
    ("tỉnh Cà Mau", ("096", "095")),
)
COMMUNES_XA = (
    "Tân Phú", "Hòa Thắng", "Phước Hà", "Vĩnh Hải", "Đông Thạnh", "Xuân Sơn", "An Lạc", "Bình Minh",
    "Suối Dầu", "Cam An", "Diên Điền", "Ninh Phước", "Tây Sơn", "Hòa Xuân", "Trung Nghĩa", "Phú Lộc",
)  # fmt: skip
COMMUNES_PHUONG = (
    "Bắc Nha Trang", "Tây Nha Trang", "Ba Ngòi", "Cam Linh", "Ninh Hòa", "Bảo An", "Đô Vinh",
    "Phan Rang", "Hòa Thuận", "Thuận Thành", "Hải Châu", "Thanh Khê",
)  # fmt: skip
VILLAGE_NAMES = (
    "Đông", "Tây", "Nam", "Bắc", "Phú Hòa", "Tân Lập", "Hòa Bình", "An Ninh", "Phước Lộc", "Vĩnh Xuân",
    "Trung", "Thượng", "Hạ", "Tân Thành", "Xuân Phong",
)  # fmt: skip
STREETS = (
    "Lê Lợi", "Trần Phú", "Nguyễn Trãi", "Hùng Vương", "Quang Trung", "Lý Thường Kiệt", "Hai Bà Trưng",
    "Lê Thánh Tôn", "Nguyễn Huệ", "Phan Chu Trinh", "Thống Nhất", "Hoàng Văn Thụ", "Trần Hưng Đạo",
)  # fmt: skip
MOBILE_PREFIXES = (
    "032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077", "078", "079", "081",
    "082", "083", "084", "085", "086", "088", "089", "090", "091", "093", "094", "096", "097", "098",
)  # fmt: skip

# The procedure mix of a commune counter, by catalogue code (others in the store get a small share).
PROCEDURE_WEIGHTS: dict[str, float] = {
    "2.000815": 30,  # chứng thực bản sao từ bản chính
    "1.001193": 20,  # đăng ký khai sinh
    "2.000884": 9,  # chứng thực chữ ký
    "1.004873": 8,  # xác nhận tình trạng hôn nhân
    "2.000635": 7,  # bản sao trích lục hộ tịch
    "1.000894": 6,  # đăng ký kết hôn
    "2.001035": 6,  # chứng thực hợp đồng, giao dịch
    "1.000656": 5,  # đăng ký khai tử
    "LT.KS-TT-BHYT": 5,  # liên thông khai sinh, thường trú, BHYT
    "2.000908": 1,  # bản sao từ sổ gốc
    "1.001022": 0.5,  # nhận cha, mẹ, con
    "2.001019": 0.5,  # chứng thực di chúc
}
OTHER_PROCEDURE_WEIGHT = 1.0
# Who owns and who submits a file of a procedure.
PROFILES: dict[str, str] = {
    "1.001193": "birth",
    "LT.KS-TT-BHYT": "birth",
    "1.000656": "death",
    "1.000894": "marriage",
    "1.001022": "parentage",
}

SUPPLEMENT_NOTES = (
    "Bổ sung bản sao giấy tờ tùy thân của người yêu cầu",
    "Bổ sung giấy tờ chứng minh nơi cư trú",
    "Tờ khai chưa ghi đủ thông tin, đề nghị bổ sung",
    "Bổ sung văn bản ủy quyền có chứng thực",
)
REFUSAL_NOTES = (
    "Hồ sơ không thuộc thẩm quyền giải quyết",
    "Giấy tờ xuất trình không hợp lệ",
    "Người yêu cầu không đủ năng lực hành vi dân sự",
)
EXTENSION_NOTES = (
    "Cần xác minh thêm thông tin với cơ quan liên quan",
    "Chờ kết quả xác minh từ nơi cư trú trước đây",
)
WITHDRAWAL_NOTE = "Công dân đề nghị rút hồ sơ"
STOP_NOTE = "Dừng xử lý theo đề nghị của người yêu cầu"

# -- storage -------------------------------------------------------------------------------------------

_CITIZEN_COLUMNS = (
    "id", "kind", "personal_id", "old_id", "org_code", "full_name", "name_folded", "date_of_birth", "sex",
    "address", "phone", "email", "created_at", "updated_at",
)  # fmt: skip
_FILE_COLUMNS = (
    "pk", "id", "code", "agency_code", "workstation", "procedure_code", "procedure_version_id", "owner_id",
    "submitter_id", "channel", "status", "received_at", "clock_started_at", "due_at", "original_due_at",
    "extension_count", "finished_at", "returned_at", "sets", "return_method", "fee_total", "register_year",
    "register_book", "register_entry", "summary", "note", "search_text", "received_by", "created_at",
    "updated_at",
)  # fmt: skip
_DOCUMENT_COLUMNS = (
    "id",
    "file_id",
    "position",
    "code",
    "name",
    "originals",
    "certified_copies",
    "photocopies",
)
_FEE_COLUMNS = ("id", "file_id", "position", "code", "name", "amount")
_EVENT_COLUMNS = (
    "id", "file_id", "at", "user_id", "kind", "from_status", "to_status", "note", "due_before", "due_after",
)  # fmt: skip
# (table, columns, index of the rows in a chunk), in foreign-key order.
_TABLES: tuple[tuple[Any, tuple[str, ...], int], ...] = (
    (Citizen.__table__, _CITIZEN_COLUMNS, 0),
    (File.__table__, _FILE_COLUMNS, 1),
    (FileDocument.__table__, _DOCUMENT_COLUMNS, 2),
    (FileFee.__table__, _FEE_COLUMNS, 3),
    (FileEvent.__table__, _EVENT_COLUMNS, 4),
)
_SEARCH_TEXT = _FILE_COLUMNS.index("search_text")

# Exactly as migration 0001 creates it; dropped for the bulk load and recreated in the same transaction.
_FTS_INSERT_TRIGGER = (
    "CREATE TRIGGER files_fts_insert AFTER INSERT ON files BEGIN "
    "INSERT INTO files_fts(rowid, search_text) VALUES (new.pk, new.search_text); END"
)

_UTC_OFFSET = 7 * 3600  # Vietnam keeps UTC+7 all year
# " HH:MM:SS.000000" for every second of a day: the time part of a stored timestamp.
_TIMES_OF_DAY = tuple(
    f" {h:02d}:{m:02d}:{s:02d}.000000" for h in range(24) for m in range(60) for s in range(60)
)
_ID_BLOCK = 65_536


def _id_stream() -> Iterator[str]:
    """Time-ordered UUIDv7 ids as SQLAlchemy's ``Uuid`` stores them on SQLite (32 hex digits).

    :func:`records.store.types.new_id` costs ~3 µs an id and a file needs ~9, so the demo makes the same
    kind of id in bulk: 48 bits of Unix milliseconds, version 7, 12 random bits, the RFC 9562 variant and
    a 62-bit counter from a random start. Unique, increasing (the B-trees grow at their right edge, as
    with ``new_id``), and read back by the ORM as ``uuid.UUID``.
    """
    last_ms = 0
    while True:
        ms = max(_time.time_ns() // 1_000_000, last_ms + 1)
        last_ms = ms
        rand = int.from_bytes(os.urandom(10), "big")
        prefix = f"{ms & 0xFFFF_FFFF_FFFF:012x}7{rand >> 68:03x}"
        start = (rand & ((1 << 61) - 1)) | (1 << 63)  # variant 0b10, then a counter with room to grow
        yield from [prefix + format(v, "016x") for v in range(start, start + _ID_BLOCK)]


# -- the working clock -----------------------------------------------------------------------------------


class _OfficeClock:
    """Moments as integer seconds: ``ls`` = local (UTC+7) seconds since 0001-01-01 00:00, ``o`` = office
    seconds (working-day index × office seconds a day + office time elapsed that day), so adding office
    time is an addition and the moments of the office clock are in order in both."""

    def __init__(self, calendar: WorkingCalendar, first: date, last: date) -> None:
        self.calendar = calendar
        self.intervals = tuple(
            (
                start.hour * 3600 + start.minute * 60 + start.second,
                end.hour * 3600 + end.minute * 60 + end.second,
            )
            for start, end in calendar.office_hours.intervals
        )
        self.per_day = sum(end - start for start, end in self.intervals)
        self.closing = self.intervals[-1][1]
        self.days = [
            ordinal
            for ordinal in range(first.toordinal(), last.toordinal() + 1)
            if calendar.is_working_day(date.fromordinal(ordinal))
        ]
        self.index = {d: i for i, d in enumerate(self.days)}
        self.first_day = first.toordinal() - 1
        self.day_texts = [
            date.fromordinal(d).isoformat() for d in range(self.first_day, last.toordinal() + 1)
        ]

    def to_ls(self, o: int) -> int:
        widx, off = divmod(o, self.per_day)
        base = self.days[widx] * 86400
        for start, end in self.intervals:
            if off < end - start:
                return base + start + off
            off -= end - start
        raise AssertionError("unreachable")  # pragma: no cover

    def to_office(self, ls: int) -> int:
        """The office moment of ``ls``; outside office hours, the next opening (or the day's end)."""
        day, tod = divmod(ls, 86400)
        widx = self.index.get(day)
        if widx is None:
            return bisect_left(self.days, day) * self.per_day
        off = 0
        for start, end in self.intervals:
            if tod < start:
                break
            if tod < end:
                return widx * self.per_day + off + tod - start
            off += end - start
        return widx * self.per_day + off

    def text(self, ls: int) -> str:
        """``ls`` as SQLAlchemy's ``DateTime`` stores it on SQLite (naive UTC, with microseconds)."""
        day, tod = divmod(ls - _UTC_OFFSET, 86400)
        index = day - self.first_day
        if 0 <= index < len(self.day_texts):
            return self.day_texts[index] + _TIMES_OF_DAY[tod]
        return date.fromordinal(day).isoformat() + _TIMES_OF_DAY[tod]

    @staticmethod
    def ls_of(moment: datetime) -> int:
        here = moment.astimezone(VIETNAM_TZ)
        return here.toordinal() * 86400 + here.hour * 3600 + here.minute * 60 + here.second

    @staticmethod
    def aware(ls: int) -> datetime:
        day, tod = divmod(ls, 86400)
        return datetime.combine(date.fromordinal(day), time(), tzinfo=VIETNAM_TZ) + timedelta(seconds=tod)


# -- the catalogue as the generator sees it --------------------------------------------------------------

_Doc = tuple[str | None, str, int, int, int]
_FeeLines = tuple[tuple[tuple[str, str, int | None], ...], int | None]


@dataclass
class _Version:
    index: int
    procedure_code: str
    id_hex: str
    rule: ProcedureVersion
    start: int  # the first ordinal in force
    end: int | None  # the first ordinal no longer in force
    profile: str
    paged: bool  # a per-page fee: copies and pages vary
    per_copy: bool
    documents: tuple[_Doc, ...]  # the mandatory ones
    optional: tuple[_Doc, ...]
    same_day: bool
    working_days: bool
    cutoff: int
    fee_cache: dict[tuple[int, int], _FeeLines] = field(default_factory=dict)

    def fee_lines(self, copies: int, pages: int) -> _FeeLines:
        """The fee lines and total as :meth:`FileService.register` computes them."""
        cached = self.fee_cache.get((copies, pages))
        if cached is None:
            lines = tuple(
                (rule.code, rule.name, compute_fee(rule, copies=copies, pages=pages))
                for rule in self.rule.fees
            )
            known = [amount for _, _, amount in lines if amount is not None]
            cached = self.fee_cache[(copies, pages)] = (lines, sum(known) if known or not lines else None)
        return cached


def _matches(code: str, known: str) -> bool:
    return code == known or code.startswith(known + ".")  # local variants append the agency code


def _load_versions(session: Session) -> list[_Version]:
    rows = session.execute(
        select(VersionRow.id, VersionRow.procedure_code, VersionRow.rule)
        .join(Procedure, Procedure.code == VersionRow.procedure_code)
        .where(Procedure.active.is_(True))
        .order_by(VersionRow.procedure_code, VersionRow.effective_from)
    ).all()
    versions: list[_Version] = []
    for version_id, code, rule_json in rows:
        rule = ProcedureVersion.from_json(rule_json)
        kinds = {fee.kind for fee in rule.fees}

        def doc(d: Any) -> _Doc:
            counts = (d.originals, d.certified_copies, d.photocopies)
            return (d.code, d.name, *(counts if any(counts) else (1, 0, 0)))

        mandatory = tuple(doc(d) for d in rule.documents if d.mandatory)
        pt = rule.processing_time
        versions.append(
            _Version(
                index=len(versions),
                procedure_code=code,
                id_hex=uuid.UUID(str(version_id)).hex,
                rule=rule,
                start=rule.effective_from.toordinal(),
                end=rule.effective_to.toordinal() if rule.effective_to else None,
                profile=next((p for known, p in PROFILES.items() if _matches(code, known)), "self"),
                paged="per_page_tiered" in kinds,
                per_copy="per_copy" in kinds,
                documents=mandatory,
                optional=tuple(doc(d) for d in rule.documents if not d.mandatory),
                same_day=pt.kind == "same_day",
                working_days=pt.kind == "working_days" and pt.amount > 0,
                cutoff=pt.cutoff.hour * 3600 + pt.cutoff.minute * 60,
            )
        )
    return versions


def _weight(code: str) -> float:
    return next(
        (w for known, w in PROCEDURE_WEIGHTS.items() if _matches(code, known)), OTHER_PROCEDURE_WEIGHT
    )


# -- people --------------------------------------------------------------------------------------------


def _province_from_agency(code: str) -> int:
    """The index in NEW_PROVINCES of the agency's province, guessed from a level-1 code ``Hdd`` whose digits
    are a pre-2025 province code (for demonstration only); Hà Nội otherwise."""
    match = re.search(r"(?:^|\.)[A-Z](\d{2})(?:\.|$)", code)
    if match:
        old = "0" + match.group(1)
        for index, (_, olds) in enumerate(NEW_PROVINCES):
            if old in olds:
                return index
    return 0


def _local_commune(agency_name: str) -> str | None:
    """ "xã Thử Nghiệm" from "UBND xã Thử Nghiệm"."""
    match = re.search(
        r"\b(xã|phường|đặc khu)\s+(.+)$", unicodedata.normalize("NFC", agency_name), re.IGNORECASE
    )
    return f"{match.group(1).lower()} {match.group(2).strip()}" if match else None


_Person = tuple[str, str, int]  # (citizen id, folded name, surname index)


class _People:
    """Makes citizens (names, unique personal IDs, addresses, phones) and keeps the returning adults."""

    ADDRESSES = 6_000

    def __init__(self, rng: random.Random, agency: AgencyConfig, taken_ids: set[str], today: int) -> None:
        self.rng = rng
        self.taken = taken_ids
        self.adult_before = today - 18 * 365
        home = _province_from_agency(agency.code)
        self.home_name, self.home_codes = NEW_PROVINCES[home]
        self.other_codes = tuple(c for c in PROVINCES if c not in self.home_codes)
        self.local_commune = _local_commune(agency.name) or f"xã {COMMUNES_XA[0]}"
        self.addresses = [self._address() for _ in range(self.ADDRESSES)]
        self.pool: list[_Person] = []
        self.rows: list[tuple[Any, ...]] = []
        self.made = 0
        self._births: dict[int, tuple[str, int, bool]] = {}
        self._surnames = [(s, fold(s)) for s in SURNAMES[0]]
        self._tables = {}
        for key, table in (
            ("mo", MIDDLE_MALE_OLD), ("my", MIDDLE_MALE_YOUNG), ("fo", MIDDLE_FEMALE_OLD),
            ("fy", MIDDLE_FEMALE_YOUNG), ("f2", MIDDLE_FEMALE_SECOND), ("gm", GIVEN_MALE),
            ("gf", GIVEN_FEMALE),
        ):  # fmt: skip
            names, cum = table
            self._tables[key] = ([(n, fold(n)) for n in names], cum, cum[-1])

    def _pick(self, key: str) -> tuple[str, str]:
        names, cum, total = self._tables[key]
        return names[bisect_left(cum, self.rng.random() * total)]

    def new(self, born: int, male: bool, stamp: str, surname: int | None, nid: Callable[[], str]) -> _Person:
        """A new citizen born on ordinal ``born``."""
        r = self.rng.random
        if surname is None:
            surname = bisect_left(SURNAMES[1], r() * SURNAMES[1][-1])
        birth = self._births.get(born)
        if birth is None:
            day = date.fromordinal(born)
            birth = self._births[born] = (day.isoformat(), day.year, day.year >= 1985)
        iso, year, young = birth
        if male:
            middle, middle_f = self._pick("my" if young else "mo")
            given, given_f = self._pick("gm")
        else:
            middle, middle_f = self._pick("fy" if young else "fo")
            if middle == "Thị" and r() < 0.18:
                second, second_f = self._pick("f2")
                middle, middle_f = f"Thị {second}", f"thi {second_f}"
            given, given_f = self._pick("gf")
        sur, sur_f = self._surnames[surname]
        folded = f"{sur_f} {middle_f} {given_f}"
        # Personal ID: province of birth registration · century+sex · two digits of the year · six digits.
        x = r()
        if x < 0.72:
            codes = self.home_codes
            province = codes[0] if x < 0.45 else codes[int(r() * len(codes))]
        else:
            province = self.other_codes[int(r() * len(self.other_codes))]
        head = f"{province}{(year // 100 - 19) * 2 + (0 if male else 1)}{year % 100:02d}"
        number = f"{head}{int(r() * 1_000_000):06d}"
        while number in self.taken:
            number = f"{head}{int(r() * 1_000_000):06d}"
        self.taken.add(number)
        old_id = f"{int(r() * 390_000_000) + 10_000_000:09d}" if year < 1990 and r() < 0.2 else None
        phone = email = None
        if born < self.adult_before and r() < 0.88:
            phone = f"{MOBILE_PREFIXES[int(r() * len(MOBILE_PREFIXES))]}{int(r() * 10_000_000):07d}"
            if young and r() < 0.08:
                email = f"{given_f}.{sur_f.replace(' ', '')}{int(r() * 100)}@gmail.com"
        cid = nid()
        self.rows.append(
            (
                cid, 1, number, old_id, None, f"{sur} {middle} {given}", folded, iso,
                "male" if male else "female", self.addresses[int(r() * self.ADDRESSES)], phone, email, stamp,
                stamp,
            )
        )  # fmt: skip
        self.made += 1
        return cid, folded, surname

    def adult(self, day: int, stamp: str, male: bool, nid: Callable[[], str]) -> _Person:
        """A returning citizen (60 % of the time, once there are some) or a new adult, who may return."""
        r = self.rng.random
        pool = self.pool
        if pool and r() < 0.6:
            return pool[int(r() * len(pool))]
        x = r()  # age: 18-29 28 %, 30-44 34 %, 45-59 24 %, 60-84 14 %
        if x < 0.28:
            years = 18 + x / 0.28 * 12
        elif x < 0.62:
            years = 30 + (x - 0.28) / 0.34 * 15
        elif x < 0.86:
            years = 45 + (x - 0.62) / 0.24 * 15
        else:
            years = 60 + (x - 0.86) / 0.14 * 25
        person = self.new(day - int(years * 365.25) - int(r() * 365), male, stamp, None, nid)
        pool.append(person)
        return person

    def _address(self) -> str:
        """An address in the two-level form: village or residential group, commune, province."""
        rng = self.rng
        x = rng.random()
        if x < 0.70:
            commune, province = self.local_commune, self.home_name
        else:
            province = self.home_name if x < 0.92 else rng.choice(NEW_PROVINCES)[0]
            if rng.random() < 0.7:
                commune = f"xã {rng.choice(COMMUNES_XA)}"
            else:
                commune = f"phường {rng.choice(COMMUNES_PHUONG)}"
        if commune.startswith("phường"):
            place = f"Tổ dân phố {rng.randrange(1, 26)}"
            if rng.random() < 0.4:
                place = f"Số {rng.randrange(1, 300)} đường {rng.choice(STREETS)}, {place}"
        elif rng.random() < 0.7:
            place = f"Thôn {rng.randrange(1, 13)}"
        else:
            place = f"Thôn {rng.choice(VILLAGE_NAMES)}"
        return f"{place}, {commune}, {province}"


# -- the generator ---------------------------------------------------------------------------------------

# A chunk as it travels between processes (marshal): citizens, files, documents, fees, events, FTS rows,
# {ordinal: (issued before, after)}, {year: (last entry before, after)}, first pk, number of events.
_Chunk = tuple[Any, ...]


@dataclass
class _Setup:
    """Everything the generator needs, picklable (it may run in a worker process)."""

    seed: int
    agency: AgencyConfig
    actor_hex: str
    calendar_parts: tuple[Any, ...]
    versions: list[_Version]
    stamp: datetime
    taken_ids: set[str]
    day_issued: dict[int, int]
    year_entries: dict[int, int]
    existing_codes: set[str]
    first_pk: int

    def calendar(self) -> WorkingCalendar:
        office_hours, tables, rules, weekend = self.calendar_parts
        return WorkingCalendar(
            office_hours=office_hours, tables=tables, statutory_rules=rules, weekend=weekend
        )


class _Generator:
    def __init__(self, setup: _Setup, calendar: WorkingCalendar | None = None) -> None:
        self.rng = random.Random(f"motcua-demo-{setup.seed}")
        self.agency = agency = setup.agency
        self.actor = setup.actor_hex
        self.calendar = calendar or setup.calendar()
        self.versions = setup.versions
        self.nid = _id_stream().__next__
        self.now_ls = _OfficeClock.ls_of(setup.stamp)
        today = setup.stamp.astimezone(VIETNAM_TZ).date()
        self.today = today
        self.start = date.fromordinal(
            max(today.toordinal() - WINDOW_DAYS, min(v.start for v in self.versions))
        )
        self.people = _People(
            random.Random(f"motcua-demo-people-{setup.seed}"), agency, setup.taken_ids, today.toordinal()
        )
        # Office days from before the window to well after today (due dates, extensions).
        self.clock = _OfficeClock(self.calendar, self.start - timedelta(days=7), today + timedelta(days=400))
        self.now_o = self.clock.to_office(self.now_ls)
        self.day_issued = setup.day_issued
        self.year_entries = setup.year_entries
        self.existing_codes = setup.existing_codes
        self.next_pk = setup.first_pk
        self.scheme = agency.scheme
        scheme = agency.scheme
        scheme.check_workstation(agency.workstation)
        self._seq = (scheme.block_size, scheme.max_workstations, agency.workstation - 1, scheme.min_digits)
        self._due: dict[tuple[int, int, bool], int] = {}
        self._due_text: dict[int, str] = {}
        self._options: dict[int, tuple[list[_Version], list[float], float]] = {}

    # -- planning ------------------------------------------------------------------------------------

    def plan(self, n: int) -> list[int]:
        """The office moments of ``n`` receipts, in order, over the working days of the window: more on
        Mondays and before Tết, more each year, a busier morning."""
        rng = self.rng
        clock = self.clock
        today = self.today.toordinal()
        start = self.start.toordinal()
        days: list[tuple[int, float, int]] = []  # (working-day index, weight, office seconds available)
        for widx, ordinal in enumerate(clock.days):
            if ordinal < start:
                continue
            if ordinal > today:
                break
            if not self._choices(ordinal)[0]:
                continue
            available = min(clock.per_day, self.now_o - widx * clock.per_day)
            if available <= 0:
                continue
            day = date.fromordinal(ordinal)
            weight = (1.25, 1.1, 1.0, 1.0, 0.9, 0.5, 0.5)[day.weekday()]
            weight *= {1: 1.15, 2: 0.9, 12: 1.1}.get(day.month, 1.0)
            weight *= 0.8 + 0.4 * (ordinal - start) / max(today - start, 1)
            weight *= (0.85 + 0.3 * rng.random()) * available / clock.per_day
            days.append((widx, weight, available))
        if not days:
            raise InvalidInput("no working day with a procedure in force in the demo window")
        total = sum(w for _, w, _ in days)
        moments: list[int] = []
        placed = 0
        running = 0.0
        r = rng.random
        for widx, weight, available in days:
            running += n * weight / total
            count = round(running) - placed
            placed += count
            base = widx * clock.per_day
            moments.extend(sorted(base + int(available * r() ** 1.1) for _ in range(count)))
        return moments

    def _choices(self, ordinal: int) -> tuple[list[_Version], list[float], float]:
        cached = self._options.get(ordinal)
        if cached is None:
            options = [v for v in self.versions if v.start <= ordinal and (v.end is None or ordinal < v.end)]
            cum = list(accumulate(_weight(v.procedure_code) for v in options))
            cached = self._options[ordinal] = (options, cum, cum[-1] if cum else 0.0)
        return cached

    # -- due dates -----------------------------------------------------------------------------------

    def due(self, version: _Version, ls: int) -> int:
        """records.calendar.due_at for a file of ``version`` received (or resubmitted) at ``ls``."""
        if version.same_day:
            day, tod = divmod(ls, 86400)
            key = (version.index, day, tod < version.cutoff)
        elif version.working_days:
            key = (version.index, ls // 86400, True)
        else:
            return self._due_at(version, ls)
        cached = self._due.get(key)
        if cached is None:
            cached = self._due[key] = self._due_at(version, ls)
        return cached

    def _due_at(self, version: _Version, ls: int) -> int:
        return self.clock.ls_of(due_at(self.calendar, version.rule.processing_time, self.clock.aware(ls)))

    def due_text(self, ls: int | None) -> str | None:
        if ls is None:
            return None
        cached = self._due_text.get(ls)
        if cached is None:
            cached = self._due_text[ls] = self.clock.text(ls)
        return cached

    def _code_parts(self, day: date) -> tuple[str, str]:
        """The text before and after the sequence number in ``day``'s codes, checked against
        FileCodeScheme.code_for (``("", "")`` when the template cannot be split: code_for is used)."""
        scheme = self.scheme
        parts = scheme.template.format(
            agency=self.agency.code, yymmdd=day.strftime("%y%m%d"), seq="\0"
        ).split("\0")
        if len(parts) != 2:
            return "", ""
        head, tail = parts
        block, max_ws, ws_block, digits = self._seq
        for nth in (1, block + 1):
            rounds, offset = divmod(nth - 1, block)
            fast = f"{head}{(rounds * max_ws + ws_block) * block + offset + 1:0{digits}d}{tail}"
            if fast != scheme.code_for(self.agency.code, self.agency.workstation, day, nth):
                return "", ""
        return head, tail

    # -- one chunk -----------------------------------------------------------------------------------

    def chunk(self, moments: Sequence[int]) -> _Chunk:
        """The rows of the files received at ``moments`` (office seconds, in order)."""
        rng = self.rng
        r = rng.random
        nid = self.nid
        clock = self.clock
        to_ls = clock.to_ls
        text_of = clock.text
        due_text = self.due_text
        people = self.people
        people.rows = []
        new_person = people.new
        adult = people.adult
        pool = people.pool
        agency_code = self.agency.code
        ws = self.agency.workstation
        actor = self.actor
        now_o = self.now_o
        block, max_ws, ws_block, min_digits = self._seq
        existing = self.existing_codes
        files: list[tuple[Any, ...]] = []
        documents: list[tuple[Any, ...]] = []
        fees: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []
        fts: list[tuple[int, str]] = []
        day_counters: dict[int, tuple[int, int]] = {}
        year_counters: dict[int, tuple[int, int]] = {}
        first_pk = pk = self.next_pk
        event_count = 0
        current_day = -1
        issued = 0
        head = tail = ""
        options: list[_Version] = []
        cum: list[float] = []
        total = 0.0
        year = entry = 0

        for t0 in moments:
            ls0 = to_ls(t0)
            day = ls0 // 86400
            received = text_of(ls0)
            if day != current_day:
                if current_day >= 0:
                    self.day_issued[current_day] = issued
                    day_counters[current_day] = (day_counters[current_day][0], issued)
                    self.year_entries[year] = entry
                    year_counters[year] = (year_counters[year][0], entry)
                current_day = day
                the_day = date.fromordinal(day)
                issued = self.day_issued.get(day, 0)
                day_counters[day] = (issued, issued)
                head, tail = self._code_parts(the_day)
                year = the_day.year
                entry = self.year_entries.get(year, 0)
                year_counters.setdefault(year, (entry, entry))
                options, cum, total = self._choices(day)
            version = options[bisect_left(cum, r() * total)]
            file_id = nid()

            # -- numbering: the day's n-th code of this workstation (FileCodeScheme), the year's entry
            while True:
                issued += 1
                if head or tail:
                    rounds, offset = divmod(issued - 1, block)
                    code = f"{head}{(rounds * max_ws + ws_block) * block + offset + 1:0{min_digits}d}{tail}"
                else:
                    code = self.scheme.code_for(agency_code, ws, date.fromordinal(day), issued)
                if code not in existing:
                    break
            entry += 1

            # -- owner and submitter
            profile = version.profile
            if profile == "self":
                owner = adult(day, received, r() < 0.5, nid)
                submitter = owner if r() < 0.9 else adult(day, received, r() < 0.5, nid)
            elif profile == "birth" or profile == "parentage":
                submitter = adult(day, received, r() < 0.4, nid)
                age = 1 + int(r() * 59) if profile == "birth" else 200 + int(r() * 5000)
                owner = new_person(day - age, r() < 0.515, received, submitter[2] if r() < 0.8 else None, nid)
            elif profile == "death":
                submitter = adult(day, received, r() < 0.5, nid)
                owner = new_person(day - 18250 - int(r() * 17500), r() < 0.55, received, None, nid)
            else:  # marriage: one of the couple, often both at the counter
                male = r() < 0.5
                owner = new_person(day - 7300 - int(r() * 7300), male, received, None, nid)
                pool.append(owner)
                if r() < 0.6:
                    submitter = owner
                else:
                    submitter = new_person(day - 7300 - int(r() * 7300), not male, received, None, nid)
                    pool.append(submitter)
            search_text = owner[1] if submitter is owner else f"{owner[1]} {submitter[1]}"

            # -- documents received, fees
            copies = pages = 1
            summary = None
            if version.paged:
                copies = 1 + int(r() ** 2 * 6)
                pages = 1 + int(r() ** 1.6 * 12)
                summary = f"{copies} bản sao, {pages} trang/bản"
            elif version.per_copy:
                copies = 1 + int(r() ** 2 * 3)
                summary = f"{copies} bản sao"
            fee_lines, fee_total = version.fee_lines(copies, pages)
            docs = version.documents
            if version.optional:  # each optional paper comes with one file in five
                docs = docs + tuple(d for d in version.optional if r() < 0.2) or version.optional[:1]
            for position, (dcode, dname, originals, certified, photocopies) in enumerate(docs, 1):
                documents.append((nid(), file_id, position, dcode, dname, originals, certified, photocopies))
            for position, (fcode, fname, amount) in enumerate(fee_lines, 1):
                fees.append((nid(), file_id, position, fcode, fname, amount))

            # -- the file's life, planned, then replayed up to now as FileService.set_status would
            x = r()
            if x < 0.01:
                status = REFUSED
                note = REFUSAL_NOTES[int(r() * len(REFUSAL_NOTES))]
            elif x < 0.035:
                status = SUPPLEMENT
                note = SUPPLEMENT_NOTES[int(r() * len(SUPPLEMENT_NOTES))]
            else:
                status = RECEIVED
                note = None
            due = self.due(version, ls0) if status == RECEIVED else None
            original_due = due
            clock_started = received
            finished = received if status == REFUSED else None
            returned = None
            extensions = 0
            events.append(
                (nid(), file_id, received, actor, "registered", None, status, note, None, due_text(due))
            )
            event_count += 1
            last = received
            steps = self._plan(version, t0, status) if status != REFUSED else ()
            for o, target, step_note, new_due in steps:
                if o >= now_o:
                    break
                ls = to_ls(o)
                at = text_of(ls)
                before = due
                if target == 0:  # the due date moved once, with the apology (Mẫu 04)
                    due = new_due
                    extensions += 1
                    events.append(
                        (nid(), file_id, at, actor, "extended", status, status, step_note, due_text(before),
                         due_text(due))
                    )  # fmt: skip
                else:
                    if target == SUPPLEMENT:
                        due = None
                    elif status == SUPPLEMENT and target in (RECEIVED, IN_PROGRESS):
                        clock_started = at
                        due = original_due = self.due(version, ls)
                    if target == RESULT_READY:
                        finished = at
                    elif target == RETURNED:
                        returned = at
                    elif target in (WITHDRAWN, STOPPED):
                        finished = at
                    events.append(
                        (nid(), file_id, at, actor, "status_changed", status, target, step_note,
                         due_text(before), due_text(due))
                    )  # fmt: skip
                    status = target
                event_count += 1
                last = at

            x = r()
            channel = 1 if x < 0.88 else 2 if x < 0.985 else 3
            files.append(
                (
                    pk, file_id, code, agency_code, ws, version.procedure_code, version.id_hex, owner[0],
                    submitter[0], channel, status, received, clock_started, due_text(due),
                    due_text(original_due), extensions, finished, returned, 1,
                    "post" if channel == 3 or x < 0.02 else "counter", fee_total, year, ws, entry, summary,
                    None, search_text, actor, received, last,
                )
            )  # fmt: skip
            fts.append((pk, search_text))
            pk += 1

        if current_day >= 0:
            self.day_issued[current_day] = issued
            day_counters[current_day] = (day_counters[current_day][0], issued)
            self.year_entries[year] = entry
            year_counters[year] = (year_counters[year][0], entry)
        self.next_pk = pk
        return (
            people.rows,
            files,
            documents,
            fees,
            events,
            fts,
            day_counters,
            year_counters,
            first_pk,
            event_count,
        )

    def _plan(
        self, version: _Version, t0: int, initial: int
    ) -> list[tuple[int, int, str | None, int | None]]:
        """A file's planned steps from its registration at office moment ``t0``: (office moment, target
        status or 0 for an extension, note, new due date of an extension), in time order."""
        r = self.rng.random
        per_day = self.clock.per_day
        clock = self.clock
        steps: list[tuple[int, int, str | None, int | None]] = []
        t = t0
        resubmitted = False
        if initial == SUPPLEMENT:  # incomplete at the counter (Mẫu 02)
            y = r()
            if y < 0.8:
                t += 1800 + int(r() * 6 * per_day)
                steps.append((t, RECEIVED, None, None))  # the complete file: the clock starts
                resubmitted = True
            else:
                if y < 0.9:
                    steps.append((t + per_day + int(r() * 15 * per_day), WITHDRAWN, WITHDRAWAL_NOTE, None))
                return steps  # withdrawn, or never came back
        due_o = clock.to_office(self.due(version, clock.to_ls(t)))
        x = r()
        if x < 0.008:  # withdrawn while waiting
            steps.append((t + 600 + int(r() * 2 * per_day), WITHDRAWN, WITHDRAWAL_NOTE, None))
            return steps
        start = t + 120 + int(r() * min(max(due_o - t, 600) * 0.3, 7200))  # taken up for processing
        progress: int | None = start
        if x < 0.011:  # stopped (Mẫu 05: the applicant asked to stop)
            steps.append((start, IN_PROGRESS, None, None))
            steps.append((start + 3600 + int(r() * 3 * per_day), STOPPED, STOP_NOTE, None))
            return steps
        if x < 0.045 and not resubmitted:  # supplement requested after appraisal; the clock restarts
            steps.append((start, IN_PROGRESS, None, None))
            t = start + 1800 + int(r() * 2 * per_day)
            steps.append((t, SUPPLEMENT, SUPPLEMENT_NOTES[int(r() * len(SUPPLEMENT_NOTES))], None))
            y = r()
            if y < 0.08:
                steps.append((t + per_day + int(r() * 20 * per_day), WITHDRAWN, WITHDRAWAL_NOTE, None))
                return steps
            if y < 0.15:
                return steps  # never came back
            t += 1800 + int(r() * 8 * per_day)
            steps.append((t, IN_PROGRESS, None, None))
            due_o = clock.to_office(self.due(version, clock.to_ls(t)))
            progress = None
        span = max(due_o - t, 300)
        if r() >= 0.05:  # on time
            finish = min(t + 300 + int(span * (0.1 + 0.88 * r())), max(due_o - 60, t + 300))
        elif version.working_days and span > per_day and r() < 0.5:
            # Late, seen coming: the due date is extended once the day before (Mẫu 04), then the result.
            at = max(due_o - int(per_day * (0.3 + 0.6 * r())), t + 120)
            if progress is not None:
                if progress < at:
                    steps.append((progress, IN_PROGRESS, None, None))
                progress = None
            due_day = clock.days[(due_o - 1) // per_day]
            new_due = clock.days[clock.index[due_day] + (2, 3, 5)[int(r() * 3)]] * 86400 + clock.closing
            steps.append((at, 0, EXTENSION_NOTES[int(r() * len(EXTENSION_NOTES))], new_due))
            new_due_o = clock.to_office(new_due)
            if r() < 0.8:
                finish = due_o + int((new_due_o - due_o) * (0.1 + 0.85 * r()))
            else:
                finish = new_due_o + 600 + int(r() * 3 * per_day)
            finish = max(finish, at + 300)
        else:  # late
            finish = max(due_o, t + 300) + 600 + int(r() * 4 * per_day)
        if progress is not None and not (version.same_day and r() < 0.55):  # else a result on the spot
            steps.append((min(progress, finish - 60), IN_PROGRESS, None, None))
        if version.rule.fees and r() < 0.005:  # the fee must be paid first
            before = steps[-1][0] if steps else t
            steps.append((before + (finish - before) // 2, AWAITING_PAYMENT, None, None))
        steps.append((finish, RESULT_READY, None, None))
        y = r()
        if y < 0.012:
            return steps  # the result was never collected
        if version.same_day and y < 0.65:
            steps.append((finish + 60 + int(r() * 1800), RETURNED, None, None))
        else:
            steps.append((finish + 300 + int(r() ** 2 * 5 * per_day), RETURNED, None, None))
        return steps


# -- making chunks (here, or in a worker process) --------------------------------------------------------

# Below this many files a worker process costs more than it saves.
WORKER_THRESHOLD = 20_000
_ATTACHED = "demo_chunk"


@dataclass
class _Batch:
    """One chunk to write: its rows, or (from a worker) an SQLite file holding them; and its counters."""

    rows: _Chunk | None
    path: str | None
    day_counters: dict[int, tuple[int, int]]
    year_counters: dict[int, tuple[int, int]]
    first_pk: int
    events: int
    first_code: str
    last_code: str


def _batch(chunk: _Chunk, path: str | None = None) -> _Batch:
    files = chunk[1]
    return _Batch(
        None if path else chunk, path, chunk[6], chunk[7], chunk[8], chunk[9], files[0][2], files[-1][2]
    )


def _save_chunk_file(path: str, chunk: _Chunk) -> None:
    """Write a chunk's rows to a scratch SQLite file (no index, no journal): the writer copies them into the
    store with one INSERT … SELECT a table, in C, instead of binding every value in Python."""
    scratch = sqlite3.connect(path, isolation_level=None)
    try:
        scratch.execute("PRAGMA journal_mode=OFF")
        scratch.execute("PRAGMA synchronous=OFF")
        scratch.execute("BEGIN")
        for table, columns, index in _TABLES:
            scratch.execute(f"CREATE TABLE {table.name} ({', '.join(columns)})")
            marks = ", ".join("?" for _ in columns)
            scratch.executemany(f"INSERT INTO {table.name} VALUES ({marks})", chunk[index])
        scratch.execute("COMMIT")
    finally:
        scratch.close()


def _worker(conn: Any, setup: _Setup, rng_state: Any, slices: list[list[int]], folder: str) -> None:
    """The worker process: make every chunk into a scratch file and tell the parent, which writes it."""
    try:
        generator = _Generator(setup)
        generator.rng.setstate(rng_state)  # where the parent's generator was after planning
        for number, part in enumerate(slices):
            chunk = generator.chunk(part)
            path = os.path.join(folder, f"chunk-{number:05d}.sqlite3")
            _save_chunk_file(path, chunk)
            batch = _batch(chunk, path)
            del chunk
            conn.send_bytes(marshal.dumps(("chunk", _batch_fields(batch))))
        conn.send_bytes(marshal.dumps(("done", generator.people.made)))
    except BaseException as exc:  # reported to the parent, which raises it
        with suppress(OSError):  # unless the parent has gone
            conn.send_bytes(marshal.dumps(("error", f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def _batch_fields(batch: _Batch) -> tuple[Any, ...]:
    return (
        batch.path, batch.day_counters, batch.year_counters, batch.first_pk, batch.events, batch.first_code,
        batch.last_code,
    )  # fmt: skip


class _WorkerBatches:
    """Chunks made by a worker process, one ahead of the writer; :meth:`close` stops it if still running."""

    def __init__(
        self, setup: _Setup, rng_state: Any, slices: list[list[int]], folder: str, made: list[int]
    ) -> None:
        methods = multiprocessing.get_all_start_methods()
        # fork is fastest but only safe from a process with a single thread; spawn works everywhere.
        method = "fork" if "fork" in methods and threading.active_count() == 1 else "spawn"
        context: Any = multiprocessing.get_context(method)
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_worker, args=(sender, setup, rng_state, slices, folder), name="motcua-demo", daemon=True
        )
        self._process.start()
        sender.close()
        self._made = made

    def __iter__(self) -> Iterator[_Batch]:
        while True:
            try:
                kind, value = marshal.loads(self._receiver.recv_bytes())
            except EOFError:
                raise RuntimeError("the demo-data worker process ended unexpectedly") from None
            if kind == "chunk":
                path, days, years, first_pk, events, first_code, last_code = value
                yield _Batch(None, path, days, years, first_pk, events, first_code, last_code)
            elif kind == "done":
                self._made.append(value)
                return
            else:
                raise RuntimeError(f"the demo-data worker process failed: {value}")

    def close(self) -> None:
        self._receiver.close()
        self._process.join(timeout=10)
        if self._process.is_alive():  # the writer stopped early: end the worker this call started
            self._process.terminate()
            self._process.join()


def _batches_here(generator: _Generator, slices: list[list[int]], made: list[int]) -> Iterator[_Batch]:
    for part in slices:
        yield _batch(generator.chunk(part))
    made.append(generator.people.made)


# -- writing -------------------------------------------------------------------------------------------


def _python_rows(table: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Rows made for SQLite, as Python values for SQLAlchemy Core on other engines."""
    converters: list[Callable[[Any], Any] | None] = []
    for name in columns:
        kind = type(table.c[name].type).__name__
        if kind == "Uuid":
            converters.append(lambda v: None if v is None else uuid.UUID(hex=v))
        elif kind == "UTCDateTime":
            converters.append(lambda v: None if v is None else datetime.fromisoformat(v).replace(tzinfo=UTC))
        elif kind == "Date":
            converters.append(lambda v: None if v is None else date.fromisoformat(v))
        else:
            converters.append(None)
    return [
        {
            name: value if convert is None else convert(value)
            for name, convert, value in zip(columns, converters, row, strict=True)
        }
        for row in rows
    ]


@contextmanager
def _sqlite_transaction(db: Any, attach: str | None) -> Iterator[tuple[Connection, Any]]:
    """A write transaction on the store's SQLite file, with a scratch file attached (ATTACH cannot run
    inside a transaction, so this opens its own instead of ``Database.connection``)."""
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        if attach:
            raw.execute(f"ATTACH DATABASE ? AS {_ATTACHED}", (attach,))
        try:
            with conn.begin():
                # The first statement writes, so the transaction holds the write lock from its start (as
                # BEGIN IMMEDIATE would): the per-row FTS trigger costs more than one bulk insert into the
                # index, so it is dropped for the load and recreated, exactly as the migration made it, in
                # the same transaction (a failure rolls both back).
                raw.execute("DROP TRIGGER IF EXISTS files_fts_insert")
                raw.execute("PRAGMA cache_size=-262144")  # 256 MiB of page cache for the bulk load
                yield conn, raw
                raw.execute(_FTS_INSERT_TRIGGER)
        finally:
            raw.execute("PRAGMA cache_size=-2000")  # SQLite's default again for the pooled connection
            if attach:
                raw.execute(f"DETACH DATABASE {_ATTACHED}")


def _write(
    db: Any, agency: AgencyConfig, batch: _Batch, audit_entry: Callable[[Connection], None] | None
) -> None:
    """One batch in one transaction: rows, full-text index, counters (and the audit entry, with the first)."""
    if not db.is_sqlite:
        assert batch.rows is not None
        with db.connection() as conn:
            _check_counters(conn, agency, batch)
            for table, columns, index in _TABLES:
                if batch.rows[index]:
                    conn.execute(insert(table), _python_rows(table, columns, batch.rows[index]))
            _save_counters(conn, agency, batch)
            if audit_entry is not None:
                audit_entry(conn)
        return
    with _sqlite_transaction(db, batch.path) as (conn, raw):
        _check_counters(conn, agency, batch)
        for table, columns, index in _TABLES:
            names = ", ".join(columns)
            if batch.path:
                raw.execute(
                    f"INSERT INTO main.{table.name} ({names}) SELECT {names} FROM {_ATTACHED}.{table.name}"
                )
            elif batch.rows and batch.rows[index]:
                marks = ", ".join("?" for _ in columns)
                raw.executemany(
                    f"INSERT INTO main.{table.name} ({names}) VALUES ({marks})", batch.rows[index]
                )
        if batch.path:
            raw.execute(
                "INSERT INTO main.files_fts(rowid, search_text) "
                f"SELECT pk, search_text FROM {_ATTACHED}.files"
            )
        elif batch.rows:
            raw.executemany("INSERT INTO main.files_fts(rowid, search_text) VALUES (?, ?)", batch.rows[5])
        _save_counters(conn, agency, batch)
        if audit_entry is not None:
            audit_entry(conn)


def _check_counters(conn: Connection, agency: AgencyConfig, batch: _Batch) -> None:
    """Refuse to write when someone registered files since the counters were read."""
    day_counters, year_counters, first_pk = batch.day_counters, batch.year_counters, batch.first_pk
    days = {date.fromordinal(d): before for d, (before, _) in day_counters.items()}
    stored_days = dict(
        conn.execute(
            select(FileCodeCounter.day, FileCodeCounter.issued).where(
                FileCodeCounter.agency_code == agency.code,
                FileCodeCounter.workstation == agency.workstation,
                FileCodeCounter.day.in_(list(days)),
            )
        ).all()
    )
    stored_years = dict(
        conn.execute(
            select(RegisterCounter.year, RegisterCounter.last_entry).where(
                RegisterCounter.book == agency.workstation, RegisterCounter.year.in_(list(year_counters))
            )
        ).all()
    )
    max_pk = conn.execute(text("SELECT coalesce(max(pk), 0) FROM files")).scalar_one()
    if (
        any(stored_days.get(day, 0) != before for day, before in days.items())
        or any(stored_years.get(year, 0) != before for year, (before, _) in year_counters.items())
        or max_pk >= first_pk
    ):
        raise StorageUnavailable("files were registered while demo data was being made; run demo-data again")


def _save_counters(conn: Connection, agency: AgencyConfig, batch: _Batch) -> None:
    """Leave file_code_counters and register_counters where a later registration continues."""
    for ordinal, (before, after) in batch.day_counters.items():
        day = date.fromordinal(ordinal)
        if before:
            conn.execute(
                update(FileCodeCounter)
                .where(
                    FileCodeCounter.agency_code == agency.code,
                    FileCodeCounter.workstation == agency.workstation,
                    FileCodeCounter.day == day,
                )
                .values(issued=after)
            )
        else:
            conn.execute(
                insert(FileCodeCounter).values(
                    agency_code=agency.code, workstation=agency.workstation, day=day, issued=after
                )
            )
    for year, (before, after) in batch.year_counters.items():
        if before:
            conn.execute(
                update(RegisterCounter)
                .where(RegisterCounter.year == year, RegisterCounter.book == agency.workstation)
                .values(last_entry=after)
            )
        else:
            conn.execute(insert(RegisterCounter).values(year=year, book=agency.workstation, last_entry=after))


# -- the entry point -----------------------------------------------------------------------------------
# -- the entry point -----------------------------------------------------------------------------------


def _scratch_parent(db: Any) -> str | None:
    """The store's folder, for the scratch files (same disk); the system's temporary folder otherwise."""
    database = db.engine.url.database
    if database and database != ":memory:":
        return os.path.dirname(os.path.abspath(str(database)))
    return None


def generate(
    services: Any, files: int, *, seed: int = 1, chunk_size: int = DEFAULT_CHUNK, worker: bool | None = None
) -> DemoReport:
    """Add ``files`` realistic demonstration files (with their citizens) to the store of ``services``.

    Requires an initialised store (:class:`~records.errors.NotInitialised` otherwise). File codes and
    register entries continue the store's counters. One transaction per ``chunk_size`` files: an
    interruption keeps whole chunks with their counters, never part of a file. ``worker`` makes the rows
    in a worker process while this one writes (default: for ``files`` >= :data:`WORKER_THRESHOLD`).
    """
    if isinstance(files, bool) or not isinstance(files, int) or files < 1:
        raise InvalidInput("the number of demo files must be a whole number >= 1", value=files)
    if chunk_size < 1:
        raise InvalidInput("chunk_size must be at least 1", value=chunk_size)
    db = services.db
    stamp = now()
    with db.reading() as uow:
        agency = load_agency(uow.session)
        versions = _load_versions(uow.session)
    if not versions:
        raise InvalidInput("the catalogue has no active procedure to make demo files of")
    actor: Actor = services.users.system(agency.workstation)
    calendar = services.calendar.calendar()
    sqlite = bool(db.is_sqlite)

    with db.reading() as uow:
        session = uow.session
        taken = set(session.scalars(select(Citizen.personal_id).where(Citizen.personal_id.is_not(None))))
        day_issued = {
            day.toordinal(): issued
            for day, issued in session.execute(
                select(FileCodeCounter.day, FileCodeCounter.issued).where(
                    FileCodeCounter.agency_code == agency.code,
                    FileCodeCounter.workstation == agency.workstation,
                )
            )
        }
        year_entries = {
            year: last
            for year, last in session.execute(
                select(RegisterCounter.year, RegisterCounter.last_entry).where(
                    RegisterCounter.book == agency.workstation
                )
            )
        }
        max_pk = int(session.execute(text("SELECT coalesce(max(pk), 0) FROM files")).scalar_one())
        # Codes that exist without being counted (after a restore from an older backup) are skipped.
        existing = (
            set(session.scalars(select(File.code).where(File.agency_code == agency.code)))
            if max_pk
            else set()
        )

    setup = _Setup(
        seed=seed,
        agency=agency,
        actor_hex=uuid.UUID(actor.user_id).hex,
        calendar_parts=(
            calendar.office_hours,
            dict(calendar.tables),
            calendar.statutory_rules,
            calendar.weekend,
        ),
        versions=versions,
        stamp=stamp,
        taken_ids=taken,
        day_issued=day_issued,
        year_entries=year_entries,
        existing_codes=existing,
        first_pk=max_pk + 1,
    )
    generator = _Generator(setup, calendar)
    moments = generator.plan(files)
    # A small first chunk, so that writing starts soon when a worker makes the rows.
    first = min(chunk_size, FIRST_CHUNK)
    slices = [moments[:first]] + [moments[i : i + chunk_size] for i in range(first, len(moments), chunk_size)]
    made: list[int] = []
    clock = generator.clock
    details = {
        "files": files,
        "seed": seed,
        "received_from": clock.aware(clock.to_ls(moments[0])).isoformat(),
        "received_to": clock.aware(clock.to_ls(moments[-1])).isoformat(),
    }

    def audit_entry(conn: Connection) -> None:
        with Session(bind=conn) as session:
            audit.append(session, actor, "demo.generated", "file", None, details, at=stamp)
            session.flush()

    first_code = last_code = None
    event_count = 0
    with ExitStack() as stack:
        batches: Iterable[_Batch] | None = None
        if sqlite and (worker or (worker is None and files >= WORKER_THRESHOLD)):
            folder = stack.enter_context(
                tempfile.TemporaryDirectory(
                    prefix="motcua-demo-", dir=_scratch_parent(db), ignore_cleanup_errors=True
                )
            )
            try:
                workers = _WorkerBatches(setup, generator.rng.getstate(), slices, folder, made)
            except (OSError, ValueError, RuntimeError, pickle.PicklingError):
                pass  # no worker process here: make the rows in this one
            else:
                stack.callback(workers.close)
                batches = workers
        if batches is None:
            batches = _batches_here(generator, slices, made)
        for index, batch in enumerate(batches):
            _write(db, agency, batch, audit_entry if index == 0 else None)
            if batch.path:
                with suppress(OSError):
                    os.remove(batch.path)
            first_code = first_code or batch.first_code
            last_code = batch.last_code
            event_count += batch.events
    return DemoReport(
        files=files,
        citizens=made[0] if made else 0,
        events=event_count,
        first_code=first_code,
        last_code=last_code,
        received_from=clock.aware(clock.to_ls(moments[0])),
        received_to=clock.aware(clock.to_ls(moments[-1])),
    )

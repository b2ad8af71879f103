"""A store filled with deterministic, realistic files for the UI tests and the screenshots.

Files are registered through the services (``RegistrationRequest.from_json`` + ``services.files.register``),
oldest first, so the list's "newest first" order is also the order of receipt. A few files are moved on
to other statuses so the status filter has something to show.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from desktop.context import open_services, resolve
from records.clock import VIETNAM_TZ, now
from records.files import RegistrationRequest
from records.workflow import Status

AGENCY_CODE = "000.17.22.H56"
AGENCY_NAME = "UBND xã Thử Nghiệm"

PROCEDURES = (
    "1.001193",
    "1.000894",
    "1.000656",
    "1.004873",
    "1.001022",
    "2.000635",
    "2.000815",
    "2.000884",
    "2.001019",
    "2.001035",
    "2.000908",
)
FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
)
MIDDLE_MALE = ("Văn", "Đức", "Minh", "Quốc", "Hữu", "Thành", "Công")
MIDDLE_FEMALE = ("Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Bích")
GIVEN_MALE = (
    "An",
    "Bảo",
    "Cường",
    "Dũng",
    "Đạt",
    "Hải",
    "Hùng",
    "Khánh",
    "Long",
    "Nam",
    "Phúc",
    "Quân",
    "Sơn",
)
GIVEN_FEMALE = (
    "Anh",
    "Chi",
    "Diệp",
    "Giang",
    "Hằng",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Ngân",
    "Nhung",
    "Trang",
)
PROVINCES = ("001", "019", "026", "030", "031", "036", "038", "040", "048", "079")

# One person with a name nobody else has, for the search tests (folded: "dieu thuy tien").
UNIQUE_NAME = "Diêu Thị Thủy Tiên"


@dataclass(frozen=True)
class SampleStore:
    """What :func:`build` made."""

    services: Any
    data_dir: Path
    files: int
    codes: tuple[str, ...]  # oldest first
    unique_codes: tuple[str, ...]  # files whose owner is UNIQUE_NAME
    statuses: dict[Status, int]


def _working_moments(count: int, rng: random.Random) -> list[datetime]:
    """``count`` moments in office hours on past weekdays, oldest first, ending an hour ago."""
    moments: list[datetime] = []
    day = (now() - timedelta(hours=1)).date()
    latest = now() - timedelta(hours=1)
    per_day = 12
    while len(moments) < count:
        if day.weekday() < 5:
            for _ in range(per_day):
                minute = rng.randrange(7 * 60 + 30, 16 * 60 + 30)
                moment = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=VIETNAM_TZ)
                moments.append(min(moment, latest - timedelta(minutes=len(moments))))
        day -= timedelta(days=1)
    return sorted(moments[:count])


def _person(rng: random.Random, index: int) -> dict[str, Any]:
    female = rng.random() < 0.5
    name = " ".join(
        (
            rng.choice(FAMILY),
            rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
            rng.choice(GIVEN_FEMALE if female else GIVEN_MALE),
        )
    )
    year = rng.randrange(1950, 2006)
    century_sex = (0 if year < 2000 else 2) + (1 if female else 0)
    personal_id = f"{rng.choice(PROVINCES)}{century_sex}{year % 100:02d}{index:06d}"
    person: dict[str, Any] = {"personal_id": personal_id, "full_name": name}
    if rng.random() < 0.7:
        person["phone"] = f"09{rng.randrange(10**8):08d}"
    return person


def build(data_dir: Path, files: int = 250, seed: int = 7) -> SampleStore:
    """Open a store in ``data_dir``, set up the agency and register ``files`` files."""
    services = open_services(resolve(data_dir=str(data_dir)))
    services.settings.initialise(agency_code=AGENCY_CODE, agency_name=AGENCY_NAME)
    actor = services.users.system(1)
    rng = random.Random(seed)
    codes: list[str] = []
    unique: list[str] = []
    statuses: dict[Status, int] = {}
    for index, received in enumerate(_working_moments(files, rng)):
        applicant = _person(rng, index)
        if index % 97 == 5:
            applicant["full_name"] = UNIQUE_NAME
            applicant["personal_id"] = f"001305{index:06d}"
        request = RegistrationRequest.from_json(
            {
                "procedure": PROCEDURES[index % len(PROCEDURES)],
                "applicant": applicant,
                "documents": ["Tờ khai", {"name": "Giấy tờ kèm theo", "photocopy": 1}],
                "received_at": received.isoformat(),
            }
        )
        detail = services.files.register(request, actor)
        status = detail.status
        later = min(received + timedelta(hours=2), now())
        if index % 5 == 1:
            status = Status.IN_PROGRESS
        elif index % 11 == 2:
            status = Status.SUPPLEMENT_REQUESTED
        elif index % 7 == 3 and index < files - 20:
            services.files.set_status(detail.code, Status.RESULT_READY, actor, at=later)
            status = Status.RETURNED
        if status is not detail.status:
            services.files.set_status(detail.code, status, actor, at=later)
        statuses[status] = statuses.get(status, 0) + 1
        codes.append(detail.code)
        if applicant["full_name"] == UNIQUE_NAME:
            unique.append(detail.code)
    return SampleStore(services, data_dir, files, tuple(codes), tuple(unique), statuses)

"""Looking a citizen up by their number at the counter: the stored particulars and their files, as owner
or as the person who submitted them, newest first, with the total."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

import pytest

from integration.helpers import ID_DANG, ID_DAT, ID_DUC, ID_HOA, Counter, vn
from records.errors import InvalidPersonalId
from records.files import FileQuery
from records.services import Services
from records.workflow import Status

NOW = vn("2026-03-20T08:00:00")


@pytest.fixture
def desk(counter: Counter, freeze_now: Callable[[datetime], None]) -> Counter:
    freeze_now(NOW)
    return counter


def _history(desk: Counter) -> dict[str, str]:
    """Đức's files: two of his own, one he submitted for his mother Hoa, one Hoa submitted for him; and a
    file of somebody else."""
    made = {
        "own_first": desk.register(
            personal_id=ID_DUC,
            full_name="Nguyễn Văn Đức",
            received_at="2026-03-02T09:00:00",
            applicant={"personal_id": ID_DUC, "full_name": "Nguyễn Văn Đức", "phone": "0912345678"},
        ),
        "for_mother": desk.register(
            received_at="2026-03-03T09:00:00",
            applicant={"personal_id": ID_DUC, "full_name": "Nguyễn Văn Đức"},
            owner={"personal_id": ID_HOA, "full_name": "Trần Thị Hoa"},
        ),
        "someone_else": desk.register(
            personal_id=ID_DANG, full_name="Lê Đăng Khoa", received_at="2026-03-04T09:00:00"
        ),
        "by_mother": desk.register(
            received_at="2026-03-05T09:00:00",
            applicant={"personal_id": ID_HOA, "full_name": "Trần Thị Hoa"},
            owner={"personal_id": ID_DUC, "full_name": "Nguyễn Văn Đức"},
        ),
        # Registered last but received first: the history goes by the day of receipt.
        "own_oldest": desk.register(
            personal_id=ID_DUC, full_name="Nguyễn Văn Đức", received_at="2026-02-27T15:00:00"
        ),
    }
    desk.services.files.set_status(
        made["own_first"].code, Status.IN_PROGRESS, desk.clerk, at=vn("2026-03-02T10:00:00")
    )
    return {name: detail.code for name, detail in made.items()}


def test_lookup_gives_the_citizen_and_their_files_newest_first(desk: Counter) -> None:
    made = _history(desk)
    found = desk.services.citizens.lookup(ID_DUC)
    assert found is not None
    assert found.citizen.personal_id == ID_DUC
    assert found.citizen.full_name == "Nguyễn Văn Đức"
    assert found.citizen.phone == "0912345678"  # kept from the first visit, not erased by later ones
    assert [f.code for f in found.files] == [
        made["by_mother"],
        made["for_mother"],
        made["own_first"],
        made["own_oldest"],
    ]
    assert found.total == 4
    rows = {f.code: f for f in found.files}
    assert rows[made["for_mother"]].owner_name == "Trần Thị Hoa"  # rows show the file's owner, as the list
    assert rows[made["own_first"]].status is Status.IN_PROGRESS
    assert rows[made["own_first"]].timing == "overdue"  # judged now, like the file list
    # The same files and rows as the file list's search for the number, sorted by the day of receipt.
    listed = desk.services.files.list(FileQuery(query=ID_DUC, order_by="received"))
    assert listed == list(found.files)
    data = json.loads(json.dumps(found.to_json()))
    assert data["total"] == 4 and data["citizen"]["personal_id"] == ID_DUC
    assert [f["code"] for f in data["files"]] == [f.code for f in found.files]


def test_limit_keeps_the_newest_and_the_total_counts_all(desk: Counter) -> None:
    made = _history(desk)
    found = desk.services.citizens.lookup(ID_DUC, limit=2)
    assert found is not None
    assert [f.code for f in found.files] == [made["by_mother"], made["for_mother"]]
    assert found.total == 4
    none_listed = desk.services.citizens.lookup(ID_DUC, limit=0)
    assert none_listed is not None and none_listed.files == () and none_listed.total == 4


@pytest.mark.parametrize("typed", ["001 099 012 345", " 001099012345 ", "001099012345"])
def test_the_number_may_be_typed_with_spaces(desk: Counter, typed: str) -> None:
    _history(desk)
    found = desk.services.citizens.lookup(typed)
    assert found is not None and found.citizen.personal_id == ID_DUC


def test_an_unknown_number_is_none(desk: Counter) -> None:
    _history(desk)
    assert desk.services.citizens.lookup(ID_DAT) is None


@pytest.mark.parametrize("typed", ["12345", "00109901234X", "999099012345", "0010990123456", ""])
def test_an_invalid_number_is_refused(services: Services, typed: str) -> None:
    with pytest.raises(InvalidPersonalId):
        services.citizens.lookup(typed)


def test_lookup_by_the_old_id(desk: Counter) -> None:
    first = desk.register(
        applicant={"old_id": "025123456", "full_name": "Hà Thị Mơ"}, received_at="2026-03-02T09:00:00"
    )
    found = desk.services.citizens.lookup("025123456")
    assert found is not None
    assert found.citizen.old_id == "025123456" and found.citizen.personal_id is None
    assert [f.code for f in found.files] == [first.code] and found.total == 1
    # She comes back with a chip card carrying both numbers: still one person, found by either.
    second = desk.register(
        applicant={"personal_id": "025180012345", "old_id": "025123456", "full_name": "Hà Thị Mơ"},
        received_at="2026-03-03T09:00:00",
    )
    by_old = desk.services.citizens.lookup("025123456")
    by_new = desk.services.citizens.lookup("025180012345")
    assert by_old is not None and by_new is not None
    assert by_old.citizen == by_new.citizen and by_new.citizen.personal_id == "025180012345"
    assert [f.code for f in by_old.files] == [second.code, first.code] == [f.code for f in by_new.files]

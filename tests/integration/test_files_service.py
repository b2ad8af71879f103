"""The file service on a real SQLite store: codes, register entries, citizens, due dates, the frozen rule
version, the status workflow, extensions, on-time classification, the append-only history and audit, NFC
text and search."""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections import deque
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from integration.helpers import (
    AGENCY_CODE,
    AGENCY_NAME,
    ID_DANG,
    ID_DAT,
    ID_DUC,
    ID_HOA,
    Counter,
    registration,
    row_counts,
    store_dump,
    vn,
)
from records import audit
from records.citizens import ApplicantKind
from records.errors import (
    CatalogError,
    ExtensionNotAllowed,
    InvalidInput,
    InvalidPersonalId,
    InvalidTransition,
    NotFound,
    NotInitialised,
)
from records.file_codes import FileCodeScheme
from records.files import FileDetail, FileQuery, RegistrationRequest
from records.services import Services
from records.workflow import TRANSITIONS, Status

CODE_SHAPE = re.compile(r"^H55\.242-(\d{6})-(\d{4,})$")


def codes(rows: list[Any]) -> list[str]:
    return [r.code for r in rows]


def audit_entries(services: Services, entity_id: str | None = None) -> list[audit.AuditView]:
    """The audit log, oldest first."""
    with services.db.reading() as uow:
        return list(reversed(audit.recent(uow.session, limit=10_000, entity_id=entity_id)))


def citizen_rows(services: Services) -> list[dict[str, Any]]:
    with services.db.reading() as uow:
        return [dict(r._mapping) for r in uow.session.execute(text("SELECT * FROM citizens"))]


# -- file codes and register entries -------------------------------------------------------------------


def test_codes_start_at_0001_and_restart_every_day(counter: Counter) -> None:
    first = [counter.register(received_at=f"2026-03-02T0{h}:00:00").code for h in (8, 9)]
    first.append(counter.register(received_at="2026-03-02T16:59:00").code)
    next_day = counter.register(received_at="2026-03-03T07:30:00").code

    assert first == ["H55.242-260302-0001", "H55.242-260302-0002", "H55.242-260302-0003"]
    assert next_day == "H55.242-260303-0001"
    for code in [*first, next_day]:
        assert CODE_SHAPE.match(code)
    # The date in the code is the local (UTC+7) date of receipt, even when given in UTC.
    late_utc = counter.register(received_at="2026-03-03T18:30:00+00:00")  # 01:30 on 04/03 in Vietnam
    assert late_utc.code == "H55.242-260304-0001"


def test_file_ids_are_uuid7(counter: Counter) -> None:
    detail = counter.register()
    assert uuid.UUID(detail.summary.id).version == 7


def test_workstation_two_starts_at_1001_and_two_workstations_never_collide(
    make_counter: Callable[..., Counter],
) -> None:
    desk1 = make_counter("desk1", workstation=1)
    desk2 = make_counter("desk2", workstation=2)
    issued: list[str] = []
    for minute in range(3):  # interleaved, offline: neither store knows the other
        issued.append(desk1.register(received_at=f"2026-03-02T09:0{minute}:00").code)
        issued.append(desk2.register(received_at=f"2026-03-02T09:0{minute}:30").code)

    assert issued[0::2] == [f"{AGENCY_CODE}-260302-000{n}" for n in (1, 2, 3)]
    assert issued[1::2] == [f"{AGENCY_CODE}-260302-100{n}" for n in (1, 2, 3)]
    assert len(set(issued)) == len(issued)
    assert desk2.services.files.show(issued[1]).workstation == 2


def test_workstations_stay_disjoint_past_their_first_block(make_counter: Callable[..., Counter]) -> None:
    scheme = FileCodeScheme(block_size=2, max_workstations=2)
    desks = []
    for number in (1, 2):
        desk = make_counter(f"desk{number}", workstation=number)
        desk.services.settings.initialise(
            agency_code=AGENCY_CODE, agency_name=AGENCY_NAME, workstation=number, scheme=scheme
        )
        desks.append(desk)
    seqs: dict[int, list[int]] = {1: [], 2: []}
    for n in range(5):
        for number, desk in zip((1, 2), desks, strict=True):
            code = desk.register(received_at=f"2026-03-02T10:0{n}:00").code
            match = CODE_SHAPE.match(code)
            assert match
            seqs[number].append(int(match.group(2)))

    assert seqs[1] == [1, 2, 5, 6, 9]
    assert seqs[2] == [3, 4, 7, 8, 11]
    assert not set(seqs[1]) & set(seqs[2])


def test_register_entries_are_continuous_within_a_year_and_restart_the_next(counter: Counter) -> None:
    received = ["2025-12-30T09:00:00", "2025-12-31T09:00:00", "2025-12-31T10:00:00", "2026-01-05T09:00:00"]
    details = [counter.register(received_at=r) for r in received]
    details.append(counter.register(received_at="2026-01-05T10:00:00"))

    assert [(d.register_year, d.register_book, d.register_entry) for d in details] == [
        (2025, 1, 1),
        (2025, 1, 2),
        (2025, 1, 3),
        (2026, 1, 1),
        (2026, 1, 2),
    ]


# -- citizens ------------------------------------------------------------------------------------------


def test_a_returning_citizen_is_found_updated_and_audited_not_duplicated(counter: Counter) -> None:
    first = counter.register(
        applicant={
            "personal_id": ID_DUC,
            "full_name": "Nguyễn Văn Đức",
            "phone": "0912 345 678",
            "address": "Thôn 1, xã Tân Phú, tỉnh Đồng Nai",
            "email": "duc@example.vn",
            "date_of_birth": "1999-08-15",
            "sex": "male",
        }
    )
    second = counter.register(
        received_at="2026-03-03T09:00:00",
        applicant={
            "personal_id": ID_DUC,
            "full_name": "Nguyễn Văn Đức",
            "phone": "+84 987 654 321",  # a new number
            "address": "   ",  # left blank at the counter: must not erase
            "email": None,
        },
    )

    rows = citizen_rows(counter.services)
    assert len(rows) == 1
    assert second.owner.id == first.owner.id == second.submitter.id
    owner = counter.services.files.show(first.code).owner  # the same person, seen from the older file
    assert owner.phone == "0987654321"
    assert owner.address == "Thôn 1, xã Tân Phú, tỉnh Đồng Nai"
    assert owner.email == "duc@example.vn"
    assert owner.date_of_birth is not None and owner.date_of_birth.isoformat() == "1999-08-15"

    (entry,) = [e for e in audit_entries(counter.services, second.code) if e.action == "file.registered"]
    assert entry.username == "lan"
    changes = entry.details.get("owner") or entry.details.get("submitter")
    assert changes == {"phone": {"old": "0912345678", "new": "0987654321"}}


def test_the_same_citizen_typed_with_spaces_is_still_one_row(counter: Counter) -> None:
    counter.register(personal_id=ID_DUC)
    counter.register(personal_id="001 099 012 345", received_at="2026-03-02T10:00:00")
    assert len(citizen_rows(counter.services)) == 1


def test_a_citizen_with_an_old_id_only_is_found_by_it(counter: Counter) -> None:
    old_card = {"old_id": "025123456", "full_name": "Hà Thị Mơ"}
    first = counter.register(applicant=old_card)
    second = counter.register(applicant=old_card, received_at="2026-03-02T10:00:00")
    assert first.owner.old_id == "025123456" and first.owner.personal_id is None
    assert second.owner.id == first.owner.id
    assert len(citizen_rows(counter.services)) == 1
    assert codes(counter.services.files.list(FileQuery(query="025 123 456"))) == [second.code, first.code]
    assert first.summary.owner_id_number == "025123456"


def test_a_citizen_known_by_the_old_id_who_brings_a_chip_card_stays_one_person(counter: Counter) -> None:
    """First seen with a 9-digit CMND; back with a chip card carrying both numbers: the same citizen."""
    first = counter.register(applicant={"old_id": "025123456", "full_name": "Hà Thị Mơ"})
    second = counter.register(
        applicant={"personal_id": "025180012345", "old_id": "025123456", "full_name": "Hà Thị Mơ"},
        received_at="2026-03-02T10:00:00",
    )
    assert second.owner.id == first.owner.id
    assert second.owner.personal_id == "025180012345"
    assert len(citizen_rows(counter.services)) == 1
    found = codes(counter.services.files.list(FileQuery(query="025180012345")))
    assert found == [second.code, first.code]


def test_a_date_of_birth_in_the_future_is_refused(counter: Counter) -> None:
    with pytest.raises(InvalidInput, match="date_of_birth"):
        counter.register(
            applicant={"personal_id": ID_DUC, "full_name": "Nguyễn Văn Đức", "date_of_birth": "2999-01-01"}
        )
    assert citizen_rows(counter.services) == []


def test_two_writers_on_one_store_queue_and_never_share_a_code(counter: Counter) -> None:
    """Two windows (two engines) on the same SQLite file, registering at the same time."""
    from concurrent.futures import ThreadPoolExecutor

    from integration.helpers import open_store

    other = open_store(counter.location.data_dir)
    try:

        def register_many(services: Services, person: str) -> list[str]:
            out = []
            for n in range(8):
                request = RegistrationRequest.from_json(
                    registration(personal_id=person, received_at=f"2026-03-02T10:{n:02d}:00")
                )
                out.append(services.files.register(request, counter.clerk).code)
            return out

        with ThreadPoolExecutor(max_workers=2) as pool:
            jobs = [
                pool.submit(register_many, counter.services, ID_DUC),
                pool.submit(register_many, other, ID_HOA),
            ]
            issued = [code for job in jobs for code in job.result()]
    finally:
        other.db.dispose()

    assert sorted(issued) == [f"H55.242-260302-{n:04d}" for n in range(1, 17)]
    entries = sorted(d.register_entry for d in (counter.services.files.show(c) for c in issued))
    assert entries == list(range(1, 17))
    assert len(citizen_rows(counter.services)) == 2


def test_the_owner_may_differ_from_the_submitter(counter: Counter) -> None:
    detail = counter.register(
        personal_id=ID_HOA,
        full_name="Lê Thị Hoa",
        owner={"personal_id": ID_DUC, "full_name": "Nguyễn Văn Đức"},
    )

    assert detail.owner.personal_id == ID_DUC
    assert detail.submitter.personal_id == ID_HOA
    assert detail.owner.id != detail.submitter.id
    assert detail.summary.owner_name == "Nguyễn Văn Đức"
    assert detail.summary.owner_id_number == ID_DUC
    assert len(citizen_rows(counter.services)) == 2
    # Both people find the file.
    for query in ("nguyen van duc", "le thi hoa", ID_HOA, ID_DUC):
        assert codes(counter.services.files.list(FileQuery(query=query))) == [detail.code]


def test_an_organisation_owner_is_identified_by_its_code(counter: Counter) -> None:
    org = {"kind": "business", "org_code": "0312345678", "full_name": "Công ty TNHH Ánh Dương"}
    first = counter.register(owner=org)
    second = counter.register(
        received_at="2026-03-02T10:00:00",
        owner={"kind": 2, "org_code": "0312 345 678", "full_name": "Công ty TNHH Ánh Dương"},
    )

    assert first.owner.kind is ApplicantKind.BUSINESS
    assert first.owner.org_code == "0312345678"
    assert first.owner.personal_id is None
    assert first.summary.owner_id_number == "0312345678"
    assert second.owner.id == first.owner.id
    assert first.submitter.personal_id == ID_DUC
    orgs = [r for r in citizen_rows(counter.services) if r["org_code"]]
    assert len(orgs) == 1
    assert set(codes(counter.services.files.list(FileQuery(query="anh duong")))) == {first.code, second.code}


def test_an_organisation_without_its_code_is_refused(counter: Counter) -> None:
    before = store_dump(counter.services)
    with pytest.raises(InvalidInput, match="org_code"):
        counter.register(owner={"kind": "business", "full_name": "Công ty TNHH Ánh Dương"})
    assert store_dump(counter.services) == before


# -- due dates -----------------------------------------------------------------------------------------

# 1.001193 (khai sinh): same day with the 15:00 rule; 1.004873 (xác nhận tình trạng hôn nhân): 3 working days.
DUE_CASES = [
    pytest.param("1.001193", "2026-03-10T14:59:00", "2026-03-10T17:00:00+07:00", id="same-day-before-15h"),
    pytest.param("1.001193", "2026-03-10T15:00:00", "2026-03-11T17:00:00+07:00", id="same-day-at-15h"),
    pytest.param("1.001193", "2026-03-13T15:30:00", "2026-03-16T17:00:00+07:00", id="same-day-friday-late"),
    pytest.param("1.001193", "2026-02-13T16:00:00", "2026-02-23T17:00:00+07:00", id="same-day-before-tet"),
    pytest.param("1.004873", "2026-03-12T10:00:00", "2026-03-17T17:00:00+07:00", id="3-days-over-weekend"),
    pytest.param("1.004873", "2026-02-12T10:00:00", "2026-02-24T17:00:00+07:00", id="3-days-over-tet-2026"),
    pytest.param("1.004873", "2026-03-14T10:00:00", "2026-03-18T17:00:00+07:00", id="3-days-from-saturday"),
    pytest.param("1.004873", "2026-01-09T10:00:00", "2026-01-13T17:00:00+07:00", id="make-up-saturday"),
]


@pytest.mark.parametrize(("procedure", "received", "expected"), DUE_CASES)
def test_due_dates(counter: Counter, procedure: str, received: str, expected: str) -> None:
    detail = counter.register(procedure=procedure, received_at=received)
    assert detail.summary.due_at == datetime.fromisoformat(expected)
    assert detail.original_due_at == datetime.fromisoformat(expected)
    assert counter.services.files.compute_due(procedure, vn(received)) == datetime.fromisoformat(expected)


# -- the rule version is frozen at receipt ------------------------------------------------------------


def _catalog_with_new_version(services: Services, code: str, effective_from: str, days: int) -> str:
    document = json.loads(services.catalog.export_text())
    (procedure,) = [p for p in document["procedures"] if p["code"] == code]
    current = procedure["versions"][-1]
    new = json.loads(json.dumps(current))
    current["effective_to"] = effective_from
    new["effective_from"] = effective_from
    new["effective_to"] = None
    new["processing_time"] = {"kind": "working_days", "amount": days}
    procedure["versions"].append(new)
    return json.dumps(document, ensure_ascii=False)


def test_the_version_in_force_at_receipt_is_frozen_into_the_file(counter: Counter) -> None:
    files = counter.services.files
    before = counter.register(received_at="2026-05-29T09:00:00")  # Friday; 3 working days
    assert before.summary.due_at == vn("2026-06-03T17:00:00")

    result = counter.services.catalog.import_text(
        _catalog_with_new_version(counter.services, "1.004873", "2026-06-01", 5), counter.admin
    )
    assert (result.versions_added, result.versions_updated) == (1, 1)  # the new one, the old one closed

    kept = files.show(before.code)
    assert kept.summary.due_at == vn("2026-06-03T17:00:00")
    assert kept.procedure_rule["processing_time"] == {"kind": "working_days", "amount": 3}
    late_entry = counter.register(received_at="2026-05-29T16:00:00")  # typed in after the import
    assert late_entry.summary.due_at == vn("2026-06-03T17:00:00")
    new = counter.register(received_at="2026-06-01T09:00:00")  # Monday; now 5 working days
    assert new.summary.due_at == vn("2026-06-08T17:00:00")
    assert new.procedure_rule["processing_time"] == {"kind": "working_days", "amount": 5}
    assert files.compute_due("1.004873", vn("2026-06-01T09:00:00")) == vn("2026-06-08T17:00:00")
    assert files.compute_due("1.004873", vn("2026-05-29T09:00:00")) == vn("2026-06-03T17:00:00")

    # A re-submission after a supplement request restarts the clock with the file's own (old) rules.
    files.set_status(before.code, Status.SUPPLEMENT_REQUESTED, counter.clerk, at=vn("2026-06-02T09:00:00"))
    again = files.set_status(before.code, Status.IN_PROGRESS, counter.clerk, at=vn("2026-06-03T09:00:00"))
    assert again.summary.due_at == vn("2026-06-08T17:00:00")  # 3 days from 03/06, not 5 (10/06)


def test_changing_the_rules_of_a_version_files_use_is_refused(counter: Counter) -> None:
    counter.register()
    document = json.loads(counter.services.catalog.export_text())
    (procedure,) = [p for p in document["procedures"] if p["code"] == "1.004873"]
    procedure["versions"][-1]["processing_time"] = {"kind": "working_days", "amount": 4}
    before = store_dump(counter.services)

    with pytest.raises(CatalogError, match="used by 1 file"):
        counter.services.catalog.import_text(json.dumps(document, ensure_ascii=False), counter.admin)
    assert store_dump(counter.services) == before


# -- the status workflow -------------------------------------------------------------------------------


def _paths_from_received() -> dict[Status, list[Status]]:
    """The shortest sequence of transitions that brings a new (received) file to each status."""
    paths: dict[Status, list[Status]] = {Status.RECEIVED: []}
    queue = deque([Status.RECEIVED])
    while queue:
        current = queue.popleft()
        for target in sorted(TRANSITIONS[current]):
            if target not in paths:
                paths[target] = [*paths[current], target]
                queue.append(target)
    return paths


PATHS = _paths_from_received()
LEGAL = [(source, target) for source in Status for target in sorted(TRANSITIONS[source])]
STEP = "2026-03-02T1{}:00:00"


def _file_in(counter: Counter, status: Status, minute: int) -> FileDetail:
    detail = counter.register(received_at=f"2026-03-02T09:{minute:02d}:00")
    for hour, step in enumerate(PATHS[status]):
        detail = counter.services.files.set_status(detail.code, step, counter.clerk, at=vn(STEP.format(hour)))
    assert detail.status is status
    return detail


def test_every_status_is_reachable() -> None:
    assert set(PATHS) == set(Status)


def test_every_legal_transition_succeeds_and_is_recorded(counter: Counter) -> None:
    files = counter.services.files
    for minute, (source, target) in enumerate(LEGAL):
        detail = _file_in(counter, source, minute)
        events_before = len(detail.events)
        moment = vn("2026-03-02T16:00:00")
        after = files.set_status(
            detail.code, target, counter.admin, note=f"{source.slug} → {target.slug}", at=moment
        )

        assert after.status is target, (source, target)
        assert files.show(detail.code).status is target
        assert len(after.events) == events_before + 1
        event = after.events[-1]
        assert (event.from_status, event.to_status, event.username) == (source, target, "admin")
        assert event.at == moment
        assert event.note == f"{source.slug} → {target.slug}"
        last = audit_entries(counter.services, detail.code)[-1]
        assert (last.action, last.username) == ("file.status_changed", "admin")
        assert last.details == {"from": source.slug, "to": target.slug}


def test_every_other_transition_is_refused_with_nothing_changed(counter: Counter) -> None:
    files = counter.services.files
    for minute, source in enumerate(Status):
        detail = _file_in(counter, source, minute)
        before = store_dump(counter.services)
        for target in Status:
            if target in TRANSITIONS[source]:
                continue
            with pytest.raises(InvalidTransition):
                files.set_status(detail.code, target, counter.clerk, at=vn("2026-03-02T16:30:00"))
        assert store_dump(counter.services) == before, source
        assert files.show(detail.code).status is source


def test_a_status_change_of_an_unknown_file_is_refused(counter: Counter) -> None:
    with pytest.raises(NotFound):
        counter.services.files.set_status("H55.242-260302-0099", Status.IN_PROGRESS, counter.clerk)


def test_a_supplement_request_stops_the_clock_and_the_resubmission_restarts_it(counter: Counter) -> None:
    files = counter.services.files
    detail = counter.register(received_at="2026-03-02T09:00:00")  # Monday; due Thursday 05/03
    assert detail.summary.due_at == vn("2026-03-05T17:00:00")
    files.set_status(detail.code, Status.IN_PROGRESS, counter.clerk, at=vn("2026-03-02T10:00:00"))

    paused = files.set_status(
        detail.code, Status.SUPPLEMENT_REQUESTED, counter.clerk, at=vn("2026-03-03T10:00:00")
    )
    assert paused.summary.due_at is None
    assert paused.summary.timing == "paused"
    assert (paused.events[-1].due_before, paused.events[-1].due_after) == (vn("2026-03-05T17:00:00"), None)
    # A paused file is never overdue, however long the citizen takes.
    assert detail.code not in codes(files.list(FileQuery(due="overdue")))

    resumed = files.set_status(detail.code, Status.IN_PROGRESS, counter.clerk, at=vn("2026-03-09T14:00:00"))
    # From zero at the re-submission: 3 full working days after Monday 09/03, not the 2 left before.
    assert resumed.summary.due_at == vn("2026-03-12T17:00:00")
    assert (resumed.events[-1].due_before, resumed.events[-1].due_after) == (None, vn("2026-03-12T17:00:00"))
    assert resumed.summary.received_at == vn("2026-03-02T09:00:00")


def test_a_file_incomplete_at_the_counter_starts_its_clock_when_completed(counter: Counter) -> None:
    files = counter.services.files
    detail = counter.register(received_at="2026-03-02T09:00:00", status="supplement_requested")
    assert detail.status is Status.SUPPLEMENT_REQUESTED
    assert detail.summary.due_at is None

    completed = files.set_status(detail.code, Status.RECEIVED, counter.clerk, at=vn("2026-03-04T08:00:00"))
    assert completed.summary.due_at == vn("2026-03-09T17:00:00")  # Thu 05, Fri 06, Mon 09


def test_a_refused_file_is_closed_at_once(counter: Counter) -> None:
    detail = counter.register(status="refused")
    assert detail.status is Status.REFUSED
    assert detail.summary.due_at is None
    assert detail.summary.finished_at == vn("2026-03-02T09:00:00")


def test_a_status_change_before_receipt_is_refused(counter: Counter) -> None:
    detail = counter.register(received_at="2026-03-02T09:00:00")
    before = store_dump(counter.services)
    with pytest.raises(InvalidInput):
        counter.services.files.set_status(
            detail.code, Status.IN_PROGRESS, counter.clerk, at=vn("2026-03-01T09:00:00")
        )
    assert store_dump(counter.services) == before


# -- extensions ----------------------------------------------------------------------------------------


def test_one_extension_with_its_reason_and_no_second(counter: Counter) -> None:
    files = counter.services.files
    detail = counter.register(received_at="2026-03-02T09:00:00")
    extended = files.extend(detail.code, counter.clerk, "Cần xác minh thêm tại thôn", working_days=2)

    assert extended.summary.due_at == vn("2026-03-09T17:00:00")  # Thu 05/03 + 2 working days
    assert extended.original_due_at == vn("2026-03-05T17:00:00")
    assert extended.extension_count == 1
    event = extended.events[-1]
    assert (event.kind, event.note, event.username) == ("extended", "Cần xác minh thêm tại thôn", "lan")
    assert (event.due_before, event.due_after) == (vn("2026-03-05T17:00:00"), vn("2026-03-09T17:00:00"))
    entry = audit_entries(counter.services, detail.code)[-1]
    assert (entry.action, entry.username, entry.details) == ("file.extended", "lan", {"reason": event.note})

    before = store_dump(counter.services)
    with pytest.raises(ExtensionNotAllowed, match="already been extended"):
        files.extend(detail.code, counter.clerk, "Lần nữa", until=vn("2026-03-20T17:00:00"))
    assert store_dump(counter.services) == before


def test_an_extension_to_a_given_moment(counter: Counter) -> None:
    detail = counter.register(received_at="2026-03-02T09:00:00")
    extended = counter.services.files.extend(
        detail.code, counter.clerk, "Chờ kết quả xác minh", until=vn("2026-03-10T11:00:00")
    )
    assert extended.summary.due_at == vn("2026-03-10T11:00:00")


@pytest.mark.parametrize(
    ("steps", "reason"),
    [
        pytest.param([Status.RESULT_READY], "Gia hạn", id="result-ready"),
        pytest.param([Status.RESULT_READY, Status.RETURNED], "Gia hạn", id="returned"),
        pytest.param([Status.WITHDRAWN], "Gia hạn", id="withdrawn"),
        pytest.param([Status.SUPPLEMENT_REQUESTED], "Gia hạn", id="paused"),
    ],
)
def test_an_extension_of_a_file_not_being_processed_is_refused(
    counter: Counter, steps: list[Status], reason: str
) -> None:
    detail = counter.register(received_at="2026-03-02T09:00:00")
    for hour, step in enumerate(steps):
        counter.services.files.set_status(
            detail.code, step, counter.clerk, at=vn(f"2026-03-03T1{hour}:00:00")
        )
    before = store_dump(counter.services)
    with pytest.raises(ExtensionNotAllowed):
        counter.services.files.extend(detail.code, counter.clerk, reason, working_days=2)
    assert store_dump(counter.services) == before


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_extension_without_a_reason_is_refused(counter: Counter, reason: str) -> None:
    detail = counter.register()
    before = store_dump(counter.services)
    with pytest.raises(InvalidInput, match="reason"):
        counter.services.files.extend(detail.code, counter.clerk, reason, working_days=1)
    assert store_dump(counter.services) == before


# -- on-time classification ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("finished", "expected"),
    [
        pytest.param("2026-03-04T16:59:00", "early", id="day-before-due"),
        pytest.param("2026-03-05T08:00:00", "on_time", id="due-day-morning"),
        pytest.param("2026-03-05T17:00:00", "on_time", id="due-moment"),
        pytest.param("2026-03-05T17:01:00", "late", id="due-day-after-closing"),
        pytest.param("2026-03-06T08:00:00", "late", id="day-after"),
    ],
)
def test_on_time_classification(counter: Counter, finished: str, expected: str) -> None:
    files = counter.services.files
    detail = counter.register(received_at="2026-03-02T09:00:00")  # due Thursday 05/03 17:00
    ready = files.set_status(detail.code, Status.RESULT_READY, counter.clerk, at=vn(finished))
    assert ready.summary.finished_at == vn(finished)
    assert files.show(detail.code).summary.timing == expected
    # Handing the result back later does not change how the processing is judged.
    files.set_status(detail.code, Status.RETURNED, counter.clerk, at=vn("2026-03-09T09:00:00"))
    assert files.show(detail.code).summary.timing == expected
    (row,) = files.list(FileQuery(query=detail.code))
    assert row.timing == expected


# -- due filters (fixed clock) -------------------------------------------------------------------------


def test_due_filters_and_running_timing(counter: Counter, freeze_now: Callable[[datetime], None]) -> None:
    freeze_now(vn("2026-03-10T10:00:00"))  # Tuesday
    files = counter.services.files
    due_today = counter.register(procedure="1.001193", received_at="2026-03-10T08:00:00").code
    due_today_too = counter.register(procedure="1.001193", received_at="2026-03-09T16:00:00").code
    overdue = counter.register(received_at="2026-03-02T09:00:00").code
    on_track = counter.register(received_at="2026-03-10T09:00:00").code
    paused = counter.register(received_at="2026-03-02T09:30:00").code
    files.set_status(paused, Status.SUPPLEMENT_REQUESTED, counter.clerk, at=vn("2026-03-03T09:00:00"))
    done_late = counter.register(received_at="2026-03-02T09:45:00").code
    files.set_status(done_late, Status.RESULT_READY, counter.clerk, at=vn("2026-03-09T09:00:00"))
    in_progress_overdue = counter.register(received_at="2026-03-02T10:00:00").code
    files.set_status(in_progress_overdue, Status.IN_PROGRESS, counter.clerk, at=vn("2026-03-02T11:00:00"))

    assert set(codes(files.list(FileQuery(due="overdue")))) == {overdue, in_progress_overdue}
    assert set(codes(files.list(FileQuery(due="due_today")))) == {due_today, due_today_too}
    timing = {r.code: r.timing for r in files.list(FileQuery())}
    assert timing == {
        due_today: "due_today",
        due_today_too: "due_today",
        overdue: "overdue",
        on_track: "on_track",
        paused: "paused",
        done_late: "late",
        in_progress_overdue: "overdue",
    }
    assert files.show(on_track).summary.timing == "on_track"


def test_a_receipt_in_the_future_is_refused(counter: Counter, freeze_now: Callable[[datetime], None]) -> None:
    freeze_now(vn("2026-03-10T10:00:00"))
    before = store_dump(counter.services)
    with pytest.raises(InvalidInput, match="future"):
        counter.register(received_at="2026-03-10T10:30:00")
    assert store_dump(counter.services) == before
    assert counter.register(received_at="2026-03-10T10:00:00").code.endswith("-260310-0001")


def test_registration_defaults_to_now(counter: Counter, freeze_now: Callable[[datetime], None]) -> None:
    freeze_now(vn("2026-03-10T10:00:00"))
    detail = counter.register(received_at=None)
    assert detail.summary.received_at == vn("2026-03-10T10:00:00")
    assert detail.code == "H55.242-260310-0001"


# -- refusals leave nothing behind ---------------------------------------------------------------------


def test_an_unknown_procedure_is_refused_with_nothing_changed(counter: Counter) -> None:
    before = store_dump(counter.services)
    with pytest.raises(NotFound, match=r"9\.999999") as info:
        counter.register(procedure="9.999999")
    assert info.value.params["field"] == "procedure"
    assert store_dump(counter.services) == before


def test_a_procedure_not_yet_in_force_is_refused(counter: Counter) -> None:
    before = store_dump(counter.services)  # the shipped versions start on 01/07/2025
    with pytest.raises(CatalogError) as info:
        counter.register(received_at="2025-06-30T09:00:00")
    assert info.value.params["field"] == "procedure"
    assert store_dump(counter.services) == before


def test_an_invalid_personal_id_is_refused_before_the_store() -> None:
    with pytest.raises(InvalidPersonalId):
        RegistrationRequest.from_json(registration(personal_id="999099012345"))


def test_registering_in_a_store_without_an_agency_is_refused(make_counter: Callable[..., Counter]) -> None:
    from integration.helpers import open_store

    counter = make_counter()
    bare = open_store(counter.location.data_dir.parent / "bare")
    try:
        before = store_dump(bare)
        with pytest.raises(NotInitialised, match="motcua init"):
            bare.files.register(RegistrationRequest.from_json(registration()), bare.users.system())
        assert store_dump(bare) == before
    finally:
        bare.db.dispose()


# -- history and audit ---------------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["file_events", "audit_log"])
@pytest.mark.parametrize("statement", ["UPDATE {table} SET {column} = {column}", "DELETE FROM {table}"])
def test_the_history_is_append_only(counter: Counter, table: str, statement: str) -> None:
    counter.register()
    column = "note" if table == "file_events" else "action"
    before = row_counts(counter.services)
    with pytest.raises(DBAPIError, match="append-only"), counter.services.db.engine.begin() as conn:
        conn.execute(text(statement.format(table=table, column=column)))
    assert row_counts(counter.services) == before


def test_every_write_is_audited_with_its_actor(counter: Counter) -> None:
    services = counter.services

    def new_entries(action: Callable[[], object]) -> list[audit.AuditView]:
        seen = len(audit_entries(services))
        action()
        return audit_entries(services)[seen:]

    init = [e for e in audit_entries(services) if e.action == "agency.initialised"]
    assert init and init[-1].username == "system" and init[-1].workstation == 1
    assert init[-1].entity_id == AGENCY_CODE

    code = "H55.242-260302-0001"
    (entry,) = new_entries(lambda: counter.register(counter.clerk))
    assert (entry.action, entry.username, entry.entity_id, entry.workstation) == (
        "file.registered",
        "lan",
        code,
        1,
    )
    (entry,) = new_entries(
        lambda: services.files.set_status(
            code, Status.IN_PROGRESS, counter.admin, at=vn("2026-03-02T10:00:00")
        )
    )
    assert (entry.action, entry.username, entry.entity_id) == ("file.status_changed", "admin", code)
    (entry,) = new_entries(lambda: services.files.extend(code, counter.clerk, "Xác minh", working_days=1))
    assert (entry.action, entry.username) == ("file.extended", "lan")
    (entry,) = new_entries(
        lambda: services.catalog.import_text(services.catalog.export_text(), counter.admin)
    )
    assert (entry.action, entry.username) == ("catalog.imported", "admin")
    table = json.dumps(
        {
            "format": "motcua.holidays/1",
            "year": 2027,
            "days_off": [{"date": "2027-01-01", "name": "Tết Dương lịch"}],
        }
    )
    (entry,) = new_entries(lambda: services.calendar.import_table(table, counter.admin))
    assert (entry.action, entry.username, entry.entity_id) == ("holidays.imported", "admin", "2027")
    (entry,) = new_entries(
        lambda: services.settings.initialise(agency_code=AGENCY_CODE, agency_name="UBND xã Tân Phú Mới")
    )
    assert (entry.action, entry.username) == ("agency.initialised", "system")
    assert [e.username for e in services.files.show(code).events] == ["lan", "admin", "lan"]


# -- text ----------------------------------------------------------------------------------------------


def test_nfd_input_is_stored_nfc(counter: Counter) -> None:
    def nfd(value: str) -> str:
        out = unicodedata.normalize("NFD", value)
        assert out != value
        return out

    detail = counter.register(
        full_name=nfd("Nguyễn Văn Đức"),
        applicant={
            "personal_id": ID_DUC,
            "full_name": nfd("Nguyễn Văn Đức"),
            "address": nfd("Thôn Phước Lộc, xã Tân Phú, tỉnh Đồng Nai"),
        },
        documents=[{"name": nfd("Tờ khai cấp giấy xác nhận"), "original": 1}],
        note=nfd("Đã đối chiếu bản chính"),
        summary=nfd("Xác nhận tình trạng hôn nhân để kết hôn"),
    )

    assert detail.owner.full_name == "Nguyễn Văn Đức"
    assert detail.documents[0].name == "Tờ khai cấp giấy xác nhận"
    with counter.services.db.reading() as uow:
        stored = [
            value
            for row in uow.session.execute(
                text(
                    "SELECT c.full_name, c.address, d.name, f.note, f.summary FROM files f "
                    "JOIN citizens c ON c.id = f.owner_id JOIN file_documents d ON d.file_id = f.id"
                )
            )
            for value in row
        ]
    assert stored and all(unicodedata.is_normalized("NFC", v) for v in stored)
    assert stored[0] == "Nguyễn Văn Đức"
    # Typed either way, the name finds the file.
    for query in (nfd("Nguyễn Văn Đức"), "Nguyễn Văn Đức"):
        assert codes(counter.services.files.list(FileQuery(query=query))) == [detail.code]


# -- search --------------------------------------------------------------------------------------------


@pytest.fixture
def people(counter: Counter) -> dict[str, str]:
    """Four files of four people; the names share words and prefixes."""
    made = {
        "duc": counter.register(
            personal_id=ID_DUC,
            full_name="Nguyễn Văn Đức",
            applicant={"personal_id": ID_DUC, "full_name": "Nguyễn Văn Đức", "phone": "+84 912.345.678"},
        ),
        "dat": counter.register(
            personal_id=ID_DAT, full_name="Nguyễn Văn Đạt", received_at="2026-03-02T10:00:00"
        ),
        "dang": counter.register(
            personal_id=ID_DANG, full_name="Đặng Quốc Hải", received_at="2026-03-02T11:00:00"
        ),
        "hoa": counter.register(
            personal_id=ID_HOA, full_name="Lê Thị Hoà", received_at="2026-03-02T13:30:00"
        ),
    }
    counter.services.files.set_status(
        made["dang"].code, Status.IN_PROGRESS, counter.clerk, at=vn("2026-03-02T14:00:00")
    )
    return {name: detail.code for name, detail in made.items()}


def _search(services: Services, query: str, **kwargs: Any) -> list[str]:
    return codes(services.files.list(FileQuery(query=query, **kwargs)))


def test_search_by_file_code(services: Services, people: dict[str, str]) -> None:
    assert _search(services, people["dat"]) == [people["dat"]]
    assert _search(services, people["dat"].lower()) == [people["dat"]]
    assert _search(services, "H55.242-260302-0099") == []


@pytest.mark.parametrize("typed", ["001099012345", "001 099 012 345", " 001099012345 "])
def test_search_by_personal_id(services: Services, people: dict[str, str], typed: str) -> None:
    assert _search(services, typed) == [people["duc"]]


@pytest.mark.parametrize(
    "typed", ["0912345678", "+84 912 345 678", "+84912345678", "0912 345 678", "0912.345.678"]
)
def test_search_by_phone_in_any_format(services: Services, people: dict[str, str], typed: str) -> None:
    assert _search(services, typed) == [people["duc"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("nguyen van duc", ["duc"], id="folded-full-name"),
        pytest.param("NGUYỄN VĂN ĐỨC", ["duc"], id="with-diacritics-upper"),
        pytest.param("dang", ["dang"], id="d-stroke"),
        pytest.param("Đặng", ["dang"], id="d-stroke-typed"),
        pytest.param("nguyen van", ["dat", "duc"], id="shared-words"),
        pytest.param("ngu va", ["dat", "duc"], id="prefixes"),
        pytest.param("ngu du", ["duc"], id="prefix-narrows"),
        pytest.param("van duc nguyen", ["duc"], id="any-order"),
        pytest.param("hoa", ["hoa"], id="old-style-tone-mark"),
        pytest.param("nguyen hai", [], id="no-one-has-both"),
        pytest.param("xyz", [], id="nobody"),
    ],
)
def test_search_by_folded_name(
    services: Services, people: dict[str, str], query: str, expected: list[str]
) -> None:
    assert sorted(_search(services, query)) == sorted(people[name] for name in expected)


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_search_filters_nothing_out(services: Services, people: dict[str, str], blank: str) -> None:
    assert len(services.files.list(FileQuery(query=blank))) == len(people)


def test_search_newest_first_with_status_filter(services: Services, people: dict[str, str]) -> None:
    assert codes(services.files.list(FileQuery())) == [people[n] for n in ("hoa", "dang", "dat", "duc")]
    assert _search(services, "nguyen", statuses=(Status.RECEIVED,)) == [people["dat"], people["duc"]]
    assert _search(services, "nguyen", statuses=(Status.IN_PROGRESS,)) == []
    assert codes(services.files.list(FileQuery(statuses=(Status.IN_PROGRESS,)))) == [people["dang"]]
    both = FileQuery(statuses=(Status.IN_PROGRESS, Status.RECEIVED), limit=2, offset=1)
    assert codes(services.files.list(both)) == [people["dang"], people["dat"]]

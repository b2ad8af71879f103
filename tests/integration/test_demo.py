"""Demonstration data (``records.demo``) in a real SQLite store: valid, numbered like real files, readable
through the services, and continued by a later registration without collisions."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.context import open_services, resolve
from records.calendar import due_at
from records.clock import local, now
from records.demo import DemoReport, generate
from records.errors import NotInitialised
from records.files import FileQuery, RegistrationRequest
from records.personal_id import check_id
from records.procedures import ProcedureVersion
from records.services import Services
from records.store.models import Citizen, File, FileEvent
from records.store.models import ProcedureVersion as VersionRow
from records.text import fold
from records.workflow import INITIAL_STATUSES, Status, check_transition

AGENCY_CODE = "000.17.22.H56"
AGENCY_NAME = "UBND xã Thử Nghiệm"
FILES = 2_000

# Exactly as migration 0001 creates the full-text trigger.
FTS_INSERT_TRIGGER = (
    "CREATE TRIGGER files_fts_insert AFTER INSERT ON files BEGIN "
    "INSERT INTO files_fts(rowid, search_text) VALUES (new.pk, new.search_text); END"
)


def open_store(folder: Path) -> Services:
    services = open_services(resolve(data_dir=str(folder)))
    services.settings.initialise(agency_code=AGENCY_CODE, agency_name=AGENCY_NAME)
    return services


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, DemoReport]]:
    services = open_store(tmp_path_factory.mktemp("demo"))
    report = generate(services, FILES, seed=7)
    yield services, report
    services.db.dispose()


def rows(services: Services, sql: str) -> list[tuple[object, ...]]:
    with services.db.reading() as uow:
        return [tuple(r) for r in uow.session.execute(text(sql))]


def test_counts_and_one_audit_entry(demo_store: tuple[Services, DemoReport]) -> None:
    services, report = demo_store
    assert report.files == FILES
    assert rows(services, "SELECT count(*) FROM files") == [(FILES,)]
    assert rows(services, "SELECT count(*) FROM citizens") == [(report.citizens,)]
    assert rows(services, "SELECT count(*) FROM file_events") == [(report.events,)]
    assert rows(services, "SELECT count(*) FROM audit_log WHERE action = 'demo.generated'") == [(1,)]
    assert rows(services, "SELECT count(*) FROM audit_log WHERE action = 'file.registered'") == [(0,)]
    # Returning citizens, and files whose submitter is not their owner.
    (owners,) = rows(services, "SELECT count(DISTINCT owner_id) FROM files")[0]
    assert owners < FILES
    (others,) = rows(services, "SELECT count(*) FROM files WHERE owner_id != submitter_id")[0]
    assert FILES * 0.1 < others < FILES * 0.6


def test_store_integrity(demo_store: tuple[Services, DemoReport]) -> None:
    services, _ = demo_store
    assert rows(services, "PRAGMA integrity_check") == [("ok",)]
    assert rows(services, "PRAGMA foreign_key_check") == []
    assert rows(services, "SELECT sql FROM sqlite_master WHERE name = 'files_fts_insert'") == [
        (FTS_INSERT_TRIGGER,)
    ]
    with services.db.connection() as conn:  # raises when the index and the files table disagree
        conn.exec_driver_sql("INSERT INTO files_fts(files_fts, rank) VALUES ('integrity-check', 1)")


def test_owner_ids_valid_and_consistent(demo_store: tuple[Services, DemoReport]) -> None:
    services, _ = demo_store
    with services.db.reading() as uow:
        people = uow.session.scalars(select(Citizen)).all()
        uow.session.expunge_all()  # plain objects once the unit of work ends
    numbers = [p.personal_id for p in people]
    assert len(set(numbers)) == len(numbers)
    for person in people:
        assert person.personal_id is not None and person.date_of_birth is not None
        check = check_id(person.personal_id)
        assert check.valid, (person.personal_id, check.message)
        assert check.sex == person.sex
        assert check.birth_year == person.date_of_birth.year
        assert person.date_of_birth <= now().date()
        assert person.name_folded == fold(person.full_name)
        assert person.address and re.search(r", (xã|phường) .+, (tỉnh|thành phố) .+$", person.address)
        if person.phone:
            assert re.fullmatch(r"0[1-9]\d{8}", person.phone)


def test_names_have_diacritics_and_are_found_by_folded_search(
    demo_store: tuple[Services, DemoReport],
) -> None:
    services, _ = demo_store
    names = [n for (n,) in rows(services, "SELECT full_name FROM citizens")]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert sum(1 for n in names if n != fold(n).title()) > len(names) * 0.9  # diacritics
    surnames = defaultdict(int)
    for n in names:
        surnames[n.split()[0]] += 1
    assert 0.25 < surnames["Nguyễn"] / len(names) < 0.5
    (name, code) = rows(
        services,
        "SELECT c.full_name, f.code FROM files f JOIN citizens c ON c.id = f.owner_id "
        "ORDER BY f.pk LIMIT 1 OFFSET 777",
    )[0]
    found = services.files.list(FileQuery(query=fold(str(name)), limit=10_000))
    assert code in {f.code for f in found}
    assert all(fold(str(name)) in fold(f.owner_name) or f.owner_name != name for f in found)


def test_codes_follow_the_scheme_and_register_entries_are_continuous(
    demo_store: tuple[Services, DemoReport],
) -> None:
    services, _ = demo_store
    agency = services.settings.agency()
    with services.db.reading() as uow:
        files = uow.session.execute(
            select(
                File.code, File.received_at, File.register_year, File.register_book, File.register_entry
            ).order_by(File.pk)
        ).all()
        counters = dict(uow.session.execute(text("SELECT day, issued FROM file_code_counters")).all())
        entries = dict(uow.session.execute(text("SELECT year, last_entry FROM register_counters")).all())
    assert len({f.code for f in files}) == len(files)
    received = [f.received_at for f in files]
    assert received == sorted(received)  # pk grows with time
    by_day: dict[date, list[str]] = defaultdict(list)
    by_year: dict[int, list[int]] = defaultdict(list)
    for f in files:
        day = local(f.received_at).date()
        by_day[day].append(f.code)
        assert f.register_year == day.year and f.register_book == agency.workstation
        by_year[f.register_year].append(f.register_entry)
    for day, codes in by_day.items():
        expected = [
            agency.scheme.code_for(agency.code, agency.workstation, day, n) for n in range(1, len(codes) + 1)
        ]
        assert codes == expected
        assert counters[day.isoformat()] == len(codes)
    assert len(counters) == len(by_day)
    for year, numbers in by_year.items():
        assert numbers == list(range(1, len(numbers) + 1))
        assert entries[year] == len(numbers)


def test_received_in_office_hours_on_working_days(demo_store: tuple[Services, DemoReport]) -> None:
    services, report = demo_store
    calendar = services.calendar.calendar()
    hours = calendar.office_hours.intervals
    with services.db.reading() as uow:
        moments = uow.session.scalars(select(File.received_at)).all()
    stamp = now()
    for moment in moments:
        here = local(moment)
        assert calendar.is_working_day(here.date())
        assert any(start <= here.time() < end for start, end in hours)
        assert here < stamp
    assert report.received_from is not None and report.received_to is not None
    assert (report.received_to - report.received_from).days > 300


def test_events_replay_through_the_workflow(demo_store: tuple[Services, DemoReport]) -> None:
    services, _ = demo_store
    calendar = services.calendar.calendar()
    with services.db.reading() as uow:
        session = uow.session
        versions = {v.id: ProcedureVersion.from_json(v.rule) for v in session.scalars(select(VersionRow))}
        files = {f.id: f for f in session.scalars(select(File))}
        history: dict[object, list[FileEvent]] = defaultdict(list)
        for event in session.scalars(select(FileEvent).order_by(FileEvent.at, FileEvent.id)):
            history[event.file_id].append(event)
        session.expunge_all()
    statuses = defaultdict(int)
    late = 0
    for file_id, file in files.items():
        events = history[file_id]
        first = events[0]
        assert first.kind == "registered" and first.from_status is None
        assert Status(first.to_status) in INITIAL_STATUSES
        assert first.at == file.received_at
        version = versions[file.procedure_version_id]
        if first.to_status == Status.RECEIVED:
            assert first.due_after == due_at(calendar, version.processing_time, file.received_at)
        current = Status(first.to_status)
        due = first.due_after
        previous = first.at
        for event in events[1:]:
            assert event.at >= previous
            previous = event.at
            assert event.due_before == due
            if event.kind == "extended":
                assert event.from_status == event.to_status == current
                assert event.due_after is not None and due is not None and event.due_after > due
            else:
                assert event.kind == "status_changed" and event.from_status == current
                check_transition(current, Status(event.to_status))
                current = Status(event.to_status)
            due = event.due_after
        assert current == file.status
        assert due == file.due_at
        assert file.updated_at == events[-1].at
        statuses[current] += 1
        if (
            file.finished_at
            and file.original_due_at
            and file.finished_at > (file.due_at or file.original_due_at)
        ):
            late += 1
    assert statuses[Status.RETURNED] > FILES * 0.7
    for rare in (Status.REFUSED, Status.SUPPLEMENT_REQUESTED, Status.RESULT_READY):
        assert statuses[rare] > 0
    assert late > 0


def test_every_file_reads_back_through_the_services(demo_store: tuple[Services, DemoReport]) -> None:
    services, _ = demo_store
    codes = [c for (c,) in rows(services, "SELECT code FROM files ORDER BY pk")]
    for code in codes:
        detail = services.files.show(code)
        assert detail.code == code
        assert detail.documents and detail.events
        assert detail.summary.received_at.tzinfo is not None
        assert detail.owner.personal_id is not None
    newest = services.files.list(FileQuery(limit=5))
    assert [f.code for f in newest] == codes[::-1][:5]
    (number,) = rows(
        services, "SELECT c.personal_id FROM files f JOIN citizens c ON c.id = f.owner_id LIMIT 1"
    )[0]
    assert services.files.list(FileQuery(query=str(number)))


def test_registration_and_a_second_batch_continue_the_counters(tmp_path: Path) -> None:
    services = open_store(tmp_path / "continue")
    try:
        first = generate(services, 500, seed=3)
        agency = services.settings.agency()
        today = now().date()
        (issued,) = rows(
            services, f"SELECT coalesce(max(issued), 0) FROM file_code_counters WHERE day = '{today}'"
        )[0]
        (last,) = rows(
            services, f"SELECT coalesce(max(last_entry), 0) FROM register_counters WHERE year = {today.year}"
        )[0]
        request = RegistrationRequest.from_json(
            {
                "procedure": "1.001193",
                "applicant": {"personal_id": "001099012345", "full_name": "Nguyễn Văn Đức"},
                "documents": ["Tờ khai"],
            }
        )
        detail = services.files.register(request, services.users.system(agency.workstation))
        assert detail.code == agency.scheme.code_for(agency.code, agency.workstation, today, int(issued) + 1)
        assert detail.register_entry == int(last) + 1

        second = generate(services, 700, seed=3)
        assert rows(services, "SELECT count(*) FROM files") == [(1201,)]
        assert second.first_code is not None and first.last_code is not None
        (unique,) = rows(services, "SELECT count(DISTINCT code) FROM files")[0]
        assert unique == 1201
        by_year: dict[int, list[int]] = defaultdict(list)
        for year, entry in rows(services, "SELECT register_year, register_entry FROM files ORDER BY pk"):
            by_year[int(year)].append(int(entry))  # type: ignore[arg-type]
        for entries in by_year.values():
            assert sorted(entries) == list(range(1, len(entries) + 1))
        assert rows(services, "SELECT count(*) FROM audit_log WHERE action = 'demo.generated'") == [(2,)]
        assert rows(services, "PRAGMA foreign_key_check") == []
        (ids,) = rows(services, "SELECT count(DISTINCT personal_id) FROM citizens")[0]
        assert rows(services, "SELECT count(*) FROM citizens") == [(ids,)]
    finally:
        services.db.dispose()


def test_same_seed_same_people_also_from_a_worker_process(tmp_path: Path) -> None:
    def names(folder: str, **options: object) -> list[tuple[object, ...]]:
        services = open_store(tmp_path / folder)
        try:
            generate(services, 300, seed=11, **options)  # type: ignore[arg-type]
            return rows(
                services,
                "SELECT c.full_name, c.personal_id, f.procedure_code, f.code, f.status FROM files f "
                "JOIN citizens c ON c.id = f.owner_id ORDER BY f.pk",
            )
        finally:
            services.db.dispose()

    here = names("a")
    assert here == names("b")
    assert here == names("c", chunk_size=70, worker=True)
    assert here == names("d", chunk_size=70, worker=False)  # whatever the chunks
    services = open_store(tmp_path / "e")
    try:
        generate(services, 300, seed=12)
        other = rows(
            services, "SELECT c.full_name FROM files f JOIN citizens c ON c.id = f.owner_id ORDER BY f.pk"
        )
    finally:
        services.db.dispose()
    assert [n for n, *_ in here] != [n for (n,) in other]


def test_needs_an_initialised_store(tmp_path: Path) -> None:
    services = open_services(resolve(data_dir=str(tmp_path / "empty")))
    try:
        with pytest.raises(NotInitialised):
            generate(services, 10)
        assert rows(services, "SELECT count(*) FROM files") == [(0,)]
    finally:
        services.db.dispose()

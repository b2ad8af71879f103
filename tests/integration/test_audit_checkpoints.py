"""Audit chain checkpoints: the heads of the workstation's audit chain the centre received signed come back in
its acknowledgement, and ``motcua audit verify`` checks the chain against them — a chain rewritten whole
(hashes recomputed) or cut short holds together by itself, but not against what the centre holds."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.context import open_services, resolve
from integration.cli_runner import run_cli
from integration.helpers import AGENCY_CODE, Counter, make_store_counter
from records import audit
from records.audit import GENESIS
from records.services.central import CentralService
from records.store.models import AuditCheckpoint, AuditEntry, SyncImport
from records.workflow import Status


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def centre(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CentralService]:
    """The centre's service over an SQLite store, and a PostgreSQL one when MOTCUA_TEST_PG_URL is set."""
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    location = resolve(str(tmp_path / "centre-data"), url)
    services = open_services(location)
    try:
        yield CentralService(services.db, location.data_dir / "centre")
    finally:
        services.db.dispose()


@pytest.fixture
def ws(counter: Counter, centre: CentralService) -> Counter:
    identity = centre.identity()
    counter.services.sync.configure(
        counter.admin, centre_signing_key=identity.signing_key, centre_encryption_key=identity.encryption_key
    )
    centre.enroll(counter.services.receipts.public_key_text(), AGENCY_CODE, 1)
    return counter


def _round_trip(ws: Counter, centre: CentralService, folder: Path) -> int:
    """Export, import, acknowledge; the number of checkpoints the ack brought that were new."""
    folder.mkdir()
    result = ws.services.sync.export(folder)
    assert result.path is not None
    assert centre.import_bundle(result.path).status == "imported"
    centre.ack(AGENCY_CODE, 1, folder / "ack.json")
    return ws.services.sync.import_ack(folder / "ack.json", ws.admin).audit_checkpoints


def _busy_and_synced(ws: Counter, centre: CentralService, tmp_path: Path) -> int:
    """Work, a round trip, more work: the checkpoint's entry number (entries follow it)."""
    file = ws.register()
    assert _round_trip(ws, centre, tmp_path / "day1") == 1
    ws.services.files.set_status(file.code, Status.IN_PROGRESS, ws.clerk)
    ws.register(personal_id="001099054321", full_name="Phạm Văn Nam")
    with ws.services.db.reading() as uow:
        [checkpoint] = uow.session.scalars(select(AuditCheckpoint.seq)).all()
    return int(checkpoint)


def _without_triggers(ws: Counter) -> sqlite3.Connection:
    """The database file opened behind the application's back, the audit log's triggers dropped."""
    ws.services.db.dispose()
    conn = sqlite3.connect(ws.location.db_url.removeprefix("sqlite:///"), isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    return conn


def _rewrite_from(ws: Counter, victim: int) -> None:
    """Edit entry ``victim`` and recompute every hash from there on: a chain that holds by itself."""
    _without_triggers(ws).close()
    with ws.services.db.writing() as uow:
        previous = GENESIS
        for entry in uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all():
            if entry.seq == victim:
                entry.username = "someone.else"
            entry.prev_hash = previous
            entry.hash = audit.entry_hash(previous, entry)
            previous = entry.hash
        uow.commit()


def _plain(ws: Counter) -> audit.ChainReport:
    with ws.services.db.reading() as uow:
        return audit.verify(uow.session)


def test_an_intact_chain_passes_its_checkpoints(ws: Counter, centre: CentralService, tmp_path: Path) -> None:
    _busy_and_synced(ws, centre, tmp_path)
    assert _round_trip(ws, centre, tmp_path / "day2") == 1  # the second bundle's head
    report = ws.services.audit.verify()
    assert report.intact and report.checkpoints_checked == 2 and report.checkpoints_skipped == 0
    ws.register(personal_id="001085000777", full_name="Đỗ Văn Đạt")
    assert _round_trip(ws, centre, tmp_path / "day3") == 1  # the ack repeats the older ones: kept once
    assert ws.services.audit.verify().checkpoints_checked == 3


def test_a_chain_rewritten_whole_passes_plain_verify_but_not_its_checkpoint(
    ws: Counter, centre: CentralService, tmp_path: Path
) -> None:
    checkpoint = _busy_and_synced(ws, centre, tmp_path)
    _rewrite_from(ws, 2)
    assert _plain(ws).intact  # every hash recomputed: the chain holds by itself …
    report = open_services(ws.location).audit.verify()
    assert not report.intact  # … but not against the head the centre received
    assert (report.broken_seq, report.reason) == (checkpoint, "rewritten")
    assert report.to_json()["first_broken"]["reason"] == "rewritten"


def test_a_rewrite_after_the_checkpoint_is_not_reported(
    ws: Counter, centre: CentralService, tmp_path: Path
) -> None:
    checkpoint = _busy_and_synced(ws, centre, tmp_path)
    _rewrite_from(ws, checkpoint + 1)  # after what the centre holds: nothing to compare it with yet
    assert open_services(ws.location).audit.verify().intact


def test_the_newest_entries_removed_after_a_checkpoint_are_found(
    ws: Counter, centre: CentralService, tmp_path: Path
) -> None:
    checkpoint = _busy_and_synced(ws, centre, tmp_path)
    conn = _without_triggers(ws)
    conn.execute("DELETE FROM audit_log WHERE seq >= ?", (checkpoint - 1,))
    conn.close()
    assert _plain(ws).intact  # a shorter chain still holds by itself
    report = open_services(ws.location).audit.verify()
    assert (report.intact, report.reason, report.broken_seq) == (False, "truncated", checkpoint)
    assert f"entry {checkpoint}" in str(report.message)


def test_checkpoints_deleted_with_the_rewrite_come_back_with_the_next_ack(
    ws: Counter, centre: CentralService, tmp_path: Path
) -> None:
    _busy_and_synced(ws, centre, tmp_path)
    _rewrite_from(ws, 3)
    conn = sqlite3.connect(ws.location.db_url.removeprefix("sqlite:///"), isolation_level=None)
    conn.execute("DELETE FROM audit_checkpoints")
    conn.close()
    services = open_services(ws.location)
    assert services.audit.verify().intact  # nothing left here to compare with …
    services.sync.import_ack(tmp_path / "day1" / "ack.json", ws.admin)  # … until an ack comes back
    report = services.audit.verify()
    assert (report.intact, report.reason) == (False, "rewritten")


def test_checkpoints_beyond_a_restore_point_are_skipped(
    ws: Counter, centre: CentralService, tmp_path: Path
) -> None:
    ws.register()
    backup = tmp_path / "backup.zip"
    ws.services.backups.backup(backup, ws.admin)
    _round_trip(ws, centre, tmp_path / "day1")  # its head is beyond the backup's chain
    ws.services.backups.restore(backup, ws.admin)
    ws.services.sync.import_ack(tmp_path / "day1" / "ack.json", ws.admin)
    report = ws.services.audit.verify()
    assert report.intact and report.checkpoints_skipped == 1 and report.checkpoints_checked == 0
    ws.register(personal_id="001099054321", full_name="Phạm Văn Nam")
    _round_trip(ws, centre, tmp_path / "day2")  # the new epoch's head
    report = ws.services.audit.verify()
    assert report.intact and report.checkpoints_checked == 1 and report.checkpoints_skipped == 1


def test_audit_verify_against_checkpoints_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    ws: Counter,
    centre: CentralService,
    tmp_path: Path,
) -> None:
    checkpoint = _busy_and_synced(ws, centre, tmp_path)
    argv = ["audit", "verify", "--json", "--data-dir", str(ws.location.data_dir)]
    intact = run_cli(capsys, monkeypatch, argv, None)
    assert intact.code == 0 and intact.json()["checkpoints"] == {"checked": 1, "skipped": 0}
    _rewrite_from(ws, 1)
    broken = run_cli(capsys, monkeypatch, argv, None)
    assert broken.code == 1
    data = broken.json()
    assert data["intact"] is False and data["first_broken"]["seq"] == checkpoint
    assert data["first_broken"]["reason"] == "rewritten"
    plain = run_cli(capsys, monkeypatch, [a for a in argv if a != "--json"], None)
    assert plain.code == 1 and "rewritten" in plain.out and f"entry {checkpoint}" in plain.out


def test_an_ack_of_another_store_brings_checkpoints_that_are_skipped(
    ws: Counter, centre: CentralService, tmp_path: Path
) -> None:
    _busy_and_synced(ws, centre, tmp_path)
    other = make_store_counter(tmp_path / "other")  # the same agency and number, a store made anew
    identity = centre.identity()
    other.services.sync.configure(other.admin, centre_signing_key=identity.signing_key)
    other.services.sync.export(tmp_path)  # its first epoch is made
    other.register(personal_id="001099054321", full_name="Phạm Văn Nam")
    taken = other.services.sync.import_ack(tmp_path / "day1" / "ack.json", other.admin)
    assert taken.other_epoch and taken.acked_seq == taken.previous_seq
    report = other.services.audit.verify()
    assert report.intact and report.checkpoints_skipped == 1
    other.services.db.dispose()


# -- at the centre: motcua central audit-check ---------------------------------------------------------------


def test_the_centre_finds_a_head_that_goes_back_or_changes(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    ws: Counter,
    centre: CentralService,
    tmp_path: Path,
) -> None:
    _busy_and_synced(ws, centre, tmp_path)
    for n, person in enumerate(("001085000777", "031088000321", "001099099999")):
        ws.register(personal_id=person, full_name=f"Người {n}")
    _round_trip(ws, centre, tmp_path / "day2")
    [check] = centre.audit_check()
    assert check.consistent and check.heads == 2 and check.restores == []
    with ws.services.db.reading() as uow:
        first, second = sorted(uow.session.scalars(select(AuditCheckpoint.seq)))

    # The newest entries removed on the workstation (its triggers dropped): the next bundle's head is older.
    conn = _without_triggers(ws)
    conn.execute("DELETE FROM audit_log WHERE seq > ?", (first,))
    conn.close()
    services = open_services(ws.location)
    replace(ws, services=services).register(personal_id="079301004567", full_name="Lê Thị Hoa")
    out = tmp_path / "day3"
    out.mkdir()
    bundle = services.sync.export(out)
    assert bundle.path is not None and centre.import_bundle(bundle.path).status == "imported"
    [check] = centre.audit_check(AGENCY_CODE, 1)
    assert not check.consistent
    assert [p.reason for p in check.problems] == ["truncated"]
    assert check.problems[0].bundle_id == bundle.bundle_id and check.problems[0].seq < second

    if centre._db.engine.dialect.name != "sqlite":
        return  # the command line is the same on both (and leaves its connections to the process's end)
    argv = ["central", "audit-check", "--data-dir", str(tmp_path / "centre-data"), "--json"]
    argv += ["--db", str(centre._db.engine.url)]
    found = run_cli(capsys, monkeypatch, argv, None)
    assert found.code == 1
    data = found.json()
    assert set(data) == {"workstations", "problems"} and data["problems"] == 1
    assert set(data["workstations"][0]) == {
        "agency",
        "workstation",
        "consistent",
        "heads",
        "newest",
        "restores",
        "problems",
    }


def test_the_centre_finds_an_entry_with_two_hashes_and_lists_restores(
    ws: Counter, centre: CentralService, tmp_path: Path
) -> None:
    ws.register()
    backup = tmp_path / "backup.zip"
    ws.services.backups.backup(backup, ws.admin)
    _round_trip(ws, centre, tmp_path / "day1")
    ws.services.backups.restore(backup, ws.admin)
    ws.register(personal_id="001099054321", full_name="Phạm Văn Nam")
    _round_trip(ws, centre, tmp_path / "day2")
    [check] = centre.audit_check()
    assert check.consistent  # a restore begins the chain again: not a problem, but listed
    assert [r["parent"] for r in check.restores] != [] and check.restores[0]["fork_seq"] > 0

    # Two bundles of one epoch naming the same entry with two hashes (as a rewritten log would).
    with centre._db.writing() as uow:
        rows = uow.session.scalars(select(SyncImport).order_by(SyncImport.bundle_id)).all()
        rows[1].audit_head = {"seq": rows[0].audit_head["seq"], "hash": "0" * 64}
        rows[1].epoch = rows[0].epoch
        uow.commit()
    [check] = centre.audit_check()
    assert "rewritten" in [p.reason for p in check.problems]

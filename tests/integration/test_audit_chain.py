"""The audit log's hash chain: every entry chained to the one before, and any edit, deletion or reordering
made behind the application's back (triggers dropped, raw SQL) found and named by ``motcua audit verify``."""

from __future__ import annotations

import itertools
import sqlite3
import threading

import pytest
from sqlalchemy import func, select

import records.store.migrate as migrate
from desktop.context import open_services
from integration.cli_runner import run_cli
from integration.documents import scanned
from integration.helpers import Counter
from records import audit
from records.audit import GENESIS
from records.services import Services
from records.store.models import AuditEntry
from records.workflow import Status


def _busy(counter: Counter) -> None:
    """Some ordinary work: registrations, a status change, a document attached."""
    first = counter.register()
    counter.register(personal_id="001099054321", full_name="Phạm Văn Nam")
    counter.services.files.set_status(first.code, Status.IN_PROGRESS, counter.clerk)
    counter.services.attachments.attach(first.code, [scanned()], counter.clerk)


def _raw(counter: Counter) -> sqlite3.Connection:
    """The database file opened behind the application's back, its append-only triggers dropped (what
    anyone with the file can do)."""
    counter.services.db.dispose()
    path = counter.location.db_url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    return conn


def _seqs(conn: sqlite3.Connection) -> list[int]:
    return [row[0] for row in conn.execute("SELECT seq FROM audit_log ORDER BY seq")]


def test_every_entry_is_chained_to_the_one_before(counter: Counter) -> None:
    _busy(counter)
    report = counter.services.audit.verify()
    with counter.services.db.reading() as uow:
        entries = uow.session.execute(
            select(AuditEntry.seq, AuditEntry.prev_hash, AuditEntry.hash).order_by(AuditEntry.seq)
        ).all()
        count = uow.session.scalar(select(func.count()).select_from(AuditEntry))
    assert report.intact and report.entries == count and count > 5
    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    assert report.head.seq == entries[-1].seq and report.head.hash == entries[-1].hash
    assert counter.services.audit.head() == report.head


def test_an_edited_entry_is_found(counter: Counter) -> None:
    _busy(counter)
    conn = _raw(counter)
    victim = _seqs(conn)[3]
    conn.execute("UPDATE audit_log SET username = 'someone.else' WHERE seq = ?", (victim,))
    conn.close()
    report = open_services(counter.location).audit.verify()
    assert not report.intact
    assert (report.broken_seq, report.reason) == (victim, "edited")


def test_a_deleted_entry_is_found(counter: Counter) -> None:
    _busy(counter)
    conn = _raw(counter)
    seqs = _seqs(conn)
    conn.execute("DELETE FROM audit_log WHERE seq = ?", (seqs[2],))
    conn.close()
    report = open_services(counter.location).audit.verify()
    assert (report.intact, report.broken_seq, report.reason) == (False, seqs[3], "missing_or_reordered")
    assert f"does not follow entry {seqs[1]}" in str(report.message)


def test_reordered_entries_are_found(counter: Counter) -> None:
    _busy(counter)
    conn = _raw(counter)
    seqs = _seqs(conn)
    a, b = seqs[2], seqs[4]
    conn.execute("UPDATE audit_log SET seq = -1 WHERE seq = ?", (a,))
    conn.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", (a, b))
    conn.execute("UPDATE audit_log SET seq = ? WHERE seq = -1", (b,))
    conn.close()
    report = open_services(counter.location).audit.verify()
    assert (report.intact, report.broken_seq, report.reason) == (False, a, "missing_or_reordered")


def test_an_entry_slipped_in_without_the_application_is_found(counter: Counter) -> None:
    _busy(counter)
    conn = _raw(counter)
    conn.execute(
        "INSERT INTO audit_log (id, at, username, action, entity, details) VALUES "
        "('0123456789abcdef0123456789abcdef', '2026-01-01 00:00:00.000000', 'x', 'file.opened', 'file', '{}')"
    )
    last = _seqs(conn)[-1]
    conn.close()
    report = open_services(counter.location).audit.verify()
    assert (report.intact, report.broken_seq, report.reason) == (False, last, "unchained")


def test_audit_verify_on_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, counter: Counter
) -> None:
    _busy(counter)
    argv = ["audit", "verify", "--json", "--data-dir", str(counter.location.data_dir)]
    intact = run_cli(capsys, monkeypatch, argv, None)
    assert intact.code == 0
    data = intact.json()
    assert set(data) == {"intact", "entries", "head", "first_broken", "checkpoints"}
    assert data["checkpoints"] == {"checked": 0, "skipped": 0}  # no acknowledgement taken yet
    assert data["intact"] is True and data["first_broken"] is None and set(data["head"]) == {"seq", "hash"}

    conn = _raw(counter)
    victim = _seqs(conn)[1]
    conn.execute('UPDATE audit_log SET details = \'{"note": "changed"}\' WHERE seq = ?', (victim,))
    conn.close()
    broken = run_cli(capsys, monkeypatch, argv, None)
    assert broken.code == 1
    assert broken.json()["first_broken"]["seq"] == victim
    assert broken.json()["first_broken"]["reason"] == "edited"
    plain = run_cli(capsys, monkeypatch, argv[:-3] + argv[-2:], None)
    assert plain.code == 1 and f"entry {victim}" in plain.out


def test_a_store_from_before_the_chain_is_chained_when_migrated(counter: Counter) -> None:
    _busy(counter)
    engine = counter.services.db.engine
    migrate.downgrade(engine, "0006")
    migrate.upgrade(engine)
    report = counter.services.audit.verify()
    assert report.intact and report.entries > 5
    counter.register(personal_id="001099067890", full_name="Đỗ Thị Mai")  # new entries chain on
    assert counter.services.audit.verify().intact
    with engine.connect() as conn:  # the append-only triggers are back
        triggers = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {"audit_log_no_update", "audit_log_no_delete"} <= triggers


@pytest.mark.postgres
def test_writers_at_the_same_time_never_fork_the_chain_on_postgresql(pg_services: Services) -> None:
    actor = pg_services.users.system(1)
    errors: list[BaseException] = []

    def write(name: str) -> None:
        try:
            for n in range(15):
                with pg_services.db.writing() as uow:
                    audit.append(uow.session, actor, "test.written", "test", f"{name}-{n}")
                    uow.commit()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(name,)) for name in ("a", "b", "c", "d")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = pg_services.audit.verify()
    assert report.intact and report.entries >= 60

"""Crash safety: a process working on a workstation and a centre is killed (SIGKILL) at random moments,
again and again; after every kill, both stores pass ``integrity_check``, everything the process was told
was done is there (every file with its documents, every bundle whole, every import applied), the audit
chains hold, and nothing half-written is visible.

The number of kills is ``MOTCUA_KILL_LOOPS`` (default 12 in CI); ``docs/security.md`` gives the longer run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.context import open_services, resolve
from integration.helpers import Counter
from records.backup import integrity
from records.keys import parse_public_key_text
from records.services.central import CentralService
from records.store.models import Attachment, File, SyncImport
from records.sync.bundle import open_bundle

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_child.py")
LOOPS = int(os.environ.get("MOTCUA_KILL_LOOPS", "12"))


def _journal(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[:-1] if lines and not path.read_text(encoding="utf-8").endswith("\n") else lines


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_at_random_moments_nothing_committed_is_lost(
    make_counter: Callable[..., Counter], tmp_path: Path
) -> None:
    ws = make_counter("ws")
    centre = make_counter("centre")
    ws_dir, centre_dir = ws.location.data_dir, centre.location.data_dir
    ws.services.db.dispose()
    centre.services.db.dispose()
    usb = tmp_path / "usb"
    usb.mkdir()
    journal = tmp_path / "journal.txt"
    rng = random.Random(20261125)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for loop in range(LOOPS):
        start = len(_journal(journal))
        child = subprocess.Popen(
            [
                sys.executable,
                str(CHILD),
                str(ROOT),
                str(ws_dir),
                str(centre_dir),
                str(usb),
                str(journal),
                str(loop),
            ],
            env=env,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while "ready" not in _journal(journal)[start:]:  # the stores are open: from here, kill anywhere
            assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
            assert time.monotonic() < deadline, "the child never got ready"
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 1.5))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        if child.stderr:
            child.stderr.close()
        _check(journal, ws_dir, centre_dir, usb)
    done = _journal(journal)
    # The kills fell while work was under way, not only before it began.
    assert sum(line.startswith("file ") for line in done) >= LOOPS
    assert any(line.startswith("imported ") for line in done)


def _check(journal: Path, ws_dir: Path, centre_dir: Path, usb: Path) -> None:
    lines = _journal(journal)
    documents: dict[str, int] = {}
    bundles: set[str] = set()
    imported: set[str] = set()
    for line in lines:
        kind, _, rest = line.partition(" ")
        if kind == "file":
            code, count = rest.split()
            documents[code] = max(documents.get(code, 0), int(count))
        elif kind == "bundle":
            bundles.add(rest)
        elif kind == "imported":
            imported.add(rest)

    for folder in (ws_dir, centre_dir):
        assert integrity(folder / "motcua.sqlite3") == "ok"
    workstation = open_services(resolve(str(ws_dir), None))  # recovery runs as the application's would
    try:
        with workstation.db.reading() as uow:
            session = uow.session
            for code, count in documents.items():
                file_id = session.scalar(select(File.id).where(File.code == code))
                assert file_id is not None, f"{code} was registered, then lost"
                held = session.scalar(
                    select(func.count()).select_from(Attachment).where(Attachment.file_id == file_id)
                )
                assert held >= count, f"{code} had {count} documents attached, {held} are there"
        report = workstation.attachments.verify()
        assert report.intact, report
        assert workstation.audit.verify().intact
        key = parse_public_key_text(workstation.receipts.public_key_text())
    finally:
        workstation.db.dispose()
    for bundle in usb.glob("*.zip"):  # a bundle under its final name is whole and signed
        with open_bundle(bundle, lambda _manifest: key) as opened:
            assert opened.seq_to >= opened.seq_from - 1
    assert bundles <= {p.name for p in usb.glob("*.zip")}

    centre = open_services(resolve(str(centre_dir), None))
    try:
        with centre.db.reading() as uow:
            held = {str(b) for b in uow.session.scalars(select(SyncImport.bundle_id))}
        assert imported <= held
        assert centre.audit.verify().intact
        central = CentralService(centre.db, centre_dir / "centre")
        for sha in _centre_objects(centre):
            assert central.objects.check(sha).state == "ok"
    finally:
        centre.db.dispose()


def _centre_objects(centre: object) -> list[str]:
    from records.store.models import StoredObject

    with centre.db.reading() as uow:  # type: ignore[attr-defined]
        return list(uow.session.scalars(select(StoredObject.sha256)))

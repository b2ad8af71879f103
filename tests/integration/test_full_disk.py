"""A full disk and a read-only store: a clear refusal, nothing half-written, and work resumes as soon as
space (or write access) returns. Simulated with SQLite's ``max_page_count`` and ``query_only``, and for
real on a small tmpfs where the machine allows mounting one."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desktop.context import open_services, resolve
from integration.documents import pdf_bytes, scanned
from integration.helpers import AGENCY_CODE, AGENCY_NAME, Counter, row_counts
from records.backup import integrity
from records.errors import StorageUnavailable
from records.files import FileQuery


def _with_pragma(counter: Counter, pragma: str) -> Any:
    """Every new connection of the store runs ``pragma`` (until the listener is removed)."""
    engine = counter.services.db.engine
    engine.dispose()

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(pragma)

    event.listen(engine, "connect", on_connect)
    return on_connect


def _restore(counter: Counter, listener: Any) -> None:
    engine = counter.services.db.engine
    event.remove(engine, "connect", listener)
    engine.dispose()


def test_a_full_database_is_a_clear_refusal_and_work_resumes(counter: Counter) -> None:
    counter.register()
    database = Path(counter.location.db_url.removeprefix("sqlite:///"))
    before = row_counts(counter.services)
    pages = database.stat().st_size // 4096
    listener = _with_pragma(counter, f"PRAGMA max_page_count = {pages}")
    try:
        with pytest.raises(StorageUnavailable) as full:
            for n in range(200):  # a page or two is left: some registrations may still fit
                counter.register(personal_id=f"0010990{n:05d}", full_name=f"Người Thứ {n}")
        assert "disk is full" in str(full.value)
    finally:
        _restore(counter, listener)
    after_full = row_counts(counter.services)
    assert after_full["files"] >= before["files"]
    assert integrity(database) == "ok" and counter.services.audit.verify().intact
    file = counter.register(personal_id="001099099999", full_name="Sau Khi Có Chỗ")  # space is back
    assert counter.services.files.show(file.code).code == file.code


def test_a_read_only_store_is_a_clear_refusal_and_work_resumes(counter: Counter) -> None:
    counter.register()
    before = row_counts(counter.services)
    listener = _with_pragma(counter, "PRAGMA query_only = ON")
    try:
        with pytest.raises(StorageUnavailable) as refused:
            counter.register(personal_id="001099054321", full_name="Phạm Văn Nam")
        assert "read-only" in str(refused.value)
        assert counter.services.files.count(FileQuery()) == before["files"]  # reading still works
    finally:
        _restore(counter, listener)
    assert row_counts(counter.services) == before
    counter.register(personal_id="001099054321", full_name="Phạm Văn Nam")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs (skipped where the machine does not let the tests mount one)."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root on Linux")
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_really_full_disk(small_disk: Path) -> None:
    services = open_services(resolve(str(small_disk / "data"), None))
    try:
        services.settings.initialise(agency_code=AGENCY_CODE, agency_name=AGENCY_NAME)
        actor = services.users.system(1)
        counter = Counter(services, resolve(str(small_disk / "data"), None), actor, actor, actor)
        first = counter.register()
        filler = small_disk / "filler"
        with open(filler, "wb") as out:  # fill the disk, leaving a few kilobytes
            try:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
            except OSError:
                pass
        with pytest.raises(StorageUnavailable) as full:
            for n in range(50):
                counter.services.attachments.attach(first.code, [scanned(pdf_bytes(3, f"trang {n}"))], actor)
        assert full.value.params.get("reason") in ("disk_full", None)
        assert "full" in str(full.value)
        filler.unlink()  # space is back
        assert integrity(small_disk / "data" / "motcua.sqlite3") == "ok"
        assert services.attachments.verify().intact
        counter.services.attachments.attach(first.code, [scanned(pdf_bytes(1, "sau"))], actor)
        assert services.audit.verify().intact
    finally:
        services.db.dispose()


def test_a_backup_onto_a_full_disk_leaves_nothing_half_written(counter: Counter, small_disk: Path) -> None:
    file = counter.register()
    counter.services.attachments.attach(file.code, [scanned(pdf_bytes(3, "sao lưu"))], counter.clerk)
    filler = small_disk / "filler"
    with open(filler, "wb") as out:  # leave a few kilobytes: not enough for the backup
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    with pytest.raises(StorageUnavailable) as full:
        counter.services.backups.backup(small_disk / "backup.zip")
    assert "backup" in str(full.value)
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]  # no zip, no .partial, no scratch
    filler.unlink()
    assert counter.services.backups.backup(small_disk / "backup.zip").counts["documents"] == 1

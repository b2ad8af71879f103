"""Backups: the store, its documents and keys in one zip checked before and after; a restore that puts
everything back (and backs up what it replaces); damaged stores and damaged backups refused by name."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from desktop.context import open_services
from integration.cli_runner import Run, assert_refused, run_cli
from integration.documents import scanned
from integration.helpers import Counter, registration, row_counts
from records.backup import KEEP, daily_due, integrity, rotate
from records.errors import BackupRefused, PermissionDenied, StorageUnavailable


def _store_with_a_document(counter: Counter) -> tuple[str, str]:
    file = counter.register()
    [document] = counter.services.attachments.attach(file.code, [scanned()], counter.clerk)
    return file.code, document.sha256


def test_a_backup_holds_the_store_and_restores_it_whole(counter: Counter, tmp_path: Path) -> None:
    code, sha = _store_with_a_document(counter)
    public_key = counter.services.receipts.public_key_text()  # the installation's key exists from here
    target = tmp_path / "usb" / "backup.zip"
    result = counter.services.backups.backup(target, counter.admin)
    assert result.path == target and result.counts["documents"] == 1 and result.counts["keys"] >= 1
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
    assert {"backup.json", "motcua.sqlite3", f"documents/{sha}"} <= names
    assert any(n.startswith("keys/") for n in names)
    before = row_counts(counter.services)

    # Later: a second file, the document's bytes and the key files lost on the disk.
    counter.register(personal_id="001099054321", full_name="Phạm Văn Nam")
    counter.services.attachments.objects.path(sha).unlink()
    for key in counter.location.keys_dir.iterdir():
        key.unlink()

    restored = counter.services.backups.restore(target, counter.admin)
    assert restored.created_at == result.created_at
    after = row_counts(counter.services)
    assert after["files"] == before["files"] == 1
    assert counter.services.files.show(code).code == code
    assert counter.services.attachments.objects.check(sha).state == "ok"
    assert counter.services.attachments.verify().intact
    assert counter.services.audit.verify().intact
    assert open_services(counter.location).receipts.public_key_text() == public_key  # the same signer
    kept = sorted(counter.location.backup_dir.glob("motcua-before-restore-*.zip"))
    assert len(kept) == 1  # what was there before the restore is kept, damaged as it was
    with pytest.raises(BackupRefused) as damaged:
        counter.services.backups.verify(kept[0])
    assert damaged.value.reason == "damaged_backup" and "missing" in str(damaged.value)


def test_a_damaged_store_is_not_backed_up(counter: Counter, tmp_path: Path) -> None:
    _code, sha = _store_with_a_document(counter)
    path = counter.services.attachments.objects.path(sha)
    os.chmod(path, 0o644)
    path.write_bytes(b"%PDF-1.4 not the same bytes")
    target = tmp_path / "backup.zip"
    with pytest.raises(BackupRefused) as refused:
        counter.services.backups.backup(target)
    assert refused.value.reason == "damaged_store" and sha in str(refused.value)
    assert list(tmp_path.glob("backup.zip*")) == []


@pytest.mark.parametrize("damage", ["flipped_byte", "truncated", "not_a_zip", "other_zip"])
def test_a_damaged_backup_is_refused_and_the_store_left_alone(
    counter: Counter, tmp_path: Path, damage: str
) -> None:
    _store_with_a_document(counter)
    target = tmp_path / "backup.zip"
    counter.services.backups.backup(target)
    data = bytearray(target.read_bytes())
    if damage == "flipped_byte":
        with zipfile.ZipFile(target) as archive:
            info = next(i for i in archive.infolist() if i.filename.startswith("documents/"))
        start = info.header_offset + 30 + len(info.filename.encode()) + 40
        data[start] ^= 0xFF
        target.write_bytes(bytes(data))
        reason = "damaged_backup"
    elif damage == "truncated":
        target.write_bytes(bytes(data[: len(data) // 2]))
        reason = "damaged_backup"
    elif damage == "not_a_zip":
        target.write_text("not a backup", encoding="utf-8")
        reason = "damaged_backup"
    else:
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr("readme.txt", "hello")
        reason = "not_a_backup"
    counter.register(personal_id="001099054321", full_name="Phạm Văn Nam")
    before = row_counts(counter.services)
    with pytest.raises(BackupRefused) as refused:
        counter.services.backups.restore(target, counter.admin)
    assert refused.value.reason == reason
    assert row_counts(counter.services) == before
    assert not list(counter.location.backup_dir.glob("motcua-before-restore-*.zip"))


def test_a_backup_from_a_newer_version_is_refused(counter: Counter, tmp_path: Path) -> None:
    target = tmp_path / "backup.zip"
    counter.services.backups.backup(target)
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(target) as source, zipfile.ZipFile(newer, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "backup.json":
                manifest = json.loads(data)
                manifest["format_version"] = 99
                data = json.dumps(manifest).encode()
            out.writestr(info, data)
    with pytest.raises(BackupRefused) as refused:
        counter.services.backups.verify(newer)
    assert refused.value.reason == "newer_backup" and "update" in str(refused.value)


def test_only_an_administrator_restores(counter: Counter, tmp_path: Path) -> None:
    target = tmp_path / "backup.zip"
    counter.services.backups.backup(target)
    with pytest.raises(PermissionDenied):
        counter.services.backups.restore(target, counter.clerk)


def test_an_unwritable_folder_leaves_nothing(counter: Counter, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(StorageUnavailable):
            counter.services.backups.backup(folder / "backup.zip")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_automatic_backups_are_daily_and_rotated(counter: Counter) -> None:
    backups = counter.services.backups
    first = backups.daily_if_due()
    assert first is not None and first.path.parent == counter.location.backup_dir
    assert backups.daily_if_due() is None  # one a day
    assert not daily_due(counter.location.backup_dir)
    folder = counter.location.backup_dir
    for n in range(KEEP["before-import"] + 3):
        (folder / f"motcua-before-import-20260101-0000{n:02d}.zip").write_bytes(b"old")
    removed = rotate(folder, "before-import")
    assert len(removed) == 3 and len(list(folder.glob("motcua-before-import-*.zip"))) == KEEP["before-import"]
    assert integrity(Path(counter.location.db_url.removeprefix("sqlite:///"))) == "ok"


def test_the_backup_commands(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, counter: Counter, tmp_path: Path
) -> None:
    _store_with_a_document(counter)
    home = ["--data-dir", str(counter.location.data_dir)]

    def run(*argv: str) -> Run:
        return run_cli(capsys, monkeypatch, [*argv, *home], None)

    target = tmp_path / "b.zip"
    made = run("backup", "--out", str(target), "--json")
    assert made.code == 0, made.err
    assert set(made.json()) == {"path", "created_at", "schema_revision", "counts"}
    checked = run("backup", "--verify", str(target), "--json")
    assert checked.code == 0 and checked.json()["created_at"] == made.json()["created_at"]
    assert_refused(run("backup"), "--out")
    assert_refused(run("backup", "--verify", str(tmp_path / "none.zip")), "no such backup")

    # A catalogue import is backed up first.
    catalog = tmp_path / "catalog.json"
    catalog.write_text(counter.services.catalog.export_text(), encoding="utf-8")
    assert run("catalog", "import", str(catalog)).code == 0
    assert len(list(counter.location.backup_dir.glob("motcua-before-import-*.zip"))) == 1

    source = tmp_path / "file.json"
    source.write_text(
        json.dumps(registration(personal_id="001099054321"), ensure_ascii=False), encoding="utf-8"
    )
    assert run("file", "register", "--from", str(source)).code == 0
    restored = run("restore", str(target), "--json")
    assert restored.code == 0, restored.err
    assert row_counts(counter.services)["files"] == 1
    target.write_bytes(b"garbage")
    assert_refused(run("restore", str(target)), "not a whole backup")


def test_a_holiday_import_is_backed_up_first_and_a_refused_one_changes_nothing(counter: Counter) -> None:
    from records.calendar import dump_year_table, shipped_year_tables
    from records.errors import CalendarError

    folder = counter.location.backup_dir
    before = row_counts(counter.services)
    with pytest.raises(CalendarError):
        counter.services.calendar.import_table("{not json", counter.admin)
    assert row_counts(counter.services) == before
    assert not list(folder.glob("motcua-before-import-*.zip"))  # refused before any backup
    table = next(iter(shipped_year_tables().values()))
    counter.services.calendar.import_table(dump_year_table(table), counter.admin)
    [made] = folder.glob("motcua-before-import-*.zip")
    assert counter.services.backups.verify(made).schema_revision

"""Encryption at rest: once turned on, nothing on the disk shows a citizen's data; the store opens only with
the passphrase or the recovery code; an interrupted conversion is finished, never lost; backups stay
encrypted and restore across states; the command line keeps its contract."""

from __future__ import annotations

import gc
import sqlite3
import zipfile
from pathlib import Path

import pytest

import records.encryption as encryption
from desktop.context import open_services
from integration.cli_runner import assert_refused, run_cli
from integration.documents import pdf_bytes, scanned
from integration.helpers import Counter, row_counts, store_dump
from records.encryption import StoreKey, change_passphrase, disable, enable, is_sealed, read_config
from records.errors import BackupRefused, EncryptionRefused, StorageUnavailable

PASSPHRASE = "ba con mèo trèo cây cau"
NAME = "Nguyễn Văn Đức"
PERSONAL_ID = "001099012345"


def _fill(counter: Counter) -> tuple[str, str]:
    """A file with a scanned document, a receipt signed (the keys exist), a thumbnail-like cache file."""
    file = counter.register(personal_id=PERSONAL_ID, full_name=NAME)
    data = pdf_bytes(1, text="Giấy khai sinh của Đức")
    [document] = counter.services.attachments.attach(file.code, [scanned(data)], counter.clerk)
    counter.services.receipts.public_key_text()
    cache = counter.location.cache_dir / "thumbnails" / "ab"
    cache.mkdir(parents=True)
    (cache / "thumb.png").write_bytes(b"\x89PNG a readable thumbnail")
    counter.services.db.dispose()
    return file.code, document.sha256


def _readable_anywhere(folder: Path, needles: list[bytes]) -> list[str]:
    """Every file under ``folder`` (backups aside) in which one of ``needles`` can be read."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and "backups" not in path.parts:
            data = path.read_bytes()
            if any(n in data for n in needles):
                found.append(str(path.relative_to(folder)))
    return found


NEEDLES = [NAME.encode(), PERSONAL_ID.encode(), b"SQLite format 3", b"PRIVATE KEY", b"%PDF"]


def test_nothing_readable_stays_on_the_disk_and_the_store_opens_only_with_the_passphrase(
    counter: Counter,
) -> None:
    code, sha = _fill(counter)
    before = store_dump(counter.services)
    counter.services.db.dispose()  # the application is closed while the store is converted
    assert _readable_anywhere(counter.location.data_dir, NEEDLES)  # the test can see plain data
    counter.services.db.dispose()

    key, recovery, report = enable(counter.location.store_files(), PASSPHRASE)
    assert report.documents == 1 and report.key_files == 1 and report.damaged == []
    assert _readable_anywhere(counter.location.data_dir, NEEDLES) == []
    assert not (counter.location.cache_dir / "thumbnails").exists()  # made again, sealed, on demand
    assert is_sealed(counter.services.attachments.objects.path(sha).read_bytes())

    for missing in (None, ""):
        with pytest.raises(EncryptionRefused) as refused:
            open_services(counter.location, missing)
        assert refused.value.reason == "passphrase_needed"
    with pytest.raises(EncryptionRefused) as wrong:
        open_services(counter.location, "ba con mèo trèo cây dừa")
    assert wrong.value.reason == "wrong_passphrase"
    with pytest.raises(sqlite3.DatabaseError):  # the plain driver sees no database
        sqlite3.connect(counter.location.sqlite_path()).execute("SELECT * FROM files").fetchall()

    services = open_services(counter.location, PASSPHRASE)
    assert store_dump(services) == {**before, "audit_log": store_dump(services)["audit_log"]}
    assert services.files.show(code).owner.full_name == NAME
    assert services.attachments.objects.read(sha)  # decrypted and checked against its name
    assert services.attachments.verify().intact
    assert services.audit.verify().intact
    services.receipts.public_key_text()  # the signing key opens
    services.db.dispose()

    # The recovery code, typed loosely, opens it too; an encrypted store's new documents are sealed.
    services = open_services(counter.location, recovery.lower().replace("-", " "))
    [again] = services.attachments.attach(code, [scanned(pdf_bytes(2, text="trang 2"))], counter.clerk)
    assert is_sealed(services.attachments.objects.path(again.sha256).read_bytes())
    services.db.dispose()
    assert read_config(counter.location.data_dir).key_id == key.key_id  # type: ignore[union-attr]


def test_a_weak_passphrase_or_a_store_in_use_is_refused_and_nothing_changes(counter: Counter) -> None:
    _fill(counter)
    with pytest.raises(EncryptionRefused) as weak:
        enable(counter.location.store_files(), "ngắn")
    assert weak.value.reason == "weak_passphrase"
    assert not counter.location.encryption_file.exists()
    open_now = open_services(counter.location)  # another copy of the application holds the store
    with pytest.raises(EncryptionRefused) as busy:
        enable(counter.location.store_files(), PASSPHRASE)
    assert busy.value.reason == "store_in_use"
    assert not counter.location.encryption_file.exists()
    assert row_counts(open_now)["files"] == 1
    open_now.db.dispose()


def test_changing_the_passphrase_keeps_the_data_and_the_recovery_code(counter: Counter) -> None:
    code, _sha = _fill(counter)
    _key, recovery, _report = enable(counter.location.store_files(), PASSPHRASE)
    with pytest.raises(EncryptionRefused):
        change_passphrase(counter.location.data_dir, "sai rồi sai rồi", "mật khẩu mới thật dài")
    change_passphrase(counter.location.data_dir, recovery, "mật khẩu mới thật dài")  # forgotten: the code
    with pytest.raises(EncryptionRefused):
        open_services(counter.location, PASSPHRASE)
    for secret in ("mật khẩu mới thật dài", recovery):
        services = open_services(counter.location, secret)
        assert services.files.show(code).code == code
        services.db.dispose()


def test_turning_encryption_off_gives_a_plain_store_back(counter: Counter) -> None:
    code, sha = _fill(counter)
    before = store_dump(counter.services)
    counter.services.db.dispose()  # the application is closed while the store is converted
    enable(counter.location.store_files(), PASSPHRASE)
    with pytest.raises(EncryptionRefused):
        disable(counter.location.store_files(), "không đúng đâu nhé")
    report = disable(counter.location.store_files(), PASSPHRASE)
    assert report.documents == 1 and report.key_files == 1
    assert read_config(counter.location.data_dir) is None
    rows = sqlite3.connect(counter.location.sqlite_path()).execute("SELECT code FROM files").fetchall()
    assert rows == [(code,)]
    services = open_services(counter.location)
    assert store_dump(services) == before
    assert not is_sealed(services.attachments.objects.path(sha).read_bytes())
    assert services.attachments.verify().intact
    services.db.dispose()


@pytest.mark.parametrize("fail_at", [1, 2, 3])
def test_an_interrupted_conversion_is_finished_when_the_store_next_opens(
    counter: Counter, monkeypatch: pytest.MonkeyPatch, fail_at: int
) -> None:
    """Power lost after the fail_at-th file was replaced (the document, the key file, the database): the
    store stays readable with the passphrase, and opening it finishes the work."""
    code, sha = _fill(counter)
    before = store_dump(counter.services)
    counter.services.db.dispose()  # the application is closed while the store is converted
    real_replace = encryption._replace_file
    real_os_replace = encryption.os.replace
    done = [0]

    class PowerCut(Exception):
        pass

    def counted(path: Path, data: bytes, private: bool = False) -> None:
        real_replace(path, data, private)
        if path.name != encryption.FILE_NAME:
            done[0] += 1
            if done[0] == fail_at:
                raise PowerCut

    def counted_os_replace(src: object, dst: object) -> None:
        real_os_replace(src, dst)  # type: ignore[arg-type]
        if str(src).endswith(".converting") and Path(str(dst)).name == "motcua.sqlite3":
            done[0] += 1
            if done[0] == fail_at:
                raise PowerCut

    monkeypatch.setattr(encryption, "_replace_file", counted)
    monkeypatch.setattr(encryption.os, "replace", counted_os_replace)
    with pytest.raises(PowerCut):
        enable(counter.location.store_files(), PASSPHRASE)
    monkeypatch.undo()
    config = read_config(counter.location.data_dir)
    assert config is not None and config.state == "enabling"
    with pytest.raises(EncryptionRefused):
        open_services(counter.location)  # half-converted: the passphrase is needed already
    services = open_services(counter.location, PASSPHRASE)
    assert read_config(counter.location.data_dir).state == "on"  # type: ignore[union-attr]
    assert store_dump(services)["files"] == before["files"]
    assert services.attachments.objects.read(sha)
    assert services.files.show(code).code == code
    assert _readable_anywhere(counter.location.data_dir, NEEDLES) == []
    services.db.dispose()


def test_a_changed_byte_in_an_encrypted_document_is_found(counter: Counter) -> None:
    _code, sha = _fill(counter)
    enable(counter.location.store_files(), PASSPHRASE)
    services = open_services(counter.location, PASSPHRASE)
    path = services.attachments.objects.path(sha)
    data = bytearray(path.read_bytes())
    data[40] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(StorageUnavailable) as damaged:
        services.attachments.objects.read(sha)
    assert damaged.value.reason == "corrupt"
    assert not services.attachments.verify().intact
    with pytest.raises(BackupRefused) as refused:
        services.backups.backup(counter.location.data_dir.parent / "b.zip", counter.admin)
    assert refused.value.reason == "damaged_store"
    services.db.dispose()


def test_backups_of_an_encrypted_store_are_encrypted_and_restore_anywhere_with_the_passphrase(
    counter: Counter, tmp_path: Path, make_counter: object
) -> None:
    code, sha = _fill(counter)
    _key, recovery, _report = enable(counter.location.store_files(), PASSPHRASE)
    services = open_services(counter.location, PASSPHRASE)
    target = tmp_path / "usb" / "backup.zip"
    services.backups.backup(target, counter.admin)
    with zipfile.ZipFile(target) as archive:
        assert "encryption.json" in archive.namelist()
        for name in archive.namelist():
            member = archive.read(name)
            assert not any(n in member for n in NEEDLES), name
    assert services.backups.verify(target).counts["documents"] == 1
    # Restored into the same store: its own key opens it.
    services.backups.restore(target, counter.admin)
    assert services.files.show(code).code == code
    services.db.dispose()

    # A new PC (a plain store): the backup needs the passphrase it was made under.
    other: Counter = make_counter("other")  # type: ignore[operator]
    assert other.services.backups.needs_passphrase(target)
    with pytest.raises(BackupRefused) as refused:
        other.services.backups.restore(target, other.admin)
    assert refused.value.reason == "encrypted_backup"
    with pytest.raises(EncryptionRefused):
        other.services.backups.restore(target, other.admin, "không phải mật khẩu")
    other.services.backups.restore(target, other.admin, recovery)
    assert other.services.files.show(code).code == code
    assert other.services.attachments.objects.read(sha)
    assert not is_sealed(other.services.attachments.objects.path(sha).read_bytes())  # it stays plain
    assert sqlite3.connect(other.location.sqlite_path()).execute("SELECT count(*) FROM files").fetchone()[0]

    # And the other way: that plain store's backup restores into an encrypted store, encrypted.
    plain_backup = tmp_path / "plain.zip"
    other.services.backups.backup(plain_backup, other.admin)
    services = open_services(counter.location, PASSPHRASE)
    services.backups.restore(plain_backup, counter.admin)
    assert services.files.show(code).code == code
    assert is_sealed(services.attachments.objects.path(sha).read_bytes())
    assert _readable_anywhere(counter.location.data_dir, NEEDLES) == []
    services.db.dispose()


def test_the_command_line(
    counter: Counter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(counter)
    home = ["--data-dir", str(counter.location.data_dir)]
    monkeypatch.delenv("MOTCUA_PASSPHRASE", raising=False)
    status = run_cli(capsys, monkeypatch, ["encryption", "status", "--json", *home], None)
    assert status.code == 0 and status.json() == {"encrypted": False, "state": "off"}
    weak = run_cli(capsys, monkeypatch, ["encryption", "enable", "--json", *home], "ngắn\n")
    assert_refused(weak, "passphrase")
    enabled = run_cli(capsys, monkeypatch, ["encryption", "enable", "--json", *home], PASSPHRASE + "\n")
    assert enabled.code == 0, enabled.err
    data = enabled.json()
    assert data["encrypted"] is True and data["documents"] == 1 and data["key_files"] == 1
    assert len(data["recovery_code"].replace("-", "")) == 30
    status = run_cli(capsys, monkeypatch, ["encryption", "status", "--json", *home], None).json()
    assert status["encrypted"] is True and status["state"] == "on" and status["key_id"] == data["key_id"]
    assert "wrapped" not in str(status)

    # Every other command needs the passphrase now.
    listed = run_cli(capsys, monkeypatch, ["file", "list", "--json", *home], None)
    assert_refused(listed, "MOTCUA_PASSPHRASE")
    monkeypatch.setenv("MOTCUA_PASSPHRASE", "sai mật khẩu rồi")
    assert_refused(run_cli(capsys, monkeypatch, ["file", "list", "--json", *home], None), "passphrase")
    monkeypatch.setenv("MOTCUA_PASSPHRASE", PASSPHRASE)
    listed = run_cli(capsys, monkeypatch, ["file", "list", "--json", *home], None)
    assert listed.code == 0 and len(listed.json()) == 1
    audit = run_cli(capsys, monkeypatch, ["audit", "list", "--json", *home], None).json()
    assert any(e["action"] == "store.encrypted" for e in audit)

    changed = run_cli(
        capsys, monkeypatch, ["encryption", "change-passphrase", "--json", *home], "mật khẩu mới dài dài\n"
    )
    assert changed.code == 0 and changed.json()["key_id"] == data["key_id"]
    monkeypatch.setenv("MOTCUA_PASSPHRASE", "mật khẩu mới dài dài")
    gc.collect()  # each command is its own process for real: the earlier runs' connections are gone
    off = run_cli(capsys, monkeypatch, ["encryption", "disable", "--json", *home], None)
    assert off.code == 0 and off.json()["encrypted"] is False
    monkeypatch.delenv("MOTCUA_PASSPHRASE")
    assert run_cli(capsys, monkeypatch, ["file", "list", "--json", *home], None).code == 0


def test_a_damaged_encryption_file_is_refused_by_name(counter: Counter) -> None:
    _fill(counter)
    enable(counter.location.store_files(), PASSPHRASE)
    for broken in (b"{not json", b'{"format": "motcua-encryption", "format_version": 99}', b"[]", b"\xff"):
        counter.location.encryption_file.write_bytes(broken)
        with pytest.raises(EncryptionRefused) as refused:
            open_services(counter.location, PASSPHRASE)
        assert refused.value.reason == "damaged_config"


def test_a_sealed_file_opens_only_with_its_key() -> None:
    key = StoreKey.generate()
    sealed = key.seal(b"Giay khai sinh")
    assert is_sealed(sealed) and b"Giay" not in sealed
    assert key.open(sealed) == b"Giay khai sinh"
    assert key.seal(b"x") != key.seal(b"x")  # a fresh nonce every time
    from cryptography.exceptions import InvalidTag

    with pytest.raises(InvalidTag):
        StoreKey.generate().open(sealed)
    with pytest.raises(InvalidTag):
        key.open(sealed[:-1] + bytes([sealed[-1] ^ 1]))

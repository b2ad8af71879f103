"""The workstation's export: every write is tracked by the store itself, a bundle carries the changed rows
and the documents they add, signed; a range can be made again; a killed export leaves no bundle."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import delete, insert, select, text

from integration.cli_runner import run_cli
from integration.documents import scanned
from integration.helpers import AGENCY_CODE, Counter, registration
from records.errors import InvalidInput
from records.keys import InstallationKeys, parse_public_key_text
from records.store.models import FileFee, SyncApplying, SyncChange
from records.sync.changes import changed_records

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The export folder (a USB stick)."""
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _bundle(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]], zipfile.ZipFile]:
    archive = zipfile.ZipFile(path)
    manifest = json.loads(archive.read("manifest.json"))
    lines = archive.read("changes.jsonl").decode().splitlines()
    return manifest, [json.loads(line) for line in lines], archive


def test_a_bundle_carries_the_changed_rows_and_their_documents_signed(counter: Counter, out: Path) -> None:
    file = counter.register()
    [document] = counter.services.attachments.attach(file.code, [scanned()], counter.clerk)
    result = counter.services.sync.export(out)
    assert result.path is not None and result.path.parent == out and result.path.suffix == ".zip"
    manifest, records, archive = _bundle(result.path)

    files = [r for r in records if r["entity"] == "files"]
    assert [r["row"]["code"] for r in files] == [file.code]
    assert "pk" not in files[0]["row"]  # the local integer key stays home
    users = [r["row"] for r in records if r["entity"] == "users"]
    assert users and all("password_hash" not in row for row in users)
    order = [r["entity"] for r in records]
    assert (
        order.index("citizens")
        < order.index("files")
        < order.index("file_events")
        < order.index("attachments")
    )
    assert archive.read(f"objects/{document.sha256}") == counter.services.attachments.objects.read(
        document.sha256
    )

    assert manifest["format"] == "motcua-bundle" and manifest["format_version"] == 1
    assert (manifest["agency"], manifest["workstation"]) == (AGENCY_CODE, 1)
    assert manifest["seq_from"] == 1 and manifest["seq_to"] == result.seq_to
    assert manifest["counts"]["files"] == 1 and manifest["counts"]["objects"] == 1
    for name, digest in manifest["members"].items():
        assert hashlib.sha256(archive.read(name)).hexdigest() == digest
    key = Ed25519PublicKey.from_public_bytes(parse_public_key_text(manifest["public_key"]))
    key.verify(archive.read("manifest.sig"), archive.read("manifest.json"))  # raises if it does not match
    assert manifest["public_key"] == InstallationKeys(counter.location.keys_dir).public_key_text()
    assert counter.services.sync.status().last_export_path == str(result.path)


def test_a_range_is_made_again_on_demand_and_a_wrong_one_refused(counter: Counter, out: Path) -> None:
    counter.register()
    first = counter.services.sync.export(out)
    counter.register(received_at="2026-03-03T09:00:00")
    status = counter.services.sync.status()
    assert status.unsynced_files == 2  # nothing acknowledged yet: both files are pending
    later = counter.services.sync.export(out, first.seq_to + 1, None)
    _manifest, records, _archive = _bundle(later.path)  # type: ignore[arg-type]
    assert [r["entity"] for r in records if r["entity"] == "files"] == ["files"]
    again = counter.services.sync.export(out, first.seq_from, first.seq_to)
    assert again.path == first.path and _bundle(again.path)[1] == _bundle(first.path)[1]  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="no such change range"):
        counter.services.sync.export(out, 1, status.last_seq + 5)


def test_a_row_deleted_travels_as_a_tombstone(counter: Counter) -> None:
    file = counter.register(procedure="1.004873")  # fees: a row that can be deleted
    with counter.services.db.writing() as uow:
        fee = uow.session.scalars(select(FileFee)).first()
        assert fee is not None
        fee_id = fee.id
        uow.session.execute(delete(FileFee).where(FileFee.id == fee_id))
        uow.commit()
    with counter.services.db.reading() as uow:
        last = int(uow.session.scalar(select(SyncChange.seq).order_by(SyncChange.seq.desc())) or 0)
        records = list(changed_records(uow.session, 1, last))
    fees = [r for r in records if r.key == str(fee_id)]
    assert [(r.op, r.row) for r in fees] == [("delete", None)]  # inserted then deleted: a tombstone
    assert any(r.entity == "files" and r.row and r.row["code"] == file.code for r in records)


def test_what_is_applied_from_elsewhere_is_not_tracked(counter: Counter) -> None:
    with counter.services.db.reading() as uow:
        before = uow.session.scalar(select(SyncChange.seq).order_by(SyncChange.seq.desc()))
    with counter.services.db.writing() as uow:
        uow.session.execute(insert(SyncApplying).values(id=1))
        uow.session.execute(text("UPDATE users SET full_name = 'Đổi tên' WHERE username = 'lan'"))
        uow.session.execute(delete(SyncApplying))
        uow.commit()
    with counter.services.db.reading() as uow:
        after = uow.session.scalar(select(SyncChange.seq).order_by(SyncChange.seq.desc()))
    assert after == before


def test_nothing_to_export_writes_nothing(counter: Counter, out: Path) -> None:
    first = counter.services.sync.export(out)
    assert first.path is not None
    from records.services.settings import put_setting
    from records.services.sync import ACKED_SEQ

    with counter.services.db.writing() as uow:  # as if the centre acknowledged everything
        put_setting(uow.session, ACKED_SEQ, first.seq_to)
        uow.commit()
    empty = counter.services.sync.export(out)
    assert empty.path is None and empty.counts == {}
    assert sorted(p.name for p in out.iterdir()) == [first.path.name]


def test_a_process_killed_mid_export_leaves_no_bundle(counter: Counter, tmp_path: Path) -> None:
    counter.register()
    out = tmp_path / "usb"
    out.mkdir()
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from desktop.context import open_services, resolve
        import records.sync.bundle as bundle
        real = bundle._write_zip
        def dying(raw, header, records, read_object, sign):
            def records_then_die():
                for number, record in enumerate(records):
                    if number == 3:
                        raw.flush()
                        os.kill(os.getpid(), signal.SIGKILL)
                    yield record
            return real(raw, header, records_then_die(), read_object, sign)
        bundle._write_zip = dying
        services = open_services(resolve({str(counter.location.data_dir)!r}, None))
        services.sync.export(__import__("pathlib").Path({str(out)!r}))
        """
    )
    counter.services.db.dispose()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert [p.suffix for p in out.iterdir()] == [".partial"]  # half a zip under a name no one imports
    again = counter.services.sync.export(out)
    assert [p.name for p in out.iterdir()] == [again.path.name]  # type: ignore[union-attr]


def test_a_process_killed_while_encrypting_leaves_nothing_readable(counter: Counter, tmp_path: Path) -> None:
    """Killed half-way through encrypting: the stick holds only a ``.partial`` of ciphertext, the plain zip
    stays in the workstation's own folder, and the next export clears both."""
    from records.sync.crypto import CentreKeys

    counter.register()
    out = tmp_path / "usb"
    out.mkdir()
    centre_key = CentreKeys(tmp_path / "centre").public_key_text()
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from desktop.context import open_services, resolve
        import records.services.sync as sync
        def dying(source, target, recipient, **kwargs):
            target.write_bytes(b"MCENC1\\n half")
            os.kill(os.getpid(), signal.SIGKILL)
        sync.encrypt_file = dying
        services = open_services(resolve({str(counter.location.data_dir)!r}, None))
        services.sync.export(Path({str(out)!r}), encrypt_to={centre_key!r})
        """
    )
    counter.services.db.dispose()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert [p.name.endswith(".zip.enc.partial") for p in out.iterdir()] == [True]
    outgoing = counter.services.attachments.objects.cache_dir("outgoing")
    assert [p.suffix for p in outgoing.iterdir()] == [".zip"]  # left on the workstation's own disk
    again = counter.services.sync.export(out, encrypt_to=centre_key)
    assert again.path is not None and again.encrypted
    assert [p.name for p in out.iterdir()] == [again.path.name]
    assert list(outgoing.iterdir()) == []


def test_the_export_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = tmp_path / "home"

    def run(*argv: str) -> Any:
        return run_cli(capsys, monkeypatch, ["--data-dir", str(home), *argv], None)

    assert run("init", "--agency-code", AGENCY_CODE, "--agency-name", "UBND xã Tân Phú").code == 0
    source = tmp_path / "file.json"
    source.write_text(json.dumps(registration(), ensure_ascii=False), encoding="utf-8")
    assert run("file", "register", "--from", str(source)).code == 0
    out = tmp_path / "usb"
    out.mkdir()
    done = run("export", "--out", str(out), "--json")
    assert done.code == 0, done.err
    data = done.json()
    assert set(data) == {"path", "bundle_id", "seq_from", "seq_to", "counts", "encrypted"}
    assert Path(data["path"]).is_file() and data["counts"]["files"] == 1
    refused = run("export", "--out", str(source))  # a file, not a folder
    assert refused.code == 2 and "not a folder" in refused.err
    assert run("export", "--out", str(out), "--from-seq", "0").code == 2
    assert sorted(p.name for p in out.iterdir()) == [Path(data["path"]).name]
    assert os.access(data["path"], os.R_OK)

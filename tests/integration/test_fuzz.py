"""Hostile input, fuzzed (atheris): every parser and importer, started from real examples the application
makes itself, for ``MOTCUA_FUZZ_RUNS`` inputs each (2,000 in CI; ``docs/security.md`` gives the longer
run). Every input works or gets the domain's own refusal — no other exception, no hang."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from integration.documents import image_bytes, pdf_bytes, scanned
from integration.helpers import Counter, registration
from records.calendar import dump_year_table, shipped_year_tables
from records.clock import now
from records.keys import InstallationKeys
from records.sync.ack import Ack, write_ack

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "tests" / "fuzz" / "fuzz_inputs.py"
RUNS = int(os.environ.get("MOTCUA_FUZZ_RUNS", "2000"))

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("atheris") is None, reason="atheris is not installed"
)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One folder of real examples per target, made by the application itself."""
    from integration.helpers import make_store_counter

    root = tmp_path_factory.mktemp("fuzz-seeds")
    counter: Counter = make_store_counter(root / "store")
    services = counter.services
    file = counter.register()
    services.attachments.attach(file.code, [scanned(pdf_bytes(1))], counter.clerk)
    usb = root / "usb"
    usb.mkdir()
    bundle = services.sync.export(usb).path
    assert bundle is not None
    backup = services.backups.backup(root / "backup.zip").path
    ack = root / "ack.json"
    keys = InstallationKeys(counter.location.keys_dir)
    write_ack(ack, Ack("H55.242", 1, 3, ("b",), (), now(), keys.public_key_text()), keys.sign)
    table = next(iter(shipped_year_tables().values()))
    examples: dict[str, list[bytes]] = {
        "personal_id": [b"001099012345", b"123456789"],
        "card_qr": [
            "001099012345|123456789|Nguyễn Văn Đức|01011999|Nam|Số 1 Tràng Tiền, Hà Nội|15062021".encode()
        ],
        "receipt_code": [services.receipts.code_for(services.files.show(file.code)).text.encode()],
        "catalogue": [services.catalog.export_text().encode()],
        "holidays": [dump_year_table(table).encode()],
        "registration": [json.dumps(registration(), ensure_ascii=False).encode()],
        "bundle": [bundle.read_bytes()],
        "bundle_members": [b"\x03manifest.json{}\x02changes.jsonl"],
        "acknowledgement": [ack.read_bytes()],
        "backup": [backup.read_bytes()],
        "document": [pdf_bytes(1), image_bytes("JPEG", 72, "trang"), image_bytes("PNG", 72, "trang")],
        "encryption_config": [_encryption_json(root / "encrypted")],
    }
    services.db.dispose()
    folders: dict[str, Path] = {}
    for target, samples in examples.items():
        folder = root / target
        folder.mkdir()
        for n, sample in enumerate(samples):
            (folder / f"seed-{n}").write_bytes(sample)
        folders[target] = folder
    return folders


def _encryption_json(folder: Path) -> bytes:
    """A real ``encryption.json`` (of an empty store)."""
    from records.encryption import StoreFiles, enable

    folder.mkdir()
    files = StoreFiles(folder, folder / "motcua.sqlite3", folder / "documents", folder / "keys")
    enable(files, "mật khẩu thử nghiệm")
    return (folder / "encryption.json").read_bytes()


@pytest.mark.parametrize(
    "target",
    [
        "personal_id",
        "card_qr",
        "receipt_code",
        "catalogue",
        "holidays",
        "registration",
        "bundle",
        "bundle_members",
        "acknowledgement",
        "backup",
        "document",
        "encryption_config",
    ],
)
def test_fuzzed_input_is_refused_cleanly(target: str, seeds: dict[str, Path], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    big = target in ("bundle", "backup", "document", "acknowledgement")
    done = subprocess.run(
        [
            sys.executable,
            str(HARNESS),
            target,
            str(corpus),
            str(seeds[target]),
            f"-runs={RUNS}",
            f"-max_len={1 << 20 if big else 8192}",
            "-timeout=30",
            f"-artifact_prefix={tmp_path}/",
        ],
        capture_output=True,
        timeout=900,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=tmp_path,
        check=False,
    )
    report = done.stderr.decode(errors="replace")
    assert done.returncode == 0, report[-3000:]
    assert f"Done {RUNS} runs" in report or "Done" in report

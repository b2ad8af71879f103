"""Fuzzing every parser and importer that takes outside input (atheris, coverage-guided).

    python tests/fuzz/fuzz_inputs.py TARGET [libFuzzer options, e.g. -runs=20000 -max_len=4096]

TARGET is one of the names in :data:`TARGETS`. Each input must either work or be refused with the
domain's own error (:class:`records.errors.DomainError`); any other exception, a hang (``-timeout``) or a
crash is a finding, and the run stops with a non-zero exit and the input saved (``crash-…``).
``tests/integration/test_fuzz.py`` runs every target for a bounded number of inputs in CI;
``docs/security.md`` gives the longer run.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import atheris  # noqa: E402
from cryptography.exceptions import InvalidTag  # noqa: E402

with atheris.instrument_imports(include=["records"]):
    from records import receipt_codes
    from records.backup import verify_backup
    from records.calendar import load_year_table
    from records.digitize.sources import read_source
    from records.encryption import StoreKey, parse_config
    from records.errors import DomainError
    from records.files import RegistrationRequest
    from records.personal_id import check_id, parse_card_qr
    from records.procedures import load_catalog
    from records.sync.ack import read_ack
    from records.sync.bundle import open_bundle

KEY = bytes(range(32))  # any 32 bytes: signatures will not check, which is a refusal like any other
SCRATCH = Path(tempfile.mkdtemp(prefix="motcua-fuzz-"))


def _text(data: bytes) -> str:
    return atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))


def personal_id(data: bytes) -> None:
    check_id(_text(data))


def card_qr(data: bytes) -> None:
    parse_card_qr(_text(data))


def receipt_code(data: bytes) -> None:
    receipt_codes.parse(_text(data))


def catalogue(data: bytes) -> None:
    load_catalog(_text(data))


def holidays(data: bytes) -> None:
    load_year_table(_text(data))


def registration(data: bytes) -> None:
    try:
        document = json.loads(_text(data))
    except (ValueError, RecursionError):
        return  # not JSON: the command line refuses it before the domain sees it
    RegistrationRequest.from_json(document)


def _file(data: bytes, name: str) -> Path:
    path = SCRATCH / name
    path.write_bytes(data)
    return path


def bundle(data: bytes) -> None:
    with open_bundle(_file(data, "bundle.zip"), lambda _manifest: KEY) as opened:
        for _record in opened.records():
            pass


def bundle_members(data: bytes) -> None:
    """A zip made of fuzzed member names and contents: path traversal, duplicates, bombs, odd names."""
    provider = atheris.FuzzedDataProvider(data)
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for _ in range(provider.ConsumeIntInRange(0, 6)):
                name = provider.ConsumeUnicodeNoSurrogates(40) or "x"
                body = provider.ConsumeBytes(provider.ConsumeIntInRange(0, 2000))
                archive.writestr(name, body * provider.ConsumeIntInRange(1, 50))
    except (ValueError, IndexError, UnicodeEncodeError):
        return  # a zip Python's own writer cannot make: not an input the product can be given this way
    bundle(out.getvalue())


def acknowledgement(data: bytes) -> None:
    read_ack(_file(data, "ack.json"), KEY)


def backup(data: bytes) -> None:
    verify_backup(_file(data, "backup.zip"))


def document(data: bytes) -> None:
    read_source(data, "scan.pdf" if data[:4] == b"%PDF" else "scan.jpg")


STORE_KEY = StoreKey(bytes(32))


def encryption_config(data: bytes) -> None:
    """An ``encryption.json`` (its argon2 parameters bounded before any work) and a sealed file."""
    config = parse_config(data)
    if config.kdf.get("memory_cost", 0) <= 16 * 1024 and config.kdf.get("time_cost", 0) <= 2:
        config.unlock("mật khẩu thử")  # a cheap KDF only: the bounds themselves are what is fuzzed above
    with contextlib.suppress(InvalidTag):
        STORE_KEY.open(data)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "personal_id": personal_id,
    "card_qr": card_qr,
    "receipt_code": receipt_code,
    "catalogue": catalogue,
    "holidays": holidays,
    "registration": registration,
    "bundle": bundle,
    "bundle_members": bundle_members,
    "acknowledgement": acknowledgement,
    "backup": backup,
    "document": document,
    "encryption_config": encryption_config,
}


def main() -> None:
    target = TARGETS[sys.argv[1]]

    def one(data: bytes) -> None:
        with contextlib.suppress(DomainError):  # a clear refusal: what every bad input must get
            target(data)

    atheris.Setup([sys.argv[0], *sys.argv[2:]], one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

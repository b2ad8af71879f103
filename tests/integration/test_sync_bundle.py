"""Reading a bundle before anything is applied: a whole, signed bundle opens; a tampered byte, a wrong key,
a truncated zip, a newer format, an unexpected member — each is refused by name."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from integration.documents import scanned
from integration.helpers import Counter
from records.errors import BundleRefused
from records.keys import parse_public_key_text
from records.sync.bundle import open_bundle


@pytest.fixture
def bundle(counter: Counter, tmp_path: Path) -> Path:
    file = counter.register()
    counter.services.attachments.attach(file.code, [scanned()], counter.clerk)
    out = tmp_path / "usb"
    out.mkdir()
    result = counter.services.sync.export(out)
    assert result.path is not None
    return result.path


def _its_key(manifest: dict[str, Any]) -> bytes:
    return parse_public_key_text(manifest["public_key"])


def _rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """Copy the zip, replacing (or, with None, leaving out) the members named in ``change``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename in change:
                replacement = change[info.filename]
                if replacement is not None:
                    new.writestr(info.filename, replacement)
            else:
                new.writestr(info, old.read(info.filename))
        for name, data in change.items():
            if name not in old.namelist() and data is not None:
                new.writestr(name, data)
    return target


def test_a_whole_signed_bundle_opens(bundle: Path) -> None:
    with open_bundle(bundle, _its_key) as opened:
        records = list(opened.records())
        assert opened.seq_from == 1 and len(records) == sum(
            v for k, v in opened.manifest["counts"].items() if k != "objects"
        )
        [sha] = opened.object_names()
        assert len(opened.read_object(sha)) > 0


def test_a_changed_byte_is_refused(bundle: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        changes = archive.read("changes.jsonl")
    tampered = changes.replace(b"H55.242", b"H55.243", 1)
    assert tampered != changes
    path = _rewrite(bundle, tmp_path / "tampered.zip", {"changes.jsonl": tampered})
    with pytest.raises(BundleRefused, match="does not match its SHA-256") as refused:
        open_bundle(path, _its_key)
    assert refused.value.params["reason"] == "corrupt"


def test_a_manifest_signed_by_another_key_is_refused(bundle: Path) -> None:
    other = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    with pytest.raises(BundleRefused) as refused:
        open_bundle(bundle, lambda _manifest: other)
    assert refused.value.params["reason"] == "bad_signature"


def test_a_truncated_zip_is_refused(bundle: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.zip"
    cut.write_bytes(bundle.read_bytes()[: bundle.stat().st_size // 2])
    with pytest.raises(BundleRefused) as refused:
        open_bundle(cut, _its_key)
    assert refused.value.params["reason"] == "truncated"


def test_a_newer_format_is_refused_with_what_to_do(bundle: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest["format_version"] = 2
    path = _rewrite(bundle, tmp_path / "newer.zip", {"manifest.json": json.dumps(manifest).encode()})
    with pytest.raises(BundleRefused, match="update the application") as refused:
        open_bundle(path, _its_key)
    assert refused.value.params["reason"] == "newer_format"


@pytest.mark.parametrize("member", ["../escape.txt", "objects/../../x", "extra.json"])
def test_an_unexpected_member_is_refused(bundle: Path, tmp_path: Path, member: str) -> None:
    path = _rewrite(bundle, tmp_path / "odd.zip", {member: b"x"})
    with pytest.raises(BundleRefused, match="unexpected member"):
        open_bundle(path, _its_key)


def test_a_missing_signature_is_refused(bundle: Path, tmp_path: Path) -> None:
    path = _rewrite(bundle, tmp_path / "unsigned.zip", {"manifest.sig": None})
    with pytest.raises(BundleRefused, match=r"no manifest\.sig"):
        open_bundle(path, _its_key)

"""The centre's acknowledgement: which of a workstation's changes the centre holds.

After importing a workstation's bundles the centre writes one small signed file (``motcua central ack``)
that goes back with the USB stick. The workstation checks it against the centre's signing key it was
configured with (``motcua sync-config --centre-signing-key``) and moves its mark: the next export starts
after the acknowledged change. Nothing is deleted on either side.

The file is JSON, UTF-8::

    {"ack": {...}, "signature": "<base64 Ed25519 signature of the ack's canonical bytes>"}

``ack``: ``format`` ("motcua-ack"), ``format_version``, ``agency``, ``workstation``, ``acked_seq`` (every
change up to it is held), ``bundles`` (the ids of the bundles imported from that workstation),
``missing_objects`` (documents the centre knows of but does not hold: the workstation sends them again),
``created_at`` and ``centre_key`` ("ed25519:…", the key that signed it). Added since (an ack without them
is still read): ``store_epoch`` (the workstation's store epoch ``acked_seq`` counts in,
``records.sync.epochs``; null when the centre knows none) and ``audit_checkpoints`` (the heads of the
workstation's audit chain the centre received, newest first, at most :data:`MAX_CHECKPOINTS`:
``[{"seq", "hash", "epoch"}, …]``; the workstation checks its chain against them) and ``counters`` (what
the centre holds of the workstation's file codes and register entries, ``records.sync.counters``: a
restored workstation does not hand them out again). The canonical bytes are
the ack as JSON with sorted keys, no spaces and UTF-8 text.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from records.durable import sync_folder
from records.errors import BundleRefused
from records.sync.counters import Counters
from records.sync.crypto import verify_manifest

FORMAT = "motcua-ack"
FORMAT_VERSION = 1
MAX_ACK_BYTES = 64 * 1024 * 1024
MAX_CHECKPOINTS = 256  # audit chain heads an ack carries (the newest: one checks the chain up to it)


@dataclass(frozen=True)
class Checkpoint:
    """A head of a workstation's audit chain the centre received signed: entry ``seq`` had ``hash``.
    ``epoch`` is the store epoch of the bundle that carried it (``None``: the bundle carried none)."""

    seq: int
    hash: str
    epoch: str | None = None

    def to_json(self) -> dict[str, Any]:
        """One item of the ack's ``audit_checkpoints``."""
        return {"seq": self.seq, "hash": self.hash, "epoch": self.epoch}


@dataclass(frozen=True)
class Ack:
    """What the centre holds of one workstation's changes."""

    agency: str
    workstation: int
    acked_seq: int
    bundles: tuple[str, ...]
    missing_objects: tuple[str, ...]
    created_at: datetime
    centre_key: str
    store_epoch: str | None = None
    audit_checkpoints: tuple[Checkpoint, ...] = ()
    counters: Counters = field(default_factory=Counters)

    def payload(self) -> dict[str, Any]:
        """The ``ack`` object of the file."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "agency": self.agency,
            "workstation": self.workstation,
            "acked_seq": self.acked_seq,
            "bundles": list(self.bundles),
            "missing_objects": list(self.missing_objects),
            "created_at": self.created_at.isoformat(),
            "centre_key": self.centre_key,
            "store_epoch": self.store_epoch,
            "audit_checkpoints": [c.to_json() for c in self.audit_checkpoints],
            "counters": self.counters.to_json(),
        }


def canonical(payload: dict[str, Any]) -> bytes:
    """The bytes an ack's signature covers."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def write_ack(path: Path, ack: Ack, sign: Callable[[bytes], bytes]) -> None:
    """Write the signed ack to ``path`` (a temporary name, synced, then renamed)."""
    payload = ack.payload()
    data = {"ack": payload, "signature": base64.b64encode(sign(canonical(payload))).decode()}
    temporary = path.with_name(path.name + ".partial")
    try:
        with open(temporary, "wb") as out:
            out.write(json.dumps(data, ensure_ascii=False, indent=1).encode())
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
        sync_folder(path.parent)
    finally:
        temporary.unlink(missing_ok=True)


def read_ack(path: Path, centre_key: bytes) -> Ack:
    """The ack in ``path``, checked against the centre's public signing key: :class:`BundleRefused`
    (reasons ``missing``, ``corrupt``, ``unknown_format``, ``newer_format``, ``bad_signature``)."""
    try:
        with open(path, "rb") as source:
            raw = source.read(MAX_ACK_BYTES + 1)
    except FileNotFoundError:
        raise BundleRefused(f"no such acknowledgement: {path}", reason="missing") from None
    except OSError as exc:
        raise BundleRefused(f"cannot read {path}: {exc.strerror or exc}", reason="missing") from None
    if len(raw) > MAX_ACK_BYTES:
        raise BundleRefused(f"{path.name} is too large for an acknowledgement", reason="too_large")
    try:
        data = json.loads(raw)
        payload = data["ack"]
        signature = base64.b64decode(data["signature"], validate=True)
    except (ValueError, KeyError, TypeError, RecursionError, binascii.Error):
        raise BundleRefused(f"{path.name} is not an acknowledgement file", reason="unknown_format") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise BundleRefused(f"{path.name} is not an acknowledgement file", reason="unknown_format")
    version = payload.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BundleRefused(
            f"{path.name} is in acknowledgement format {version}; this version reads format "
            f"{FORMAT_VERSION} (update the application)",
            reason="newer_format",
        )
    try:
        verify_manifest(centre_key, canonical(payload), signature)
    except BundleRefused:
        raise BundleRefused(
            f"{path.name} is not signed by the centre this workstation is configured with: the file was "
            "altered, or another centre (or key) signed it",
            reason="bad_signature",
        ) from None
    try:
        agency, workstation = _text(payload["agency"]), _int(payload["workstation"])
        return Ack(
            agency=agency,
            workstation=workstation,
            acked_seq=_int(payload["acked_seq"]),
            bundles=tuple(_text(b) for b in payload["bundles"]),
            missing_objects=tuple(_sha(s) for s in payload["missing_objects"]),
            created_at=datetime.fromisoformat(_text(payload["created_at"])),
            centre_key=_text(payload["centre_key"]),
            store_epoch=_optional_text(payload.get("store_epoch")),
            audit_checkpoints=tuple(
                _checkpoint(c) for c in (payload.get("audit_checkpoints") or [])[:MAX_CHECKPOINTS]
            ),
            counters=Counters.from_json(payload.get("counters"), agency, workstation),
        )
    except (KeyError, TypeError, ValueError):
        raise BundleRefused(f"{path.name} is signed but incomplete", reason="corrupt") from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _checkpoint(value: Any) -> Checkpoint:
    if not isinstance(value, dict):
        raise TypeError(value)
    epoch = _optional_text(value.get("epoch"))
    if epoch is not None and len(epoch) > 36:
        raise ValueError(epoch)
    return Checkpoint(_int(value["seq"]), _sha(value["hash"]), epoch)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError(value)
    return value


def _sha(value: Any) -> str:
    text = _text(value)
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise ValueError(text)
    return text

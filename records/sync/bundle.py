"""The export bundle: one zip file a workstation hands to the centre (a USB stick, a network share).

Members::

    changes.jsonl        one changed row a line (``records.sync.changes.ChangeRecord``), in apply order
    objects/<sha256>     the bytes of each document the changes add (the centre may not hold them yet)
    manifest.json        what the bundle is (below), with the SHA-256 of every member above
    manifest.sig         the workstation's Ed25519 signature of manifest.json's exact bytes

``manifest.json``: ``format`` ("motcua-bundle"), ``format_version``, ``schema_revision`` (the Alembic
revision of the store that wrote it), ``app_version``, ``bundle_id`` (a UUIDv7), ``created_at``,
``agency``, ``workstation``, ``public_key`` ("ed25519:…", the key that signed it), ``seq_from`` and
``seq_to`` (the change range), ``audit_head`` (the newest entry of the workstation's audit hash chain,
``{"seq", "hash"}``), ``store_epoch`` and ``store_epochs`` (the store's epoch and its lineage, oldest first,
``[{"id", "parent", "fork_seq"}, …]``: ``records.sync.epochs``; absent from bundles of older versions),
``counts`` (records by table, ``objects``) and ``members`` (name → SHA-256).

The bundle is written to a temporary name in the target folder, synced, and renamed when complete: a process
killed half-way leaves no bundle (only a ``.partial`` file, removed by the next export). A reader checks,
before anything is applied: the zip is whole, member names are plain (no folders outside the bundle, no
duplicates), sizes are bounded, the manifest is signed by the key given, the format version is one it reads,
and every member's hash and every count match the manifest.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from records.durable import sync_folder
from records.errors import BundleRefused
from records.sync.changes import BY_NAME, ChangeRecord
from records.sync.crypto import verify_manifest
from records.zips import ZIP_ERRORS

FORMAT = "motcua-bundle"
FORMAT_VERSION = 1
CHANGES = "changes.jsonl"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
OBJECTS = "objects/"
PARTIAL_SUFFIX = ".partial"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_MEMBER_BYTES = 2 * 1024 * 1024 * 1024  # one member, uncompressed
MAX_RATIO = 200  # uncompressed / compressed: more is a zip bomb
CHUNK = 1024 * 1024
WRITE_LINES = 1000  # change records encoded, hashed and compressed together


@dataclass(frozen=True)
class BundleHeader:
    """Who wrote a bundle and what it holds (the manifest, less its member list)."""

    bundle_id: str
    created_at: datetime
    agency: str
    workstation: int
    public_key: str
    schema_revision: str
    app_version: str
    seq_from: int
    seq_to: int
    audit_head: dict[str, Any] | None = None  # the workstation's audit chain head (records.audit)
    store_epoch: str | None = None  # the store's epoch, and its lineage oldest first (records.sync.epochs)
    store_epochs: list[dict[str, Any]] | None = None


@dataclass(frozen=True)
class WrittenBundle:
    """A bundle written: where, its manifest's counts, and the SHA-256 of the whole file."""

    path: Path
    manifest: dict[str, Any]
    sha256: str

    @property
    def counts(self) -> dict[str, int]:
        """Records by table, and ``objects``."""
        return dict(self.manifest["counts"])


def bundle_name(agency: str, workstation: int, seq_from: int, seq_to: int) -> str:
    """The file name of a bundle: agency, workstation and change range, safe on every file system."""
    safe = "".join(c if c.isalnum() else "-" for c in agency)
    return f"motcua-{safe}-{workstation}-{seq_from:09d}-{seq_to:09d}.zip"


def write_bundle(
    folder: Path,
    header: BundleHeader,
    records: Iterable[ChangeRecord],
    read_object: Callable[[str], bytes],
    sign: Callable[[bytes], bytes],
) -> WrittenBundle:
    """Write the bundle of ``records`` into ``folder`` (temporary name, synced, renamed); the objects the
    records add are read with ``read_object`` (hash-checked) and the manifest signed with ``sign``."""
    name = bundle_name(header.agency, header.workstation, header.seq_from, header.seq_to)
    target = folder / name
    temporary = folder / (name + PARTIAL_SUFFIX)
    for stale in folder.glob(f"*.zip{PARTIAL_SUFFIX}"):
        stale.unlink(missing_ok=True)  # a killed export's leftovers
    try:
        with open(temporary, "wb") as raw:
            manifest = _write_zip(raw, header, records, read_object, sign)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temporary, target)
        sync_folder(folder)
    finally:
        temporary.unlink(missing_ok=True)
    return WrittenBundle(target, manifest, file_sha256(target))


def _write_zip(
    raw: IO[bytes],
    header: BundleHeader,
    records: Iterable[ChangeRecord],
    read_object: Callable[[str], bytes],
    sign: Callable[[bytes], bytes],
) -> dict[str, Any]:
    members: dict[str, str] = {}
    counts: dict[str, int] = {}
    objects: list[str] = []
    with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        digest = hashlib.sha256()
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        with archive.open(CHANGES, "w", force_zip64=True) as out:
            lines: list[str] = []
            for record in records:
                lines.append(encode(record.to_json()))
                counts[record.entity] = counts.get(record.entity, 0) + 1
                if record.entity == "stored_objects" and record.op == "upsert":
                    objects.append(record.key)
                if len(lines) >= WRITE_LINES:
                    _write_lines(out, digest, lines)
            _write_lines(out, digest, lines)
        members[CHANGES] = digest.hexdigest()
        for sha in objects:
            data = read_object(sha)
            member = OBJECTS + sha
            info = zipfile.ZipInfo(member, date_time=(2000, 1, 1, 0, 0, 0))
            archive.writestr(info, data, zipfile.ZIP_STORED)  # PDFs are compressed already
            members[member] = sha
        counts["objects"] = len(objects)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_revision": header.schema_revision,
            "app_version": header.app_version,
            "bundle_id": header.bundle_id,
            "created_at": header.created_at.isoformat(),
            "agency": header.agency,
            "workstation": header.workstation,
            "public_key": header.public_key,
            "seq_from": header.seq_from,
            "seq_to": header.seq_to,
            "audit_head": header.audit_head,
            "counts": counts,
            "members": members,
        }
        if header.store_epoch is not None:
            manifest["store_epoch"] = header.store_epoch
            manifest["store_epochs"] = header.store_epochs or []
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(SIGNATURE, sign(manifest_bytes))
    return manifest


def _write_lines(out: IO[bytes], digest: Any, lines: list[str]) -> None:
    """Write (and hash) a batch of JSON lines at once: one compression call for many records."""
    if lines:
        data = ("\n".join(lines) + "\n").encode()
        digest.update(data)
        out.write(data)
        lines.clear()


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


# -- reading -----------------------------------------------------------------------------------------------


class OpenedBundle:
    """A bundle whose manifest is signed by the key given and whose members all match it: its manifest,
    its records (streamed) and its objects. Use as a context manager."""

    def __init__(self, path: Path, manifest: dict[str, Any], archive: zipfile.ZipFile) -> None:
        self.path = path
        self.manifest = manifest
        self._archive = archive

    def __enter__(self) -> OpenedBundle:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._archive.close()

    @property
    def seq_from(self) -> int:
        """The first change of the range."""
        return int(self.manifest["seq_from"])

    @property
    def seq_to(self) -> int:
        """The last change of the range."""
        return int(self.manifest["seq_to"])

    def records(self) -> Generator[dict[str, Any]]:
        """The change records, in the order written."""
        with self._archive.open(CHANGES) as source:
            for number, line in enumerate(source, start=1):
                try:
                    record = json.loads(line)
                except (ValueError, RecursionError):
                    raise BundleRefused(f"line {number} of {CHANGES} is not JSON", reason="corrupt") from None
                if not isinstance(record, dict) or record.get("entity") not in BY_NAME:
                    raise BundleRefused(
                        f"line {number} of {CHANGES} is not a change record", reason="corrupt"
                    )
                yield record

    def object_names(self) -> list[str]:
        """The SHA-256 of every document the bundle carries."""
        return [name[len(OBJECTS) :] for name in self.manifest["members"] if name.startswith(OBJECTS)]

    def read_object(self, sha256: str) -> bytes:
        """A document's bytes (checked when the bundle was opened)."""
        return self._archive.read(OBJECTS + sha256)


def open_bundle(path: Path, public_key_for: Callable[[dict[str, Any]], bytes]) -> OpenedBundle:
    """Open and check the bundle at ``path``: :class:`BundleRefused` (naming what is wrong) unless it is a
    whole zip of plain member names, its manifest is of a format this version reads and signed by the key
    ``public_key_for(manifest)`` returns (which raises for an unknown workstation), and every member's
    SHA-256 and every count match the manifest."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BundleRefused(f"no such bundle: {path}", reason="missing") from None
    except ZIP_ERRORS as exc:
        raise BundleRefused(f"{path.name} is not a whole bundle (zip): {exc}", reason="truncated") from None
    try:
        manifest = _check_members(path, archive)
        signature = _read(path, archive, SIGNATURE)
        manifest_bytes = _read(path, archive, MANIFEST)
        verify_manifest(public_key_for(manifest), manifest_bytes, signature)
        _check_hashes(archive, manifest)
        return OpenedBundle(path, manifest, archive)
    except BaseException:
        archive.close()
        raise


def _check_members(path: Path, archive: zipfile.ZipFile) -> dict[str, Any]:
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise BundleRefused(f"{path.name} holds two members of the same name", reason="corrupt")
    for info in infos:
        name = info.filename
        plain = name in (CHANGES, MANIFEST, SIGNATURE) or (
            name.startswith(OBJECTS) and len(name) == len(OBJECTS) + 64 and name[len(OBJECTS) :].isalnum()
        )
        if not plain:
            raise BundleRefused(f"{path.name} holds an unexpected member {name!r}", reason="corrupt")
        if info.file_size > MAX_MEMBER_BYTES or (
            info.compress_size and info.file_size / info.compress_size > MAX_RATIO
        ):
            raise BundleRefused(f"member {name} of {path.name} is too large", reason="too_large")
    for needed in (MANIFEST, SIGNATURE, CHANGES):
        if needed not in names:
            raise BundleRefused(f"{path.name} has no {needed}", reason="corrupt")
    if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
        raise BundleRefused(f"the manifest of {path.name} is too large", reason="too_large")
    try:
        manifest = json.loads(_read(path, archive, MANIFEST))
    except (ValueError, RecursionError) as exc:
        raise BundleRefused(f"the manifest of {path.name} cannot be read: {exc}", reason="corrupt") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleRefused(f"{path.name} is not a MotCua bundle", reason="unknown_format")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BundleRefused(
            f"{path.name} is in bundle format {version}; this version reads format {FORMAT_VERSION} "
            "(update the application)",
            reason="newer_format",
        )
    for field in ("seq_from", "seq_to", "workstation"):
        if not isinstance(manifest.get(field), int):
            raise BundleRefused(f"the manifest of {path.name} has no {field}", reason="corrupt")
    if not isinstance(manifest.get("members"), dict) or not isinstance(manifest.get("counts"), dict):
        raise BundleRefused(f"the manifest of {path.name} lists no members", reason="corrupt")
    return manifest


def _read(path: Path, archive: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes; :class:`BundleRefused` when the zip cannot give them (cut short, altered)."""
    try:
        return archive.read(name)
    except ZIP_ERRORS as exc:
        raise BundleRefused(f"member {name} of {path.name} is damaged: {exc}", reason="corrupt") from None


def _check_hashes(archive: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    listed: dict[str, str] = manifest["members"]
    present = {n for n in archive.namelist() if n not in (MANIFEST, SIGNATURE)}
    if set(listed) != present:
        missing = sorted(set(listed) - present) + sorted(present - set(listed))
        raise BundleRefused(f"members differ from the manifest: {', '.join(missing[:5])}", reason="corrupt")
    records = 0
    for name, expected in listed.items():
        digest = hashlib.sha256()
        try:
            with archive.open(name) as source:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    if name == CHANGES:
                        records += chunk.count(b"\n")
        except ZIP_ERRORS as exc:  # a CRC or a deflate stream broken, bytes changed
            raise BundleRefused(f"member {name} is damaged: {exc}", reason="corrupt") from None
        if digest.hexdigest() != expected:
            raise BundleRefused(f"member {name} does not match its SHA-256 in the manifest", reason="corrupt")
    counted = sum(int(v) for k, v in manifest["counts"].items() if k != "objects")
    if counted != records:
        raise BundleRefused(
            f"the manifest counts {counted} records, {CHANGES} holds {records}", reason="corrupt"
        )

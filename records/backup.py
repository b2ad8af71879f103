"""Backups of a workstation's store: the database, the attached documents and the keys, in one zip.

A backup is taken while the application works: the database through SQLite's online backup API (a
consistent copy, safe with WAL and with readers and writers at work), the documents by content (each
re-hashed on the way, so a damaged one is reported, never copied as if whole), the installation's keys
(whoever restores must sign receipts with the same key). It is written under a temporary name, synced and
renamed: a backup interrupted half-way leaves no file that looks whole.

Members::

    backup.json              what it is: format, created_at, the store's schema revision, agency and
                             workstation, counts, and the SHA-256 of every other member
    motcua.sqlite3           the database
    documents/<sha256>       each document referred to by the database
    keys/<name>              the installation's key files

Checks, before and after: the live database passes ``PRAGMA integrity_check`` and every document it refers
to hashes to its name (before a backup); the written zip's members all match ``backup.json`` and the
database inside passes ``integrity_check`` (after a backup, before a restore); and after a restore, the
restored database and documents are checked again.

A restore first backs up what is there (``before-restore``), then copies the backup's database into the
live file through the same online backup API (so an open WAL is handled by SQLite itself), adds the
documents that are missing and puts the keys back.

**The backup holds personal data and the installation's private key**: keep it as carefully as the PC.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag

from records.clock import VIETNAM_TZ, local, now
from records.durable import online_copy, sync_folder
from records.encryption import (
    CIPHER,
    MAGIC,
    StoreKey,
    connect,
    database_errors,
    database_operational_errors,
    export_database,
    is_sealed,
    key_id,
    open_file_bytes,
    parse_config,
)
from records.errors import BackupRefused, StorageUnavailable
from records.store.objects import ObjectStore, is_object_name
from records.zips import ZIP_ERRORS

FORMAT = "motcua-backup"
FORMAT_VERSION = 1
MANIFEST = "backup.json"
DATABASE = "motcua.sqlite3"
ENCRYPTION = "encryption.json"
DOCUMENTS = "documents/"
KEYS = "keys/"
CHUNK = 1024 * 1024
KEEP = {"daily": 14, "before-migration": 5, "before-import": 10, "before-restore": 5, "manual": 0}


@dataclass(frozen=True)
class BackupResult:
    """A backup written (or restored from): where, when, what it holds."""

    path: Path
    created_at: datetime
    schema_revision: str
    counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        """``motcua backup --json``."""
        return {
            "path": str(self.path),
            "created_at": self.created_at.isoformat(),
            "schema_revision": self.schema_revision,
            "counts": self.counts,
        }


# -- checks --------------------------------------------------------------------------------------------------


def integrity(database: Path, key: StoreKey | None = None) -> str:
    """``PRAGMA integrity_check`` of an SQLite file (encrypted with ``key``): ``"ok"`` or the first problems
    it lists."""
    try:
        conn = connect(database, key, readonly=True)
    except database_errors() as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except database_errors() as exc:
        return str(exc)
    finally:
        conn.close()
    return "; ".join(str(r[0]) for r in rows[:5])


def referenced_objects(database: Path, key: StoreKey | None = None) -> list[str]:
    """The documents the database refers to (``stored_objects``)."""
    conn = connect(database, key, readonly=True)
    try:
        return [str(r[0]) for r in conn.execute("SELECT sha256 FROM stored_objects ORDER BY sha256")]
    finally:
        conn.close()


def _schema_revision(database: Path, key: StoreKey | None) -> str:
    conn = connect(database, key, readonly=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else ""
    except database_errors():
        return ""
    finally:
        conn.close()


def _agency(database: Path, key: StoreKey | None) -> dict[str, Any]:
    conn = connect(database, key, readonly=True)
    try:
        found = dict(conn.execute("SELECT key, value FROM settings WHERE key IN ('agency', 'workstation')"))
    except database_errors():
        return {}
    finally:
        conn.close()
    agency = _json(found.get("agency")) or {}
    return {"agency": agency.get("code"), "workstation": _json(found.get("workstation", 1))}


def _json(value: Any) -> Any:
    """A JSON column's value as SQLite hands it out (text, or a number for a bare number)."""
    return json.loads(value) if isinstance(value, str | bytes) else value


# -- writing -------------------------------------------------------------------------------------------------


def make_backup(
    database: Path,
    objects: ObjectStore,
    keys_dir: Path | None,
    target: Path,
    app_version: str,
    keep_damaged: bool = False,
    key: StoreKey | None = None,
    encryption: bytes | None = None,
) -> BackupResult:
    """Back the store up into the zip ``target`` (see the module's docstring); :class:`BackupRefused` when
    the live store fails its checks (nothing is written), :class:`StorageUnavailable` when the target
    cannot be written (nothing is left).

    With ``keep_damaged`` (the copy taken before a restore, often made *because* the store is damaged) a
    store that fails its checks is copied as it is, its problems listed in ``backup.json`` (``damaged``):
    such a backup is kept for inspection and refused for a restore.

    With ``key`` (an encrypted store) the database, documents and keys are copied encrypted as they are,
    and ``encryption`` (the store's ``encryption.json``: the key wrapped under the passphrase and the
    recovery code) goes with them, so that the backup can be restored on a new PC with the passphrase."""
    problems: list[str] = []
    check = integrity(database, key)
    if check != "ok":
        if not keep_damaged:
            raise BackupRefused(f"the database fails its integrity check: {check}", reason="damaged_store")
        problems.append(f"database: {check}")
    target = target.absolute()
    temporary = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".motcua-backup-") as scratch:
            copy = Path(scratch) / DATABASE
            _copy_database(database, copy, raw=bool(problems), key=key)
            shas = _readable_objects(copy, key)  # a store older than its documents table has none
            members: dict[str, str] = {}
            with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
                members[DATABASE] = _add_file(archive, copy, DATABASE)
                for sha in shas:
                    problem = _document_problem(objects, sha, keep_damaged)
                    if problem is not None:
                        if not keep_damaged:
                            raise BackupRefused(problem, reason="damaged_store")
                        problems.append(problem)
                        continue
                    members[DOCUMENTS + sha] = _add_document(archive, objects, sha, key)
                keys = list(_key_files(keys_dir))
                for key_file in keys:
                    members[KEYS + key_file.name] = _add_file(archive, key_file, KEYS + key_file.name)
                if key is not None and encryption is not None:
                    archive.writestr(ENCRYPTION, encryption)
                    members[ENCRYPTION] = hashlib.sha256(encryption).hexdigest()
                created = now()
                manifest: dict[str, Any] = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created_at": created.isoformat(),
                    "app_version": app_version,
                    "schema_revision": _schema_revision(copy, key),
                    **_agency(copy, key),
                    "counts": {"documents": len(shas), "keys": len(keys)},
                    "members": members,
                }
                if key is not None:
                    manifest["encrypted"] = {"key_id": key.key_id, "cipher": CIPHER}
                if problems:
                    manifest["damaged"] = problems
                archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            with open(temporary, "r+b") as written:
                os.fsync(written.fileno())
        os.replace(temporary, target)
        sync_folder(target.parent)
    except OSError as exc:
        raise StorageUnavailable(f"cannot write the backup {target}: {exc.strerror or exc}") from None
    except database_operational_errors() as exc:  # the database's copy: a full disk, a folder not writable
        raise StorageUnavailable(f"cannot write the backup {target}: {exc}") from None
    finally:
        with contextlib.suppress(OSError):  # the folder itself may be what failed (a file, gone)
            temporary.unlink(missing_ok=True)
    if problems:
        return BackupResult(target, created, str(manifest["schema_revision"]), dict(manifest["counts"]))
    return verify_backup(target, key)


def _copy_database(source: Path, target: Path, raw: bool, key: StoreKey | None) -> None:
    """The online backup API's consistent copy; for a damaged file, its bytes as they are."""
    if raw:
        shutil.copyfile(source, target)
        return
    online_copy(source, target, key)


def _readable_objects(database: Path, key: StoreKey | None) -> list[str]:
    try:
        return referenced_objects(database, key)
    except database_errors():  # no stored_objects table (an older store), or a damaged file
        return []


def _add_document(archive: zipfile.ZipFile, objects: ObjectStore, sha: str, key: StoreKey | None) -> str:
    """Add a stored document as it is on disk (sealed in an encrypted store), after checking that its
    content still hashes to its name; the member's SHA-256."""
    with open(objects.path(sha), "rb") as handle:
        sealed = is_sealed(handle.read(len(MAGIC)))
    if not sealed:
        if _add_file(archive, objects.path(sha), DOCUMENTS + sha, stored=True) != sha:
            raise BackupRefused(
                f"the document {sha} is damaged (its bytes no longer match its name)", reason="damaged_store"
            )
        return sha
    raw = objects.raw(sha)
    try:
        plain = open_file_bytes(raw, key)
    except InvalidTag:
        plain = b""
    if hashlib.sha256(plain).hexdigest() != sha:
        raise BackupRefused(f"the document {sha} is damaged (it does not decrypt)", reason="damaged_store")
    info = zipfile.ZipInfo(DOCUMENTS + sha, date_time=(2000, 1, 1, 0, 0, 0))
    archive.writestr(info, raw, compress_type=zipfile.ZIP_STORED)
    return hashlib.sha256(raw).hexdigest()


def _document_problem(objects: ObjectStore, sha: str, rehash: bool) -> str | None:
    """What is wrong with a document before it is copied (re-hashed first only when damage is expected:
    otherwise the copy's own hash tells)."""
    path = objects.path(sha)
    if not path.is_file():
        return f"the document {sha} is missing from the store"
    if rehash and objects.check(sha).state != "ok":
        return f"the document {sha} is damaged (its bytes no longer match its name)"
    return None


def _add_file(archive: zipfile.ZipFile, path: Path, name: str, stored: bool = False) -> str:
    """Add ``path`` as ``name``, hashing it on the way; its SHA-256."""
    digest = hashlib.sha256()
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with open(path, "rb") as source, archive.open(info, "w", force_zip64=True) as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def _key_files(keys_dir: Path | None) -> Iterable[Path]:
    if keys_dir is None or not keys_dir.is_dir():
        return []
    return sorted(p for p in keys_dir.iterdir() if p.is_file() and not p.name.startswith("."))


# -- reading -------------------------------------------------------------------------------------------------


def verify_backup(path: Path, key: StoreKey | None = None) -> BackupResult:
    """Check a backup whole: a zip of plain member names, every member matching ``backup.json``, and the
    database inside passing ``integrity_check``. :class:`BackupRefused` naming what is wrong.

    An encrypted backup needs its key (``key``: the store's, when the backup was made of this store with
    the same key, or one from :func:`unlock_backup`): ``encrypted_backup`` without it."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BackupRefused(f"no such backup: {path}", reason="not_a_backup") from None
    except ZIP_ERRORS as exc:
        raise BackupRefused(f"{path.name} is not a whole backup: {exc}", reason="damaged_backup") from None
    with archive:
        manifest = _manifest(path, archive)
        key = _backup_key(path, manifest, key)
        members: dict[str, str] = manifest["members"]
        present = {n for n in archive.namelist() if n != MANIFEST}
        if present != set(members):
            raise BackupRefused(f"{path.name}: its members differ from its manifest", reason="damaged_backup")
        for name, expected in members.items():
            if not _plain(name):
                raise BackupRefused(
                    f"{path.name} holds an unexpected member {name!r}", reason="damaged_backup"
                )
            digest = hashlib.sha256()
            try:
                with archive.open(name) as source:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
            except ZIP_ERRORS as exc:
                raise BackupRefused(
                    f"{path.name}: {name} cannot be read: {exc}", reason="damaged_backup"
                ) from None
            if digest.hexdigest() != expected:
                raise BackupRefused(f"{path.name}: {name} does not match its hash", reason="damaged_backup")
        with tempfile.TemporaryDirectory(prefix="motcua-verify-") as scratch:
            database = Path(scratch) / DATABASE
            with archive.open(DATABASE) as source, open(database, "wb") as out:
                shutil.copyfileobj(source, out, CHUNK)
            check = integrity(database, key)
        if check != "ok":
            raise BackupRefused(
                f"{path.name}: its database fails its integrity check: {check}", reason="damaged_backup"
            )
    return BackupResult(
        path=path,
        created_at=datetime.fromisoformat(manifest["created_at"]),
        schema_revision=str(manifest.get("schema_revision", "")),
        counts=dict(manifest.get("counts", {})),
    )


def _manifest(path: Path, archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise BackupRefused(f"{path.name} is not a MotCua backup", reason="not_a_backup") from None
    except (RecursionError, *ZIP_ERRORS) as exc:  # type: ignore[misc]  # a tuple of exception classes
        raise BackupRefused(
            f"{path.name}: its manifest cannot be read: {exc}", reason="damaged_backup"
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupRefused(f"{path.name} is not a MotCua backup", reason="not_a_backup")
    if not isinstance(manifest.get("format_version"), int) or manifest["format_version"] > FORMAT_VERSION:
        raise BackupRefused(
            f"{path.name} was made by a newer version of the application: update it first",
            reason="newer_backup",
        )
    if not isinstance(manifest.get("members"), dict) or DATABASE not in manifest["members"]:
        raise BackupRefused(f"{path.name} holds no database", reason="damaged_backup")
    if manifest.get("damaged"):
        problems = "; ".join(str(p) for p in manifest["damaged"][:3])
        raise BackupRefused(
            f"{path.name} was taken of a damaged store ({problems}); it is kept for inspection, not for a "
            "restore",
            reason="damaged_backup",
        )
    return manifest


def _backup_key(path: Path, manifest: dict[str, Any], key: StoreKey | None) -> StoreKey | None:
    """The key an encrypted backup needs (``key`` when it matches), None for a plain backup."""
    encrypted = manifest.get("encrypted")
    if not encrypted:
        return None
    if not isinstance(encrypted, dict) or ENCRYPTION not in manifest["members"]:
        raise BackupRefused(f"{path.name}: its encryption is not described", reason="damaged_backup")
    if key is None or key.key_id != encrypted.get("key_id"):
        raise BackupRefused(
            f"{path.name} is encrypted with another key: give the passphrase it was made under",
            reason="encrypted_backup",
        )
    return key


def is_encrypted_backup(path: Path) -> str | None:
    """The key identifier of an encrypted backup, None for a plain one (:class:`BackupRefused` when it is
    not a backup)."""
    try:
        with zipfile.ZipFile(path) as archive:
            encrypted = _manifest(path, archive).get("encrypted")
    except FileNotFoundError:
        raise BackupRefused(f"no such backup: {path}", reason="not_a_backup") from None
    except ZIP_ERRORS as exc:
        raise BackupRefused(f"{path.name} is not a whole backup: {exc}", reason="damaged_backup") from None
    return str(encrypted.get("key_id")) if isinstance(encrypted, dict) else None


def unlock_backup(path: Path, secret_text: str) -> StoreKey:
    """The key of an encrypted backup from the passphrase (or recovery code) it was made under."""
    try:
        with zipfile.ZipFile(path) as archive:
            _manifest(path, archive)
            data = archive.read(ENCRYPTION)
    except KeyError:
        raise BackupRefused(f"{path.name} is not encrypted", reason="not_encrypted") from None
    except FileNotFoundError:
        raise BackupRefused(f"no such backup: {path}", reason="not_a_backup") from None
    except ZIP_ERRORS as exc:
        raise BackupRefused(f"{path.name} is not a whole backup: {exc}", reason="damaged_backup") from None
    return parse_config(data, f"{path.name}:{ENCRYPTION}").unlock(secret_text)


def _plain(name: str) -> bool:
    if name in (DATABASE, ENCRYPTION):
        return True
    if name.startswith(DOCUMENTS):
        return is_object_name(name[len(DOCUMENTS) :])
    if name.startswith(KEYS):
        rest = name[len(KEYS) :]
        return bool(rest) and "/" not in rest and "\\" not in rest and rest not in (".", "..")
    return False


def restore_backup(
    path: Path,
    database: Path,
    objects: ObjectStore,
    keys_dir: Path | None,
    key: StoreKey | None = None,
    backup_key: StoreKey | None = None,
) -> BackupResult:
    """Put the backup at ``path`` in place of the store (the caller has backed the store up first and holds
    it closed): its database copied in through the online backup API, missing documents added, keys put
    back; then checked again.

    The store keeps its own encryption (``key``, None for a plain store): a backup made under another key
    (``backup_key``, from :func:`unlock_backup`) or in the other state is converted on the way in."""
    if backup_key is None:
        backup_key = key
    result = verify_backup(path, backup_key)
    if is_encrypted_backup(path) is None:
        backup_key = None
    with (
        zipfile.ZipFile(path) as archive,
        tempfile.TemporaryDirectory(dir=database.parent, prefix=".motcua-restore-") as scratch,
    ):
        members = json.loads(archive.read(MANIFEST))["members"]
        copy = Path(scratch) / DATABASE
        with archive.open(DATABASE) as source, open(copy, "wb") as out:
            shutil.copyfileobj(source, out, CHUNK)
        if key_id(backup_key) != key_id(key):
            converted = Path(scratch) / (DATABASE + ".converted")
            export_database(copy, backup_key, converted, key)
            copy = converted
        for name in members:
            if name.startswith(DOCUMENTS):
                sha = name[len(DOCUMENTS) :]
                if not objects.exists(sha) or objects.check(sha).state != "ok":
                    objects.put_restored(_opened(archive.read(name), backup_key, path, name))
            elif name.startswith(KEYS) and keys_dir is not None:
                keys_dir.mkdir(parents=True, exist_ok=True)
                target = keys_dir / name[len(KEYS) :]
                partial = target.with_name(target.name + ".partial")
                data = _opened(archive.read(name), backup_key, path, name)
                partial.write_bytes(data if key is None else key.seal(data))
                os.replace(partial, target)
        try:
            online_copy(copy, database, key)
        except database_operational_errors() as exc:  # a full disk: SQLite rolls the copy back
            raise StorageUnavailable(f"cannot restore into {database}: {exc}") from None
    check = integrity(database, key)
    if check != "ok":
        raise BackupRefused(
            f"the restored database fails its integrity check: {check}", reason="damaged_backup"
        )
    missing = [sha for sha in referenced_objects(database, key) if objects.check(sha).state != "ok"]
    if missing:
        raise BackupRefused(
            f"{len(missing)} documents are missing after the restore", reason="damaged_backup"
        )
    return result


def _opened(data: bytes, backup_key: StoreKey | None, path: Path, name: str) -> bytes:
    try:
        return open_file_bytes(data, backup_key)
    except InvalidTag:
        raise BackupRefused(f"{path.name}: {name} does not decrypt", reason="damaged_backup") from None


# -- automatic backups ---------------------------------------------------------------------------------------


def automatic_name(kind: str, moment: datetime | None = None) -> str:
    """The file name of an automatic backup of ``kind`` made at ``moment`` (local time, sortable)."""
    stamp = local(moment or now()).strftime("%Y%m%d-%H%M%S")
    return f"motcua-{kind}-{stamp}.zip"


# The automatic backups' names (automatic_name): motcua-<kind>-<YYYYmmdd-HHMMSS>.zip.
BACKUP_NAME = re.compile(r"^motcua-(?P<kind>[a-z][a-z-]*)-(?P<stamp>\d{8}-\d{6})\.zip$")


@dataclass(frozen=True)
class BackupFile:
    """One backup in the backups folder."""

    path: Path
    kind: str  # daily, before-migration, before-import, before-restore, manual
    made_at: datetime  # from its name: local time
    size: int


def list_backups(folder: Path | None) -> list[BackupFile]:
    """The backups named as the automatic ones in ``folder``, newest first."""
    if folder is None or not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for path in folder.glob("motcua-*.zip"):
        match = BACKUP_NAME.match(path.name)
        if match is None:
            continue
        try:
            if not path.is_file():
                continue
            size = path.stat().st_size
            made = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").replace(tzinfo=VIETNAM_TZ)
        except (OSError, ValueError):
            continue
        found.append(BackupFile(path, match["kind"], made, size))
    return sorted(found, key=lambda backup: (backup.made_at, backup.path.name), reverse=True)


def daily_due(folder: Path, moment: datetime | None = None) -> bool:
    """Whether today's (local) daily backup is still to be made."""
    today = local(moment or now()).strftime("%Y%m%d")
    return not any(folder.glob(f"motcua-daily-{today}-*.zip"))


def rotate(folder: Path, kind: str) -> list[Path]:
    """Remove the oldest automatic backups of ``kind`` beyond the number kept; the paths removed."""
    keep = KEEP.get(kind, 0)
    if keep <= 0:
        return []
    found = sorted(folder.glob(f"motcua-{kind}-*.zip"))
    removed = found[:-keep] if len(found) > keep else []
    for path in removed:
        path.unlink(missing_ok=True)
    return removed

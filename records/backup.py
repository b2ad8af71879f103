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

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from records.clock import local, now
from records.durable import online_copy, sync_folder
from records.errors import BackupRefused, StorageUnavailable
from records.store.objects import ObjectStore, is_object_name
from records.zips import ZIP_ERRORS

FORMAT = "motcua-backup"
FORMAT_VERSION = 1
MANIFEST = "backup.json"
DATABASE = "motcua.sqlite3"
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


def integrity(database: Path) -> str:
    """``PRAGMA integrity_check`` of an SQLite file: ``"ok"`` or the first problems it lists."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    return "; ".join(str(r[0]) for r in rows[:5])


def referenced_objects(database: Path) -> list[str]:
    """The documents the database refers to (``stored_objects``)."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return [str(r[0]) for r in conn.execute("SELECT sha256 FROM stored_objects ORDER BY sha256")]
    finally:
        conn.close()


def _schema_revision(database: Path) -> str:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else ""
    except sqlite3.DatabaseError:
        return ""
    finally:
        conn.close()


def _agency(database: Path) -> dict[str, Any]:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        found = dict(conn.execute("SELECT key, value FROM settings WHERE key IN ('agency', 'workstation')"))
    except sqlite3.DatabaseError:
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
) -> BackupResult:
    """Back the store up into the zip ``target`` (see the module's docstring); :class:`BackupRefused` when
    the live store fails its checks (nothing is written), :class:`StorageUnavailable` when the target
    cannot be written (nothing is left).

    With ``keep_damaged`` (the copy taken before a restore, often made *because* the store is damaged) a
    store that fails its checks is copied as it is, its problems listed in ``backup.json`` (``damaged``):
    such a backup is kept for inspection and refused for a restore."""
    problems: list[str] = []
    check = integrity(database)
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
            _copy_database(database, copy, raw=bool(problems))
            shas = _readable_objects(copy)  # a store older than its documents table has none
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
                    if _add_file(archive, objects.path(sha), DOCUMENTS + sha, stored=True) != sha:
                        raise BackupRefused(
                            f"the document {sha} is damaged (its bytes no longer match its name)",
                            reason="damaged_store",
                        )
                    members[DOCUMENTS + sha] = sha
                keys = list(_key_files(keys_dir))
                for key in keys:
                    members[KEYS + key.name] = _add_file(archive, key, KEYS + key.name)
                created = now()
                manifest: dict[str, Any] = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created_at": created.isoformat(),
                    "app_version": app_version,
                    "schema_revision": _schema_revision(copy),
                    **_agency(copy),
                    "counts": {"documents": len(shas), "keys": len(keys)},
                    "members": members,
                }
                if problems:
                    manifest["damaged"] = problems
                archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            with open(temporary, "r+b") as written:
                os.fsync(written.fileno())
        os.replace(temporary, target)
        sync_folder(target.parent)
    except OSError as exc:
        raise StorageUnavailable(f"cannot write the backup {target}: {exc.strerror or exc}") from None
    except sqlite3.OperationalError as exc:  # the database's copy itself: a full disk, a folder not writable
        raise StorageUnavailable(f"cannot write the backup {target}: {exc}") from None
    finally:
        temporary.unlink(missing_ok=True)
    if problems:
        return BackupResult(target, created, str(manifest["schema_revision"]), dict(manifest["counts"]))
    return verify_backup(target)


def _copy_database(source: Path, target: Path, raw: bool) -> None:
    """The online backup API's consistent copy; for a damaged file, its bytes as they are."""
    if raw:
        shutil.copyfile(source, target)
        return
    online_copy(source, target)


def _readable_objects(database: Path) -> list[str]:
    try:
        return referenced_objects(database)
    except sqlite3.DatabaseError:  # no stored_objects table (an older store), or a damaged file
        return []


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


def verify_backup(path: Path) -> BackupResult:
    """Check a backup whole: a zip of plain member names, every member matching ``backup.json``, and the
    database inside passing ``integrity_check``. :class:`BackupRefused` naming what is wrong."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BackupRefused(f"no such backup: {path}", reason="not_a_backup") from None
    except ZIP_ERRORS as exc:
        raise BackupRefused(f"{path.name} is not a whole backup: {exc}", reason="damaged_backup") from None
    with archive:
        manifest = _manifest(path, archive)
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
            check = integrity(database)
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


def _plain(name: str) -> bool:
    if name == DATABASE:
        return True
    if name.startswith(DOCUMENTS):
        return is_object_name(name[len(DOCUMENTS) :])
    if name.startswith(KEYS):
        rest = name[len(KEYS) :]
        return bool(rest) and "/" not in rest and "\\" not in rest and rest not in (".", "..")
    return False


def restore_backup(path: Path, database: Path, objects: ObjectStore, keys_dir: Path | None) -> BackupResult:
    """Put the backup at ``path`` in place of the store (the caller has backed the store up first and holds
    it closed): its database copied in through the online backup API, missing documents added, keys put
    back; then checked again."""
    result = verify_backup(path)
    with (
        zipfile.ZipFile(path) as archive,
        tempfile.TemporaryDirectory(dir=database.parent, prefix=".motcua-restore-") as scratch,
    ):
        members = json.loads(archive.read(MANIFEST))["members"]
        copy = Path(scratch) / DATABASE
        with archive.open(DATABASE) as source, open(copy, "wb") as out:
            shutil.copyfileobj(source, out, CHUNK)
        for name in members:
            if name.startswith(DOCUMENTS):
                sha = name[len(DOCUMENTS) :]
                if not objects.exists(sha) or objects.check(sha).state != "ok":
                    objects.put_restored(archive.read(name))
            elif name.startswith(KEYS) and keys_dir is not None:
                keys_dir.mkdir(parents=True, exist_ok=True)
                target = keys_dir / name[len(KEYS) :]
                partial = target.with_name(target.name + ".partial")
                partial.write_bytes(archive.read(name))
                os.replace(partial, target)
        try:
            online_copy(copy, database)
        except sqlite3.OperationalError as exc:  # a full disk: SQLite rolls the copy back, the store stays
            raise StorageUnavailable(f"cannot restore into {database}: {exc}") from None
    check = integrity(database)
    if check != "ok":
        raise BackupRefused(
            f"the restored database fails its integrity check: {check}", reason="damaged_backup"
        )
    missing = [sha for sha in referenced_objects(database) if objects.check(sha).state != "ok"]
    if missing:
        raise BackupRefused(
            f"{len(missing)} documents are missing after the restore", reason="damaged_backup"
        )
    return result


# -- automatic backups ---------------------------------------------------------------------------------------


def automatic_name(kind: str, moment: datetime | None = None) -> str:
    """The file name of an automatic backup of ``kind`` made at ``moment`` (local time, sortable)."""
    stamp = local(moment or now()).strftime("%Y%m%d-%H%M%S")
    return f"motcua-{kind}-{stamp}.zip"


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

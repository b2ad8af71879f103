"""Attached documents' bytes, stored by content: ``objects/ab/abcdef…`` named by their SHA-256.

Two documents with the same bytes are one object; reusing a citizen's earlier document links the same
object. An object is written to a temporary file, flushed, synced and renamed into place **before** the
database row that refers to it commits, so a committed row never points at a missing or partial object.

The other way round (an object whose row never committed, because the process was killed or the
transaction failed) is prevented by a *pending marker*: before the rename, ``pending/<sha256>.<pid>.json``
names the object and the process writing it; the marker is removed once the row is committed or the
object taken back. :meth:`ObjectStore.recover` (run when the store opens) finishes what a dead process left:
it removes its temporary files, and each object it was writing unless a row refers to it after all.

Layout under the store's root (the data folder's ``documents/``)::

    objects/ab/abcdef…        the objects (no extension: the database knows their media type)
    pending/<sha>.<pid>.json  an object being written and not yet committed
    tmp/<pid>-<uuid>.part     a write in progress
    thumbnails/…              caches (rebuilt on demand; never reported as orphans)
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag

from records.durable import sync_folder
from records.encryption import MAGIC, StoreKey, is_sealed
from records.errors import StorageUnavailable

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1024 * 1024
_STALE_SECONDS = 24 * 3600  # a marker of another machine (a shared folder) counts as dead after a day


def sha256_of(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 lower-case hex digits (an object's name)."""
    return hashlib.sha256(data).hexdigest()


def is_object_name(text: str) -> bool:
    """Whether ``text`` is an object's name (64 lower-case hex digits)."""
    return bool(_HEX64.match(text))


@dataclass(frozen=True)
class PendingObject:
    """An object written and not yet committed: its name, its size, the marker to drop after the commit."""

    sha256: str
    size: int
    marker: Path


@dataclass(frozen=True)
class ObjectCheck:
    """One stored object re-hashed: ``ok``, ``missing`` or ``corrupt`` (its bytes no longer hash to its
    name)."""

    sha256: str
    state: str
    size: int | None = None


class ObjectStore:
    """The content-addressed folder of one installation's attached documents."""

    def __init__(self, root: Path, key: StoreKey | None = None) -> None:
        self.root = root
        self.key = key  # encryption at rest: objects are sealed with it (``records.encryption``)
        self._objects = root / "objects"
        self._pending = root / "pending"
        self._tmp = root / "tmp"

    # -- paths -------------------------------------------------------------------------------------------

    def path(self, sha256: str) -> Path:
        """Where the object ``sha256`` lives (whether or not it is there)."""
        if not is_object_name(sha256):
            raise ValueError(f"not an object name: {sha256!r}")
        return self._objects / sha256[:2] / sha256

    def cache_dir(self, name: str) -> Path:
        """A cache folder under the store (``thumbnails``, …), made when missing."""
        folder = self.root / name
        guard_storage(lambda: folder.mkdir(parents=True, exist_ok=True), f"cannot create {folder}")
        return folder

    def exists(self, sha256: str) -> bool:
        """Whether the object is stored (not whether it is intact: see :meth:`check`)."""
        return self.path(sha256).is_file()

    # -- writing -----------------------------------------------------------------------------------------

    def put_pending(self, data: bytes) -> PendingObject:
        """Store ``data`` (unless an intact copy is there) and mark it pending until the caller's row commits;
        then :meth:`settle` it. :class:`StorageUnavailable` when the disk is full or the folder read-only:
        nothing is left behind."""
        digest = sha256_of(data)
        target = self.path(digest)
        marker = self._write_marker(digest)
        try:
            if not (target.is_file() and self._intact(target, digest)):
                self._write_atomically(target, self._sealed(data))
        except BaseException:
            _unlink(marker)
            raise
        return PendingObject(digest, len(data), marker)

    def put_restored(self, data: bytes) -> str:
        """Store ``data`` from a backup being restored (its row comes with the restored database); returns
        its name."""
        digest = sha256_of(data)
        self._write_atomically(self.path(digest), self._sealed(data))
        return digest

    def _sealed(self, data: bytes) -> bytes:
        return data if self.key is None else self.key.seal(data)

    def settle(self, pending: PendingObject, committed: bool, still_used: Callable[[str], bool]) -> None:
        """The row for ``pending`` committed (``committed``) or not: drop its marker; when not, remove the
        object too unless ``still_used(sha256)`` (an earlier row holds the same bytes)."""
        _unlink(pending.marker)
        if not committed and not still_used(pending.sha256) and not self._others_pending(pending.sha256):
            _unlink(self.path(pending.sha256))

    def _others_pending(self, sha256: str) -> bool:
        """Whether a live process (another copy of the application) is writing the same object now."""
        return any(not _owner_dead(m) for m in self._pending.glob(f"{sha256}.*.json"))

    def _write_marker(self, digest: str) -> Path:
        marker = self._pending / f"{digest}.{os.getpid()}.{uuid.uuid4().hex[:8]}.json"
        body = {"sha256": digest, "pid": os.getpid(), "host": socket.gethostname(), "at": time.time()}
        created = _process_started(os.getpid())
        if created is not None:
            body["started"] = created
        self._write_atomically(marker, json.dumps(body).encode())
        return marker

    def _write_atomically(self, target: Path, data: bytes) -> None:
        """Temporary file → flush → fsync → rename → fsync the folder: the name shows whole bytes only."""

        def write() -> None:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._tmp.mkdir(parents=True, exist_ok=True)
            part = self._tmp / f"{os.getpid()}-{uuid.uuid4().hex}.part"
            try:
                with open(part, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(part, target)
            except BaseException:
                _unlink(part)
                raise
            sync_folder(target.parent)

        guard_storage(write, f"cannot write to {self.root}")

    # -- reading -----------------------------------------------------------------------------------------

    def read(self, sha256: str) -> bytes:
        """The object's bytes, checked against its name. :class:`StorageUnavailable` when it is missing or
        damaged (say which: the clerk is told, the administrator runs ``motcua attachments verify``)."""
        path = self.path(sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise StorageUnavailable(
                f"the stored document {sha256[:12]}… is missing from {self._objects}", reason="missing"
            ) from None
        except OSError as exc:
            raise StorageUnavailable(f"cannot read {path}: {exc.strerror}", reason="unreadable") from exc
        data = self._opened(data, sha256)
        if sha256_of(data) != sha256:
            raise StorageUnavailable(
                f"the stored document {sha256[:12]}… is damaged (its content changed)", reason="corrupt"
            )
        return data

    def check(self, sha256: str) -> ObjectCheck:
        """Re-hash one object."""
        path = self.path(sha256)
        if not path.is_file():
            return ObjectCheck(sha256, "missing")
        try:
            intact = self._intact(path, sha256)
            size = path.stat().st_size
        except OSError:
            return ObjectCheck(sha256, "corrupt")
        return ObjectCheck(sha256, "ok" if intact else "corrupt", size)

    def stored(self) -> Iterator[str]:
        """The names of every object in the folder (including ones no row refers to)."""
        if not self._objects.is_dir():
            return
        for folder in sorted(self._objects.iterdir()):
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                if is_object_name(path.name) and path.is_file() and path.name[:2] == folder.name:
                    yield path.name

    def pending(self) -> list[str]:
        """Objects being written now (or left by a process that died; see :meth:`recover`)."""
        if not self._pending.is_dir():
            return []
        return sorted({p.name.split(".", 1)[0] for p in self._pending.glob("*.json")})

    def raw(self, sha256: str) -> bytes:
        """The object's file as it is on disk (sealed when the store is encrypted): what a backup copies."""
        return self.path(sha256).read_bytes()

    def _opened(self, data: bytes, sha256: str) -> bytes:
        """The plain bytes of a file read from disk (opened when sealed)."""
        if not is_sealed(data):
            return data
        if self.key is None:
            raise StorageUnavailable(
                f"the stored document {sha256[:12]}… is encrypted and the store was opened without its key",
                reason="unreadable",
            )
        try:
            return self.key.open(data)
        except InvalidTag:
            raise StorageUnavailable(
                f"the stored document {sha256[:12]}… is damaged (it does not decrypt)", reason="corrupt"
            ) from None

    def _intact(self, path: Path, sha256: str) -> bool:
        with open(path, "rb") as handle:
            head = handle.read(len(MAGIC))
            if head == MAGIC:
                try:
                    return sha256_of(self._opened(head + handle.read(), sha256)) == sha256
                except StorageUnavailable:
                    return False
            digest = hashlib.sha256(head)
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
        return digest.hexdigest() == sha256

    # -- after a crash -----------------------------------------------------------------------------------

    def recover(self, referenced: Callable[[str], bool]) -> list[str]:
        """Finish what dead processes left: their temporary files go, and each object they were writing is
        removed unless ``referenced(sha256)`` (its row committed after all). Returns the objects removed.
        Markers of live processes (another copy of the application importing now) are left alone."""
        removed: list[str] = []
        if self._pending.is_dir():
            for marker in sorted(self._pending.glob("*.json")):
                if not _owner_dead(marker):
                    continue
                digest = marker.name.split(".", 1)[0]
                _unlink(marker)
                if (
                    is_object_name(digest)
                    and self.path(digest).exists()
                    and not referenced(digest)
                    and not self._others_pending(digest)
                ):
                    _unlink(self.path(digest))
                    removed.append(digest)
        if self._tmp.is_dir():
            for part in self._tmp.glob("*.part"):
                pid = part.name.split("-", 1)[0]
                if not pid.isdigit() or not _alive(int(pid), None):
                    _unlink(part)
        return removed


# -- helpers --------------------------------------------------------------------------------------------


def guard_storage(action: Callable[[], None], what: str) -> None:
    """Run ``action``; a disk or permission failure becomes :class:`StorageUnavailable`."""
    try:
        action()
    except OSError as exc:
        reason = {
            errno.ENOSPC: "disk_full",
            errno.EDQUOT: "disk_full",
            errno.EACCES: "read_only",
            errno.EPERM: "read_only",
            errno.EROFS: "read_only",
        }.get(exc.errno or 0, "io_error")
        detail = {"disk_full": "the disk is full", "read_only": "the folder is read-only"}.get(
            reason, exc.strerror or str(exc)
        )
        raise StorageUnavailable(f"{what}: {detail}", reason=reason) from exc


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass  # left for recover() or verify to report; never hide the caller's own error


def _process_started(pid: int) -> float | None:
    import psutil

    try:
        return float(psutil.Process(pid).create_time())
    except (psutil.Error, OSError):
        return None


def _alive(pid: int, started: float | None) -> bool:
    """Whether the process ``pid`` runs (and is the same one: pids are reused)."""
    import psutil

    if not psutil.pid_exists(pid):
        return False
    if started is None:
        return True
    now_started = _process_started(pid)
    return now_started is None or abs(now_started - started) < 1.0


def _owner_dead(marker: Path) -> bool:
    """Whether the process that wrote ``marker`` is gone (a marker that cannot be read counts as dead)."""
    try:
        body = json.loads(marker.read_text(encoding="utf-8"))
        pid, host, at = int(body["pid"]), str(body["host"]), float(body["at"])
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return True
    if host != socket.gethostname():
        return time.time() - at > _STALE_SECONDS
    started = body.get("started")
    return not _alive(pid, float(started) if isinstance(started, int | float) else None)

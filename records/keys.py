"""The installation's keys: an Ed25519 signing key and a secret salt, kept in ``<data dir>/keys/``.

* ``installation-ed25519.pem`` — the private key (PKCS #8 PEM, unencrypted, mode 0600 on POSIX). It signs
  the receipt codes (see :mod:`records.receipt_codes`); its public half is what another installation (or
  the centre) trusts to check them.
* ``receipt-id-salt.bin`` — 32 random bytes that key the hash of the owner's ID in a receipt code. It
  never leaves the machine: without it nobody can test guesses of an ID against a printed receipt.

Both are made on first use. Two processes can start at once (the application and a ``motcua`` command),
so a key is written to a temporary file in the same folder, flushed to disk, then *linked* to its final
name: the link fails if the other process got there first, and the loser reads the winner's key. An
existing key is never overwritten, and a key file that cannot be read is reported, never replaced —
replacing it would silently invalidate every receipt already printed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from cryptography.exceptions import InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from records.durable import sync_folder
from records.encryption import StoreKey, is_sealed
from records.errors import InvalidInput, StorageUnavailable

PRIVATE_KEY_FILE = "installation-ed25519.pem"
ID_SALT_FILE = "receipt-id-salt.bin"
PUBLIC_KEY_PREFIX = "ed25519:"
PUBLIC_KEY_BYTES = 32
ID_SALT_BYTES = 32

_T = TypeVar("_T")


class InstallationKeys:
    """The keys kept in ``folder``, made on first use; nothing touches the disk before a method needs it."""

    def __init__(self, folder: Path, key: StoreKey | None = None) -> None:
        self.folder = Path(folder)
        self._key = key  # encryption at rest: the files are sealed with it
        self._lock = threading.Lock()
        self._private: Ed25519PrivateKey | None = None
        self._salt: bytes | None = None

    # -- public API -----------------------------------------------------------------------------------

    def sign(self, data: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``data`` with this installation's key."""
        return self._private_key().sign(data)

    def public_key(self) -> bytes:
        """The 32 raw bytes of the public key."""
        return (
            self._private_key()
            .public_key()
            .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        )

    def public_key_text(self) -> str:
        """The public key as text: ``ed25519:`` and the standard (padded) base64 of its raw bytes."""
        return public_key_text(self.public_key())

    def key_id(self) -> int:
        """The key's short identifier (see :func:`key_id_of`)."""
        return key_id_of(self.public_key())

    def id_salt(self) -> bytes:
        """The secret 32-byte salt of the ID hash."""
        with self._lock:
            if self._salt is None:
                self._salt = load_or_create_key_file(
                    self.folder,
                    ID_SALT_FILE,
                    lambda: secrets.token_bytes(ID_SALT_BYTES),
                    _read_salt,
                    self._key,
                )
            return self._salt

    # -- loading and creating -------------------------------------------------------------------------

    def _private_key(self) -> Ed25519PrivateKey:
        with self._lock:
            if self._private is None:
                self._private = load_or_create_key_file(
                    self.folder, PRIVATE_KEY_FILE, _new_private_pem, _read_private, self._key
                )
            return self._private


def load_or_create_key_file(
    folder: Path,
    name: str,
    make: Callable[[], bytes],
    read: Callable[[Path, bytes], _T],
    key: StoreKey | None = None,
) -> _T:
    """The key kept in ``folder / name``, read by ``read``; made by ``make`` first if there is none.

    The file is made owner-only (0600 on POSIX) and appears complete or not at all; a file another process
    made first is the one read. ``read`` raises :class:`StorageUnavailable` for content it cannot take.
    Shared by every key kept on disk (also :class:`records.sync.crypto.CentreKeys`). With ``key``
    (encryption at rest) the file is sealed with it; a file that is not sealed is read as it is.
    """
    path = folder / name
    data = _read_key_bytes(path)
    if data is None:
        made = make()
        _create_key_file(folder, path, made if key is None else key.seal(made))
        data = _read_key_bytes(path)
        if data is None:  # linked a moment ago: only someone deleting it under us gets here
            raise StorageUnavailable(f"the key file {path} vanished just after it was made", file=str(path))
    if is_sealed(data):
        if key is None:
            raise StorageUnavailable(
                f"the key file {path} is encrypted and the store was opened without its key", file=str(path)
            )
        try:
            data = key.open(data)
        except InvalidTag:
            raise StorageUnavailable(
                f"the key file {path} does not decrypt with the store's key; it was left untouched: restore "
                "it from a backup",
                file=str(path),
            ) from None
    return read(path, data)


def _read_key_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageUnavailable(f"cannot read the key file {path}: {exc.strerror}", file=str(path)) from exc


def _create_key_file(folder: Path, path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` unless it exists: a complete file appears at once, or not at all."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # mkstemp makes the file 0600 on POSIX whatever the umask: the key is never readable by others.
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StorageUnavailable(
            f"cannot create the key folder {folder}: {exc.strerror}", file=str(path)
        ) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temp, path)  # unlike a rename, fails when the name exists: never overwrites a key
        except FileExistsError:
            return  # another process made it first: the caller reads theirs
        sync_folder(folder)
    except OSError as exc:
        raise StorageUnavailable(f"cannot write the key file {path}: {exc.strerror}", file=str(path)) from exc
    finally:
        temp.unlink(missing_ok=True)


def _new_private_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _read_private(path: Path, data: bytes) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise StorageUnavailable(
            f"the key file {path} is not an unencrypted Ed25519 private key (PKCS #8 PEM); it was left "
            "untouched: restore it from a backup (a new key would not verify the receipts already printed)",
            file=str(path),
        )
    return key


def _read_salt(path: Path, data: bytes) -> bytes:
    if len(data) != ID_SALT_BYTES:
        raise StorageUnavailable(
            f"the key file {path} holds {len(data)} bytes, not {ID_SALT_BYTES}; it was left untouched: "
            "restore it from a backup (a new salt would not match the IDs of the receipts already printed)",
            file=str(path),
        )
    return data


def public_key_text(raw: bytes) -> str:
    """``ed25519:`` and the standard (padded) base64 of a 32-byte raw public key."""
    if len(raw) != PUBLIC_KEY_BYTES:
        raise InvalidInput(f"an Ed25519 public key has {PUBLIC_KEY_BYTES} bytes, not {len(raw)}")
    return PUBLIC_KEY_PREFIX + base64.b64encode(raw).decode("ascii")


def parse_public_key_text(text: str) -> bytes:
    """The 32 raw bytes of a public key written as ``ed25519:<base64>``; :class:`InvalidInput` otherwise."""
    cleaned = text.strip()
    if not cleaned.lower().startswith(PUBLIC_KEY_PREFIX):
        raise InvalidInput(
            f"{text!r} is not a public key: expected 'ed25519:' followed by base64 (see 'motcua key show')",
            value=text,
        )
    encoded = cleaned[len(PUBLIC_KEY_PREFIX) :]
    try:
        raw = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput(f"{text!r} is not a public key: the part after 'ed25519:' is not base64") from None
    # Only the one canonical spelling: two texts for the same key would make duplicates hard to see.
    if len(raw) != PUBLIC_KEY_BYTES or base64.b64encode(raw).decode("ascii") != encoded:
        raise InvalidInput(
            f"{text!r} is not a public key: an Ed25519 key is {PUBLIC_KEY_BYTES} bytes "
            "(44 base64 characters)",
            value=text,
        )
    return raw


def key_id_of(raw: bytes) -> int:
    """A key's short identifier: the first 4 bytes of SHA-256 of its raw public key, big-endian."""
    return int.from_bytes(hashlib.sha256(raw).digest()[:4], "big")


def format_key_id(key_id: int) -> str:
    """A key identifier as 8 lower-case hexadecimal digits (``1a2b3c4d``)."""
    return f"{key_id:08x}"

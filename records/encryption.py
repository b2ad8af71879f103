"""Encryption at rest (optional): one random store key, protected by a passphrase, encrypts everything the
store keeps on disk.

* the database through **SQLCipher** (AES-256 per page, with its WAL and journal), keyed with a raw 256-bit
  key so that opening a connection costs no key derivation;
* every stored document, the key files and the thumbnails cache with **AES-256-GCM**, one file at a time
  (:meth:`StoreKey.seal`: ``MAGIC``, a random 96-bit nonce, the ciphertext and its tag);
* backups, which copy the encrypted database and files as they are (``records.backup``).

The store key is 32 random bytes; two sub-keys are derived from it with HKDF-SHA256 (one for SQLCipher,
one for files). It is never stored in clear: ``encryption.json`` in the data folder holds it *wrapped*
(AES-256-GCM) under a key derived from the passphrase with argon2id (RFC 9106 "low memory": 3 passes,
64 MiB, 4 lanes), and a second time under a **recovery code** shown once when encryption is turned on.
Changing the passphrase re-wraps the key (nothing is re-encrypted); forgetting both the passphrase and the
recovery code loses the data: there is no back door.

Turning encryption on or off converts the store in place and can be interrupted at any point (a power cut,
a killed process): ``encryption.json`` is written first with ``state`` ``enabling`` (or ``disabling``),
then every file is converted by writing its new form under a temporary name and renaming it over the old
(each file is whole in one form or the other, and readers take both), the database last through
``sqlcipher_export`` into a new file, checked, then renamed; the state becomes ``on`` (or the file is
removed) at the end. :func:`resume` finishes an interrupted conversion, which :func:`open_key` asks for
before the store is opened.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from records.clock import now
from records.durable import sync_folder
from records.errors import EncryptionRefused, StorageUnavailable

FILE_NAME = "encryption.json"
FORMAT = "motcua-encryption"
FORMAT_VERSION = 1
CIPHER = "sqlcipher4+aes-256-gcm"
MAGIC = b"MCENC\x01\r\n"  # 8 bytes that open every sealed file (no PDF, image, PEM or zip starts so)
NONCE_BYTES = 12
KEY_BYTES = 32
KDF = {"name": "argon2id", "time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4}
# What a (tampered) encryption.json may ask of argon2id: never hours of work nor gigabytes of memory.
KDF_LIMITS = {"time_cost": (1, 10), "memory_cost": (8 * 1024, 1024 * 1024), "parallelism": (1, 16)}
SQLITE_HEADER = b"SQLite format 3\x00"
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed back
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 5
MIN_PASSPHRASE = 10
_WRAP_AD = b"motcua store key v1"
_CONVERTING = ".converting"


# -- the key ---------------------------------------------------------------------------------------------


class StoreKey:
    """The store key in memory: seals and opens files, keys SQLCipher connections."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) != KEY_BYTES:
            raise ValueError("a store key is 32 bytes")
        self._secret = secret
        self._files = AESGCM(_subkey(secret, b"motcua files"))
        self._database = _subkey(secret, b"motcua sqlcipher")
        self.key_id = hashlib.sha256(b"motcua key id\x00" + secret).hexdigest()[:16]

    @classmethod
    def generate(cls) -> StoreKey:
        """A new random store key."""
        return cls(secrets.token_bytes(KEY_BYTES))

    @property
    def secret(self) -> bytes:
        """The raw key (to wrap it under a new passphrase)."""
        return self._secret

    def sqlcipher_key(self) -> str:
        """The value of ``PRAGMA key`` for SQLCipher: a raw key (no key derivation per connection)."""
        return f"\"x'{self._database.hex()}'\""

    def seal(self, data: bytes) -> bytes:
        """``data`` encrypted and authenticated (AES-256-GCM): what is written to disk."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        return MAGIC + nonce + self._files.encrypt(nonce, data, MAGIC)

    def open(self, blob: bytes) -> bytes:
        """The plain bytes of a sealed file; a file that is not sealed (a store being converted) as it is.
        :class:`InvalidTag` when it was sealed with another key or changed since."""
        if not is_sealed(blob):
            return blob
        nonce = blob[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        return self._files.decrypt(nonce, blob[len(MAGIC) + NONCE_BYTES :], MAGIC)


def is_sealed(blob: bytes) -> bool:
    """Whether ``blob`` is a file sealed by :meth:`StoreKey.seal`."""
    return blob[: len(MAGIC)] == MAGIC


def key_id(key: StoreKey | None) -> str | None:
    """The key's identifier, None for a plain store."""
    return None if key is None else key.key_id


def _subkey(secret: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose).derive(secret)


# -- the passphrase and the recovery code -----------------------------------------------------------------


def check_passphrase(passphrase: str) -> None:
    """:class:`EncryptionRefused` (``weak_passphrase``) unless the passphrase is long enough to stand an
    offline guessing attack on a stolen disk (at least :data:`MIN_PASSPHRASE` characters, not one repeated
    character)."""
    text = _normal(passphrase)
    if len(text) < MIN_PASSPHRASE or len(set(text)) < 4:
        raise EncryptionRefused(
            f"the passphrase must have at least {MIN_PASSPHRASE} characters and not repeat one character",
            reason="weak_passphrase",
            minimum=MIN_PASSPHRASE,
        )


def new_recovery_code() -> str:
    """A random recovery code (150 bits) in groups of five: ``K7QXM-…``."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN))
    return "-".join(chars[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(chars), RECOVERY_GROUP_LEN))


def _normal(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _recovery_normal(text: str) -> str:
    return "".join(c for c in text.upper() if c.isalnum())


def _derive(secret_text: str, salt: bytes, kdf: dict[str, Any]) -> bytes:
    return hash_secret_raw(
        secret_text.encode("utf-8"),
        salt,
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_cost"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _wrap(key: StoreKey, secret_text: str) -> dict[str, str]:
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(NONCE_BYTES)
    wrapped = AESGCM(_derive(secret_text, salt, KDF)).encrypt(nonce, key.secret, _WRAP_AD)
    return {"salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _unwrap(slot: dict[str, Any], kdf: dict[str, Any], secret_text: str) -> StoreKey | None:
    try:
        derived = _derive(secret_text, _unb64(slot["salt"]), kdf)
        return StoreKey(AESGCM(derived).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), _WRAP_AD))
    except InvalidTag:
        return None
    except (KeyError, TypeError, ValueError) as exc:
        raise EncryptionRefused(f"{FILE_NAME} is damaged: {exc}", reason="damaged_config") from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)


# -- encryption.json -------------------------------------------------------------------------------------


@dataclass
class EncryptionConfig:
    """What ``encryption.json`` says: the state, the key's identifier, the wrapped keys. Holds no secret."""

    state: str  # "on", "enabling" or "disabling"
    key_id: str
    created_at: str
    kdf: dict[str, Any] = field(default_factory=lambda: dict(KDF))
    slots: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "cipher": CIPHER,
            "state": self.state,
            "key_id": self.key_id,
            "created_at": self.created_at,
            "kdf": self.kdf,
            "slots": self.slots,
        }

    def unlock(self, secret_text: str) -> StoreKey:
        """The store key from the passphrase or the recovery code; :class:`EncryptionRefused`
        (``wrong_passphrase``) when it is neither."""
        tries: list[tuple[str, str]] = [("passphrase", _normal(secret_text))]
        if "recovery" in self.slots:
            tries.append(("recovery", _recovery_normal(secret_text)))
        for name, text in tries:
            slot = self.slots.get(name)
            if slot is None or not text:
                continue
            key = _unwrap(slot, self.kdf, text)
            if key is not None and key.key_id == self.key_id:
                return key
        raise EncryptionRefused("the passphrase is wrong", reason="wrong_passphrase")


def parse_config(data: bytes, where: str = FILE_NAME) -> EncryptionConfig:
    """An ``encryption.json``'s content; :class:`EncryptionRefused` (``damaged_config``) when it is not
    one."""
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise EncryptionRefused(f"{where} cannot be read: {exc}", reason="damaged_config") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise EncryptionRefused(f"{where} is not an encryption file", reason="damaged_config")
    if not isinstance(raw.get("format_version"), int) or raw["format_version"] > FORMAT_VERSION:
        raise EncryptionRefused(
            f"{where} was made by a newer version of the application", reason="damaged_config"
        )
    slots, kdf = raw.get("slots"), raw.get("kdf")
    if (
        raw.get("state") not in ("on", "enabling", "disabling")
        or not isinstance(raw.get("key_id"), str)
        or not isinstance(slots, dict)
        or not all(isinstance(v, dict) for v in slots.values())
        or not isinstance(kdf, dict)
        or not all(
            isinstance(kdf.get(k), int) and low <= kdf[k] <= high for k, (low, high) in KDF_LIMITS.items()
        )
    ):
        raise EncryptionRefused(f"{where} is damaged", reason="damaged_config")
    return EncryptionConfig(
        state=raw["state"],
        key_id=raw["key_id"],
        created_at=str(raw.get("created_at", "")),
        kdf=kdf,
        slots=slots,
    )


def _within(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def read_config(data_dir: Path) -> EncryptionConfig | None:
    """The data folder's encryption file; None when the store is not encrypted."""
    path = data_dir / FILE_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageUnavailable(f"cannot read {path}: {exc.strerror}") from exc
    return parse_config(data, str(path))


def _write_config(data_dir: Path, config: EncryptionConfig) -> None:
    _replace_file(data_dir / FILE_NAME, json.dumps(config.to_json(), indent=1).encode())


# -- SQLite and SQLCipher connections --------------------------------------------------------------------


def cipher_module() -> Any:
    """SQLCipher's DB-API module (``sqlcipher3``); :class:`EncryptionRefused` (``no_cipher``) when it is not
    installed."""
    try:
        import sqlcipher3.dbapi2 as module  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        raise EncryptionRefused(
            "SQLCipher (the Python package sqlcipher3) is not installed: install MotCua Desk with its "
            "'encryption' extra",
            reason="no_cipher",
        ) from None
    return module


def database_errors() -> tuple[type[Exception], ...]:
    """The DB-API error classes of both drivers (``sqlite3``'s and, when installed, SQLCipher's)."""
    try:
        return (sqlite3.Error, cipher_module().Error)
    except EncryptionRefused:
        return (sqlite3.Error,)


def database_operational_errors() -> tuple[type[Exception], ...]:
    """Both drivers' ``OperationalError`` (a full disk, a locked file)."""
    try:
        return (sqlite3.OperationalError, cipher_module().OperationalError)
    except EncryptionRefused:
        return (sqlite3.OperationalError,)


def apply_key(connection: Any, key: StoreKey) -> None:
    """Key a fresh SQLCipher connection (before anything else touches the file)."""
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = {key.sqlcipher_key()}")


def connect(path: Path, key: StoreKey | None, *, readonly: bool = False) -> Any:
    """A DB-API connection to the SQLite file ``path``: plain ``sqlite3`` without a key, SQLCipher keyed
    with it otherwise."""
    module = sqlite3 if key is None else cipher_module()
    if readonly:
        connection = module.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    else:
        connection = module.connect(str(path))
    if key is not None:
        apply_key(connection, key)
    return connection


def database_is_plain(path: Path) -> bool:
    """Whether the SQLite file at ``path`` is unencrypted (its first bytes are SQLite's header); an empty
    or missing file counts as plain."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True
    return not head or head == SQLITE_HEADER


def export_database(
    source: Path, source_key: StoreKey | None, target: Path, target_key: StoreKey | None
) -> None:
    """Copy the database ``source`` (encrypted with ``source_key`` or plain) into the new file ``target``
    encrypted with ``target_key`` (or plain) through ``sqlcipher_export``; the copy is checked."""
    module = cipher_module()
    target.unlink(missing_ok=True)
    connection = module.connect(str(source))
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        if source_key is not None:
            connection.execute(f"PRAGMA key = {source_key.sqlcipher_key()}")
        connection.execute("PRAGMA busy_timeout = 0")
        attach_key = "''" if target_key is None else target_key.sqlcipher_key()
        connection.execute(f"ATTACH DATABASE ? AS converted KEY {attach_key}", (str(target),))
        connection.execute("SELECT sqlcipher_export('converted')")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute(f"PRAGMA converted.user_version = {int(version)}")
        connection.execute("DETACH DATABASE converted")
    except module.DatabaseError as exc:
        target.unlink(missing_ok=True)
        raise _database_error(source, exc) from None
    finally:
        connection.close()
    check = connect(target, target_key)
    try:
        check.execute("PRAGMA journal_mode = WAL")
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        check.close()
    if result != "ok":
        target.unlink(missing_ok=True)
        raise StorageUnavailable(f"the converted database fails its integrity check: {result}")
    with open(target, "r+b") as handle:
        os.fsync(handle.fileno())


def _database_error(path: Path, exc: Exception) -> EncryptionRefused | StorageUnavailable:
    text = str(exc).lower()
    if "not a database" in text:
        return EncryptionRefused(f"{path} cannot be opened with this key", reason="wrong_passphrase")
    if "locked" in text or "busy" in text:
        return EncryptionRefused(
            "another copy of the application is using the store: close it first", reason="store_in_use"
        )
    return StorageUnavailable(f"cannot convert {path}: {exc}")


# -- the store's files -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoreFiles:
    """Where one store keeps what encryption covers."""

    data_dir: Path
    database: Path
    documents: Path  # the object store's root (objects/ab/<sha256>)
    keys_dir: Path
    caches: tuple[Path, ...] = ()  # folders of derived copies (thumbnails): emptied on conversion


@dataclass
class ConversionReport:
    """What a conversion did."""

    documents: int = 0
    key_files: int = 0
    damaged: list[str] = field(default_factory=list)
    plain_backups: list[Path] = field(default_factory=list)


def _object_files(documents: Path) -> Iterator[Path]:
    objects = documents / "objects"
    if not objects.is_dir():
        return
    for folder in sorted(objects.iterdir()):
        if folder.is_dir():
            yield from sorted(p for p in folder.iterdir() if p.is_file() and len(p.name) == 64)


def _key_files(keys_dir: Path) -> Iterator[Path]:
    if keys_dir.is_dir():
        yield from sorted(p for p in keys_dir.iterdir() if p.is_file() and not p.name.startswith("."))


def _convert_files(files: StoreFiles, key: StoreKey, encrypt: bool, report: ConversionReport) -> None:
    """Seal (or open) every document and key file in place, one atomic rename each."""
    for path in _object_files(files.documents):
        data = path.read_bytes()
        if is_sealed(data) == encrypt:
            continue
        try:
            plain = key.open(data)
        except InvalidTag:
            report.damaged.append(path.name)
            continue
        if hashlib.sha256(plain).hexdigest() != path.name:
            report.damaged.append(path.name)  # left as it is: `motcua attachments verify` reports it
            continue
        _replace_file(path, key.seal(plain) if encrypt else plain)
        report.documents += 1
    for path in _key_files(files.keys_dir):
        data = path.read_bytes()
        if is_sealed(data) == encrypt:
            continue
        _replace_file(path, key.seal(data) if encrypt else key.open(data), private=True)
        report.key_files += 1
    for cache in files.caches:
        shutil.rmtree(cache, ignore_errors=True)


def _convert_database(files: StoreFiles, key: StoreKey, encrypt: bool) -> None:
    database = files.database
    if not database.exists() or database_is_plain(database) != encrypt:
        return  # converted already (or no database yet: it will be made encrypted)
    _exclusive_checkpoint(database, None if encrypt else key)
    converting = database.with_name(database.name + _CONVERTING)
    export_database(database, None if encrypt else key, converting, key if encrypt else None)
    for suffix in (
        "-wal",
        "-shm",
    ):  # checkpointed, closed: a stale WAL must never meet the new file
        Path(str(database) + suffix).unlink(missing_ok=True)
    os.replace(converting, database)
    sync_folder(database.parent)


def _exclusive_checkpoint(database: Path, key: StoreKey | None) -> None:
    """Move the WAL into the database and make sure no other process has it open (``store_in_use``)."""
    errors = (sqlite3.DatabaseError,) if key is None else (cipher_module().DatabaseError,)
    connection = connect(database, key)
    try:
        connection.execute("PRAGMA busy_timeout = 0")
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise EncryptionRefused(
                "another copy of the application is using the store: close it first", reason="store_in_use"
            )
    except errors as exc:
        raise _database_error(database, exc) from None
    finally:
        connection.close()


def _plain_backups(data_dir: Path) -> list[Path]:
    folder = data_dir / "backups"
    return sorted(folder.glob("*.zip")) if folder.is_dir() else []


def enable(files: StoreFiles, passphrase: str) -> tuple[StoreKey, str, ConversionReport]:
    """Turn encryption on: a new store key wrapped under ``passphrase`` and a new recovery code (returned:
    show it once), then every file converted. Resumable (:func:`resume`)."""
    cipher_module()
    check_passphrase(passphrase)
    if read_config(files.data_dir) is not None:
        raise EncryptionRefused("the store is encrypted already", reason="already_encrypted")
    if files.database.exists():
        _exclusive_checkpoint(files.database, None)  # refuse at once when another copy has it open
    key = StoreKey.generate()
    recovery = new_recovery_code()
    config = EncryptionConfig(
        state="enabling",
        key_id=key.key_id,
        created_at=now().isoformat(),
        slots={
            "passphrase": _wrap(key, _normal(passphrase)),
            "recovery": _wrap(key, _recovery_normal(recovery)),
        },
    )
    _write_config(files.data_dir, config)
    report = resume(files, key)
    return key, recovery, report


def disable(files: StoreFiles, secret_text: str) -> ConversionReport:
    """Turn encryption off (the passphrase or the recovery code): every file decrypted, then
    ``encryption.json`` removed. Resumable (:func:`resume`)."""
    config = read_config(files.data_dir)
    if config is None:
        raise EncryptionRefused("the store is not encrypted", reason="not_encrypted")
    key = config.unlock(secret_text)
    if files.database.exists() and not database_is_plain(files.database):
        _exclusive_checkpoint(files.database, key)
    config.state = "disabling"
    _write_config(files.data_dir, config)
    return resume(files, key)


def resume(files: StoreFiles, key: StoreKey) -> ConversionReport:
    """Finish the conversion that ``encryption.json``'s state names (nothing to do when ``on``)."""
    report = ConversionReport()
    config = read_config(files.data_dir)
    if config is None or config.state == "on":
        return report
    encrypt = config.state == "enabling"
    Path(str(files.database) + _CONVERTING).unlink(missing_ok=True)
    _convert_files(files, key, encrypt, report)
    _convert_database(files, key, encrypt)
    if encrypt:
        config.state = "on"
        _write_config(files.data_dir, config)
        report.plain_backups = _plain_backups(files.data_dir)
    else:
        (files.data_dir / FILE_NAME).unlink()
        sync_folder(files.data_dir)
    return report


def change_passphrase(data_dir: Path, old: str, new: str) -> None:
    """Wrap the store key under ``new`` (``old`` is the passphrase or the recovery code); nothing is
    re-encrypted, the recovery code stays."""
    config = read_config(data_dir)
    if config is None:
        raise EncryptionRefused("the store is not encrypted", reason="not_encrypted")
    key = config.unlock(old)
    check_passphrase(new)
    config.slots["passphrase"] = _wrap(key, _normal(new))
    _write_config(data_dir, config)


def open_key(files: StoreFiles, secret_text: str | None) -> StoreKey | None:
    """The key to open the store with: None for a plain store; the key unwrapped from ``secret_text``
    (an interrupted conversion finished first). :class:`EncryptionRefused` ``passphrase_needed`` or
    ``wrong_passphrase``."""
    config = read_config(files.data_dir)
    if config is None:
        return None
    if not secret_text:
        raise EncryptionRefused("the store is encrypted: give its passphrase", reason="passphrase_needed")
    key = config.unlock(secret_text)
    cipher_module()
    if config.state != "on":
        resume(files, key)
        if config.state == "disabling":
            return None
    return key


def describe(data_dir: Path) -> dict[str, Any]:
    """``motcua encryption status --json``: ``encrypted``, ``state``, ``cipher``, ``key_id``, ``created_at``,
    ``kdf`` (no secret)."""
    config = read_config(data_dir)
    if config is None:
        return {"encrypted": False, "state": "off"}
    return {
        "encrypted": True,
        "state": config.state,
        "cipher": CIPHER,
        "key_id": config.key_id,
        "created_at": config.created_at,
        "kdf": config.kdf,
    }


# -- files -------------------------------------------------------------------------------------------------


def _replace_file(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to ``path`` whole or not at all (temporary file, fsync, rename, folder synced)."""
    partial = path.with_name(f".{path.name}.{os.getpid()}{_CONVERTING}")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        handle = os.open(partial, flags, 0o600 if private else 0o666)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
        sync_folder(path.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StorageUnavailable(f"cannot write {path}: {exc.strerror or exc}") from None


def open_file_bytes(data: bytes, key: StoreKey | None) -> bytes:
    """A file's plain bytes whether sealed or not (``key`` None: it must be plain)."""
    if key is None:
        if is_sealed(data):
            raise EncryptionRefused(
                "the file is encrypted: give the store's passphrase", reason="passphrase_needed"
            )
        return data
    return key.open(data)

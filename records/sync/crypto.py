"""The cryptography of offline sync bundles: the workstation's signature, encryption to the centre.

A bundle travels from a commune workstation to the district centre on a USB stick or by mail. Two layers
protect it:

* **Authenticity** — the bundle's manifest lists the SHA-256 of every member; the workstation signs the
  manifest with its installation key (Ed25519, :class:`records.keys.InstallationKeys`) and the centre
  checks the signature against the public key it registered for that workstation
  (:func:`sign_manifest`, :func:`verify_manifest`). A member that does not match its hash, or a manifest
  that does not match its signature, is refused.
* **Confidentiality and integrity at rest and in transit** — the whole bundle file is encrypted to the
  centre's X25519 key (:class:`CentreKeys`) before it is written to the stick, so nothing readable is left
  on it (:func:`encrypt_file`, :func:`decrypt_file`). Any change to the encrypted file — a flipped byte,
  a chunk removed, duplicated or moved, a file cut short, extra bytes appended, a header taken from
  another file — is detected, and decryption refuses it (:class:`records.errors.BundleRefused`).

What is **not** protected: the encrypted file's size (about the size of the bundle), its name and dates,
and which centre key it is for (its key id is in the header, in the clear). Encryption does not say who
sent a file — anybody may encrypt to the centre's public key; that is what the manifest's signature is
for. A lost centre private key cannot be recovered: the bundles encrypted to it can no longer be opened
(keep a backup of ``centre-x25519.pem``), and a stolen one opens every bundle encrypted to it.

**The manifest signature** is the plain 64-byte Ed25519 signature of the manifest's exact bytes, so any
Ed25519 library checks it. The same installation key signs the receipt codes; the two cannot be taken for
one another, as a signed receipt text starts with ``MC1*`` and is read by its strict format only, while a
manifest is a JSON document (``{``) read as one.

**The encrypted file** (``MCENC1``), every number big-endian::

    offset size  field
         0    7  magic: b"MCENC1\\n"
         7    1  format: 0x01
         8    4  recipient key id: the first 4 bytes of SHA-256 of the centre's X25519 public key
                 (records.keys.key_id_of)
        12   32  the sender's ephemeral X25519 public key, made for this file alone
        44   16  salt: random
        60    7  nonce prefix: random
        67    4  chunk size C, the plaintext bytes in a chunk (1 to 16 MiB; 64 KiB by default)
        71       chunks, to the end of the file

The key: ``K = HKDF-SHA256(ikm = X25519(ephemeral private, centre public), salt = salt, info =
b"motcua-bundle-v1" + centre public key (32 bytes) + ephemeral public key (32 bytes), length = 32)``.

The plaintext is cut into chunks of C bytes; the last chunk has 0 to C bytes (an empty plaintext is one
empty chunk; a plaintext of exactly n·C bytes ends with a full chunk, not an empty one). Chunk ``i``
(from 0) is stored as ``AES-256-GCM(K, nonce, chunk, associated data = the 71 header bytes)``: the
ciphertext (as long as the chunk) followed by the 16-byte tag, so every chunk but the last takes exactly
C + 16 bytes. The 12-byte nonce is the nonce prefix (7 bytes), ``i`` (4 bytes) and a last-chunk flag (1
byte: 0x01 for the last chunk, 0x00 otherwise) — the STREAM construction of Hoang, Reyhanitabar, Rogaway
and Vizár (2015). So a chunk only opens at its own position (no reordering), only the real last chunk
opens as the last one (no truncation at a chunk boundary, nothing appended), and only under its own
header (no header swapped in from another file). A file has at most 2^32 chunks.

Decryption writes each chunk as soon as its tag checks, so what it wrote before a refusal is genuine but
incomplete: :func:`decrypt_file` deletes its target when it fails, and a caller of :func:`decrypt_stream`
must throw its output away.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
import struct
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from records.errors import BundleRefused, InvalidInput, StorageUnavailable
from records.keys import PUBLIC_KEY_BYTES, InstallationKeys, format_key_id, key_id_of, load_or_create_key_file
from records.store.objects import guard_storage

# -- the manifest signature ---------------------------------------------------------------------------

SIGNATURE_BYTES = 64

# -- the encrypted file -------------------------------------------------------------------------------

MAGIC = b"MCENC1\n"
FORMAT_VERSION = 1
HKDF_INFO = b"motcua-bundle-v1"
X25519_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_PREFIX_BYTES = 7
TAG_BYTES = 16
DEFAULT_CHUNK_SIZE = 64 * 1024
MAX_CHUNK_SIZE = 16 * 1024 * 1024
MAX_CHUNKS = 2**32

# magic, format, recipient key id, ephemeral public key, salt, nonce prefix, chunk size
_HEADER = struct.Struct(f">{len(MAGIC)}sBI{X25519_KEY_BYTES}s{SALT_BYTES}s{NONCE_PREFIX_BYTES}sI")
HEADER_BYTES = _HEADER.size  # 71

# -- the centre's key ---------------------------------------------------------------------------------

CENTRE_KEY_FILE = "centre-x25519.pem"
X25519_PREFIX = "x25519:"
_ED25519_PREFIX = "ed25519:"


# == signing ==========================================================================================


def sign_manifest(keys: InstallationKeys, manifest: bytes) -> bytes:
    """The 64-byte Ed25519 signature of a bundle's manifest (its exact bytes) by this installation's key."""
    return keys.sign(manifest)


def verify_manifest(public_key: bytes, manifest: bytes, signature: bytes) -> None:
    """Check that ``signature`` is the signature of ``manifest`` by the workstation whose raw Ed25519 public
    key is ``public_key``.

    Raises :class:`BundleRefused` (``reason="bad_signature"``) when it is not, and :class:`InvalidInput` when
    ``public_key`` is not 32 bytes (a key the caller registered wrongly, not a fault of the bundle).
    """
    if len(public_key) != PUBLIC_KEY_BYTES:
        raise InvalidInput(f"an Ed25519 public key has {PUBLIC_KEY_BYTES} bytes, not {len(public_key)}")
    key_id = format_key_id(key_id_of(public_key))
    if len(signature) != SIGNATURE_BYTES:
        raise BundleRefused(
            f"the bundle's manifest signature is {len(signature)} bytes, not {SIGNATURE_BYTES}: "
            f"it cannot be a signature by the workstation key {key_id}",
            reason="bad_signature",
            key_id=key_id,
        )
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, manifest)
    except (InvalidSignature, ValueError):
        raise BundleRefused(
            f"the bundle's manifest does not match its signature by the workstation key {key_id}: "
            "the manifest or the signature was altered, or another key signed it",
            reason="bad_signature",
            key_id=key_id,
        ) from None


# == encryption ========================================================================================


def encrypt_stream(
    source: BinaryIO, target: BinaryIO, recipient_public_key: bytes, *, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> None:
    """Encrypt everything ``source`` holds (to its end) to the centre whose raw X25519 public key is
    ``recipient_public_key``, writing the encrypted file (see the module's description) to ``target``.

    Holds at most two chunks in memory. The streams are binary and buffered (as ``open(path, "rb")`` and
    ``open(path, "wb")`` give). Raises :class:`InvalidInput` for a key that is not a usable X25519 public
    key, a chunk size out of range, or a plaintext of more than 2^32 chunks; an ``OSError`` of the streams
    goes through.
    """
    if len(recipient_public_key) != X25519_KEY_BYTES:
        raise InvalidInput(
            f"an X25519 public key has {X25519_KEY_BYTES} bytes, not {len(recipient_public_key)}",
            reason="wrong_length",
        )
    if not 1 <= chunk_size <= MAX_CHUNK_SIZE:
        raise InvalidInput(f"the chunk size must be 1 to {MAX_CHUNK_SIZE} bytes, not {chunk_size}")
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public_key))
    except ValueError:  # a low-order point: the shared secret would be all zeros
        raise InvalidInput(
            f"{x25519_public_key_text(recipient_public_key)} is not a usable X25519 public key",
            reason="weak_key",
        ) from None
    salt = secrets.token_bytes(SALT_BYTES)
    nonce_prefix = secrets.token_bytes(NONCE_PREFIX_BYTES)
    header = _HEADER.pack(
        MAGIC,
        FORMAT_VERSION,
        key_id_of(recipient_public_key),
        ephemeral_public,
        salt,
        nonce_prefix,
        chunk_size,
    )
    cipher = AESGCM(_derive_key(shared, salt, recipient_public_key, ephemeral_public))
    target.write(header)
    chunk = _read_up_to(source, chunk_size)
    index = 0
    while True:
        following = _read_up_to(source, chunk_size) if len(chunk) == chunk_size else b""
        last = not following
        if index >= MAX_CHUNKS:
            raise InvalidInput(
                f"a bundle of more than {MAX_CHUNKS} chunks of {chunk_size} bytes is too large"
            )
        target.write(cipher.encrypt(_nonce(nonce_prefix, index, last), chunk, header))
        if last:
            return
        chunk = following
        index += 1


def decrypt_stream(
    source: BinaryIO, target: BinaryIO, private_key: X25519PrivateKey, *, name: str = "the bundle"
) -> None:
    """Decrypt the encrypted file ``source`` holds (to its end) with the centre's private key, writing the
    plaintext to ``target``.

    Raises :class:`BundleRefused` (``reason`` one of ``not_encrypted``, ``unknown_format``,
    ``not_encrypted_for_us``, ``truncated``, ``corrupt``; ``file=name``) unless the whole file checks.
    Each chunk is written once its tag checks, so after a refusal ``target`` holds a genuine but incomplete
    beginning of the plaintext: **throw it away** (:func:`decrypt_file` does). ``name`` names the file in
    the messages. An ``OSError`` of the streams goes through.
    """
    header = _read_up_to(source, HEADER_BYTES)
    magic_seen = header[: len(MAGIC)]
    if not magic_seen or not MAGIC.startswith(magic_seen):
        raise _refused(
            "not_encrypted",
            f"{name} is not an encrypted bundle: it does not start with {MAGIC.decode('ascii').strip()!r}",
            name,
        )
    if len(header) <= len(MAGIC):
        raise _refused("truncated", f"{name} is cut short: it ends inside its header", name)
    version = header[len(MAGIC)]
    if version != FORMAT_VERSION:
        raise _refused(
            "unknown_format",
            f"{name} is an encrypted bundle of format {version}; this version of MotCua reads format "
            f"{FORMAT_VERSION} only: update it",
            name,
        )
    if len(header) < HEADER_BYTES:
        raise _refused("truncated", f"{name} is cut short: it ends inside its header", name)
    _, _, recipient_id, ephemeral_public, salt, nonce_prefix, chunk_size = _HEADER.unpack(header)
    own_public = private_key.public_key().public_bytes_raw()
    if recipient_id != key_id_of(own_public):
        raise _refused(
            "not_encrypted_for_us",
            f"{name} was encrypted for the centre key {format_key_id(recipient_id)}, not for this centre's "
            f"key {format_key_id(key_id_of(own_public))}: it cannot be opened here",
            name,
        )
    if not 1 <= chunk_size <= MAX_CHUNK_SIZE:
        raise _refused(
            "corrupt", f"{name} is damaged: its header gives an impossible chunk size ({chunk_size})", name
        )
    try:
        shared = private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError:
        raise _refused(
            "corrupt", f"{name} is damaged: its header's ephemeral key is not usable", name
        ) from None
    cipher = AESGCM(_derive_key(shared, salt, own_public, ephemeral_public))
    stored = chunk_size + TAG_BYTES
    sealed = _read_up_to(source, stored)
    index = 0
    while True:
        if len(sealed) < TAG_BYTES:
            raise _refused("truncated", f"{name} is cut short: chunk {index} is missing or incomplete", name)
        following = _read_up_to(source, stored) if len(sealed) == stored else b""
        last = not following
        try:
            plain = cipher.decrypt(_nonce(nonce_prefix, index, last), sealed, header)
        except InvalidTag:
            if last and _opens(cipher, _nonce(nonce_prefix, index, False), sealed, header):
                raise _refused(
                    "truncated",
                    f"{name} is cut short: it ends after chunk {index}, which is not the last",
                    name,
                ) from None
            raise _refused(
                "corrupt",
                f"{name} is damaged: chunk {index} fails its integrity check (the file was altered, cut "
                "short or put together from pieces)",
                name,
            ) from None
        target.write(plain)
        if last:
            return
        sealed = following
        index += 1
        if index >= MAX_CHUNKS:
            raise _refused("corrupt", f"{name} is damaged: it has more than {MAX_CHUNKS} chunks", name)


def encrypt_file(
    source: Path, target: Path, recipient_public_key: bytes, *, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> None:
    """Encrypt the file ``source`` to the centre's raw X25519 public key, writing ``target`` (see
    :func:`encrypt_stream`).

    ``target`` is created or replaced, and flushed to the disk (fsync) before this returns: the caller
    gives it a temporary name, renames it, and syncs the folder (:func:`records.durable.sync_folder`). On
    any failure ``target`` is deleted. Raises :class:`InvalidInput` (see :func:`encrypt_stream`, and for
    ``target`` being ``source``: then nothing is touched) or :class:`StorageUnavailable` (a disk or
    permission failure; ``reason`` ``disk_full``, ``read_only`` or ``io_error``).
    """
    _refuse_same_file(source, target)

    def run() -> None:
        with source.open("rb") as reading, target.open("wb") as writing:
            encrypt_stream(reading, writing, recipient_public_key, chunk_size=chunk_size)
            _flush_to_disk(writing)

    _run_or_delete(run, target, f"cannot encrypt {source} to {target}")


def decrypt_file(source: Path, target: Path, private_key: X25519PrivateKey) -> None:
    """Decrypt the encrypted file ``source`` with the centre's private key, writing the plaintext to
    ``target`` (see :func:`decrypt_stream`).

    The contract: when this returns, ``target`` holds the whole plaintext, every chunk checked, flushed to
    the disk (fsync); the caller gives it a temporary name and renames it once it has used or kept it. When
    this raises, ``target`` does not exist (it is created or replaced, then deleted on any failure —
    :class:`BundleRefused` for a file that does not check, :class:`StorageUnavailable` for a disk or
    permission failure, :class:`InvalidInput` when ``target`` is ``source``, the one case where nothing is
    touched).
    """
    _refuse_same_file(source, target)

    def run() -> None:
        with source.open("rb") as reading, target.open("wb") as writing:
            decrypt_stream(reading, writing, private_key, name=str(source))
            _flush_to_disk(writing)

    _run_or_delete(run, target, f"cannot decrypt {source} to {target}")


def is_encrypted(path: Path) -> bool:
    """Whether the file ``path`` starts with the encrypted bundle's magic (``MCENC1``), whatever its format
    byte (:func:`decrypt_file` tells an unknown format). :class:`StorageUnavailable` when it cannot be
    read."""
    found: list[bool] = []

    def look() -> None:
        with path.open("rb") as stream:
            found.append(_read_up_to(stream, len(MAGIC)) == MAGIC)

    guard_storage(look, f"cannot read {path}")
    return found[0]


def _derive_key(shared: bytes, salt: bytes, recipient_public: bytes, ephemeral_public: bytes) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=HKDF_INFO + recipient_public + ephemeral_public
    )
    return hkdf.derive(shared)


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def _opens(cipher: AESGCM, nonce: bytes, sealed: bytes, header: bytes) -> bool:
    try:
        cipher.decrypt(nonce, sealed, header)
    except InvalidTag:
        return False
    return True


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    """``size`` bytes of ``stream``, fewer only at its end (a pipe or a raw file may return less)."""
    data = stream.read(size)
    if len(data) == size or not data:
        return data
    parts = [data]
    missing = size - len(data)
    while missing:
        more = stream.read(missing)
        if not more:
            break
        parts.append(more)
        missing -= len(more)
    return b"".join(parts)


def _refused(reason: str, message: str, name: str) -> BundleRefused:
    return BundleRefused(message, reason=reason, file=name)


def _flush_to_disk(stream: BinaryIO) -> None:
    stream.flush()
    os.fsync(stream.fileno())


def _refuse_same_file(source: Path, target: Path) -> None:
    try:
        same = source.resolve() == target.resolve() or (target.exists() and os.path.samefile(source, target))
    except OSError:
        same = False  # the source cannot be read: opening it reports that
    if same:
        raise InvalidInput(f"cannot write {target} over the file it is made from", value=str(target))


def _run_or_delete(action: Callable[[], None], target: Path, what: str) -> None:
    """Run ``action`` (a disk failure becomes :class:`StorageUnavailable`); on a failure delete ``target``."""
    try:
        guard_storage(action, what)
    except BaseException as failure:
        try:
            target.unlink(missing_ok=True)
        except OSError as exc:
            raise StorageUnavailable(
                f"{failure}; and the incomplete {target} cannot be deleted ({exc.strerror}): "
                "delete it by hand",
                file=str(target),
            ) from failure
        raise


# == the centre's key pair =============================================================================


class CentreKeys:
    """The centre's X25519 key pair, kept in ``folder / centre-x25519.pem`` (PKCS #8 PEM, unencrypted,
    owner-only), made on first use like the installation's keys (:func:`records.keys.load_or_create_key_file`:
    never overwritten, a file that cannot be read is reported and left alone). The workstations encrypt
    their bundles to its public half (:meth:`public_key_text`); nothing touches the disk before a method
    needs it."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()
        self._private: X25519PrivateKey | None = None

    def private_key(self) -> X25519PrivateKey:
        """The private key, for :func:`decrypt_file`."""
        with self._lock:
            if self._private is None:
                self._private = load_or_create_key_file(
                    self.folder, CENTRE_KEY_FILE, _new_x25519_pem, _read_x25519_private
                )
            return self._private

    def public_key(self) -> bytes:
        """The 32 raw bytes of the public key, for :func:`encrypt_file`."""
        return self.private_key().public_key().public_bytes_raw()

    def public_key_text(self) -> str:
        """The public key as text: ``x25519:`` and the standard (padded) base64 of its raw bytes."""
        return x25519_public_key_text(self.public_key())

    def key_id(self) -> int:
        """The key's short identifier (:func:`records.keys.key_id_of`), also in every file encrypted to it."""
        return key_id_of(self.public_key())


def _new_x25519_pem() -> bytes:
    return X25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _read_x25519_private(path: Path, data: bytes) -> X25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        key = None
    if not isinstance(key, X25519PrivateKey):
        raise StorageUnavailable(
            f"the key file {path} is not an unencrypted X25519 private key (PKCS #8 PEM); it was left "
            "untouched: restore it from a backup (a new key could not open the bundles already encrypted "
            "to this centre)",
            file=str(path),
        )
    return key


def x25519_public_key_text(raw: bytes) -> str:
    """``x25519:`` and the standard (padded) base64 of a 32-byte raw X25519 public key."""
    if len(raw) != X25519_KEY_BYTES:
        raise InvalidInput(
            f"an X25519 public key has {X25519_KEY_BYTES} bytes, not {len(raw)}", reason="wrong_length"
        )
    return X25519_PREFIX + base64.b64encode(raw).decode("ascii")


def parse_x25519_text(text: str) -> bytes:
    """The 32 raw bytes of a centre key written as ``x25519:<base64>`` (surrounding spaces and the case of
    the prefix do not matter); :class:`InvalidInput` naming what is wrong otherwise (``reason``
    ``wrong_prefix``, ``bad_base64`` or ``wrong_length``)."""
    cleaned = text.strip()
    if not cleaned.lower().startswith(X25519_PREFIX):
        if cleaned.lower().startswith(_ED25519_PREFIX):
            detail = "it is an Ed25519 signing key (a workstation's), not the centre's X25519 encryption key"
        else:
            detail = "expected 'x25519:' followed by base64"
        raise InvalidInput(
            f"{text!r} is not a centre encryption key: {detail}", value=text, reason="wrong_prefix"
        )
    encoded = cleaned[len(X25519_PREFIX) :]
    try:
        raw = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raw = None
    # Only the one canonical spelling: two texts for the same key would make duplicates hard to see.
    if raw is None or (len(raw) == X25519_KEY_BYTES and base64.b64encode(raw).decode("ascii") != encoded):
        raise InvalidInput(
            f"{text!r} is not a centre encryption key: the part after 'x25519:' is not standard base64",
            value=text,
            reason="bad_base64",
        )
    if len(raw) != X25519_KEY_BYTES:
        raise InvalidInput(
            f"{text!r} is not a centre encryption key: an X25519 key is {X25519_KEY_BYTES} bytes "
            f"(44 base64 characters), this one is {len(raw)} bytes",
            value=text,
            reason="wrong_length",
        )
    return raw

"""records.sync.crypto: the manifest's signature, bundles encrypted to the centre, the centre's key pair."""

from __future__ import annotations

import base64
import io
import os
import stat
import tempfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import given, settings
from hypothesis import strategies as st

from records.errors import BundleRefused, InvalidInput, StorageUnavailable
from records.keys import InstallationKeys, key_id_of
from records.sync.crypto import (
    CENTRE_KEY_FILE,
    DEFAULT_CHUNK_SIZE,
    HEADER_BYTES,
    MAGIC,
    TAG_BYTES,
    CentreKeys,
    decrypt_file,
    decrypt_stream,
    encrypt_file,
    encrypt_stream,
    is_encrypted,
    parse_x25519_text,
    sign_manifest,
    verify_manifest,
    x25519_public_key_text,
)

CHUNK = 32  # a small chunk size: a few bytes make several chunks
CENTRE = X25519PrivateKey.generate()
CENTRE_PUBLIC = CENTRE.public_key().public_bytes_raw()
OTHER_CENTRE = X25519PrivateKey.generate()
PLAIN = bytes(range(256))[: 3 * CHUNK + 5]  # four chunks: three full, the last of 5 bytes
MANIFEST = b'{"members": [{"name": "changes.jsonl", "sha256": "' + b"ab" * 32 + b'"}]}'


def encrypted(plain: bytes, *, chunk_size: int = CHUNK, recipient: bytes = CENTRE_PUBLIC) -> bytes:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(plain), out, recipient, chunk_size=chunk_size)
    return out.getvalue()


def chunks_of(data: bytes, chunk_size: int = CHUNK) -> tuple[bytes, list[bytes]]:
    """The header and the stored chunks of an encrypted file."""
    stored = chunk_size + TAG_BYTES
    body = data[HEADER_BYTES:]
    return data[:HEADER_BYTES], [body[i : i + stored] for i in range(0, len(body), stored)]


def refusal(data: bytes, folder: Path, key: X25519PrivateKey = CENTRE) -> BundleRefused:
    """Decrypting ``data`` is refused, and the target is left absent."""
    source, target = folder / "bundle.enc", folder / "bundle.part"
    source.write_bytes(data)
    with pytest.raises(BundleRefused) as caught:
        decrypt_file(source, target, key)
    assert not target.exists()
    assert caught.value.params["file"] == str(source)
    return caught.value


ENCRYPTED = encrypted(PLAIN)
HEADER, CHUNKS = chunks_of(ENCRYPTED)


# -- signing ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def installation(tmp_path_factory: pytest.TempPathFactory) -> InstallationKeys:
    return InstallationKeys(tmp_path_factory.mktemp("keys"))


def test_a_signed_manifest_verifies(installation: InstallationKeys) -> None:
    signature = sign_manifest(installation, MANIFEST)
    assert len(signature) == 64
    verify_manifest(installation.public_key(), MANIFEST, signature)
    verify_manifest(installation.public_key(), b"", sign_manifest(installation, b""))


def test_a_manifest_signature_is_a_plain_ed25519_signature(installation: InstallationKeys) -> None:
    """Of the manifest's exact bytes: any Ed25519 library checks it."""
    signature = sign_manifest(installation, MANIFEST)
    Ed25519PublicKey.from_public_bytes(installation.public_key()).verify(signature, MANIFEST)
    verify_manifest(installation.public_key(), MANIFEST, installation.sign(MANIFEST))


@settings(max_examples=60)
@given(data=st.data())
def test_a_flipped_byte_in_the_manifest_is_refused(
    installation: InstallationKeys, data: st.DataObject
) -> None:
    signature = sign_manifest(installation, MANIFEST)
    position = data.draw(st.integers(0, len(MANIFEST) - 1))
    mask = data.draw(st.integers(1, 255))
    altered = bytearray(MANIFEST)
    altered[position] ^= mask
    with pytest.raises(BundleRefused) as caught:
        verify_manifest(installation.public_key(), bytes(altered), signature)
    assert caught.value.params["reason"] == "bad_signature"
    assert "does not match its signature" in str(caught.value)
    assert caught.value.params["key_id"] == f"{installation.key_id():08x}"


@settings(max_examples=60)
@given(position=st.integers(0, 63), mask=st.integers(1, 255))
def test_a_flipped_byte_in_the_signature_is_refused(
    installation: InstallationKeys, position: int, mask: int
) -> None:
    signature = bytearray(sign_manifest(installation, MANIFEST))
    signature[position] ^= mask
    with pytest.raises(BundleRefused) as caught:
        verify_manifest(installation.public_key(), MANIFEST, bytes(signature))
    assert caught.value.params["reason"] == "bad_signature"


def test_another_workstations_key_is_refused(installation: InstallationKeys) -> None:
    other = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
    with pytest.raises(BundleRefused) as caught:
        verify_manifest(other, MANIFEST, sign_manifest(installation, MANIFEST))
    assert caught.value.params["reason"] == "bad_signature"
    assert f"{key_id_of(other):08x}" in str(caught.value)


@pytest.mark.parametrize("size", [0, 63, 65])
def test_a_signature_of_the_wrong_size_is_refused(installation: InstallationKeys, size: int) -> None:
    with pytest.raises(BundleRefused) as caught:
        verify_manifest(installation.public_key(), MANIFEST, b"s" * size)
    assert caught.value.params["reason"] == "bad_signature"
    assert f"{size} bytes" in str(caught.value)


def test_a_public_key_of_the_wrong_size_is_invalid_input(installation: InstallationKeys) -> None:
    with pytest.raises(InvalidInput):
        verify_manifest(b"k" * 31, MANIFEST, sign_manifest(installation, MANIFEST))


# -- encryption: round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "chunks"),
    [(0, 1), (1, 1), (CHUNK - 1, 1), (CHUNK, 1), (CHUNK + 1, 2), (2 * CHUNK, 2), (3 * CHUNK + 5, 4)],
    ids=[
        "empty",
        "one-byte",
        "small",
        "exactly-one-chunk",
        "one-chunk-and-a-byte",
        "two-chunks",
        "four-chunks",
    ],
)
def test_files_round_trip(tmp_path: Path, size: int, chunks: int) -> None:
    plain = os.urandom(size)
    source, sealed, opened = tmp_path / "bundle.zip", tmp_path / "bundle.enc", tmp_path / "bundle.out"
    source.write_bytes(plain)
    encrypt_file(source, sealed, CENTRE_PUBLIC, chunk_size=CHUNK)
    data = sealed.read_bytes()
    assert len(data) == HEADER_BYTES + size + chunks * TAG_BYTES  # the size is all that shows
    assert data.startswith(MAGIC)
    assert is_encrypted(sealed)
    assert not is_encrypted(source) or plain.startswith(MAGIC)
    decrypt_file(sealed, opened, CENTRE)
    assert opened.read_bytes() == plain


def test_the_default_chunk_size_round_trips_a_larger_file(tmp_path: Path) -> None:
    plain = os.urandom(3 * DEFAULT_CHUNK_SIZE + 1234)
    source, sealed, opened = tmp_path / "bundle.zip", tmp_path / "bundle.enc", tmp_path / "bundle.out"
    source.write_bytes(plain)
    encrypt_file(source, sealed, CENTRE_PUBLIC)
    assert sealed.stat().st_size == HEADER_BYTES + len(plain) + 4 * TAG_BYTES
    decrypt_file(sealed, opened, CENTRE)
    assert opened.read_bytes() == plain


@settings(max_examples=80)
@given(plain=st.binary(max_size=300), chunk_size=st.integers(1, 70))
def test_streams_round_trip(plain: bytes, chunk_size: int) -> None:
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(encrypted(plain, chunk_size=chunk_size)), out, CENTRE)
    assert out.getvalue() == plain


class Trickle(io.BytesIO):
    """A stream that hands out at most 5 bytes a read, as a pipe may."""

    def read(self, size: int | None = -1) -> bytes:
        return super().read(5 if size is None or size < 0 else min(size, 5))


def test_short_reads_are_completed() -> None:
    sealed = io.BytesIO()
    encrypt_stream(Trickle(PLAIN), sealed, CENTRE_PUBLIC, chunk_size=CHUNK)
    assert sealed.getvalue()[HEADER_BYTES - 4 : HEADER_BYTES] == CHUNK.to_bytes(4, "big")
    out = io.BytesIO()
    decrypt_stream(Trickle(sealed.getvalue()), out, CENTRE)
    assert out.getvalue() == PLAIN


def test_nothing_readable_is_left_and_each_file_is_different() -> None:
    plain = b"Nguyen Van A, 001203004567, Xa Tan Lap " * 20
    one, two = encrypted(plain), encrypted(plain)
    assert b"Nguyen" not in one
    assert one != two
    assert one[HEADER_BYTES:] != two[HEADER_BYTES:]


def test_the_format_is_as_documented() -> None:
    """Decrypted here from the module's description alone, with the primitives: the format is fixed."""
    data = encrypted(PLAIN)
    assert data[:7] == b"MCENC1\n"
    assert data[7] == 1
    assert int.from_bytes(data[8:12], "big") == key_id_of(CENTRE_PUBLIC)
    ephemeral, salt, prefix = data[12:44], data[44:60], data[60:67]
    assert int.from_bytes(data[67:71], "big") == CHUNK
    header = data[:71]
    shared = CENTRE.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"motcua-bundle-v1" + CENTRE_PUBLIC + ephemeral
    ).derive(shared)
    stored = data[71:]
    pieces = [stored[i : i + CHUNK + 16] for i in range(0, len(stored), CHUNK + 16)]
    plain = b""
    for index, piece in enumerate(pieces):
        flag = b"\x01" if index == len(pieces) - 1 else b"\x00"
        plain += AESGCM(key).decrypt(prefix + index.to_bytes(4, "big") + flag, piece, header)
    assert plain == PLAIN


# -- encryption: what is refused -------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(cut=st.integers(0, len(ENCRYPTED) - 1))
def test_a_file_cut_anywhere_is_refused(cut: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        refused = refusal(ENCRYPTED[:cut], Path(folder))
    boundaries = {HEADER_BYTES + i * (CHUNK + TAG_BYTES) for i in range(len(CHUNKS))}
    if cut == 0:
        assert refused.params["reason"] == "not_encrypted"
    elif cut in boundaries or cut < HEADER_BYTES:
        assert refused.params["reason"] == "truncated", str(refused)
    else:
        assert refused.params["reason"] in {"truncated", "corrupt"}


@settings(max_examples=150, deadline=None)
@given(position=st.integers(0, len(ENCRYPTED) - 1), mask=st.integers(1, 255))
def test_a_flipped_byte_anywhere_is_refused(position: int, mask: int) -> None:
    altered = bytearray(ENCRYPTED)
    altered[position] ^= mask
    with tempfile.TemporaryDirectory() as folder:
        refused = refusal(bytes(altered), Path(folder))
    expected = (
        {"not_encrypted"}
        if position < len(MAGIC)
        else {"unknown_format"}
        if position == len(MAGIC)
        else {"not_encrypted_for_us"}
        if position < 12
        else {"corrupt"}
    )
    assert refused.params["reason"] in expected, str(refused)


@pytest.mark.parametrize(
    "pieces",
    [
        pytest.param([1, 0, 2, 3], id="first-two-swapped"),
        pytest.param([0, 2, 1, 3], id="middle-swapped"),
        pytest.param([0, 1, 3], id="middle-chunk-dropped"),
        pytest.param([0, 1, 1, 2, 3], id="chunk-repeated"),
        pytest.param([1, 2, 3], id="first-chunk-dropped"),
        pytest.param([0, 1, 2, 3, 3], id="last-chunk-repeated"),
    ],
)
def test_chunks_moved_dropped_or_repeated_are_refused(tmp_path: Path, pieces: list[int]) -> None:
    refused = refusal(HEADER + b"".join(CHUNKS[i] for i in pieces), tmp_path)
    assert refused.params["reason"] == "corrupt"
    assert "integrity check" in str(refused)


def test_the_last_chunk_dropped_is_refused_as_truncated(tmp_path: Path) -> None:
    refused = refusal(HEADER + b"".join(CHUNKS[:-1]), tmp_path)
    assert refused.params["reason"] == "truncated"
    assert "cut short" in str(refused)


def test_a_file_ending_after_its_header_is_refused_as_truncated(tmp_path: Path) -> None:
    assert refusal(HEADER, tmp_path).params["reason"] == "truncated"


def test_bytes_appended_are_refused(tmp_path: Path) -> None:
    whole = encrypted(b"x" * (2 * CHUNK))  # the last chunk is full: the extra bytes make a chunk of their own
    assert refusal(whole + b"\x00" * 20, tmp_path).params["reason"] == "corrupt"
    assert refusal(ENCRYPTED + b"\x00", tmp_path).params["reason"] == "corrupt"


def test_a_header_from_another_file_is_refused(tmp_path: Path) -> None:
    other_header, _ = chunks_of(encrypted(PLAIN))
    assert refusal(other_header + b"".join(CHUNKS), tmp_path).params["reason"] == "corrupt"


def test_a_file_encrypted_to_another_centre_is_refused(tmp_path: Path) -> None:
    theirs = encrypted(PLAIN, recipient=OTHER_CENTRE.public_key().public_bytes_raw())
    refused = refusal(theirs, tmp_path)
    assert refused.params["reason"] == "not_encrypted_for_us"
    assert f"{key_id_of(CENTRE_PUBLIC):08x}" in str(refused)
    # The key id only names the key: with it forged to ours, the file still does not open.
    forged = theirs[:8] + key_id_of(CENTRE_PUBLIC).to_bytes(4, "big") + theirs[12:]
    assert refusal(forged, tmp_path).params["reason"] == "corrupt"


@pytest.mark.parametrize(
    "data", [b"", b"PK\x03\x04 a zip file", b"MCENX1\n" + bytes(100), MAGIC.lower()], ids=repr
)
def test_a_file_that_is_not_encrypted_is_refused(tmp_path: Path, data: bytes) -> None:
    refused = refusal(data, tmp_path)
    assert refused.params["reason"] == "not_encrypted"
    assert "not an encrypted bundle" in str(refused)
    assert not is_encrypted(tmp_path / "bundle.enc")


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    newer = ENCRYPTED[:7] + b"\x02" + ENCRYPTED[8:]
    refused = refusal(newer, tmp_path)
    assert refused.params["reason"] == "unknown_format"
    assert "format 2" in str(refused)
    assert is_encrypted(tmp_path / "bundle.enc")


@pytest.mark.parametrize("chunk_size", [0, 16 * 1024 * 1024 + 1, 2**32 - 1])
def test_an_impossible_chunk_size_is_refused(tmp_path: Path, chunk_size: int) -> None:
    altered = ENCRYPTED[: HEADER_BYTES - 4] + chunk_size.to_bytes(4, "big") + ENCRYPTED[HEADER_BYTES:]
    assert refusal(altered, tmp_path).params["reason"] == "corrupt"


def test_a_refused_file_leaves_no_target_even_one_that_existed(tmp_path: Path) -> None:
    (tmp_path / "bundle.part").write_bytes(b"an earlier attempt")
    refusal(HEADER + b"".join(CHUNKS[:-1]), tmp_path)


def test_a_missing_source_is_a_storage_error_and_leaves_no_target(tmp_path: Path) -> None:
    target = tmp_path / "bundle.part"
    with pytest.raises(StorageUnavailable):
        decrypt_file(tmp_path / "missing.enc", target, CENTRE)
    assert not target.exists()
    with pytest.raises(StorageUnavailable):
        encrypt_file(tmp_path / "missing.zip", target, CENTRE_PUBLIC)
    assert not target.exists()
    with pytest.raises(StorageUnavailable):
        is_encrypted(tmp_path / "missing.enc")


def test_a_file_is_never_written_over_itself(tmp_path: Path) -> None:
    path = tmp_path / "bundle.enc"
    path.write_bytes(ENCRYPTED)
    with pytest.raises(InvalidInput):
        decrypt_file(path, path, CENTRE)
    with pytest.raises(InvalidInput):
        encrypt_file(path, tmp_path / "." / "bundle.enc", CENTRE_PUBLIC)
    assert path.read_bytes() == ENCRYPTED


@pytest.mark.parametrize(
    ("key", "chunk_size", "reason"),
    [
        (b"k" * 31, CHUNK, "wrong_length"),
        (bytes(32), CHUNK, "weak_key"),  # a low-order point: the shared secret would be zero
        (CENTRE_PUBLIC, 0, None),
        (CENTRE_PUBLIC, 16 * 1024 * 1024 + 1, None),
    ],
)
def test_encrypting_with_a_bad_key_or_chunk_size_is_refused_and_leaves_no_target(
    tmp_path: Path, key: bytes, chunk_size: int, reason: str | None
) -> None:
    source, target = tmp_path / "bundle.zip", tmp_path / "bundle.enc"
    source.write_bytes(PLAIN)
    with pytest.raises(InvalidInput) as caught:
        encrypt_file(source, target, key, chunk_size=chunk_size)
    assert caught.value.params.get("reason") == reason
    assert not target.exists()


# -- the centre's keys -----------------------------------------------------------------------------------


def test_the_centre_key_is_made_once_and_reused(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "keys"
    keys = CentreKeys(folder)
    assert not folder.exists()  # nothing before it is needed
    text = keys.public_key_text()
    assert text.startswith("x25519:")
    assert [p.name for p in folder.iterdir()] == [CENTRE_KEY_FILE]
    pem = (folder / CENTRE_KEY_FILE).read_bytes()
    assert pem.startswith(b"-----BEGIN PRIVATE KEY-----")

    again = CentreKeys(folder)  # the next start of the application
    assert again.public_key_text() == text
    assert again.key_id() == key_id_of(keys.public_key())
    assert (folder / CENTRE_KEY_FILE).read_bytes() == pem
    assert parse_x25519_text(text) == again.public_key()
    assert CentreKeys(tmp_path / "elsewhere").public_key() != keys.public_key()

    source, sealed, opened = tmp_path / "b.zip", tmp_path / "b.enc", tmp_path / "b.out"
    source.write_bytes(PLAIN)
    encrypt_file(source, sealed, parse_x25519_text(text))
    decrypt_file(sealed, opened, again.private_key())
    assert opened.read_bytes() == PLAIN


def test_the_centre_key_shares_the_folder_with_the_installation_key(tmp_path: Path) -> None:
    InstallationKeys(tmp_path).sign(b"x")
    CentreKeys(tmp_path).public_key()
    assert len(list(tmp_path.iterdir())) == 2


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_centre_key_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        CentreKeys(tmp_path / "keys").public_key()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "keys" / CENTRE_KEY_FILE).stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "content",
    [
        b"not a key",
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),  # the installation's kind of key, not the centre's
    ],
)
def test_an_unreadable_centre_key_is_reported_and_left_alone(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / CENTRE_KEY_FILE
    path.write_bytes(content)
    with pytest.raises(StorageUnavailable) as caught:
        CentreKeys(tmp_path).private_key()
    assert str(path) in str(caught.value)
    assert "untouched" in str(caught.value)
    assert path.read_bytes() == content


def test_key_text_round_trips() -> None:
    raw = CENTRE_PUBLIC
    text = x25519_public_key_text(raw)
    assert text == "x25519:" + base64.b64encode(raw).decode("ascii")
    assert parse_x25519_text(text) == raw
    assert parse_x25519_text(f"  {text}\n") == raw
    assert parse_x25519_text("X25519:" + text[7:]) == raw


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


FIXED_KEY = b"\xfb\xef\xbe" * 10 + b"\xff\xfe"  # its base64 has '+' and '/' and ends in '4='
FIXED_TEXT = _b64(FIXED_KEY)


@pytest.mark.parametrize(
    ("text", "reason", "words"),
    [
        ("", "wrong_prefix", "expected 'x25519:'"),
        (FIXED_TEXT, "wrong_prefix", "expected 'x25519:'"),
        ("x448:" + FIXED_TEXT, "wrong_prefix", "expected 'x25519:'"),
        ("ed25519:" + FIXED_TEXT, "wrong_prefix", "Ed25519 signing key"),
        ("x25519:", "wrong_length", "0 bytes"),
        ("x25519:not base64!", "bad_base64", "not standard base64"),
        ("x25519: " + FIXED_TEXT, "bad_base64", "not standard base64"),
        ("x25519:" + FIXED_TEXT.rstrip("="), "bad_base64", "not standard base64"),  # no padding
        ("x25519:" + FIXED_TEXT[:-2] + "5=", "bad_base64", "not standard base64"),  # '4' with a stray bit
        ("x25519:" + FIXED_TEXT.replace("+", "-").replace("/", "_"), "bad_base64", "not standard base64"),
        ("x25519:" + _b64(FIXED_KEY[:31]), "wrong_length", "31 bytes"),
        ("x25519:" + _b64(FIXED_KEY + b"\x00"), "wrong_length", "33 bytes"),
    ],
)
def test_malformed_key_text_is_refused(text: str, reason: str, words: str) -> None:
    assert parse_x25519_text("x25519:" + FIXED_TEXT) == FIXED_KEY
    assert base64.b64decode(FIXED_TEXT[:-2] + "5=") == FIXED_KEY  # the same key, spelt another way
    with pytest.raises(InvalidInput) as caught:
        parse_x25519_text(text)
    assert caught.value.params["reason"] == reason
    assert words in str(caught.value)
    assert caught.value.params["value"] == text


def test_key_text_of_the_wrong_size_is_refused() -> None:
    with pytest.raises(InvalidInput):
        x25519_public_key_text(b"k" * 33)

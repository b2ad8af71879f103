"""records.keys: the installation's signing key and ID salt, made once in the key folder and kept."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

import records.keys
from records.errors import StorageUnavailable
from records.keys import (
    ID_SALT_FILE,
    PRIVATE_KEY_FILE,
    InstallationKeys,
    format_key_id,
    key_id_of,
    parse_public_key_text,
)


def test_nothing_touches_the_disk_before_it_is_needed(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    InstallationKeys(folder)
    assert not folder.exists()


def test_made_on_first_use_and_reused(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "keys"
    keys = InstallationKeys(folder)
    signature = keys.sign(b"receipt")
    assert sorted(p.name for p in folder.iterdir()) == [PRIVATE_KEY_FILE]  # the salt waits until needed
    salt = keys.id_salt()
    assert len(salt) == 32
    assert sorted(p.name for p in folder.iterdir()) == sorted([PRIVATE_KEY_FILE, ID_SALT_FILE])
    pem = (folder / PRIVATE_KEY_FILE).read_bytes()
    assert pem.startswith(b"-----BEGIN PRIVATE KEY-----")  # PKCS #8, unencrypted

    again = InstallationKeys(folder)  # the next start of the application
    assert again.public_key() == keys.public_key()
    assert again.id_salt() == salt
    assert (folder / PRIVATE_KEY_FILE).read_bytes() == pem
    Ed25519PublicKey.from_public_bytes(again.public_key()).verify(signature, b"receipt")

    text = again.public_key_text()
    assert text.startswith("ed25519:")
    assert parse_public_key_text(text) == keys.public_key()
    assert again.key_id() == key_id_of(keys.public_key())
    assert len(format_key_id(again.key_id())) == 8


def test_each_installation_has_its_own_keys(tmp_path: Path) -> None:
    one, two = InstallationKeys(tmp_path / "a"), InstallationKeys(tmp_path / "b")
    assert one.public_key() != two.public_key()
    assert one.id_salt() != two.id_salt()


def test_threads_starting_together_end_with_one_key(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    count = 8
    start = threading.Barrier(count)
    results: list[tuple[bytes, bytes]] = []
    errors: list[BaseException] = []

    def use() -> None:
        keys = InstallationKeys(folder)
        start.wait()
        try:
            results.append((keys.public_key(), keys.id_salt()))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=use) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results)) == 1
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [PRIVATE_KEY_FILE, ID_SALT_FILE]
    )  # no temp files
    assert InstallationKeys(folder).public_key() == results[0][0]


def test_processes_starting_together_end_with_one_key(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    script = (
        "import sys; from pathlib import Path; from records.keys import InstallationKeys; "
        "k = InstallationKeys(Path(sys.argv[1])); print(k.public_key_text(), k.id_salt().hex())"
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", script, str(folder)], stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outputs = [process.communicate(timeout=60)[0] for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0, 0]
    assert len(set(outputs)) == 1
    assert outputs[0].split()[0] == InstallationKeys(folder).public_key_text()
    assert sorted(p.name for p in folder.iterdir()) == sorted([PRIVATE_KEY_FILE, ID_SALT_FILE])


def test_the_loser_of_a_race_reads_the_winners_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process writes the key between our look and our link: ours is dropped, theirs used."""
    folder = tmp_path / "keys"
    theirs = Ed25519PrivateKey.generate()
    their_pem = theirs.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    real_link = os.link

    def link_after_them(source: Path, target: Path) -> None:
        if Path(target).name == PRIVATE_KEY_FILE and not Path(target).exists():
            Path(target).write_bytes(their_pem)
        real_link(source, target)

    monkeypatch.setattr(records.keys.os, "link", link_after_them)
    keys = InstallationKeys(folder)
    assert keys.public_key() == theirs.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    assert (folder / PRIVATE_KEY_FILE).read_bytes() == their_pem
    assert [p.name for p in folder.iterdir()] == [PRIVATE_KEY_FILE]  # our temporary file is gone


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a key",
        b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        generate_private_key(SECP256R1()).private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),  # a key, but not an Ed25519 one
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"secret"),
        ),  # encrypted: nobody is there to type the password
    ],
)
def test_an_unreadable_private_key_is_reported_and_left_alone(tmp_path: Path, content: bytes) -> None:
    folder = tmp_path / "keys"
    folder.mkdir()
    path = folder / PRIVATE_KEY_FILE
    path.write_bytes(content)
    with pytest.raises(StorageUnavailable) as caught:
        InstallationKeys(folder).sign(b"x")
    assert str(path) in str(caught.value)
    assert "untouched" in str(caught.value)
    assert path.read_bytes() == content
    assert [p.name for p in folder.iterdir()] == [PRIVATE_KEY_FILE]


@pytest.mark.parametrize("size", [0, 16, 31, 33, 64])
def test_a_salt_of_the_wrong_size_is_reported_and_left_alone(tmp_path: Path, size: int) -> None:
    folder = tmp_path / "keys"
    folder.mkdir()
    path = folder / ID_SALT_FILE
    path.write_bytes(b"s" * size)
    with pytest.raises(StorageUnavailable) as caught:
        InstallationKeys(folder).id_salt()
    assert str(path) in str(caught.value)
    assert path.read_bytes() == b"s" * size


def test_a_folder_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    with pytest.raises(StorageUnavailable) as caught:
        InstallationKeys(blocker / "keys").public_key()
    assert str(blocker / "keys") in str(caught.value)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_key_files_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a usual umask: files would otherwise be world-readable
    try:
        keys = InstallationKeys(tmp_path / "keys")
        keys.sign(b"x")
        keys.id_salt()
    finally:
        os.umask(old)
    for name in (PRIVATE_KEY_FILE, ID_SALT_FILE):
        assert stat.S_IMODE((tmp_path / "keys" / name).stat().st_mode) == 0o600, name

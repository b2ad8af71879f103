"""First-page thumbnails of stored documents: rendered once, kept by hash, and never a reason to fail."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ui.thumbnails import WIDTH, Thumbnails

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from integration.documents import pdf_bytes

SHA = "ab" + "0" * 62


@pytest.fixture
def store(tmp_path: Path) -> tuple[Thumbnails, Path]:
    objects = tmp_path / "objects"
    objects.mkdir()
    return Thumbnails(tmp_path / "cache", lambda sha: (objects / sha).read_bytes()), objects


def test_a_thumbnail_is_the_first_page_made_once_and_kept(
    qapp: object, store: tuple[Thumbnails, Path]
) -> None:
    thumbnails, objects = store
    (objects / SHA).write_bytes(pdf_bytes(3))
    image = thumbnails.image(SHA)
    assert image is not None and image.width() == WIDTH
    assert 1.35 < image.height() / image.width() < 1.48  # an A4 page, upright
    kept = thumbnails.path(SHA)
    assert kept.is_file() and kept.parent.name == "ab"
    (objects / SHA).unlink()  # from now on the cache alone answers
    again = thumbnails.image(SHA)
    assert again is not None and again.size() == image.size()


def test_a_missing_or_unreadable_document_has_no_thumbnail(
    qapp: object, store: tuple[Thumbnails, Path]
) -> None:
    thumbnails, objects = store
    assert thumbnails.image(SHA) is None
    (objects / SHA).write_bytes(b"%PDF-1.7 this is not a PDF")
    assert thumbnails.image(SHA) is None
    assert not thumbnails.path(SHA).exists()


def test_a_damaged_cache_entry_is_made_again(qapp: object, store: tuple[Thumbnails, Path]) -> None:
    thumbnails, objects = store
    (objects / SHA).write_bytes(pdf_bytes(1))
    kept = thumbnails.path(SHA)
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"not a png")
    image = thumbnails.image(SHA)
    assert image is not None and QImage(str(kept)).width() == WIDTH


def test_an_encrypted_store_keeps_its_thumbnails_sealed(qapp: object, tmp_path: Path) -> None:
    from records.encryption import StoreKey, is_sealed

    key = StoreKey.generate()
    objects = tmp_path / "objects"
    objects.mkdir()
    (objects / SHA).write_bytes(key.seal(pdf_bytes(2)))
    thumbnails = Thumbnails(tmp_path / "cache", lambda sha: key.open((objects / sha).read_bytes()), key)
    image = thumbnails.image(SHA)
    assert image is not None and image.width() == WIDTH
    kept = thumbnails.path(SHA).read_bytes()
    assert is_sealed(kept) and b"PNG" not in kept[:64]  # nothing readable in the cache
    (objects / SHA).unlink()
    again = thumbnails.image(SHA)  # the sealed cache answers
    assert again is not None and again.size() == image.size()
    other = Thumbnails(tmp_path / "cache", lambda sha: b"", StoreKey.generate())
    assert other.image(SHA) is None  # another key opens nothing


def test_a_cache_that_cannot_be_written_still_gives_the_thumbnail(
    qapp: object, tmp_path: Path, store: tuple[Thumbnails, Path]
) -> None:
    _thumbnails, objects = store
    (objects / SHA).write_bytes(pdf_bytes(1))
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache folder cannot be made here", encoding="utf-8")
    thumbnails = Thumbnails(blocker / "cache", lambda sha: (objects / sha).read_bytes())
    image = thumbnails.image(SHA)
    assert image is not None and image.width() == WIDTH

"""First-page thumbnails of stored documents, cached on disk by the document's SHA-256.

A stored object never changes, so a thumbnail made once is good for ever: it is kept as a PNG under the data
folder's ``cache/thumbnails/ab/<sha256>.png`` and only rendered (QtPdf, in the background pool) when it is
not there. The cache is only a convenience: a thumbnail that cannot be written (a full or read-only disk)
is rendered again next time, one that cannot be read is made again, and deleting the folder loses nothing.
A document that does not render (missing or damaged: ``motcua attachments verify`` says which) has no
thumbnail; the viewer, which checks the hash, is where the clerk learns why.

Thumbnails are small (:data:`WIDTH` pixels wide): enough to recognise a paper, not to read it. In an
encrypted store (``records.encryption``) the document is decrypted in memory to render it and the cached
PNG is sealed with the store key like the documents themselves: nothing readable is left in the cache.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from records.errors import StorageUnavailable

if TYPE_CHECKING:
    from records.encryption import StoreKey

WIDTH = 160  # pixels: an A4 page becomes 160 x 226


class Thumbnails:
    """Make and keep first-page thumbnails; :meth:`image` runs in the background pool."""

    def __init__(
        self, folder: Path, read_object: Callable[[str], bytes], key: StoreKey | None = None
    ) -> None:
        self.folder = folder
        self._read_object = read_object  # the stored document's checked bytes (ObjectStore.read)
        self._key = key

    def path(self, sha256: str) -> Path:
        """Where the thumbnail of the object ``sha256`` is kept."""
        return self.folder / sha256[:2] / f"{sha256}.png"

    def image(self, sha256: str) -> QImage | None:
        """The thumbnail of the stored document ``sha256`` (made and kept if need be); None when the
        document cannot be rendered. Not on the UI thread: it reads and may render."""
        cached = self.path(sha256)
        image = self._cached(cached)
        if image is not None:
            return image
        try:
            data = self._read_object(sha256)
        except (StorageUnavailable, OSError, ValueError):
            return None
        image = render_first_page(data, WIDTH)
        if image is not None:
            self._keep(cached, image)
        return image

    def _cached(self, path: Path) -> QImage | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if self._key is not None:
            from cryptography.exceptions import InvalidTag

            try:
                data = self._key.open(data)
            except InvalidTag:
                return None
        image = QImage.fromData(data, "PNG")
        return None if image.isNull() else image

    def _keep(self, target: Path, image: QImage) -> None:
        raw = QByteArray()
        buffer = QBuffer(raw)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            return
        buffer.close()
        data = bytes(raw.data())
        if self._key is not None:
            data = self._key.seal(data)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, target)
            finally:
                Path(temporary).unlink(missing_ok=True)
        except OSError:
            pass  # a cache: rendered again next time


def render_first_page(pdf: bytes, width: int) -> QImage | None:
    """The first page of the PDF ``pdf`` (its bytes) rendered ``width`` pixels wide, or None when it does
    not load or has no page."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    document = QPdfDocument(None)
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            return None
        size = document.pagePointSize(0)
        if size.width() <= 0 or size.height() <= 0:
            return None
        height = max(1, round(width * size.height() / size.width()))
        image = document.render(0, QSize(width, height))
        return None if image.isNull() else image
    finally:
        document.close()
        buffer.close()

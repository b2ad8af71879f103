"""First-page thumbnails of stored documents, cached on disk by the document's SHA-256.

A stored object never changes, so a thumbnail made once is good for ever: it is kept as a PNG under the data
folder's ``cache/thumbnails/ab/<sha256>.png`` and only rendered (QtPdf, in the background pool) when it is
not there. The cache is only a convenience: a thumbnail that cannot be written (a full or read-only disk)
is rendered again next time, one that cannot be read is made again, and deleting the folder loses nothing.
A document that does not render (missing or damaged: ``motcua attachments verify`` says which) has no
thumbnail; the viewer, which checks the hash, is where the clerk learns why.

Thumbnails are small (:data:`WIDTH` pixels wide): enough to recognise a paper, not to read it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

WIDTH = 160  # pixels: an A4 page becomes 160 x 226


class Thumbnails:
    """Make and keep first-page thumbnails; :meth:`image` runs in the background pool."""

    def __init__(self, folder: Path, object_path: Callable[[str], Path]) -> None:
        self.folder = folder
        self._object_path = object_path

    def path(self, sha256: str) -> Path:
        """Where the thumbnail of the object ``sha256`` is kept."""
        return self.folder / sha256[:2] / f"{sha256}.png"

    def image(self, sha256: str) -> QImage | None:
        """The thumbnail of the stored document ``sha256`` (made and kept if need be); None when the
        document cannot be rendered. Not on the UI thread: it reads and may render."""
        cached = self.path(sha256)
        if cached.is_file():
            image = QImage(str(cached))
            if not image.isNull():
                return image
        image = render_first_page(self._object_path(sha256), WIDTH)
        if image is not None:
            self._keep(cached, image)
        return image

    def _keep(self, target: Path, image: QImage) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            os.close(handle)
            try:
                if image.save(temporary, "PNG"):
                    os.replace(temporary, target)
            finally:
                Path(temporary).unlink(missing_ok=True)
        except OSError:
            pass  # a cache: rendered again next time


def render_first_page(pdf: Path, width: int) -> QImage | None:
    """The first page of the PDF file ``pdf`` rendered ``width`` pixels wide, or None when it does not
    load or has no page."""
    if not pdf.is_file():
        return None
    document = QPdfDocument(None)
    try:
        if document.load(str(pdf)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            return None
        size = document.pagePointSize(0)
        if size.width() <= 0 or size.height() <= 0:
            return None
        height = max(1, round(width * size.height() / size.width()))
        image = document.render(0, QSize(width, height))
        return None if image.isNull() else image
    finally:
        document.close()

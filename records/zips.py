"""Reading zip files that come from outside (sync bundles, backups): every way Python's ``zipfile`` can
fail on a damaged or hostile file, in one place."""

from __future__ import annotations

import zipfile
import zlib

# A broken CRC or header (BadZipFile, ValueError), a broken deflate stream (zlib.error), a file cut short
# (EOFError, OSError), a compression method or zip version this Python does not read (NotImplementedError),
# an encrypted member (RuntimeError: "password required").
ZIP_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)

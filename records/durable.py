"""Making a new file name survive a power cut: after the rename (or link) that shows a file, its folder is
synced too, on POSIX systems; Windows has no folder handles to sync and needs none."""

from __future__ import annotations

import os
from pathlib import Path


def sync_folder(folder: Path) -> None:
    """Flush ``folder``'s entries (a name just made in it) to the disk."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

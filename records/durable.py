"""Making files survive a power cut: after the rename (or link) that shows a file, its folder is synced too,
on POSIX systems (Windows has no folder handles to sync and needs none); an SQLite database copied whole
and consistent while it is in use."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from records.encryption import StoreKey


def sync_folder(folder: Path) -> None:
    """Flush ``folder``'s entries (a name just made in it) to the disk."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def online_copy(source: Path, target: Path, key: StoreKey | None = None) -> None:
    """A consistent copy of the SQLite database ``source`` into ``target`` through SQLite's online backup
    API: safe while others read and write it (WAL included). With ``key``, both are SQLCipher files
    encrypted with it (the pages are copied encrypted)."""
    from records.encryption import connect

    src = connect(source, key)
    try:
        dest = connect(target, key)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()

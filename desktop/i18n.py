"""Translations: Vietnamese is the UI's source language; English comes from Qt Linguist files.

``resources/i18n/motcua_<lang>.ts`` is committed; the ``.qm`` the translator loads is built from it with
``pyside6-lrelease`` (shipped with PySide6, on every platform) into the data folder's cache the first time
it is needed, and again whenever the ``.ts`` is newer.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import resources


def _lrelease() -> list[str] | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    scripts = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (scripts / name).exists():
            return [str(scripts / name)]
    return None


def compiled_translation(language: str, data_dir: Path) -> Path | None:
    """The ``.qm`` file for ``language``, built if needed; ``None`` when there is none to be had."""
    source = Path(str(resources.path("i18n", f"motcua_{language}.ts")))
    if not source.is_file():
        return None
    shipped = source.with_suffix(".qm")
    if shipped.is_file() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    target = data_dir / "cache" / "i18n" / f"motcua_{language}.qm"
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    tool = _lrelease()
    if tool is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([*tool, str(source), "-qm", str(target)], capture_output=True, check=False)
    return target if result.returncode == 0 and target.is_file() else None

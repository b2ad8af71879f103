"""Translations: Vietnamese is the UI's source language; English comes from Qt Linguist files.

``resources/i18n/motcua_<lang>.ts`` is committed; the ``.qm`` the translator loads is built from it with
``pyside6-lrelease`` (shipped with PySide6, on every platform) into the data folder's cache the first time
it is needed, and again whenever the ``.ts`` is newer.

To refresh the ``.ts`` after changing UI texts (from the repository root; then translate the new entries
in Qt Linguist or by editing the XML, and drop their ``type="unfinished"``)::

    pyside6-lupdate ui/*.py desktop/*.py -source-language vi_VN -target-language en_GB \\
        -locations relative -no-obsolete -ts resources/i18n/motcua_en.ts

Texts are marked with ``self.tr(...)`` in ``QObject`` subclasses (context: the class name),
``QCoreApplication.translate(context, ...)`` elsewhere, and ``QT_TRANSLATE_NOOP(context, ...)`` for tables
translated later (``ui/labels.py``); ``lupdate`` does not see texts passed through other helpers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

import resources

SOURCE_LANGUAGE = "vi"
LANGUAGE_VARIABLE = "MOTCUA_LANG"


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
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [*tool, "-silent", str(source), "-qm", str(target)],
            capture_output=True,
            check=False,
            timeout=60,
            # no console window flashing up over the application on Windows
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return target if result.returncode == 0 and target.is_file() else None


def chosen_language(preferred: str | None = None) -> str:
    """The UI language: ``MOTCUA_LANG`` (``en``, ``en_GB``, ``vi``…) when set, else ``preferred`` (the
    workstation's preference, chosen in the settings), else Vietnamese.

    The system locale is deliberately not followed: counters often run an English Windows, and the
    counter's language is Vietnamese."""
    value = os.environ.get(LANGUAGE_VARIABLE, "").strip() or (preferred or "")
    value = value.lower().replace("-", "_")
    return value.split("_", 1)[0] or SOURCE_LANGUAGE


def install(app: QCoreApplication, data_dir: Path, language: str | None = None) -> QTranslator | None:
    """Install the translator for ``language`` (default :func:`chosen_language`) on ``app``.

    Returns the installed translator, or ``None`` for Vietnamese or when no translation is available
    (the UI then stays in Vietnamese)."""
    language = language or chosen_language()
    if language == SOURCE_LANGUAGE:
        return None
    qm = compiled_translation(language, data_dir)
    if qm is None:
        return None
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        return None
    app.installTranslator(translator)
    return translator

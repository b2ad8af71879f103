"""The English translation: complete, up to date with the sources, built into the data folder's cache and
shown by the main window when installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS, summaries

from desktop import i18n
from records.files import FileQuery, FileSummary
from ui.files_table_model import FilesTableModel
from ui.first_start_dialog import FirstStartDialog
from ui.main_window import MainWindow
from ui.tasks import DatabaseWorker

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "motcua_en.ts"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    found: dict[tuple[str, str], ET.Element] = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_message_is_translated() -> None:
    messages = _messages(TS)
    assert messages
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None, (context, source)
        assert translation.get("type") is None, f"unfinished: {context} / {source}"
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            assert text.strip(), f"empty: {context} / {source}"
            # the placeholders survive translation
            assert sorted(re.findall(r"\{\d\}|%n", text)) == sorted(re.findall(r"\{\d\}|%n", source)), source


def _lupdate() -> str | None:
    found = shutil.which("pyside6-lupdate")
    if found:
        return found
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    return str(beside) if beside.exists() else None


def test_the_ts_file_holds_every_text_of_the_sources(tmp_path: Path) -> None:
    tool = _lupdate()
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for folder in ("ui", "desktop") for p in (ROOT / folder).glob("*.py"))
    result = subprocess.run(
        [tool, *sources, "-source-language", "vi_VN", "-target-language", "en_GB", "-ts", str(fresh)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert not missing, (
        f"texts not in {TS.name}; run the lupdate command in desktop/i18n.py: {sorted(missing)}"
    )


def test_the_qm_is_built_into_the_data_folder_cache(data_dir: Path) -> None:
    qm = i18n.compiled_translation("en", data_dir)
    assert qm is not None and qm.is_file()
    shipped = TS.with_suffix(".qm")
    if not shipped.is_file():
        assert qm == data_dir / "cache" / "i18n" / "motcua_en.qm"
    assert i18n.compiled_translation("en", data_dir) == qm  # built once, then reused
    assert i18n.compiled_translation("xx", data_dir) is None


@pytest.mark.parametrize(
    ("value", "language"), [("", "vi"), ("en", "en"), ("en_GB", "en"), ("EN-us", "en"), ("vi_VN", "vi")]
)
def test_the_language_comes_from_motcua_lang(
    monkeypatch: pytest.MonkeyPatch, value: str, language: str
) -> None:
    monkeypatch.setenv("MOTCUA_LANG", value)
    assert i18n.chosen_language() == language


@pytest.fixture
def english(qapp: QApplication, data_dir: Path) -> Iterator[None]:
    translator = i18n.install(qapp, data_dir, "en")
    assert translator is not None
    yield
    qapp.removeTranslator(translator)


def _three_files(_query: FileQuery) -> list[FileSummary]:
    return summaries("X", 3)


def test_main_window_in_english(qtbot: QtBot, worker: DatabaseWorker, english: None) -> None:
    services = SimpleNamespace(files=SimpleNamespace(list=_three_files))
    window = MainWindow(services, worker, "UBND xã Thử Nghiệm")
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3 and not window.model.is_loading(), timeout=WAIT_MS)
    header = [
        window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.model.columnCount())
    ]
    assert header == [
        "File code",
        "Procedure",
        "Owner",
        "ID number",
        "Status",
        "Received",
        "Due",
        "Timeliness",
    ]
    assert window.status_label.text() == "3 files"
    assert window.windowTitle() == "MotCua Desk — UBND xã Thử Nghiệm"
    assert window.status_filter.itemText(0) == "All statuses"
    assert window.status_filter.itemText(1) == "Received"
    assert window.search.placeholderText().startswith("Search by file code")
    assert window.model.data(window.model.index(0, FilesTableModel.COL_STATUS)) == "Received"
    assert window.model.data(window.model.index(0, FilesTableModel.COL_TIMING)) == "On track"


def test_first_start_dialog_in_english(qtbot: QtBot, english: None) -> None:
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Initial setup"


def test_without_a_translator_the_ui_is_vietnamese(qtbot: QtBot, worker: DatabaseWorker) -> None:
    services = SimpleNamespace(files=SimpleNamespace(list=lambda _q: summaries("X", 1)))
    window = MainWindow(services, worker, "UBND xã Thử Nghiệm")
    qtbot.addWidget(window)
    window.start()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and not window.model.is_loading(), timeout=WAIT_MS)
    assert window.status_label.text() == "1 hồ sơ"
    assert window.status_filter.itemText(0) == "Tất cả trạng thái"

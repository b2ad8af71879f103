"""The English translation: complete, up to date with the sources, built into the data folder's cache and
shown by the file list and the main window when installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS

from desktop import i18n
from records.files import RegistrationRequest
from ui.files_page import FilesPage
from ui.files_table_model import FilesTableModel
from ui.first_start_dialog import FirstStartDialog
from ui.main_window import MainWindow
from ui.session import UiSession

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


def _register(services: Any, count: int) -> None:
    """``count`` files received through the services, as the intake screen would register them."""
    for n in range(count):
        request = RegistrationRequest.from_json(
            {
                "procedure": "1.001193",
                "applicant": {"personal_id": f"00109901234{n}", "full_name": "Nguyễn Văn Bình"},
                "documents": ["Tờ khai đăng ký khai sinh"],
            }
        )
        services.files.register(request, services.users.system(1))


def _files_page(qtbot: QtBot, session: UiSession, rows: int) -> FilesPage:
    page = FilesPage(session)
    qtbot.addWidget(page)
    page.show()
    page.start()
    qtbot.waitUntil(
        lambda: not page.model.is_loading() and page.model.total() == rows and page.model.rowCount() == rows,
        timeout=WAIT_MS,
    )
    return page


ENGLISH_TIMINGS = {"on_track": "On track", "due_today": "Due today", "overdue": "Overdue"}


def test_files_page_in_english(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], english: None
) -> None:
    _register(fresh_store, 3)
    page = _files_page(qtbot, make_session(fresh_store), 3)
    model = page.model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
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
    assert page.status_label.text() == "Files: 3"
    assert page.status_filter.itemText(0) == "All statuses"
    assert page.status_filter.itemText(1) == "Received"
    assert page.search.placeholderText().startswith("File code, ID number")
    assert page.reset_button.text() == "C&lear filters"
    assert model.data(model.index(0, FilesTableModel.COL_STATUS)) == "Received"
    timing = model.summary(0).timing
    assert model.data(model.index(0, FilesTableModel.COL_TIMING)) == ENGLISH_TIMINGS[timing]


def test_numbers_and_money_in_english(english: None) -> None:
    from ui.labels import decimal_text, money_text, number_text

    assert number_text(1_234_567) == "1,234,567"
    assert money_text(8000) == "8,000 VND"
    assert decimal_text(2.345) == "2.3"  # a skew in degrees, a size in MB


def test_numbers_and_money_in_vietnamese() -> None:
    from ui.labels import decimal_text, money_text, number_text

    assert number_text(1_234_567) == "1.234.567"
    assert money_text(8000) == "8.000 đồng"
    assert number_text(999) == "999"
    assert decimal_text(2.345) == "2,3" and decimal_text(12.0, 0) == "12"


def test_main_window_in_english(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession], english: None
) -> None:
    window = MainWindow(make_session(fresh_store, "admin"))
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.windowTitle() == "MotCua Desk — UBND xã Thử Nghiệm"
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Intake (F2)", "File list (F3)", "Daily summary (F4)"]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "F&iles", "&Daily summary", "&Administration", "&Help"]
    status = " ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert "(Administrator)" in status and "workstation" in status
    assert window.intake.save_button.text() == "&Save and print receipt (Ctrl+S)"


def test_first_start_dialog_in_english(qtbot: QtBot, english: None) -> None:
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Initial setup"


def test_without_a_translator_the_ui_is_vietnamese(
    qtbot: QtBot, fresh_store: Any, make_session: Callable[..., UiSession]
) -> None:
    _register(fresh_store, 1)
    page = _files_page(qtbot, make_session(fresh_store), 1)
    assert page.status_label.text() == "1 hồ sơ"
    assert page.status_filter.itemText(0) == "Tất cả trạng thái"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Mã hồ sơ"

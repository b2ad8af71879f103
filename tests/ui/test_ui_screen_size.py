"""The application fits the small screens of old counter PCs: 1024×768 (less the taskbar) with every page
and a file's tab open, in Vietnamese and in English."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from test_ui_shell import _register, _window
from uitest import WAIT_MS

from ui.file_page import FilePage
from ui.session import UiSession

SCREEN_WIDTH, USABLE_HEIGHT = 1024, 728  # 768 less a 40-pixel taskbar


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_main_window_fits_a_1024_by_768_screen(
    qtbot: QtBot,
    fresh_store: Any,
    make_session: Callable[..., UiSession],
    request: pytest.FixtureRequest,
    language: str,
) -> None:
    if language == "en":
        request.getfixturevalue("english")
    window = _window(qtbot, make_session(fresh_store, "admin"))
    window.open_file(_register(fresh_store).code)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), FilePage), timeout=WAIT_MS)
    too_wide = {}
    for index in range(window.tabs.count()):
        page = window.tabs.widget(index)
        hint = page.minimumSizeHint()
        if hint.width() > SCREEN_WIDTH - 24 or hint.height() > USABLE_HEIGHT - 120:
            too_wide[window.tabs.tabText(index)] = (hint.width(), hint.height())
    assert too_wide == {}
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN_WIDTH and hint.height() <= USABLE_HEIGHT

"""The exports made without being asked, against a real store: the schedule's rule, the export at a
configured time and before closing or logging out."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from test_ui_sync_panel import SessionMaker, _bundles, _configure, _register, _window
from uitest import WAIT_MS, MessageBoxes

from records.clock import VIETNAM_TZ, now
from records.keys import parse_public_key_text
from records.sync.bundle import open_bundle
from ui.session import UiSession
from ui.sync_exporter import due_export_time


def _drain(qtbot: QtBot, session: UiSession) -> None:
    """Wait until the database worker has answered everything queued before now."""
    done: list[bool] = []
    session.run(lambda: None, lambda _none: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)


# -- the schedule's rule ------------------------------------------------------------------------------------


def _at(hour: int, minute: int, second: int = 0, day: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=VIETNAM_TZ)


@pytest.mark.parametrize(
    ("times", "since", "moment", "due"),
    [
        (["12:00"], _at(11, 59, 30), _at(12, 0, 30), "12:00"),  # the minute it comes round
        (["12:00"], _at(12, 0, 30), _at(12, 1, 30), None),  # once only: not again a minute later
        (["12:00"], _at(11, 0), _at(11, 59, 59), None),  # not yet
        (["12:00"], _at(12, 0), _at(12, 1), None),  # looked at exactly then: already handled
        (
            ["12:00"],
            _at(12, 30),
            _at(12, 31),
            None,
        ),  # opened after it: a missed time does not fire on opening
        (["11:30", "16:45"], _at(11, 0), _at(17, 0), "16:45"),  # asleep over both: one export covers them
        (["00:00"], _at(23, 59, 30, day=9), _at(0, 0, 30), "00:00"),  # across midnight
        (["23:59"], _at(23, 58, day=9), _at(0, 1), "23:59"),  # yesterday's, looked at after midnight
        (["7:05", "bad"], _at(7, 0), _at(7, 6), "07:05"),  # an unreadable entry is skipped
        ([], _at(0, 0), _at(23, 59), None),
    ],
)
def test_which_configured_time_is_due(
    times: list[str], since: datetime, moment: datetime, due: str | None
) -> None:
    assert due_export_time(times, moment, since) == due


# -- the main window -----------------------------------------------------------------------------------------


def test_the_window_exports_once_at_a_configured_time(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker, tmp_path: Path, boxes: MessageBoxes
) -> None:
    _register(fresh_store, 1)
    out = tmp_path / "share"
    out.mkdir()
    _configure(fresh_store, folder=str(out), times=["12:00"])
    session = make_session(fresh_store, "clerk")
    window = _window(qtbot, session)
    today = now().date()
    window.exporter.schedule_checked_at = datetime.combine(today, time(11, 59, 30), tzinfo=VIETNAM_TZ)
    with qtbot.waitSignal(window.exporter.finished, timeout=WAIT_MS):
        window.exporter.check_schedule(datetime.combine(today, time(12, 0, 30), tzinfo=VIETNAM_TZ))
    [bundle] = _bundles(out)
    assert str(bundle) in window.statusBar().currentMessage()
    exported_at = fresh_store.sync.status().last_export_at
    assert exported_at is not None
    window.exporter.check_schedule(datetime.combine(today, time(12, 1, 30), tzinfo=VIETNAM_TZ))
    _drain(qtbot, session)
    assert not window.exporter.is_busy()
    assert fresh_store.sync.status().last_export_at == exported_at  # once per configured time
    assert boxes.shown == []


def test_a_scheduled_export_that_fails_is_remembered_without_a_box(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker, tmp_path: Path, boxes: MessageBoxes
) -> None:
    _register(fresh_store, 1)
    gone = tmp_path / "usb-removed"
    _configure(fresh_store, folder=str(gone), times=["17:00"])
    window = _window(qtbot, make_session(fresh_store, "clerk"))
    today = now().date()
    window.exporter.schedule_checked_at = datetime.combine(today, time(16, 59, 45), tzinfo=VIETNAM_TZ)
    with qtbot.waitSignal(window.exporter.failed, timeout=WAIT_MS):
        window.exporter.check_schedule(datetime.combine(today, time(17, 0, 15), tzinfo=VIETNAM_TZ))
    message = window.statusBar().currentMessage()
    assert "17:00" in message and "Không tìm thấy thư mục xuất" in message
    error = fresh_store.sync.status().last_error
    assert error is not None and str(gone) in error
    assert boxes.shown == []  # nobody may be there to click a box


def test_closing_with_export_on_close_exports_first(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker, tmp_path: Path, boxes: MessageBoxes
) -> None:
    codes = _register(fresh_store, 2)
    out = tmp_path / "usb"
    out.mkdir()
    _configure(fresh_store, folder=str(out), on_close=True)
    window = _window(qtbot, make_session(fresh_store, "clerk"))
    assert window.close() is False  # not yet: the export runs first
    assert window.exporter.is_waiting_to_leave() and window.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    [bundle] = _bundles(out)
    assert fresh_store.sync.status().last_export_path == str(bundle)
    with open_bundle(bundle, lambda manifest: parse_public_key_text(manifest["public_key"])) as opened:
        assert {r["row"]["code"] for r in opened.records() if r["entity"] == "files"} == set(codes)
    assert boxes.shown == []


def test_closing_when_the_export_fails_tells_why_and_still_closes(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker, tmp_path: Path, boxes: MessageBoxes
) -> None:
    _register(fresh_store, 1)
    gone = tmp_path / "usb-removed"
    _configure(fresh_store, folder=str(gone), on_close=True)
    window = _window(qtbot, make_session(fresh_store, "clerk"))
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    [(title, text)] = boxes.shown
    assert title == "Chưa xuất được gói đồng bộ"
    assert "Không tìm thấy thư mục xuất" in text and str(gone) in text
    error = fresh_store.sync.status().last_error
    assert error is not None and str(gone) in error


def test_logging_out_exports_first_and_not_waiting_is_possible(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker, tmp_path: Path
) -> None:
    _register(fresh_store, 1)
    out = tmp_path / "usb"
    out.mkdir()
    _configure(fresh_store, folder=str(out), on_close=True)
    session = make_session(fresh_store, "clerk")
    window = _window(qtbot, session)
    logout = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Đăng xuất")
    with qtbot.waitSignal(window.logout_requested, timeout=WAIT_MS):
        logout.trigger()
        assert window.exporter.is_waiting_to_leave()
    assert len(_bundles(out)) == 1

    # another window: closing, the clerk chooses not to wait; the export still ends on the worker
    before = fresh_store.sync.status().last_export_at
    other = _window(qtbot, session)
    assert other.close() is False
    assert other.exporter.is_waiting_to_leave() and other.exporter.leave_dialog is not None
    dont_wait = other.exporter.leave_dialog.findChild(QPushButton)
    assert dont_wait is not None and dont_wait.text() == "Không chờ"
    qtbot.mouseClick(dont_wait, Qt.MouseButton.LeftButton)
    assert not other.isVisible() and not other.exporter.is_waiting_to_leave()
    _drain(qtbot, session)
    assert fresh_store.sync.status().last_export_at != before


def test_without_export_on_close_closing_is_immediate(
    qtbot: QtBot, fresh_store: Any, make_session: SessionMaker, tmp_path: Path
) -> None:
    _configure(fresh_store, folder=str(tmp_path), on_close=False)
    window = _window(qtbot, make_session(fresh_store, "clerk"))
    assert window.close() is True
    assert not window.exporter.is_waiting_to_leave()
    assert _bundles(tmp_path) == []

"""Emitting signals must not eat references to ``True`` (a PySide6 6.12 / Python 3.11 bug, see ui/signals.py):
without the workaround the application aborts after a few hundred page loads."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS, summaries

from records.files import FileQuery, FileSummary
from ui.files_table_model import FilesTableModel
from ui.signals import emit
from ui.tasks import DatabaseWorker


class _Source(QObject):
    flag = Signal(bool)
    bare = Signal()
    value = Signal(object)


def test_emit_keeps_true_alive(qtbot: QtBot) -> None:
    source = _Source()
    received: list[object] = []
    source.flag.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(3000):
        emit(source.flag, True)
        emit(source.bare)
        emit(source.value, None)
    received.clear()
    assert abs(sys.getrefcount(True) - before) < 50


def test_many_page_loads_keep_true_alive(qtbot: QtBot, worker: DatabaseWorker) -> None:
    def one_page(query: FileQuery) -> list[FileSummary]:
        return summaries(query.query or "x", 2)

    model = FilesTableModel(worker, one_page)
    before = sys.getrefcount(True)
    for n in range(150):  # ~450 emissions: with the bug, True would lose as many references
        model.set_query(FileQuery(query=f"q{n}"))
        qtbot.waitUntil(lambda: not model.is_loading() and model.rowCount() == 2, timeout=WAIT_MS)
    print("DELTA", sys.getrefcount(True) - before)
    assert sys.getrefcount(True) - before > -100

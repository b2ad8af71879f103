"""Emitting signals must not eat references to ``True``.

PySide6-Essentials 6.12.0 on Python 3.11 drops one reference to ``True`` per Python-side ``emit``; the
interpreter aborts after about a thousand (a few hundred page loads). pyproject.toml excludes that
version; these tests catch any other release with the same fault before a clerk does."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS, summaries

from records.files import FileQuery, FileSummary
from ui.files_table_model import FilesTableModel
from ui.tasks import DatabaseWorker


class _Source(QObject):
    flag = Signal(bool)
    bare = Signal()
    value = Signal(object)


def test_emit_keeps_true_alive(qtbot: QtBot) -> None:
    source = _Source()
    received: list[object] = []
    source.flag.connect(received.append)
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(3000):
        source.flag.emit(True)
        source.bare.emit()
        source.value.emit(None)
    received.clear()
    gc.collect()
    assert abs(sys.getrefcount(True) - before) < 50


def test_many_page_loads_keep_true_alive(qtbot: QtBot, worker: DatabaseWorker) -> None:
    def one_page(query: FileQuery) -> list[FileSummary]:
        return summaries(query.query or "x", 2)

    model = FilesTableModel(worker, one_page)

    def load(n: int) -> None:
        model.set_query(FileQuery(query=f"q{n}"))
        qtbot.waitUntil(lambda: not model.is_loading() and model.rowCount() == 2, timeout=WAIT_MS)

    load(-1)  # warm up
    gc.collect()
    before = sys.getrefcount(True)
    loads = 150  # 3 emissions each: with the bug, True would lose ~450 references
    for n in range(loads):
        load(n)
    gc.collect()
    assert sys.getrefcount(True) - before > -loads

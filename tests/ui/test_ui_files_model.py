"""The file list's model: pages from the worker, passes Qt's own model tester, stale answers dropped."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot
from sample_store import UNIQUE_NAME, SampleStore
from uitest import WAIT_MS, qt_messages, summaries

from records.files import FileQuery, FileSummary
from records.workflow import Status
from ui.files_table_model import PAGE_SIZE, FilesTableModel
from ui.tasks import DatabaseWorker


def _codes(model: FilesTableModel) -> list[str]:
    return [model.summary(row).code for row in range(model.rowCount())]


def _wait_idle(qtbot: QtBot, model: FilesTableModel) -> None:
    qtbot.waitUntil(lambda: not model.is_loading(), timeout=WAIT_MS)


def test_model_passes_qts_model_tester_while_pages_load(
    qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore
) -> None:
    model = FilesTableModel(worker, sample.services.files.list)
    with qt_messages("qt.modeltest") as failures:
        # The tester checks the model after every signal, and itself calls fetchMore as views do.
        tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        model.set_query(FileQuery())
        while model.canFetchMore(QModelIndex()):
            _wait_idle(qtbot, model)
            model.fetchMore(QModelIndex())
            _wait_idle(qtbot, model)
        assert _codes(model) == list(reversed(sample.codes))  # every file once, none twice
        model.set_query(FileQuery(statuses=(Status.IN_PROGRESS,)))  # a reset, then rows again
        qtbot.waitUntil(lambda: model.rowCount() == sample.statuses[Status.IN_PROGRESS], timeout=WAIT_MS)
        model.set_query(FileQuery(query="no such person anywhere"))
        _wait_idle(qtbot, model)
        assert model.rowCount() == 0
        del tester
    assert failures == []


def test_the_model_tester_would_catch_a_broken_model(qtbot: QtBot) -> None:
    class Broken(QAbstractTableModel):
        def rowCount(self, parent: object = None) -> int:
            return 3  # also for children: a table must say 0 there

        def columnCount(self, parent: object = None) -> int:
            return 2

        def data(self, index: object, role: int = 0) -> None:
            return None

    model = Broken()
    with qt_messages("qt.modeltest") as failures:
        tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        del tester
    assert failures


def test_first_page_then_fetch_more_newest_first(
    qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore
) -> None:
    assert sample.files > PAGE_SIZE
    model = FilesTableModel(worker, sample.services.files.list)
    model.set_query(FileQuery())
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=WAIT_MS)
    _wait_idle(qtbot, model)
    qtbot.wait(50)
    assert model.rowCount() == PAGE_SIZE  # no second page until the view asks for it
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == sample.files, timeout=WAIT_MS)
    _wait_idle(qtbot, model)
    assert not model.canFetchMore(QModelIndex())
    assert _codes(model) == list(reversed(sample.codes))
    received = [model.summary(row).received_at for row in range(model.rowCount())]
    assert received == sorted(received, reverse=True)


def test_display_and_roles(qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore) -> None:
    model = FilesTableModel(worker, sample.services.files.list)
    model.set_query(FileQuery(query=sample.unique_codes[0]))
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT_MS)
    row = model.summary(0)
    assert model.data(model.index(0, FilesTableModel.COL_CODE)) == sample.unique_codes[0]
    assert model.data(model.index(0, FilesTableModel.COL_OWNER)) == UNIQUE_NAME
    assert model.data(model.index(0, FilesTableModel.COL_OWNER), Qt.ItemDataRole.ToolTipRole) == UNIQUE_NAME
    assert model.data(model.index(0, 0), FilesTableModel.SummaryRole) == row
    received = model.data(model.index(0, FilesTableModel.COL_RECEIVED))
    assert len(received) == len("25/11/2026 08:00") and received[2] == "/"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Mã hồ sơ"
    assert model.data(model.index(5, 0)) is None  # past the rows


class _Gated:
    """A list function whose answers to the query ``"old"`` wait for a gate."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.answered: list[str] = []

    def __call__(self, query: FileQuery) -> list[FileSummary]:
        if query.query == "old":
            self.gate.wait(WAIT_MS / 1000)
        self.answered.append(query.query or "")
        return summaries(query.query or "all", 3)


def test_a_late_answer_to_a_replaced_query_is_dropped(qtbot: QtBot, worker: DatabaseWorker) -> None:
    source = _Gated()
    model = FilesTableModel(worker, source)
    model.set_query(FileQuery(query="old"))
    qtbot.waitUntil(lambda: model.is_loading(), timeout=WAIT_MS)
    model.set_query(FileQuery(query="new"))  # while the old page is still being read
    source.gate.set()
    qtbot.waitUntil(lambda: source.answered == ["old", "new"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.is_loading(), timeout=WAIT_MS)
    qtbot.wait(50)
    assert _codes(model) == ["new-0000", "new-0001", "new-0002"]


def test_a_late_answer_with_the_real_store(qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore) -> None:
    model = FilesTableModel(worker, sample.services.files.list)
    model.set_query(FileQuery())  # 200 rows on their way...
    model.set_query(FileQuery(query="dieu thuy tien"))  # ...but the user typed a name meanwhile
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.is_loading(), timeout=WAIT_MS)
    qtbot.wait(50)
    assert sorted(_codes(model)) == sorted(sample.unique_codes)


@pytest.mark.parametrize("fail_with", [RuntimeError("disk on fire"), ValueError("bad")])
def test_a_failed_page_is_reported_once_and_stops_fetching(
    qtbot: QtBot, worker: DatabaseWorker, fail_with: Exception
) -> None:
    def broken(_query: FileQuery) -> list[FileSummary]:
        raise fail_with

    model = FilesTableModel(worker, broken)
    with qtbot.waitSignal(model.load_failed, timeout=WAIT_MS) as blocker:
        model.set_query(FileQuery())
    assert blocker.args == [fail_with]
    assert not model.is_loading()
    assert not model.canFetchMore(QModelIndex())  # no retry loop against a broken store
    assert model.rowCount() == 0


def test_shutdown_drops_answers_on_their_way(qtbot: QtBot, worker: DatabaseWorker) -> None:
    source = _Gated()
    model = FilesTableModel(worker, source)
    model.set_query(FileQuery(query="old"))
    model.shutdown()
    source.gate.set()
    qtbot.waitUntil(lambda: source.answered == ["old"], timeout=WAIT_MS)
    qtbot.wait(50)
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())


def test_sort_requeries_the_store_and_passes_the_model_tester(
    qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore
) -> None:
    services = sample.services
    model = FilesTableModel(worker, services.files.list, services.files.count)
    with qt_messages("qt.modeltest") as failures:
        tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        model.set_query(FileQuery())
        qtbot.waitUntil(lambda: model.total() == sample.files, timeout=WAIT_MS)
        for column, key in FilesTableModel.SORT_KEYS.items():
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                descending = order == Qt.SortOrder.DescendingOrder
                model.sort(column, order)
                assert model.sort_column() == column
                expected = [
                    s.code
                    for s in services.files.list(
                        FileQuery(order_by=key, descending=descending, limit=PAGE_SIZE)  # type: ignore[arg-type]
                    )
                ]
                qtbot.waitUntil(lambda e=expected: _codes(model) == e, timeout=WAIT_MS)
                _wait_idle(qtbot, model)
        resets: list[object] = []
        model.modelReset.connect(lambda: resets.append(None))
        model.sort(FilesTableModel.COL_ID, Qt.SortOrder.AscendingOrder)  # the store cannot sort on it
        assert resets == [] and model.sort_column() == FilesTableModel.COL_DUE
        model.sort(-1)  # the store's own order again: newest first
        qtbot.waitUntil(lambda: _codes(model) == list(reversed(sample.codes))[:PAGE_SIZE], timeout=WAIT_MS)
        _wait_idle(qtbot, model)
        del tester
    assert failures == []


def test_the_total_is_counted_only_when_the_first_page_is_full(
    qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore
) -> None:
    counted: list[FileQuery] = []

    def count(query: FileQuery) -> int:
        counted.append(query)
        return sample.services.files.count(query)

    model = FilesTableModel(worker, sample.services.files.list, count)
    totals: list[object] = []
    model.total_changed.connect(totals.append)
    model.set_query(FileQuery(statuses=(Status.IN_PROGRESS,)))  # fewer than a page: its own count
    qtbot.waitUntil(lambda: model.total() == sample.statuses[Status.IN_PROGRESS], timeout=WAIT_MS)
    assert counted == []
    model.set_query(FileQuery())  # a full page: the store counts
    qtbot.waitUntil(lambda: model.total() == sample.files, timeout=WAIT_MS)
    assert len(counted) == 1
    assert totals == [sample.statuses[Status.IN_PROGRESS], None, sample.files]


def test_timing_colours_and_tips(qtbot: QtBot, worker: DatabaseWorker, sample: SampleStore) -> None:
    model = FilesTableModel(worker, sample.services.files.list)
    model.set_query(FileQuery(due="overdue"))
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.is_loading(), timeout=WAIT_MS)
    due = model.index(0, FilesTableModel.COL_DUE)
    timing = model.index(0, FilesTableModel.COL_TIMING)
    assert model.data(due, Qt.ItemDataRole.ForegroundRole).color().name() == "#b71c1c"
    assert model.data(timing, Qt.ItemDataRole.FontRole).bold()
    assert model.data(due, Qt.ItemDataRole.ToolTipRole).endswith("Quá hạn")
    assert model.data(model.index(0, FilesTableModel.COL_ID), Qt.ItemDataRole.ForegroundRole) is None
    assert (
        model.headerData(
            FilesTableModel.COL_ID, Qt.Orientation.Horizontal, Qt.ItemDataRole.InitialSortOrderRole
        )
        is None
    )
    assert (
        model.headerData(
            FilesTableModel.COL_RECEIVED, Qt.Orientation.Horizontal, Qt.ItemDataRole.InitialSortOrderRole
        )
        == Qt.SortOrder.DescendingOrder
    )

"""The database worker: one thread, tasks in submission order, results and errors back on the UI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS

from ui.tasks import DatabaseWorker


def test_tasks_run_in_order_off_the_ui_thread(qtbot: QtBot, worker: DatabaseWorker) -> None:
    ui_thread = QThread.currentThread()
    ran: list[tuple[int, bool]] = []
    answered: list[tuple[int, bool]] = []

    def task(n: int) -> int:
        ran.append((n, QThread.currentThread() is not ui_thread))
        return n * n

    for n in range(30):
        worker.submit(
            lambda n=n: task(n),
            lambda result, n=n: answered.append((result, QThread.currentThread() is ui_thread)),
        )
    qtbot.waitUntil(lambda: len(answered) == 30, timeout=WAIT_MS)
    assert ran == [(n, True) for n in range(30)]  # in order, never on the UI thread
    assert answered == [(n * n, True) for n in range(30)]  # answers in order, on the UI thread


def test_an_exception_goes_to_on_error_and_the_worker_carries_on(
    qtbot: QtBot, worker: DatabaseWorker
) -> None:
    ui_thread = QThread.currentThread()
    errors: list[tuple[BaseException, bool]] = []
    successes: list[object] = []
    boom = ValueError("boom")

    def fail() -> None:
        raise boom

    worker.submit(
        fail, successes.append, lambda exc: errors.append((exc, QThread.currentThread() is ui_thread))
    )
    worker.submit(lambda: "after", successes.append)
    qtbot.waitUntil(lambda: successes == ["after"], timeout=WAIT_MS)
    assert errors == [(boom, True)]


def test_stop_finishes_queued_work_then_ends(worker: DatabaseWorker) -> None:
    gate = threading.Event()
    done: list[int] = []
    worker.submit(lambda: gate.wait(WAIT_MS / 1000))
    for n in range(5):
        worker.submit(lambda n=n: done.append(n))
    assert not worker.stop(50)  # still busy behind the gate
    gate.set()
    assert worker.stop(WAIT_MS)
    assert worker.isFinished()
    assert done == [0, 1, 2, 3, 4]
    assert worker.stop(WAIT_MS)  # a second stop is harmless


def test_stop_before_start_returns_at_once() -> None:
    assert DatabaseWorker().stop(1000)

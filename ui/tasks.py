"""Background work for the UI: one serialized worker thread for database work, a small pool for the rest.

The UI thread never waits on the store, on PDF rendering or on the disk: it submits a callable and gets its
result (or its exception) back through a signal, on the UI thread. Database work runs one task at a time,
in submission order, which is what SQLite wants from one process; rendering and file work (printouts,
exports) go to :class:`BackgroundPool`, so a long register does not hold up the next search.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal


class Task(QObject):
    """One submitted piece of work; its signals fire on the thread that owns it (the UI thread)."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn


def _make_task(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None] | None,
    on_error: Callable[[BaseException], None] | None,
    pending: set[Task],
) -> Task:
    task = Task(fn)
    if on_success is not None:
        task.succeeded.connect(on_success)
    if on_error is not None:
        task.failed.connect(on_error)
    task.succeeded.connect(lambda _r, t=task: pending.discard(t))
    task.failed.connect(lambda _e, t=task: pending.discard(t))
    pending.add(task)  # keep it alive until it reports
    return task


def _execute(task: Task) -> None:
    try:
        result = task.fn()
    except BaseException as exc:  # reported to the UI, which decides: known error or bug
        task.failed.emit(exc)
    else:
        task.succeeded.emit(result)


class DatabaseWorker(QThread):
    """Runs submitted callables one after another on its own thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[Task | None] = queue.Queue()
        self._pending: set[Task] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Queue ``fn``; ``on_success(result)`` or ``on_error(exception)`` run later on the UI thread."""
        task = _make_task(fn, on_success, on_error, self._pending)
        self._queue.put(task)
        return task

    def run(self) -> None:
        while True:
            task = self._queue.get()
            if task is None:
                return
            _execute(task)

    def stop(self, timeout_ms: int | None = None) -> bool:
        """Finish the queued work, then end the thread; waits at most ``timeout_ms`` (default: as long as
        the queued work takes). Returns whether the thread has ended. Safe to call more than once."""
        if self.isRunning():
            self._queue.put(None)
        elif not self.isFinished():
            return True  # never started
        if timeout_ms is None:
            return bool(self.wait())
        return bool(self.wait(timeout_ms))


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        _execute(self._task)


class BackgroundPool(QObject):
    """A few threads for work that is not the database's: rendering PDFs, writing exports, reading files.

    Same interface as :class:`DatabaseWorker`; tasks may run in parallel and finish in any order."""

    def __init__(self, threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._pending: set[Task] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run ``fn`` on a pool thread; ``on_success``/``on_error`` run later on the UI thread."""
        task = _make_task(fn, on_success, on_error, self._pending)
        self._pool.start(_Runnable(task))
        return task

    def stop(self, timeout_ms: int = -1) -> bool:
        """Wait for the running tasks to finish (``-1``: as long as they take); whether they did."""
        return bool(self._pool.waitForDone(timeout_ms))

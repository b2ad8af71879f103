"""Background work for the UI: one serialized worker thread for database work.

The UI thread never waits on the store: it submits a callable and gets its result (or its exception) back
through a signal, on the UI thread. Database work runs one task at a time, in submission order, which is
what SQLite wants from one process.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal


class Task(QObject):
    """One submitted piece of work; its signals fire on the thread that owns it (the UI thread)."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn


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
        task = Task(fn)
        if on_success is not None:
            task.succeeded.connect(on_success)
        if on_error is not None:
            task.failed.connect(on_error)
        task.succeeded.connect(lambda _r, t=task: self._pending.discard(t))
        task.failed.connect(lambda _e, t=task: self._pending.discard(t))
        self._pending.add(task)  # keep it alive until it reports
        self._queue.put(task)
        return task

    def run(self) -> None:
        while True:
            task = self._queue.get()
            if task is None:
                return
            try:
                result = task.fn()
            except BaseException as exc:  # reported to the UI, which decides: known error or bug
                task.failed.emit(exc)
            else:
                task.succeeded.emit(result)

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

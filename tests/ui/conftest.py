"""Fixtures of the UI tests (pytest-qt): offscreen Qt, a database worker that is always stopped, and one
store of sample files shared by the tests that only read it.

Every wait has a timeout: a test that would hang fails instead.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything creates the QApplication

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sample_store import SampleStore, build
from uitest import WAIT_MS

from ui.tasks import DatabaseWorker


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SampleStore]:
    """A store with 250 registered files (newest last in ``codes``); read it, do not change it."""
    store = build(tmp_path_factory.mktemp("sample"), files=250)
    yield store
    store.services.db.dispose()


@pytest.fixture
def make_worker() -> Iterator[Callable[[], DatabaseWorker]]:
    """Started database workers, stopped (and checked to have ended) when the test ends."""
    workers: list[DatabaseWorker] = []

    def make() -> DatabaseWorker:
        worker = DatabaseWorker()
        worker.start()
        workers.append(worker)
        return worker

    yield make
    stuck = [w for w in workers if not w.stop(WAIT_MS)]
    assert not stuck, "a database worker did not finish its queued work in time"


@pytest.fixture
def worker(make_worker: Callable[[], DatabaseWorker]) -> DatabaseWorker:
    """One started database worker."""
    return make_worker()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder

"""Fixtures of the UI tests (pytest-qt): offscreen Qt, a database worker that is always stopped, and one
store of sample files shared by the tests that only read it.

Every wait has a timeout: a test that would hang fails instead.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything creates the QApplication

import sys
from pathlib import Path

# The PDF readers of the integration tests (tests/integration/pdfs.py) check what the UI prints too.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sample_store import AGENCY_CODE, AGENCY_NAME, SampleStore, build
from uitest import WAIT_MS, MessageBoxes

from desktop import i18n, ui_font
from desktop.context import open_services, resolve
from records.users import Role
from ui.preferences import Preferences
from ui.session import UiSession
from ui.tasks import BackgroundPool, DatabaseWorker

SESSION_PASSWORD = "mat-khau-thu"
SESSION_NAMES = {"clerk": "Trần Thị Lan", "supervisor": "Lê Văn Hùng", "admin": "Nguyễn Quản Trị"}


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
def boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Warnings recorded instead of shown (a modal box would wait for a click)."""
    found = MessageBoxes()
    monkeypatch.setattr(QMessageBox, "warning", found.warning)
    return found


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def english(qapp: Any, data_dir: Path) -> Iterator[None]:
    """The English translation installed for the test."""
    translator = i18n.install(qapp, data_dir, "en")
    assert translator is not None
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def make_session(
    make_worker: Callable[[], DatabaseWorker], tmp_path: Path
) -> Iterator[Callable[..., UiSession]]:
    """Logged-in sessions: ``make_session(services, role="clerk")`` adds (once per store and role) a user
    of that role and returns a :class:`UiSession` on a fresh worker, a fresh pool and preferences in a
    throw-away folder. Pools are waited for when the test ends."""
    pools: list[BackgroundPool] = []

    def make(services: Any, role: str = "clerk", prefs_dir: Path | None = None) -> UiSession:
        username = f"ui_{role}"
        # Not a login to find out: a wrong one would count towards locking the name.
        if username not in {user.username for user in services.users.list()}:
            system = services.users.system(1)
            services.users.add(system, username, SESSION_NAMES[role], Role(role), SESSION_PASSWORD)
        actor = services.users.authenticate(username, SESSION_PASSWORD, 1)
        assert actor is not None, f"{username} cannot log in"
        folder = prefs_dir or tmp_path / f"prefs-{role}"
        folder.mkdir(parents=True, exist_ok=True)
        pool = BackgroundPool()
        pools.append(pool)
        return UiSession(
            services=services,
            worker=make_worker(),
            pool=pool,
            prefs=Preferences(folder),
            agency=services.settings.agency(),
            actor=actor,
            full_name=SESSION_NAMES[role],
        )

    yield make
    stuck = [p for p in pools if not p.stop(WAIT_MS)]
    assert not stuck, "a background task did not finish in time"


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Any]:
    """An empty, initialised store of one's own (write to it freely)."""
    services = open_services(resolve(data_dir=str(tmp_path / "store")))
    services.settings.initialise(agency_code=AGENCY_CODE, agency_name=AGENCY_NAME)
    yield services
    services.db.dispose()


@pytest.fixture(scope="session", autouse=True)
def _bundled_ui_font(qapp: Any) -> None:
    """The application's own font, as ``motcua`` installs it (so layouts and screenshots match)."""
    ui_font.install(qapp)

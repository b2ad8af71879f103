"""Shared fixtures: an initialised store in a temporary folder, actors, a fixed clock.

Nothing here imports Qt: the UI tests bring their own fixtures (pytest-qt). The plain helpers the
fixtures use live in ``tests/integration/helpers.py``.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from integration.helpers import AGENCY_CODE, AGENCY_NAME, Counter, copy_sqlite, make_store_counter
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

import records.clock
from desktop.context import open_services, resolve
from records.clock import VIETNAM_TZ
from records.services import Services


@pytest.fixture(autouse=True)
def _no_real_store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches the user's own data folder or database through MOTCUA_HOME / MOTCUA_DB."""
    monkeypatch.delenv("MOTCUA_DB", raising=False)
    monkeypatch.setenv("MOTCUA_HOME", str(tmp_path_factory.mktemp("motcua-home")))


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Counter]:
    """Initialised stores made once per test session (one per workstation number), to be copied.

    Migrating, seeding and hashing two passwords costs about half a second; copying a file does not.
    """
    made: dict[int, Counter] = {}

    def template(workstation: int) -> Counter:
        if workstation not in made:
            folder = tmp_path_factory.mktemp(f"template-ws{workstation}")
            made[workstation] = make_store_counter(folder, workstation)
            made[workstation].services.db.dispose()
        return made[workstation]

    return template


@pytest.fixture
def make_counter(tmp_path: Path, _templates: Callable[[int], Counter]) -> Iterator[Callable[..., Counter]]:
    """A factory of initialised stores (agency H55.242), each in its own data folder under ``tmp_path``,
    with the actors ``system``, ``admin`` and the clerk ``lan``."""
    made: list[Counter] = []

    def make(name: str = "data", workstation: int = 1) -> Counter:
        template = _templates(workstation)
        location = resolve(str(tmp_path / name), None)
        location.data_dir.mkdir(parents=True)
        copy_sqlite(template.location, location)
        counter = Counter(open_services(location), location, template.system, template.admin, template.clerk)
        made.append(counter)
        return counter

    yield make
    for counter in made:
        counter.services.db.dispose()


@pytest.fixture
def counter(make_counter: Callable[..., Counter]) -> Counter:
    """An initialised store (agency H55.242, workstation 1) with a clerk ``lan`` and an ``admin``."""
    return make_counter()


@pytest.fixture
def services(counter: Counter) -> Services:
    """The services of :func:`counter`'s store."""
    return counter.services


@pytest.fixture
def freeze_now(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    """Set the application's clock: every ``records`` module's ``now()`` returns the given instant."""
    original = records.clock.now
    patched: set[str] = set()

    def freeze(moment: datetime) -> None:
        fixed = moment.astimezone(VIETNAM_TZ)

        def fake_now() -> datetime:
            return fixed

        for name, module in list(sys.modules.items()):
            if not (name == "records" or name.startswith(("records.", "desktop."))):
                continue
            if name in patched or getattr(module, "now", None) is original:
                monkeypatch.setattr(module, "now", fake_now)
                patched.add(name)

    return freeze


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh schema in the PostgreSQL database of MOTCUA_TEST_PG_URL, dropped afterwards."""
    url = os.environ.get("MOTCUA_TEST_PG_URL")
    if not url:
        pytest.skip("MOTCUA_TEST_PG_URL is not set (a PostgreSQL URL, e.g. postgresql+psycopg://u:p@host/db)")
    schema = f"motcua_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        yield (
            make_url(url)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def pg_services(tmp_path: Path, pg_url: str) -> Iterator[Services]:
    """Services on a fresh PostgreSQL schema (documents in ``tmp_path``), initialised."""
    services = open_services(resolve(str(tmp_path), pg_url))
    try:
        assert services.db.engine.dialect.name == "postgresql"
        services.settings.initialise(agency_code=AGENCY_CODE, agency_name=AGENCY_NAME)
        yield services
    finally:
        services.db.dispose()

"""Two copies of the application on one store (two counters sharing a PC's data folder, or a network
store): every registration of both is kept, codes and register numbers never collide, the audit chain
stays whole and the database passes its integrity check."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.context import open_services
from integration.helpers import Counter, registration
from records.backup import integrity
from records.files import RegistrationRequest
from records.services import Services
from records.store.models import File

ROOT = Path(__file__).resolve().parents[2]
COPIES = 3
EACH = 12

CHILD = textwrap.dedent(
    """
    import json, sys
    sys.path.insert(0, sys.argv[1])
    sys.path.insert(0, sys.argv[1] + "/tests")
    from desktop.context import open_services, resolve
    from integration.helpers import registration
    from records.files import RegistrationRequest

    services = open_services(resolve(sys.argv[2], None))
    actor = services.users.system(1)
    start = int(sys.argv[3])
    for n in range(start, start + int(sys.argv[4])):
        request = RegistrationRequest.from_json(
            registration(personal_id=f"0010990{n:05d}", full_name=f"Người Thứ {n}")
        )
        services.files.register(request, actor)
    """
)


def _check(services: Services, expected: int) -> None:
    with services.db.reading() as uow:
        rows = uow.session.execute(
            select(File.code, File.register_year, File.register_book, File.register_entry)
        ).all()
        assert uow.session.scalar(select(func.count()).select_from(File)) == expected
    assert len({r[0] for r in rows}) == expected  # no code given twice
    assert len({tuple(r[1:]) for r in rows}) == expected  # no register line given twice
    assert services.audit.verify().intact


def test_two_copies_on_one_sqlite_store(counter: Counter) -> None:
    counter.services.db.dispose()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD,
                str(ROOT),
                str(counter.location.data_dir),
                str(10000 * (i + 1)),
                str(EACH),
            ],
            env=env,
            stderr=subprocess.PIPE,
        )
        for i in range(COPIES)
    ]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    services = open_services(counter.location)
    _check(services, COPIES * EACH)
    assert integrity(Path(counter.location.db_url.removeprefix("sqlite:///"))) == "ok"


@pytest.mark.postgres
def test_writers_at_the_same_time_on_postgresql(pg_services: Services) -> None:
    """The first registrations of a day race to make the day's counter row: both end up using it."""
    actor = pg_services.users.system(1)
    errors: list[BaseException] = []

    def register(start: int) -> None:
        try:
            for n in range(start, start + EACH):
                request = RegistrationRequest.from_json(
                    registration(personal_id=f"0010990{n:05d}", full_name=f"Người Thứ {n}")
                )
                pg_services.files.register(request, actor)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=register, args=(10000 * (i + 1),)) for i in range(COPIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    _check(pg_services, COPIES * EACH)

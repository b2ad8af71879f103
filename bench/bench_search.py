"""Registration and search at scale, reported as ratios to floors measured in the same run.

    .venv/bin/python bench/bench_search.py [--files 1000000] [--reps 200]

Builds a store with N demo files in a temporary folder (``motcua demo-data`` code path), then times, through
the real services: exact personal-ID lookup, exact file-code lookup, folded-name search (limit 50) and one
registration. Floors: a bare ``SELECT 1`` through the same unit-of-work path (for lookups and search) and a
bare one-row INSERT + COMMIT on the same file (for registration). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select, text

from desktop.context import open_services, resolve
from records.demo import generate
from records.files import FileQuery, RegistrationRequest
from records.store.models import Citizen, File


def timed(fn: Callable[[], object], reps: int) -> tuple[float, float]:
    samples = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="motcua-bench-"))
    services = open_services(resolve(str(folder)))
    services.settings.initialise(agency_code="000.17.22.H56", agency_name="Xã Thử Nghiệm")
    start = time.perf_counter()
    generate(services, args.files, seed=7)
    build = time.perf_counter() - start
    rows: list[tuple[str, float, float, str, float, str]] = []

    with services.db.reading() as uow:
        ids = list(uow.session.scalars(select(Citizen.personal_id).where(Citizen.personal_id.is_not(None)).limit(5000)))
        codes = list(uow.session.scalars(select(File.code).order_by(File.pk).limit(5000)))
    rnd = random.Random(1)

    def bare() -> None:
        with services.db.reading() as uow:
            uow.session.execute(text("SELECT 1")).all()

    floor, _ = timed(bare, args.reps)
    for label, queries, target in (
        ("exact personal-ID lookup", [FileQuery(query=rnd.choice(ids)) for _ in range(args.reps)], "< 5 ms"),
        ("exact file-code lookup", [FileQuery(query=rnd.choice(codes)) for _ in range(args.reps)], "< 5 ms"),
        (
            "folded-name search (limit 50)",
            [FileQuery(query=q) for q in ["nguyen van an", "tran thi h", "le minh", "pham ngoc anh", "dang"] * (args.reps // 5)],
            "< 50 ms",
        ),
    ):
        it = iter(queries)
        median, p95 = timed(lambda it=it: services.files.list(next(it)), len(queries))
        rows.append((label, median, p95, f"SELECT 1: {floor:.3f} ms", median / floor, target))

    actor = services.users.system(1)
    request = RegistrationRequest.from_json(
        {
            "procedure": "1.004873",
            "applicant": {"personal_id": "001099012345", "full_name": "Nguyễn Văn Đức"},
            "documents": [{"name": "Tờ khai", "original": 1}],
        }
    )
    with services.db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE bench_floor (x INTEGER)")

    def bare_insert() -> None:
        with services.db.writing() as uow:
            uow.session.execute(text("INSERT INTO bench_floor VALUES (1)"))
            uow.commit()

    insert_floor, _ = timed(bare_insert, 50)
    median, p95 = timed(lambda: services.files.register(request, actor), 50)
    rows.append(("registration (one file, committed)", median, p95, f"INSERT+COMMIT: {insert_floor:.3f} ms", median / insert_floor, "—"))

    print(f"store: {args.files:,} files, built by demo-data at {args.files / build:,.0f} files/s (target ≥ 20,000)\n")
    print("| measure | median | p95 | floor | ratio | target |")
    print("|---|---|---|---|---|---|")
    for label, med, p, fl, ratio, target in rows:
        print(f"| {label} | {med:.2f} ms | {p:.2f} ms | {fl} | {ratio:.1f}× | {target} |")


if __name__ == "__main__":
    main()

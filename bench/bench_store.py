"""The measurements behind the README's performance table, each with the floor it is compared with.

    .venv/bin/python bench/bench_store.py [--files 1000000] [--seed 1] [--out bench/out/]

1. Builds — or reuses, cached by N and seed under ``--out`` — a store of N demo files in its own data folder,
   through the real command line (``motcua init``, ``motcua demo-data``).
2. Times through the real services (``FileService.list`` / ``register``), many repetitions each, median and
   p95: exact personal-ID lookup, exact file-code lookup, folded-name search (full names without diacritics,
   partial names, rare given names; limit 50) and registration of one file (committed).
3. Times the floors in the same run: a bare ``SELECT 1`` through the same engine and unit-of-work path, a
   bare primary-key lookup on the raw DBAPI connection, and a bare one-row INSERT + COMMIT on a file of the
   same folder with the same engine settings (WAL, synchronous=FULL).
4. Times ``motcua demo-data`` on a fresh store (``--demo-files``, default 200,000) and, when the cached store
   was built in this run, at N.

Writes ``<out>/results.json`` (with the query plans of the searches) and prints a Markdown table for the
README. Registrations add a few files to the cached store; that does not change the measures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Column, Integer, MetaData, Table, Text, insert, text  # noqa: E402

from desktop.context import open_services, resolve  # noqa: E402
from records.files import FileQuery, RegistrationRequest  # noqa: E402
from records.personal_id import PROVINCES  # noqa: E402
from records.services import Services  # noqa: E402
from records.store.database import make_engine, sqlite_url  # noqa: E402
from records.store.files_repo import filtered  # noqa: E402

AGENCY_CODE = "000.17.22.H56"
AGENCY_NAME = "UBND xã Thử Nghiệm"
CLI = [sys.executable, "-c", "import sys; from desktop.cli import main; sys.exit(main())"]
RARE_GIVEN_NAMES = ("khue", "thach", "diep")
PK_FLOOR = "floor: primary-key lookup (raw connection)"


# -- timing ----------------------------------------------------------------------------------------------


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of sorted values."""
    index = max(0, min(len(sorted_values) - 1, round(q * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def timed(calls: Sequence[Callable[[], object]], warmup: int = 5) -> dict[str, float]:
    """Milliseconds per call: median, p95, min, max, n."""
    for call in calls[:warmup]:
        call()
    samples = []
    for call in calls:
        start = time.perf_counter_ns()
        call()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    samples.sort()
    return {
        "median": percentile(samples, 0.5),
        "p95": percentile(samples, 0.95),
        "min": samples[0],
        "max": samples[-1],
        "n": len(samples),
    }


# -- building stores through the command line -------------------------------------------------------------


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [*CLI, "--data-dir", str(data_dir), *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"motcua {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


def demo_data(data_dir: Path, files: int, seed: int) -> dict[str, Any]:
    """Initialise a store and fill it with ``motcua demo-data``; the throughput as the CLI reports it and as
    timed from outside (process start included)."""
    cli(data_dir, "init", "--agency-code", AGENCY_CODE, "--agency-name", AGENCY_NAME)
    start = time.perf_counter()
    result = cli(data_dir, "demo-data", "--files", str(files), "--seed", str(seed))
    wall = time.perf_counter() - start
    match = re.search(r"in ([\d.]+) s: ([\d,]+) files/s", result.stderr)
    return {
        "files": files,
        "seed": seed,
        "cli_seconds": float(match.group(1)) if match else None,
        "cli_files_per_s": int(match.group(2).replace(",", "")) if match else None,
        "wall_seconds": wall,
        "wall_files_per_s": files / wall,
        "cli_output": result.stderr.strip(),
    }


def cached_store(out: Path, files: int, seed: int, rebuild: bool) -> tuple[Path, dict[str, Any], bool]:
    folder = out / f"store-{files}-seed{seed}"
    marker = folder / "bench-build.json"
    if marker.exists() and not rebuild:
        return folder, json.loads(marker.read_text(encoding="utf-8")), False
    shutil.rmtree(folder, ignore_errors=True)
    print(f"building a store of {files:,} demo files in {folder} …", file=sys.stderr)
    build = demo_data(folder, files, seed)
    build["built_at"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    marker.write_text(json.dumps(build, indent=2), encoding="utf-8")
    return folder, build, True


# -- the measures ----------------------------------------------------------------------------------------


def sample(services: Services, sql: str, n: int, seed: int) -> list[Any]:
    with services.db.reading() as uow:
        (count,) = uow.session.execute(text("SELECT max(pk) FROM files")).one()
        rng = random.Random(seed)
        pks = [rng.randrange(1, int(count) + 1) for _ in range(n)]
        return [uow.session.execute(text(sql), {"pk": pk}).scalar_one() for pk in pks]


def name_queries(services: Services, n: int, seed: int) -> dict[str, list[str]]:
    """Realistic searches: whole folded names, partial names ("tran thi h"), rare given names."""
    names = [
        str(v)
        for v in sample(
            services,
            "SELECT c.name_folded FROM files f JOIN citizens c ON c.id = f.owner_id WHERE f.pk = :pk",
            n,
            seed,
        )
    ]
    partial = []
    for name in names:
        words = name.split()
        partial.append(" ".join([*words[:-1], words[-1][0]]))
    rare = [RARE_GIVEN_NAMES[i % len(RARE_GIVEN_NAMES)] for i in range(n)]
    return {"full name": names, "partial name": partial, "rare given name": rare}


def query_plan(services: Services, query: str) -> list[str]:
    with services.db.reading() as uow:
        from records.clock import now

        stmt = filtered(uow.session, FileQuery(query=query, limit=50), True, now())
        assert stmt is not None
        compiled = stmt.compile(dialect=services.db.engine.dialect, compile_kwargs={"literal_binds": True})
        return [str(r[3]) for r in uow.session.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))]


def new_personal_ids(services: Services, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    provinces = sorted(PROVINCES)
    numbers: list[str] = []
    with services.db.reading() as uow:
        while len(numbers) < n:
            head = f"{rng.choice(provinces)}{rng.choice('0123')}{rng.randrange(100):02d}"
            number = f"{head}{rng.randrange(10**6):06d}"
            if int(number[3]) >= 2 and int(number[4:6]) > 20:
                continue  # no birth year after 2020
            taken = uow.session.execute(
                text("SELECT 1 FROM citizens WHERE personal_id = :n"), {"n": number}
            ).first()
            if taken is None and number not in numbers:
                numbers.append(number)
    return numbers


def measure(
    services: Services, data_dir: Path, reps: int, search_reps: int, registrations: int
) -> dict[str, Any]:
    results: dict[str, Any] = {}

    def select_one() -> None:
        with services.db.reading() as uow:
            uow.session.execute(text("SELECT 1")).all()

    results["floor: SELECT 1 (unit of work)"] = timed([select_one] * reps)

    raw = sqlite3.connect(f"file:{data_dir / 'motcua.sqlite3'}?mode=ro", uri=True)
    (max_pk,) = raw.execute("SELECT max(pk) FROM files").fetchone()
    rng = random.Random(5)
    pks = [rng.randrange(1, max_pk + 1) for _ in range(reps)]
    pk_calls = [lambda pk=pk: raw.execute("SELECT * FROM files WHERE pk = ?", (pk,)).fetchall() for pk in pks]
    results[PK_FLOOR] = timed(pk_calls)
    raw.close()

    ids = sample(
        services,
        "SELECT c.personal_id FROM files f JOIN citizens c ON c.id = f.owner_id WHERE f.pk = :pk",
        reps,
        1,
    )
    codes = sample(services, "SELECT code FROM files WHERE pk = :pk", reps, 2)
    results["exact personal-ID lookup"] = timed(
        [lambda q=q: services.files.list(FileQuery(query=q)) for q in ids]
    )
    results["exact file-code lookup"] = timed(
        [lambda q=q: services.files.list(FileQuery(query=q)) for q in codes]
    )

    searches = name_queries(services, search_reps, 3)
    mixed: list[Callable[[], object]] = []
    for kind, queries in searches.items():
        calls = [lambda q=q: services.files.list(FileQuery(query=q, limit=50)) for q in queries]
        results[f"folded-name search: {kind}"] = timed(calls)
        mixed.extend(calls)
    random.Random(4).shuffle(mixed)
    results["folded-name search (mix, limit 50)"] = timed(mixed)
    results["plans"] = {q: query_plan(services, q) for q in ("nguyen van an", "tran thi h", "khue")}
    results["matches"] = {}
    with services.db.reading() as uow:
        for q in ("nguyen", "nguyen van an", "tran thi h", "khue"):
            match = " AND ".join(f'"{t}"*' for t in q.split())
            (count,) = uow.session.execute(
                text("SELECT count(*) FROM files_fts WHERE files_fts MATCH :m"), {"m": match}
            ).one()
            results["matches"][q] = count

    # Registration through the service, and its floor: a one-row INSERT + COMMIT on a file of the same folder.
    floor_engine = make_engine(sqlite_url(data_dir / "bench-floor.sqlite3"))
    table = Table("floor", MetaData(), Column("id", Integer, primary_key=True), Column("v", Text))
    table.metadata.create_all(floor_engine)

    def insert_commit() -> None:
        with floor_engine.begin() as conn:
            conn.execute(insert(table).values(v="x"))

    results["floor: one-row INSERT + COMMIT"] = timed([insert_commit] * registrations)
    floor_engine.dispose()
    actor = services.users.system(services.settings.agency().workstation)
    numbers = new_personal_ids(services, registrations + 5, 6)
    requests = [
        RegistrationRequest.from_json(
            {
                "procedure": "2.000815",
                "applicant": {"personal_id": n, "full_name": "Nguyễn Thị Bảo Ngọc", "phone": "0912345678"},
                "documents": [
                    {"name": "Bản chính giấy tờ", "original": 1},
                    {"name": "Bản sao", "photocopy": 2},
                ],
                "copies": 2,
                "pages": 3,
            }
        )
        for n in numbers
    ]
    results["registration (one file, committed)"] = timed(
        [lambda r=r: services.files.register(r, actor) for r in requests], warmup=5
    )
    return results


# -- report ----------------------------------------------------------------------------------------------


def fmt(ms: float) -> str:
    return f"{ms:.3f} ms" if ms < 1 else f"{ms:.2f} ms" if ms < 100 else f"{ms:.0f} ms"


def table(results: dict[str, Any], files: int, throughput: list[dict[str, Any]]) -> str:
    select_floor = results["floor: SELECT 1 (unit of work)"]["median"]
    insert_floor = results["floor: one-row INSERT + COMMIT"]["median"]
    rows = [
        ("exact personal-ID lookup", "floor: SELECT 1 (unit of work)", "< 5 ms"),
        ("exact file-code lookup", "floor: SELECT 1 (unit of work)", "< 5 ms"),
        ("folded-name search (mix, limit 50)", "floor: SELECT 1 (unit of work)", "< 50 ms"),
        ("folded-name search: full name", "floor: SELECT 1 (unit of work)", "< 50 ms"),
        ("folded-name search: partial name", "floor: SELECT 1 (unit of work)", "< 50 ms"),
        ("folded-name search: rare given name", "floor: SELECT 1 (unit of work)", "< 50 ms"),
        ("registration (one file, committed)", "floor: one-row INSERT + COMMIT", "—"),
    ]
    lines = [
        f"Store of {files:,} demo files. Floors: `SELECT 1` through the unit of work {fmt(select_floor)}, "
        f"primary-key lookup on the raw connection {fmt(results[PK_FLOOR]['median'])}, "
        f"one-row INSERT + COMMIT {fmt(insert_floor)} (medians).",
        "",
        "| measure | median | p95 | floor | ratio | target |",
        "|---|---|---|---|---|---|",
    ]
    for name, floor_name, target in rows:
        r = results[name]
        floor = results[floor_name]["median"]
        label = "SELECT 1" if "SELECT" in floor_name else "INSERT+COMMIT"
        ratio = r["median"] / floor
        cells = [name, fmt(r["median"]), fmt(r["p95"]), f"{label} {fmt(floor)}", f"{ratio:.1f}×", target]
        lines.append("| " + " | ".join(cells) + " |")
    for run in throughput:
        rate = run["cli_files_per_s"] or run["wall_files_per_s"]
        what = f"demo-data, {run['files']:,} files"
        if run.get("cached"):
            what += f" (cached build, {run.get('built_at', '?')[:10]})"
        elif "built_at" in run:
            what += " (the measured store)"
        lines.append(
            f"| {what} | {rate:,.0f} files/s ({1e6 / rate:.1f} µs/file) | — | — | — | ≥ 20,000 files/s |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=1_000_000, help="files in the measured store")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached store")
    parser.add_argument(
        "--demo-files", type=int, default=200_000, help="files of the fresh demo-data run (0: none)"
    )
    parser.add_argument("--reps", type=int, default=500, help="repetitions of the exact lookups and floors")
    parser.add_argument("--search-reps", type=int, default=100, help="queries of each kind of name search")
    parser.add_argument("--registrations", type=int, default=100)
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    throughput: list[dict[str, Any]] = []
    if args.demo_files:
        fresh = out / "fresh-demo-store"
        shutil.rmtree(fresh, ignore_errors=True)
        throughput.append(demo_data(fresh, args.demo_files, args.seed))
        shutil.rmtree(fresh, ignore_errors=True)
    data_dir, build, built = cached_store(out, args.files, args.seed, args.rebuild)
    throughput.append({**build, "cached": not built})

    services = open_services(resolve(str(data_dir)))
    try:
        results = measure(services, data_dir, args.reps, args.search_reps, args.registrations)
    finally:
        services.db.dispose()
    report = {
        "files": args.files,
        "seed": args.seed,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
        },
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "results": results,
        "demo_data": throughput,
    }
    report["table"] = table(results, args.files, throughput)
    (out / "results.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(report["table"])


if __name__ == "__main__":
    main()

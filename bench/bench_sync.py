"""Offline sync: the workstation's export and the centre's import, each with the floor it is compared with.

    .venv/bin/python bench/bench_sync.py [--files 10000] [--pg-url URL] [--reps 3] [--out bench/out/sync]

1. Builds a workstation store of N demo files (``motcua init``, ``motcua demo-data``) in a fresh folder:
   every row is a change the centre has not acknowledged.
2. Times the incremental export of those N files (``SyncService.export``: all their rows — citizens,
   documents, fees, events — read in one snapshot, written, signed), plain and encrypted to a centre key.
   Floor: a bare ``SELECT *`` of the same tables on the raw sqlite3 connection (the reading any export
   needs).
3. Times the centre's import of that bundle into PostgreSQL (``CentralService.import_bundle`` on a freshly
   migrated schema: checks, merge, one transaction), in files per second. Floor: a bare ``COPY`` of the same
   rows (already parsed, in memory) into the same tables of another fresh schema, in one transaction, with
   the same triggers and indexes.
4. Times importing the same bundle again (recognised by its id) and importing the same range exported
   again (a new bundle whose every record is already there).
5. The same import into an SQLite centre, for reference.

``--pg-url`` (or ``MOTCUA_BENCH_PG_URL`` / ``MOTCUA_TEST_PG_URL``) is a PostgreSQL database the script may
create and drop schemas in. Writes ``<out>/results.json`` and prints the README's Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from timing import summary  # noqa: E402  (bench/, the script's own folder)

from desktop.cli import main as motcua  # noqa: E402
from desktop.context import open_services, resolve  # noqa: E402
from records.services.central import CentralService  # noqa: E402
from records.sync.bundle import open_bundle  # noqa: E402
from records.sync.changes import BY_NAME, SYNCED  # noqa: E402
from records.sync.crypto import CentreKeys  # noqa: E402

AGENCY_CODE = "000.17.22.H56"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument(
        "--pg-url", default=os.environ.get("MOTCUA_BENCH_PG_URL") or os.environ.get("MOTCUA_TEST_PG_URL")
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "sync")
    args = parser.parse_args()
    out: Path = args.out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    results: dict[str, Any] = {
        "files": args.files,
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "system": platform.platform(),
        },
    }

    ws_dir = out / "workstation"
    _cli(
        "init", "--agency-code", AGENCY_CODE, "--agency-name", "UBND xã Thử Nghiệm", "--data-dir", str(ws_dir)
    )
    _cli("demo-data", "--files", str(args.files), "--data-dir", str(ws_dir))
    ws = open_services(resolve(str(ws_dir), None))
    usb = out / "usb"
    usb.mkdir()

    plain = []
    for _ in range(args.reps):
        start = time.perf_counter()
        result = ws.sync.export(usb, seq_from=1)
        plain.append((time.perf_counter() - start) * 1000)
    assert result.path is not None
    bundle = result.path.rename(out / result.path.name)
    results["bundle"] = {"counts": result.counts, "bytes": bundle.stat().st_size}
    results["export_ms"] = summary(plain)
    centre_key = CentreKeys(out / "centre-keys").public_key_text()
    encrypted = []
    for _ in range(args.reps):
        start = time.perf_counter()
        enc = ws.sync.export(usb, seq_from=1, encrypt_to=centre_key)
        encrypted.append((time.perf_counter() - start) * 1000)
        assert enc.path is not None
        enc.path.unlink()
    results["export_encrypted_ms"] = summary(encrypted)
    results["export_floor_ms"] = summary([_bare_select(ws_dir) for _ in range(args.reps)])
    public_key = ws.receipts.public_key_text()
    again = ws.sync.export(usb, seq_from=1)
    assert again.path is not None
    same_range = again.path.rename(out / ("again-" + again.path.name))
    ws.db.dispose()

    rows = _rows(bundle)
    if args.pg_url:
        results["postgresql"] = _centre_runs(args, out, args.pg_url, bundle, same_range, public_key, rows)
    else:
        print("no --pg-url: the PostgreSQL import is not measured", file=sys.stderr)
    results["sqlite"] = _centre_runs(args, out, None, bundle, same_range, public_key, None)

    (out / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    _table(results)


def _cli(*argv: str) -> None:
    code = motcua(list(argv))
    if code != 0:
        raise SystemExit(f"motcua {' '.join(argv)} failed with {code}")


def _bare_select(ws_dir: Path) -> float:
    """Every row of the synced tables, read on the raw connection (ms)."""
    conn = sqlite3.connect(ws_dir / "motcua.sqlite3")
    try:
        start = time.perf_counter()
        for table in SYNCED:
            for _row in conn.execute(f"SELECT * FROM {table.name}"):
                pass
        return (time.perf_counter() - start) * 1000
    finally:
        conn.close()


def _rows(bundle: Path) -> dict[str, list[dict[str, Any]]]:
    """The bundle's rows by table, parsed: what the bare COPY writes."""
    found: dict[str, list[dict[str, Any]]] = {}
    with open_bundle(bundle, lambda manifest: _key_of(manifest)) as opened:
        for record in opened.records():
            row = record["row"]
            if record["entity"] == "users":  # as the centre mirrors them (its own "system" is there)
                row["username"] = f"{AGENCY_CODE}:1:{row['username']}"
            found.setdefault(record["entity"], []).append(row)
    return found


def _key_of(manifest: dict[str, Any]) -> bytes:
    from records.keys import parse_public_key_text

    return parse_public_key_text(manifest["public_key"])


@contextmanager
def _schema(url: str) -> Iterator[str]:
    """A fresh schema of the PostgreSQL database at ``url`` (its URL), dropped afterwards."""
    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')
    try:
        yield make_url(url).update_query_dict({"options": f"-csearch_path={name}"}).render_as_string(False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{name}" CASCADE')
        admin.dispose()


@contextmanager
def _centre(out: Path, url: str | None) -> Iterator[CentralService]:
    home = out / f"centre-{uuid.uuid4().hex[:6]}"
    if url is None:
        services = open_services(resolve(str(home), None))
        try:
            yield CentralService(services.db, home / "centre")
        finally:
            services.db.dispose()
        return
    with _schema(url) as schema_url:
        services = open_services(resolve(str(home), schema_url))
        try:
            yield CentralService(services.db, home / "centre")
        finally:
            services.db.dispose()


def _centre_runs(
    args: argparse.Namespace,
    out: Path,
    url: str | None,
    bundle: Path,
    same_range: Path,
    public_key: str,
    rows: dict[str, list[dict[str, Any]]] | None,
) -> dict[str, Any]:
    imports, again, ranges, copies = [], [], [], []
    outcome: dict[str, Any] = {}
    for _ in range(args.reps):
        with _centre(out, url) as central:
            central.enroll(public_key, AGENCY_CODE, 1)
            start = time.perf_counter()
            result = central.import_bundle(bundle)
            imports.append((time.perf_counter() - start) * 1000)
            assert result.status == "imported", result
            outcome = result.outcome
            start = time.perf_counter()
            assert central.import_bundle(bundle).status == "already_imported"
            again.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            repeat = central.import_bundle(same_range)
            ranges.append((time.perf_counter() - start) * 1000)
            assert repeat.status == "imported" and repeat.outcome["inserted"] == 0, repeat
        if rows is not None and url is not None:
            with _schema(url) as schema_url:
                services = open_services(resolve(str(out / f"copy-{uuid.uuid4().hex[:6]}"), schema_url))
                try:
                    copies.append(_bare_copy(services, rows))
                finally:
                    services.db.dispose()
    found = {
        "import_ms": summary(imports),
        "files_per_s": args.files / (summary(imports)["median"] / 1000),
        "reimport_ms": summary(again),
        "same_range_ms": summary(ranges),
        "outcome": outcome,
    }
    if copies:
        found["copy_floor_ms"] = summary(copies)
        found["ratio"] = summary(imports)["median"] / summary(copies)["median"]
    return found


def _bare_copy(services: Any, rows: dict[str, list[dict[str, Any]]]) -> float:
    """COPY the rows into the store's own tables in one transaction (ms), the catalogue seeded at start-up
    cleared first so that the same keys go in."""
    raw = services.db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        with conn.cursor() as cursor:
            for table in (BY_NAME["procedure_versions"], BY_NAME["procedures"]):  # seeded: the same keys
                cursor.execute(f'ALTER TABLE "{table.name}" DISABLE TRIGGER USER')
                cursor.execute(f'DELETE FROM "{table.name}"')
                cursor.execute(f'ALTER TABLE "{table.name}" ENABLE TRIGGER USER')
            cursor.execute("INSERT INTO sync_applying (id) VALUES (1)")
        conn.commit()
        start = time.perf_counter()
        with conn.cursor() as cursor:
            for name, table_rows in rows.items():
                table = BY_NAME[name]
                columns = table.columns()
                json_columns = {c for c in columns if table.table.c[c].type.__class__.__name__ == "JSON"}
                names = ", ".join(f'"{c}"' for c in columns)
                with cursor.copy(f'COPY "{name}" ({names}) FROM STDIN') as copy:
                    for row in table_rows:
                        copy.write_row([json.dumps(row[c]) if c in json_columns else row[c] for c in columns])
        conn.commit()
        return (time.perf_counter() - start) * 1000
    finally:
        raw.close()


def _table(results: dict[str, Any]) -> None:
    n = results["files"]
    counts = results["bundle"]["counts"]
    records = sum(v for k, v in counts.items() if k != "objects")
    floor = results["export_floor_ms"]["median"]
    print(f"\nbundle: {n:,} files, {records:,} records, {results['bundle']['bytes'] / 1e6:.1f} MB\n")
    print("| measure | median | floor | ratio | target |")
    print("|---|---|---|---|---|")
    for key, label in (("export_ms", "export"), ("export_encrypted_ms", "export, encrypted to the centre")):
        median = results[key]["median"]
        print(
            f"| incremental {label}, {n:,} changed files | {median / 1000:.2f} s | bare SELECT of the same "
            f"tables {floor:.0f} ms | {median / floor:.1f}× | < 3 s |"
        )
    for engine, label in (("postgresql", "PostgreSQL"), ("sqlite", "SQLite")):
        if engine not in results:
            continue
        run = results[engine]
        median = run["import_ms"]["median"]
        copy = run.get("copy_floor_ms")
        floor_text = f"bare COPY of the same rows {copy['median']:.0f} ms" if copy else ""
        ratio = f"{run['ratio']:.1f}×" if copy else ""
        target = "≥ 10,000 files/s, ≤ 5×" if engine == "postgresql" else "—"
        print(
            f"| central import into {label} | {median / 1000:.2f} s ({run['files_per_s']:,.0f} files/s) | "
            f"{floor_text} | {ratio} | {target} |"
        )
        again = run["reimport_ms"]["median"]
        same = run["same_range_ms"]["median"] / 1000
        print(f"| … the same bundle again (recognised) | {again:.0f} ms | | | nothing changes |")
        print(f"| … the same range exported again | {same:.2f} s | | | nothing changes |")


if __name__ == "__main__":
    main()

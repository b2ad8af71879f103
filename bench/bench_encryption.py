"""Encryption at rest: what it costs, as ratios of the same work on the same store unencrypted.

    .venv/bin/python bench/bench_encryption.py [--files 20000] [--reps 300] [--out bench/out/encryption]

1. Builds a store of N demo files (``motcua init``, ``motcua demo-data``) and copies it: one copy stays
   plain, the other is encrypted (``records.encryption.enable``, timed: the conversion of N files).
2. On each, times: an exact personal-ID lookup, a folded-name search (limit 50), the registration of one
   file (committed), and reading a 2 MB stored document back (decrypted and checked against its name).
   The plain store's figure is the floor of each encrypted one.
3. Times opening the encrypted store's key from the passphrase (argon2id, 64 MiB) — once per start-up.

Writes ``<out>/results.json`` and prints the README's Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_store import demo_data, new_personal_ids, sample, timed  # noqa: E402

from desktop.context import open_services, resolve  # noqa: E402
from records.encryption import enable, read_config  # noqa: E402
from records.files import FileQuery, RegistrationRequest  # noqa: E402

PASSPHRASE = "mật khẩu đo hiệu năng"


def measure(data_dir: Path, passphrase: str | None, reps: int, registrations: int) -> dict[str, Any]:
    services = open_services(resolve(str(data_dir)), passphrase)
    results: dict[str, Any] = {}
    ids = sample(
        services,
        "SELECT c.personal_id FROM files f JOIN citizens c ON c.id = f.owner_id WHERE f.pk = :pk",
        reps,
        1,
    )
    results["exact personal-ID lookup"] = timed(
        [lambda q=q: services.files.list(FileQuery(query=q)) for q in ids]
    )
    names = ["nguyen van an", "tran thi h", "le minh", "pham thu", "hoang duc"] * (reps // 5)
    results["folded-name search (limit 50)"] = timed(
        [lambda q=q: services.files.list(FileQuery(query=q, limit=50)) for q in names]
    )
    actor = services.users.system(services.settings.agency().workstation)
    numbers = new_personal_ids(services, registrations + 5, 6)
    requests = [
        RegistrationRequest.from_json(
            {
                "procedure": "2.000815",
                "applicant": {"personal_id": n, "full_name": "Nguyễn Thị Bảo Ngọc"},
                "documents": [{"name": "Bản chính giấy tờ", "original": 1}],
            }
        )
        for n in numbers
    ]
    results["registration (one file, committed)"] = timed(
        [lambda r=r: services.files.register(r, actor) for r in requests]
    )
    objects = services.attachments.objects
    document = random.Random(3).randbytes(2 * 1024 * 1024)
    pending = objects.put_pending(document)
    objects.settle(pending, True, lambda _sha: True)
    results["read a 2 MB document (checked)"] = timed([lambda: objects.read(pending.sha256)] * 40)
    services.db.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--reps", type=int, default=300)
    parser.add_argument("--registrations", type=int, default=200)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "encryption")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    plain, encrypted = out / "plain", out / "encrypted"
    print(f"building a store of {args.files:,} demo files …", file=sys.stderr)
    build = demo_data(plain, args.files, 1)
    shutil.copytree(plain, encrypted)
    start = time.perf_counter()
    enable(resolve(str(encrypted)).store_files(), PASSPHRASE)
    conversion = time.perf_counter() - start
    size = {
        name: os.path.getsize(folder / "motcua.sqlite3")
        for name, folder in (("plain", plain), ("encrypted", encrypted))
    }
    config = read_config(encrypted)
    assert config is not None
    unlock = timed([lambda: config.unlock(PASSPHRASE)] * 10, warmup=1)
    results = {
        "files": args.files,
        "build": build,
        "conversion_seconds": conversion,
        "database_bytes": size,
        "unlock": unlock,
        "plain": measure(plain, None, args.reps, args.registrations),
        "encrypted": measure(encrypted, PASSPHRASE, args.reps, args.registrations),
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(table(results))


def table(results: dict[str, Any]) -> str:
    lines = [
        f"| measure ({results['files']:,}-file store) | encrypted median | p95 | floor: plain | ratio |",
        "|---|---|---|---|---|",
    ]
    for name, enc in results["encrypted"].items():
        base = results["plain"][name]
        lines.append(
            f"| {name} | {enc['median']:.2f} ms | {enc['p95']:.2f} ms | {base['median']:.2f} ms | "
            f"{enc['median'] / base['median']:.2f}× |"
        )
    lines.append(
        f"| turning encryption on ({results['files']:,} files, database "
        f"{results['database_bytes']['plain'] / 1e6:.0f} MB) | {results['conversion_seconds']:.2f} s | | | |"
    )
    unlock = results["unlock"]["median"]
    lines.append(f"| opening the key from the passphrase (argon2id, 64 MiB) | {unlock:.0f} ms | | | |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()

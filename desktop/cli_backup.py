"""``motcua backup`` and ``motcua restore``: the store, its documents and keys in one checked zip.

    motcua backup --out PATH [--json]
    motcua backup --verify PATH [--json]
    motcua restore PATH [--json]

``backup`` checks the store first (``PRAGMA integrity_check``, every document re-hashed), writes the zip
under a temporary name, and checks it again before it renames it into place. ``--verify`` only checks a
backup. ``restore`` checks the backup, backs the store up as it is (``backups/motcua-before-restore-….zip``
in the data folder), puts the backup in its place and checks the result. JSON keys: ``path``,
``created_at``, ``schema_revision``, ``counts``. Exit 0 when done, 2 when refused (``reason``:
``damaged_store``, ``not_a_backup``, ``damaged_backup``, ``newer_backup``, ``not_sqlite``): nothing changed.
The automatic backups (daily, before migrations, imports and restores) go to the same folder and are
rotated.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import EXIT_OK, CliError, _actor, _print_json, _services


def _out(result: Any, as_json: bool, verb: str) -> None:
    if as_json:
        _print_json(result.to_json())
    else:
        counts = ", ".join(f"{k} {v}" for k, v in result.counts.items())
        print(f"{verb} {result.path} (made {result.created_at.isoformat()}; {counts})")


def cmd_backup(args: argparse.Namespace) -> int:
    if bool(args.out) == bool(args.verify):
        raise CliError("give --out PATH to make a backup, or --verify PATH to check one")
    services = _services(args)
    if args.verify:
        _out(services.backups.verify(Path(args.verify)), args.json, "intact:")
    else:
        _out(services.backups.backup(Path(args.out), _actor(services)), args.json, "backed up to")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    services = _services(args)
    _out(services.backups.restore(Path(args.path), _actor(services)), args.json, "restored from")
    return EXIT_OK


def add_commands(sub: Any, add: Any) -> None:
    """Add ``backup`` and ``restore`` to the parser (``add`` is the parser's command helper)."""
    p = add(sub, "backup", cmd_backup, "back the store up (database, documents, keys) into a checked zip")
    p.add_argument("--out", help="the backup file to write")
    p.add_argument("--verify", metavar="PATH", help="only check the backup at PATH")
    p.add_argument("--json", action="store_true")
    p = add(sub, "restore", cmd_restore, "put a backup in place of the store (it is backed up first)")
    p.add_argument("path")
    p.add_argument("--json", action="store_true")

"""``motcua backup`` and ``motcua restore``: the store, its documents and keys in one checked zip.

    motcua backup --out PATH [--json]
    motcua backup --verify PATH [--json]
    motcua restore PATH [--json]

``backup`` checks the store first (``PRAGMA integrity_check``, every document re-hashed), writes the zip
under a temporary name, and checks it again before it renames it into place. ``--verify`` only checks a
backup. ``restore`` checks the backup, backs the store up as it is (``backups/motcua-before-restore-….zip``
in the data folder), puts the backup in its place and checks the result. JSON keys: ``path``,
``created_at``, ``schema_revision``, ``counts``. Exit 0 when done, 2 when refused (``reason``:
``damaged_store``, ``not_a_backup``, ``damaged_backup``, ``newer_backup``, ``not_sqlite``,
``encrypted_backup``): nothing changed.

An encrypted store's backups are encrypted with its key. A store restores any backup and keeps its own
encryption: a backup encrypted under another key (another PC, a passphrase since changed is fine) needs the
passphrase or recovery code it was made under (``MOTCUA_BACKUP_PASSPHRASE``, or asked at a terminal).
The automatic backups (daily, before migrations, imports and restores) go to the same folder and are
rotated.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from desktop.cli import EXIT_OK, CliError, _actor, _print_json, _services

BACKUP_PASSPHRASE_ENV = "MOTCUA_BACKUP_PASSPHRASE"


def _out(result: Any, as_json: bool, verb: str) -> None:
    if as_json:
        _print_json(result.to_json())
    else:
        counts = ", ".join(f"{k} {v}" for k, v in result.counts.items())
        print(f"{verb} {result.path} (made {result.created_at.isoformat()}; {counts})")


def _backup_passphrase(services: Any, path: Path) -> str | None:
    """An encrypted backup's passphrase when it was made under another key than the store's:
    ``MOTCUA_BACKUP_PASSPHRASE``, else asked at a terminal."""
    if not services.backups.needs_passphrase(path):
        return None
    found = os.environ.get(BACKUP_PASSPHRASE_ENV)
    if found:
        return found
    if sys.stdin.isatty():
        return getpass.getpass(f"passphrase (or recovery code) the backup {path.name} was made under: ")
    raise CliError(
        f"{path.name} is encrypted under another key: set {BACKUP_PASSPHRASE_ENV}, or run the command at a "
        "terminal"
    )


def cmd_backup(args: argparse.Namespace) -> int:
    if bool(args.out) == bool(args.verify):
        raise CliError("give --out PATH to make a backup, or --verify PATH to check one")
    services = _services(args)
    if args.verify:
        path = Path(args.verify)
        _out(services.backups.verify(path, _backup_passphrase(services, path)), args.json, "intact:")
    else:
        _out(services.backups.backup(Path(args.out), _actor(services)), args.json, "backed up to")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    services = _services(args)
    path = Path(args.path)
    passphrase = _backup_passphrase(services, path)
    _out(services.backups.restore(path, _actor(services), passphrase), args.json, "restored from")
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

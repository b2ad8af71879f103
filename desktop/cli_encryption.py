"""``motcua encryption``: encryption at rest of an SQLite store (``records.encryption``).

    motcua encryption status [--json]
    motcua encryption enable [--json]
    motcua encryption disable [--json]
    motcua encryption change-passphrase [--json]

``enable`` asks for a new passphrase (twice at a terminal; else the first line of standard input), converts
the store (database, documents, key files; thumbnails are dropped and made again encrypted) and prints the
**recovery code** once: write it down and keep it apart from the PC; with neither it nor the passphrase the
data cannot be read. ``disable`` and ``change-passphrase`` ask for the current passphrase (or the recovery
code) first (``MOTCUA_PASSPHRASE`` is taken when set), ``change-passphrase`` then for the new one. Close the
application first: a store in use is refused (``store_in_use``). A conversion that is interrupted is
finished the next time the store is opened with the passphrase.

JSON keys: ``status``: ``encrypted``, ``state``, ``cipher``, ``key_id``, ``created_at``, ``kdf``;
``enable``: ``encrypted``, ``key_id``, ``recovery_code``, ``documents``, ``key_files``, ``damaged``,
``plain_backups``; ``disable``: ``encrypted``, ``documents``, ``key_files``, ``damaged``;
``change-passphrase``: ``encrypted``, ``key_id``. Exit 0 when done, 2 when refused (nothing changed).
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from desktop.cli import EXIT_OK, _print_json, _read_secret


def _location(args: argparse.Namespace) -> Any:
    from desktop.context import resolve

    return resolve(args.data_dir, args.db)


def _new_passphrase() -> str:
    return _read_secret("new passphrase (at least 10 characters): ", "passphrase", confirm=True)


def _current_passphrase() -> str:
    from desktop.context import PASSPHRASE_ENV

    found = os.environ.get(PASSPHRASE_ENV)
    if found:
        return found
    return _read_secret("current passphrase (or the recovery code): ", "passphrase", confirm=False)


def _audit(location: Any, passphrase: str | None, action: str, details: dict[str, Any]) -> None:
    """Note the change in the store's audit log (the store opened with its new key)."""
    from desktop.context import open_services
    from records import audit

    services = open_services(location, passphrase)
    try:
        with services.db.writing() as uow:
            actor = services.users.system(None)
            audit.append(uow.session, actor, action, "store", None, details)
            uow.commit()
    finally:
        services.db.dispose()


def _report_json(report: Any) -> dict[str, Any]:
    return {"documents": report.documents, "key_files": report.key_files, "damaged": report.damaged}


def cmd_status(args: argparse.Namespace) -> int:
    from records.encryption import describe

    data = describe(_location(args).data_dir)
    if args.json:
        _print_json(data)
    elif data["encrypted"]:
        print(f"encrypted ({data['cipher']}), key {data['key_id']}, since {data['created_at']}")
        if data["state"] != "on":
            print(f"a conversion was interrupted ({data['state']}): open the store with its passphrase")
    else:
        print("not encrypted (use the operating system's disk encryption, or 'motcua encryption enable')")
    return EXIT_OK


def cmd_enable(args: argparse.Namespace) -> int:
    from desktop.context import open_services
    from records.encryption import enable

    location = _location(args)
    files = location.store_files()
    if not location.is_encrypted():
        open_services(location).db.dispose()  # made and migrated first: what is encrypted is whole
    passphrase = _new_passphrase()
    key, recovery, report = enable(files, passphrase)
    _audit(location, passphrase, "store.encrypted", {"key_id": key.key_id, **_report_json(report)})
    if args.json:
        _print_json(
            {
                "encrypted": True,
                "key_id": key.key_id,
                "recovery_code": recovery,
                **_report_json(report),
                "plain_backups": [str(p) for p in report.plain_backups],
            }
        )
        return EXIT_OK
    print(f"encrypted: {report.documents} documents, {report.key_files} key files, the database")
    print()
    print(f"    RECOVERY CODE: {recovery}")
    print()
    print("Write it down and keep it apart from this PC. Without the passphrase or this code, nobody")
    print("(not even the vendor) can read the data again.")
    if report.damaged:
        print(
            f"{len(report.damaged)} damaged documents were left as they are: run 'motcua attachments verify'"
        )
    if report.plain_backups:
        folder = report.plain_backups[0].parent
        print(
            f"{len(report.plain_backups)} backups made before encryption in {folder} are NOT encrypted: "
            "move them somewhere safe or delete them"
        )
    return EXIT_OK


def cmd_disable(args: argparse.Namespace) -> int:
    from records.encryption import disable

    location = _location(args)
    files = location.store_files()
    report = disable(files, _current_passphrase())
    _audit(location, None, "store.decrypted", _report_json(report))
    if args.json:
        _print_json({"encrypted": False, **_report_json(report)})
    else:
        print(f"decrypted: {report.documents} documents, {report.key_files} key files, the database")
    return EXIT_OK


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    from records.encryption import change_passphrase, read_config

    location = _location(args)
    location.store_files()
    current = _current_passphrase()
    new = _new_passphrase()
    change_passphrase(location.data_dir, current, new)
    config = read_config(location.data_dir)
    key_id = config.key_id if config else None
    _audit(location, new, "store.passphrase_changed", {"key_id": key_id})
    if args.json:
        _print_json({"encrypted": True, "key_id": key_id})
    else:
        print("the passphrase is changed (the recovery code stays the same)")
    return EXIT_OK


def add_commands(sub: Any, add: Any) -> None:
    """Add ``encryption status|enable|disable|change-passphrase`` (``sub``: the ``encryption`` group)."""
    for name, handler, help_ in (
        ("status", cmd_status, "whether the store is encrypted"),
        ("enable", cmd_enable, "encrypt the store (asks for a new passphrase; prints the recovery code)"),
        ("disable", cmd_disable, "decrypt the store (asks for the passphrase)"),
        ("change-passphrase", cmd_change_passphrase, "set a new passphrase (asks for the current one)"),
    ):
        p = add(sub, name, handler, help_)
        p.add_argument("--json", action="store_true")

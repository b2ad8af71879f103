"""``motcua export`` and the other offline-sync commands of a workstation.

    motcua export --out DIR [--from-seq N] [--to-seq N] [--encrypt-to KEY] [--json]
    motcua import-ack FILE [--json]
    motcua sync-config [--centre-signing-key KEY] [--centre-encryption-key KEY] [--folder DIR]
                       [--on-close | --no-on-close] [--times HH:MM,...] [--json]
    motcua sync-status [--json]

``export`` writes one signed bundle of what changed since the centre's last acknowledgement (or of the
change range asked for) into DIR, and prints its path and counts; with nothing to export it writes nothing
(``"path": null``). Exit 0 when done, 2 when refused (DIR is not a folder, a range that does not exist, a
stored document missing or damaged: nothing is left behind). When the centre's encryption key is configured
(or given with ``--encrypt-to``), only the encrypted bundle (``….zip.enc``) reaches DIR.

``import-ack`` takes the centre's signed acknowledgement (``motcua central ack``): the next export starts
after the last change it acknowledges, and the documents it reports missing are sent again. It also keeps
the audit chain heads it carries (checkpoints for ``motcua audit verify``) and raises the file-code and
register counters to the numbers the centre holds. JSON keys: ``acked_seq``, ``previous_seq``,
``exports_acknowledged``, ``missing_objects``, ``audit_checkpoints`` (new checkpoints kept) and
``other_epoch`` (true when the ack counts in a store epoch this store does not descend from: the mark does
not move). Exit 2 when the file does not check (another centre, altered, another workstation's) or no
centre key is configured.

``sync-config`` shows, or changes, the centre's keys, the folder automatic exports go to and when the
application exports by itself (when it closes, at times of day). ``sync-status`` prints what the sync
panel shows.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import EXIT_OK, _actor, _print_json, _services


def cmd_export(args: argparse.Namespace) -> int:
    services = _services(args)
    result = services.sync.export(
        Path(args.out), args.from_seq, args.to_seq, encrypt_to=args.encrypt_to, actor=_actor(services)
    )
    if args.json:
        _print_json(result.to_json())
    elif result.path is None:
        print(f"nothing to export (changes after {result.seq_from - 1} are all acknowledged)")
    else:
        counts = ", ".join(f"{name} {count}" for name, count in sorted(result.counts.items()))
        print(f"{result.path}\nchanges {result.seq_from}..{result.seq_to}: {counts}")
    return EXIT_OK


def cmd_import_ack(args: argparse.Namespace) -> int:
    services = _services(args)
    result = services.sync.import_ack(Path(args.file), _actor(services))
    if args.json:
        _print_json(result.to_json())
    else:
        print(f"acknowledged up to change {result.acked_seq} (was {result.previous_seq})")
        if result.other_epoch:
            print("the acknowledgement counts in another store epoch: the mark did not move")
        if result.missing_objects:
            print(f"{len(result.missing_objects)} documents will be sent again with the next export")
    return EXIT_OK


def cmd_sync_config(args: argparse.Namespace) -> int:
    services = _services(args)
    changes: dict[str, Any] = {}
    for name in ("centre_signing_key", "centre_encryption_key", "folder", "on_close"):
        value = getattr(args, name)
        if value is not None:
            changes[name] = value
    if args.times is not None:
        changes["times"] = [t for t in args.times.split(",") if t.strip()]
    config = services.sync.configure(_actor(services), **changes) if changes else services.sync.config()
    if args.json:
        _print_json(config.to_json())
    else:
        for key, value in config.to_json().items():
            print(f"{key}: {value if value not in (None, []) else '-'}")
    return EXIT_OK


def cmd_sync_status(args: argparse.Namespace) -> int:
    services = _services(args)
    status = services.sync.status()
    data = status.to_json()
    if args.json:
        _print_json(data)
    else:
        for key, value in data.items():
            print(f"{key}: {value if value is not None else '-'}")
    return EXIT_OK


def add_commands(sub: Any, add: Any) -> None:
    """Add the workstation's sync commands to the parser (``add`` is the parser's command helper)."""
    p = add(sub, "export", cmd_export, "write a signed bundle of what changed, for the centre")
    p.add_argument("--out", required=True, help="the folder to write the bundle into (a USB stick, a share)")
    p.add_argument("--from-seq", type=int, help="re-export from this change (default: after the last ack)")
    p.add_argument("--to-seq", type=int, help="up to this change (default: the latest)")
    p.add_argument("--encrypt-to", help="encrypt to this centre key (x25519:…; default: the configured one)")
    p.add_argument("--json", action="store_true")

    p = add(sub, "import-ack", cmd_import_ack, "take the centre's acknowledgement of exported changes")
    p.add_argument("file", help="the acknowledgement file the centre wrote (motcua central ack)")
    p.add_argument("--json", action="store_true")

    p = add(sub, "sync-config", cmd_sync_config, "show or change how this workstation syncs")
    p.add_argument("--centre-signing-key", help="ed25519:… (checks acknowledgements; '' clears)")
    p.add_argument("--centre-encryption-key", help="x25519:… (bundles are encrypted to it; '' clears)")
    p.add_argument("--folder", help="where automatic exports go ('' clears)")
    p.add_argument(
        "--on-close",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="export when the application closes",
    )
    p.add_argument("--times", help="times of day to export at, HH:MM separated by commas ('' clears)")
    p.add_argument("--json", action="store_true")

    p = add(sub, "sync-status", cmd_sync_status, "what is not yet acknowledged by the centre")
    p.add_argument("--json", action="store_true")

"""``motcua export`` and the other offline-sync commands of a workstation.

    motcua export --out DIR [--from-seq N] [--to-seq N] [--json]

``export`` writes one signed bundle of what changed since the centre's last acknowledgement (or of the
change range asked for) into DIR, and prints its path and counts; with nothing to export it writes nothing
(``"path": null``). Exit 0 when done, 2 when refused (DIR is not a folder, a range that does not exist, a
stored document missing or damaged: nothing is left behind).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import EXIT_OK, _print_json, _services


def cmd_export(args: argparse.Namespace) -> int:
    services = _services(args)
    result = services.sync.export(Path(args.out), args.from_seq, args.to_seq)
    if args.json:
        _print_json(result.to_json())
    elif result.path is None:
        print(f"nothing to export (changes after {result.seq_from - 1} are all acknowledged)")
    else:
        counts = ", ".join(f"{name} {count}" for name, count in sorted(result.counts.items()))
        print(f"{result.path}\nchanges {result.seq_from}..{result.seq_to}: {counts}")
    return EXIT_OK


def add_commands(sub: Any, add: Any) -> None:
    """Add the workstation's sync commands to the parser (``add`` is the parser's command helper)."""
    p = add(sub, "export", cmd_export, "write a signed bundle of what changed, for the centre")
    p.add_argument("--out", required=True, help="the folder to write the bundle into (a USB stick, a share)")
    p.add_argument("--from-seq", type=int, help="re-export from this change (default: after the last ack)")
    p.add_argument("--to-seq", type=int, help="up to this change (default: the latest)")
    p.add_argument("--json", action="store_true")

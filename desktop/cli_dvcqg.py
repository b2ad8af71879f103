"""``motcua export-dvcqg``: the files received in a date range, as the national portal's sync records.

    motcua export-dvcqg --from D --to D --out FILE.json [--json]

``--from`` and ``--to`` are local (Vietnam) days, both included (``YYYY-MM-DD``, as ``print register``
takes them). The document (format ``dvcqg-1``, described in :mod:`records.sync.dvcqg`) is written whole or
not at all: to a temporary file in the same folder, then renamed. The export is noted in the audit log
(it carries every owner's personal data). With ``--json`` the command prints
``{"out": path, "files": N, "events": M, "attachments": K}``. Exit 2 for a reversed or malformed range, a
range over 366 days, an uninitialised store or an unwritable ``--out`` (nothing is left behind).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desktop.cli import EXIT_OK, _actor, _print_json, _services


def cmd_export_dvcqg(args: argparse.Namespace) -> int:
    from printing.render import write_atomic
    from records.clock import now, parse_date
    from records.sync.dvcqg import export_document

    date_from, date_to = parse_date(args.date_from), parse_date(args.date_to)
    services = _services(args)
    export = services.files.portal_export(date_from, date_to)
    document = export_document(export, now())
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    path = write_atomic(data, Path(args.out))
    counts = document["counts"]
    services.files.record_portal_exported(
        _actor(services), date_from, date_to, {"file": path.name, "bytes": len(data), **counts}
    )
    result: dict[str, Any] = {"out": str(path), **counts}
    if args.json:
        _print_json(result)
    else:
        print(
            f"wrote {path}: {counts['files']} file(s), {counts['events']} event(s), "
            f"{counts['attachments']} attachment(s) received {date_from.isoformat()} to {date_to.isoformat()}"
        )
    return EXIT_OK


def add_commands(sub: Any, add: Any) -> None:
    """Add ``export-dvcqg`` to the parser (``add`` is the parser's command helper)."""
    p = add(sub, "export-dvcqg", cmd_export_dvcqg, "export the files of a date range for the national portal")
    p.add_argument(
        "--from", dest="date_from", metavar="DATE", required=True, help="first day received (YYYY-MM-DD)"
    )
    p.add_argument("--to", dest="date_to", metavar="DATE", required=True, help="last day (YYYY-MM-DD)")
    p.add_argument("--out", metavar="FILE", required=True, help="the JSON file to write")
    p.add_argument("--json", action="store_true")

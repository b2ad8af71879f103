"""``motcua audit …``: the audit log's hash chain.

    motcua audit verify [--json]
    motcua audit list [--user NAME] [--action A|PREFIX.] [--entity-id X] [--from D] [--to D] [--limit N]
                      [--json]
    motcua audit citizen ID_NUMBER --out FILE [--json]

``verify`` recomputes the whole chain and compares it with the checkpoints the centre's acknowledgements
brought back (``motcua import-ack``: the heads the centre received in signed bundles). Exit 0 when it is
intact; 1 when an entry was edited, deleted or moved, naming the first broken link (``first_broken``:
``seq``, ``id``, ``reason`` — ``edited``, ``missing_or_reordered`` or ``unchained``; against a checkpoint,
``rewritten`` when the entry's hash is not the one the centre received (the chain was rewritten, hashes
recomputed) or ``truncated`` when the chain ends before it (``id`` null) — and ``message``). JSON keys:
``intact``, ``entries``, ``head`` (``seq``, ``hash``: the newest entry), ``first_broken`` (null when
intact) and ``checkpoints`` (``checked``; ``skipped``: those of entries a restore of a backup undid).

``list`` shows the entries (newest first) by a user, an action (``file.opened``, or every ``file.`` one),
about a file code or a citizen's id, between two days. ``citizen`` writes every entry about one citizen
(their lookups, their files' changes, prints and openings) to FILE, for a data subject's request; the
export is itself in the audit log.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import EXIT_NO, EXIT_OK, _actor, _date_option, _print_json, _services


def cmd_audit_verify(args: argparse.Namespace) -> int:
    report = _services(args).audit.verify()
    if args.json:
        _print_json(report.to_json())
    elif report.intact:
        print(f"the audit log is intact: {report.entries} entries, head {report.head.hash[:16]}…")
        if report.checkpoints_checked:
            print(f"it matches the {report.checkpoints_checked} checkpoints the centre acknowledged")
    else:
        print(f"the audit log is broken at entry {report.broken_seq} ({report.reason}): {report.message}")
    return EXIT_OK if report.intact else EXIT_NO


def cmd_audit_list(args: argparse.Namespace) -> int:
    from records.services.audit import AuditFilter

    services = _services(args)
    query = AuditFilter(
        username=args.user,
        action=args.action,
        entity_id=args.entity_id,
        date_from=_date_option(args.date_from, "--from") if args.date_from else None,
        date_to=_date_option(args.date_to, "--to") if args.date_to else None,
        limit=args.limit,
    )
    entries = services.audit.search(_actor(services), query)
    if args.json:
        _print_json([e.to_json() for e in entries])
    else:
        for e in entries:
            print(f"{e.seq:>8} {e.at.isoformat()} {e.username:<20} {e.action:<24} {e.entity_id or ''}")
    return EXIT_OK


def cmd_audit_citizen(args: argparse.Namespace) -> int:
    services = _services(args)
    report = services.audit.export_about_citizen(_actor(services), args.id_number, Path(args.out))
    if args.json:
        _print_json(report.to_json())
    else:
        print(f"{report.entries} entries about the citizen written to {report.path}")
    return EXIT_OK


def add_commands(audit_sub: Any, add: Any) -> None:
    """Add the commands of ``motcua audit`` to its sub-parsers (``add`` is the parser's command helper)."""
    p = add(audit_sub, "verify", cmd_audit_verify, "check the audit log's hash chain (exit 1 when broken)")
    p.add_argument("--json", action="store_true")
    p = add(audit_sub, "list", cmd_audit_list, "the audit log's entries, newest first, filtered")
    p.add_argument("--user", help="by this user name")
    p.add_argument("--action", help="this action, or every action starting with it when it ends in '.'")
    p.add_argument("--entity-id", help="about this file code or citizen id")
    p.add_argument("--from", dest="date_from", help="from this day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="to this day, YYYY-MM-DD")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p = add(audit_sub, "citizen", cmd_audit_citizen, "every entry about one citizen, for their request")
    p.add_argument("id_number", metavar="ID_NUMBER", help="the citizen's 12-digit personal ID or old ID")
    p.add_argument("--out", required=True, help="the JSON file to write")
    p.add_argument("--json", action="store_true")

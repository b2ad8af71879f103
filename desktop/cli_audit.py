"""``motcua audit …``: the audit log's hash chain.

    motcua audit verify [--json]

``verify`` recomputes the whole chain. Exit 0 when it is intact; 1 when an entry was edited, deleted or
moved, naming the first broken link (``first_broken``: ``seq``, ``id``, ``reason`` — ``edited``,
``missing_or_reordered`` or ``unchained`` — and ``message``). JSON keys: ``intact``, ``entries``, ``head``
(``seq``, ``hash``: the newest entry) and ``first_broken`` (null when intact).
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import EXIT_NO, EXIT_OK, _print_json, _services


def cmd_audit_verify(args: argparse.Namespace) -> int:
    report = _services(args).audit.verify()
    if args.json:
        _print_json(report.to_json())
    elif report.intact:
        print(f"the audit log is intact: {report.entries} entries, head {report.head.hash[:16]}…")
    else:
        print(f"the audit log is broken at entry {report.broken_seq} ({report.reason}): {report.message}")
    return EXIT_OK if report.intact else EXIT_NO


def add_commands(audit_sub: Any, add: Any) -> None:
    """Add the commands of ``motcua audit`` to its sub-parsers (``add`` is the parser's command helper)."""
    p = add(audit_sub, "verify", cmd_audit_verify, "check the audit log's hash chain (exit 1 when broken)")
    p.add_argument("--json", action="store_true")

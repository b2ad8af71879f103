"""``motcua day …``: the supervisor's day from the command line.

    motcua day show DATE [--json]
    motcua day close DATE [--json]

``show`` prints the day's figures (the JSON of the supervisor's screen: received, due today, overdue,
returned, finished on time and late, by clerk and by procedure, and ``closed_at``/``closed_by`` once the
day is closed). ``close`` closes it (chốt sổ): the figures as they stand are kept with who closed it; a day
still to come or already closed is refused (exit 2). DATE is ``YYYY-MM-DD`` or ``today``.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from desktop.cli import EXIT_OK, _actor, _date_option, _print_json, _services


def _day(text: str) -> date:
    if text == "today":
        from records.clock import local, now

        return local(now()).date()
    return _date_option(text, "DATE")


def _out(summary: Any, as_json: bool) -> None:
    if as_json:
        _print_json(summary.to_json())
        return
    print(
        f"{summary.day.isoformat()}: received {summary.received}, returned {summary.returned}, "
        f"overdue {summary.overdue}, finished {summary.finished}"
    )
    if summary.closed_at is not None:
        print(f"closed by {summary.closed_by} at {summary.closed_at.isoformat()}")


def cmd_day_show(args: argparse.Namespace) -> int:
    _out(_services(args).reports.day(_day(args.date)), args.json)
    return EXIT_OK


def cmd_day_close(args: argparse.Namespace) -> int:
    services = _services(args)
    _out(services.reports.close_day(_actor(services), _day(args.date)), args.json)
    return EXIT_OK


def add_commands(day_sub: Any, add: Any) -> None:
    """Add the commands of ``motcua day`` to its sub-parsers (``add`` is the parser's command helper)."""
    for name, handler, text in (
        ("show", cmd_day_show, "a day's figures"),
        ("close", cmd_day_close, "close a day (chốt sổ): its figures kept with who closed it"),
    ):
        p = add(day_sub, name, handler, text)
        p.add_argument("date", help="YYYY-MM-DD or today")
        p.add_argument("--json", action="store_true")

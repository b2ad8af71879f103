"""``motcua user …``: accounts, from the command line (the built-in ``system`` account acts, as an
administrator; the data folder's owner is trusted).

    motcua user add NAME --role clerk|supervisor|admin [--full-name T] [--json]
    motcua user list [--json]
    motcua user disable NAME [--json]
    motcua user enable NAME [--json]
    motcua user reset-password NAME [--json]
    motcua user unlock NAME [--json]

The password of ``add`` and ``reset-password`` is asked twice at a terminal, or read from the first line
of standard input (``echo "$PW" | motcua user add …``); it is never an argument (others could read it from
the process list) and never printed. Exit 0 when done, 2 when refused (a weak password, a taken or
invalid name, the last administrator disabled).
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import EXIT_OK, _actor, _print_json, _read_secret, _services


def _password(prompt: str) -> str:
    return _read_secret(prompt, "password", confirm=True)


def _view_json(view: Any, locks: dict[str, Any]) -> dict[str, Any]:
    until = locks.get(view.username)
    return {**view.to_json(), "locked_until": until.isoformat() if until else None}


def cmd_user_add(args: argparse.Namespace) -> int:
    from records.users import Role

    role = Role.parse(args.role)
    services = _services(args)
    password = _password(f"password for {args.name}: ")
    services.users.add(_actor(services), args.name, args.full_name or args.name, role, password)
    view = services.users.get(args.name)
    if args.json:
        _print_json(_view_json(view, {}))
    else:
        print(f"{view.username} added ({view.role.value})")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    services = _services(args)
    views, locks = services.users.list(), services.users.locks()
    if args.json:
        _print_json([_view_json(v, locks) for v in views])
    else:
        for v in views:
            state = "active" if v.active else "disabled"
            if v.username in locks:
                state += f", locked until {locks[v.username].isoformat()}"
            print(f"{v.username:<24} {v.role.value:<10} {state:<10} {v.full_name}")
    return EXIT_OK


def _set_active(args: argparse.Namespace, active: bool) -> int:
    services = _services(args)
    view = services.users.set_active(_actor(services), args.name, active)
    if args.json:
        _print_json(_view_json(view, services.users.locks()))
    else:
        print(f"{view.username} {'enabled' if view.active else 'disabled'}")
    return EXIT_OK


def cmd_user_disable(args: argparse.Namespace) -> int:
    return _set_active(args, False)


def cmd_user_enable(args: argparse.Namespace) -> int:
    return _set_active(args, True)


def cmd_user_reset_password(args: argparse.Namespace) -> int:
    services = _services(args)
    services.users.get(args.name)  # an unknown name is refused before a password is asked
    view = services.users.reset_password(
        _actor(services), args.name, _password(f"new password for {args.name}: ")
    )
    if args.json:
        _print_json(_view_json(view, services.users.locks()))
    else:
        print(f"password of {view.username} reset")
    return EXIT_OK


def cmd_user_unlock(args: argparse.Namespace) -> int:
    services = _services(args)
    services.users.unlock(_actor(services), args.name)
    view = services.users.get(args.name)
    if args.json:
        _print_json(_view_json(view, services.users.locks()))
    else:
        print(f"{view.username} unlocked")
    return EXIT_OK


def add_commands(user_sub: Any, add: Any) -> None:
    """Add the commands of ``motcua user`` to its sub-parsers (``add`` is the parser's command helper)."""
    p = add(user_sub, "add", cmd_user_add, "add an account (the password is asked, or read from stdin)")
    p.add_argument("name")
    p.add_argument("--role", required=True, help="clerk, supervisor or admin")
    p.add_argument("--full-name", help="the person's name as shown (default: NAME)")
    p.add_argument("--json", action="store_true")
    p = add(user_sub, "list", cmd_user_list, "list the accounts")
    p.add_argument("--json", action="store_true")
    for name, handler, text in (
        ("disable", cmd_user_disable, "disable an account (it can no longer log in; its work stays)"),
        ("enable", cmd_user_enable, "enable a disabled account"),
        ("reset-password", cmd_user_reset_password, "set a new password (asked, or read from stdin)"),
        ("unlock", cmd_user_unlock, "lift a lock caused by wrong passwords"),
    ):
        p = add(user_sub, name, handler, text)
        p.add_argument("name")
        p.add_argument("--json", action="store_true")

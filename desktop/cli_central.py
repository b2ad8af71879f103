"""``motcua central …``: the centre's commands (the store every commune's bundles merge into).

    motcua central init --db URL [--json]
    motcua central key --db URL [--json]
    motcua central enroll --db URL --key PUBKEY --agency C --workstation K [--replace] [--json]
    motcua central workstations --db URL [--json]
    motcua central import BUNDLE... --db URL [--json]
    motcua central ack --db URL --agency C --workstation K --out FILE [--json]
    motcua central report --db URL --from D --to D [--json]
    motcua central conflicts --db URL [--all] [--json]
    motcua central resolve ID --take central|incoming --db URL [--by NAME] [--json]
    motcua central audit-check --db URL [--agency C] [--workstation K] [--json]

``--db`` is the centre's store (PostgreSQL: ``postgresql+psycopg://user@host/db``; an SQLite URL works for
tests and small setups). The centre's keys and the documents received live in ``centre/`` under the data
folder (``--data-dir`` or ``MOTCUA_HOME``): back that folder up with the database.

``init`` creates or migrates the store and the centre's keys, and prints the two public keys every
workstation is given (``motcua sync-config --centre-signing-key … --centre-encryption-key …``). ``import``
takes bundles in order of their change ranges, each in one transaction; its JSON is ``{"bundles": [...],
"imported": n, "already_imported": n, "refused": n}``, each bundle with ``path``, ``status`` ("imported",
"already_imported", "refused"), ``bundle_id``, ``agency``, ``workstation``, ``seq_from``, ``seq_to``,
``counts``, ``outcome``, ``conflicts``, ``reason`` and ``message``. Exit codes: 0 done, 2 refused (for
``import``: any bundle refused — the others are still imported).

``audit-check`` compares, per workstation, the audit chain heads its bundles carried (signed): in the order
the workstation made them a head never goes back, and an entry never has two hashes. Its JSON is
``{"workstations": [...], "problems": n}``, each workstation with ``agency``, ``workstation``,
``consistent``, ``heads``, ``newest``, ``restores`` (the store epochs that began after a restore of a
backup: ``epoch``, ``parent``, ``fork_seq``, ``seen_at``) and ``problems`` (``reason`` — ``truncated`` or
``rewritten`` —, ``epoch``, ``seq``, ``bundle_id``, ``message``). Exit 0 when consistent, 1 when a problem
is found (like ``motcua audit verify``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import EXIT_NO, EXIT_OK, EXIT_REFUSED, CliError, _date_option, _print_json

CENTRE_DIR = "centre"


def _central(args: argparse.Namespace) -> Any:
    from desktop.context import open_services, resolve
    from records.services.central import CentralService

    if not args.db:
        raise CliError("the centre's commands need --db URL (the centre's store)")
    location = resolve(args.data_dir, args.db)
    services = open_services(location)
    return CentralService(services.db, location.data_dir / CENTRE_DIR)


def cmd_central_init(args: argparse.Namespace) -> int:
    central = _central(args)
    identity = central.identity()
    if args.json:
        _print_json({**identity.to_json(), "folder": str(central.folder)})
    else:
        print(f"centre ready; its keys and documents are in {central.folder}")
        print("give every workstation these keys:")
        print(
            f"  motcua sync-config --centre-signing-key {identity.signing_key} "
            f"--centre-encryption-key {identity.encryption_key}"
        )
    return EXIT_OK


def cmd_central_key(args: argparse.Namespace) -> int:
    identity = _central(args).identity()
    if args.json:
        _print_json(identity.to_json())
    else:
        print(f"signing key:    {identity.signing_key}\nencryption key: {identity.encryption_key}")
    return EXIT_OK


def cmd_central_enroll(args: argparse.Namespace) -> int:
    enrolment = _central(args).enroll(args.key, args.agency, args.workstation, replace=args.replace)
    if args.json:
        _print_json(enrolment.to_json())
    else:
        print(f"workstation {enrolment.workstation} of {enrolment.agency} enrolled ({enrolment.public_key})")
    return EXIT_OK


def cmd_central_workstations(args: argparse.Namespace) -> int:
    rows = _central(args).workstations()
    if args.json:
        _print_json([row.to_json() for row in rows])
    else:
        for row in rows:
            last = row.last_import_at.isoformat() if row.last_import_at else "never"
            print(f"{row.agency}  {row.workstation}  up to change {row.last_seq}  last import {last}")
    return EXIT_OK


def cmd_central_import(args: argparse.Namespace) -> int:
    from records.errors import DomainError
    from records.services.central import ImportResult

    central = _central(args)
    results: list[ImportResult] = []
    for path in sorted((Path(p) for p in args.bundles), key=lambda p: p.name):
        try:
            results.append(central.import_bundle(path))
        except DomainError as exc:
            reason = getattr(exc, "reason", None) or exc.code
            results.append(ImportResult(path=str(path), status="refused", reason=reason, message=str(exc)))
    summary = {status: sum(r.status == status for r in results) for status in _STATUSES}
    if args.json:
        _print_json({"bundles": [r.to_json() for r in results], **summary})
    else:
        for r in results:
            if r.status == "refused":
                print(f"{r.path}: refused ({r.reason}): {r.message}")
            elif r.status == "already_imported":
                print(f"{r.path}: already imported, nothing changed")
            else:
                done = ", ".join(f"{k} {v}" for k, v in r.outcome.items() if v)
                print(f"{r.path}: changes {r.seq_from}..{r.seq_to} of {r.agency}/{r.workstation}: {done}")
    return EXIT_REFUSED if summary["refused"] else EXIT_OK


_STATUSES = ("imported", "already_imported", "refused")


def cmd_central_ack(args: argparse.Namespace) -> int:
    ack = _central(args).ack(args.agency, args.workstation, Path(args.out))
    if args.json:
        _print_json({"out": str(args.out), **ack.payload()})
    else:
        print(f"{args.out}: changes up to {ack.acked_seq} of {ack.agency}/{ack.workstation} acknowledged")
        if ack.missing_objects:
            print(f"{len(ack.missing_objects)} documents are missing and will be asked for again")
    return EXIT_OK


def cmd_central_report(args: argparse.Namespace) -> int:
    rows = _central(args).report(_date_option(args.date_from, "--from"), _date_option(args.date_to, "--to"))
    if args.json:
        _print_json({"from": args.date_from, "to": args.date_to, "communes": [r.to_json() for r in rows]})
    else:
        print(f"{'agency':<20} {'received':>9} {'returned':>9} {'on time':>9} {'overdue':>9}")
        for r in rows:
            print(f"{r.agency:<20} {r.received:>9} {r.returned:>9} {r.on_time:>9} {r.overdue:>9}")
    return EXIT_OK


def cmd_central_conflicts(args: argparse.Namespace) -> int:
    rows = _central(args).conflicts(include_resolved=args.all)
    if args.json:
        _print_json([r.to_json() for r in rows])
    else:
        for r in rows:
            print(
                f"{r.id}  {r.entity} {r.row_key} {r.field}: centre {r.central_value!r}, "
                f"{r.agency}/{r.workstation} {r.incoming_value!r}"
            )
    return EXIT_OK


def cmd_central_resolve(args: argparse.Namespace) -> int:
    import getpass

    by = args.by or getpass.getuser()
    conflict = _central(args).resolve(args.id, args.take, by)
    if args.json:
        _print_json(conflict.to_json())
    else:
        print(f"conflict {conflict.id} decided: {conflict.resolution} ({conflict.entity} {conflict.field})")
    return EXIT_OK


def cmd_central_audit_check(args: argparse.Namespace) -> int:
    checks = _central(args).audit_check(args.agency, args.workstation)
    problems = sum(len(c.problems) for c in checks)
    if args.json:
        _print_json({"workstations": [c.to_json() for c in checks], "problems": problems})
    else:
        for c in checks:
            newest = f"up to entry {c.newest['seq']}" if c.newest else "no head yet"
            state = "consistent" if c.consistent else f"{len(c.problems)} problems"
            print(f"{c.agency}  {c.workstation}  {c.heads} heads, {newest}: {state}")
            for r in c.restores:
                print(f"    restored from a backup (store epoch {r['epoch']}, from change {r['fork_seq']})")
            for p in c.problems:
                print(f"    {p.reason}: {p.message}")
    return EXIT_NO if problems else EXIT_OK


def add_commands(csub: Any, add: Any) -> None:
    """Add the commands of ``motcua central`` to its sub-parsers (``add`` is the parser's command helper)."""
    p = add(csub, "init", cmd_central_init, "create or migrate the centre's store and keys")
    p.add_argument("--json", action="store_true")
    p = add(csub, "key", cmd_central_key, "print the centre's public keys (for the workstations)")
    p.add_argument("--json", action="store_true")
    p = add(csub, "enroll", cmd_central_enroll, "enrol a workstation's signing key")
    p.add_argument("--key", required=True, help="the workstation's key (ed25519:…, from 'motcua key show')")
    p.add_argument("--agency", required=True, help="the commune's agency code")
    p.add_argument("--workstation", required=True, type=int)
    p.add_argument("--replace", action="store_true", help="replace the key of an enrolled workstation")
    p.add_argument("--json", action="store_true")
    p = add(csub, "workstations", cmd_central_workstations, "list the enrolled workstations")
    p.add_argument("--json", action="store_true")
    p = add(csub, "import", cmd_central_import, "import workstations' bundles")
    p.add_argument("bundles", nargs="+", help="bundle files (.zip, or .zip.enc encrypted to this centre)")
    p.add_argument("--json", action="store_true")
    p = add(csub, "ack", cmd_central_ack, "write a workstation's signed acknowledgement")
    p.add_argument("--agency", required=True)
    p.add_argument("--workstation", required=True, type=int)
    p.add_argument("--out", required=True, help="the acknowledgement file to write")
    p.add_argument("--json", action="store_true")
    p = add(csub, "report", cmd_central_report, "files per commune: received, returned, on time, overdue")
    p.add_argument("--from", dest="date_from", required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, help="last day, YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p = add(csub, "conflicts", cmd_central_conflicts, "fields two sites changed differently")
    p.add_argument("--all", action="store_true", help="resolved ones too")
    p.add_argument("--json", action="store_true")
    p = add(
        csub, "resolve", cmd_central_resolve, "decide a conflict: keep the centre's value or take the other"
    )
    p.add_argument("id", help="the conflict's id (motcua central conflicts)")
    p.add_argument("--take", required=True, choices=("central", "incoming"))
    p.add_argument("--by", help="who decided (default: the logged-in user)")
    p.add_argument("--json", action="store_true")
    p = add(
        csub,
        "audit-check",
        cmd_central_audit_check,
        "check that each workstation's audit chain heads agree (exit 1 when not)",
    )
    p.add_argument("--agency", help="only this commune's workstations")
    p.add_argument("--workstation", type=int, help="only this workstation number")
    p.add_argument("--json", action="store_true")

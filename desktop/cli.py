"""The ``motcua`` command line: a stable contract that administrators and other tools script.

Exit codes: 0 success; 1 a check that answers no (an invalid ID, a receipt code that does not verify; its
JSON is still printed); 2 bad input or a refused action, with one clear line on stderr and nothing changed.
Without a command, ``motcua`` opens the application. Commands other than ``id`` open the store (creating
and migrating it if needed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from records.clock import iso, local, now, parse_datetime
from records.errors import DomainError

EXIT_OK = 0
EXIT_NO = 1
EXIT_REFUSED = 2


class CliError(Exception):
    """A refusal the command line reports with exit code 2."""


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _read_input(source: str) -> str:
    """The text of a file, or of standard input for ``-``."""
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError(f"no such file: {source}") from None
    except UnicodeDecodeError:
        raise CliError(f"{source} is not UTF-8 text") from None
    except OSError as exc:
        raise CliError(f"cannot read {source}: {exc.strerror}") from None


def _read_json(source: str) -> Any:
    text = _read_input(source)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        name = "standard input" if source == "-" else source
        raise CliError(
            f"{name} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except RecursionError:
        name = "standard input" if source == "-" else source
        raise CliError(f"{name} is nested too deeply to be a registration") from None


def _date_option(text: str, option: str) -> Any:
    """The date an option names (``YYYY-MM-DD``), or a refusal naming the option."""
    from records.clock import parse_date
    from records.errors import InvalidInput

    try:
        return parse_date(text)
    except InvalidInput:
        raise CliError(f"{option} {text!r} is not a date (YYYY-MM-DD)") from None


def _services(args: argparse.Namespace) -> Any:
    from desktop.context import open_services, resolve

    location = resolve(args.data_dir, args.db)
    return open_services(location, _store_passphrase(location))


def _read_secret(prompt: str, what: str, *, confirm: bool) -> str:
    """A password or passphrase: asked at a terminal (twice when ``confirm``), else the next line of
    standard input (for scripts)."""
    import getpass

    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("again: ") != first:
            raise CliError(f"the two {what}s differ")
        return first
    line = sys.stdin.readline()
    if not line:
        raise CliError(f"no {what} on standard input")
    return line.rstrip("\r\n")


def _store_passphrase(location: Any) -> str | None:
    """An encrypted store's passphrase: ``MOTCUA_PASSPHRASE``, else asked at a terminal; without either the
    store refuses to open (``passphrase_needed``)."""
    import getpass
    import os

    from desktop.context import PASSPHRASE_ENV

    if not location.is_encrypted():
        return None
    found = os.environ.get(PASSPHRASE_ENV)
    if found:
        return found
    if sys.stdin.isatty():
        return getpass.getpass("passphrase of the encrypted store (or its recovery code): ")
    raise CliError(
        f"the store in {location.data_dir} is encrypted: "
        f"set {PASSPHRASE_ENV}, or run the command at a terminal"
    )


def _actor(services: Any) -> Any:
    from records.errors import NotInitialised

    try:
        workstation = services.settings.agency().workstation
    except NotInitialised:
        workstation = None
    return services.users.system(workstation)


# -- commands --------------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    services = _services(args)
    config = services.settings.initialise(
        agency_code=args.agency_code,
        agency_name=args.agency_name,
        workstation=args.workstation,
        parent_name=args.parent_name,
        place=args.place,
    )
    data = {
        "agency_code": config.code,
        "agency_name": config.name,
        "parent_name": config.parent_name,
        "place": config.place,
        "workstation": config.workstation,
        "database": _redacted_url(services.db.engine.url),
    }
    if args.json:
        _print_json(data)
    else:
        print(f"Initialised {config.code} ({config.name}), workstation {config.workstation}")
    return EXIT_OK


def _redacted_url(url: Any) -> str:
    return str(url.render_as_string(hide_password=True))


def cmd_id_check(args: argparse.Namespace) -> int:
    from records.personal_id import check_id

    result = check_id(args.number)
    if args.json:
        _print_json(result.to_json())
    elif result.valid:
        if result.kind == "old_id":
            print(f"valid old ID (9 digits): {result.number}")
        else:
            print(
                f"valid personal ID {result.number}: registered in {result.province_name} "
                f"({result.province_code}), {result.sex}, born {result.birth_year}"
            )
    else:
        print(f"invalid: {result.message} [{result.reason}]")
    return EXIT_OK if result.valid else EXIT_NO


def cmd_id_parse_qr(args: argparse.Namespace) -> int:
    from records.personal_id import describe_warning, parse_card_qr

    text = sys.stdin.read() if args.text == "-" else args.text
    card = parse_card_qr(text)
    if args.json:
        _print_json(card.to_json())
    else:
        print(f"{card.full_name} — {card.personal_id}" + (f" (old ID {card.old_id})" if card.old_id else ""))
        print(f"born {card.date_of_birth.isoformat()}, {card.sex}")
        print(f"address: {card.address}")
        if card.issue_date:
            print(f"card issued {card.issue_date.isoformat()}")
        for warning in card.warnings:
            print(f"warning: {describe_warning(warning)}", file=sys.stderr)
    return EXIT_OK


def cmd_due(args: argparse.Namespace) -> int:
    services = _services(args)
    received = parse_datetime(args.received)
    due = services.files.compute_due(args.procedure_code, received)
    if args.json:
        _print_json({"procedure": args.procedure_code, "received_at": iso(received), "due_at": iso(due)})
    else:
        print(iso(due))
    return EXIT_OK


def _file_out(detail: Any, as_json: bool, full: bool = False) -> None:
    data = detail.to_json()
    if as_json:
        _print_json(data)
        return
    s = detail.summary
    print(f"{s.code}  {s.status.slug} ({int(s.status)})")
    print(f"  procedure: {s.procedure_code} {s.procedure_name}")
    print(f"  owner:     {s.owner_name} {s.owner_id_number or ''}".rstrip())
    print(f"  received:  {data['received_at']}")
    print(f"  due:       {data['due_at'] or '-'}  [{s.timing}]")
    print(f"  register:  book {detail.register_book}/{detail.register_year}, entry {detail.register_entry}")
    if full:
        for doc in detail.documents:
            print(
                f"  document:  {doc.name} (originals {doc.originals}, "
                f"certified copies {doc.certified_copies}, photocopies {doc.photocopies})"
            )
        for event in data["events"]:
            status = f"{event['from_status'] or '-'} -> {event['to_status'] or '-'}"
            print(
                f"  {event['at']}  {event['kind']:<15} {status}  {event['user'] or ''} {event['note'] or ''}"
            )


def cmd_file_register(args: argparse.Namespace) -> int:
    from records.files import RegistrationRequest

    request = RegistrationRequest.from_json(_read_json(args.source))
    services = _services(args)
    detail = services.files.register(request, _actor(services))
    if args.json:
        data = detail.to_json()
        _print_json(data)
    else:
        print(f"{detail.code}  due {iso(detail.summary.due_at) if detail.summary.due_at else '-'}")
    return EXIT_OK


def cmd_file_show(args: argparse.Namespace) -> int:
    services = _services(args)
    _file_out(services.files.show(args.code, _actor(services)), args.json, full=True)
    return EXIT_OK


def cmd_file_set_status(args: argparse.Namespace) -> int:
    from records.workflow import Status

    target = Status.parse(args.status)
    services = _services(args)
    detail = services.files.set_status(args.code, target, _actor(services), note=args.note)
    _file_out(detail, args.json)
    return EXIT_OK


def cmd_file_extend(args: argparse.Namespace) -> int:
    services = _services(args)
    until = parse_datetime(args.until) if args.until else None
    detail = services.files.extend(
        args.code, _actor(services), args.reason, until=until, working_days=args.days
    )
    _file_out(detail, args.json)
    return EXIT_OK


def cmd_file_list(args: argparse.Namespace) -> int:
    from records.files import FileQuery
    from records.workflow import Status

    statuses = tuple(Status.parse(part) for value in args.status or [] for part in value.split(",") if part)
    if args.limit < 1 or args.limit > 10_000:
        raise CliError("--limit must be between 1 and 10000")
    query = FileQuery(statuses=statuses, query=args.query, due=args.due, limit=args.limit, offset=args.offset)
    services = _services(args)
    rows = services.files.list(query)
    if args.json:
        _print_json([r.to_json() for r in rows])
    else:
        for r in rows:
            due = iso(r.due_at)[:16] if r.due_at else "-"
            print(
                f"{r.code}  {r.status.slug:<20} {due:<16}  {r.timing:<9} {r.procedure_code:<9} {r.owner_name}"
            )
        print(f"({len(rows)} file(s))", file=sys.stderr)
    return EXIT_OK


def cmd_catalog_import(args: argparse.Namespace) -> int:
    text = _read_input(args.file)
    services = _services(args)
    result = services.catalog.import_text(text, _actor(services))
    if args.json:
        _print_json(result.to_json())
    else:
        print(
            f"procedures: {result.procedures_added} added, {result.procedures_updated} updated; "
            f"versions: {result.versions_added} added, {result.versions_updated} updated"
        )
    return EXIT_OK


def cmd_catalog_export(args: argparse.Namespace) -> int:
    services = _services(args)
    text = services.catalog.export_text()
    _write_output(args.file, text)
    return EXIT_OK


def _write_output(target: str, text: str) -> None:
    if target == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    path = Path(target)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CliError(f"cannot write {target}: {exc.strerror}") from None


def cmd_holidays_import(args: argparse.Namespace) -> int:
    text = _read_input(args.file)
    services = _services(args)
    table = services.calendar.import_table(text, _actor(services))
    print(f"{table.year}: {len(table.days_off)} day(s) off, {len(table.working_days)} make-up working day(s)")
    return EXIT_OK


def cmd_holidays_list(args: argparse.Namespace) -> int:
    if not 1900 <= args.year <= 2199:
        raise CliError("YEAR must be between 1900 and 2199")
    services = _services(args)
    listing = services.calendar.year(args.year)
    if args.json:
        _print_json(listing.to_json())
    else:
        print(
            f"{listing.year} ({listing.source}{': ' + listing.table_source if listing.table_source else ''})"
        )
        for day in listing.days_off:
            print(f"  {day.date.isoformat()} {day.date.strftime('%a')}  off      {day.name}")
        for day in listing.working_days:
            print(f"  {day.date.isoformat()} {day.date.strftime('%a')}  working  {day.name}")
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace) -> int:
    from records.demo import generate

    if args.files < 1:
        raise CliError("--files must be at least 1")
    services = _services(args)
    started = now()
    report = generate(services, args.files, seed=args.seed)
    seconds = max((now() - started).total_seconds(), 1e-9)
    print(
        f"{report.files} files ({report.citizens} citizens) in {seconds:.1f} s: "
        f"{report.files / seconds:,.0f} files/s",
        file=sys.stderr,
    )
    return EXIT_OK


def _printed(args: argparse.Namespace, form: str, code: str | None, make: Callable[[Any], Any]) -> int:
    """Lay out a form with ``make(printouts)``, write it to ``--out`` (whole or not at all), report."""
    from printing.printouts import Printouts

    services = _services(args)
    printouts = Printouts(services)
    document = make(printouts)
    path = printouts.save(document, Path(args.out), _actor(services), form, code)
    data = {"path": str(path), "form": form, "code": code, "pages": len(document.pages)}
    if args.json:
        _print_json(data)
    else:
        print(f"wrote {path} ({form}, {len(document.pages)} page{'s' if len(document.pages) > 1 else ''})")
    return EXIT_OK


def cmd_print_receipt(args: argparse.Namespace) -> int:
    return _printed(args, "receipt", args.code, lambda p: p.receipt(args.code, args.paper, args.copies))


def cmd_print_form(args: argparse.Namespace) -> int:
    from records.forms import FormKind

    kind = FormKind.parse(args.kind)
    return _printed(args, kind.value, args.code, lambda p: p.form(kind, args.code))


def cmd_print_register(args: argparse.Namespace) -> int:
    from records.clock import parse_date

    date_from, date_to = parse_date(args.date_from), parse_date(args.date_to)
    return _printed(args, "register", None, lambda p: p.register(date_from, date_to))


def cmd_forms_list(args: argparse.Namespace) -> int:
    from records.forms import form_sets

    services = _services(args)
    current = services.settings.form_set().id
    sets = [
        {
            "id": f.id,
            "name": f.name,
            "basis": f.basis,
            "in_use": f.id == current,
            "forms": {k.value: {"number": spec.number, "title": spec.title} for k, spec in f.forms.items()},
        }
        for f in form_sets()
    ]
    if args.json:
        _print_json(sets)
    else:
        for entry in sets:
            mark = "*" if entry["in_use"] else " "
            print(f"{mark} {entry['id']}: {entry['name']}")
            for kind, spec in entry["forms"].items():
                print(f"    {kind:<10} Mẫu số {spec['number']}  {spec['title']}")
    return EXIT_OK


def cmd_forms_use(args: argparse.Namespace) -> int:
    services = _services(args)
    chosen = services.settings.use_form_set(_actor(services), args.set_id)
    print(f"forms: {chosen.id} ({chosen.name})")
    return EXIT_OK


def cmd_receipt_lookup_url(args: argparse.Namespace) -> int:
    services = _services(args)
    if args.template is not None or args.clear:
        services.receipts.set_lookup_url(_actor(services), None if args.clear else args.template)
    template = services.settings.get("receipt_lookup_url")
    print(template or "(none: the QR holds the bare receipt code)")
    return EXIT_OK


def cmd_receipt_verify(args: argparse.Namespace) -> int:
    from records.keys import format_key_id
    from records.receipt_codes import parse

    text = (sys.stdin.read() if args.text == "-" else args.text).strip()
    parse(text)  # not a receipt code at all: refused (exit 2) before the store is opened
    services = _services(args)
    check = services.receipts.verify(text, id_number=args.id)
    if args.json:
        _print_json(check.to_json())
        return EXIT_OK if check.valid else EXIT_NO
    claim = check.claim
    key = format_key_id(claim.key_id)
    if check.status == "unknown_key":
        print(
            f"INVALID: signed with key {key}, which is neither this installation's nor a trusted one: "
            "the signature cannot be checked (see 'motcua key trust')"
        )
        return EXIT_NO
    signer = "this installation" if check.signer_kind == "this_installation" else "a trusted workstation"
    if not check.valid:
        print(f"INVALID: the signature does not match (key {key}, {check.signer_label or signer})")
        return EXIT_NO
    appointment = local(claim.appointment).strftime("%H:%M %d/%m/%Y")
    if check.file_exists:
        here = f"the file exists here (status {check.file_status.slug if check.file_status else '-'})"
    else:
        here = "no file with this code in this store"
    print(
        f"valid: file {claim.file_code} (agency {claim.agency_code}), appointment {appointment}, "
        f"signed by {signer} ({check.signer_label}, key {key}); {here}"
    )
    if check.appointment_matches is False:
        print("warning: the appointment differs from the file's in this store")
    if check.id_matches is not None:
        print(
            "the ID matches the file's owner"
            if check.id_matches
            else "warning: the ID is NOT the file's owner's"
        )
    elif args.id is not None:
        print("the ID cannot be checked here: only the installation that printed the receipt can")
    return EXIT_OK


def cmd_key_show(args: argparse.Namespace) -> int:
    from records.keys import format_key_id

    services = _services(args)
    text = services.receipts.public_key_text()
    if args.json:
        _print_json({"public_key": text, "key_id": format_key_id(services.receipts.key_id())})
    else:
        print(text)
    return EXIT_OK


def cmd_key_trust(args: argparse.Namespace) -> int:
    from records.keys import format_key_id

    services = _services(args)
    trusted = services.receipts.trust_key(_actor(services), args.public_key, args.label)
    if args.json:
        _print_json(trusted.to_json())
    else:
        print(f"trusted key {format_key_id(trusted.key_id)} ({trusted.label})")
    return EXIT_OK


def cmd_open(args: argparse.Namespace) -> int:
    from desktop.app import run

    return run(args)


# -- parser ----------------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, like every other refusal: scripts read stderr's single line; the usage is in --help.
        self.exit(EXIT_REFUSED, f"motcua: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``motcua``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="SQLAlchemy URL of the store (or MOTCUA_DB)")
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help="the data folder (or MOTCUA_HOME)")

    parser = _Parser(
        prog="motcua", description="MotCua Desk: the commune one-stop counter.", parents=[common]
    )
    parser.set_defaults(handler=cmd_open)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def add(parent: Any, name: str, handler: Callable[[argparse.Namespace], int], help_: str) -> Any:
        p = parent.add_parser(name, help=help_, description=help_, parents=[common])
        p.set_defaults(handler=handler)
        return p

    p = add(sub, "init", cmd_init, "set up this installation's agency and workstation")
    p.add_argument("--agency-code", required=True, help="e.g. 000.17.22.H56 or H55.242")
    p.add_argument("--agency-name", required=True)
    p.add_argument("--workstation", type=int, default=1)
    p.add_argument("--parent-name", help="the parent body printed above the agency on forms")
    p.add_argument("--place", help="the place name printed before the date on forms")
    p.add_argument("--json", action="store_true")

    id_cmd = sub.add_parser("id", help="personal ID checks")
    id_sub = id_cmd.add_subparsers(dest="id_command", required=True, parser_class=_Parser)
    p = add(id_sub, "check", cmd_id_check, "check a 12-digit personal ID or a 9-digit old ID")
    p.add_argument("number")
    p.add_argument("--json", action="store_true")
    p = add(id_sub, "parse-qr", cmd_id_parse_qr, "parse the text of a chip ID card's QR code")
    p.add_argument("text", help="the QR text, or - to read it from standard input")
    p.add_argument("--json", action="store_true")

    p = add(sub, "due", cmd_due, "when a file of a procedure received at a moment is due")
    p.add_argument("procedure_code")
    p.add_argument("--received", required=True, help="ISO date-time (Vietnam time when no offset)")
    p.add_argument("--json", action="store_true")

    file_cmd = sub.add_parser("file", help="register and follow files")
    file_sub = file_cmd.add_subparsers(dest="file_command", required=True, parser_class=_Parser)
    p = add(file_sub, "register", cmd_file_register, "register a file from JSON")
    p.add_argument("--from", dest="source", required=True, help="a JSON file, or - for standard input")
    p.add_argument("--json", action="store_true")
    p = add(file_sub, "show", cmd_file_show, "show a file with its history")
    p.add_argument("code")
    p.add_argument("--json", action="store_true")
    p = add(file_sub, "set-status", cmd_file_set_status, "move a file to another status")
    p.add_argument("code")
    p.add_argument("status", help="a name (in_progress, result_ready, …) or a national code (2-10)")
    p.add_argument("--note")
    p.add_argument("--json", action="store_true")
    p = add(file_sub, "extend", cmd_file_extend, "move a file's due date later, once, with a reason")
    p.add_argument("code")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--until", help="the new due date-time (ISO)")
    group.add_argument("--days", type=int, help="working days to add to the current due date")
    p.add_argument("--reason", required=True)
    p.add_argument("--json", action="store_true")
    p = add(file_sub, "list", cmd_file_list, "list files, newest first")
    p.add_argument("--status", action="append", help="a status name or code (repeat or comma-separate)")
    p.add_argument("--query", help="a file code, a personal ID, a phone number or words of a name")
    p.add_argument("--due", choices=["overdue", "due_today", "near_due"])
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true")

    catalog_cmd = sub.add_parser("catalog", help="the procedure catalogue")
    catalog_sub = catalog_cmd.add_subparsers(dest="catalog_command", required=True, parser_class=_Parser)
    p = add(catalog_sub, "import", cmd_catalog_import, "import a catalogue (JSON)")
    p.add_argument("file", help="a JSON file, or - for standard input")
    p.add_argument("--json", action="store_true")
    p = add(catalog_sub, "export", cmd_catalog_export, "export the catalogue (JSON)")
    p.add_argument("file", help="where to write, or - for standard output")

    holidays_cmd = sub.add_parser("holidays", help="the working calendar's yearly tables")
    holidays_sub = holidays_cmd.add_subparsers(dest="holidays_command", required=True, parser_class=_Parser)
    p = add(holidays_sub, "import", cmd_holidays_import, "import a year's official table (JSON)")
    p.add_argument("file", help="a JSON file, or - for standard input")
    p = add(holidays_sub, "list", cmd_holidays_list, "list a year's days off and make-up working days")
    p.add_argument("year", type=int)
    p.add_argument("--json", action="store_true")

    receipt_cmd = sub.add_parser("receipt", help="the signed codes printed on receipts")
    receipt_sub = receipt_cmd.add_subparsers(dest="receipt_command", required=True, parser_class=_Parser)
    p = add(receipt_sub, "verify", cmd_receipt_verify, "check a receipt's QR code (signature, file, owner)")
    p.add_argument("text", help="the QR text (the code or a link holding it), or - to read standard input")
    p.add_argument("--id", help="the owner's ID number, to check it against the code (this installation's)")
    p.add_argument("--json", action="store_true")

    p = add(receipt_sub, "lookup-url", cmd_receipt_lookup_url, "show or set the status-lookup link in the QR")
    group = p.add_mutually_exclusive_group()
    group.add_argument("template", nargs="?", help="an http(s) link with {payload} (and optionally {code})")
    group.add_argument("--clear", action="store_true", help="print the bare receipt code in the QR")

    print_cmd = sub.add_parser("print", help="print the one-stop forms and the register as PDF")
    print_sub = print_cmd.add_subparsers(dest="print_command", required=True, parser_class=_Parser)
    p = add(print_sub, "receipt", cmd_print_receipt, "the receipt and appointment slip (Mẫu 01) of a file")
    p.add_argument("code")
    p.add_argument("--out", required=True, help="the PDF to write")
    p.add_argument("--paper", choices=["a4", "a5", "80mm"], default="a4")
    p.add_argument("--copies", type=int, choices=[1, 2], default=1)
    p.add_argument("--json", action="store_true")
    p = add(print_sub, "form", cmd_print_form, "a file's supplement, refusal, apology, stop or control form")
    p.add_argument("kind", choices=["supplement", "refusal", "apology", "stop", "control"])
    p.add_argument("code")
    p.add_argument("--out", required=True, help="the PDF to write")
    p.add_argument("--json", action="store_true")
    p = add(print_sub, "register", cmd_print_register, "the register (Sổ theo dõi hồ sơ) for a date range")
    p.add_argument("--from", dest="date_from", required=True, help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", required=True, help="last day (YYYY-MM-DD)")
    p.add_argument("--out", required=True, help="the PDF to write")
    p.add_argument("--json", action="store_true")

    forms_cmd = sub.add_parser("forms", help="the form sets (TT 03/2025, TT 01/2018)")
    forms_sub = forms_cmd.add_subparsers(dest="forms_command", required=True, parser_class=_Parser)
    p = add(forms_sub, "list", cmd_forms_list, "list the form sets, their numbers and titles")
    p.add_argument("--json", action="store_true")
    p = add(forms_sub, "use", cmd_forms_use, "choose the agency's form set")
    p.add_argument("set_id", metavar="SET", choices=["tt03-2025", "tt01-2018"])

    key_cmd = sub.add_parser("key", help="this installation's signing key and the keys it trusts")
    key_sub = key_cmd.add_subparsers(dest="key_command", required=True, parser_class=_Parser)
    p = add(key_sub, "show", cmd_key_show, "print this installation's public key")
    p.add_argument("--json", action="store_true")
    p = add(key_sub, "trust", cmd_key_trust, "trust another workstation's key to check its receipts")
    p.add_argument("public_key", metavar="PUBKEY", help="its 'motcua key show' output (ed25519:…)")
    p.add_argument("--label", required=True, help="whose workstation it is")
    p.add_argument("--json", action="store_true")

    from desktop import cli_documents  # attach, attachments …: their own module

    cli_documents.add_commands(sub, add)

    from desktop import cli_sync  # export, import-ack, sync-config, sync-status: their own module

    cli_sync.add_commands(sub, add)

    from desktop import cli_users  # user …: accounts, their own module

    user = sub.add_parser("user", help="accounts: add, list, disable, reset a password")
    cli_users.add_commands(user.add_subparsers(dest="user_command", required=True, parser_class=_Parser), add)

    from desktop import cli_backup  # backup, restore: their own module

    cli_backup.add_commands(sub, add)

    from desktop import cli_day  # day …: the supervisor's day, its own module

    day = sub.add_parser("day", help="the supervisor's day: its figures, closing it")
    cli_day.add_commands(day.add_subparsers(dest="day_command", required=True, parser_class=_Parser), add)

    from desktop import cli_audit  # audit …: the audit log's chain, its own module

    audit = sub.add_parser("audit", help="the audit log: check its hash chain")
    cli_audit.add_commands(
        audit.add_subparsers(dest="audit_command", required=True, parser_class=_Parser), add
    )

    from desktop import cli_central  # central …: the centre's commands, their own module

    central = sub.add_parser("central", help="the centre: enrol workstations, import bundles, acknowledge")
    cli_central.add_commands(
        central.add_subparsers(dest="central_command", required=True, parser_class=_Parser), add
    )

    from desktop import cli_encryption  # encryption …: encryption at rest, its own module

    encryption = sub.add_parser("encryption", help="encryption at rest: status, enable, disable, passphrase")
    cli_encryption.add_commands(
        encryption.add_subparsers(dest="encryption_command", required=True, parser_class=_Parser), add
    )

    from desktop import cli_dvcqg  # export-dvcqg: its own module

    cli_dvcqg.add_commands(sub, add)

    p = add(sub, "demo-data", cmd_demo_data, "fill the store with realistic demonstration files")
    p.add_argument("--files", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``motcua``; returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # Windows consoles default to a legacy code page
            reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    for name in ("db", "data_dir"):
        if not hasattr(args, name):
            setattr(args, name, None)
    try:
        return int(args.handler(args))
    except (DomainError, CliError) as exc:
        message = " ".join(str(exc).split())  # one line, even when a driver's message spans several
        print(f"motcua: error: {message}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("motcua: interrupted", file=sys.stderr)
        return 130

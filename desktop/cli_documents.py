"""``motcua attach`` and ``motcua attachments …``: a file's digitised documents from the command line.

    motcua attach CODE PATH... --document NAME [--checklist CODE] [--mode gray|colour|bw] [--dpi N] [--json]
    motcua attachments list CODE [--all] [--json]
    motcua attachments verify [--json]
    motcua attachments export ID --out FILE

``attach`` archives the images given (JPEG, PNG, TIFF, …) as one PDF of the document (200 dpi grayscale by
default) and keeps every PDF given as it is; the quality gate's warnings are printed, and kept with the
document, but do not stop it (the clerk at the command line has seen the paper). ``attachments verify``
re-hashes every stored object: exit 0 when all are intact, 1 when one is missing or corrupt or an object
belongs to nothing (an orphan), each named.
"""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path
from typing import Any

from desktop.cli import EXIT_NO, EXIT_OK, CliError, _actor, _print_json, _services


def _read_files(paths: list[str]) -> list[tuple[str, bytes]]:
    files: list[tuple[str, bytes]] = []
    for text in paths:
        path = Path(text)
        try:
            files.append((path.name, path.read_bytes()))
        except FileNotFoundError:
            raise CliError(f"no such file: {text}") from None
        except IsADirectoryError:
            raise CliError(f"{text} is a folder, not a file") from None
        except OSError as exc:
            raise CliError(f"cannot read {text}: {exc.strerror}") from None
    return files


def cmd_attach(args: argparse.Namespace) -> int:
    from records.digitize.archive import ArchiveOptions
    from records.digitize.pages import ColourMode

    from records.clock import now
    from records.digitize.imports import prepare_import, warning_json

    files = _read_files(args.paths)
    services = _services(args)
    detail = services.files.show(args.code)  # an unknown code is refused before any image work
    agency = services.settings.agency()
    actor = _actor(services)
    prepared = prepare_import(
        files,
        args.document,
        file_code=detail.code,
        workstation=f"{agency.code} / {agency.workstation}",
        created_at=now(),
        author=actor.username,
        checklist_code=args.checklist,
        options=ArchiveOptions(dpi=args.dpi, mode=ColourMode(args.mode)),
    )
    views = services.attachments.attach(detail.code, list(prepared.attachments), actor)
    warnings = [warning_json(w) for w in prepared.warnings]
    if args.json:
        _print_json(
            {
                "file": detail.code,
                "document": views[0].name,
                "attachments": [v.to_json() for v in views],
                "warnings": warnings,
            }
        )
    else:
        for view in views:
            print(
                f"{detail.code}  {view.name}: {view.pages} page{'s' if view.pages != 1 else ''}, "
                f"{view.size:,} bytes, {view.sha256[:12]}  [{view.id}]"
            )
        for warning in warnings:
            page = f" page {warning['page']}" if warning["page"] else ""
            value = f" ({warning['value']:g})" if isinstance(warning["value"], float | int) else ""
            print(f"  warning: {warning['issue']}{page}{value}")
    return EXIT_OK


def cmd_attachments_list(args: argparse.Namespace) -> int:
    services = _services(args)
    views = services.attachments.for_file(args.code, include_removed=args.all)
    if args.json:
        _print_json([v.to_json() for v in views])
        return EXIT_OK
    for v in views:
        flags = ", ".join(flag for flag, on in (("reused", v.reused), ("removed", v.removed)) if on)
        print(
            f"{v.position:>3}. {v.name}  {v.pages} p, {v.size:,} B, {v.source.value}"
            f"{f' ({flags})' if flags else ''}  [{v.id}]"
        )
    return EXIT_OK


def cmd_attachments_verify(args: argparse.Namespace) -> int:
    services = _services(args)
    report = services.attachments.verify()
    if args.json:
        _print_json(report.to_json())
    else:
        print(f"{report.objects} stored objects: {report.ok} intact")
        for label, names in (
            ("missing", report.missing),
            ("corrupt", report.corrupt),
            ("orphan", report.orphans),
        ):
            for name in names:
                print(f"  {label}: {name}")
        if report.affected_files:
            print(f"  files affected: {', '.join(report.affected_files)}")
        if report.pending:
            print(f"  being written now: {len(report.pending)}")
    return EXIT_OK if report.intact else EXIT_NO


def cmd_attachments_export(args: argparse.Namespace) -> int:
    from printing.render import write_atomic

    try:
        attachment_id = uuid.UUID(args.id)
    except ValueError:
        raise CliError(f"{args.id!r} is not a document id (see 'motcua attachments list CODE')") from None
    services = _services(args)
    view, data = services.attachments.open(attachment_id, _actor(services))
    path = write_atomic(data, Path(args.out))
    result: dict[str, Any] = {
        "path": str(path),
        "file": view.file_code,
        "document": view.name,
        "bytes": len(data),
    }
    if args.json:
        _print_json(result)
    else:
        print(f"wrote {path} ({view.name}, {view.pages} page{'s' if view.pages != 1 else ''})")
    return EXIT_OK


def add_commands(sub: Any, add: Any) -> None:
    """Add ``attach`` and ``attachments`` to the parser (``add`` is the parser's command helper)."""
    p = add(sub, "attach", cmd_attach, "attach scanned images or PDFs to a file as one document")
    p.add_argument("code", metavar="CODE", help="the file's code")
    p.add_argument("paths", metavar="PATH", nargs="+", help="images (JPEG, PNG, TIFF, BMP) and PDFs")
    p.add_argument("--document", required=True, help="the document's name (an item of the checklist)")
    p.add_argument("--checklist", help="the checklist item's code, when it has one")
    p.add_argument(
        "--mode", choices=["gray", "colour", "bw"], default="gray", help="for images (default gray)"
    )
    p.add_argument("--dpi", type=int, choices=[150, 200, 300], default=200, help="for images (default 200)")
    p.add_argument("--json", action="store_true")

    cmd = sub.add_parser("attachments", help="the stored documents")
    from desktop.cli import _Parser

    attachments_sub = cmd.add_subparsers(dest="attachments_command", required=True, parser_class=_Parser)
    p = add(attachments_sub, "list", cmd_attachments_list, "list a file's attached documents")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--all", action="store_true", help="also the documents taken off the file")
    p.add_argument("--json", action="store_true")
    p = add(attachments_sub, "verify", cmd_attachments_verify, "re-hash every stored document")
    p.add_argument("--json", action="store_true")
    p = add(attachments_sub, "export", cmd_attachments_export, "write one attached document's PDF")
    p.add_argument("id", metavar="ID", help="the document's id (motcua attachments list CODE)")
    p.add_argument("--out", required=True, help="the PDF to write")
    p.add_argument("--json", action="store_true")

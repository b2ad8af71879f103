"""Printouts of one store: fetch what a form needs through the services, build its data object, lay it
out, render it, and write the PDF (with an audit entry); the register also exports as an Excel workbook.
The command line and the application both print through here, so a form looks the same whichever asked
for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from printing.control_sheet import control_sheet_data, layout_control_sheet
from printing.layout import Document
from printing.notices import NOTICE_KINDS, layout_notice, notice_data
from printing.receipt import layout_receipt, receipt_data
from printing.register import RegisterData
from printing.render import render, write_atomic, write_pdf
from records.forms import FormKind, check_form_fits
from records.services import Services
from records.users import Actor

Layout = Callable[[], Document]
"""A form's layout still to do, its data already read from the store."""


class Printouts:
    """Lays out and writes the forms of the store behind ``services``."""

    def __init__(self, services: Services) -> None:
        self._services = services

    # Each form in two steps: ``*_layout`` reads the store and returns the layout still to do (no database
    # access left in it), so the application reads on its database worker and lays out in the background.

    def receipt_layout(self, code: str, paper: str = "a4", copies: int = 1) -> Layout:
        """Read what Mẫu 01 of a file needs (its QR code signed); the returned call lays it out."""
        services = self._services
        detail = services.files.show(code)
        check_form_fits(FormKind.RECEIPT, detail)  # before signing: a refused file has no appointment
        form_set = services.settings.form_set()
        agency = services.settings.agency()
        data = receipt_data(detail, agency, form_set, services.receipts.qr_text_for(detail))
        return partial(layout_receipt, data, paper, copies)

    def form_layout(self, kind: FormKind, code: str) -> Layout:
        """Read what a file's form needs (receipt, supplement request, refusal, apology, stop notice or
        control sheet); the returned call lays it out."""
        if kind is FormKind.RECEIPT:
            return self.receipt_layout(code)
        services = self._services
        detail = services.files.show(code)
        form_set = services.settings.form_set()
        agency = services.settings.agency()
        if kind is FormKind.CONTROL:
            return partial(layout_control_sheet, control_sheet_data(detail, agency, form_set))
        if kind in NOTICE_KINDS:
            return partial(layout_notice, notice_data(kind, detail, agency, form_set))
        raise ValueError(f"{kind.value} is not a form of one file")

    def register_layout(self, date_from: date, date_to: date) -> Layout:
        """Read the register's lines (one query); the returned call lays them out."""
        from printing.register import layout_register

        return partial(layout_register, self.register_data(date_from, date_to))

    def receipt(self, code: str, paper: str = "a4", copies: int = 1) -> Document:
        """Mẫu 01 of a file, with its signed QR code."""
        return self.receipt_layout(code, paper, copies)()

    def form(self, kind: FormKind, code: str) -> Document:
        """A file's supplement request, refusal, apology, stop notice or control sheet."""
        return self.form_layout(kind, code)()

    def register_data(self, date_from: date, date_to: date) -> RegisterData:
        """What the register of the files received from ``date_from`` to ``date_to`` shows (one query)."""
        from printing.register import register_data

        services = self._services
        entries = services.files.register_entries(date_from, date_to)
        return register_data(
            entries, services.settings.agency(), services.settings.form_set(), date_from, date_to
        )

    def register(self, date_from: date, date_to: date) -> Document:
        """The register (Sổ theo dõi hồ sơ) of the files received from ``date_from`` to ``date_to``."""
        return self.register_layout(date_from, date_to)()

    def register_xlsx(self, date_from: date, date_to: date) -> bytes:
        """The register of the files received from ``date_from`` to ``date_to`` as an Excel workbook (the
        same lines and columns as the printed one)."""
        from printing.register_xlsx import register_workbook  # openpyxl: loaded on the first export

        return register_workbook(self.register_data(date_from, date_to))

    def save_xlsx(self, data: bytes, target: Path, actor: Actor, date_from: date, date_to: date) -> Path:
        """Write the workbook ``data`` (from :meth:`register_xlsx`) to ``target`` (never a partial file:
        :class:`~records.errors.StorageUnavailable`) and note the export in the audit log."""
        path = write_atomic(data, target)
        self.record_xlsx(actor, path, len(data), date_from, date_to)
        return path

    def record_xlsx(self, actor: Actor, path: Path, size: int, date_from: date, date_to: date) -> None:
        """Note in the audit log that the register was exported to the workbook ``path``."""
        details: dict[str, object] = {"format": "xlsx", "file": path.name, "bytes": size}
        self._services.files.record_register_exported(actor, date_from, date_to, details)

    def save(
        self, document: Document, target: Path, actor: Actor, form: str, code: str | None = None
    ) -> Path:
        """Render ``document`` to ``target`` (never a partial file) and note the printout in the audit log."""
        path = write_pdf(render(document), target)
        details: dict[str, object] = {"pages": len(document.pages), "title": document.metadata.title}
        self._services.files.record_printed(actor, form, code, details)
        return path

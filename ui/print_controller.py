"""Printing from the application: read the form's data on the database worker, lay it out and render it in
the background, then preview, print or file the PDF as this workstation prefers.

Every form goes through :class:`printing.printouts.Printouts`, so a form printed here is the same PDF the
command line writes. The destination is a preference (``print/destination``):

* ``preview`` (default): the preview window, with "In" (the Qt print dialog, the last printer chosen) and
  "Lưu PDF";
* ``printer``: straight to the remembered printer (the system's default when none was chosen), no dialog;
* ``folder``: the PDF is written to the printouts folder (for a shared printer elsewhere, or no printer).

Printing itself (painting the PDF's pages on the printer) also runs in the background: Qt allows a QPainter
on a QPrinter outside the UI thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from printing.printouts import Layout, Printouts
from printing.render import render, write_pdf
from records.errors import StorageUnavailable
from ui.preferences import PRINT_DESTINATION, PRINTER_NAME, Preferences
from ui.session import UiSession

PRINT_DPI = 300  # pages are rasterised at this resolution for the printer (crisp text, 35 MB per A4 page)


def file_name(form: str, code: str | None) -> str:
    """A file name for a printout: ``bien-nhan-000.17.22.H56-261125-0001.pdf``."""
    stem = f"{form}-{code}" if code else f"{form}-{datetime.now():%Y%m%d-%H%M%S}"
    return re.sub(r"[^0-9A-Za-z._-]", "_", stem) + ".pdf"


class PrintJob:
    """A printout: what to read for it from the store's :class:`Printouts` (on the database worker; it
    returns the layout still to do, run in the background) and what it is for the audit."""

    def __init__(self, form: str, code: str | None, title: str, read: Callable[[Printouts], Layout]) -> None:
        self.form = form
        self.code = code
        self.title = title
        self.read = read


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Paint every page of the PDF ``data`` on ``printer``; returns the number of pages printed.

    :class:`StorageUnavailable` when the PDF cannot be read or the printer cannot be opened."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise StorageUnavailable("the printout could not be read back for printing")
    painter = QPainter()
    if not painter.begin(printer):
        raise StorageUnavailable(f"the printer {printer.printerName()!r} cannot be opened")
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() / 72 * PRINT_DPI), round(points.height() / 72 * PRINT_DPI))
            image = document.render(index, size)
            target = printer.pageRect(QPrinter.Unit.DevicePixel)
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
    return document.pageCount()


def configured_printer(name: str) -> QPrinter:
    """A printer object for the printer called ``name`` (the system default when empty or gone)."""
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        info = QPrinterInfo.defaultPrinter()
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # the PDF already has its margins
    return printer


class PrintController(QObject):
    """Runs print jobs for the pages of one session."""

    saved = Signal(str, object)  # form, the PDF's path (destination "folder" or "Lưu PDF")
    printed = Signal(str, str)  # form, the printer's name
    previewed = Signal(object)  # the preview dialog (tests close it)
    failed = Signal(object)  # the exception

    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self._printouts = Printouts(session.services)

    def start(self, job: PrintJob) -> None:
        """Read ``job``'s data (database worker), lay it out and render it (background), then send it where
        it goes. The worker is held only for the reading: a long register does not stall the other pages."""
        session = self._session

        def lay_out_and_render(layout: Layout) -> tuple[int, bytes]:
            document = layout()
            return len(document.pages), render(document)

        session.run(
            lambda: job.read(self._printouts),
            lambda layout: session.background(
                lambda: lay_out_and_render(layout), lambda done: self._rendered(job, *done), self._fail
            ),
            self._fail,
        )

    def _fail(self, exc: BaseException) -> None:
        self.failed.emit(exc)

    def _rendered(self, job: PrintJob, pages: int, data: bytes) -> None:
        destination = self._session.prefs.get(PRINT_DESTINATION)
        if destination == "folder":
            target = self._session.prefs.pdf_folder() / file_name(job.form, job.code)
            self.save(job, pages, data, target)
        elif destination == "printer":
            self.send_to_printer(job, pages, data, configured_printer(self._session.prefs.get(PRINTER_NAME)))
        else:
            from ui.print_preview_dialog import PrintPreviewDialog

            dialog = PrintPreviewDialog(self, job, pages, data, self._parent)
            self.previewed.emit(dialog)
            dialog.open()

    def save(self, job: PrintJob, pages: int, data: bytes, target: Path) -> None:
        """Write the PDF to ``target`` (background) and note the printout in the audit log."""
        session = self._session

        def write() -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)
            return write_pdf(data, target)

        def written(path: Path) -> None:
            session.run(
                lambda: self._audit(job, pages, f"pdf:{path}"),
                lambda _: self.saved.emit(job.form, path),
                self._fail,
            )

        session.background(_guard_disk(write), written, self._fail)

    def send_to_printer(self, job: PrintJob, pages: int, data: bytes, printer: QPrinter) -> None:
        """Print the PDF on ``printer`` (background) and note the printout in the audit log."""
        session = self._session
        name = printer.printerName() or printer.outputFileName()

        def printed(_pages: int) -> None:
            session.run(
                lambda: self._audit(job, pages, f"printer:{name}"),
                lambda _: self.printed.emit(job.form, name),
                self._fail,
            )

        session.background(lambda: print_pdf(data, printer), printed, self._fail)

    def parent_prefs(self) -> Preferences:
        """This workstation's preferences (the preview reads the last printer and folder from them)."""
        return self._session.prefs

    def remember_printer(self, printer: QPrinter) -> None:
        """Keep the printer chosen in the print dialog for next time."""
        if printer.printerName():
            self._session.prefs.set(PRINTER_NAME, printer.printerName())

    def _audit(self, job: PrintJob, pages: int, where: str) -> None:
        self._session.services.files.record_printed(
            self._session.actor, job.form, job.code, {"pages": pages, "title": job.title, "to": where}
        )


def _guard_disk(fn: Callable[[], Path]) -> Callable[[], Path]:
    def run() -> Path:
        try:
            return fn()
        except OSError as exc:  # the folder cannot be made (read-only share, unplugged USB stick)
            raise StorageUnavailable(f"cannot write the printout: {exc.strerror or exc}") from exc

    return run

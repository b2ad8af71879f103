"""The print preview: the PDF as it will print, with "In…" (the print dialog) and "Lưu PDF…"."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QVBoxLayout, QWidget

from ui.preferences import PRINTER_NAME

if TYPE_CHECKING:
    from ui.print_controller import PrintController, PrintJob


class PrintPreviewDialog(QDialog):
    """Shows a rendered printout; prints it or saves it as PDF."""

    def __init__(
        self, controller: PrintController, job: PrintJob, pages: int, data: bytes, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xem trước khi in — {0}").format(job.title))
        self._controller = controller
        self._job = job
        self._pages = pages
        self.data = data
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("In… (Ctrl+P)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = buttons.addButton(
            self.tr("Lưu PDF… (Ctrl+S)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        close = buttons.addButton(self.tr("Đóng (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button.clicked.connect(self.choose_file)
        close.clicked.connect(self.reject)
        info = QLabel(self.tr("%n trang", "", pages))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        row = QVBoxLayout()
        row.addWidget(info)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.print_button.setDefault(True)
        self.print_button.setFocus()
        self.resize(760, 900)

    def choose_printer(self) -> None:
        """The print dialog, on the last printer chosen; prints in the background once accepted."""
        from ui.print_controller import configured_printer

        printer = configured_printer(self._controller.parent_prefs().get(PRINTER_NAME))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._controller.remember_printer(printer)
        self._controller.send_to_printer(self._job, self._pages, self.data, printer)
        self.accept()

    def choose_file(self) -> None:
        """Ask where to save the PDF, then save it there."""
        from ui.print_controller import file_name

        folder = self._controller.parent_prefs().pdf_folder()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu PDF"), str(folder / file_name(self._job.form, self._job.code)), "PDF (*.pdf)"
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Save the PDF to ``path`` (and close)."""
        self._controller.save(self._job, self._pages, self.data, path)
        self.accept()

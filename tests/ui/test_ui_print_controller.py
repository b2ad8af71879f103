"""Printing from the application: the PDF written to the printouts folder, the preview's "save", a PDF
painted onto a printer, and the audit entry each leaves; a bad destination is refused with a message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pdfs import all_text, page_count
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sample_store import AGENCY_NAME
from sqlalchemy import select
from uitest import WAIT_MS

from printing.printouts import Printouts
from printing.render import render
from records.errors import StorageUnavailable
from records.files import RegistrationRequest
from records.store.models import AuditEntry
from ui.preferences import PDF_FOLDER, PRINT_DESTINATION
from ui.print_controller import PrintController, PrintJob, file_name, print_pdf
from ui.print_preview_dialog import PrintPreviewDialog
from ui.session import UiSession


def _register(services: Any) -> str:
    request = RegistrationRequest.from_json(
        {
            "procedure": "1.001193",
            "applicant": {"personal_id": "001099012345", "full_name": "Nguyễn Văn Bình"},
            "documents": ["Tờ khai đăng ký khai sinh"],
        }
    )
    return str(services.files.register(request, services.users.system(1)).code)


def _printed_forms(services: Any) -> list[dict[str, Any]]:
    with services.db.reading() as uow:
        rows = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "form.printed")).all()
        return [dict(r.details or {}, entity_id=r.entity_id, user=r.username) for r in rows]


def _receipt_job(code: str) -> PrintJob:
    return PrintJob("receipt", code, "Giấy biên nhận", lambda p: p.receipt_layout(code))


@pytest.fixture
def clerk(fresh_store: Any, make_session: Callable[..., UiSession]) -> UiSession:
    return make_session(fresh_store, "clerk")


def test_the_folder_destination_writes_the_pdf_and_audits_it(
    qtbot: QtBot, clerk: UiSession, tmp_path: Path
) -> None:
    code = _register(clerk.services)
    clerk.prefs.set(PRINT_DESTINATION, "folder")
    clerk.prefs.set(PDF_FOLDER, str(tmp_path / "in"))
    parent = _parent(qtbot)
    controller = PrintController(clerk, parent)
    with qtbot.waitSignal(controller.saved, timeout=WAIT_MS) as signal:
        controller.start(_receipt_job(code))
    form, path = signal.args
    assert form == "receipt"
    assert path == tmp_path / "in" / file_name("receipt", code)
    text = all_text(path.read_bytes())
    assert code in text and AGENCY_NAME.upper() in text.upper()
    qtbot.waitUntil(lambda: len(_printed_forms(clerk.services)) == 1, timeout=WAIT_MS)
    entry = _printed_forms(clerk.services)[0]
    assert entry["entity_id"] == code and entry["form"] == "receipt" and entry["to"] == f"pdf:{path}"


def test_the_database_worker_only_reads_the_layout_runs_in_the_background(
    qtbot: QtBot, clerk: UiSession, tmp_path: Path
) -> None:
    """A long register must not hold the database worker while it is laid out: the job's reading runs on
    the worker, its layout in the background pool, neither on the UI thread."""
    import threading

    code = _register(clerk.services)
    clerk.prefs.set(PRINT_DESTINATION, "folder")
    clerk.prefs.set(PDF_FOLDER, str(tmp_path / "in"))
    threads: dict[str, threading.Thread] = {}

    def read(p: Printouts) -> Callable[[], Any]:
        threads["read"] = threading.current_thread()
        layout = p.receipt_layout(code)

        def lay_out() -> Any:
            threads["layout"] = threading.current_thread()
            return layout()

        return lay_out

    controller = PrintController(clerk, _parent(qtbot))
    with qtbot.waitSignal(controller.saved, timeout=WAIT_MS):
        controller.start(PrintJob("receipt", code, "Giấy biên nhận", read))
    main = threading.main_thread()
    assert threads["read"] is not main and threads["layout"] is not main
    assert threads["read"] is not threads["layout"]


def test_a_form_that_does_not_fit_is_refused_and_nothing_is_written(
    qtbot: QtBot, clerk: UiSession, tmp_path: Path
) -> None:
    from records.forms import FormKind

    code = _register(clerk.services)
    clerk.prefs.set(PRINT_DESTINATION, "folder")
    clerk.prefs.set(PDF_FOLDER, str(tmp_path / "in"))
    controller = PrintController(clerk, _parent(qtbot))
    job = PrintJob("refusal", code, "Từ chối", lambda p: p.form_layout(FormKind.REFUSAL, code))
    with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as signal:
        controller.start(job)
    assert signal.args[0].code == "form_not_applicable"
    assert not (tmp_path / "in").exists()
    assert _printed_forms(clerk.services) == []


def test_an_unwritable_folder_is_a_clear_refusal(qtbot: QtBot, clerk: UiSession, tmp_path: Path) -> None:
    code = _register(clerk.services)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    clerk.prefs.set(PRINT_DESTINATION, "folder")
    clerk.prefs.set(PDF_FOLDER, str(blocker / "sub"))
    controller = PrintController(clerk, _parent(qtbot))
    with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as signal:
        controller.start(_receipt_job(code))
    assert isinstance(signal.args[0], StorageUnavailable)
    assert _printed_forms(clerk.services) == []


def test_the_preview_shows_the_pages_and_saves_where_asked(
    qtbot: QtBot, clerk: UiSession, tmp_path: Path
) -> None:
    code = _register(clerk.services)
    controller = PrintController(clerk, _parent(qtbot))
    with qtbot.waitSignal(controller.previewed, timeout=WAIT_MS) as signal:
        controller.start(
            PrintJob("receipt", code, "Giấy biên nhận", lambda p: p.receipt_layout(code, "a4", 2))
        )
    dialog = signal.args[0]
    assert isinstance(dialog, PrintPreviewDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.document.pageCount() == 2  # two copies (liên), one page each
    target = tmp_path / "chosen.pdf"
    with qtbot.waitSignal(controller.saved, timeout=WAIT_MS):
        dialog.save_to(target)
    assert code in all_text(target.read_bytes())
    assert not dialog.isVisible()


def test_print_pdf_paints_every_page_on_the_printer(clerk: UiSession, tmp_path: Path) -> None:
    code = _register(clerk.services)
    data = render(Printouts(clerk.services).receipt(code, "a4", 2))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a "printer" whose paper we can read back
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(data, printer) == 2
    assert page_count((tmp_path / "printed.pdf").read_bytes()) == 2


def test_print_pdf_refuses_what_is_not_a_pdf(tmp_path: Path) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "never.pdf"))
    with pytest.raises(StorageUnavailable):
        print_pdf(b"%PDF-1.4 broken", printer)
    assert not (tmp_path / "never.pdf").exists()


def test_file_names_are_safe_on_windows() -> None:
    assert file_name("receipt", "000.17.22.H56-261125-0001") == "receipt-000.17.22.H56-261125-0001.pdf"
    assert ":" not in file_name("register", None) and file_name("a/b", "c\\d:e").count("/") == 0


def _parent(qtbot: QtBot) -> Any:
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    return widget

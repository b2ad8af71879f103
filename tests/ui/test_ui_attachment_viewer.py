"""Viewing an attached document: its pages counted and browsed by keyboard, zoomed, printed as a copy (off the
UI thread, the same number of pages on paper), and a damaged PDF explained instead of a crash."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pdfs import page_count, rasterise
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas
from uitest import WAIT_MS

from ui.attachment_viewer import AttachmentViewerDialog
from ui.tasks import BackgroundPool


def _pdf(pages: int) -> bytes:
    out = io.BytesIO()
    document = canvas.Canvas(out, pagesize=(595, 842))
    for n in range(1, pages + 1):
        document.setFont("Helvetica", 28)
        document.drawString(72, 700, f"Trang so {n}")
        document.showPage()
    document.save()
    return out.getvalue()


@pytest.fixture
def background() -> Iterator[Callable[..., Any]]:
    pool = BackgroundPool()
    yield pool.submit
    assert pool.stop(WAIT_MS), "a background task did not finish in time"


def _viewer(qtbot: QtBot, background: Callable[..., Any], data: bytes) -> AttachmentViewerDialog:
    dialog = AttachmentViewerDialog(data, "Giấy khai sinh", background)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)  # the shortcuts work in the active window
    return dialog


def test_the_page_count_is_shown_and_the_keys_turn_the_pages(
    qtbot: QtBot, background: Callable[..., Any]
) -> None:
    dialog = _viewer(qtbot, background, _pdf(4))
    assert dialog.readable and dialog.page_count == 4
    assert dialog.page_total.text() == "/ 4" and dialog.page_box.maximum() == 4
    assert dialog.current_page == 0 and dialog.page_box.value() == 1
    assert "Giấy khai sinh" in dialog.windowTitle()

    qtbot.keyClick(dialog.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: dialog.current_page == 1, timeout=WAIT_MS)
    assert dialog.page_box.value() == 2
    qtbot.keyClick(dialog.view, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: dialog.current_page == 3, timeout=WAIT_MS)
    assert not dialog.next_action.isEnabled()  # nothing after the last page
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: dialog.current_page == 2, timeout=WAIT_MS)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: dialog.current_page == 0, timeout=WAIT_MS)
    assert not dialog.previous_action.isEnabled()

    qtbot.keyClick(dialog.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # go to page …
    assert dialog.page_box.hasFocus()
    dialog.page_box.lineEdit().selectAll()
    qtbot.keyClicks(dialog.page_box, "3")
    qtbot.keyClick(dialog.page_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.current_page == 2, timeout=WAIT_MS)


def test_zoom_in_out_and_fit_by_keyboard(qtbot: QtBot, background: Callable[..., Any]) -> None:
    dialog = _viewer(qtbot, background, _pdf(2))
    view = dialog.view
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth  # a scanned page reads best across the width
    fitted = dialog.zoom_factor()
    assert 0.1 < fitted < 5

    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(view, Qt.Key.Key_Equal, ctrl)  # Ctrl+= is Ctrl++ without Shift
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    bigger = view.zoomFactor()
    assert bigger > fitted
    assert dialog.zoom_label.text() == f"{round(bigger * 100)}%"
    qtbot.keyClick(view, Qt.Key.Key_Minus, ctrl)
    qtbot.keyClick(view, Qt.Key.Key_Minus, ctrl)
    assert view.zoomFactor() < bigger

    qtbot.keyClick(view, Qt.Key.Key_1, ctrl)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and view.zoomFactor() == 1.0
    qtbot.keyClick(view, Qt.Key.Key_0, ctrl)
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView and dialog.fit_page_action.isChecked()
    whole_page = dialog.zoom_factor()
    assert whole_page < fitted  # a whole A4 page in a portrait window is smaller than the width fit
    qtbot.keyClick(view, Qt.Key.Key_2, ctrl)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth and dialog.fit_width_action.isChecked()


def test_a_printed_copy_has_every_page_and_is_announced(
    qtbot: QtBot, background: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.print_controller

    threads: list[threading.Thread] = []
    real_print_pdf = ui.print_controller.print_pdf

    def spying_print_pdf(data: bytes, printer: QPrinter) -> int:
        threads.append(threading.current_thread())
        return real_print_pdf(data, printer)

    monkeypatch.setattr(ui.print_controller, "print_pdf", spying_print_pdf)
    dialog = _viewer(qtbot, background, _pdf(3))
    requested: list[QPrinter] = []
    dialog.print_requested.connect(requested.append)
    target = tmp_path / "ban-sao.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a "printer" whose paper we can read back
    printer.setOutputFileName(str(target))

    with qtbot.waitSignal(dialog.printed, timeout=WAIT_MS) as signal:
        dialog.print_to(printer)
        assert not dialog.print_button.isEnabled()  # no second copy while this one prints
    assert signal.args == [str(target), 3]
    assert requested == [printer]
    assert threads and threads[0] is not threading.main_thread()
    assert page_count(target.read_bytes()) == 3
    assert rasterise(target.read_bytes(), 50, index=2).getextrema()[0] < 128  # the pages, not blank paper
    assert dialog.print_button.isEnabled()
    assert "3 trang" in dialog.status.text()


def test_a_printer_that_fails_is_reported_in_the_dialog(
    qtbot: QtBot, background: Callable[..., Any], tmp_path: Path
) -> None:
    dialog = _viewer(qtbot, background, _pdf(1))
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no-such-folder" / "x.pdf"))  # cannot be opened
    with qtbot.waitSignal(dialog.print_failed, timeout=WAIT_MS):
        dialog.print_to(printer)
    assert dialog.status.text().startswith("Không in được")
    assert dialog.print_button.isEnabled()  # the clerk may choose another printer


def test_a_damaged_pdf_is_explained_not_shown(
    qtbot: QtBot, background: Callable[..., Any], tmp_path: Path
) -> None:
    damaged = _pdf(2)[:300]  # cut off in the middle, as a failed copy would be
    dialog = _viewer(qtbot, background, damaged)
    assert not dialog.readable and dialog.page_count == 0
    assert dialog.stack.currentWidget() is dialog.message
    assert "Không mở được giấy tờ «Giấy khai sinh»" in dialog.message.text()
    assert "bị hỏng" in dialog.message.text()
    assert not dialog.print_button.isEnabled() and not dialog.next_action.isEnabled()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "never.pdf"))
    dialog.print_to(printer)  # refused quietly: nothing to print
    assert not (tmp_path / "never.pdf").exists()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_ctrl_p_opens_the_print_dialog_and_cancelling_prints_nothing(
    qtbot: QtBot, background: Callable[..., Any]
) -> None:
    dialog = _viewer(qtbot, background, _pdf(1))
    printed: list[object] = []
    dialog.print_requested.connect(printed.append)
    qtbot.keyClick(dialog.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    print_dialog = dialog.print_dialog
    assert print_dialog is not None and print_dialog.isVisible()
    print_dialog.reject()
    qtbot.wait(50)
    assert printed == [] and dialog.print_button.isEnabled()

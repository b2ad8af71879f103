"""Viewing an attached document (an archived PDF) inside the application: zoom, page by page, and "In bản
sao" (print a copy).

The dialog only shows and prints: it never touches the store. Whoever opens it audits the copy through
:attr:`AttachmentViewerDialog.printed` (a citizen's papers printed at the counter belong in the audit log).
Printing paints the PDF on the printer in the background (:func:`ui.print_controller.print_pdf`), so a long
document does not freeze the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from records.errors import DomainError
from ui.errors import ERROR_STYLE, details_of, show_crash
from ui.labels import describe_error

Background = Callable[..., Any]  # UiSession.background: (fn, on_success, on_error) -> Task

# The zoom steps of Ctrl++ / Ctrl+-, as in the usual PDF readers.
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 5.0)


class AttachmentViewerDialog(QDialog):
    """One PDF (bytes) shown with zoom, page navigation and "In bản sao".

    ``background`` runs the printing off the UI thread (``UiSession.background``); ``printer_name`` is the
    printer the print dialog offers first (the workstation's last choice; empty: the system default).
    """

    print_requested = Signal(object)  # the QPrinter chosen, before printing (the caller may remember it)
    printed = Signal(str, int)  # the printer's name (or output file), pages printed: audit the copy
    print_failed = Signal(object)  # the exception

    def __init__(
        self,
        data: bytes,
        title: str,
        background: Background,
        printer_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xem giấy tờ — {0}").format(title))
        self.data = data
        self.title = title
        self._background = background
        self._printer_name = printer_name
        self._printing = False
        self.print_dialog: QPrintDialog | None = None  # the last print dialog opened

        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.navigator = self.view.pageNavigator()

        self.message = QLabel()  # shown instead of the view when the PDF cannot be read
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(ERROR_STYLE + "; font-size: 14pt; padding: 24px")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message)

        self._build_actions()
        self.fit_width_action.setCheckable(True)
        self.fit_page_action.setCheckable(True)
        toolbar = self._build_toolbar()
        self.view.viewport().installEventFilter(self)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("In bản sao… (Ctrl+P)"))
        self.print_button.setToolTip(self.tr("In một bản sao giấy tờ này (Ctrl+P)"))
        self.print_button.setAutoDefault(False)  # Enter in the page box goes to the page, not to print
        self.print_button.clicked.connect(self.choose_printer)
        close = QPushButton(self.tr("Đóng (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self.navigator.currentPageChanged.connect(self._page_changed)
        self.view.zoomFactorChanged.connect(self._zoom_changed)
        self.view.zoomModeChanged.connect(self._zoom_changed)
        self.document.statusChanged.connect(self._status_changed)
        self.view.setDocument(self.document)
        self.document.load(self._buffer)  # a buffer in memory loads at once; statusChanged says how it went
        self._status_changed()
        self.resize(820, 940)
        self.view.setFocus()

    # -- building -------------------------------------------------------------------------------------

    def _action(self, text: str, tip: str, keys: list[QKeySequence], slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.first_action = self._action(
            "|◀", self.tr("Về trang đầu (Home)"), [key(Qt.Key.Key_Home)], self.first_page
        )
        self.previous_action = self._action(
            "◀",
            self.tr("Trang trước (Page Up)"),
            [key(Qt.Key.Key_PageUp)],
            self.previous_page,
        )
        self.next_action = self._action(
            "▶", self.tr("Trang sau (Page Down)"), [key(Qt.Key.Key_PageDown)], self.next_page
        )
        self.last_action = self._action(
            "▶|", self.tr("Tới trang cuối (End)"), [key(Qt.Key.Key_End)], self.last_page
        )
        self.zoom_out_action = self._action(
            "−",
            self.tr("Thu nhỏ (Ctrl+-)"),
            [key(key.StandardKey.ZoomOut)],
            self.zoom_out,
        )
        self.zoom_in_action = self._action(
            "+",
            self.tr("Phóng to (Ctrl++)"),
            [key(key.StandardKey.ZoomIn), key("Ctrl+=")],  # Ctrl+= : the same key without Shift
            self.zoom_in,
        )
        # Ctrl+0 / Ctrl+1 / Ctrl+2 as in Acrobat and Foxit, the readers the counters know.
        self.fit_page_action = self._action(
            self.tr("Vừa trang"), self.tr("Xem trọn một trang (Ctrl+0)"), [key("Ctrl+0")], self.fit_page
        )
        self.actual_size_action = self._action(
            "100%", self.tr("Cỡ thật, 100% (Ctrl+1)"), [key("Ctrl+1")], self.actual_size
        )
        self.fit_width_action = self._action(
            self.tr("Vừa rộng"),
            self.tr("Trang vừa chiều rộng cửa sổ (Ctrl+2)"),
            [key("Ctrl+2")],
            self.fit_width,
        )
        self.go_to_action = self._action(
            self.tr("Đi tới trang"), self.tr("Gõ số trang (Ctrl+G)"), [key("Ctrl+G")], self._focus_page_box
        )
        self.print_action = self._action(
            self.tr("In bản sao…"),
            self.tr("In một bản sao giấy tờ này (Ctrl+P)"),
            [key(key.StandardKey.Print)],
            self.choose_printer,
        )

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.first_action)
        toolbar.addAction(self.previous_action)
        page_label = QLabel(self.tr("Trang"))
        self.page_box = QSpinBox()
        self.page_box.setToolTip(self.tr("Số trang đang xem; gõ số rồi Enter để tới trang đó (Ctrl+G)"))
        self.page_box.setKeyboardTracking(False)
        self.page_box.setRange(0, 0)
        page_label.setBuddy(self.page_box)
        self.page_total = QLabel()
        self.page_box.valueChanged.connect(self._page_typed)
        toolbar.addWidget(page_label)
        toolbar.addWidget(self.page_box)
        toolbar.addWidget(self.page_total)
        toolbar.addAction(self.next_action)
        toolbar.addAction(self.last_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.zoom_out_action)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(52)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setToolTip(self.tr("Tỉ lệ phóng"))
        toolbar.addWidget(self.zoom_label)
        toolbar.addAction(self.zoom_in_action)
        toolbar.addSeparator()
        toolbar.addAction(self.fit_width_action)
        toolbar.addAction(self.fit_page_action)
        toolbar.addAction(self.actual_size_action)
        return toolbar

    # -- the document ---------------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        """How many pages the PDF has (0 when it cannot be read)."""
        return self.document.pageCount() if self.readable else 0

    @property
    def readable(self) -> bool:
        """Whether the PDF opened."""
        return self.document.status() == QPdfDocument.Status.Ready

    def _status_changed(self, *_args: object) -> None:
        status = self.document.status()
        if status == QPdfDocument.Status.Ready:
            self.stack.setCurrentWidget(self.view)
            count = self.document.pageCount()
            self.page_box.blockSignals(True)
            self.page_box.setRange(1, max(count, 1))
            self.page_box.setValue(self.navigator.currentPage() + 1)
            self.page_box.blockSignals(False)
            self.page_total.setText(f"/ {count}")
            self._set_enabled(True)
        elif status == QPdfDocument.Status.Error:
            self._show_unreadable()
        self._zoom_changed()

    def _show_unreadable(self) -> None:
        if self.document.error() == QPdfDocument.Error.IncorrectPassword:
            text = self.tr(
                "Không mở được giấy tờ «{0}»: tệp PDF được khóa bằng mật khẩu.\n"
                "Hãy báo quản trị viên; bản lưu trong hồ sơ không bị thay đổi."
            )
        else:
            text = self.tr(
                "Không mở được giấy tờ «{0}»: tệp PDF bị hỏng hoặc không phải tệp PDF.\n"
                "Hãy báo quản trị viên; nếu cần, số hóa lại giấy tờ này từ bản giấy."
            )
        self.message.setText(text.format(self.title))
        self.stack.setCurrentWidget(self.message)
        self.page_box.setRange(0, 0)
        self.page_total.setText("/ 0")
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for action in (
            self.first_action,
            self.previous_action,
            self.next_action,
            self.last_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_page_action,
            self.fit_width_action,
            self.actual_size_action,
            self.go_to_action,
        ):
            action.setEnabled(enabled)
        self.page_box.setEnabled(enabled)
        printable = enabled and not self._printing
        self.print_action.setEnabled(printable)
        self.print_button.setEnabled(printable)

    # -- pages ----------------------------------------------------------------------------------------

    @property
    def current_page(self) -> int:
        """The page being read, from 0."""
        return self.navigator.currentPage()

    def go_to_page(self, index: int) -> None:
        """Show page ``index`` (from 0; clamped to the document)."""
        if not self.readable or self.document.pageCount() == 0:
            return
        index = max(0, min(index, self.document.pageCount() - 1))
        self.navigator.jump(index, QPointF(), self.navigator.currentZoom())

    def first_page(self) -> None:
        self.go_to_page(0)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    def last_page(self) -> None:
        self.go_to_page(self.document.pageCount() - 1)

    def _page_typed(self, number: int) -> None:
        if number - 1 != self.current_page:
            self.go_to_page(number - 1)

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        count = self.document.pageCount()
        self.first_action.setEnabled(self.readable and page > 0)
        self.previous_action.setEnabled(self.readable and page > 0)
        self.next_action.setEnabled(self.readable and page < count - 1)
        self.last_action.setEnabled(self.readable and page < count - 1)

    def _focus_page_box(self) -> None:
        self.page_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.page_box.selectAll()

    # -- zoom -----------------------------------------------------------------------------------------

    def zoom_factor(self) -> float:
        """The zoom as shown (1.0 = 100%), also when the page is fitted to the window."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or not self.readable or self.document.pageCount() == 0:
            return float(self.view.zoomFactor())
        # QPdfView fits the page without updating zoomFactor: work it out as qpdfview.cpp does.
        screen = self.screen()
        resolution = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
        points = self.document.pagePointSize(max(self.current_page, 0))
        if points.width() <= 0 or points.height() <= 0:
            return float(self.view.zoomFactor())
        viewport = self.view.viewport().size()
        margins = self.view.documentMargins()
        width = (viewport.width() - margins.left() - margins.right()) / (points.width() * resolution)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return max(width, 0.01)
        height = (viewport.height() - self.view.pageSpacing()) / (points.height() * resolution)
        return max(min(width, height), 0.01)

    def zoom_in(self) -> None:
        current = self.zoom_factor()
        self._set_zoom(next((z for z in ZOOM_STEPS if z > current * 1.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self.zoom_factor()
        self._set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < current / 1.01), ZOOM_STEPS[0]))

    def actual_size(self) -> None:
        self._set_zoom(1.0)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)

    def _zoom_changed(self, *_args: object) -> None:
        mode = self.view.zoomMode()
        self.zoom_label.setText(f"{round(self.zoom_factor() * 100)}%" if self.readable else "")
        self.fit_width_action.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_action.setChecked(mode == QPdfView.ZoomMode.FitInView)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._zoom_changed()  # a fitted page changes its zoom with the window
        return super().eventFilter(watched, event)

    # -- printing -------------------------------------------------------------------------------------

    def choose_printer(self) -> None:
        """The Qt print dialog (on the workstation's printer); prints in the background once accepted."""
        if not self.readable or self._printing:
            return
        from ui.print_controller import configured_printer

        printer = configured_printer(self._printer_name)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, False)
        dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog = dialog
        QDialog.open(dialog)  # QPrintDialog.open() itself wants a receiver and a slot

    def print_to(self, printer: QPrinter) -> None:
        """Print every page on ``printer`` in the background; :attr:`printed` or :attr:`print_failed`
        tells how it went."""
        if not self.readable or self._printing:
            return
        from ui.print_controller import print_pdf

        name = printer.printerName() or printer.outputFileName()
        self.print_requested.emit(printer)
        self._printing = True
        self._set_enabled(True)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Đang in bản sao…"))
        data = self.data

        def done(pages: int) -> None:
            if not _alive(self):
                return
            self._printing = False
            self._set_enabled(self.readable)
            self.status.setText(self.tr("Đã gửi %n trang tới máy in {0}.", "", pages).format(name))
            self.printed.emit(name, pages)

        def failed(exc: BaseException) -> None:
            if not _alive(self):
                return
            self._printing = False
            self._set_enabled(self.readable)
            self.print_failed.emit(exc)
            if isinstance(exc, DomainError):
                self.status.setStyleSheet(ERROR_STYLE)
                self.status.setText(self.tr("Không in được: {0}").format(describe_error(exc)))
            else:
                self.status.clear()
                show_crash(self, details_of(exc))

        self._background(lambda: print_pdf(data, printer), done, failed)

    def reject(self) -> None:
        if self._printing:
            return  # the pages are still being painted on the printer: wait for the answer
        super().reject()


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget))

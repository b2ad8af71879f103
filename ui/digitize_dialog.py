"""Digitizing a file's papers: scan (flatbed or feeder), photograph, or import files; put the pages in order
and into documents; pass the quality gate; attach.

Everything slow runs off the UI thread: the scanner list and the scan itself (in the background pool, with
progress and a cancel flag checked between sheets), reading imported files, archiving the documents as PDFs,
and the quality measures; attaching runs on the database worker. The quality gate's warnings (blank page,
under 200 dpi, skewed page, oversized document, a checklist item with no pages) are shown as the clerk
works and once more before saving, where the clerk may override them; the overridden warnings are kept
with the documents.

Imported PDFs are kept as they are (one document each), listed apart from the page editor.

Two uses: for a registered file (``code`` given) the documents are attached to it at once; at intake, before
the file exists (``code`` None), the dialog *collects* them (the PDFs are made, the gate passed) and hands
them to the intake screen, which registers the file and its documents in one unit of work. Such PDFs carry no
file code in their metadata (it is not given yet); the database row ties them to their file.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from records.attachments import AttachmentSource, AttachmentView, NewAttachment
from records.clock import now
from records.digitize.archive import ArchiveMetadata, ArchiveOptions, build_pdf
from records.digitize.imports import warning_label
from records.digitize.pages import ColourMode, DraftDocument
from records.digitize.quality import QualityIssue, QualityWarning, check_documents
from records.digitize.sources import ImageSource, PdfSource, read_source
from ui.errors import show_error
from ui.labels import decimal_text
from ui.page_editor import PageEditor
from ui.session import UiSession

IMPORT_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf"
DPI_CHOICES = (150, 200, 300)
_backends: list[Any] | None = None  # built once per run: the fake scanner's feeder keeps its state


def scanner_backends() -> list[Any]:
    """This computer's scanner backends (``records.capture``), made on first use."""
    global _backends
    if _backends is None:
        from records.capture.scanners import platform_backends

        _backends = platform_backends()
    return _backends


@dataclass(frozen=True)
class KeptPdf:
    """An imported PDF attached as it is."""

    file_name: str
    data: bytes
    pages: int


class DigitizeDialog(QDialog):
    """Scan, photograph or import the papers of the file ``code`` and attach them."""

    attached = Signal(list)  # the AttachmentViews stored
    collected = Signal(list)  # the NewAttachments made, when collecting for a file not registered yet
    scanned = Signal(int)  # pages a scan added (tests wait on it)
    warnings_shown = Signal(list)  # the quality gate's warnings, each time they are measured

    def __init__(
        self,
        session: UiSession,
        code: str | None,
        checklist: Sequence[tuple[str | None, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if code is None:
            self.setWindowTitle(self.tr("Số hóa giấy tờ — hồ sơ đang tiếp nhận"))
        else:
            self.setWindowTitle(self.tr("Số hóa giấy tờ — hồ sơ {0}").format(code))
        self.setAcceptDrops(True)
        self._session = session
        self.code = code
        self._checklist = list(checklist)
        self._devices: list[Any] = []
        self._cancel: threading.Event | None = None
        self._busy = False
        self._closed = False
        self._generation = 0
        self.kept: list[KeptPdf] = []
        self.warnings: list[QualityWarning] = []
        self.override_box: QMessageBox | None = None  # the gate's question while it is open

        self.editor = PageEditor(session.background, self)
        self.editor.set_checklist(self._checklist)
        self.editor.changed.connect(self._schedule_check)

        self.device_combo = QComboBox()
        self.device_combo.setMinimumContentsLength(22)
        self.device_combo.setToolTip(self.tr("Máy quét"))
        self.source_combo = QComboBox()
        self.dpi_combo = QComboBox()
        for dpi in DPI_CHOICES:
            self.dpi_combo.addItem(self.tr("{0} dpi").format(dpi), dpi)
        self.dpi_combo.setCurrentIndex(DPI_CHOICES.index(200))
        self.colour_combo = QComboBox()
        for mode, label in (
            (ColourMode.GRAY, self.tr("Xám")),
            (ColourMode.COLOUR, self.tr("Màu")),
            (ColourMode.BW, self.tr("Đen trắng")),
        ):
            self.colour_combo.addItem(label, mode)
        self.colour_combo.setToolTip(self.tr("Chế độ màu khi quét và khi lưu PDF"))
        self.device_combo.currentIndexChanged.connect(self._device_chosen)

        self.scan_button = QPushButton(self.tr("&Quét (F6)"))
        self.scan_button.setToolTip(self.tr("Quét bằng máy quét đã chọn; khay nạp giấy quét đến hết giấy"))
        self.scan_button.clicked.connect(self.scan)
        self.cancel_button = QPushButton(self.tr("&Dừng quét"))
        self.cancel_button.clicked.connect(self.cancel_scan)
        self.cancel_button.hide()
        self.camera_button = QPushButton(self.tr("&Máy ảnh… (F7)"))
        self.camera_button.setToolTip(self.tr("Chụp bằng máy ảnh tài liệu hoặc webcam"))
        self.camera_button.clicked.connect(self.open_camera)
        self.import_button = QPushButton(self.tr("&Nhập tệp… (Ctrl+O)"))
        self.import_button.setToolTip(
            self.tr("Nhập ảnh (JPEG, PNG, TIFF, BMP) hoặc PDF; có thể kéo thả tệp vào đây")
        )
        self.import_button.clicked.connect(self.choose_files)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status = QLabel()
        self.status.setStyleSheet("color: #555555")

        self.kept_list = QListWidget()
        self.kept_list.setToolTip(self.tr("Tệp PDF nhập vào được lưu nguyên như vậy; nhấp đúp để đổi tên"))
        self.kept_list.itemChanged.connect(lambda _item: self._schedule_check())
        self.kept_label = QLabel(self.tr("Tệp PDF giữ nguyên:"))
        self.warning_list = QListWidget()
        self.warning_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.warning_label = QLabel(self.tr("Kiểm tra chất lượng:"))

        self.save_button = QPushButton(
            self.tr("&Lưu vào hồ sơ (Ctrl+S)") if code is not None else self.tr("&Xong (Ctrl+S)")
        )
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.clicked.connect(self.reject)

        tools = QHBoxLayout()
        tools.addWidget(self.device_combo, 1)
        tools.addWidget(self.source_combo)
        tools.addWidget(self.dpi_combo)
        tools.addWidget(self.colour_combo)
        tools.addWidget(self.scan_button)
        tools.addWidget(self.cancel_button)
        tools.addWidget(self.camera_button)
        tools.addWidget(self.import_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.warning_label)
        side_layout.addWidget(self.warning_list, 2)
        side_layout.addWidget(self.kept_label)
        side_layout.addWidget(self.kept_list, 1)
        splitter = QSplitter()
        splitter.addWidget(self.editor)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        QShortcut(QKeySequence(Qt.Key.Key_F6), self, self.scan)
        QShortcut(QKeySequence(Qt.Key.Key_F7), self, self.open_camera)
        QShortcut(QKeySequence.StandardKey.Open, self, self.choose_files)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(300)
        self._check_timer.timeout.connect(self.check_quality)
        self.resize(1000, 680)
        self._show_warnings([])
        self._load_devices()

    # -- scanners ----------------------------------------------------------------------------------------

    def _load_devices(self) -> None:
        from records.capture.scanners import list_devices

        self.device_combo.clear()
        self.device_combo.addItem(self.tr("Đang tìm máy quét…"), None)
        self.scan_button.setEnabled(False)
        self._in_background(lambda: list_devices(scanner_backends()), self._devices_found, self._failed)

    def _devices_found(self, found: Any) -> None:
        self._devices = list(found.devices)
        self.device_combo.clear()
        for device in self._devices:
            self.device_combo.addItem(device.name, device.id)
        if not self._devices:
            self.device_combo.addItem(self.tr("Không tìm thấy máy quét"), None)
            self.device_combo.setToolTip(
                self.tr("Không có máy quét nào. Dùng máy ảnh tài liệu hoặc nhập tệp ảnh/PDF.")
                + "".join(f"\n{p.backend}: {p.message}" for p in found.problems)
            )
        self.scan_button.setEnabled(bool(self._devices) and not self._busy)

    def _device_chosen(self, index: int) -> None:
        from records.capture.scanners import PaperSource

        self.source_combo.clear()
        device = self._devices[index] if 0 <= index < len(self._devices) else None
        labels = {
            PaperSource.FLATBED: self.tr("Mặt kính"),
            PaperSource.FEEDER: self.tr("Khay nạp giấy"),
            PaperSource.FEEDER_DUPLEX: self.tr("Khay nạp, hai mặt"),
        }
        for source in device.sources if device else ():
            self.source_combo.addItem(labels.get(source, str(source)), source)

    def scan(self) -> None:
        """Scan with the chosen device (the feeder until it is empty), in the background."""
        from records.capture.scanners import PaperSource, ScanColour, ScanSettings, backend_for, scan_batch

        index = self.device_combo.currentIndex()
        if self._busy or not 0 <= index < len(self._devices):
            return
        device = self._devices[index]
        colour = ScanColour(str(self.colour_combo.currentData()))  # combo data come back as plain strings
        source = PaperSource(str(self.source_combo.currentData() or PaperSource.FLATBED.value))
        settings = ScanSettings(source=source, dpi=int(self.dpi_combo.currentData()), colour=colour)
        backend = backend_for(device, scanner_backends())
        cancel = threading.Event()
        self._cancel = cancel
        counter = _Progress()
        self._set_busy(True, self.tr("Đang quét…"))
        self.cancel_button.show()
        self.cancel_button.setFocus()
        poll = QTimer(self)
        poll.setInterval(200)
        poll.timeout.connect(
            lambda: self.status.setText(self.tr("Đang quét… đã có {0} trang").format(counter.pages))
        )
        poll.start()

        def done(result: Any) -> None:
            poll.stop()
            poll.deleteLater()
            self.cancel_button.hide()
            self._set_busy(False)
            self._scanned(result)

        def failed(exc: BaseException) -> None:
            poll.stop()
            poll.deleteLater()
            self.cancel_button.hide()
            self._set_busy(False)
            self._failed(exc)

        self._in_background(
            lambda: scan_batch(backend, device.id, settings, cancel, counter.update), done, failed
        )

    def cancel_scan(self) -> None:
        """Stop the scan after the sheet being scanned (the pages so far are kept)."""
        if self._cancel is not None:
            self._cancel.set()
            self.status.setText(self.tr("Đang dừng sau tờ đang quét…"))

    def _scanned(self, result: Any) -> None:
        from records.capture.scanners import StopReason
        from records.digitize.pages import Page

        pages = [Page(image=p.image, dpi=p.dpi, source=p.source_label) for p in result.pages]
        if pages:
            self.editor.add_pages(pages, new_document=bool(self.editor.pages()))
        count = len(pages)
        if result.stopped is StopReason.ERROR and result.error is not None:
            from ui.labels import describe_error

            self.status.setText(
                self.tr("Đã quét {0} trang rồi máy quét báo lỗi: {1}").format(
                    count, describe_error(result.error)
                )
            )
            if not count:
                show_error(self, result.error, self.tr("Máy quét"))
        elif result.stopped is StopReason.CANCELLED:
            self.status.setText(self.tr("Đã dừng: giữ {0} trang đã quét.").format(count))
        else:
            self.status.setText(self.tr("Đã quét {0} trang.").format(count))
        self.scanned.emit(count)

    # -- camera and files --------------------------------------------------------------------------------

    def open_camera(self) -> None:
        """Photograph pages with the document camera; the pages come back cropped and straightened."""
        from ui.camera_dialog import CameraDialog

        if self._busy:
            return
        dialog = CameraDialog(self._session.background, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished() -> None:
            pages = dialog.pages()
            if pages:
                self.editor.add_pages(pages, new_document=bool(self.editor.pages()))
                self.status.setText(self.tr("Đã chụp {0} trang.").format(len(pages)))

        dialog.accepted.connect(finished)
        dialog.open()

    def choose_files(self) -> None:
        """Pick images or PDFs to import."""
        if self._busy:
            return
        dialog = QFileDialog(self, self.tr("Nhập ảnh hoặc PDF"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("Ảnh và PDF ({0})").format(IMPORT_FILTER))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda names: self.import_files([Path(n) for n in names]))
        dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def import_files(self, paths: Sequence[Path]) -> None:
        """Read the files in the background: images join the page editor, PDFs are kept as they are. A file
        that cannot be read is named in a message and nothing of it is taken (the others are)."""
        if self._busy or not paths:
            return
        self._set_busy(True, self.tr("Đang đọc tệp…"))

        def read() -> tuple[list[Any], list[BaseException]]:
            sources: list[Any] = []
            problems: list[BaseException] = []
            for path in paths:
                try:
                    data = path.read_bytes()
                except OSError as exc:
                    from records.errors import UnreadableDocument

                    problems.append(UnreadableDocument(str(exc), reason="corrupt", name=path.name))
                    continue
                try:
                    sources.append(read_source(data, path.name))
                except Exception as exc:  # a DomainError is shown; anything else too, after the others
                    problems.append(exc)
            return sources, problems

        def done(result: tuple[list[Any], list[BaseException]]) -> None:
            self._set_busy(False)
            sources, problems = result
            pages = [page for s in sources if isinstance(s, ImageSource) for page in s.pages]
            if pages:
                self.editor.add_pages(pages, new_document=bool(self.editor.pages()))
            for source in sources:
                if isinstance(source, PdfSource):
                    self._keep_pdf(KeptPdf(source.name, source.data, source.page_count))
            self.status.setText(
                self.tr("Đã nhập {0} trang ảnh và {1} tệp PDF.").format(
                    len(pages), sum(isinstance(s, PdfSource) for s in sources)
                )
            )
            for problem in problems:
                show_error(self, problem, self.tr("Nhập tệp"))

        self._in_background(read, done, self._fail_busy)

    def _keep_pdf(self, kept: KeptPdf) -> None:
        self.kept.append(kept)
        name = self._checklist[0][1] if len(self._checklist) == 1 else Path(kept.file_name).stem
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(self.tr("{0} — {1} trang, lưu nguyên").format(kept.file_name, kept.pages))
        self.kept_list.addItem(item)
        self.kept_label.setText(self.tr("Tệp PDF giữ nguyên ({0}):").format(len(self.kept)))

    # -- the quality gate --------------------------------------------------------------------------------

    def _schedule_check(self) -> None:
        self._check_timer.start()

    def _kept_documents(self) -> list[tuple[str, KeptPdf]]:
        return [(self.kept_list.item(i).text().strip(), kept) for i, kept in enumerate(self.kept)]

    def _required(self) -> list[tuple[str | None, str]]:
        """Checklist items a kept PDF does not already cover (by name)."""
        from records.text import fold

        covered = {fold(name) for name, _ in self._kept_documents()}
        return [(code, name) for code, name in self._checklist if fold(name) not in covered]

    def check_quality(self, sizes: dict[str, int] | None = None) -> None:
        """Measure the pages in the background and show the warnings."""
        documents = self.editor.documents()
        required = self._required()
        self._generation += 1
        generation = self._generation

        def shown(warnings: list[QualityWarning]) -> None:
            if generation == self._generation:
                self._show_warnings(warnings)

        self._in_background(lambda: check_documents(documents, required, sizes=sizes), shown, self._failed)

    def warning_text(self, warning: QualityWarning) -> str:
        """A quality warning in Vietnamese."""
        where = ""
        if warning.document:
            where = warning.document + (self.tr(", trang {0}").format(warning.page) if warning.page else "")
            where += ": "
        value = warning.value or 0
        text = {
            QualityIssue.BLANK_PAGE: self.tr("trang trắng"),
            QualityIssue.LOW_RESOLUTION: self.tr("độ phân giải thấp ({0:.0f} dpi, cần từ 200 dpi)").format(
                value
            ),
            QualityIssue.SKEWED: self.tr("trang bị nghiêng {0}°").format(decimal_text(abs(value))),
            QualityIssue.OVERSIZED: self.tr("dung lượng lớn ({0} MB)").format(
                decimal_text(value / 1024 / 1024)
            ),
            QualityIssue.MISSING_DOCUMENT: self.tr("chưa có trang nào"),
        }[warning.issue]
        return where + text

    def _show_warnings(self, warnings: list[QualityWarning]) -> None:
        self.warnings = list(warnings)
        self.warning_list.clear()
        for warning in warnings:
            self.warning_list.addItem(QListWidgetItem("⚠ " + self.warning_text(warning)))
        if not warnings:
            self.warning_list.addItem(self.tr("Không có cảnh báo."))
        self.warning_label.setText(
            self.tr("Kiểm tra chất lượng: {0} cảnh báo").format(len(warnings))
            if warnings
            else self.tr("Kiểm tra chất lượng:")
        )
        self.warnings_shown.emit(self.warnings)

    # -- saving ------------------------------------------------------------------------------------------

    def save(self, confirmed: bool = False) -> None:
        """Archive each document (background), check once more, let the clerk override the warnings, then
        attach everything in one unit of work (database worker)."""
        if self._busy:
            return
        documents = [d for d in self.editor.documents() if d.pages]
        kept = [(name, k) for name, k in self._kept_documents()]
        if not documents and not kept:
            self.status.setText(self.tr("Chưa có trang hay tệp nào để lưu."))
            return
        unnamed = [d for d in documents if not d.name.strip()] + [k for name, k in kept if not name]
        if unnamed:
            self.status.setText(self.tr("Chọn giấy tờ (tên tài liệu) cho mọi tài liệu trước khi lưu."))
            return
        mode = ColourMode(str(self.colour_combo.currentData()))
        options = ArchiveOptions(dpi=int(self.dpi_combo.currentData()), mode=mode)
        agency = self._session.agency
        workstation = f"{agency.code} / {agency.workstation}"
        author = self._session.actor.username
        code = self.code
        required = self._required()
        self._set_busy(True, self.tr("Đang tạo tệp PDF…"))

        def archive() -> tuple[list[NewAttachment], list[QualityWarning]]:
            made: list[tuple[DraftDocument, bytes]] = []
            for document in documents:
                metadata = ArchiveMetadata(document.name, code or "", now(), workstation, author)
                made.append((document, build_pdf(document.pages, options, metadata)))
            sizes = {document.name: len(pdf) for document, pdf in made}
            warnings = check_documents(documents, required, sizes=sizes)
            attachments = [
                NewAttachment(
                    name=document.name,
                    data=pdf,
                    source=_source_of(document),
                    checklist_code=document.checklist_code,
                    colour_mode=options.mode.value,
                    dpi=options.dpi,
                    warnings=tuple(warning_label(w) for w in warnings if w.document == document.name),
                )
                for document, pdf in made
            ]
            attachments += [
                NewAttachment(
                    name=name, data=k.data, source=AttachmentSource.IMPORT, original_name=k.file_name
                )
                for name, k in kept
            ]
            return attachments, warnings

        def archived(result: tuple[list[NewAttachment], list[QualityWarning]]) -> None:
            attachments, warnings = result
            self._show_warnings(warnings)
            if warnings and not confirmed:
                self._ask_override(warnings, attachments)
                return
            self._attach(attachments)

        self._in_background(archive, archived, self._fail_busy)

    def _ask_override(self, warnings: list[QualityWarning], attachments: list[NewAttachment]) -> None:
        """The gate: show the warnings; "Vẫn lưu" overrides them (they stay with the documents)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Kiểm tra chất lượng"))
        box.setText(self.tr("Có {0} cảnh báo về chất lượng bản số hóa:").format(len(warnings)))
        box.setInformativeText("\n".join("• " + self.warning_text(w) for w in warnings[:12]))
        keep = box.addButton(self.tr("Vẫn &lưu"), QMessageBox.ButtonRole.AcceptRole)
        fix = box.addButton(self.tr("&Sửa lại"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(fix)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.override_box = box

        def answered(_result: int) -> None:
            self.override_box = None
            if box.clickedButton() is keep:
                self._attach(attachments)
            else:
                self._set_busy(False, self.tr("Chưa lưu: sửa các trang có cảnh báo rồi lưu lại."))

        box.finished.connect(answered)
        box.open()

    def _attach(self, attachments: list[NewAttachment]) -> None:
        session = self._session
        if self.code is None:  # intake: the screen registers them with the file
            self._set_busy(False, self.tr("Đã số hóa {0} tài liệu.").format(len(attachments)))
            self.collected.emit(attachments)
            self.accept()
            return
        code = self.code
        self.status.setText(self.tr("Đang lưu vào hồ sơ…"))

        def done(views: list[AttachmentView]) -> None:
            self.attached.emit(views)  # even if the dialog was closed meanwhile: the file page reloads
            if not self._closed:
                self._set_busy(False, self.tr("Đã lưu {0} tài liệu.").format(len(views)))
                self.accept()

        session.run(
            lambda: session.services.attachments.attach(code, attachments, session.actor),
            done,
            self._while_open(self._fail_busy),
        )

    # -- state -------------------------------------------------------------------------------------------

    def _in_background(self, fn: Any, on_success: Any, on_error: Any) -> None:
        """``fn`` in the background pool; the answer is dropped if the dialog has closed meanwhile."""
        self._session.background(fn, self._while_open(on_success), self._while_open(on_error))

    def _on_worker(self, fn: Any, on_success: Any, on_error: Any) -> None:
        """``fn`` on the database worker; the answer is dropped if the dialog has closed meanwhile."""
        self._session.run(fn, self._while_open(on_success), self._while_open(on_error))

    def _while_open(self, callback: Any) -> Any:
        def call(value: Any) -> None:
            if not self._closed:
                callback(value)

        return call

    def done(self, result: int) -> None:
        self._closed = True
        if self._cancel is not None:
            self._cancel.set()
        super().done(result)

    def _set_busy(self, busy: bool, text: str | None = None) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        for button in (self.camera_button, self.import_button, self.save_button):
            button.setEnabled(not busy)
        self.scan_button.setEnabled(not busy and bool(self._devices))
        if text is not None:
            self.status.setText(text)

    def _fail_busy(self, exc: BaseException) -> None:
        self._set_busy(False, "")
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc, self.tr("Số hóa giấy tờ"))


class _Progress:
    """Pages scanned so far (written by the scanning thread, read by a UI timer)."""

    def __init__(self) -> None:
        self.pages = 0

    def update(self, pages: int) -> None:
        self.pages = pages


def _source_of(document: DraftDocument) -> AttachmentSource:
    sources = {page.source.split(":", 1)[0] for page in document.pages}
    if sources == {"camera"}:
        return AttachmentSource.CAMERA
    if sources == {"import"}:
        return AttachmentSource.IMPORT
    return AttachmentSource.SCAN

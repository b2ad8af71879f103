"""A file's digitised documents on its page: the list, the viewer, adding more, taking one off.

Opening a document reads and checks its bytes on the database worker (and notes the opening in the audit
log), then shows it in :class:`~ui.attachment_viewer.AttachmentViewerDialog`; a copy printed from there is
audited too. Beside the list, the selected document's first page (a thumbnail cached by
:mod:`ui.thumbnails`). Adding documents is the page's business (the digitizing dialog): the panel asks with
:attr:`add_requested`.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from records.attachments import AttachmentView
from ui.attachments_table_model import AttachmentsTableModel
from ui.errors import show_error
from ui.labels import describe_error
from ui.preferences import PRINTER_NAME
from ui.session import UiSession

PREVIEW_WIDTH, PREVIEW_HEIGHT = 124, 172  # an A4 first page, a little smaller than the cached thumbnail


class FileAttachmentsPanel(QGroupBox):
    """The "Tài liệu số hóa" box of a file's page."""

    add_requested = Signal()  # the clerk wants to scan, photograph or import more documents
    loaded = Signal(list)  # the AttachmentViews shown
    viewer_opened = Signal(object)  # the AttachmentViewerDialog (tests close it)
    removed = Signal(object)  # the AttachmentView taken off
    preview_shown = Signal(bool)  # a thumbnail was shown (True) or the document has none (False)

    def __init__(self, session: UiSession, code: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tài liệu số hóa"), parent)
        self._session = session
        self.code = code
        self._generation = 0
        self._preview_generation = 0
        self.model = AttachmentsTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(AttachmentsTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(self.model.columnCount()):
            if column != AttachmentsTableModel.COL_NAME:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._activated)
        self._empty_text = self.tr("Chưa có tài liệu số hóa. Quét, chụp hoặc nhập tệp bằng “Thêm tài liệu…”.")
        self.empty_label = QLabel(self._empty_text)
        self.empty_label.setStyleSheet("color: #555555")
        self.empty_label.setWordWrap(True)

        self.view_button = QPushButton(self.tr("&Xem"))
        self.view_button.setToolTip(self.tr("Xem tài liệu đang chọn, in bản sao (Enter)"))
        self.view_button.clicked.connect(self.view_selected)
        self.add_button = QPushButton(self.tr("Thêm tài liệu…"))
        self.add_button.setToolTip(self.tr("Quét, chụp hoặc nhập tệp giấy tờ của hồ sơ (Ctrl+D)"))
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button = QPushButton(self.tr("&Gỡ khỏi hồ sơ…"))
        self.remove_button.setToolTip(
            self.tr("Gỡ tài liệu đang chọn khỏi hồ sơ (Delete); tài liệu vẫn được lưu")
        )
        self.remove_button.clicked.connect(self.ask_remove_selected)
        add_action = QAction(self)
        add_action.setShortcut(QKeySequence("Ctrl+D"))
        add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_action.triggered.connect(self.add_requested)
        self.addAction(add_action)
        remove_action = QAction(self.table)
        remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_action.triggered.connect(self.ask_remove_selected)
        self.table.addAction(remove_action)

        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("color: #777777")
        self.preview.setToolTip(self.tr("Trang đầu của tài liệu đang chọn (Enter: xem cả tài liệu)"))
        self.preview.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        listing = QVBoxLayout()
        listing.setContentsMargins(0, 0, 0, 0)
        listing.addWidget(self.table)
        listing.addWidget(self.empty_label)
        listing.addLayout(buttons)
        listing.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(listing, 1)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._show_preview)
        self._update_buttons()

    # -- loading -----------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the file's documents on the database worker."""
        self._generation += 1
        generation = self._generation
        services = self._session.services
        code = self.code

        def shown(attachments: list[AttachmentView]) -> None:
            if generation == self._generation and isValid(self.empty_label):  # the tab may have closed
                self.show_attachments(attachments)

        def failed(exc: BaseException) -> None:
            if generation != self._generation or not isValid(self.empty_label):
                return
            from records.errors import DomainError

            if not isinstance(exc, DomainError):
                self._failed(exc)
                return
            # The page says what is wrong with the file (an unknown code: its banner); the list just says
            # it has nothing to show, without a second message box.
            self.model.set_attachments([])
            self.table.hide()
            self.empty_label.setText(describe_error(exc))
            self.empty_label.show()
            self._update_buttons()

        self._session.run(lambda: services.attachments.for_file(code), shown, failed)

    def show_attachments(self, attachments: list[AttachmentView]) -> None:
        """Show ``attachments`` (the file's documents, in order)."""
        self.model.set_attachments(attachments)
        self.empty_label.setText(self._empty_text)
        count = len(attachments)
        self.setTitle(self.tr("Tài liệu số hóa ({0})").format(count) if count else self.tr("Tài liệu số hóa"))
        self.table.setVisible(bool(count))
        self.empty_label.setVisible(not count)
        self.preview.setVisible(bool(count))
        rows = min(max(count, 1), 6)
        height = (
            self.table.horizontalHeader().height() + rows * self.table.verticalHeader().defaultSectionSize()
        )
        self.table.setFixedHeight(height + 4)
        if count and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._update_buttons()
        self.loaded.emit(attachments)

    def selected(self) -> AttachmentView | None:
        """The document selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.attachment(rows[0].row()) if rows else None

    def _show_preview(self, *_args: object) -> None:
        """The selected document's first page, from the thumbnail cache (made in the background)."""
        self._preview_generation += 1
        generation = self._preview_generation
        item = self.selected()
        self.preview.clear()
        if item is None:
            return
        thumbnails = self._session.thumbnails

        def shown(image: QImage | None) -> None:
            if generation != self._preview_generation or not isValid(self.preview):
                return
            if image is None:
                self.preview.setText(self.tr("Không xem trước được"))
            else:
                self.preview.setPixmap(
                    QPixmap.fromImage(image).scaled(
                        PREVIEW_WIDTH - 4,
                        PREVIEW_HEIGHT - 4,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            self.preview_shown.emit(image is not None)

        def failed(exc: BaseException) -> None:
            if generation == self._preview_generation and isValid(self.preview):
                self._failed(exc)

        sha256 = item.sha256
        self._session.background(lambda: thumbnails.image(sha256), shown, failed)

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected() is not None
        self.view_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- viewing -----------------------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.attachment(index.row())
        if item is not None:
            self.view(item.id)

    def view_selected(self) -> None:
        """Open the selected document in the viewer."""
        item = self.selected()
        if item is not None:
            self.view(item.id)

    def view(self, attachment_id: uuid.UUID) -> None:
        """Read the document (checked against its hash, the opening audited) and show it."""
        session = self._session
        services = session.services
        self.view_button.setEnabled(False)

        def opened(result: tuple[AttachmentView, bytes]) -> None:
            if not isValid(self.view_button):
                return
            self._update_buttons()
            self._show_viewer(*result)

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            self._failed(exc)

        session.run(lambda: services.attachments.open(attachment_id, session.actor), opened, failed)

    def _show_viewer(self, item: AttachmentView, data: bytes) -> None:
        from ui.attachment_viewer import AttachmentViewerDialog

        session = self._session
        dialog = AttachmentViewerDialog(
            data, item.name, session.background, session.prefs.get(PRINTER_NAME), self.window()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.print_requested.connect(
            lambda printer: (
                session.prefs.set(PRINTER_NAME, printer.printerName()) if printer.printerName() else None
            )
        )
        dialog.printed.connect(lambda where, pages: self._audit_copy(item, where, pages))
        self.viewer_opened.emit(dialog)
        dialog.open()

    def _audit_copy(self, item: AttachmentView, where: str, pages: int) -> None:
        session = self._session
        details: dict[str, Any] = {
            "pages": pages,
            "title": item.name,
            "to": where,
            "attachment": str(item.id),
        }
        session.run(
            lambda: session.services.files.record_printed(
                session.actor, "attachment-copy", self.code, details
            ),
            None,
            self._failed,
        )

    # -- removing ----------------------------------------------------------------------------------------

    def ask_remove_selected(self) -> None:
        """Ask why, then take the selected document off the file."""
        from ui.reason_dialog import ReasonDialog

        item = self.selected()
        if item is None:
            return
        dialog = ReasonDialog(
            self.tr("Gỡ tài liệu khỏi hồ sơ"),
            self.tr("Gỡ “{0}” khỏi hồ sơ {1}? Tài liệu vẫn được lưu và ghi nhật ký. Lý do:").format(
                item.name, self.code
            ),
            self.tr("&Gỡ khỏi hồ sơ"),
            "",
            self.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.remove(item.id, dialog.text()))
        dialog.open()

    def remove(self, attachment_id: uuid.UUID, reason: str) -> None:
        """Take the document off the file (on the worker), then reload the list."""
        session = self._session

        def done(view: AttachmentView) -> None:
            if isValid(self.table):
                self.removed.emit(view)
                self.reload()

        session.run(
            lambda: session.services.attachments.remove(attachment_id, session.actor, reason),
            done,
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        show_error(self.window(), exc, self.tr("Tài liệu số hóa"))

"""The digitized papers of the file being received: scanned at the counter, or reused from an earlier file.

The intake screen's file does not exist until it is saved, so the documents are gathered here first: the
digitizing dialog (in its collecting use) hands back archived PDFs that passed its quality gate, and the
citizen's earlier documents matching the procedure's checklist are offered for reuse (Đề án 06: a paper the
commune already holds is not asked for again). On Save the screen passes :meth:`additions` to
``AttachmentService.register``, which stores the file and its documents in one unit of work.

What each document stands for (a checklist item, by code or by name) is what the gate before the receipt
checks: :meth:`covered`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from records.attachments import NewAttachment, ReusableDocument, ReusedAttachment
from records.clock import local
from ui.errors import show_error
from ui.session import UiSession

ChecklistItem = tuple[str | None, str]  # (code, name)
MUTED_STYLE = "color: #555555"
REUSE_ROWS_SHOWN = 3
ICON_WIDTH, ICON_HEIGHT = 22, 31  # an A4 page's thumbnail beside an offer


class IntakeDocuments(QWidget):
    """Scan button, what was scanned, and the reuse offers, for a file not registered yet."""

    changed = Signal()  # documents collected or dropped, an offer ticked or unticked
    reuse_ticked = Signal(object, str)  # (code, name) of the checklist item an offer just ticked stands for
    collected = Signal(int)  # how many documents the digitizing dialog just handed over (tests wait on it)
    offers_loaded = Signal(int)  # how many reuse offers were found (tests wait on it)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._collected: list[NewAttachment] = []
        self._offers: list[ReusableDocument] = []
        self._generation = 0
        self._context: tuple[str | None, tuple[ChecklistItem, ...]] = (None, ())
        self.dialog: QWidget | None = None  # the digitizing dialog while it is open
        self.discard_box: QMessageBox | None = None

        self.digitize_button = QPushButton(self.tr("Số hó&a giấy tờ… (F6)"))
        self.digitize_button.setToolTip(
            self.tr("Quét, chụp hoặc nhập tệp giấy tờ công dân nộp; lưu cùng hồ sơ khi bấm Lưu")
        )
        self.digitize_button.setAutoDefault(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(MUTED_STYLE)
        self.discard_button = QPushButton(self.tr("Bỏ bản số"))
        self.discard_button.setToolTip(self.tr("Bỏ các tài liệu vừa số hóa (chưa lưu) để làm lại"))
        self.discard_button.setAutoDefault(False)
        self.discard_button.clicked.connect(self.ask_discard)
        self.reuse_label = QLabel(
            self.tr("Giấy tờ đã số hóa ở hồ sơ trước (đánh dấu để dùng lại, công dân không phải nộp lại):")
        )
        self.reuse_label.setWordWrap(True)
        self.reuse_list = QListWidget()
        self.reuse_list.setToolTip(self.tr("Phím cách: dùng lại / bỏ dùng lại"))
        self.reuse_list.setIconSize(QSize(ICON_WIDTH, ICON_HEIGHT))  # each offer's first page
        self.reuse_list.itemChanged.connect(self._offer_changed)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.digitize_button)
        row.addWidget(self.summary, 1)
        row.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.reuse_label)
        layout.addWidget(self.reuse_list)
        self._show()

    # -- what the screen asks ------------------------------------------------------------------------------

    def additions(self) -> list[NewAttachment | ReusedAttachment]:
        """What to store with the file: the documents collected, then the earlier ones ticked for reuse."""
        reused: list[NewAttachment | ReusedAttachment] = [
            ReusedAttachment(o.attachment.id, name=o.matches_name, checklist_code=o.matches_code)
            for o in self.ticked()
        ]
        return [*self._collected, *reused]

    def collected_documents(self) -> list[NewAttachment]:
        """The documents digitized for this file so far (not stored yet)."""
        return list(self._collected)

    def ticked(self) -> list[ReusableDocument]:
        """The offers ticked for reuse."""
        return [
            offer
            for index, offer in enumerate(self._offers)
            if self.reuse_list.item(index).checkState() == Qt.CheckState.Checked
        ]

    def covered(self) -> list[ChecklistItem]:
        """What the documents stand for, as (checklist code, name) pairs: for the gate."""
        return [(a.checklist_code, a.name) for a in self._collected] + [
            (o.matches_code, o.matches_name) for o in self.ticked()
        ]

    # -- changes -------------------------------------------------------------------------------------------

    def set_context(self, id_number: str | None, checklist: Sequence[ChecklistItem]) -> None:
        """The owner's ID number and the procedure's checklist: look up what can be reused (on the database
        worker). The same context again changes nothing (the clerk's ticks stay)."""
        context = (id_number, tuple(checklist))
        if context == self._context:
            return
        self._context = context
        self._generation += 1
        generation = self._generation
        if not id_number or not checklist:
            self._set_offers([])
            return
        attachments = self._session.services.attachments

        def found(offers: list[ReusableDocument]) -> None:
            if generation == self._generation:
                self._set_offers(offers)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._set_offers([])
                show_error(self, exc, self.tr("Giấy tờ đã số hóa"))

        self._session.run(lambda: attachments.reusable(id_number, list(checklist)), found, failed)

    def add(self, documents: Sequence[NewAttachment]) -> None:
        """Take documents the digitizing dialog made."""
        self._collected.extend(documents)
        self._show()
        self.changed.emit()
        self.collected.emit(len(documents))

    def clear(self) -> None:
        """Nothing collected, no offer ticked (the next citizen)."""
        self._collected.clear()
        self._context = (None, ())
        self._generation += 1
        self._set_offers([])

    def ask_discard(self) -> None:
        """Drop the documents collected so far, once the clerk confirms."""
        if not self._collected or self.discard_box is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Bỏ bản số"),
            self.tr("Bỏ {0} tài liệu vừa số hóa (chưa lưu)?").format(len(self._collected)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.discard_box = box

        def answered(result: int) -> None:
            self.discard_box = None
            if result == QMessageBox.StandardButton.Yes:
                self._collected.clear()
                self._show()
                self.changed.emit()

        box.finished.connect(answered)
        box.open()

    def open_dialog(self, needed: Sequence[ChecklistItem]) -> None:
        """Open the digitizing dialog for the papers ``needed`` (checklist items not covered yet)."""
        from ui.digitize_dialog import DigitizeDialog

        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dialog = DigitizeDialog(self._session, None, list(needed), self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.collected.connect(self.add)
        dialog.finished.connect(lambda _result: self._dialog_closed())
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        self.dialog = None

    # -- showing -------------------------------------------------------------------------------------------

    def _set_offers(self, offers: list[ReusableDocument]) -> None:
        self._offers = list(offers)
        self.reuse_list.blockSignals(True)
        self.reuse_list.clear()
        for offer in self._offers:
            item = QListWidgetItem(self.offer_text(offer))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            view = offer.attachment
            item.setToolTip(self.tr("Tài liệu “{0}” của hồ sơ {1}").format(view.name, view.file_code))
            self.reuse_list.addItem(item)
        self.reuse_list.blockSignals(False)
        self._show()
        self.changed.emit()
        self.offers_loaded.emit(len(self._offers))
        self._load_icons()

    def _load_icons(self) -> None:
        """Each offer's first page as its icon (thumbnails made in the background)."""
        if not self._offers:
            return
        generation = self._generation
        thumbnails = self._session.thumbnails
        hashes = [offer.attachment.sha256 for offer in self._offers]

        def shown(images: list[QImage | None]) -> None:
            if generation != self._generation:
                return
            for row, image in enumerate(images):
                if image is not None and row < self.reuse_list.count():
                    self.reuse_list.item(row).setIcon(QIcon(QPixmap.fromImage(image)))

        # Icons are a convenience: one that cannot be made is left out without a message.
        self._session.background(lambda: [thumbnails.image(sha) for sha in hashes], shown, lambda _exc: None)

    def offer_text(self, offer: ReusableDocument) -> str:
        """One offer: the checklist item, the earlier document's file, date and pages."""
        view = offer.attachment
        return self.tr("{0} — hồ sơ {1}, {2}, {3} trang").format(
            offer.matches_name, view.file_code, local(view.created_at).strftime("%d/%m/%Y"), view.pages
        )

    def _offer_changed(self, item: QListWidgetItem) -> None:
        row = self.reuse_list.row(item)
        if 0 <= row < len(self._offers) and item.checkState() == Qt.CheckState.Checked:
            offer = self._offers[row]
            self.reuse_ticked.emit(offer.matches_code, offer.matches_name)
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        names = [a.name for a in self._collected]
        reused = len(self.ticked()) if self._offers else 0
        if names:
            text = self.tr("Đã số hóa {0} tài liệu: {1}").format(len(names), "; ".join(names))
        else:
            text = self.tr("Chưa số hóa giấy tờ nào.")
        if reused:
            text += " " + self.tr("Dùng lại {0} tài liệu.").format(reused)
        self.summary.setText(text)
        self.discard_button.setVisible(bool(names))
        shown = bool(self._offers)
        self.reuse_label.setVisible(shown)
        self.reuse_list.setVisible(shown)
        if shown:
            rows = min(len(self._offers), REUSE_ROWS_SHOWN)
            row_height = max(self.reuse_list.sizeHintForRow(0), ICON_HEIGHT + 4)  # icons come later
            height = row_height * rows + 2 * self.reuse_list.frameWidth() + 2
            self.reuse_list.setFixedHeight(height)

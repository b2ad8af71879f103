"""The page editor, at intake and on a file's page: the pages of a batch (scanned, photographed, imported) as
thumbnails, put in order, turned, cropped or removed, cut into documents, and each document named after an
item of the procedure's checklist (or as another paper).

Keyboard first: every action has a shortcut, shown in its tooltip; pages also move by drag and drop. The
documents are shown twice: as coloured bands over the thumbnails (a band with the document's number and
name begins each document), and as a list on the left with one "which paper is this" box per document.
Thumbnails and the quality gate's page warnings are made on the background pool (:mod:`ui.page_list_model`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from records.digitize.pages import DraftDocument, Page, split_into_documents
from ui.crop_dialog import CropDialog
from ui.page_list_model import (
    THUMBNAIL_PX,
    DocumentGroup,
    DocumentNameRole,
    DocumentRole,
    DocumentStartRole,
    PageInDocumentRole,
    PageListModel,
    WarningsRole,
)

Background = Callable[..., Any]  # UiSession.background: (fn, on_success, on_error) -> Task
ChecklistItem = tuple[str | None, str]  # (checklist code or None, the paper's name)

# One colour per document, in turn; dark enough for white text on the band.
DOCUMENT_COLOURS = ("#1565c0", "#2e7d32", "#e65100", "#6a1b9a", "#00838f", "#ad1457", "#5d4037", "#455a64")
WARNING_COLOUR = "#f9a825"
BAND_PX = 22  # the document band over a thumbnail
CAPTION_PX = 20  # the page number under it
CELL = QSize(THUMBNAIL_PX + 20, THUMBNAIL_PX + BAND_PX + CAPTION_PX + 22)


def document_colour(number: int) -> QColor:
    """The colour of document ``number`` (from 0)."""
    return QColor(DOCUMENT_COLOURS[number % len(DOCUMENT_COLOURS)])


class PageDelegate(QStyledItemDelegate):
    """A page: its document's band (with the number and name on the document's first page), the
    thumbnail, a warning mark, and its page number."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return CELL

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        cell = option.rect.adjusted(4, 4, -4, -4)  # type: ignore[attr-defined]
        number = int(index.data(DocumentRole) or 0)
        colour = document_colour(number)
        tint = QColor(colour)
        tint.setAlpha(26)
        painter.fillRect(cell, tint)

        band = QRect(cell.left(), cell.top(), cell.width(), BAND_PX)
        if index.data(DocumentStartRole):
            painter.fillRect(band, colour)
            painter.fillRect(QRect(cell.left(), cell.top(), 5, cell.height()), colour)  # the separator
            name = index.data(DocumentNameRole) or self.tr("chưa chọn giấy tờ")
            font = QFont(option.font)  # type: ignore[attr-defined]
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("white"))
            text = painter.fontMetrics().elidedText(
                f"{number + 1}. {name}", Qt.TextElideMode.ElideRight, band.width() - 10
            )
            painter.drawText(band.adjusted(8, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, text)
        else:
            painter.fillRect(QRect(band.left(), band.top(), band.width(), 5), colour)

        area = QRect(
            cell.left() + 8,
            band.bottom() + 5,
            cell.width() - 16,
            cell.height() - BAND_PX - CAPTION_PX - 8,
        )
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        painter.setFont(option.font)  # type: ignore[attr-defined]
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            size = pixmap.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(
                area.left() + (area.width() - size.width()) // 2,
                area.top() + (area.height() - size.height()) // 2,
                size.width(),
                size.height(),
            )
            painter.drawPixmap(target, pixmap)
            painter.setPen(QPen(QColor("#9e9e9e"), 1))
            painter.drawRect(target.adjusted(0, 0, -1, -1))
            page_rect = target
        else:
            painter.setPen(QColor("#757575"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("Đang tạo ảnh…"))
            page_rect = area

        warnings = index.data(WarningsRole) or ()
        if warnings:
            mark = QRect(page_rect.right() - 24, page_rect.top() + 4, 20, 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(WARNING_COLOUR))
            painter.drawEllipse(mark)
            font = QFont(option.font)  # type: ignore[attr-defined]
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("black"))
            painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, "!")

        caption = QRect(cell.left(), cell.bottom() - CAPTION_PX, cell.width(), CAPTION_PX)
        in_document, count = index.data(PageInDocumentRole) or (1, 1)
        painter.setFont(option.font)  # type: ignore[attr-defined]
        painter.setPen(option.palette.color(option.palette.ColorRole.Text))  # type: ignore[attr-defined]
        painter.drawText(
            caption,
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Trang {0}  ({1}/{2})").format(index.row() + 1, in_document, count),
        )

        state = option.state  # type: ignore[attr-defined]
        if state & QStyle.StateFlag.State_Selected:
            highlight = option.palette.color(option.palette.ColorRole.Highlight)  # type: ignore[attr-defined]
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(highlight, 3))
            painter.drawRect(cell.adjusted(1, 1, -2, -2))
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#212121"), 1, Qt.PenStyle.DashLine))
            painter.drawRect(cell.adjusted(-2, -2, 1, 1))
        painter.restore()


class PageListView(QListView):
    """The thumbnails, left to right and wrapping; pages are dragged to a place between two pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)  # positions come from the model's order
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setGridSize(CELL + QSize(6, 6))
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)  # drawn here: a bar between two pages
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._drop_row: int | None = None
        self.empty_text = ""

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        # Not QAbstractItemView's: after a move it removes the source rows, but the model moved them.
        indexes = sorted(self.selectedIndexes(), key=lambda i: i.row())
        if not indexes:
            return
        drag = QDrag(self)
        drag.setMimeData(self.model().mimeData(indexes))
        pixmap = indexes[0].data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            drag.setPixmap(pixmap.scaled(72, 72, Qt.AspectRatioMode.KeepAspectRatio))
        drag.exec(Qt.DropAction.MoveAction)
        self._set_drop_row(None)

    def drop_row(self, point: QPoint) -> int:
        """Where pages dropped at ``point`` go: before the page under the left half of which it is, after
        the page under the right half, at the end when below every page."""
        index = self.indexAt(point)
        if index.isValid():
            rect = self.visualRect(index)
            return index.row() + (1 if point.x() > rect.center().x() else 0)
        count = self.model().rowCount()
        for row in range(count):  # between two cells or beside the last one of a line
            rect = self.visualRect(self.model().index(row, 0))
            if rect.top() <= point.y() <= rect.bottom() and point.x() < rect.left():
                return row
        return count

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.source() is self:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # scrolls near the edges
        point = event.position().toPoint()
        if event.source() is self and self.model().canDropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, self.drop_row(point), 0, QModelIndex()
        ):
            self._set_drop_row(self.drop_row(point))
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            self._set_drop_row(None)
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:
        self._set_drop_row(None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        row = self.drop_row(event.position().toPoint())
        self._set_drop_row(None)
        if event.source() is self and self.model().dropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, row, 0, QModelIndex()
        ):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def _set_drop_row(self, row: int | None) -> None:
        if row != self._drop_row:
            self._drop_row = row
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None:
            return
        painter = QPainter(self.viewport())
        if model.rowCount() == 0 and self.empty_text:
            painter.setPen(QColor("#616161"))
            painter.drawText(
                self.viewport().rect().adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
        elif self._drop_row is not None and model.rowCount():
            count = model.rowCount()
            if self._drop_row < count:
                rect = self.visualRect(model.index(self._drop_row, 0))
                x = rect.left()
            else:
                rect = self.visualRect(model.index(count - 1, 0))
                x = rect.right()
            painter.fillRect(QRect(x - 2, rect.top(), 4, rect.height()), QColor("#d32f2f"))
        painter.end()


class DocumentRow(QFrame):
    """One document in the list on the left: its number and pages, and which paper it is."""

    def __init__(self, editor: PageEditor, group: DocumentGroup) -> None:
        super().__init__()
        self.group = group
        self._editor = editor
        self.setObjectName("documentRow")
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title.setToolTip(self.tr("Nháy để chọn trang đầu của tài liệu này"))
        self.title.installEventFilter(self)
        self.combo = QComboBox()
        self.combo.setToolTip(self.tr("Tài liệu này là giấy tờ nào trong thành phần hồ sơ (Ctrl+G)"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        self.other_name = QLineEdit()
        self.other_name.setPlaceholderText(self.tr("Tên giấy tờ…"))
        self.other_name.setToolTip(self.tr("Tên của giấy tờ không có trong thành phần hồ sơ"))
        self.other_name.setMaxLength(250)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 6)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.combo)
        layout.addWidget(self.other_name)
        self.fill(editor.checklist())
        self.combo.currentIndexChanged.connect(self._chosen)
        self.other_name.textEdited.connect(self._typed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.title and event.type() == QEvent.Type.MouseButtonPress:
            self._editor.select_document(self.group)
            return True
        return super().eventFilter(watched, event)

    def fill(self, checklist: Sequence[ChecklistItem]) -> None:
        """The choices: nothing yet, the checklist's items, another paper; the group's choice selected."""
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("— Chọn giấy tờ —"), None)
        for number, (code, name) in enumerate(checklist):
            self.combo.addItem(name, number)
            if code:
                self.combo.setItemData(self.combo.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
        self.combo.addItem(self.tr("Giấy tờ khác…"), "other")
        if self.group.item is not None and self.group.item in checklist:
            self.combo.setCurrentIndex(list(checklist).index(self.group.item) + 1)
        elif self.group.other_name is not None:
            self.combo.setCurrentIndex(self.combo.count() - 1)
        else:
            self.combo.setCurrentIndex(0)
        self.combo.blockSignals(False)
        self.other_name.setText(self.group.other_name or "")
        self.other_name.setVisible(self.group.other_name is not None)

    def show_place(self, number: int, first: int, last: int) -> None:
        """Show this document as number ``number`` (from 0), pages ``first``..``last`` (from 0)."""
        colour = document_colour(number).name()
        self.setStyleSheet(
            f"QFrame#documentRow {{ border-left: 6px solid {colour}; background: palette(base); }}"
        )
        pages = self.tr("%n trang", "", last - first + 1)
        where = (
            self.tr("trang {0}").format(first + 1)
            if first == last
            else self.tr("trang {0}–{1}").format(first + 1, last + 1)
        )
        heading = self.tr("Tài liệu {0}").format(number + 1)
        self.title.setText(f"<b>{heading}</b> · {pages} <span style='color:#616161'>({where})</span>")

    def _chosen(self, index: int) -> None:
        value = self.combo.itemData(index)
        checklist = self._editor.checklist()
        if value == "other":
            self.group.item = None
            self.group.other_name = self.other_name.text()
            self.other_name.show()
            self.other_name.setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(value, int) and 0 <= value < len(checklist):
            self.group.item = checklist[value]
            self.group.other_name = None
            self.other_name.hide()
        else:
            self.group.item = None
            self.group.other_name = None
            self.other_name.hide()
        self._editor.model.group_renamed(self.group)

    def _typed(self, text: str) -> None:
        self.group.other_name = text
        self._editor.model.group_renamed(self.group)


class PageEditor(QWidget):
    """Put a batch's pages in order, cut it into documents and say which paper each document is.

    ``background`` makes the thumbnails, measures the pages and renders the crop view off the UI thread
    (``UiSession.background``). :meth:`documents` gives the result; :attr:`changed` fires on every edit.
    """

    changed = Signal()

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self._checklist: list[ChecklistItem] = []
        self.crop_dialog: CropDialog | None = None  # the crop dialog open, if any
        self.model = PageListModel(background, self)
        self.view = PageListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(PageDelegate(self.view))
        self.view.empty_text = self.tr(
            "Chưa có trang nào. Quét, chụp hoặc nhập tệp ảnh/PDF để thêm trang vào đây."
        )
        self.view.activated.connect(lambda _index: self.crop_current())

        self._build_actions()
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.rotate_left_action,
            self.rotate_right_action,
            self.crop_action,
            self.delete_action,
            None,
            self.move_earlier_action,
            self.move_later_action,
        ):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)

        self.documents_box = QWidget()
        self._document_rows: list[DocumentRow] = []
        self._documents_layout = QVBoxLayout(self.documents_box)
        self._documents_layout.setContentsMargins(0, 0, 0, 0)
        self._documents_layout.setSpacing(6)
        self._documents_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.documents_box)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        documents_title = QLabel(self.tr("<b>Tài liệu</b> (Ctrl+G: chọn giấy tờ)"))
        self.no_documents = QLabel(
            self.tr("Mỗi tài liệu là một giấy tờ của hồ sơ. Tách các trang thành tài liệu bằng Ctrl+T.")
        )
        self.no_documents.setWordWrap(True)
        self.no_documents.setStyleSheet("color: #616161")
        self._documents_layout.insertWidget(0, self.no_documents)
        document_tools = QVBoxLayout()
        for action in (self.split_action, self.merge_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            document_tools.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 0)
        left_layout.addWidget(documents_title)
        left_layout.addLayout(document_tools)
        left_layout.addWidget(scroll, 1)
        left.setMinimumWidth(220)

        self.status = QLabel()
        self.status.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Kéo thả trang để sắp xếp (hoặc Ctrl+←/→). Enter hoặc nháy đúp: xem và cắt trang. "
                "Chọn nhiều trang bằng Ctrl/Shift."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #616161")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(toolbar)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.status)
        right_layout.addWidget(hint)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 700])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.model.edited.connect(self._edited)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self._edited()

    # -- actions --------------------------------------------------------------------------------------

    def _action(
        self, text: str, tip: str, keys: Sequence[str | QKeySequence.StandardKey], slot: Callable[[], Any]
    ) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.rotate_left_action = self._action(
            self.tr("Xoay trái"),
            self.tr("Xoay trang 90° ngược chiều kim đồng hồ (Ctrl+L)"),
            ["Ctrl+L"],
            self.rotate_left,
        )
        self.rotate_right_action = self._action(
            self.tr("Xoay phải"),
            self.tr("Xoay trang 90° theo chiều kim đồng hồ (Ctrl+R)"),
            ["Ctrl+R"],
            self.rotate_right,
        )
        self.crop_action = self._action(
            self.tr("Cắt…"),
            self.tr("Cắt bớt lề trang (Ctrl+K; Enter hoặc nháy đúp cũng mở)"),
            ["Ctrl+K"],
            self.crop_current,
        )
        self.delete_action = self._action(
            self.tr("Xóa"),
            self.tr("Xóa các trang đang chọn (Delete)"),
            [QKeySequence.StandardKey.Delete],
            self.delete_selected,
        )
        self.move_earlier_action = self._action(
            self.tr("◀ Lên trước"),
            self.tr("Chuyển trang lên trước (Ctrl+← hoặc Alt+↑); ở đầu tài liệu: sang tài liệu trước"),
            ["Ctrl+Left", "Alt+Up"],
            self.move_earlier,
        )
        self.move_later_action = self._action(
            self.tr("Ra sau ▶"),
            self.tr("Chuyển trang ra sau (Ctrl+→ hoặc Alt+↓); ở cuối tài liệu: sang tài liệu sau"),
            ["Ctrl+Right", "Alt+Down"],
            self.move_later,
        )
        self.split_action = self._action(
            self.tr("Tách tài liệu ở đây"),
            self.tr("Bắt đầu một tài liệu mới từ trang đang chọn (Ctrl+T)"),
            ["Ctrl+T"],
            self.split_here,
        )
        self.merge_action = self._action(
            self.tr("Gộp với tài liệu trước"),
            self.tr("Nối tài liệu của trang đang chọn vào tài liệu trước nó (Ctrl+Shift+T)"),
            ["Ctrl+Shift+T"],
            self.merge_with_previous,
        )
        self.assign_action = self._action(
            self.tr("Chọn giấy tờ"),
            self.tr("Chọn giấy tờ cho tài liệu của trang đang chọn (Ctrl+G)"),
            ["Ctrl+G"],
            self.assign_current,
        )

    # -- public API -----------------------------------------------------------------------------------

    def set_checklist(self, items: Sequence[ChecklistItem]) -> None:
        """The procedure's checklist: (code or ``None``, name) per paper, offered for every document. A
        document tied to an item no longer listed follows an item with the same code, or else keeps its
        name as another paper."""
        self._checklist = [(code, name) for code, name in items]
        for group, _start, _end in self.model.groups():
            if group.item is None or group.item in self._checklist:
                continue
            code = group.item[0]
            same_code = [item for item in self._checklist if code is not None and item[0] == code]
            if same_code:  # the item renamed (a new version of the procedure): still the same paper
                group.item = same_code[0]
            else:
                group.other_name, group.item = group.item[1], None
        for row in self._document_rows:
            row.fill(self._checklist)
        self.model.documents_renamed()

    def checklist(self) -> list[ChecklistItem]:
        """The checklist offered (see :meth:`set_checklist`)."""
        return list(self._checklist)

    def add_pages(self, pages: Sequence[Page], new_document: bool = False) -> None:
        """Append ``pages`` to the last document (a new document when ``new_document``)."""
        had = self.model.rowCount()
        self.model.add_pages(pages, new_document)
        if pages and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(had))

    def pages(self) -> list[Page]:
        """Every page, in order."""
        return self.model.pages()

    def documents(self) -> list[DraftDocument]:
        """The documents as cut and named: a checklist item's name and code, another paper's typed name
        ("Giấy tờ khác" when none was typed), or "Tài liệu n" when nothing was chosen yet."""
        groups = self.model.groups()
        if not groups:
            return []
        names: list[str] = []
        codes: list[str | None] = []
        for number, (group, _start, _end) in enumerate(groups, start=1):
            if group.item is not None:
                names.append(group.item[1])
                codes.append(group.item[0])
            elif group.other_name is not None:
                names.append(group.other_name.strip() or self.tr("Giấy tờ khác"))
                codes.append(None)
            else:
                names.append(self.tr("Tài liệu {0}").format(number))
                codes.append(None)
        starts = [start for _group, start, _end in groups[1:]]
        drafts = split_into_documents(self.model.pages(), starts, names)
        return [replace(d, checklist_code=code) for d, code in zip(drafts, codes, strict=True)]

    def unassigned_documents(self) -> list[int]:
        """The numbers (from 1) of the documents not yet said to be any paper."""
        return [
            n
            for n, (group, _s, _e) in enumerate(self.model.groups(), start=1)
            if group.item is None and group.other_name is None
        ]

    def clear(self) -> None:
        """No pages any more (the checklist stays)."""
        self.model.clear()

    def selected_rows(self) -> list[int]:
        """The rows selected (the current page's row when none is)."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return rows

    def document_row(self, number: int) -> DocumentRow:
        """The list entry of document ``number`` (from 0)."""
        return self._document_rows[number]

    # -- editing --------------------------------------------------------------------------------------

    def rotate_left(self) -> None:
        self._rotate(-1)

    def rotate_right(self) -> None:
        self._rotate(+1)

    def _rotate(self, quarter_turns: int) -> None:
        for row in self.selected_rows():
            self.model.replace_page(row, self.model.page(row).rotated(quarter_turns))

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        self.model.remove_pages(rows)
        if self.model.rowCount():
            self._select([min(rows[0], self.model.rowCount() - 1)])

    def move_earlier(self) -> None:
        self._step(self.model.move_earlier)

    def move_later(self) -> None:
        self._step(self.model.move_later)

    def _step(self, move: Callable[[Sequence[int]], bool]) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        keep = [QPersistentModelIndex(self.model.index(r)) for r in rows]
        current = QPersistentModelIndex(self.view.currentIndex())
        move(rows)
        self._select([p.row() for p in keep if p.isValid()], current.row() if current.isValid() else None)
        self.view.scrollTo(self.view.currentIndex())

    def split_here(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.split_at(index.row())

    def merge_with_previous(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.merge_with_previous(index.row())

    def crop_current(self) -> CropDialog | None:
        """Open the crop dialog for the current page; the page is replaced when it is accepted."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        page = self.model.page(index.row())
        where = QPersistentModelIndex(index)
        dialog = CropDialog(page, self._background, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            if where.isValid() and self.model.page(where.row()) is page:
                self.model.replace_page(where.row(), page.cropped(dialog.box()))

        dialog.accepted.connect(accepted)
        self.crop_dialog = dialog
        dialog.open()
        return dialog

    def assign_current(self) -> None:
        """Put the cursor in the "which paper" box of the current page's document."""
        index = self.view.currentIndex()
        if not index.isValid() or not self._document_rows:
            return
        row = self._document_rows[self.model.document_of(index.row())]
        row.combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        row.combo.showPopup()

    def select_document(self, group: DocumentGroup) -> None:
        """Select the first page of the document ``group``."""
        for candidate, start, _end in self.model.groups():
            if candidate is group:
                self._select([start])
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _select(self, rows: Sequence[int], current: int | None = None) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(self.model.index(row), QItemSelectionModel.SelectionFlag.Select)
        target = current if current is not None else (rows[0] if rows else None)
        if target is not None:
            selection.setCurrentIndex(self.model.index(target), QItemSelectionModel.SelectionFlag.NoUpdate)

    # -- keeping the panel and actions in step -------------------------------------------------------

    def _edited(self) -> None:
        if not shiboken6.isValid(self):
            return
        groups = self.model.groups()
        if [g for g, _s, _e in groups] != [row.group for row in self._document_rows]:
            for row in self._document_rows:
                self._documents_layout.removeWidget(row)
                row.deleteLater()
            self._document_rows = []
            for number, (group, _start, _end) in enumerate(groups):
                row = DocumentRow(self, group)
                self._documents_layout.insertWidget(number + 1, row)
                row.show()  # at once, not when the event loop comes round (the clerk may type already)
                self._document_rows.append(row)
        for number, ((_group, start, end), row) in enumerate(zip(groups, self._document_rows, strict=True)):
            row.show_place(number, start, end - 1)
        self.no_documents.setVisible(not groups)
        pages = self.model.rowCount()
        if pages:
            text = self.tr("%n trang", "", pages) + " · " + self.tr("%n tài liệu", "", len(groups))
            missing = len(self.unassigned_documents())
            if missing:
                text += " · " + self.tr("%n tài liệu chưa chọn giấy tờ", "", missing)
            self.status.setText(text)
        else:
            self.status.setText("")
        self._update_actions()
        self.changed.emit()

    def _update_actions(self) -> None:
        has_pages = bool(self.selected_rows())
        current = self.view.currentIndex()
        for action in (
            self.rotate_left_action,
            self.rotate_right_action,
            self.delete_action,
            self.move_earlier_action,
            self.move_later_action,
        ):
            action.setEnabled(has_pages)
        self.crop_action.setEnabled(current.isValid())
        self.assign_action.setEnabled(current.isValid())
        self.split_action.setEnabled(current.isValid() and not self.model.is_document_start(current.row()))
        self.merge_action.setEnabled(current.isValid() and self.model.document_of(current.row()) > 0)

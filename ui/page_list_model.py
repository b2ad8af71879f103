"""The pages of a batch being digitized, in order, and the documents they are cut into: the model behind the
page editor's thumbnails.

Every row is one :class:`~records.digitize.pages.Page` and the :class:`DocumentGroup` it belongs to; the
pages of a document are always consecutive, so a document is a run of rows with the same group. Pages are
immutable: an edit replaces the row's page (:meth:`PageListModel.replace_page`).

Thumbnails are made on the background pool and kept in a small cache keyed by the source image and the
edit, so turning a page back and forth, or undoing, does not render it again.

Moving pages (by drag and drop or by keyboard) keeps the documents in one piece:

* pages dropped inside a document join it; dropped on the border between two documents they stay in their
  own document when it is one of the two, else join the one before (the one after at the very start);
* a whole document moved (all its pages) to a border stays a document of its own: documents reorder;
* by keyboard (:meth:`PageListModel.move_earlier` / :meth:`move_later`) pages first cross the border into
  the neighbouring document (the separator moves, the pages do not), then move within it; a whole document
  jumps over its neighbour.
"""

from __future__ import annotations

import itertools
import json
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PIL import Image
from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPixmap

from records.digitize.pages import Page
from records.digitize.quality import QualityIssue, QualityWarning, page_warnings
from ui.labels import decimal_text
from ui.qt_images import pil_to_qimage

Index = QModelIndex | QPersistentModelIndex
Background = Callable[..., Any]  # UiSession.background: (fn, on_success, on_error) -> Task

MIME_TYPE = "application/x-motcua-page-rows"
THUMBNAIL_PX = 180  # the longest side of a thumbnail
CACHE_SIZE = 300  # thumbnails kept (about 100 KB each)

PageRole = Qt.ItemDataRole.UserRole + 1  # the Page
DocumentRole = Qt.ItemDataRole.UserRole + 2  # the document's number, from 0
DocumentStartRole = Qt.ItemDataRole.UserRole + 3  # whether the page begins its document
PageInDocumentRole = Qt.ItemDataRole.UserRole + 4  # (page number in its document from 1, its page count)
DocumentNameRole = Qt.ItemDataRole.UserRole + 5  # the document's name as chosen ("" when not yet)
ThumbnailPendingRole = Qt.ItemDataRole.UserRole + 6  # whether the thumbnail is still being made
WarningsRole = Qt.ItemDataRole.UserRole + 7  # the page's quality warnings (tuple of QualityWarning)

_keys = itertools.count(1)


@dataclass(eq=False)
class DocumentGroup:
    """One document of the batch, as the clerk names it: a checklist item, another paper, or not yet."""

    item: tuple[str | None, str] | None = None  # the checklist item (code, name) it is
    other_name: str | None = None  # "Giấy tờ khác…": the name typed ("" until typed); None: not chosen

    @property
    def chosen_name(self) -> str:
        """The name chosen for the document ("" when nothing is chosen or typed yet)."""
        if self.item is not None:
            return self.item[1]
        return (self.other_name or "").strip()


@dataclass(eq=False)
class _Row:
    page: Page
    group: DocumentGroup
    key: int = field(default_factory=lambda: next(_keys))
    thumbnail: QPixmap | None = None
    warnings: tuple[QualityWarning, ...] = ()


def _thumbnail_key(page: Page) -> tuple[int, int, tuple[int, int, int, int] | None]:
    return id(page.image), page.rotation, page.crop


def make_thumbnail(page: Page, size: int = THUMBNAIL_PX) -> QImage:
    """The page's thumbnail as a QImage (for the background pool: no QPixmap here)."""
    return pil_to_qimage(page.thumbnail(size))


def measure_page(page: Page) -> tuple[QualityWarning, ...]:
    """The quality gate's warnings about one page (blank, low resolution, skewed)."""
    return tuple(page_warnings(page))


class PageListModel(QAbstractListModel):
    """The batch's pages in order, grouped into documents; thumbnails made with ``background``."""

    edited = Signal()  # pages added, removed, moved, replaced or regrouped (not: a thumbnail arrived)

    def __init__(
        self, background: Background, parent: QObject | None = None, thumbnail_px: int = THUMBNAIL_PX
    ) -> None:
        super().__init__(parent)
        self._background = background
        self._thumbnail_px = thumbnail_px
        self._rows: list[_Row] = []
        self._token = f"{id(self)}-{next(_keys)}"  # drops from another editor's model are refused
        # (id of the source image, rotation, crop) -> (the image, weakly: the id is only valid while it
        # lives, the thumbnail); least recently used first
        self._cache: OrderedDict[Any, tuple[weakref.ref[Image.Image], QPixmap]] = OrderedDict()
        self._waiting: dict[Any, tuple[Page, set[int]]] = {}  # thumbnails being made -> rows waiting
        self._warnings: OrderedDict[Any, tuple[weakref.ref[Image.Image], tuple[QualityWarning, ...]]] = (
            OrderedDict()
        )
        self._measuring: dict[Any, Page] = {}  # warnings being measured

    # -- Qt's model interface ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # not DisplayRole: a page's number changes when pages move, and the delegate paints it anyway
            return self.tr("Trang {0}").format(index.row() + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            return row.thumbnail
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row())
        if role == PageRole:
            return row.page
        if role == DocumentRole:
            return self.document_of(index.row())
        if role == DocumentStartRole:
            return index.row() == 0 or self._rows[index.row() - 1].group is not row.group
        if role == PageInDocumentRole:
            start, end = self._run(index.row())
            return index.row() - start + 1, end - start
        if role == DocumentNameRole:
            if not row.group.chosen_name and row.group.other_name is not None:
                return self.tr("Giấy tờ khác")  # chosen, its name not typed yet
            return row.group.chosen_name
        if role == ThumbnailPendingRole:
            return not self.is_thumbnail_ready(index.row())
        if role == WarningsRole:
            return row.warnings
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops go between pages, never onto one
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid() and i.model() is self})
        payload = {"model": self._token, "keys": [self._rows[r].key for r in rows]}
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and bool(self._dropped_rows(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        rows = self._dropped_rows(data)
        if action != Qt.DropAction.MoveAction or not rows:
            return False
        if parent.isValid():  # onto a page: before it
            row = parent.row()
        if not 0 <= row <= len(self._rows):
            row = len(self._rows)
        return self._move(rows, row)

    def moveRows(
        self, sourceParent: Index, sourceRow: int, count: int, destinationParent: Index, destinationChild: int
    ) -> bool:
        if sourceParent.isValid() or destinationParent.isValid() or count < 1:
            return False
        if sourceRow < 0 or sourceRow + count > len(self._rows):
            return False
        if not 0 <= destinationChild <= len(self._rows):
            return False
        if sourceRow <= destinationChild <= sourceRow + count:
            return False  # onto itself: Qt's rule for moveRows
        return self._move(list(range(sourceRow, sourceRow + count)), destinationChild)

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.remove_pages(range(row, row + count))
        return True

    # -- reading -------------------------------------------------------------------------------------------

    def pages(self) -> list[Page]:
        """Every page, in order."""
        return [row.page for row in self._rows]

    def page(self, row: int) -> Page:
        """The page at ``row``."""
        return self._rows[row].page

    def groups(self) -> list[tuple[DocumentGroup, int, int]]:
        """The documents in order: (group, first row, row after the last)."""
        found: list[tuple[DocumentGroup, int, int]] = []
        start = 0
        for index in range(1, len(self._rows) + 1):
            if index == len(self._rows) or self._rows[index].group is not self._rows[start].group:
                found.append((self._rows[start].group, start, index))
                start = index
        return found

    def document_of(self, row: int) -> int:
        """The number (from 0) of the document the page at ``row`` is in."""
        number = 0
        for index in range(1, row + 1):
            if self._rows[index].group is not self._rows[index - 1].group:
                number += 1
        return number

    def is_document_start(self, row: int) -> bool:
        """Whether the page at ``row`` begins a document."""
        return row == 0 or self._rows[row - 1].group is not self._rows[row].group

    def is_thumbnail_ready(self, row: int) -> bool:
        """Whether the page at ``row`` shows its (current) thumbnail."""
        wanted = _thumbnail_key(self._rows[row].page)
        return self._rows[row].thumbnail is not None and wanted not in self._waiting

    def thumbnails_pending(self) -> int:
        """How many thumbnails (and quality measures) are still being made."""
        return len(self._waiting) + len(self._measuring)

    # -- editing -------------------------------------------------------------------------------------------

    def add_pages(self, pages: Sequence[Page], new_document: bool = False) -> None:
        """Append ``pages`` to the last document (to a new one when ``new_document`` or there is none)."""
        if not pages:
            return
        group = DocumentGroup() if new_document or not self._rows else self._rows[-1].group
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(pages) - 1)
        added = [_Row(page, group) for page in pages]
        self._rows.extend(added)
        self.endInsertRows()
        for row in added:
            self._request_thumbnail(row)
        self.edited.emit()

    def replace_page(self, row: int, page: Page) -> None:
        """Put the edited ``page`` at ``row`` (its thumbnail follows from the background)."""
        self._rows[row].page = page
        self._request_thumbnail(self._rows[row])
        self._changed(row, row)
        self.edited.emit()

    def remove_pages(self, rows: Iterable[int]) -> None:
        """Remove the pages at ``rows`` (a document left without pages disappears)."""
        for row in sorted(set(rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        self._changed(0, len(self._rows) - 1)
        self.edited.emit()

    def clear(self) -> None:
        """No pages, no documents."""
        self.beginResetModel()
        self._rows = []
        self.endResetModel()
        self.edited.emit()

    def split_at(self, row: int) -> bool:
        """Begin a new document at ``row`` (the pages from it to the end of its document); ``False`` when a
        document already begins there."""
        if not 0 < row < len(self._rows) or self.is_document_start(row):
            return False
        old, new = self._rows[row].group, DocumentGroup()
        end = row
        while end < len(self._rows) and self._rows[end].group is old:
            self._rows[end].group = new
            end += 1
        self._changed(row, len(self._rows) - 1)
        self.edited.emit()
        return True

    def merge_with_previous(self, row: int) -> bool:
        """Join the document of ``row`` to the document before it (which keeps its name); ``False`` for the
        first document."""
        if not 0 <= row < len(self._rows):
            return False
        start, end = self._run(row)
        if start == 0:
            return False
        previous = self._rows[start - 1].group
        for index in range(start, end):
            self._rows[index].group = previous
        self._changed(start - 1, len(self._rows) - 1)
        self.edited.emit()
        return True

    def group_renamed(self, group: DocumentGroup) -> None:
        """The clerk chose what ``group`` is: show it."""
        rows = [i for i, row in enumerate(self._rows) if row.group is group]
        if rows:
            self._changed(rows[0], rows[-1])
            self.edited.emit()

    def documents_renamed(self) -> None:
        """What the documents are was changed for several at once (a new checklist): show it."""
        self._changed(0, len(self._rows) - 1)
        self.edited.emit()

    def move_earlier(self, rows: Sequence[int]) -> bool:
        """The keyboard's "move left": see the module's description."""
        return self._step(rows, -1)

    def move_later(self, rows: Sequence[int]) -> bool:
        """The keyboard's "move right": see the module's description."""
        return self._step(rows, +1)

    def move_pages(self, rows: Sequence[int], destination: int) -> bool:
        """Move the pages at ``rows`` (in their order) to before the page now at ``destination`` (the
        row count: to the end), as a drop does."""
        if not rows or not 0 <= destination <= len(self._rows):
            return False
        return self._move(sorted(set(rows)), destination)

    # -- internals -----------------------------------------------------------------------------------------

    def _run(self, row: int) -> tuple[int, int]:
        group = self._rows[row].group
        start = row
        while start > 0 and self._rows[start - 1].group is group:
            start -= 1
        end = row + 1
        while end < len(self._rows) and self._rows[end].group is group:
            end += 1
        return start, end

    def _changed(self, first: int, last: int) -> None:
        if self._rows and first <= last:
            self.dataChanged.emit(self.index(max(first, 0)), self.index(min(last, len(self._rows) - 1)))

    def _dropped_rows(self, data: QMimeData | None) -> list[int]:
        if data is None or not data.hasFormat(MIME_TYPE):
            return []
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
        except (ValueError, RecursionError, UnicodeDecodeError):
            return []
        if not isinstance(payload, dict) or payload.get("model") != self._token:
            return []
        wanted = payload.get("keys")
        if not isinstance(wanted, list):
            return []
        where = {row.key: index for index, row in enumerate(self._rows)}
        return sorted(where[key] for key in wanted if key in where)

    def _move(self, rows: list[int], destination: int) -> bool:
        """Move ``rows`` (ascending) to ``destination`` (a row of the list before the move), then give them
        their document by the drop rule."""
        if not rows or not 0 <= destination <= len(self._rows):
            return False
        moved = [self._rows[r] for r in rows]
        original = moved[0].group
        whole = {id(r) for r in moved} >= {id(r) for r in self._rows if r.group is original}
        if not self._relocate(moved, destination):
            return False
        start = self._rows.index(moved[0])
        end = start + len(moved)
        before = self._rows[start - 1].group if start > 0 else None
        after = self._rows[end].group if end < len(self._rows) else None
        if before is not None and before is after:
            group = before
        elif original in (before, after) or whole:
            group = original
        else:
            group = before or after or original
        for row in moved:
            row.group = group
        self._changed(0, len(self._rows) - 1)
        self.edited.emit()
        return True

    def _relocate(self, moved: list[_Row], destination: int) -> bool:
        """Move the rows ``moved`` one by one (Qt's beginMoveRows) so they end up together, in order,
        before the row that was at ``destination``. ``False`` when nothing moves."""
        anchor = self._rows[destination] if destination < len(self._rows) else None
        while anchor is not None and anchor in moved:  # dropped inside the block itself
            following = self._rows.index(anchor) + 1
            anchor = self._rows[following] if following < len(self._rows) else None
        target_order = [r for r in self._rows if r not in moved]
        at = target_order.index(anchor) if anchor is not None else len(target_order)
        target_order[at:at] = moved
        if [r.key for r in target_order] == [r.key for r in self._rows]:
            return False
        for position, row in enumerate(moved):
            goal = at + position
            current = self._rows.index(row)
            if current == goal:
                continue
            qt_destination = goal if goal < current else goal + 1
            self.beginMoveRows(QModelIndex(), current, current, QModelIndex(), qt_destination)
            del self._rows[current]
            self._rows.insert(goal, row)
            self.endMoveRows()
        return True

    def _step(self, rows: Sequence[int], direction: int) -> bool:
        if not rows:
            return False
        rows = sorted(set(rows))
        first, last = rows[0], rows[-1]
        if first < 0 or last >= len(self._rows):
            return False
        at_edge = (direction < 0 and first == 0) or (direction > 0 and last == len(self._rows) - 1)
        if at_edge and last - first + 1 == len(rows):
            return False  # already first (last)
        group = self._rows[first].group
        contiguous = last - first + 1 == len(rows) and all(self._rows[r].group is group for r in rows)
        if not contiguous:  # scattered pages: gather them one place earlier (later) than the first (last)
            return self._move(rows, max(first - 1, 0) if direction < 0 else min(last + 2, len(self._rows)))
        start, end = self._run(first)
        whole = (start, end) == (first, last + 1)
        if whole:  # a whole document jumps over its neighbour
            if direction < 0:
                if start == 0:
                    return False
                destination = self._run(start - 1)[0]
            else:
                if end == len(self._rows):
                    return False
                destination = self._run(end)[1]
            return self._move(rows, destination)
        if direction < 0 and first == start and start > 0:  # cross the border into the document before
            neighbour = self._rows[start - 1].group
        elif direction > 0 and last + 1 == end and end < len(self._rows):  # into the document after
            neighbour = self._rows[end].group
        else:
            return self._move(rows, first - 1 if direction < 0 else last + 2)
        for row in rows:
            self._rows[row].group = neighbour
        self._changed(0, len(self._rows) - 1)
        self.edited.emit()
        return True

    def _tooltip(self, row: int) -> str:
        page = self._rows[row].page
        number, count = self.data(self.index(row), PageInDocumentRole)
        lines = [
            self.tr("Trang {0} — tài liệu {1}, trang {2}/{3}").format(
                row + 1, self.document_of(row) + 1, number, count
            )
        ]
        name = self._rows[row].group.chosen_name
        if name:
            lines.append(name)
        width, height = page.size()
        lines.append(
            self.tr("{0} × {1} điểm ảnh, khoảng {2} dpi").format(width, height, round(page.effective_dpi()))
        )
        if page.rotation:
            lines.append(self.tr("Đã xoay {0}°").format(page.rotation))
        if page.crop is not None:
            lines.append(self.tr("Đã cắt"))
        lines.extend("⚠ " + self.warning_text(w) for w in self._rows[row].warnings)
        return "\n".join(lines)

    def warning_text(self, warning: QualityWarning) -> str:
        """A page's quality warning in words."""
        if warning.issue is QualityIssue.BLANK_PAGE:
            return self.tr("Trang trắng (có thể là mặt sau không có chữ)")
        if warning.issue is QualityIssue.LOW_RESOLUTION:
            return self.tr("Độ phân giải thấp: khoảng {0} dpi").format(round(warning.value or 0))
        if warning.issue is QualityIssue.SKEWED:
            return self.tr("Trang bị nghiêng {0}°").format(decimal_text(abs(warning.value or 0)))
        return str(warning.issue)

    # -- thumbnails ----------------------------------------------------------------------------------------

    def _request_thumbnail(self, row: _Row) -> None:
        self._request_warnings(row)
        key = _thumbnail_key(row.page)
        cached = self._cache.get(key)
        if cached is not None and cached[0]() is row.page.image:
            self._cache.move_to_end(key)
            row.thumbnail = cached[1]
            return
        waiting = self._waiting.get(key)
        if waiting is not None and waiting[0].image is row.page.image:
            waiting[1].add(row.key)
            return
        page, size = row.page, self._thumbnail_px
        self._waiting[key] = (page, {row.key})
        self._background(
            lambda: make_thumbnail(page, size),
            lambda image: self._thumbnail_made(key, page, image),
            lambda exc: self._thumbnail_failed(key, exc),
        )

    def _thumbnail_made(self, key: Any, page: Page, image: QImage) -> None:
        if not shiboken6.isValid(self):
            return  # the editor was closed meanwhile
        waiting = self._waiting.pop(key, None)
        pixmap = QPixmap.fromImage(image)
        self._cache[key] = (weakref.ref(page.image), pixmap)
        self._cache.move_to_end(key)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        for index, row in enumerate(self._rows):
            if (
                waiting
                and row.key in waiting[1]
                and row.page.image is page.image
                and (_thumbnail_key(row.page) == key)
            ):
                row.thumbnail = pixmap
                self._changed(index, index)

    def _thumbnail_failed(self, key: Any, exc: BaseException) -> None:
        self._waiting.pop(key, None)  # the page stays without a thumbnail; the archive will say more

    def _request_warnings(self, row: _Row) -> None:
        key = _thumbnail_key(row.page)
        cached = self._warnings.get(key)
        if cached is not None and cached[0]() is row.page.image:
            self._warnings.move_to_end(key)
            row.warnings = cached[1]
            return
        row.warnings = ()
        measuring = self._measuring.get(key)
        if measuring is not None and measuring.image is row.page.image:
            return
        page = row.page
        self._measuring[key] = page
        self._background(
            lambda: measure_page(page),
            lambda found: self._measured(key, page, found),
            lambda _exc: self._measuring.pop(key, None),  # no warning shown; the gate runs again at saving
        )

    def _measured(self, key: Any, page: Page, found: tuple[QualityWarning, ...]) -> None:
        if not shiboken6.isValid(self):
            return
        self._measuring.pop(key, None)
        self._warnings[key] = (weakref.ref(page.image), found)
        while len(self._warnings) > CACHE_SIZE * 4:
            self._warnings.popitem(last=False)
        for index, row in enumerate(self._rows):
            if row.page.image is page.image and _thumbnail_key(row.page) == key:
                row.warnings = found
                self._changed(index, index)

"""The template of the application's table models: rows in a list, column headers declared once.

A model subclasses :class:`RowsTableModel`, fills ``self._headers`` (and, if its headers explain
themselves, ``self._header_tips``) after ``super().__init__()``, keeps its rows in ``self._rows`` and
writes ``data`` (and ``flags``/``setData`` when editable). Row and column counts and the horizontal
header come from here. A model whose rows come from the store page by page subclasses
:class:`PagedTableModel`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

if TYPE_CHECKING:
    from ui.tasks import DatabaseWorker

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """A flat table of ``self._rows`` under ``self._headers``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Any] = []
        self._headers: list[str] = []
        self._header_tips: list[str] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self._header_tips):
            return self._header_tips[section]
        return None


class PagedTableModel(RowsTableModel):
    """Rows fetched page by page on the database worker (never all at once): ``fetch(query)`` answers a
    query (a frozen dataclass with ``limit`` and ``offset``) with one page of rows. The view's
    ``canFetchMore``/``fetchMore`` pull the next page near the end; a new query starts again from the
    first; an answer to a query since replaced (or arriving after :meth:`shutdown`) is dropped."""

    loading_changed = Signal(bool)
    load_failed = Signal(object)

    def __init__(
        self,
        worker: DatabaseWorker,
        fetch: Callable[[Any], Sequence[Any]],
        query: Any,
        page_size: int,
        fetch_before_query: bool,
    ) -> None:
        super().__init__()
        self._worker = worker
        self._fetch = fetch
        self._page_size = page_size
        self._rows: list[Any] = []
        self._query = replace(query, limit=page_size)
        self._exhausted = not fetch_before_query
        self._loading = False
        self._generation = 0
        self._closed = False

    def set_query(self, query: Any) -> None:
        """Show the rows matching ``query``, starting again from the first page."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._loading = False
        self._query = replace(query, limit=self._page_size, offset=0)
        self.endResetModel()
        self._query_changed()
        self._load_page()

    def query(self) -> Any:
        """The query the rows answer."""
        return self._query

    def refresh(self) -> None:
        """Reload with the current query."""
        self.set_query(self._query)

    def is_loading(self) -> bool:
        """Whether a page is on its way."""
        return self._loading

    def shutdown(self) -> None:
        """Stop asking for pages and drop the answers still on their way (the page is closing)."""
        self._closed = True
        self._generation += 1
        self._loading = False

    def _query_changed(self) -> None:
        """Called once the rows were reset for a new query (before its first page is asked for)."""

    def _first_page_in(self, generation: int) -> None:
        """Called once the first page of a query is in (a subclass counts the rows then)."""

    def _load_page(self) -> None:
        if self._loading or self._exhausted or self._closed:
            return
        self._loading = True
        self.loading_changed.emit(True)
        query = replace(self._query, offset=len(self._rows))
        generation = self._generation
        fetch = self._fetch
        self._worker.submit(
            lambda: fetch(query),
            lambda rows: self._page_loaded(generation, query.offset, rows),
            lambda exc: self._page_failed(generation, exc),
        )

    def _page_loaded(self, generation: int, offset: int, rows: Sequence[Any]) -> None:
        if generation != self._generation:
            return  # an answer to a query the user has since replaced
        # Still "loading" while the rows go in: views (and Qt's model tester) may call fetchMore from the
        # insertion signals, and the next page's offset must count these rows.
        if len(rows) < self._page_size:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if offset == 0:
            self._first_page_in(generation)
        self._loading = False
        self.loading_changed.emit(False)

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._generation += 1  # whatever else is still on its way is dropped too: one failure, one message
        self._loading = False
        self._exhausted = True
        self.loading_changed.emit(False)
        self.load_failed.emit(exc)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self._closed

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid():
            self._load_page()

"""A file's timeline (Quá trình xử lý): one row per event, oldest first, the newest at the bottom.

Each row says when, who (the clerk's full name; the account name for the built-in system account), what
happened in Vietnamese (received, a status change from → to, an extension), the note given, and how the due
date moved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from records.clock import local
from records.files import EventView
from records.users import SYSTEM_USERNAME
from records.workflow import Status
from ui.labels import status_label
from ui.table_model import RowsTableModel

EventIndex = QModelIndex | QPersistentModelIndex


def _moment(value: Any) -> str:
    return local(value).strftime("%d/%m/%Y %H:%M")


class FileEventsTableModel(RowsTableModel):
    """Rows of :class:`EventView`."""

    COL_AT, COL_WHO, COL_WHAT, COL_NOTE, COL_DUE = range(5)
    EventRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[EventView, ...] = ()
        self._headers = [
            self.tr("Thời gian"),
            self.tr("Người thực hiện"),
            self.tr("Nội dung"),
            self.tr("Ghi chú, lý do"),
            self.tr("Hẹn trả"),
        ]

    def set_events(self, events: tuple[EventView, ...]) -> None:
        """Show ``events`` (in the order given: the store's, oldest first)."""
        self.beginResetModel()
        self._rows = tuple(events)
        self.endResetModel()

    def event_at(self, row: int) -> EventView:
        """The event shown on ``row``."""
        return self._rows[row]

    def data(self, index: EventIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        event = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._display(event, index.column())
            return text if role == Qt.ItemDataRole.DisplayRole or text else None
        if role == self.EventRole:
            return event
        return None

    def _display(self, event: EventView, column: int) -> str:
        if column == self.COL_AT:
            return _moment(event.at)
        if column == self.COL_WHO:
            if event.username == SYSTEM_USERNAME:
                return self.tr("Hệ thống")  # the command line or an import, not a person
            return event.user_full_name or event.username or ""
        if column == self.COL_WHAT:
            return self.describe(event)
        if column == self.COL_NOTE:
            return event.note or ""
        if column == self.COL_DUE:
            return self._due(event)
        return ""

    def describe(self, event: EventView) -> str:
        """What happened, in Vietnamese."""
        target, origin = event.to_status, event.from_status
        if event.kind == "registered":
            if target is Status.SUPPLEMENT_REQUESTED:
                return self.tr("Tiếp nhận, hồ sơ chưa đầy đủ: yêu cầu bổ sung")
            if target is Status.REFUSED:
                return self.tr("Từ chối tiếp nhận hồ sơ")
            return self.tr("Tiếp nhận hồ sơ")
        if event.kind == "extended":
            return self.tr("Gia hạn thời gian giải quyết")
        if event.kind == "status_changed" and target is not None:
            if origin is None:
                return status_label(target)
            if origin is Status.SUPPLEMENT_REQUESTED and target in (Status.RECEIVED, Status.IN_PROGRESS):
                return self.tr("Nhận đủ hồ sơ bổ sung → {0}").format(status_label(target))
            return f"{status_label(origin)} → {status_label(target)}"
        return event.kind

    def _due(self, event: EventView) -> str:
        before, after = event.due_before, event.due_after
        if before == after:
            return ""
        if before is None:
            return _moment(after)
        if after is None:
            return self.tr("{0} → tạm dừng").format(_moment(before))
        return f"{_moment(before)} → {_moment(after)}"

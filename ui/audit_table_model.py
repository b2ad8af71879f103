"""The audit log's table model (Nhật ký hệ thống): pages of entries fetched on the database worker.

Rows come newest first, as ``services.audit.search`` hands them out; ``canFetchMore``/``fetchMore`` ask for
the next page (``AuditFilter.offset``) when the view scrolls near the end, so a log of a million entries
opens as fast as one of fifty. Filtering happens in SQL (the service's :class:`AuditFilter`).

Each row says when (Vietnam's time), who, from which workstation, what was done (the action in words), what
it was about, and the details summarised in one line; the tooltip of the details has them whole.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import PureWindowsPath
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from records.audit import AuditView
from records.clock import local
from records.errors import InvalidInput
from records.services.audit import AuditFilter
from records.users import SYSTEM_USERNAME
from records.workflow import Status
from ui.labels import (
    audit_action_label,
    audit_detail_label,
    audit_entity_label,
    number_text,
    role_label,
    status_label,
)
from ui.table_model import PagedTableModel
from ui.tasks import DatabaseWorker

PAGE_SIZE = 200
AuditIndex = QModelIndex | QPersistentModelIndex
SearchAudit = Callable[[AuditFilter], list[AuditView]]

# The actions a supervisor looks for first: failed and refused logins, locked accounts (AA contrast on white).
WARNING_ACTIONS = frozenset({"user.login_failed", "user.login_refused", "user.locked"})
WARNING_COLOUR = QColor("#b71c1c")
DETAILS_MAX = 160  # characters of the one-line summary; the tooltip has the rest
TIME_FORMAT = "%d/%m/%Y %H:%M:%S"
_MOMENT_KEYS = frozenset({"until", "locked_until", "created_at"})
_DAY_KEYS = frozenset({"date_from", "date_to"})
_PATH_KEYS = frozenset({"path", "file"})


def _status_text(value: object) -> str:
    try:
        return status_label(Status.parse(str(value)))
    except InvalidInput:
        return str(value)


def _value_text(key: str, value: Any) -> str:
    """One value of an entry's details, as the summary shows it."""
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("AuditTableModel", "có")
        return QCoreApplication.translate("AuditTableModel", "không")
    if isinstance(value, int):
        return number_text(value)
    if isinstance(value, list):
        return ", ".join(_value_text(key, item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_value_text(k, v)}" for k, v in value.items())
    text = str(value)
    if key == "status":
        return _status_text(text)
    if key == "role":
        return role_label(text)
    if key in _PATH_KEYS:
        return PureWindowsPath(text).name or text  # the file's name; the tooltip has the whole path
    try:
        if key in _MOMENT_KEYS:
            return local(datetime.fromisoformat(text)).strftime("%d/%m/%Y %H:%M")
        if key in _DAY_KEYS:
            return date.fromisoformat(text).strftime("%d/%m/%Y")
    except (ValueError, InvalidInput):
        pass
    return text


def summarise(entry: AuditView) -> str:
    """The entry's details in one line: the changes of a status, a role or the office hours as "from → to",
    otherwise the details a reader cares about as "name: value" (identifiers and hashes left out)."""
    details = entry.details
    before, after = details.get("from"), details.get("to")
    if entry.action == "file.status_changed" and before is not None and after is not None:
        return f"{_status_text(before)} → {_status_text(after)}"
    if entry.action == "user.role_changed" and before is not None and after is not None:
        return f"{details.get('username', '')}: {role_label(str(before))} → {role_label(str(after))}"
    if entry.action == "settings.office_hours":
        return f"{before or ''} → {after or ''}"
    parts: list[str] = []
    for key, value in details.items():
        name = audit_detail_label(key)
        if name is None or value is None or value == "" or value == [] or value == {}:
            continue
        parts.append(f"{name}: {_value_text(key, value)}")
    text = "; ".join(parts)
    return text if len(text) <= DETAILS_MAX else text[: DETAILS_MAX - 1] + "…"


def details_json(entry: AuditView) -> str:
    """The entry's details whole (the tooltip of the summary)."""
    return json.dumps(entry.details, ensure_ascii=False, indent=1, sort_keys=True, default=str)


class AuditTableModel(PagedTableModel):
    """Rows of :class:`AuditView`, loaded page by page."""

    COL_AT, COL_USER, COL_WORKSTATION, COL_ACTION, COL_WHAT, COL_DETAILS = range(6)
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, worker: DatabaseWorker, search: SearchAudit) -> None:
        super().__init__(worker, search, AuditFilter(), PAGE_SIZE, fetch_before_query=False)
        self._headers = [
            self.tr("Thời gian"),
            self.tr("Tài khoản"),
            self.tr("Máy trạm"),
            self.tr("Thao tác"),
            self.tr("Đối tượng"),
            self.tr("Chi tiết"),
        ]

    def query(self) -> AuditFilter:
        """The filter the rows answer."""
        query: AuditFilter = self._query
        return query

    def entry(self, row: int) -> AuditView:
        """The entry shown on ``row``."""
        return self._rows[row]

    # -- Qt model API ------------------------------------------------------------------------------------

    def data(self, index: AuditIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_ACTION:
            return QBrush(WARNING_COLOUR) if entry.action in WARNING_ACTIONS else None
        if role == self.EntryRole:
            return entry
        return None

    def _display(self, entry: AuditView, column: int) -> str:
        if column == self.COL_AT:
            return local(entry.at).strftime(TIME_FORMAT)
        if column == self.COL_USER:
            if entry.username == SYSTEM_USERNAME:
                return self.tr("Hệ thống ({0})").format(entry.username)  # the command line, an import
            return entry.username
        if column == self.COL_WORKSTATION:
            return str(entry.workstation) if entry.workstation is not None else ""
        if column == self.COL_ACTION:
            return audit_action_label(entry.action)
        if column == self.COL_WHAT:
            return self.describe_entity(entry)
        if column == self.COL_DETAILS:
            return summarise(entry)
        return ""

    def _tooltip(self, entry: AuditView, column: int) -> str | None:
        if column == self.COL_ACTION:
            return f"{audit_action_label(entry.action)} ({entry.action})"
        if column == self.COL_WHAT:
            return f"{self.describe_entity(entry)}\n{entry.entity}: {entry.entity_id or ''}"
        if column == self.COL_DETAILS:
            return self.tr("Mục số {0}").format(entry.seq) + "\n" + details_json(entry)
        if column == self.COL_AT:
            return self.tr("Mục số {0}").format(entry.seq)
        return None

    def describe_entity(self, entry: AuditView) -> str:
        """What the entry is about: "Hồ sơ 000.17.22.H56-260304-0001", "Tài khoản lan", "Ngày 04/03/2026"."""
        label = audit_entity_label(entry.entity)
        key = entry.entity_id
        if entry.entity == "user":
            key = str(entry.details.get("username") or key or "")
        elif entry.entity == "day" and key:
            with contextlib.suppress(ValueError):  # a day's closing names its day
                key = date.fromisoformat(key).strftime("%d/%m/%Y")
        return f"{label} {key}" if key else label

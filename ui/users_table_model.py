"""The accounts of this installation (never the built-in ``system`` one) for the users tab, with the locks
that too many wrong passwords put on them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from records.clock import local, now
from records.users import Role, UserView
from ui.labels import lock_end_text
from ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
DISABLED_COLOUR = QColor("#9e9e9e")
LOCKED_COLOUR = QColor("#c62828")

ROLE_LABELS: dict[Role, object] = {  # QT_TRANSLATE_NOOP is typed as returning object
    Role.CLERK: QT_TRANSLATE_NOOP("roles", "Cán bộ tiếp nhận"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("roles", "Lãnh đạo / giám sát"),
    Role.ADMIN: QT_TRANSLATE_NOOP("roles", "Quản trị"),
}


def role_label(role: Role) -> str:
    """The role as the settings screen names it."""
    return QCoreApplication.translate("roles", str(ROLE_LABELS[role]))


class UsersTableModel(RowsTableModel):
    """One row per account."""

    COL_USERNAME, COL_FULL_NAME, COL_ROLE, COL_STATE, COL_CREATED = range(5)
    UserRole = Qt.ItemDataRole.UserRole + 1  # the row's UserView

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[UserView] = []
        self._locks: dict[str, datetime] = {}
        self._headers = [
            self.tr("Tên đăng nhập"),
            self.tr("Họ và tên"),
            self.tr("Vai trò"),
            self.tr("Trạng thái"),
            self.tr("Ngày tạo"),
        ]

    def set_users(self, users: Sequence[UserView], locks: Mapping[str, datetime] | None = None) -> None:
        """Show ``users`` (replacing the rows) and the ``locks`` on their names (``UserService.locks``)."""
        self.beginResetModel()
        self._rows = list(users)
        self._locks = dict(locks or {})
        self.endResetModel()

    def locked_until(self, username: str) -> datetime | None:
        """Until when ``username`` is locked by wrong passwords (``None``: not locked, or no longer)."""
        until = self._locks.get(username)
        return until if until is not None and until > now() else None

    def user(self, row: int) -> UserView:
        """The account on ``row``."""
        return self._rows[row]

    def row_of(self, username: str) -> int | None:
        """The row showing ``username``."""
        for row, user in enumerate(self._rows):
            if user.username == username:
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        user = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_USERNAME:
                return user.username
            if column == self.COL_FULL_NAME:
                return user.full_name
            if column == self.COL_ROLE:
                return role_label(user.role)
            if column == self.COL_STATE:
                if not user.active:
                    return self.tr("Đã khóa")
                until = self.locked_until(user.username)
                if until is not None:
                    return self.tr("Tạm khóa đến {0}").format(lock_end_text(until))
                return self.tr("Đang hoạt động")
            return local(user.created_at).strftime("%d/%m/%Y")
        if role == Qt.ItemDataRole.ForegroundRole:
            if not user.active:
                return QBrush(DISABLED_COLOUR)
            if column == self.COL_STATE and self.locked_until(user.username) is not None:
                return QBrush(LOCKED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_STATE and user.active and self.locked_until(user.username) is not None:
                return self.tr(
                    "Nhập sai mật khẩu nhiều lần liên tiếp: tạm thời không đăng nhập được. Quản trị viên có "
                    "thể gỡ tạm khóa ngay."
                )
            return None
        if role == self.UserRole:
            return user
        return None

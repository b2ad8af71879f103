"""Settings › Người dùng: the accounts — add one, change a role, lock or unlock, set a new password, and lift
the temporary lock that too many wrong passwords put on a name ("Tạm khóa đến 14:35").

The store refuses to lock out the acting administrator or to leave no active administrator; those refusals
are said plainly under the list.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from records.errors import InvalidInput
from records.users import Role, UserView
from ui.session import UiSession
from ui.settings_tab import SettingsTab, hint
from ui.user_dialog import PasswordDialog, UserDialog
from ui.users_table_model import UsersTableModel, role_label

ROLES = (Role.CLERK, Role.SUPERVISOR, Role.ADMIN)


class UsersTab(SettingsTab):
    """The list of accounts and what an administrator does with them."""

    dialog_opened = Signal(object)  # the UserDialog or PasswordDialog (tests fill them in)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = UsersTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(UsersTableModel.COL_FULL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, sample in (
            (UsersTableModel.COL_USERNAME, "nguyen.van.an0"),
            (UsersTableModel.COL_ROLE, "Lãnh đạo / giám sát"),
            (UsersTableModel.COL_STATE, "Tạm khóa đến 00:00"),
            (UsersTableModel.COL_CREATED, "00/00/0000"),
        ):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 32)

        self.add_button = QPushButton(self.tr("&Thêm người dùng…"))
        self.role_button = QPushButton(self.tr("Đổi &vai trò…"))
        self.password_button = QPushButton(self.tr("Đặt lại &mật khẩu…"))
        self.active_button = QPushButton(self.tr("&Khóa tài khoản"))
        # Not "Mở khóa": that is the button above for a disabled account; this one lifts a lock of wrong
        # passwords.
        self.unlock_button = QPushButton(self.tr("&Gỡ tạm khóa"))
        self.unlock_button.setToolTip(
            self.tr(
                "Cho tài khoản đăng nhập lại ngay, không chờ hết thời gian tạm khóa do nhập sai mật khẩu."
            )
        )
        self.add_button.clicked.connect(self.open_add_dialog)
        self.role_button.clicked.connect(self._change_role)
        self.password_button.clicked.connect(self.open_password_dialog)
        self.active_button.clicked.connect(self._toggle_active)
        self.unlock_button.clicked.connect(self._unlock_selected)
        self.table.selectionModel().currentRowChanged.connect(lambda _now, _before: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.role_button)
        buttons.addWidget(self.password_button)
        buttons.addWidget(self.active_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(
            hint(
                self.tr(
                    "Cán bộ tiếp nhận: tiếp nhận và theo dõi hồ sơ. Lãnh đạo / giám sát: thêm trang Tổng hợp "
                    "và in sổ theo dõi. Quản trị: thêm phần Cài đặt. Tài khoản bị khóa không đăng nhập được; "
                    "hồ sơ và nhật ký của tài khoản đó vẫn giữ nguyên. Nhập sai mật khẩu nhiều lần liên tiếp "
                    "thì tài khoản bị tạm khóa ít phút."
                )
            )
        )
        layout.addLayout(self.footer())
        for before, after in (
            (self.table, self.add_button),
            (self.add_button, self.role_button),
            (self.role_button, self.password_button),
            (self.password_button, self.active_button),
            (self.active_button, self.unlock_button),
        ):
            QWidget.setTabOrder(before, after)
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Người dùng")

    # -- the list -----------------------------------------------------------------------------------------

    def load(self) -> None:
        self.call(self._read, self._loaded)

    def _read(self) -> tuple[list[UserView], dict[str, datetime]]:  # on the worker
        users = self.session.services.users
        return users.list(), users.locks()

    def _loaded(self, found: tuple[list[UserView], dict[str, datetime]]) -> None:
        users, locks = found
        selected = self.selected_user()
        self.model.set_users(users, locks)
        keep = selected.username if selected is not None else self.session.actor.username
        if not self.select(keep) and users:
            self.select(users[0].username)
        self.loaded.emit()

    def selected_user(self) -> UserView | None:
        """The account selected in the list."""
        index = self.table.currentIndex()
        return self.model.user(index.row()) if index.isValid() else None

    def select(self, username: str) -> bool:
        """Select ``username`` in the list."""
        row = self.model.row_of(username)
        if row is None:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    def _selection_changed(self) -> None:
        user = self.selected_user()
        for button in (self.role_button, self.password_button, self.active_button):
            button.setEnabled(user is not None and not self.is_busy())
        locked = user is not None and self.model.locked_until(user.username) is not None
        self.unlock_button.setEnabled(locked and not self.is_busy())
        if user is not None and not user.active:
            self.active_button.setText(self.tr("Mở &khóa tài khoản"))
        else:
            self.active_button.setText(self.tr("&Khóa tài khoản"))

    # -- actions ------------------------------------------------------------------------------------------

    def open_add_dialog(self) -> UserDialog:
        """The form for a new account."""
        dialog = UserDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda actor: self._changed(
                self.tr("Đã thêm tài khoản {0}.").format(actor.username), actor.username
            )
        )
        self.dialog_opened.emit(dialog)
        dialog.open()
        return dialog

    def open_password_dialog(self) -> PasswordDialog | None:
        """The form for the selected account's new password."""
        user = self.selected_user()
        if user is None:
            return None
        dialog = PasswordDialog(self.session, user.username, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda view: self._changed(
                self.tr("Đã đặt mật khẩu mới cho {0}.").format(view.username), view.username
            )
        )
        self.dialog_opened.emit(dialog)
        dialog.open()
        return dialog

    def _change_role(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        role = self.ask_role(user)
        if role is not None and role is not user.role:
            self.set_role(user.username, role)

    def ask_role(self, user: UserView) -> Role | None:
        """Ask for the account's new role (tests replace this method)."""
        labels = [role_label(role) for role in ROLES]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Đổi vai trò"),
            self.tr("Vai trò của {0} ({1}):").format(user.full_name, user.username),
            labels,
            ROLES.index(user.role),
            False,
        )
        return ROLES[labels.index(chosen)] if ok and chosen in labels else None

    def set_role(self, username: str, role: Role) -> None:
        """Give ``username`` the role ``role`` (one service call)."""
        users, actor = self.session.services.users, self.session.actor
        self.messages.clear()
        self.call(
            lambda: users.set_role(actor, username, role),
            lambda view: self._changed(
                self.tr("{0} giờ có vai trò {1}.").format(view.username, role_label(view.role)), view.username
            ),
            lambda exc: self._refused(exc, username, "role"),
        )

    def _toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if user.active and not self.confirm(
            self.tr("Khóa tài khoản {0} ({1})? Người này sẽ không đăng nhập được nữa.").format(
                user.username, user.full_name
            )
        ):
            return
        self.set_active(user.username, not user.active)

    def confirm(self, text: str) -> bool:
        """Ask before locking an account (tests replace this method)."""
        answer = QMessageBox.question(self, self.tr("Khóa tài khoản"), text)
        return answer == QMessageBox.StandardButton.Yes

    def set_active(self, username: str, active: bool) -> None:
        """Unlock (``active``) or lock ``username`` (one service call)."""
        users, actor = self.session.services.users, self.session.actor
        self.messages.clear()
        self.call(
            lambda: users.set_active(actor, username, active),
            lambda view: self._changed(
                self.tr("Đã mở khóa tài khoản {0}.").format(view.username)
                if view.active
                else self.tr("Đã khóa tài khoản {0}.").format(view.username),
                view.username,
            ),
            lambda exc: self._refused(exc, username, "lock"),
        )

    def _unlock_selected(self) -> None:
        user = self.selected_user()
        if user is not None:
            self.unlock(user.username)

    def unlock(self, username: str) -> None:
        """Lift the lock wrong passwords put on ``username`` (one service call)."""
        users, actor = self.session.services.users, self.session.actor
        self.messages.clear()
        self.call(
            lambda: users.unlock(actor, username),
            lambda _none: self._changed(
                self.tr("Đã gỡ tạm khóa: {0} đăng nhập lại được ngay.").format(username), username
            ),
        )

    def _changed(self, text: str, username: str) -> None:
        self.show_ok(text)
        self.saved.emit()
        self.call(self._read, lambda found: self._reloaded(found, username))

    def _reloaded(self, found: tuple[list[UserView], dict[str, datetime]], username: str) -> None:
        self.model.set_users(*found)
        self.select(username)
        self.loaded.emit()

    def _refused(self, exc: BaseException, username: str, change: str) -> None:
        """The store's refusals to lock out an administrator, said in words that name the way out."""
        if isinstance(exc, InvalidInput) and exc.params.get("field") == "username":
            if username == self.session.actor.username:
                text = (
                    self.tr("Không thể khóa chính tài khoản đang đăng nhập. Hãy nhờ một quản trị viên khác.")
                    if change == "lock"
                    else self.tr(
                        "Không thể bỏ quyền quản trị của chính mình. Hãy nhờ một quản trị viên khác."
                    )
                )
            else:
                text = self.tr(
                    "{0} là quản trị viên cuối cùng đang hoạt động. Hãy cấp quyền quản trị cho một tài khoản "
                    "khác trước."
                ).format(username)
            self.show_failure(exc, None, text)
        else:
            self.show_failure(exc)

    def busy_changed(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)
        self._selection_changed()

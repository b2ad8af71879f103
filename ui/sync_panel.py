"""Đồng bộ (F8): what this workstation has not yet handed to the centre, exporting it, and the centre's
acknowledgement coming back.

The panel shows ``services.sync.status()``: the files and other rows changed since the centre's last
acknowledgement, the oldest of those changes, the last export, the last acknowledgement, the documents the
centre asked for again and the last failed export. "Xuất gói đồng bộ" (Ctrl+E) writes a bundle into the
configured folder (or a folder asked for); "Nhận xác nhận từ trung tâm…" takes the centre's signed
acknowledgement; F5 reloads. The configuration (the export folder, exporting when the application closes
and at times of day, the centre's two public keys) is below; only an administrator can change it.

Exporting goes through the main window's :class:`ui.sync_exporter.SyncExporter` (the panel's button, the
export on closing and the scheduled exports never run twice at once): the panel asks it for a manual
export and shows every export it reports, whoever asked for it.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from records.clock import local, now
from records.errors import DomainError, InvalidInput, NotInitialised
from records.keys import parse_public_key_text
from records.services.sync import AckResult, ExportResult, SyncConfig, SyncStatus
from records.sync.crypto import parse_x25519_text
from ui.busy_bar import busy_bar
from ui.errors import ERROR_STYLE, OK_STYLE, details_of, show_crash
from ui.labels import describe_error, number_text, sync_table_label
from ui.session import UiSession
from ui.sync_exporter import MANUAL, SCHEDULED, SyncExporter, failure_text

HINT_STYLE = "color: palette(placeholder-text)"
LAST_ERROR_STYLE = (
    "QLabel { color: #b71c1c; background: #fdecea; border: 1px solid #ef9a9a; border-radius: 4px; "
    "padding: 4px; }"
)
DATE_TIME = "%d/%m/%Y %H:%M"

# The order the counts are listed in: the files' own rows first, the catalogue and the accounts last.
TABLE_ORDER = (
    "files",
    "citizens",
    "file_documents",
    "file_fees",
    "file_events",
    "attachments",
    "stored_objects",
    "objects",
    "procedures",
    "procedure_versions",
    "users",
)
SEPARATOR = "\u00a0· "  # a line may break after the dot, never before it


def parse_times(text: str) -> list[str]:
    """The times of day typed into one field, separated by commas, semicolons or spaces."""
    return [part for part in re.split(r"[,;\s]+", text) if part]


def _when(moment: datetime) -> str:
    return local(moment).strftime(DATE_TIME)


def counts_text(counts: dict[str, int], leave_out: str = "") -> str:
    """Rows by table, as "Công dân: 3 · Giấy tờ trong hồ sơ: 3 · …" (tables with none left out)."""
    order = {name: index for index, name in enumerate(TABLE_ORDER)}
    listed = sorted(
        ((name, count) for name, count in counts.items() if count and name != leave_out),
        key=lambda item: (order.get(item[0], len(order)), item[0]),
    )
    return SEPARATOR.join(f"{sync_table_label(name)}: {number_text(count)}" for name, count in listed)


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SyncPanel(QWidget):
    """The sync screen: the state of this workstation's sync, its two actions and its configuration."""

    loaded = Signal(object)  # the SyncStatus shown
    exported = Signal(object)  # the ExportResult of an export asked for here
    ack_imported = Signal(object)  # the AckResult
    config_saved = Signal(object)  # the SyncConfig saved
    failed = Signal(object)  # an action refused or failed (the exception), as shown in the message line

    def __init__(self, session: UiSession, exporter: SyncExporter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._exporter = exporter
        self._status: SyncStatus | None = None
        self._generation = 0
        self._importing = False
        self._config_dirty = False
        self._saving = False

        intro = QLabel(
            self.tr(
                "Máy trạm gửi dữ liệu cho trung tâm bằng gói đồng bộ (qua USB hoặc thư mục mạng). Mọi thay "
                "đổi được giữ lại và gửi lại trong các gói sau cho đến khi trung tâm gửi giấy xác nhận về."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)

        # -- what is pending ------------------------------------------------------------------------------
        self.unsynced_files = QLabel("—")
        font = QFont(self.unsynced_files.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.unsynced_files.setFont(font)
        self.unsynced_other = _value_label()
        self.oldest_pending = _value_label()
        self.last_export = _value_label()
        self.last_ack = _value_label()
        self.resend = _value_label()
        self.last_error = _value_label()
        status_box = QGroupBox(self.tr("Tình trạng đồng bộ"))
        form = QFormLayout(status_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Hồ sơ chưa đồng bộ:"), self.unsynced_files)
        form.addRow(self.tr("Dữ liệu khác chưa đồng bộ:"), self.unsynced_other)
        form.addRow(self.tr("Thay đổi cũ nhất chưa đồng bộ:"), self.oldest_pending)
        form.addRow(self.tr("Lần xuất gần nhất:"), self.last_export)
        form.addRow(self.tr("Lần nhận xác nhận gần nhất:"), self.last_ack)
        form.addRow(self.tr("Giấy tờ cần gửi lại:"), self.resend)
        form.addRow(self.tr("Lỗi gần nhất:"), self.last_error)

        # -- actions ----------------------------------------------------------------------------------------
        self.export_button = QPushButton(self.tr("&Xuất gói đồng bộ"))
        self.export_button.setToolTip(
            self.tr("Ghi các thay đổi chưa được trung tâm xác nhận thành một gói vào thư mục xuất (Ctrl+E)")
        )
        self.export_button.setDefault(True)
        self.ack_button = QPushButton(self.tr("&Nhận xác nhận từ trung tâm…"))
        self.ack_button.setToolTip(
            self.tr("Chọn tệp xác nhận trung tâm gửi về: các thay đổi đã xác nhận không phải gửi lại nữa")
        )
        self.refresh_button = QPushButton(self.tr("Tải lại (F5)"))
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.ack_button)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)

        self.progress = busy_bar()
        self.message = _value_label()
        self.message.hide()
        message_row = QHBoxLayout()
        message_row.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignTop)
        message_row.addWidget(self.message, 1)

        left = QVBoxLayout()
        left.addWidget(intro)
        left.addWidget(status_box)
        left.addLayout(actions)
        left.addLayout(message_row)
        left.addStretch(1)

        # -- configuration ----------------------------------------------------------------------------------
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(self.tr("Chưa chọn: hỏi thư mục mỗi lần xuất"))
        self.folder_button = QPushButton(self.tr("&Chọn…"))
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        folder_box = QWidget()
        folder_box.setLayout(folder_row)
        self.on_close_check = QCheckBox(self.tr("Tự động xuất khi đóng chương trình hoặc đăng xuất"))
        self.times_edit = QLineEdit()
        self.times_edit.setPlaceholderText(self.tr("ví dụ 11:30, 16:45"))
        self.signing_key_edit = QLineEdit()
        self.signing_key_edit.setPlaceholderText("ed25519:…")
        self.encryption_key_edit = QLineEdit()
        self.encryption_key_edit.setPlaceholderText("x25519:…")
        self.config_errors: dict[str, QLabel] = {}
        config_box = QGroupBox(self.tr("Cấu hình đồng bộ"))
        config_form = QFormLayout()
        config_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        config_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for field, caption, widget in (
            ("folder", self.tr("Thư &mục xuất:"), folder_box),
            ("on_close", "", self.on_close_check),
            ("times", self.tr("Tự động xuất &vào các giờ:"), self.times_edit),
            ("centre_signing_key", self.tr("Khóa &ký của trung tâm:"), self.signing_key_edit),
            ("centre_encryption_key", self.tr("Khóa mã hóa của tr&ung tâm:"), self.encryption_key_edit),
        ):
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.config_errors[field] = error
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(widget)
            cell_layout.addWidget(error)
            if caption:
                label = QLabel(caption)
                label.setBuddy(self.folder_edit if widget is folder_box else widget)
                config_form.addRow(label, cell)
            else:
                config_form.addRow(cell)
        config_hint = QLabel(
            self.tr(
                "Các giờ tự động xuất ghi cách nhau bởi dấu phẩy; chương trình phải đang mở vào giờ đó. Khóa "
                "ký dùng để kiểm tra giấy xác nhận của trung tâm; khi có khóa mã hóa, gói đồng bộ được mã "
                "hóa để chỉ trung tâm đọc được. Cả hai khóa do trung tâm cung cấp."
            )
        )
        config_hint.setWordWrap(True)
        config_hint.setStyleSheet(HINT_STYLE)
        self.save_button = QPushButton(self.tr("&Lưu cấu hình"))
        self.config_message = QLabel()
        self.config_message.setWordWrap(True)
        save_row = QHBoxLayout()
        save_row.addWidget(self.config_message, 1)
        save_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        config_layout = QVBoxLayout(config_box)
        config_layout.addLayout(config_form)
        config_layout.addWidget(config_hint)
        if not session.is_admin:
            refusal = QLabel(self.tr("Chỉ quản trị viên mới thay đổi được cấu hình đồng bộ."))
            refusal.setWordWrap(True)
            config_layout.addWidget(refusal)
        config_layout.addLayout(save_row)
        self.config_box = config_box
        self._config_widgets: tuple[QWidget, ...] = (
            self.folder_edit,
            self.folder_button,
            self.on_close_check,
            self.times_edit,
            self.signing_key_edit,
            self.encryption_key_edit,
            self.save_button,
        )
        right = QVBoxLayout()
        right.addWidget(config_box)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 11)
        columns.addSpacing(12)
        columns.addLayout(right, 10)
        content = QWidget()
        content.setLayout(columns)
        content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        scroll = QScrollArea()  # a small screen still reaches every field
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        # -- behaviour --------------------------------------------------------------------------------------
        self.export_button.clicked.connect(self.export_now)
        self.ack_button.clicked.connect(lambda: self.import_ack())
        self.refresh_button.clicked.connect(self.refresh)
        self.folder_button.clicked.connect(self._choose_config_folder)
        self.save_button.clicked.connect(self.save_config)
        for edit in (self.folder_edit, self.times_edit, self.signing_key_edit, self.encryption_key_edit):
            edit.textEdited.connect(self._config_edited)
        self.on_close_check.toggled.connect(self._config_edited)
        exporter.started.connect(self._export_started)
        exporter.finished.connect(self._export_finished)
        exporter.failed.connect(self._export_failed)
        exporter.config_changed.connect(self._show_config)
        for keys, slot in (("F5", self.refresh), ("Ctrl+E", self.export_now)):
            QShortcut(QKeySequence(keys), self, slot, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._set_config_enabled()
        self._update_buttons()
        if exporter.config is not None:
            self._show_config(exporter.config)

    # -- public API ---------------------------------------------------------------------------------------

    def start(self) -> None:
        """The first load (called once the panel is shown)."""
        self.refresh()

    def refresh(self) -> None:
        """Read the sync status and configuration again (database worker)."""
        self._generation += 1
        generation = self._generation
        sync = self._session.services.sync
        self._session.run(
            lambda: (sync.status(), sync.config()),
            lambda result: self._loaded(generation, result),
            lambda exc: self._load_failed(generation, exc),
        )

    def shutdown(self) -> None:
        """Stop loading: answers still on their way are dropped (the tab or the window is closing)."""
        self._generation += 1
        for signal, slot in (
            (self._exporter.started, self._export_started),
            (self._exporter.finished, self._export_finished),
            (self._exporter.failed, self._export_failed),
            (self._exporter.config_changed, self._show_config),
        ):
            signal.disconnect(slot)

    def status(self) -> SyncStatus | None:
        """The status shown (``None`` before the first load)."""
        return self._status

    def message_text(self) -> str:
        """The line under the buttons: what the last action did, or why it did not."""
        return self.message.text()

    def export_now(self) -> None:
        """Export into the configured folder, or into one asked for when none is configured."""
        config = self._exporter.config
        if config is None or self._exporter.is_busy():
            return  # the buttons are disabled until the configuration is read, and while one export runs
        folder = Path(config.folder) if config.folder else self.ask_folder()
        if folder is None:
            return
        self._exporter.export(folder, MANUAL)

    def ask_folder(self) -> Path | None:
        """The folder dialog for an export when none is configured (tests replace this method)."""
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục để lưu gói đồng bộ"), start)
        return Path(chosen) if chosen else None

    def ask_ack_file(self) -> Path | None:
        """The open dialog for the centre's acknowledgement (tests replace this method)."""
        config = self._exporter.config
        start = (config.folder if config and config.folder else "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn giấy xác nhận của trung tâm"),
            start,
            self.tr("Giấy xác nhận (*.json *.ack);;Mọi tệp (*)"),
        )
        return Path(chosen) if chosen else None

    def import_ack(self, path: Path | None = None) -> None:
        """Take the centre's acknowledgement in ``path`` (asked for when not given)."""
        if self._importing:
            return
        config = self._exporter.config
        if config is not None and not config.centre_signing_key:
            self._show_message(self._no_centre_key_text(), ERROR_STYLE)
            return
        path = path or self.ask_ack_file()
        if path is None:
            return
        self._importing = True
        self._update_buttons()
        self._busy(self.tr("Đang kiểm tra giấy xác nhận…"))
        sync, actor = self._session.services.sync, self._session.actor
        self._session.run(lambda: sync.import_ack(path, actor), self._ack_done, self._ack_failed)

    def save_config(self) -> None:
        """Save the configuration shown (administrators; one service call)."""
        if not self._session.is_admin or self._saving:
            return
        self._clear_config_messages()
        changes: dict[str, Any] = {
            "folder": self.folder_edit.text().strip() or None,
            "on_close": self.on_close_check.isChecked(),
            "times": parse_times(self.times_edit.text()),
            "centre_signing_key": self.signing_key_edit.text().strip() or None,
            "centre_encryption_key": self.encryption_key_edit.text().strip() or None,
        }
        sync, actor = self._session.services.sync, self._session.actor

        def configure() -> SyncConfig:  # on the worker
            # The service checks every key but does not say which field a bad one is in: ask the same
            # parsers first, so the message goes next to its field. The service's check stays the final word.
            for name, parse in (
                ("centre_signing_key", parse_public_key_text),
                ("centre_encryption_key", parse_x25519_text),
            ):
                if changes[name]:
                    try:
                        parse(changes[name])
                    except InvalidInput as exc:
                        raise exc.about(name) from None
            return sync.configure(actor, **changes)

        self._saving = True
        self._set_config_enabled()
        self._session.run(configure, self._config_saved, self._config_failed)

    def is_config_dirty(self) -> bool:
        """Whether the configuration shown holds changes not saved yet."""
        return self._config_dirty

    def config_error(self, field: str) -> str:
        """The error shown next to a configuration field ("" when none)."""
        label = self.config_errors[field]
        return label.text() if not label.isHidden() else ""

    def ago_text(self, moment: datetime, at: datetime) -> str:
        """How long before ``at`` the ``moment`` was, in words."""
        minutes = int((at - moment).total_seconds() // 60)
        if minutes < 1:
            return self.tr("vừa xong")
        if minutes < 60:
            return self.tr("%n phút trước", "", minutes)
        if minutes < 24 * 60:
            return self.tr("%n giờ trước", "", minutes // 60)
        return self.tr("%n ngày trước", "", minutes // (24 * 60))

    # -- status -------------------------------------------------------------------------------------------

    def _loaded(self, generation: int, result: tuple[SyncStatus, SyncConfig]) -> None:
        if generation != self._generation:
            return
        status, config = result
        self._exporter.set_config(config)  # shown through config_changed
        self._show_status(status)
        self.loaded.emit(status)

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._show_failure(exc, self.tr("Không đọc được tình trạng đồng bộ: {0}"))

    def _show_status(self, status: SyncStatus) -> None:
        self._status = status
        at = now()
        self.unsynced_files.setText(number_text(status.unsynced_files))
        self.unsynced_other.setText(counts_text(status.unsynced, leave_out="files") or self.tr("Không có"))
        if status.oldest_pending is None:
            self.oldest_pending.setText(self.tr("Không có: mọi thay đổi đã được trung tâm xác nhận"))
        else:
            self.oldest_pending.setText(
                f"{_when(status.oldest_pending)} ({self.ago_text(status.oldest_pending, at)})"
            )
        if status.last_export_at is None:
            self.last_export.setText(self.tr("Chưa xuất lần nào"))
        else:
            self.last_export.setText(
                self.tr("{0} ({1})\n{2}").format(
                    _when(status.last_export_at),
                    self.ago_text(status.last_export_at, at),
                    status.last_export_path or "",
                )
            )
        if status.last_ack_at is None:
            self.last_ack.setText(self.tr("Chưa nhận xác nhận nào"))
        else:
            self.last_ack.setText(
                self.tr("{0} ({1}): trung tâm đã nhận đến thay đổi số {2} (máy này có {3})").format(
                    _when(status.last_ack_at),
                    self.ago_text(status.last_ack_at, at),
                    number_text(status.acked_seq),
                    number_text(status.last_seq),
                )
            )
        if status.resend_objects:
            self.resend.setText(
                self.tr(
                    "%n giấy tờ trung tâm báo thiếu, sẽ được gửi kèm lần xuất tới", "", status.resend_objects
                )
            )
        else:
            self.resend.setText(self.tr("Không có"))
        if status.last_error:
            when = _when(status.last_error_at) + ": " if status.last_error_at else ""
            self.last_error.setText(when + status.last_error)
            self.last_error.setStyleSheet(LAST_ERROR_STYLE)
        else:
            self.last_error.setText(self.tr("Không có"))
            self.last_error.setStyleSheet("")

    # -- exporting ----------------------------------------------------------------------------------------

    def _export_started(self, kind: str) -> None:
        self._update_buttons()
        if kind == SCHEDULED:
            self._busy(self.tr("Đang tự động xuất gói đồng bộ theo giờ đã hẹn…"))
        else:
            self._busy(self.tr("Đang xuất gói đồng bộ…"))

    def _export_finished(self, result: ExportResult, kind: str) -> None:
        self._update_buttons()
        if result.path is None:
            self._show_message(
                self.tr(
                    "Không có thay đổi mới: mọi thay đổi đã được trung tâm xác nhận, không cần xuất gói."
                ),
                OK_STYLE,
            )
        else:
            counts = counts_text(result.counts)
            text = self.tr("Đã xuất gói đồng bộ (thay đổi số {0}–{1}):\n{2}\n{3}").format(
                number_text(result.seq_from), number_text(result.seq_to), result.path, counts
            )
            if result.encrypted:
                text += "\n" + self.tr("Gói đã được mã hóa: chỉ trung tâm đọc được.")
            self._show_message(text, OK_STYLE)
        self.refresh()
        if kind == MANUAL:
            self.exported.emit(result)

    def _export_failed(self, exc: BaseException, kind: str) -> None:
        self._update_buttons()
        self.refresh()  # the failure was remembered: the status shows it
        text = failure_text(exc, self._exporter.folder())
        self._show_message(self.tr("Không xuất được gói đồng bộ: {0}").format(text), ERROR_STYLE)
        if kind == MANUAL and not isinstance(exc, DomainError):
            show_crash(self, details_of(exc))  # a bug; unattended exports only say it here and in the status
        self.failed.emit(exc)

    # -- the centre's acknowledgement ---------------------------------------------------------------------

    def _ack_done(self, result: AckResult) -> None:
        self._importing = False
        self._update_buttons()
        text = self.tr(
            "Đã nhận xác nhận của trung tâm: trung tâm đã có các thay đổi đến số {0} (trước đó {1}); "
            "%n gói đã xuất được xác nhận.",
            "",
            result.exports_acknowledged,
        ).format(number_text(result.acked_seq), number_text(result.previous_seq))
        if result.missing_objects:
            text += "\n" + self.tr(
                "%n giấy tờ trung tâm báo thiếu sẽ được gửi lại trong lần xuất tới.",
                "",
                len(result.missing_objects),
            )
        self._show_message(text, OK_STYLE)
        self.refresh()
        self.ack_imported.emit(result)

    def _ack_failed(self, exc: BaseException) -> None:
        self._importing = False
        self._update_buttons()
        if isinstance(exc, NotInitialised):
            self._show_message(self._no_centre_key_text(), ERROR_STYLE)
            self.failed.emit(exc)
            return
        self._show_failure(exc, self.tr("Không nhận được giấy xác nhận: {0}"))

    def _no_centre_key_text(self) -> str:
        return self.tr(
            "Chưa có khóa ký của trung tâm nên chưa kiểm tra được giấy xác nhận: quản trị viên cần nhập khóa "
            "này (do trung tâm cung cấp) trong phần Cấu hình đồng bộ."
        )

    # -- configuration ------------------------------------------------------------------------------------

    def _show_config(self, config: SyncConfig) -> None:
        if self._config_dirty or self._saving:
            return  # what the administrator is typing stays
        self.folder_edit.setText(config.folder or "")
        self.on_close_check.blockSignals(True)
        self.on_close_check.setChecked(config.on_close)
        self.on_close_check.blockSignals(False)
        self.times_edit.setText(", ".join(config.times))
        self.signing_key_edit.setText(config.centre_signing_key or "")
        self.encryption_key_edit.setText(config.centre_encryption_key or "")
        for edit in (self.folder_edit, self.signing_key_edit, self.encryption_key_edit):
            edit.setCursorPosition(0)  # a long path or key shows its beginning
        self._update_buttons()

    def _config_edited(self, *_args: object) -> None:
        self._config_dirty = True
        self.config_message.clear()

    def _choose_config_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục xuất gói đồng bộ"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(str(Path(chosen)))
            self._config_edited()

    def _config_saved(self, config: SyncConfig) -> None:
        self._saving = False
        self._config_dirty = False
        self._set_config_enabled()
        self._exporter.set_config(config)
        self.config_message.setStyleSheet(OK_STYLE)
        self.config_message.setText(self.tr("Đã lưu cấu hình đồng bộ."))
        self.config_saved.emit(config)

    def _config_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._set_config_enabled()
        if not isinstance(exc, DomainError):
            show_crash(self, details_of(exc))
            return
        field = exc.params.get("field")
        texts = {
            "times": self.tr("Giờ “{0}” không đúng dạng giờ:phút (ví dụ 16:30).").format(
                exc.params.get("value", "")
            ),
            "centre_signing_key": self.tr(
                "Khóa ký của trung tâm không đúng: cần “ed25519:” và 44 ký tự, như trung tâm cung cấp."
            ),
            "centre_encryption_key": self.tr(
                "Khóa mã hóa của trung tâm không đúng: cần “x25519:” và 44 ký tự, như trung tâm cung cấp."
            ),
        }
        if isinstance(exc, InvalidInput) and isinstance(field, str) and field in texts:
            label = self.config_errors[field]
            label.setText(texts[field])
            label.show()
        else:
            self.config_message.setStyleSheet(ERROR_STYLE)
            self.config_message.setText(describe_error(exc))
        self.failed.emit(exc)

    def _clear_config_messages(self) -> None:
        self.config_message.clear()
        for label in self.config_errors.values():
            label.clear()
            label.hide()

    def _set_config_enabled(self) -> None:
        editable = self._session.is_admin and not self._saving
        for widget in self._config_widgets:
            widget.setEnabled(editable)

    # -- the message line ---------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        ready = self._exporter.config is not None
        self.export_button.setEnabled(ready and not self._exporter.is_busy())
        self.ack_button.setEnabled(ready and not self._importing)

    def _busy(self, text: str) -> None:
        self.progress.show()
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.message.show()

    def _show_message(self, text: str, style: str) -> None:
        self.progress.setVisible(self._exporter.is_busy() or self._importing)
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.show()

    def _show_failure(self, exc: BaseException, template: str) -> None:
        """A refusal in the message line; a bug in the crash dialog."""
        if isinstance(exc, DomainError):
            self._show_message(template.format(describe_error(exc)), ERROR_STYLE)
        else:
            self._show_message(template.format(f"{type(exc).__name__}: {exc}"), ERROR_STYLE)
            show_crash(self, details_of(exc))
        self.failed.emit(exc)

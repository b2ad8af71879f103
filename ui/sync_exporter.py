"""The automatic sync export: every bundle written by this workstation, whoever asks for it.

One :class:`SyncExporter`, owned by the main window, runs the exports one at a time on the database worker
(the service reads a snapshot and records the bundle) and remembers a failure with ``record_error`` before
reporting it; the sync panel's button asks it, and so does the window itself, as the sync configuration
says: once at each configured time of day (a timer looks every minute; a failure is remembered and said in
the status bar through :attr:`SyncExporter.notice`, never in a box that would wait on an unattended PC), and
before closing or logging out when "on close" is set and a folder is configured (a short wait, the export
on the database worker; if it fails the user is told and still leaves). :func:`due_export_time` is the
schedule's rule, kept free of Qt and clocks so it is tested alone.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from records.clock import now
from records.errors import DomainError
from records.services.sync import ExportResult, SyncConfig
from ui.errors import details_of, show_crash
from ui.labels import describe_error
from ui.session import UiSession

# Who asked for an export: the panel's button, the closing window, or a configured time of day.
MANUAL, ON_EXIT, SCHEDULED = "manual", "exit", "scheduled"

SCHEDULE_CHECK_MS = 60_000  # the configured export times are looked at once a minute


def due_export_time(times: Iterable[str], moment: datetime, since: datetime) -> str | None:
    """The configured time of day (``"HH:MM"``) that came round after ``since`` and at or before ``moment``
    (the latest, when several did: one export covers them all), or ``None``.

    ``since`` is when the schedule was last looked at (the window's start at first, so a time missed while
    the application was closed does not fire on opening). Both are aware datetimes in Vietnam's civil
    time, the clock the configured times are read on; a span across midnight works, and an unreadable
    time is skipped (the service refuses to store one)."""
    if moment <= since:
        return None
    best: tuple[datetime, str] | None = None
    day = since.date()
    while day <= moment.date():
        for text in times:
            try:
                at = datetime.strptime(text.strip(), "%H:%M").time()  # as the service reads it
            except ValueError:
                continue
            occurrence = datetime.combine(day, at, tzinfo=moment.tzinfo)
            if since < occurrence <= moment and (best is None or occurrence > best[0]):
                best = (occurrence, at.strftime("%H:%M"))
        day += timedelta(days=1)
    return best[1] if best else None


def failure_text(exc: BaseException, folder: Path | None = None) -> str:
    """What is remembered (``record_error``) and shown about an export into ``folder`` that failed: the
    sentence for an expected refusal (and the folder); the exception's own words for a bug."""
    if not isinstance(exc, DomainError):
        return f"{type(exc).__name__}: {exc}"
    if folder is None:
        return describe_error(exc)
    where = QCoreApplication.translate("SyncExporter", "Thư mục xuất: {0}").format(folder)
    return f"{describe_error(exc)}\n{where}"


class SyncExporter(QObject):
    """Exports one at a time on the database worker, for whoever asks (the panel, closing, the schedule);
    keeps the last sync configuration read so the window can decide at once whether closing exports."""

    started = Signal(str)  # the kind of export (MANUAL, ON_EXIT, SCHEDULED)
    finished = Signal(object, str)  # the ExportResult (its path None: nothing new) and the kind
    failed = Signal(object, str)  # the exception and the kind (failure_text was remembered: record_error)
    config_changed = Signal(object)  # the SyncConfig just read or saved
    notice = Signal(str)  # a line for the window's status bar: the schedule's outcome, an unreadable config

    def __init__(self, session: UiSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._busy = False
        self._closed = False
        self._folder: Path | None = None
        self.config: SyncConfig | None = None  # None until read
        self.schedule_checked_at: datetime = now()  # the scheduled times after this one are still to come
        self._schedule_timer = QTimer(self)
        self._schedule_timer.setInterval(SCHEDULE_CHECK_MS)
        self._schedule_timer.timeout.connect(lambda: self.check_schedule())
        self._scheduled_time = ""
        self._leave: Callable[[], object] | None = None  # closing or logging out, once the export is done
        self._left_exported = False
        self._window: QWidget | None = None  # the window waiting to leave (the dialogs' parent)
        self.leave_dialog: QProgressDialog | None = None
        # connected first: the window leaves before anyone else hears of the export it waited for
        self.finished.connect(self._export_finished)
        self.failed.connect(self._export_failed)

    def is_busy(self) -> bool:
        """Whether an export is on its way."""
        return self._busy

    def set_config(self, config: SyncConfig) -> None:
        """Remember the configuration just read or saved."""
        if self._closed:
            return
        self.config = config
        self.config_changed.emit(config)

    def load_config(self, on_error: Callable[[BaseException], None]) -> None:
        """Read the configuration (database worker); ``on_error`` hears why it could not be read."""

        def failed(exc: BaseException) -> None:
            if not self._closed:
                on_error(exc)

        self._session.run(self._session.services.sync.config, self.set_config, failed)

    def start(self) -> None:
        """Read the configuration and start looking at the schedule (the window is shown)."""
        self.load_config(self._config_unreadable)
        self.schedule_checked_at = now()
        self._schedule_timer.start()

    def export(self, folder: Path, kind: str) -> bool:
        """Write a bundle into ``folder`` on the database worker; ``False`` (nothing started) while another
        export is on its way."""
        if self._busy or self._closed:
            return False
        self._busy = True
        sync, actor = self._session.services.sync, self._session.actor

        def export_or_remember() -> ExportResult:  # on the worker
            try:
                return sync.export(folder, actor=actor)
            except Exception as exc:
                try:
                    sync.record_error(failure_text(exc, folder))
                except Exception:  # the store itself failing: the export's own error is the one to report
                    sys.stderr.write(details_of(exc))
                raise

        self._folder = folder
        self._session.run(export_or_remember, lambda r: self._done(r, kind), lambda e: self._failed(e, kind))
        self.started.emit(kind)
        return True

    def folder(self) -> Path | None:
        """The folder of the export on its way (or of the last one)."""
        return self._folder

    def close(self) -> None:
        """The window is going: the schedule stops and answers still on their way are dropped (the export
        itself still ends, and a failure is still remembered, on the worker)."""
        self._closed = True
        self._schedule_timer.stop()

    def _done(self, result: ExportResult, kind: str) -> None:
        self._busy = False
        if not self._closed:
            self.finished.emit(result, kind)

    def _failed(self, exc: BaseException, kind: str) -> None:
        self._busy = False
        if not self._closed:
            self.failed.emit(exc, kind)

    # -- at the configured times of day -------------------------------------------------------------------

    def check_schedule(self, moment: datetime | None = None) -> None:
        """Export if a configured time of day came round since the last look (the timer calls this every
        minute). The configuration is read afresh, so a change made elsewhere counts."""
        moment = moment or now()
        since, self.schedule_checked_at = self.schedule_checked_at, moment
        self._session.run(
            self._session.services.sync.config,
            lambda config: self._schedule_config_read(config, moment, since),
            lambda exc: None if self._closed else self._config_unreadable(exc),
        )

    def _config_unreadable(self, exc: BaseException) -> None:
        self.notice.emit(self.tr("Không đọc được cấu hình đồng bộ: {0}").format(failure_text(exc)))

    def _schedule_config_read(self, config: SyncConfig, moment: datetime, since: datetime) -> None:
        if self._closed:
            return
        self.set_config(config)
        due = due_export_time(config.times, moment, since)
        if due is None or self.is_busy():
            return  # an export already on its way carries the same changes
        self._scheduled_time = due
        if not config.folder:
            text = self.tr(
                "Đến giờ tự động xuất gói đồng bộ ({0}) nhưng chưa chọn thư mục xuất: quản trị viên cần chọn "
                "trong màn hình Đồng bộ (F8)."
            ).format(due)
            self._session.run(lambda: self._session.services.sync.record_error(text))
            self.notice.emit(text)
            return
        self.export(Path(config.folder), SCHEDULED)

    def _scheduled_failure(self, exc: BaseException) -> None:
        self.notice.emit(
            self.tr(
                "Tự động xuất gói đồng bộ lúc {0} không thành công: {1} Xem màn hình Đồng bộ (F8)."
            ).format(self._scheduled_time, failure_text(exc, self.folder()).replace("\n", " "))
        )

    def _export_finished(self, result: ExportResult, kind: str) -> None:
        if kind == SCHEDULED:
            if result.path is None:
                text = self.tr("Tự động xuất lúc {0}: không có thay đổi mới.").format(self._scheduled_time)
            else:
                text = self.tr("Đã tự động xuất gói đồng bộ lúc {0}: {1}").format(
                    self._scheduled_time, result.path
                )
            self.notice.emit(text)
        self._leave_now()

    def _export_failed(self, exc: BaseException, kind: str) -> None:
        if kind == SCHEDULED:
            self._scheduled_failure(exc)
        if self._leave is None:
            return
        if self.leave_dialog is not None:
            self.leave_dialog.hide()
        if isinstance(exc, DomainError):
            QMessageBox.warning(
                self._window,
                self.tr("Chưa xuất được gói đồng bộ"),
                failure_text(exc, self.folder())
                + "\n\n"
                + self.tr(
                    "Lỗi đã được ghi lại. Các thay đổi vẫn được giữ trên máy này: hãy xuất lại từ màn hình "
                    "Đồng bộ (F8) ở lần làm việc sau."
                ),
            )
        else:
            show_crash(self._window, details_of(exc))
        self._leave_now()

    # -- before closing or logging out --------------------------------------------------------------------

    def export_before_leaving(self, leave: Callable[[], object], window: QWidget) -> bool:
        """Start the export asked for on closing (``on_close`` and a folder configured) and ``leave`` once it
        is done, a dialog over ``window`` saying so; ``False`` when there is nothing to wait for."""
        if self._leave is not None:
            return True  # already waiting: a second "close" waits too
        config = self.config
        if self._left_exported or self._closed or config is None or not config.on_close or not config.folder:
            return False
        self._leave = leave
        self._window = window
        if not self.is_busy():  # else the export on its way (same folder, same changes) is awaited
            self.export(Path(config.folder), ON_EXIT)
        dialog = QProgressDialog(
            self.tr("Đang xuất gói đồng bộ vào {0} trước khi đóng…").format(config.folder),
            self.tr("Không chờ"),
            0,
            0,
            window,
        )
        dialog.setWindowTitle(self.tr("Đồng bộ"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # "Không chờ" (or Esc): leave now; the export still ends on the worker before the program does.
        dialog.canceled.connect(self._leave_now)
        dialog.rejected.connect(self._leave_now)
        self.leave_dialog = dialog
        dialog.show()
        return True

    def is_waiting_to_leave(self) -> bool:
        """Whether closing or logging out waits for the export on its way."""
        return self._leave is not None

    def _leave_now(self) -> None:
        leave, self._leave = self._leave, None
        if leave is None:
            return
        self._left_exported = True
        dialog, self.leave_dialog = self.leave_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self._leave_now)
            dialog.rejected.disconnect(self._leave_now)
            dialog.hide()
            dialog.deleteLater()
        leave()

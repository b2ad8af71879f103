"""Small helpers shared by the UI tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QMessageBox

from records.clock import VIETNAM_TZ
from records.files import FileSummary
from records.workflow import Status

WAIT_MS = 15_000  # generous for a slow CI machine; only reached when something is broken


def summaries(prefix: str, count: int) -> list[FileSummary]:
    """``count`` made-up list rows whose codes start with ``prefix``."""
    base = datetime(2026, 3, 2, 8, 0, tzinfo=VIETNAM_TZ)
    return [
        FileSummary(
            id=f"{prefix}-{n}",
            code=f"{prefix}-{n:04d}",
            status=Status.RECEIVED,
            procedure_code="1.001193",
            procedure_name="Đăng ký khai sinh",
            owner_name="Nguyễn Văn An",
            owner_id_number="001099012345",
            received_at=base + timedelta(minutes=n),
            due_at=base + timedelta(days=1),
            finished_at=None,
            timing="on_track",
        )
        for n in range(count)
    ]


@contextmanager
def qt_messages(category: str) -> Iterator[list[str]]:
    """The Qt log messages of ``category`` (e.g. ``qt.modeltest``) emitted inside the block."""
    seen: list[str] = []

    def handler(_kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if context.category == category:
            seen.append(message)
        elif previous is not None:
            previous(_kind, context, message)

    previous = qInstallMessageHandler(handler)
    try:
        yield seen
    finally:
        qInstallMessageHandler(previous)


class MessageBoxes:
    """``QMessageBox.warning``, recorded as (title, text) instead of shown (the ``boxes`` fixture)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def warning(self, _parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        self.shown.append((title, text))
        return QMessageBox.StandardButton.Ok

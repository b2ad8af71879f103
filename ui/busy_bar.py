"""The small "working…" bar of a status line: indeterminate, slim, hidden until work starts."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar


def busy_bar() -> QProgressBar:
    """A hidden, indeterminate progress bar sized for a line of status text."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setMaximumWidth(160)
    bar.setMaximumHeight(14)
    bar.setTextVisible(False)
    bar.hide()
    return bar

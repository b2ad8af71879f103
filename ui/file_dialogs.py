"""The save dialog every export uses: the chosen file, with the format's extension added when the user
typed a name without it (``register`` → ``register.xlsx``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget, title: str, default: Path, file_filter: str, suffix: str) -> Path | None:
    """Ask where to save; None when cancelled. ``suffix`` is the format's extension (``".zip"``)."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(default), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

"""This workstation's preferences: window geometry and the last choices, declared once.

Kept in ``desktop.ini`` in the data folder (an INI file, so it travels with the data folder and a test's
throw-away folder isolates it), apart from the domain configuration that lives in the database and syncs
(agency, catalogue, holidays). Each option is declared once with its key, type and default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, int, bool)

FILE_NAME = "desktop.ini"


@dataclass(frozen=True)
class Option(Generic[T]):
    """One preference: where it is kept, its type and its default."""

    key: str
    kind: type[T]
    default: T


LAST_USER = Option("login/last_user", str, "")
AGENCY_NAME_SEEN = Option("login/agency_name", str, "")  # shown by the login before the store is open
LANGUAGE = Option("ui/language", str, "vi")  # "vi" or "en"; MOTCUA_LANG overrides it
LAST_PAGE = Option("ui/last_page", str, "intake")
LAST_PROCEDURE = Option("intake/last_procedure", str, "")
RETURN_METHOD = Option("intake/return_method", str, "counter")
DIGITIZE_CHECK = Option("intake/digitize_check", bool, True)  # the gate: papers digitized before the receipt
PRINT_DESTINATION = Option("print/destination", str, "preview")  # preview, printer or folder
PRINTER_NAME = Option("print/printer", str, "")  # empty: the system's default printer
RECEIPT_PAPER = Option("print/receipt_paper", str, "a4")  # a4, a5 or 80mm (printing.receipt's paper names)
RECEIPT_COPIES = Option("print/receipt_copies", int, 1)  # 1 or 2 (liên)
PDF_FOLDER = Option("print/folder", str, "")  # where the "folder" destination writes; default: data/printouts
EXPORT_FOLDER = Option("export/folder", str, "")  # the last folder an Excel register was saved to
FILES_FILTERS = Option("files/filters", str, "")  # the file list's last filters, as JSON
IDLE_LOCK_MINUTES = Option("session/idle_lock_minutes", int, 10)  # lock the screen when idle; 0: never


class Preferences:
    """Typed access to the preferences file."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._settings = QSettings(str(data_dir / FILE_NAME), QSettings.Format.IniFormat)

    def get(self, option: Option[T]) -> T:
        """The option's value, or its default when unset or unreadable."""
        value: Any = self._settings.value(option.key, option.default)
        try:
            if option.kind is bool:
                flag = value if isinstance(value, bool) else str(value).lower() in ("1", "true")
                return flag  # type: ignore[return-value]
            return option.kind(value)
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        """Remember ``value`` for ``option``."""
        self._settings.setValue(option.key, value)

    def geometry(self, name: str) -> QByteArray | None:
        """A window's saved geometry (``QWidget.saveGeometry``), if any."""
        value = self._settings.value(f"geometry/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        """Remember a window's geometry."""
        self._settings.setValue(f"geometry/{name}", value)

    def state(self, name: str) -> QByteArray | None:
        """A saved widget state (a splitter's sizes, a table header's columns)."""
        value = self._settings.value(f"state/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, name: str, value: QByteArray) -> None:
        """Remember a widget's state."""
        self._settings.setValue(f"state/{name}", value)

    def pdf_folder(self) -> Path:
        """Where printouts sent to a folder go."""
        chosen = self.get(PDF_FOLDER)
        return Path(chosen) if chosen else self.data_dir / "printouts"

    def sync(self) -> None:
        """Write the file now (it is also written when the application ends)."""
        self._settings.sync()

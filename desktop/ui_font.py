"""The UI font shipped with the application (Liberation Sans, SIL OFL; licence in resources/fonts).

Counters' PCs and minimal Linux installations may lack a font with every Vietnamese letter; the bundled
font makes "Nguyễn Thị Phượng" render the same everywhere, and keeps the layout's metrics predictable.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

import resources

UI_FONT_FILES = (
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf",
)
UI_FONT_POINT_SIZE = 10


def install(app: QApplication) -> str | None:
    """Register the bundled font and make it the application's default; returns its family (``None`` when
    the files cannot be loaded, and the system font stays)."""
    family: str | None = None
    for name in UI_FONT_FILES:
        data = resources.path("fonts", name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and family is None:
            family = families[0]
    if family is not None:
        font = QFont(family, UI_FONT_POINT_SIZE)
        app.setFont(font)
    return family

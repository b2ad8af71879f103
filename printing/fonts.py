"""The printed face: Liberation Serif 2.1.5, metric-compatible with Times New Roman (the official face of
NĐ 30/2020), shipped in ``resources/fonts`` with its licence (SIL OFL 1.1) and embedded in every PDF.

Liberation Serif 2.x covers every precomposed Vietnamese letter; Debian's old 1.07 lacks 97 of them, which
is why the font is shipped instead of taken from the system. Layouts name faces by role (``regular``,
``bold``, ``italic``, ``bolditalic``); this module maps roles to registered font names, registers them once,
and measures text for line breaking.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import resources

FAMILY = "MotCuaSerif"
FACES: dict[str, tuple[str, str]] = {
    "regular": (FAMILY, "LiberationSerif-Regular.ttf"),
    "bold": (f"{FAMILY}-Bold", "LiberationSerif-Bold.ttf"),
    "italic": (f"{FAMILY}-Italic", "LiberationSerif-Italic.ttf"),
    "bolditalic": (f"{FAMILY}-BoldItalic", "LiberationSerif-BoldItalic.ttf"),
}
LICENCE_FILE = "LICENSE-Liberation.txt"

_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the four faces with reportlab (once per process; safe from several threads)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file_name in FACES.values():
            with resources.path("fonts", file_name).open("rb") as handle:
                pdfmetrics.registerFont(TTFont(name, handle))
        for bold, italic, role in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"), (1, 1, "bolditalic")):
            addMapping(FAMILY, bold, italic, FACES[role][0])
        _registered = True


def font_name(role: str) -> str:
    """The registered font name of a face role (``regular``, ``bold``, ``italic``, ``bolditalic``)."""
    register()
    return FACES[role][0]


@lru_cache(maxsize=65536)
def text_width(text: str, role: str, size: float) -> float:
    """The width of ``text`` in points, in face ``role`` at ``size`` points (cached: forms repeat words)."""
    return float(pdfmetrics.stringWidth(text, font_name(role), size))


def missing_glyphs(text: str, role: str = "regular") -> set[str]:
    """The characters of ``text`` the face cannot draw (none for any Vietnamese text)."""
    register()
    face = pdfmetrics.getFont(font_name(role)).face
    return {
        ch
        for ch in unicodedata.normalize("NFC", text)
        if not ch.isspace() and ord(ch) not in face.charToGlyph
    }

"""Vietnamese text: NFC normalisation and diacritic folding for search.

Everything that enters the store goes through :func:`nfc`; everything searched goes through :func:`fold`
on both sides, so "Nguyễn Văn Đức", "nguyen van duc" and "NGUYEN VAN DUC" meet.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own, not d with a combining mark: NFD leaves them whole.
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(text: str) -> str:
    """The NFC form of ``text`` with its outer whitespace stripped and inner runs folded to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str) -> str:
    """Lower-case ``text`` without diacritics (đ -> d), for search keys: "Đặng Thị Ánh" -> "dang thi anh"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS_WITHOUT_DECOMPOSITION))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def optional_nfc(text: str | None) -> str | None:
    """:func:`nfc` for optional fields: ``None`` and blank text both become ``None``."""
    if text is None:
        return None
    cleaned = nfc(text)
    return cleaned or None

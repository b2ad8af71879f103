"""Package data: fonts, translations, the seed procedure catalogue and the holiday tables."""

from __future__ import annotations

from importlib import resources as _resources
from importlib.abc import Traversable


def path(*parts: str) -> Traversable:
    """A traversable for a file shipped in this package, e.g. ``path("catalog", "procedures.json")``."""
    node = _resources.files(__name__)
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    """The UTF-8 text of a shipped file."""
    return path(*parts).read_text(encoding="utf-8")

"""Reading the national portal's coded values (channel, applicant kind) from JSON or the command line."""

from __future__ import annotations

from enum import IntEnum
from typing import TypeVar

from records.errors import InvalidInput

E = TypeVar("E", bound=IntEnum)


def parse_coded(cls: type[E], value: object, message: str) -> E:
    """A member of ``cls`` from its national code (``2`` or ``"2"``) or its name (``"online"``);
    otherwise :class:`InvalidInput` with ``message``."""
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        try:
            return cls(int(value))
        except ValueError:
            pass
    elif isinstance(value, str) and value.strip().upper() in cls.__members__:
        return cls[value.strip().upper()]
    raise InvalidInput(message, value=str(value))

"""The working calendar: office hours, weekends, holidays, make-up working days, and due dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Literal

ProcessingKind = Literal["working_days", "working_hours", "same_day"]


@dataclass(frozen=True)
class ProcessingTime:
    """A procedure's statutory processing time.

    ``working_days``: ``amount`` working days; the day of receipt is not counted and the file is due at the
    close of the ``amount``-th working day after it. ``working_hours``: ``amount`` hours of the office clock
    from the moment of receipt. ``same_day``: due at the close of the day of receipt when received before
    ``cutoff`` on a working day, otherwise at the close of the next working day.
    """

    kind: ProcessingKind
    amount: float = 0
    cutoff: time = time(15, 0)

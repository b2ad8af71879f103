"""The status workflow of a file, on the national portal's codes (``TrangThaiHoSo``).

Only the transitions in :data:`TRANSITIONS` are legal. A supplement request stops the processing clock;
a complete re-submission (leaving ``supplement_requested`` for ``received`` or ``in_progress``) restarts
it from zero. ``refused``, ``withdrawn``, ``stopped`` and ``returned`` end a file.
"""

from __future__ import annotations

from enum import IntEnum

from records.errors import InvalidInput, InvalidTransition


class Status(IntEnum):
    """A file's handling status; the value is the national code."""

    RECEIVED = 2  # Được tiếp nhận
    REFUSED = 3  # Không được tiếp nhận
    IN_PROGRESS = 4  # Đang xử lý
    SUPPLEMENT_REQUESTED = 5  # Yêu cầu bổ sung giấy tờ
    AWAITING_PAYMENT = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWN = 7  # Công dân yêu cầu rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    RESULT_READY = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả

    @property
    def slug(self) -> str:
        """The stable lower-case name used on the command line and in JSON: ``received``, ``returned``."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str | int) -> Status:
        """A status from its name (``in_progress``, ``in-progress``) or its national code (``4``)."""
        if isinstance(text, int) or str(text).strip().isdigit():
            try:
                return cls(int(text))
            except ValueError:
                pass
        else:
            key = str(text).strip().upper().replace("-", "_").replace(" ", "_")
            if key in cls.__members__:
                return cls[key]
        names = ", ".join(f"{s.slug}({s.value})" for s in cls)
        raise InvalidInput(f"unknown status {text!r}; one of: {names}", value=str(text))


# Statuses a new file can be registered in: accepted, incomplete at the counter (Mẫu 02), refused (Mẫu 03).
INITIAL_STATUSES = frozenset({Status.RECEIVED, Status.SUPPLEMENT_REQUESTED, Status.REFUSED})

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset(
        {
            Status.IN_PROGRESS,
            Status.SUPPLEMENT_REQUESTED,
            Status.AWAITING_PAYMENT,
            Status.REFUSED,
            Status.WITHDRAWN,
            Status.STOPPED,
            Status.RESULT_READY,  # a result given on the spot
        }
    ),
    Status.IN_PROGRESS: frozenset(
        {
            Status.SUPPLEMENT_REQUESTED,
            Status.AWAITING_PAYMENT,
            Status.WITHDRAWN,
            Status.STOPPED,
            Status.RESULT_READY,
        }
    ),
    Status.SUPPLEMENT_REQUESTED: frozenset(
        {Status.RECEIVED, Status.IN_PROGRESS, Status.WITHDRAWN, Status.STOPPED}
    ),
    Status.AWAITING_PAYMENT: frozenset(
        {Status.IN_PROGRESS, Status.RESULT_READY, Status.WITHDRAWN, Status.STOPPED}
    ),
    Status.RESULT_READY: frozenset({Status.RETURNED}),
    Status.REFUSED: frozenset(),
    Status.WITHDRAWN: frozenset(),
    Status.STOPPED: frozenset(),
    Status.RETURNED: frozenset(),
}

FINAL_STATUSES = frozenset(s for s, targets in TRANSITIONS.items() if not targets)
# Statuses in which the processing clock runs (the file can become overdue).
CLOCK_RUNNING = frozenset({Status.RECEIVED, Status.IN_PROGRESS, Status.AWAITING_PAYMENT})
# Statuses that mean the agency's processing is finished (its on-time result is settled).
PROCESSING_DONE = frozenset({Status.RESULT_READY, Status.RETURNED})


def check_transition(current: Status, target: Status) -> None:
    """Refuse a status change the workflow does not allow, naming what is allowed instead."""
    allowed = TRANSITIONS[current]
    if target not in allowed:
        options = ", ".join(s.slug for s in sorted(allowed)) or "none (the file is closed)"
        raise InvalidTransition(
            f"a file in status {current.slug} cannot go to {target.slug}; allowed: {options}",
            current=current.slug,
            target=target.slug,
        )


def restarts_clock(current: Status, target: Status) -> bool:
    """Whether this transition is the complete re-submission after a supplement request."""
    return current is Status.SUPPLEMENT_REQUESTED and target in (Status.RECEIVED, Status.IN_PROGRESS)


def stops_clock(target: Status) -> bool:
    """Whether entering ``target`` stops the processing clock (the due date is suspended)."""
    return target is Status.SUPPLEMENT_REQUESTED


def can_extend(status: Status) -> bool:
    """Whether a file in ``status`` may have its due date moved (it is still being processed)."""
    return status in CLOCK_RUNNING

"""Agency codes and file codes (mã hồ sơ), allocated offline without collisions between workstations.

A file code is ``<agency code>-<YYMMDD>-<NNNN>`` by default: the receiving agency's electronic code, the
local date of receipt, and a sequence number of at least four digits that starts again every day.

Several workstations of one commune register files at the same time, often offline, so no workstation can
ask another for the next number. Each draws from **its own ranges**: the day's numbers are cut into blocks
of ``block_size`` (default 1,000); block ``b`` holds ``b*block_size + 1 … (b+1)*block_size``. Workstation
``K`` (1 … ``max_workstations``) owns blocks ``K-1``, ``K-1 + W``, ``K-1 + 2W`` … where ``W`` is
``max_workstations`` (default 9). So workstation 1 numbers 0001–1000, workstation 2 1001–2000, …,
workstation 9 8001–9000; a workstation that hands out more than 1,000 codes in a day moves on to its next
block (workstation 1: 9001–10000, workstation 2: 10001–11000 …, shown with five digits). Two
workstations can never produce the same code, and workstation 1 starts at 0001 as a single-desk commune
expects. The full description, with the reasons, is in ``docs/file-codes.md``.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date

from records.errors import InvalidAgencyCode, InvalidInput

# QCVN 102:2016: ddd.dd.dd.Mdd (e.g. 000.17.22.H56); QĐ 20/2020: grows from a level-1 code Mdd (H55.242).
_LEGACY_AGENCY = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
_QD20_AGENCY = re.compile(r"^[A-Z]\d{2}(\.[0-9A-Z]+)*$")
_AGENCY_CHARS = re.compile(r"^[0-9A-Z.]{1,35}$")
_TEMPLATE_FIELDS = frozenset({"agency", "yymmdd", "seq"})


def normalise_agency_code(code: str) -> str:
    """The agency code in capitals, checked against both official forms (at most 35 characters)."""
    cleaned = code.strip()
    # ASCII first: str.upper() turns some other letters into ASCII ones ("ﬁ" -> "FI", "ı" -> "I").
    cleaned = cleaned.upper() if cleaned.isascii() else ""
    if not _AGENCY_CHARS.match(cleaned) or not (_LEGACY_AGENCY.match(cleaned) or _QD20_AGENCY.match(cleaned)):
        raise InvalidAgencyCode(
            f"{code!r} is not an agency code: expected ddd.dd.dd.Mdd (e.g. 000.17.22.H56) "
            "or a QĐ 20/2020 code such as H55.242 (at most 35 characters of 0-9, A-Z and '.')",
            field="agency_code",
            value=code,
        )
    return cleaned


@dataclass(frozen=True)
class FileCodeScheme:
    """How file codes are formed and how each workstation's numbers are reserved."""

    template: str = "{agency}-{yymmdd}-{seq}"
    min_digits: int = 4
    block_size: int = 1000
    max_workstations: int = 9

    def __post_init__(self) -> None:
        if self.block_size < 1 or self.max_workstations < 1 or self.min_digits < 1:
            raise InvalidInput("file-code scheme numbers must be positive")
        try:
            fields = {name for _, name, _, _ in string.Formatter().parse(self.template) if name is not None}
        except ValueError as exc:  # an unmatched brace
            raise InvalidInput(f"the file-code template is malformed: {exc}", template=self.template) from exc
        unknown = fields - _TEMPLATE_FIELDS
        if unknown:
            raise InvalidInput(
                "the file-code template may only use {agency}, {yymmdd} and {seq}, "
                f"not {sorted(unknown)}",
                template=self.template,
            )
        missing = sorted(_TEMPLATE_FIELDS - fields)
        if missing:
            raise InvalidInput(
                f"the file-code template must contain {{{missing[0]}}}", template=self.template
            )
        try:
            self.template.format(agency="H56", yymmdd="000101", seq="0001")
        except (ValueError, TypeError) as exc:  # a bad format spec such as {seq:d}
            raise InvalidInput(f"the file-code template is malformed: {exc}", template=self.template) from exc

    def check_workstation(self, workstation: int) -> None:
        """Refuse a workstation number outside 1 … ``max_workstations``."""
        if not 1 <= workstation <= self.max_workstations:
            raise InvalidInput(
                f"workstation must be between 1 and {self.max_workstations}",
                field="workstation",
                workstation=workstation,
            )

    def sequence_number(self, workstation: int, nth: int) -> int:
        """The day's sequence number of the ``nth`` (1-based) code issued by ``workstation``."""
        self.check_workstation(workstation)
        if nth < 1:
            raise InvalidInput("the n-th code of the day starts at 1")
        round_, offset = divmod(nth - 1, self.block_size)
        block = round_ * self.max_workstations + (workstation - 1)
        return block * self.block_size + offset + 1

    def format(self, agency_code: str, day: date, sequence: int) -> str:
        """The file code for ``agency_code``, the local date of receipt and a sequence number."""
        return self.template.format(
            agency=agency_code, yymmdd=day.strftime("%y%m%d"), seq=str(sequence).zfill(self.min_digits)
        )

    def code_for(self, agency_code: str, workstation: int, day: date, nth: int) -> str:
        """The file code of the ``nth`` file that ``workstation`` registers on ``day``."""
        return self.format(agency_code, day, self.sequence_number(workstation, nth))

    def to_json(self) -> dict[str, object]:
        """The scheme as stored in the settings."""
        return {
            "template": self.template,
            "min_digits": self.min_digits,
            "block_size": self.block_size,
            "max_workstations": self.max_workstations,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> FileCodeScheme:
        """A scheme read back from the settings."""
        try:
            return cls(
                template=str(data.get("template", cls.template)),
                min_digits=int(str(data.get("min_digits", cls.min_digits))),
                block_size=int(str(data.get("block_size", cls.block_size))),
                max_workstations=int(str(data.get("max_workstations", cls.max_workstations))),
            )
        except ValueError as exc:
            raise InvalidInput(f"the file-code scheme setting is not valid: {exc}") from exc


_CODE_SHAPE = re.compile(r"^[0-9A-Z.]{1,35}-[0-9]{6}-[0-9]{4,}$")


def looks_like_file_code(text: str) -> bool:
    """Whether ``text`` has the default file-code shape (used to route a search to the exact lookup)."""
    return bool(_CODE_SHAPE.match(text.strip().upper()))

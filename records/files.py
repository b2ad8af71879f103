"""Files (hồ sơ): what a registration carries, and the frozen views of a stored file.

Registration input is checked here, before anything touches the store; the file service turns a checked
:class:`RegistrationRequest` into rows in one unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import Any, Literal

from records.calendar import classify_completion
from records.citizens import CitizenInput, CitizenView
from records.clock import iso, local, parse_datetime
from records.enums import parse_coded
from records.errors import InvalidInput
from records.text import nfc, optional_nfc
from records.workflow import CLOCK_RUNNING, INITIAL_STATUSES, PROCESSING_DONE, Status

ReturnMethod = Literal["counter", "post"]
Timing = Literal["paused", "on_track", "due_today", "overdue", "early", "on_time", "late", "closed"]


class Channel(IntEnum):
    """``KenhThucHien``: how the file came in."""

    IN_PERSON = 1  # trực tiếp
    ONLINE = 2  # trực tuyến
    POST = 3  # bưu chính công ích

    @classmethod
    def parse(cls, value: object) -> Channel:
        """A channel from its code (1, 2, 3) or name (``in_person``, ``online``, ``post``)."""
        return parse_coded(cls, value, f"unknown channel {value!r}; 1 in person, 2 online, 3 post")


@dataclass(frozen=True)
class DocumentInput:
    """A document received with the file and how many of each kind."""

    name: str
    code: str | None = None
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0

    @classmethod
    def from_json(cls, data: Any, index: int) -> DocumentInput:
        """One entry of ``documents``: an object with a name and counts, or just a name (one original)."""
        where = f"documents[{index}]"
        if isinstance(data, str):
            data = {"name": data, "original": 1}
        if not isinstance(data, dict):
            raise InvalidInput(f"{where} must be an object or a name", field=where)
        name = nfc(str(data.get("name") or ""))
        if not name:
            raise InvalidInput(f"{where}.name is required", field=where)
        counts = [
            _count(data, where, "original", "originals"),
            _count(data, where, "certified_copy", "certified_copies"),
            _count(data, where, "photocopy", "photocopies"),
        ]
        if sum(counts) == 0:
            raise InvalidInput(f"{where} ({name}) has no copies of any kind", field=where)
        return cls(name, optional_nfc(_opt_str(data.get("code"))), *counts)


def _count(data: dict[str, Any], where: str, *keys: str) -> int:
    for key in keys:
        if key in data and data[key] is not None:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 999:
                raise InvalidInput(f"{where}.{key} must be a whole number from 0 to 999", field=where)
            return value
    return 0


@dataclass(frozen=True)
class RegistrationRequest:
    """Everything needed to register one file, checked."""

    procedure_code: str
    applicant: CitizenInput
    owner: CitizenInput | None
    documents: tuple[DocumentInput, ...]
    received_at: datetime | None = None
    channel: Channel = Channel.IN_PERSON
    return_method: ReturnMethod = "counter"
    sets: int = 1
    status: Status = Status.RECEIVED
    copies: int = 1
    pages: int = 1
    summary: str | None = None
    note: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> RegistrationRequest:
        """Read a registration from JSON: ``procedure``, ``applicant`` {personal_id, full_name, …},
        optional ``owner`` (when the file's owner is not the person at the counter), ``received_at``
        (ISO, default now), ``documents``, ``channel``, ``return_method``, ``sets``, ``status``
        (received, supplement_requested or refused), ``copies`` and ``pages`` (for per-copy and per-page
        fees), ``summary``, ``note``."""
        if not isinstance(data, dict):
            raise InvalidInput("the registration must be a JSON object")
        procedure = nfc(str(data.get("procedure") or ""))
        if not procedure:
            raise InvalidInput("procedure (the procedure code) is required", field="procedure")
        applicant = CitizenInput.from_json(data.get("applicant"), role="applicant")
        owner = CitizenInput.from_json(data["owner"], role="owner") if data.get("owner") else None
        raw_docs = data.get("documents")
        if not isinstance(raw_docs, list) or not raw_docs:
            raise InvalidInput("documents must be a non-empty list", field="documents")
        documents = tuple(DocumentInput.from_json(d, i) for i, d in enumerate(raw_docs))
        received = data.get("received_at")
        if received is not None and not isinstance(received, str):
            raise InvalidInput("received_at must be an ISO date-time text", field="received_at")
        received_at = parse_datetime(received) if received else None
        return_method = str(data.get("return_method") or "counter")
        if return_method not in ("counter", "post"):
            raise InvalidInput("return_method must be counter or post", field="return_method")
        raw_status = data.get("status")
        if raw_status is None:
            raw_status = "received"
        if isinstance(raw_status, bool) or not isinstance(raw_status, str | int):
            raise InvalidInput("status must be a status name or code", field="status")
        status = Status.parse(raw_status)
        if status not in INITIAL_STATUSES:
            raise InvalidInput(
                "a new file is received, supplement_requested (incomplete) or refused", field="status"
            )
        return cls(
            procedure_code=procedure,
            applicant=applicant,
            owner=owner,
            documents=documents,
            received_at=received_at,
            channel=Channel.parse(data.get("channel", 1)),
            return_method=return_method,  # type: ignore[arg-type]  # checked above
            sets=_positive(data, "sets", 1),
            status=status,
            copies=_positive(data, "copies", 1),
            pages=_positive(data, "pages", 1),
            summary=optional_nfc(_opt_str(data.get("summary"))),
            note=optional_nfc(_opt_str(data.get("note"))),
        )


def _positive(data: dict[str, Any], key: str, default: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise InvalidInput(f"{key} must be a whole number from 1 to 9999", field=key)
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class DocumentView:
    """A document received with a file."""

    name: str
    code: str | None
    originals: int
    certified_copies: int
    photocopies: int


@dataclass(frozen=True)
class FeeView:
    """A fee line of a file (``amount`` is ``None`` when the province has not set it)."""

    code: str
    name: str
    amount: int | None


@dataclass(frozen=True)
class EventView:
    """One step of a file's life."""

    at: datetime
    username: str | None
    kind: str
    from_status: Status | None
    to_status: Status | None
    note: str | None
    due_before: datetime | None
    due_after: datetime | None
    user_full_name: str | None = None  # none for the built-in system account

    def to_json(self) -> dict[str, Any]:
        """The JSON the command line prints."""
        return {
            "at": iso(self.at),
            "user": self.username,
            "kind": self.kind,
            "from_status": self.from_status.slug if self.from_status else None,
            "to_status": self.to_status.slug if self.to_status else None,
            "note": self.note,
            "due_before": iso(self.due_before) if self.due_before else None,
            "due_after": iso(self.due_after) if self.due_after else None,
        }


@dataclass(frozen=True)
class FileSummary:
    """A row of the file list."""

    id: str
    code: str
    status: Status
    procedure_code: str
    procedure_name: str
    owner_name: str
    owner_id_number: str | None
    received_at: datetime
    due_at: datetime | None
    finished_at: datetime | None
    timing: Timing

    def to_json(self) -> dict[str, Any]:
        """The JSON the command line prints."""
        return {
            "id": self.id,
            "code": self.code,
            "status": self.status.slug,
            "status_code": int(self.status),
            "procedure": self.procedure_code,
            "procedure_name": self.procedure_name,
            "owner_name": self.owner_name,
            "owner_id_number": self.owner_id_number,
            "received_at": iso(self.received_at),
            "due_at": iso(self.due_at) if self.due_at else None,
            "finished_at": iso(self.finished_at) if self.finished_at else None,
            "timing": self.timing,
        }


@dataclass(frozen=True)
class FileDetail:
    """Everything about one file: what the receipt and the file screen show."""

    summary: FileSummary
    agency_code: str
    workstation: int
    owner: CitizenView
    submitter: CitizenView
    channel: Channel
    return_method: ReturnMethod
    sets: int
    documents: tuple[DocumentView, ...]
    fees: tuple[FeeView, ...]
    fee_total: int | None
    register_year: int
    register_book: int
    register_entry: int
    original_due_at: datetime | None
    extension_count: int
    returned_at: datetime | None
    procedure_rule: dict[str, Any]
    summary_text: str | None
    note: str | None
    events: tuple[EventView, ...]
    clock_started_at: datetime | None = None
    received_by_name: str | None = None

    @property
    def code(self) -> str:
        """The file code."""
        return self.summary.code

    @property
    def status(self) -> Status:
        """The current status."""
        return self.summary.status

    @property
    def appointment(self) -> datetime | None:
        """The appointment the receipt gives: the due date when the file was (last) accepted, before any
        extension (an extension is announced by its own letter, Mẫu 04)."""
        return self.original_due_at or self.summary.due_at

    @property
    def accepted_at(self) -> datetime:
        """When the processing clock last started: the receipt, or the complete re-submission."""
        return self.clock_started_at or self.summary.received_at

    def to_json(self) -> dict[str, Any]:
        """The JSON the command line prints (``code``, ``due_at`` and ``status`` at the top level)."""
        data = self.summary.to_json()
        data.update(
            {
                "agency_code": self.agency_code,
                "workstation": self.workstation,
                "owner": self.owner.to_json(),
                "submitter": self.submitter.to_json(),
                "channel": int(self.channel),
                "return_method": self.return_method,
                "sets": self.sets,
                "documents": [
                    {
                        "name": d.name,
                        "code": d.code,
                        "originals": d.originals,
                        "certified_copies": d.certified_copies,
                        "photocopies": d.photocopies,
                    }
                    for d in self.documents
                ],
                "fees": [{"code": f.code, "name": f.name, "amount": f.amount} for f in self.fees],
                "fee_total": self.fee_total,
                "register": {
                    "year": self.register_year,
                    "book": self.register_book,
                    "entry": self.register_entry,
                },
                "original_due_at": iso(self.original_due_at) if self.original_due_at else None,
                "extension_count": self.extension_count,
                "returned_at": iso(self.returned_at) if self.returned_at else None,
                "processing_time": self.procedure_rule.get("processing_time"),
                "summary": self.summary_text,
                "note": self.note,
                "events": [e.to_json() for e in self.events],
            }
        )
        return data


DueFilter = Literal["overdue", "due_today", "near_due"]
# The file list's sortable columns: the received moment, the due date, the file code, the status (in the
# national code's order, which is the workflow's), the procedure's name and the owner's name (both
# diacritics ignored, as the search folds them).
SortKey = Literal["received", "due", "code", "status", "procedure", "owner"]
SORT_KEYS: tuple[SortKey, ...] = ("received", "due", "code", "status", "procedure", "owner")


@dataclass(frozen=True)
class FileQuery:
    """A filter over the file list. ``query`` is one search box: a file code, a 12- or 9-digit ID, a phone
    number, or words of a name (diacritics ignored, each word matched as a prefix).

    Without ``order_by`` the newest registered files come first (a name search: the newest matches first);
    with it, the files are sorted on that column, ``descending`` or not, ties broken by registration order
    in the same direction so that pages (``limit``/``offset``) never repeat or skip a file. Files without a
    due date (waiting for a supplement, refused at the counter) come last in both directions."""

    statuses: tuple[Status, ...] = ()
    query: str | None = None
    procedure_code: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    due: DueFilter | None = None
    clerk_id: str | None = None
    limit: int = 50
    offset: int = 0
    order_by: SortKey | None = None
    descending: bool = True


def timing_of(status: Status, due_at: datetime | None, finished_at: datetime | None, at: datetime) -> Timing:
    """Where a file stands against its due date at the moment ``at``."""
    if status in PROCESSING_DONE:
        if finished_at is not None and due_at is not None:
            return classify_completion(finished_at, due_at)
        return "closed"
    if status is Status.SUPPLEMENT_REQUESTED:
        return "paused"
    if status in CLOCK_RUNNING and due_at is not None:
        if due_at < at:
            return "overdue"
        if local(due_at).date() == local(at).date():
            return "due_today"
        return "on_track"
    return "closed"


@dataclass(frozen=True)
class RegisterEntry:
    """One line of the register of files (Sổ theo dõi hồ sơ): a file as the register prints it.

    Only what the register shows is carried, so a month of a busy commune (10,000 lines) is read in one
    query without loading documents, fees or events."""

    register_year: int
    register_book: int
    register_entry: int
    code: str
    status: Status
    procedure_code: str
    procedure_name: str
    sets: int
    owner_name: str
    owner_address: str | None
    owner_phone: str | None
    received_at: datetime
    appointment: datetime | None  # the due date the receipt gave, before any extension
    due_at: datetime | None  # the due date in force (extended, or suspended while a supplement is awaited)
    returned_at: datetime | None
    finished_at: datetime | None
    extension_count: int
    clerk_name: str | None  # None for the built-in system account (command-line registrations)
    note: str | None

    @property
    def book(self) -> str:
        """``1/2026``: the register book and year, as the receipt cites them."""
        return f"{self.register_book}/{self.register_year}"

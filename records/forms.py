"""The one-stop forms as versioned data: which forms a set has, their printed numbers and titles, and which
form fits a file in its present state.

A form's *kind* (receipt, supplement, refusal, …) is what the program reasons about; its *number* is what a
given set prints. TT 01/2018 and TT 03/2025 number the same kinds differently (the 2025 set adds the stop
notice and renumbers the control sheet and the register), and some agencies print the old numbers while
citing the new circular, so the set is a per-agency setting (``form_set``) and the sets are JSON files under
``resources/forms``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import resources
from records.errors import FormNotApplicable, InvalidInput
from records.files import EventView, FileDetail
from records.workflow import Status

FORMS_FORMAT = "motcua.forms/1"
SHIPPED_SETS = ("tt03-2025", "tt01-2018")
DEFAULT_SET = "tt03-2025"


class FormKind(StrEnum):
    """What a form is for, whatever number a form set gives it."""

    RECEIPT = "receipt"  # Giấy tiếp nhận hồ sơ và hẹn trả kết quả
    SUPPLEMENT = "supplement"  # Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
    REFUSAL = "refusal"  # Phiếu từ chối tiếp nhận giải quyết hồ sơ
    APOLOGY = "apology"  # Phiếu xin lỗi / Văn bản xin lỗi và đề nghị gia hạn
    STOP = "stop"  # Thông báo dừng giải quyết hồ sơ (TT 03/2025 only)
    CONTROL = "control"  # Phiếu kiểm soát quá trình giải quyết hồ sơ
    REGISTER = "register"  # Sổ theo dõi hồ sơ

    @classmethod
    def parse(cls, text: str) -> FormKind:
        """A kind from its name; :class:`InvalidInput` naming the kinds otherwise."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            names = ", ".join(k.value for k in cls)
            raise InvalidInput(f"unknown form {text!r}; one of: {names}", value=text) from None


@dataclass(frozen=True)
class FormSpec:
    """One form of a set: its printed number and title."""

    kind: FormKind
    number: str
    title: str
    variant: str | None = None  # wording that differs between sets (the 2025 apology asks for an extension)

    @property
    def label(self) -> str:
        """``Mẫu số 01``: how the form names itself in its top corner."""
        return f"Mẫu số {self.number}"


@dataclass(frozen=True)
class RegisterColumn:
    """A column of the register: what it shows (``key``), its heading and its width in millimetres."""

    key: str
    heading: str
    width_mm: float


REGISTER_KEYS = frozenset(
    {
        "entry",
        "code",
        "procedure",
        "sets",
        "owner",
        "contact",
        "received",
        "appointment",
        "returned",
        "clerk",
        "note",
    }
)


@dataclass(frozen=True)
class FormSet:
    """A versioned set of forms (one circular's annex)."""

    id: str
    name: str
    basis: str
    forms: dict[FormKind, FormSpec]
    register_columns: tuple[RegisterColumn, ...]

    def form(self, kind: FormKind) -> FormSpec:
        """The form of ``kind``; :class:`FormNotApplicable` when this set has none (the stop notice is new
        in TT 03/2025)."""
        spec = self.forms.get(kind)
        if spec is None:
            raise FormNotApplicable(
                f"the form set {self.name} has no {kind.value} form", kind=kind.value, form_set=self.id
            )
        return spec

    @classmethod
    def from_json(cls, data: Any) -> FormSet:
        """A set from its JSON document; :class:`InvalidInput` naming what is wrong."""
        if not isinstance(data, dict) or data.get("format") != FORMS_FORMAT:
            raise InvalidInput(f"not a form set (expected format {FORMS_FORMAT!r})")
        try:
            forms: dict[FormKind, FormSpec] = {}
            for key, value in data["forms"].items():
                kind = FormKind.parse(key)
                variant = value.get("variant")
                forms[kind] = FormSpec(
                    kind, str(value["number"]), str(value["title"]), None if variant is None else str(variant)
                )
            columns = tuple(
                RegisterColumn(str(c["key"]), str(c["heading"]), float(c["width"]))
                for c in data["register_columns"]
            )
            form_set = cls(str(data["id"]), str(data["name"]), str(data["basis"]), forms, columns)
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidInput(f"the form set is incomplete or malformed: {exc!r}") from None
        unknown = {c.key for c in columns} - REGISTER_KEYS
        if unknown:
            raise InvalidInput(f"unknown register columns: {', '.join(sorted(unknown))}")
        for kind in (FormKind.RECEIPT, FormKind.REGISTER):
            if kind not in forms:
                raise InvalidInput(f"the form set {form_set.id} has no {kind.value} form")
        return form_set


_CACHE: dict[str, FormSet] = {}


def load_form_set(set_id: str | None) -> FormSet:
    """A shipped form set by id (the default set, TT 03/2025, for ``None``)."""
    key = (set_id or DEFAULT_SET).strip().lower()
    if key not in SHIPPED_SETS:
        raise InvalidInput(f"unknown form set {set_id!r}; one of: {', '.join(SHIPPED_SETS)}", value=set_id)
    if key not in _CACHE:
        _CACHE[key] = FormSet.from_json(json.loads(resources.read_text("forms", f"{key}.json")))
    return _CACHE[key]


def form_sets() -> list[FormSet]:
    """Every shipped form set, the default first."""
    return [load_form_set(set_id) for set_id in SHIPPED_SETS]


# Statuses in which the stop notice is issued: the applicant asked to stop (withdraw) the file, or the
# agency stopped it.
_STOP_STATUSES = frozenset({Status.WITHDRAWN, Status.STOPPED})


def check_form_fits(kind: FormKind, detail: FileDetail) -> None:
    """Refuse (:class:`FormNotApplicable`) a form that does not fit the file's state: a refusal slip for a
    returned file, a receipt for a file that was never accepted, an apology for a file never extended."""
    status = detail.status
    problem: str | None = None
    if kind is FormKind.RECEIPT or kind is FormKind.CONTROL:
        if status is Status.REFUSED:
            problem = "it was refused; print its refusal slip instead"
        elif detail.appointment is None:
            problem = "it has not been accepted yet (it has no appointment)"
    elif kind is FormKind.SUPPLEMENT:
        if status is not Status.SUPPLEMENT_REQUESTED:
            problem = f"it is {status.slug}, not waiting for a supplement"
    elif kind is FormKind.REFUSAL:
        if status is not Status.REFUSED:
            problem = f"it is {status.slug}, not refused"
    elif kind is FormKind.APOLOGY:
        if extension_event(detail) is None:
            problem = "its due date was never extended ('motcua file extend' records the extension)"
    elif kind is FormKind.STOP:
        if status not in _STOP_STATUSES:
            problem = f"it is {status.slug}; only a withdrawn or stopped file has a stop notice"
    elif kind is FormKind.REGISTER:
        problem = "the register covers a date range, not one file"
    if problem:
        raise FormNotApplicable(
            f"cannot print the {kind.value} form for file {detail.code}: {problem}",
            kind=kind.value,
            code=detail.code,
            status=status.slug,
        )


def extension_event(detail: FileDetail) -> EventView | None:
    """The file's extension event (its reason, the due dates before and after), or ``None``."""
    for event in reversed(detail.events):
        if event.kind == "extended":
            return event
    return None


def last_event_into(detail: FileDetail, status: Status) -> EventView | None:
    """The last event that moved the file into ``status`` (its note is the reason the form prints)."""
    for event in reversed(detail.events):
        if event.to_status is status and event.from_status is not status:
            return event
    return None

"""The procedure catalogue: administrative procedures (thủ tục hành chính) as versioned data.

A :class:`Procedure` is identified by its catalogue code (mã TTHC, e.g. ``1.001193``, or a local variant
such as ``1.001193.000.00.00.H56``) and carries one :class:`ProcedureVersion` per period in force: the
statutory processing time, the documents the counter keeps, the fees and the legal basis. Rules change
with new decrees, so none of this is a constant: a file freezes the version in force on the day it was
received (``ProcedureVersion.to_json`` is what the store keeps with the file).

The catalogue travels as a JSON document::

    {"format": "motcua.catalog/1", "source": "...",
     "procedures": [{"code": "1.001193", "name": "Đăng ký khai sinh", "field": "Hộ tịch",
                     "field_code": null, "versions": [{...}]}]}

:func:`load_catalog` refuses anything malformed with a :class:`~records.errors.CatalogError` whose message
names the procedure code and the field at fault (``params``: ``procedure``, ``field``, ``problem``);
:func:`dump_catalog` writes a document that loads back equal. All text is NFC (see :mod:`records.text`);
the data classes normalise and validate themselves on construction.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import pairwise
from typing import Any, Final, Literal, TypeVar, cast, get_args

from records.calendar import ProcessingTime
from records.clock import local
from records.errors import CatalogError, InvalidInput
from records.text import fold, nfc, optional_nfc
from resources import read_text

__all__ = [
    "CATALOG_FORMAT",
    "FeeKind",
    "FeeRule",
    "FeeTier",
    "Procedure",
    "ProcedureVersion",
    "RequiredDocument",
    "compute_fee",
    "dump_catalog",
    "is_catalog_code",
    "is_national_code",
    "load_catalog",
    "load_seed_catalog",
    "processing_time_from_json",
    "processing_time_to_json",
    "search_key",
]

CATALOG_FORMAT: Final = "motcua.catalog/1"

FeeKind = Literal["fixed", "per_copy", "per_page_tiered", "free", "set_by_province"]
_FEE_KINDS: Final[tuple[str, ...]] = get_args(FeeKind)
_PROCESSING_KINDS: Final[tuple[str, ...]] = ("working_days", "working_hours", "same_day")
_DEFAULT_CUTOFF: Final = time(15, 0)

_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,63}")
_NATIONAL_CODE = re.compile(r"[0-9]\.[0-9]{6}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CLOCK_TIME = re.compile(r"([0-9]{2}):([0-9]{2})")

_T = TypeVar("_T")


def is_national_code(code: str) -> bool:
    """Whether ``code`` is a national procedure code ``d.dddddd`` (e.g. ``1.001193``).

    Local variants (``1.001193.000.00.00.H56``) and local codes (``LT.KS-TT-BHYT``) are not.
    """
    return _NATIONAL_CODE.fullmatch(code) is not None


def is_catalog_code(code: str) -> bool:
    """Whether ``code`` can key a catalogue entry: 1-64 of ``0-9 A-Z a-z . _ -``, starting with a letter or
    digit. National codes, local variants with an agency code and purely local codes all qualify."""
    return _CODE.fullmatch(code) is not None


# --------------------------------------------------------------------------------------------------------
# Errors and checks shared by the data classes and the JSON reader


def _fail(path: str, problem: str) -> CatalogError:
    return CatalogError(f"{path}: {problem}", field=path, problem=problem)


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _within(where: str, exc: CatalogError) -> CatalogError:
    """``exc`` (raised about field ``f``) re-raised about field ``where.f``."""
    inner = str(exc.params.get("field", ""))
    problem = str(exc.params.get("problem", exc.message))
    return _fail(_join(where, inner) if inner else where, problem)


def _at_procedure(code: str, exc: CatalogError) -> CatalogError:
    """``exc`` re-raised with the procedure code in front (once)."""
    if "procedure" in exc.params:
        return exc
    path = str(exc.params.get("field", ""))
    problem = str(exc.params.get("problem", exc.message))
    message = f"procedure {code}: {path}: {problem}" if path else f"procedure {code}: {problem}"
    return CatalogError(message, procedure=code, field=path, problem=problem)


def _build(where: str, make: Callable[[], _T]) -> _T:
    """Run a constructor, re-raising its refusals with field names below ``where``."""
    try:
        return make()
    except CatalogError as exc:
        raise _within(where, exc) from None


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_count(value: object, path: str) -> int:
    if not _is_int(value) or cast(int, value) < 0:
        raise _fail(path, f"must be a whole number >= 0 (got {value!r})")
    return cast(int, value)


def _check_optional_count(value: object, path: str) -> int | None:
    return None if value is None else _check_count(value, path)


def _check_text(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise _fail(path, f"must be text (got {value!r})")
    cleaned = nfc(value)
    if not cleaned:
        raise _fail(path, "must not be empty")
    return cleaned


def _check_optional_text(value: object, path: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _fail(path, f"must be text or null (got {value!r})")
    return optional_nfc(value)


def _check_code(value: object, path: str) -> str:
    code = _check_text(value, path)
    if not is_catalog_code(code):
        raise _fail(
            path, f"{code!r} is not a code (1-64 of 0-9 A-Z a-z . _ -, starting with a letter or digit)"
        )
    return code


def _check_optional_code(value: object, path: str) -> str | None:
    return None if value is None else _check_code(value, path)


def _check_date(value: object, path: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise _fail(path, f"must be a date (got {value!r})")
    return value


def _check_processing_time(value: object, path: str) -> ProcessingTime:
    if not isinstance(value, ProcessingTime):
        raise _fail(path, f"must be a ProcessingTime (got {value!r})")
    kind: object = value.kind
    if kind not in _PROCESSING_KINDS:
        raise _fail(
            _join(path, "kind"), f"unknown kind {kind!r} (expected one of {', '.join(_PROCESSING_KINDS)})"
        )
    amount: object = value.amount
    if isinstance(amount, bool) or not isinstance(amount, int | float) or not math.isfinite(amount):
        raise _fail(_join(path, "amount"), f"must be a finite number (got {amount!r})")
    if kind == "same_day":
        if amount != 0:
            raise _fail(_join(path, "amount"), f"a same_day time takes no amount (got {amount!r})")
    elif amount <= 0:
        raise _fail(_join(path, "amount"), f"must be > 0 for {kind} (got {amount!r})")
    cutoff: object = value.cutoff
    if not isinstance(cutoff, time) or cutoff.second or cutoff.microsecond or cutoff.tzinfo or cutoff.fold:
        raise _fail(_join(path, "cutoff"), f"must be a local time of day in whole minutes (got {cutoff!r})")
    return value


def _first_duplicate(keys: Iterable[str]) -> str | None:
    """The first key seen twice, comparing without regard to case."""
    seen: set[str] = set()
    for key in keys:
        if key.casefold() in seen:
            return key
        seen.add(key.casefold())
    return None


# --------------------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class RequiredDocument:
    """One entry of a procedure's file composition (thành phần hồ sơ) and how many of each kind it takes.

    ``originals`` (bản chính), ``certified_copies`` (bản sao chứng thực) and ``photocopies`` (bản chụp) are
    the numbers the counter keeps; papers only shown for comparison are not listed. At least one count is
    positive unless the document is optional (``mandatory=False``). ``code`` is a short key, stable within
    the procedure (e.g. ``"to_khai"``).
    """

    code: str | None
    name: str
    originals: int
    certified_copies: int
    photocopies: int
    mandatory: bool = True
    note: str | None = None

    def __post_init__(self) -> None:
        """Normalise the text to NFC; refuse bad codes and impossible counts with :class:`CatalogError`."""
        _set(self, "code", _check_optional_code(self.code, "code"))
        _set(self, "name", _check_text(self.name, "name"))
        for name in ("originals", "certified_copies", "photocopies"):
            _check_count(getattr(self, name), name)
        if not isinstance(self.mandatory, bool):
            raise _fail("mandatory", f"must be true or false (got {self.mandatory!r})")
        _set(self, "note", _check_optional_text(self.note, "note"))
        if self.mandatory and self.originals + self.certified_copies + self.photocopies == 0:
            raise _fail(
                "originals", "a mandatory document needs at least one original, certified copy or photocopy"
            )

    def to_json(self) -> dict[str, Any]:
        """The document as a JSON object, every key present."""
        return {
            "code": self.code,
            "name": self.name,
            "originals": self.originals,
            "certified_copies": self.certified_copies,
            "photocopies": self.photocopies,
            "mandatory": self.mandatory,
            "note": self.note,
        }


@dataclass(frozen=True)
class FeeTier:
    """From page ``from_page`` (1-based, within one copy) on, each page costs ``amount`` đồng."""

    from_page: int
    amount: int

    def __post_init__(self) -> None:
        """Refuse a page number below 1 or a negative amount with :class:`CatalogError`."""
        if not _is_int(self.from_page) or self.from_page < 1:
            raise _fail("from_page", f"must be a whole number >= 1 (got {self.from_page!r})")
        _check_count(self.amount, "amount")


@dataclass(frozen=True)
class FeeRule:
    """A fee (phí) or charge (lệ phí) of a procedure, in whole đồng.

    ``kind``: ``fixed`` (``amount`` once per file); ``per_copy`` (``amount`` per copy); ``per_page_tiered``
    (each page of a copy at the rate of the last tier starting at or before it, at most ``cap_per_copy`` per
    copy); ``free``; ``set_by_province`` (the province's resolution fixes it: ``amount`` is ``None`` until
    configured, then charged once per file). ``tiers`` and ``cap_per_copy`` belong to ``per_page_tiered``.
    """

    code: str
    name: str
    kind: FeeKind
    amount: int | None = None
    tiers: tuple[FeeTier, ...] = ()
    cap_per_copy: int | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        """Normalise the text; refuse a rule whose parts do not fit its kind with :class:`CatalogError`."""
        _set(self, "code", _check_code(self.code, "code"))
        _set(self, "name", _check_text(self.name, "name"))
        kind: object = self.kind
        if kind not in _FEE_KINDS:
            raise _fail("kind", f"unknown fee kind {kind!r} (expected one of {', '.join(_FEE_KINDS)})")
        _check_optional_count(self.amount, "amount")
        if not isinstance(self.tiers, tuple) or not all(isinstance(t, FeeTier) for t in self.tiers):
            raise _fail("tiers", "must be a tuple of FeeTier")
        _check_optional_count(self.cap_per_copy, "cap_per_copy")
        _set(self, "note", _check_optional_text(self.note, "note"))
        if kind in ("fixed", "per_copy") and self.amount is None:
            raise _fail("amount", f"a {kind} fee needs an amount")
        if kind in ("free", "per_page_tiered") and self.amount is not None:
            raise _fail("amount", f"a {kind} fee takes no amount (got {self.amount!r})")
        if kind == "per_page_tiered":
            if not self.tiers:
                raise _fail("tiers", "a per_page_tiered fee needs at least one tier")
            if self.tiers[0].from_page != 1:
                raise _fail("tiers", f"the first tier must start at page 1 (got {self.tiers[0].from_page})")
            for before, after in pairwise(self.tiers):
                if after.from_page <= before.from_page:
                    raise _fail("tiers", "tiers must start at strictly increasing pages")
        else:
            if self.tiers:
                raise _fail("tiers", f"only a per_page_tiered fee has tiers (this one is {kind})")
            if self.cap_per_copy is not None:
                raise _fail("cap_per_copy", f"only a per_page_tiered fee has a cap (this one is {kind})")

    def to_json(self) -> dict[str, Any]:
        """The rule as a JSON object, every key present."""
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "amount": self.amount,
            "tiers": [{"from_page": t.from_page, "amount": t.amount} for t in self.tiers],
            "cap_per_copy": self.cap_per_copy,
            "note": self.note,
        }


def compute_fee(rule: FeeRule, *, copies: int = 1, pages: int = 1) -> int | None:
    """The amount in đồng that ``rule`` charges for ``copies`` copies of ``pages`` pages each.

    ``None`` when the province sets the amount and it has not been configured. Certified copies
    (2,000 đ/page, 1,000 đ/page from page 3, at most 200,000 đ per copy): 5 pages x 2 copies = 14,000.
    Raises :class:`~records.errors.InvalidInput` when ``copies`` or ``pages`` is not a whole number >= 1.
    """
    for name, value in (("copies", copies), ("pages", pages)):
        if not _is_int(value) or value < 1:
            raise InvalidInput(f"{name} must be a whole number >= 1 (got {value!r})", field=name, value=value)
    if rule.kind == "free":
        return 0
    if rule.kind in ("fixed", "set_by_province"):
        return rule.amount
    if rule.kind == "per_copy":
        return cast(int, rule.amount) * copies
    per_copy = 0
    for index, tier in enumerate(rule.tiers):
        if tier.from_page > pages:
            break
        last = rule.tiers[index + 1].from_page - 1 if index + 1 < len(rule.tiers) else pages
        per_copy += (min(last, pages) - tier.from_page + 1) * tier.amount
    if rule.cap_per_copy is not None:
        per_copy = min(per_copy, rule.cap_per_copy)
    return per_copy * copies


@dataclass(frozen=True)
class ProcedureVersion:
    """The rules of a procedure for one period, ``effective_from`` (inclusive) to ``effective_to``
    (exclusive; ``None`` = still in force).

    ``extended_processing_time`` is the whole statutory time when the extension applies (e.g. "up to 5
    working days if verification is needed"), not the addition. :meth:`to_json` is what the store freezes
    into each file; :meth:`from_json` reads it back equal.
    """

    effective_from: date
    effective_to: date | None
    processing_time: ProcessingTime
    extended_processing_time: ProcessingTime | None = None
    documents: tuple[RequiredDocument, ...] = ()
    fees: tuple[FeeRule, ...] = ()
    legal_basis: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        """Normalise the text; refuse an empty period, bad times, repeated codes (:class:`CatalogError`)."""
        _check_date(self.effective_from, "effective_from")
        if self.effective_to is not None:
            _check_date(self.effective_to, "effective_to")
            if self.effective_to <= self.effective_from:
                raise _fail(
                    "effective_to",
                    f"{self.effective_to.isoformat()} is not after "
                    f"effective_from {self.effective_from.isoformat()}",
                )
        base = _check_processing_time(self.processing_time, "processing_time")
        if self.extended_processing_time is not None:
            extended = _check_processing_time(self.extended_processing_time, "extended_processing_time")
            if extended.kind == "same_day":
                raise _fail("extended_processing_time.kind", "an extended time counts working days or hours")
            if extended.kind == base.kind and extended.amount <= base.amount:
                raise _fail("extended_processing_time.amount", "must be longer than processing_time")
        if not isinstance(self.documents, tuple) or not all(
            isinstance(d, RequiredDocument) for d in self.documents
        ):
            raise _fail("documents", "must be a tuple of RequiredDocument")
        if not isinstance(self.fees, tuple) or not all(isinstance(f, FeeRule) for f in self.fees):
            raise _fail("fees", "must be a tuple of FeeRule")
        repeated = _first_duplicate(d.code for d in self.documents if d.code is not None)
        if repeated is not None:
            raise _fail("documents", f"document code {repeated!r} appears more than once")
        repeated = _first_duplicate(f.code for f in self.fees)
        if repeated is not None:
            raise _fail("fees", f"fee code {repeated!r} appears more than once")
        _set(self, "legal_basis", _check_optional_text(self.legal_basis, "legal_basis"))
        _set(self, "note", _check_optional_text(self.note, "note"))

    def in_force_on(self, day: date) -> bool:
        """Whether this version governs files received on ``day``."""
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)

    def to_json(self) -> dict[str, Any]:
        """The version as a JSON-ready dict, every key present: what the store freezes into each file."""
        extended = self.extended_processing_time
        return {
            "effective_from": self.effective_from.isoformat(),
            "effective_to": None if self.effective_to is None else self.effective_to.isoformat(),
            "processing_time": processing_time_to_json(self.processing_time),
            "extended_processing_time": None if extended is None else processing_time_to_json(extended),
            "documents": [d.to_json() for d in self.documents],
            "fees": [f.to_json() for f in self.fees],
            "legal_basis": self.legal_basis,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ProcedureVersion:
        """Read a version written by :meth:`to_json` (or a catalogue's version object).

        Raises :class:`CatalogError` naming the field at fault.
        """
        return _read_version(data, "")


@dataclass(frozen=True)
class Procedure:
    """An administrative procedure and its versions, sorted by ``effective_from``, never overlapping.

    ``field`` is the sector (lĩnh vực, e.g. "Hộ tịch"), ``field_code`` its code where known. Versions given
    out of order are sorted; gaps between versions are allowed (nothing is in force there).
    """

    code: str
    name: str
    field: str
    field_code: str | None
    versions: tuple[ProcedureVersion, ...]

    def __post_init__(self) -> None:
        """Normalise the text, sort the versions; refuse overlapping ones with :class:`CatalogError`."""
        _set(self, "code", _check_code(self.code, "code"))
        try:
            _set(self, "name", _check_text(self.name, "name"))
            _set(self, "field", _check_text(self.field, "field"))
            _set(self, "field_code", _check_optional_code(self.field_code, "field_code"))
            versions: object = self.versions
            if not isinstance(versions, tuple) or not all(isinstance(v, ProcedureVersion) for v in versions):
                raise _fail("versions", "must be a tuple of ProcedureVersion")
            if not versions:
                raise _fail("versions", "a procedure needs at least one version")
            ordered = tuple(sorted(self.versions, key=lambda v: v.effective_from))
            for before, after in pairwise(ordered):
                if before.effective_to is None or before.effective_to > after.effective_from:
                    raise _fail(
                        "versions",
                        f"the version from {before.effective_from.isoformat()} overlaps the version from "
                        f"{after.effective_from.isoformat()}",
                    )
            _set(self, "versions", ordered)
        except CatalogError as exc:
            raise _at_procedure(self.code, exc) from None

    def version_at(self, day: date) -> ProcedureVersion:
        """The version in force on ``day``; an aware datetime is taken at its date in Vietnam.

        Raises :class:`CatalogError` when no version covers that day (before the first, in a gap, or after
        the last has ended).
        """
        if isinstance(day, datetime):
            day = local(day).date()
        for version in self.versions:
            if version.in_force_on(day):
                return version
        raise CatalogError(
            f"procedure {self.code}: no version is in force on {day.isoformat()}",
            procedure=self.code,
            day=day.isoformat(),
        )

    def current_version(self, today: date) -> ProcedureVersion:
        """The version in force on ``today`` (the local date, e.g. ``records.clock.now().date()``)."""
        return self.version_at(today)

    def to_json(self) -> dict[str, Any]:
        """The procedure as a catalogue JSON object, every key present."""
        return {
            "code": self.code,
            "name": self.name,
            "field": self.field,
            "field_code": self.field_code,
            "versions": [v.to_json() for v in self.versions],
        }


def search_key(procedure: Procedure) -> str:
    """The diacritic-insensitive search key of ``procedure``: its code, name and field, folded."""
    return fold(f"{procedure.code} {procedure.name} {procedure.field}")


# --------------------------------------------------------------------------------------------------------
# JSON


def processing_time_to_json(value: ProcessingTime) -> dict[str, Any]:
    """``{"kind": "same_day", "cutoff": "15:00"}`` or ``{"kind": "working_days", "amount": 3}``.

    ``amount`` is written unless it is a same-day time's 0; ``cutoff`` for same-day times, and for others
    only when it is not 15:00, so that :func:`processing_time_from_json` gives back an equal value.
    """
    out: dict[str, Any] = {"kind": value.kind}
    if value.kind != "same_day" or value.amount != 0:
        amount = value.amount
        out["amount"] = int(amount) if isinstance(amount, float) and amount.is_integer() else amount
    if value.kind == "same_day" or value.cutoff != _DEFAULT_CUTOFF:
        out["cutoff"] = value.cutoff.strftime("%H:%M")
    return out


def processing_time_from_json(data: object) -> ProcessingTime:
    """Read a processing time written by :func:`processing_time_to_json` (refusals: :class:`CatalogError`)."""
    return _read_processing_time(data, "")


def _object(data: object, where: str, required: Sequence[str], optional: Sequence[str]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _fail(where or "(top)", f"must be a JSON object (got {type(data).__name__})")
    for key in data:
        if key not in required and key not in optional:
            raise _fail(_join(where, str(key)), "unknown field")
    for key in required:
        if key not in data:
            raise _fail(_join(where, key), "missing")
    return cast(dict[str, Any], data)


def _list(data: object, where: str) -> list[Any]:
    if not isinstance(data, list):
        raise _fail(where, f"must be a JSON list (got {type(data).__name__})")
    return data


def _read_date(data: object, where: str) -> date:
    if not isinstance(data, str) or not _ISO_DATE.fullmatch(data):
        raise _fail(where, f"must be a date written YYYY-MM-DD (got {data!r})")
    try:
        return date.fromisoformat(data)
    except ValueError:
        raise _fail(where, f"{data!r} is not a calendar date") from None


def _read_processing_time(data: object, where: str) -> ProcessingTime:
    obj = _object(data, where, ("kind",), ("amount", "cutoff"))
    kind = obj["kind"]
    if kind not in _PROCESSING_KINDS:
        raise _fail(
            _join(where, "kind"), f"unknown kind {kind!r} (expected one of {', '.join(_PROCESSING_KINDS)})"
        )
    if kind != "same_day" and "amount" not in obj:
        raise _fail(_join(where, "amount"), f"missing (a {kind} time needs an amount)")
    amount = obj.get("amount", 0)
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        raise _fail(_join(where, "amount"), f"must be a number (got {amount!r})")
    cutoff = _DEFAULT_CUTOFF
    if "cutoff" in obj:
        text = obj["cutoff"]
        match = _CLOCK_TIME.fullmatch(text) if isinstance(text, str) else None
        if match is None or int(match[1]) > 23 or int(match[2]) > 59:
            raise _fail(_join(where, "cutoff"), f"must be a time of day written HH:MM (got {text!r})")
        cutoff = time(int(match[1]), int(match[2]))
    return _check_processing_time(ProcessingTime(kind=kind, amount=amount, cutoff=cutoff), where)


def _read_document(data: object, where: str) -> RequiredDocument:
    required = ("name", "originals", "certified_copies", "photocopies")
    obj = _object(data, where, required, ("code", "mandatory", "note"))
    return _build(
        where,
        lambda: RequiredDocument(
            code=obj.get("code"),
            name=obj["name"],
            originals=obj["originals"],
            certified_copies=obj["certified_copies"],
            photocopies=obj["photocopies"],
            mandatory=obj.get("mandatory", True),
            note=obj.get("note"),
        ),
    )


def _read_tier(data: object, where: str) -> FeeTier:
    obj = _object(data, where, ("from_page", "amount"), ())
    return _build(where, lambda: FeeTier(from_page=obj["from_page"], amount=obj["amount"]))


def _read_fee(data: object, where: str) -> FeeRule:
    obj = _object(data, where, ("code", "name", "kind"), ("amount", "tiers", "cap_per_copy", "note"))
    tiers_where = _join(where, "tiers")
    tiers = tuple(
        _read_tier(item, f"{tiers_where}[{i}]")
        for i, item in enumerate(_list(obj.get("tiers", []), tiers_where))
    )
    return _build(
        where,
        lambda: FeeRule(
            code=obj["code"],
            name=obj["name"],
            kind=obj["kind"],
            amount=obj.get("amount"),
            tiers=tiers,
            cap_per_copy=obj.get("cap_per_copy"),
            note=obj.get("note"),
        ),
    )


def _read_version(data: object, where: str) -> ProcedureVersion:
    obj = _object(
        data,
        where,
        ("effective_from", "processing_time", "documents", "fees"),
        ("effective_to", "extended_processing_time", "legal_basis", "note"),
    )
    effective_from = _read_date(obj["effective_from"], _join(where, "effective_from"))
    raw_to = obj.get("effective_to")
    effective_to = None if raw_to is None else _read_date(raw_to, _join(where, "effective_to"))
    processing_time = _read_processing_time(obj["processing_time"], _join(where, "processing_time"))
    raw_extended = obj.get("extended_processing_time")
    extended = (
        None
        if raw_extended is None
        else _read_processing_time(raw_extended, _join(where, "extended_processing_time"))
    )
    documents_where = _join(where, "documents")
    documents = tuple(
        _read_document(item, f"{documents_where}[{i}]")
        for i, item in enumerate(_list(obj["documents"], documents_where))
    )
    fees_where = _join(where, "fees")
    fees = tuple(
        _read_fee(item, f"{fees_where}[{i}]") for i, item in enumerate(_list(obj["fees"], fees_where))
    )
    return _build(
        where,
        lambda: ProcedureVersion(
            effective_from=effective_from,
            effective_to=effective_to,
            processing_time=processing_time,
            extended_processing_time=extended,
            documents=documents,
            fees=fees,
            legal_basis=obj.get("legal_basis"),
            note=obj.get("note"),
        ),
    )


def _read_procedure(data: object, where: str) -> Procedure:
    if not isinstance(data, dict) or "code" not in data:
        _object(data, where, ("code",), ("name", "field", "versions", "field_code"))
    code = _check_code(cast(dict[str, Any], data)["code"], _join(where, "code"))
    try:
        obj = _object(data, "", ("code", "name", "field", "versions"), ("field_code",))
        versions = tuple(
            _read_version(item, f"versions[{i}]") for i, item in enumerate(_list(obj["versions"], "versions"))
        )
        return Procedure(
            code=code,
            name=obj["name"],
            field=obj["field"],
            field_code=obj.get("field_code"),
            versions=versions,
        )
    except CatalogError as exc:
        raise _at_procedure(code, exc) from None


def load_catalog(text: str) -> list[Procedure]:
    """The procedures of a catalogue JSON document (``"format": "motcua.catalog/1"``), in document order.

    Refuses bad JSON, another format, missing or unknown fields, negative counts, unknown kinds, bad
    dates, overlapping versions and repeated procedure codes (compared without regard to case) with a
    :class:`CatalogError` naming the procedure code and the field at fault. All text comes back NFC.
    """
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise CatalogError(f"the catalogue is not valid JSON: {exc}", problem="invalid JSON") from None
    top = _object(document, "", ("format", "procedures"), ("source",))
    if top["format"] != CATALOG_FORMAT:
        raise _fail("format", f"expected {CATALOG_FORMAT!r} (got {top['format']!r})")
    if top.get("source") is not None and not isinstance(top["source"], str):
        raise _fail("source", f"must be text or null (got {top['source']!r})")
    procedures = [
        _read_procedure(item, f"procedures[{i}]")
        for i, item in enumerate(_list(top["procedures"], "procedures"))
    ]
    _refuse_repeated_codes(procedures)
    return procedures


def _refuse_repeated_codes(procedures: Sequence[Procedure]) -> None:
    repeated = _first_duplicate(p.code for p in procedures)
    if repeated is not None:
        raise _at_procedure(repeated, _fail("code", "appears more than once in the catalogue"))


def dump_catalog(procedures: Iterable[Procedure], *, source: str | None = None) -> str:
    """The catalogue JSON document of ``procedures``: indented, UTF-8 text (not ``\\u`` escapes), keys in
    a fixed order, procedures in the order given, so that ``load_catalog(dump_catalog(x)) == x``.

    Refuses repeated procedure codes with :class:`CatalogError`.
    """
    items = list(procedures)
    _refuse_repeated_codes(items)
    document = {
        "format": CATALOG_FORMAT,
        "source": None if source is None else nfc(source),
        "procedures": [p.to_json() for p in items],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def load_seed_catalog() -> list[Procedure]:
    """The catalogue shipped with the application (``resources/catalog/procedures.json``)."""
    return load_catalog(read_text("catalog", "procedures.json"))

"""Vietnam's personal identification number and the chip ID card's QR code (domain.md §6).

A personal ID has 12 digits: a 3-digit province code of birth registration, one digit for century and sex,
two digits of the birth year and 6 random digits. There is **no checksum**, so a well-formed number can only
be checked for shape, province code and a birth year that is not in the future. The old ID (CMND) has 9
digits and carries no meaning this module may rely on.

The province code is where the birth was *registered*, under the 63 pre-2025 provinces; it never tells the
holder's current province (codes are never re-issued and the 2025 merger kept lead provinces' codes).

:func:`check_id` never raises: it reports a stable ``reason`` code and an English ``message``.
:func:`require_personal_id`, :func:`require_id_number` and :func:`parse_card_qr` raise
:class:`~records.errors.InvalidPersonalId` / :class:`~records.errors.InvalidQrText` with a ``reason`` param.

Pure Python: nothing here imports Qt.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from records import clock
from records.errors import InvalidPersonalId, InvalidQrText
from records.text import fold, nfc

IdKind = Literal["personal_id", "old_id"]
Sex = Literal["male", "female"]

PERSONAL_ID_LENGTH = 12
OLD_ID_LENGTH = 9

# The 63 pre-2025 province codes [V] (domain.md §6), names in NFC. Never re-issued; see the module docstring.
PROVINCES: Mapping[str, str] = types.MappingProxyType(
    {
        "001": "Hà Nội",
        "002": "Hà Giang",
        "004": "Cao Bằng",
        "006": "Bắc Kạn",
        "008": "Tuyên Quang",
        "010": "Lào Cai",
        "011": "Điện Biên",
        "012": "Lai Châu",
        "014": "Sơn La",
        "015": "Yên Bái",
        "017": "Hòa Bình",
        "019": "Thái Nguyên",
        "020": "Lạng Sơn",
        "022": "Quảng Ninh",
        "024": "Bắc Giang",
        "025": "Phú Thọ",
        "026": "Vĩnh Phúc",
        "027": "Bắc Ninh",
        "030": "Hải Dương",
        "031": "Hải Phòng",
        "033": "Hưng Yên",
        "034": "Thái Bình",
        "035": "Hà Nam",
        "036": "Nam Định",
        "037": "Ninh Bình",
        "038": "Thanh Hóa",
        "040": "Nghệ An",
        "042": "Hà Tĩnh",
        "044": "Quảng Bình",
        "045": "Quảng Trị",
        "046": "Thừa Thiên Huế",
        "048": "Đà Nẵng",
        "049": "Quảng Nam",
        "051": "Quảng Ngãi",
        "052": "Bình Định",
        "054": "Phú Yên",
        "056": "Khánh Hòa",
        "058": "Ninh Thuận",
        "060": "Bình Thuận",
        "062": "Kon Tum",
        "064": "Gia Lai",
        "066": "Đắk Lắk",
        "067": "Đắk Nông",
        "068": "Lâm Đồng",
        "070": "Bình Phước",
        "072": "Tây Ninh",
        "074": "Bình Dương",
        "075": "Đồng Nai",
        "077": "Bà Rịa - Vũng Tàu",
        "079": "TP Hồ Chí Minh",
        "080": "Long An",
        "082": "Tiền Giang",
        "083": "Bến Tre",
        "084": "Trà Vinh",
        "086": "Vĩnh Long",
        "087": "Đồng Tháp",
        "089": "An Giang",
        "091": "Kiên Giang",
        "092": "Cần Thơ",
        "093": "Hậu Giang",
        "094": "Sóc Trăng",
        "095": "Bạc Liêu",
        "096": "Cà Mau",
    }
)

# Reason codes check_id can give (stable: the UI maps them to Vietnamese).
ID_REASONS: frozenset[str] = frozenset(
    {"empty", "not_digits", "wrong_length", "unknown_province", "future_birth_year"}
)

# Warning codes parse_card_qr can give, with their English sentences.
_WARNINGS: Mapping[str, str] = types.MappingProxyType(
    {
        "sex_mismatch": (
            "The sex encoded in the personal ID differs from the sex printed in the card's QR code."
        ),
        "birth_year_mismatch": (
            "The birth year encoded in the personal ID differs from the year of the date of birth in the "
            "card's QR code."
        ),
    }
)
WARNING_CODES: frozenset[str] = frozenset(_WARNINGS)

_QR_FIELDS = 7
_BOM = "\ufeff"


@dataclass(frozen=True)
class IdCheck:
    """The result of :func:`check_id`: what a typed ID number is, or why it cannot be one.

    ``number`` is the input without whitespace. When ``valid`` is false, ``reason`` is a stable code (see
    :data:`ID_REASONS`) and ``message`` an English sentence; both are ``None`` when valid. Province, sex and
    birth year are only filled for a valid 12-digit personal ID.
    """

    number: str
    valid: bool
    kind: IdKind | None = None
    province_code: str | None = None
    province_name: str | None = None
    sex: Sex | None = None
    birth_year: int | None = None
    reason: str | None = None
    message: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The check as a JSON-ready dict (keys: number, valid, kind, province_code, province_name, sex,
        birth_year, reason, message)."""
        return {
            "number": self.number,
            "valid": self.valid,
            "kind": self.kind,
            "province_code": self.province_code,
            "province_name": self.province_name,
            "sex": self.sex,
            "birth_year": self.birth_year,
            "reason": self.reason,
            "message": self.message,
        }


@dataclass(frozen=True)
class CardQr:
    """The fields of a chip ID card's QR code, NFC, with cross-check ``warnings`` (stable codes)."""

    personal_id: str
    old_id: str | None
    full_name: str
    date_of_birth: date
    sex: Sex
    address: str
    issue_date: date | None
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The card as a JSON-ready dict; dates as ISO ``YYYY-MM-DD`` (``None`` for a missing issue date)."""
        return {
            "personal_id": self.personal_id,
            "old_id": self.old_id,
            "full_name": self.full_name,
            "date_of_birth": self.date_of_birth.isoformat(),
            "sex": self.sex,
            "address": self.address,
            "issue_date": self.issue_date.isoformat() if self.issue_date is not None else None,
            "warnings": list(self.warnings),
        }


def _clean(number: str) -> str:
    """``number`` without any whitespace (clerks type "001 099 012345")."""
    return "".join(number.split())


def _is_ascii_digits(text: str) -> bool:
    """True when ``text`` is non-empty and only ASCII 0-9 (``str.isdigit`` also accepts other scripts)."""
    return text.isascii() and text.isdigit()


def _century_and_sex(digit: int) -> tuple[int, Sex]:
    """The first year of the century and the sex that the ID's 4th digit encodes (0/1 -> 1900 male/female)."""
    return 1900 + (digit // 2) * 100, ("male" if digit % 2 == 0 else "female")


def _today(today: date | None) -> date:
    """``today`` or, when ``None``, today's date in Vietnam."""
    return today if today is not None else clock.now().date()


def _invalid(number: str, reason: str, message: str) -> IdCheck:
    """An invalid :class:`IdCheck`."""
    return IdCheck(number=number, valid=False, reason=reason, message=message)


def check_id(number: str, *, today: date | None = None) -> IdCheck:
    """Check a 12-digit personal ID or a 9-digit old ID (CMND) as typed or scanned. Never raises.

    Whitespace anywhere is dropped. A 12-digit number must start with one of the 63 province codes and its
    birth year (century from the 4th digit, year from the 5th-6th) must not be after ``today``'s year
    (default: today in Vietnam). A 9-digit number is a valid old ID with nothing decoded from it. There is no
    checksum. Reasons: ``empty``, ``not_digits``, ``wrong_length``, ``unknown_province``,
    ``future_birth_year``.
    """
    cleaned = _clean(number)
    if not cleaned:
        return _invalid(cleaned, "empty", "No ID number was given.")
    if not _is_ascii_digits(cleaned):
        return _invalid(cleaned, "not_digits", "An ID number may contain only the digits 0-9.")
    if len(cleaned) == OLD_ID_LENGTH:
        return IdCheck(number=cleaned, valid=True, kind="old_id")
    if len(cleaned) != PERSONAL_ID_LENGTH:
        return _invalid(
            cleaned,
            "wrong_length",
            f"A personal ID has 12 digits (an old ID 9); this number has {len(cleaned)}.",
        )
    province_code = cleaned[:3]
    province_name = PROVINCES.get(province_code)
    if province_name is None:
        return _invalid(
            cleaned,
            "unknown_province",
            f"The first three digits ({province_code}) are not one of the 63 province codes.",
        )
    century, sex = _century_and_sex(int(cleaned[3]))
    birth_year = century + int(cleaned[4:6])
    this_year = _today(today).year
    if birth_year > this_year:
        return _invalid(
            cleaned,
            "future_birth_year",
            f"The ID encodes birth year {birth_year}, which is after the current year {this_year}.",
        )
    return IdCheck(
        number=cleaned,
        valid=True,
        kind="personal_id",
        province_code=province_code,
        province_name=province_name,
        sex=sex,
        birth_year=birth_year,
    )


def require_personal_id(number: str, *, today: date | None = None) -> str:
    """The cleaned 12-digit personal ID, or :class:`InvalidPersonalId` with a ``reason`` param.

    A valid 9-digit old ID is refused here with reason ``old_id_not_accepted``; use
    :func:`require_id_number` where either is allowed.
    """
    result = check_id(number, today=today)
    if not result.valid:
        assert result.reason is not None and result.message is not None
        raise InvalidPersonalId(result.message, reason=result.reason, value=result.number)
    if result.kind != "personal_id":
        raise InvalidPersonalId(
            "This is a 9-digit old ID (CMND); a 12-digit personal ID is required.",
            reason="old_id_not_accepted",
            value=result.number,
        )
    return result.number


def require_id_number(number: str, *, today: date | None = None) -> tuple[str, IdKind]:
    """The cleaned number and its kind (``personal_id`` or ``old_id``), or :class:`InvalidPersonalId`."""
    result = check_id(number, today=today)
    if not result.valid or result.kind is None:
        assert result.reason is not None and result.message is not None
        raise InvalidPersonalId(result.message, reason=result.reason, value=result.number)
    return result.number, result.kind


def describe_warning(code: str) -> str:
    """The English sentence for a :class:`CardQr` warning code. An unknown code is a bug: ``ValueError``."""
    try:
        return _WARNINGS[code]
    except KeyError:
        raise ValueError(f"unknown card QR warning code: {code!r}") from None


def _parse_ddmmyyyy(text: str, field: str) -> date:
    """A ``ddmmyyyy`` date from the QR, or :class:`InvalidQrText` (reason ``invalid_date``)."""
    label = field.replace("_", " ")
    if len(text) != 8 or not _is_ascii_digits(text):
        raise InvalidQrText(
            f"The {label} in the card's QR code is not a date in the form ddmmyyyy: {text!r}.",
            reason="invalid_date",
            field=field,
            value=text,
        )
    try:
        return date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError:
        raise InvalidQrText(
            f"The {label} in the card's QR code is not a real date: {text!r}.",
            reason="invalid_date",
            field=field,
            value=text,
        ) from None


def _parse_sex(text: str) -> Sex:
    """``Nam`` -> male, ``Nữ`` -> female, case- and diacritic-insensitively; else :class:`InvalidQrText`."""
    folded = fold(text)
    if folded == "nam":
        return "male"
    if folded == "nu":
        return "female"
    raise InvalidQrText(
        f"The sex in the card's QR code must be 'Nam' or 'Nữ', not {text!r}.",
        reason="unknown_sex",
        value=text,
    )


def parse_card_qr(text: str, *, today: date | None = None) -> CardQr:
    """Read the text a USB 2D scanner types from a chip ID card's QR code.

    The payload is ``ID(12)|old ID(9 or empty)|full name|date of birth ddmmyyyy|Nam/Nữ|address|issue date
    ddmmyyyy``; fields after the 7th (2024 cards) are ignored. Surrounding whitespace, a trailing CR/LF and a
    leading BOM are tolerated; every field is NFC-normalised. Raises :class:`InvalidQrText` with a ``reason``
    param: ``too_few_fields``, ``invalid_personal_id`` (with ``id_reason``), ``invalid_old_id``,
    ``empty_name``, ``invalid_date`` (with ``field``), ``future_date_of_birth``, ``unknown_sex``,
    ``issue_before_birth``. Disagreements between the ID and the other fields become ``warnings``
    (``sex_mismatch``, ``birth_year_mismatch``), not errors. An empty issue date gives ``None``.
    """
    payload = text.strip().lstrip(_BOM).strip()
    fields = [nfc(part) for part in payload.split("|")]
    if len(fields) < _QR_FIELDS:
        raise InvalidQrText(
            f"The scanned text has {len(fields)} '|'-separated field(s); a chip ID card's QR code has at "
            f"least {_QR_FIELDS}.",
            reason="too_few_fields",
            fields=len(fields),
        )
    raw_id, raw_old_id, full_name, raw_birth, raw_sex, address, raw_issue = fields[:_QR_FIELDS]
    today_date = _today(today)

    id_check = check_id(raw_id, today=today_date)
    if not id_check.valid or id_check.kind != "personal_id":
        detail = id_check.message or "This is a 9-digit old ID (CMND); a 12-digit personal ID is required."
        raise InvalidQrText(
            f"The card's QR code does not start with a valid personal ID. {detail}",
            reason="invalid_personal_id",
            id_reason=id_check.reason or "old_id_not_accepted",
            value=raw_id,
        )

    old_id: str | None = _clean(raw_old_id) or None
    if old_id is not None and not (len(old_id) == OLD_ID_LENGTH and _is_ascii_digits(old_id)):
        raise InvalidQrText(
            f"The old ID in the card's QR code must be empty or 9 digits, not {raw_old_id!r}.",
            reason="invalid_old_id",
            value=raw_old_id,
        )

    if not full_name:
        raise InvalidQrText("The full name in the card's QR code is empty.", reason="empty_name")

    date_of_birth = _parse_ddmmyyyy(raw_birth, "date_of_birth")
    if date_of_birth > today_date:
        raise InvalidQrText(
            f"The date of birth in the card's QR code ({date_of_birth.isoformat()}) is in the future.",
            reason="future_date_of_birth",
            value=raw_birth,
        )

    sex = _parse_sex(raw_sex)

    issue_date = _parse_ddmmyyyy(raw_issue, "issue_date") if raw_issue else None
    if issue_date is not None and issue_date < date_of_birth:
        raise InvalidQrText(
            f"The issue date in the card's QR code ({issue_date.isoformat()}) is before the date of birth "
            f"({date_of_birth.isoformat()}).",
            reason="issue_before_birth",
            value=raw_issue,
        )

    warnings: list[str] = []
    if id_check.sex != sex:
        warnings.append("sex_mismatch")
    if id_check.birth_year != date_of_birth.year:
        warnings.append("birth_year_mismatch")

    return CardQr(
        personal_id=id_check.number,
        old_id=old_id,
        full_name=full_name,
        date_of_birth=date_of_birth,
        sex=sex,
        address=address,
        issue_date=issue_date,
        warnings=tuple(warnings),
    )

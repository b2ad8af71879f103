"""Citizens and organisations that own or submit files: what the counter collects, checked and normalised.

A person is known by the 12-digit personal ID (or, on an old card, the 9-digit ID); an organisation or a
household business by its tax or registration code. The address is free text in the post-2025 two-level
form ("thôn/tổ dân phố, xã/phường, tỉnh/thành phố"): no district level exists any more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any, Literal

from records import personal_id as pid
from records.clock import now, parse_date
from records.enums import parse_coded
from records.errors import InvalidInput
from records.text import fold, nfc, optional_nfc

Sex = Literal["male", "female"]


class ApplicantKind(IntEnum):
    """``LoaiDoiTuong`` of the national portal."""

    CITIZEN = 1  # công dân
    BUSINESS = 2  # doanh nghiệp, hộ kinh doanh
    STATE_BODY = 3  # cơ quan nhà nước
    OTHER_ORGANISATION = 4  # tổ chức khác

    @classmethod
    def parse(cls, value: object) -> ApplicantKind:
        """A kind from its code or name: ``citizen``, ``business``, ``state_body``, ``other_organisation``."""
        return parse_coded(cls, value, f"unknown applicant kind {value!r}")


# National number: 9-10 ASCII digits not starting with 0 (an optional trunk 0 after +84 is dropped).
_PHONE = re.compile(r"^(?:\+?840?|0)([1-9][0-9]{8,9})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ORG_CODE = re.compile(r"^[0-9A-Z][0-9A-Z-]{4,31}$")


def normalise_phone(text: str | None) -> str | None:
    """A Vietnamese phone number as ``0`` + 9–10 digits (``+84 912 345 678`` -> ``0912345678``)."""
    if text is None or not text.strip():
        return None
    digits = re.sub(r"[\s.()-]", "", text)
    match = _PHONE.match(digits)
    if not match:
        raise InvalidInput(f"{text!r} is not a Vietnamese phone number", field="phone", value=text)
    return "0" + match.group(1)


@dataclass(frozen=True)
class CitizenInput:
    """A person's or an organisation's particulars as given at the counter, checked and normalised."""

    full_name: str
    kind: ApplicantKind = ApplicantKind.CITIZEN
    personal_id: str | None = None
    old_id: str | None = None
    org_code: str | None = None
    date_of_birth: date | None = None
    sex: Sex | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None

    @property
    def name_folded(self) -> str:
        """The name as searched: lower case, no diacritics, đ -> d."""
        return fold(self.full_name)

    @classmethod
    def from_json(cls, data: Any, *, role: str = "applicant") -> CitizenInput:
        """Read and check one person or organisation from JSON (``role`` names it in error messages)."""
        if not isinstance(data, dict):
            raise InvalidInput(f"{role} must be a JSON object", field=role)
        kind = ApplicantKind.parse(data.get("kind", 1))
        name = nfc(str(data.get("full_name") or ""))
        if not name:
            raise InvalidInput(f"{role}.full_name is required", field=f"{role}.full_name")
        if len(name) > 255:
            raise InvalidInput(f"{role}.full_name is longer than 255 characters", field=f"{role}.full_name")
        personal = _text(data, "personal_id")
        old = _text(data, "old_id")
        org = _text(data, "org_code")
        checked_personal: str | None = None
        checked_old: str | None = None
        if personal:
            try:
                checked_personal = pid.require_personal_id(personal)
            except InvalidInput as exc:
                raise exc.about(f"{role}.personal_id") from None
        if old:
            try:
                number, id_kind = pid.require_id_number(old)
            except InvalidInput as exc:
                raise exc.about(f"{role}.old_id") from None
            if id_kind != "old_id":
                raise InvalidInput(f"{role}.old_id must have 9 digits", field=f"{role}.old_id", value=old)
            checked_old = number
        checked_org: str | None = None
        if org:
            checked_org = org.upper().replace(" ", "")
            if not _ORG_CODE.match(checked_org):
                raise InvalidInput(
                    f"{role}.org_code {org!r} is not a tax or registration code", field=f"{role}.org_code"
                )
        if kind is ApplicantKind.CITIZEN and not (checked_personal or checked_old):
            raise InvalidInput(
                f"{role}.personal_id is required for a citizen (12 digits, or old_id with 9)",
                field=f"{role}.personal_id",
            )
        if kind is not ApplicantKind.CITIZEN and not checked_org:
            raise InvalidInput(
                f"{role}.org_code is required for an organisation or business", field=f"{role}.org_code"
            )
        dob_text = _text(data, "date_of_birth")
        dob = parse_date(dob_text) if dob_text else None
        if dob is not None and dob > now().date():
            raise InvalidInput(f"{role}.date_of_birth is in the future", field=f"{role}.date_of_birth")
        sex = _text(data, "sex")
        if sex is not None and sex not in ("male", "female"):
            raise InvalidInput(f"{role}.sex must be male or female", field=f"{role}.sex", value=sex)
        email = _text(data, "email")
        if email is not None and not _EMAIL.match(email):
            raise InvalidInput(f"{role}.email {email!r} is not an e-mail address", field=f"{role}.email")
        try:
            phone = normalise_phone(_text(data, "phone"))
        except InvalidInput as exc:
            raise exc.about(f"{role}.phone") from None
        return cls(
            full_name=name,
            kind=kind,
            personal_id=checked_personal,
            old_id=checked_old,
            org_code=checked_org,
            date_of_birth=dob,
            sex=sex,  # type: ignore[arg-type]  # checked just above
            address=optional_nfc(_text(data, "address")),
            phone=phone,
            email=email,
        )


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    text = nfc(str(value))
    return text or None


@dataclass(frozen=True)
class CitizenView:
    """A stored person or organisation, as the services hand it out."""

    id: str
    kind: ApplicantKind
    full_name: str
    personal_id: str | None
    old_id: str | None
    org_code: str | None
    date_of_birth: date | None
    sex: Sex | None
    address: str | None
    phone: str | None
    email: str | None

    @property
    def id_number(self) -> str | None:
        """The number that identifies them: personal ID, old ID or organisation code."""
        return self.personal_id or self.old_id or self.org_code

    def to_json(self) -> dict[str, Any]:
        """The JSON the command line prints."""
        return {
            "id": self.id,
            "kind": self.kind.name.lower(),
            "full_name": self.full_name,
            "personal_id": self.personal_id,
            "old_id": self.old_id,
            "org_code": self.org_code,
            "date_of_birth": self.date_of_birth.isoformat() if self.date_of_birth else None,
            "sex": self.sex,
            "address": self.address,
            "phone": self.phone,
            "email": self.email,
        }

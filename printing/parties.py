"""The people and the unit a form names, as plain printable values built from the records' views."""

from __future__ import annotations

from dataclasses import dataclass

from printing.wording import honorific
from records.citizens import ApplicantKind, CitizenView
from records.services.settings import AgencyConfig


@dataclass(frozen=True)
class Party:
    """A person or organisation as a form prints them."""

    name: str
    honorific: str  # Ông / Bà / Ông/Bà; empty for an organisation
    id_label: str  # Số định danh cá nhân / Số CMND / Mã số doanh nghiệp, tổ chức
    id_number: str | None
    address: str | None
    phone: str | None
    email: str | None

    @property
    def addressed(self) -> str:
        """``Ông Nguyễn Văn An``, or the organisation's name."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    @property
    def contact(self) -> str:
        """Address and phone on one line (the register's column)."""
        return "; ".join(part for part in (self.address, self.phone) if part)


def party(citizen: CitizenView) -> Party:
    """A citizen view as the forms print it."""
    if citizen.personal_id:
        label, number = "Số định danh cá nhân", citizen.personal_id
    elif citizen.old_id:
        label, number = "Số Chứng minh nhân dân", citizen.old_id
    elif citizen.org_code:
        label, number = "Mã số doanh nghiệp, tổ chức", citizen.org_code
    else:
        label, number = "Số định danh cá nhân", None
    is_person = citizen.kind is ApplicantKind.CITIZEN
    return Party(
        name=citizen.full_name,
        honorific=honorific(citizen.sex) if is_person else "",
        id_label=label,
        id_number=number,
        address=citizen.address,
        phone=citizen.phone,
        email=citizen.email,
    )


@dataclass(frozen=True)
class Issuer:
    """The unit that issues a form: the letterhead's two lines and the place of the date line."""

    parent_name: str | None
    unit_name: str
    place: str | None
    agency_code: str
    workstation: int


def issuer(agency: AgencyConfig) -> Issuer:
    """The issuing unit from the installation's agency settings."""
    return Issuer(agency.parent_name, agency.name, agency.place, agency.code, agency.workstation)

"""Installation settings kept in the store: the agency, this workstation, office hours, the code scheme.

They live in the database, not in a per-user file, because the sync issue ships them to the centre and
because every workstation of a commune must agree on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from records import audit
from records.calendar import OfficeHours
from records.clock import now
from records.errors import InvalidInput, NotInitialised
from records.file_codes import FileCodeScheme, normalise_agency_code
from records.forms import FormSet, load_form_set
from records.services.users import system_actor
from records.store.database import Database
from records.store.models import Setting
from records.text import nfc, optional_nfc
from records.users import Actor

AGENCY = "agency"
WORKSTATION = "workstation"
FILE_CODE_SCHEME = "file_code_scheme"
OFFICE_HOURS = "office_hours"
FORM_SET = "form_set"
RECEIPT_LOOKUP_URL = "receipt_lookup_url"  # the status-lookup link template printed as the receipt's QR
TRUSTED_KEYS = "trusted_keys"  # other workstations' public keys whose receipt codes this one checks


@dataclass(frozen=True)
class AgencyConfig:
    """Who this installation is: the receiving agency and this workstation's number."""

    code: str
    name: str
    parent_name: str | None
    place: str | None
    workstation: int
    scheme: FileCodeScheme


class SettingsService:
    """Reads and writes the installation settings."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        """One setting's value (``default`` when it is not set)."""
        with self._db.reading() as uow:
            return get_setting(uow.session, key, default)

    def agency(self) -> AgencyConfig:
        """The agency and workstation; :class:`NotInitialised` before ``motcua init``."""
        with self._db.reading() as uow:
            return load_agency(uow.session)

    def is_initialised(self) -> bool:
        """Whether an agency has been set up."""
        return self.get(AGENCY) is not None

    def form_set(self) -> FormSet:
        """The agency's form set (TT 03/2025 unless ``form_set`` names another shipped set)."""
        return load_form_set(self.get(FORM_SET))

    def use_form_set(self, actor: Actor, set_id: str) -> FormSet:
        """Choose the agency's form set (``tt03-2025`` or ``tt01-2018``)."""
        chosen = load_form_set(set_id)
        with self._db.writing() as uow:
            put_setting(uow.session, FORM_SET, chosen.id)
            details = {"form_set": chosen.id}
            audit.append(uow.session, actor, "settings.form_set", "settings", FORM_SET, details)
            uow.commit()
        return chosen

    def office_hours(self) -> OfficeHours:
        """The office hours of the working calendar (07:00–11:30, 13:30–17:00 unless configured)."""
        text = self.get(OFFICE_HOURS)
        return OfficeHours.parse(text) if text else OfficeHours()

    def initialise(
        self,
        *,
        agency_code: str,
        agency_name: str,
        workstation: int = 1,
        parent_name: str | None = None,
        place: str | None = None,
        scheme: FileCodeScheme | None = None,
    ) -> AgencyConfig:
        """Set up (or re-set) the agency and this workstation's number."""
        code = normalise_agency_code(agency_code)
        name = nfc(agency_name)
        if not name:
            raise InvalidInput("the agency name is required", field="agency_name")
        chosen = scheme or FileCodeScheme()
        chosen.check_workstation(workstation)
        with self._db.writing() as uow:
            existing = get_setting(uow.session, FILE_CODE_SCHEME)
            if existing is not None and scheme is None:
                chosen = FileCodeScheme.from_json(existing)
                chosen.check_workstation(workstation)
            put_setting(
                uow.session,
                AGENCY,
                {
                    "code": code,
                    "name": name,
                    "parent_name": optional_nfc(parent_name),
                    "place": optional_nfc(place),
                },
            )
            put_setting(uow.session, WORKSTATION, workstation)
            put_setting(uow.session, FILE_CODE_SCHEME, chosen.to_json())
            audit.append(
                uow.session,
                system_actor(uow.session, workstation),
                "agency.initialised",
                "settings",
                code,
                {"name": name, "workstation": workstation},
            )
            config = load_agency(uow.session)
            uow.commit()
        return config


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    """A setting's value within an existing unit of work."""
    row = session.get(Setting, key)
    return default if row is None else row.value


def put_setting(session: Session, key: str, value: Any) -> None:
    """Set a setting within an existing unit of work."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value, updated_at=now()))
    else:
        row.value = value
        row.updated_at = now()


def load_agency(session: Session) -> AgencyConfig:
    """The agency configuration within an existing unit of work."""
    agency = get_setting(session, AGENCY)
    if agency is None:
        raise NotInitialised(
            "this store has no agency yet: run 'motcua init --agency-code C --agency-name N' first"
        )
    scheme = FileCodeScheme.from_json(get_setting(session, FILE_CODE_SCHEME) or {})
    return AgencyConfig(
        code=agency["code"],
        name=agency["name"],
        parent_name=agency.get("parent_name"),
        place=agency.get("place"),
        workstation=int(get_setting(session, WORKSTATION, 1)),
        scheme=scheme,
    )

"""Installation settings kept in the store: the agency, this workstation, office hours, the code scheme.

They live in the database, not in a per-user file, because the sync issue ships them to the centre and
because every workstation of a commune must agree on them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from records import audit
from records.calendar import OfficeHours
from records.clock import now
from records.errors import InvalidInput, NotInitialised
from records.file_codes import FileCodeScheme, normalise_agency_code
from records.forms import FormSet, load_form_set
from records.services.users import add_user, check_username, has_accounts, system_actor
from records.store.database import Database
from records.store.models import Setting
from records.text import nfc, optional_nfc
from records.users import Actor, Role, hash_password, require_admin

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
        self._listeners: list[Callable[[str], None]] = []

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

    def on_change(self, listener: Callable[[str], None]) -> None:
        """Call ``listener(key)`` after a change of the setting ``key`` is committed (the calendar service
        forgets its cached calendar when the office hours change)."""
        self._listeners.append(listener)

    def _changed(self, key: str) -> None:
        for listener in self._listeners:
            listener(key)

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
        agency = _AgencyInput.checked(agency_code, agency_name, parent_name, place, workstation, scheme)
        with self._db.writing() as uow:
            actor = system_actor(uow.session, agency.workstation)
            config = _store_agency(uow.session, agency, actor, "agency.initialised")
            uow.commit()
        self._changed(AGENCY)
        return config

    def setup(
        self,
        *,
        agency_code: str,
        agency_name: str,
        parent_name: str | None = None,
        place: str | None = None,
        workstation: int = 1,
        admin_username: str,
        admin_full_name: str,
        admin_password: str,
    ) -> tuple[AgencyConfig, Actor]:
        """The first start: set the agency and create the first administrator, together or not at all.

        Everything is checked before anything is written (the agency code and name, the workstation, the
        user name, the password's rules), and both are written in one unit of work. Refused
        (:class:`InvalidInput`) once the installation is set up: an agency and an account already exist.
        Returns the agency and the new administrator, logged in."""
        agency = _AgencyInput.checked(agency_code, agency_name, parent_name, place, workstation, None)
        username = check_username(admin_username, field="admin_username")
        full_name = nfc(admin_full_name)
        if not full_name:
            raise InvalidInput("the administrator's full name is required", field="admin_full_name")
        try:
            password_hash = hash_password(admin_password, username)  # slow: before the write lock is taken
        except InvalidInput as exc:
            raise exc.about("admin_password") from None
        with self._db.writing() as uow:
            session = uow.session
            if get_setting(session, AGENCY) is not None and has_accounts(session):
                raise InvalidInput(
                    "this installation is already set up: an administrator changes the agency in the settings"
                )
            system = system_actor(session, agency.workstation)
            config = _store_agency(session, agency, system, "agency.initialised")
            try:
                admin = add_user(session, system, username, full_name, Role.ADMIN, password_hash)
            except InvalidInput as exc:
                raise InvalidInput(exc.message, field="admin_username") from None
            uow.commit()
        self._changed(AGENCY)
        return config, admin

    def update_agency(
        self,
        actor: Actor,
        *,
        agency_code: str,
        agency_name: str,
        parent_name: str | None,
        place: str | None,
        workstation: int,
    ) -> AgencyConfig:
        """Change the agency's particulars or this workstation's number (admins only). New file codes use
        the new values; codes already given never change. :class:`NotInitialised` before the first
        start."""
        require_admin(actor, "change the agency")
        agency = _AgencyInput.checked(agency_code, agency_name, parent_name, place, workstation, None)
        with self._db.writing() as uow:
            load_agency(uow.session)  # NotInitialised: the first start sets the agency up
            config = _store_agency(uow.session, agency, actor, "agency.updated")
            uow.commit()
        self._changed(AGENCY)
        return config

    def set_office_hours(self, actor: Actor, hours: OfficeHours) -> OfficeHours:
        """Change the office hours of the working calendar (admins only). Due dates already computed keep
        their value; files received from now on are due by the new hours."""
        require_admin(actor, "change the office hours")
        text = hours.format()
        with self._db.writing() as uow:
            before = get_setting(uow.session, OFFICE_HOURS)
            put_setting(uow.session, OFFICE_HOURS, text)
            details = {"from": before, "to": text}
            audit.append(uow.session, actor, "settings.office_hours", "settings", OFFICE_HOURS, details)
            uow.commit()
        self._changed(OFFICE_HOURS)
        return OfficeHours.parse(text)


@dataclass(frozen=True)
class _AgencyInput:
    """The agency's particulars, checked before any unit of work starts."""

    code: str
    name: str
    parent_name: str | None
    place: str | None
    workstation: int
    scheme: FileCodeScheme | None  # None: keep the stored scheme (the default one on a new store)

    @classmethod
    def checked(
        cls,
        agency_code: str,
        agency_name: str,
        parent_name: str | None,
        place: str | None,
        workstation: int,
        scheme: FileCodeScheme | None,
    ) -> _AgencyInput:
        code = normalise_agency_code(agency_code)
        name = nfc(agency_name)
        if not name:
            raise InvalidInput("the agency name is required", field="agency_name")
        (scheme or FileCodeScheme()).check_workstation(workstation)
        return cls(code, name, optional_nfc(parent_name), optional_nfc(place), workstation, scheme)


def _store_agency(session: Session, agency: _AgencyInput, actor: Actor, action: str) -> AgencyConfig:
    """Write the agency, the workstation and the code scheme (the stored one unless another is given) with
    the audit entry ``action`` naming what changed; returns the agency as stored."""
    chosen = agency.scheme or FileCodeScheme()
    existing = get_setting(session, FILE_CODE_SCHEME)
    if existing is not None and agency.scheme is None:
        chosen = FileCodeScheme.from_json(existing)
        chosen.check_workstation(agency.workstation)
    before = get_setting(session, AGENCY) or {}
    after = {
        "code": agency.code,
        "name": agency.name,
        "parent_name": agency.parent_name,
        "place": agency.place,
    }
    details: dict[str, Any] = {"name": agency.name, "workstation": agency.workstation}
    if before:
        changes = {k: {"old": before.get(k), "new": v} for k, v in after.items() if before.get(k) != v}
        old_workstation = get_setting(session, WORKSTATION)
        if old_workstation != agency.workstation:
            changes["workstation"] = {"old": old_workstation, "new": agency.workstation}
        details["changes"] = changes
    put_setting(session, AGENCY, after)
    put_setting(session, WORKSTATION, agency.workstation)
    put_setting(session, FILE_CODE_SCHEME, chosen.to_json())
    audit.append(session, actor, action, "settings", agency.code, details)
    return load_agency(session)


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

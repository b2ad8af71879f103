"""Receipt codes: signing the code a file's receipt carries, and checking a code someone presents.

A code is signed with this installation's key (:class:`records.keys.InstallationKeys`). Checking one finds
its signer among the keys this installation knows — its own, and the other workstations' keys an
administrator trusted (``motcua key trust``) — and compares what the code claims with the file in this
store, when the file is here. The owner's ID can only be compared on the installation that printed the
receipt: the ID hash is keyed with its secret salt (see :mod:`records.receipt_codes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from records import audit
from records.clock import iso, local, now
from records.errors import InvalidInput, NotInitialised, StorageUnavailable
from records.files import FileDetail
from records.keys import InstallationKeys, format_key_id, key_id_of, parse_public_key_text, public_key_text
from records.receipt_codes import (
    ReceiptClaim,
    SignedReceiptCode,
    build,
    check_lookup_template,
    id_hash,
    parse,
    qr_text,
    verify_signature,
)
from records.services.settings import (
    RECEIPT_LOOKUP_URL,
    TRUSTED_KEYS,
    SettingsService,
    get_setting,
    put_setting,
)
from records.store.database import Database
from records.store.models import File
from records.text import nfc
from records.users import Actor, require_admin
from records.workflow import Status

THIS_INSTALLATION = "this_installation"
TRUSTED = "trusted"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class TrustedKey:
    """Another workstation's public key, trusted to sign receipt codes."""

    key: bytes
    label: str
    added_at: datetime

    @property
    def key_id(self) -> int:
        """The key's short identifier."""
        return key_id_of(self.key)

    def to_json(self) -> dict[str, Any]:
        """The JSON the command line prints (and the setting stores, less ``key_id``)."""
        return {
            "key": public_key_text(self.key),
            "key_id": format_key_id(self.key_id),
            "label": self.label,
            "added_at": iso(self.added_at),
        }


@dataclass(frozen=True)
class ReceiptCheck:
    """The answer to "is this receipt code genuine, and does it match the file here?"."""

    claim: ReceiptClaim
    valid: bool
    signer_kind: str  # this_installation, trusted, unknown
    signer_label: str | None
    file_exists: bool
    file_status: Status | None
    file_due_at: datetime | None
    appointment_matches: bool | None
    id_matches: bool | None

    @property
    def status(self) -> str:
        """``valid``, ``invalid_signature`` (a known key did not sign it) or ``unknown_key``."""
        if self.valid:
            return "valid"
        return "unknown_key" if self.signer_kind == UNKNOWN else "invalid_signature"

    def to_json(self) -> dict[str, Any]:
        """The JSON the command line prints."""
        return {
            "valid": self.valid,
            "status": self.status,
            "file_code": self.claim.file_code,
            "agency_code": self.claim.agency_code,
            "appointment": iso(self.claim.appointment),
            "key_id": format_key_id(self.claim.key_id),
            "signer": {"kind": self.signer_kind, "label": self.signer_label},
            "file_exists": self.file_exists,
            "file_status": self.file_status.slug if self.file_status is not None else None,
            "file_due_at": iso(self.file_due_at) if self.file_due_at else None,
            "appointment_matches": self.appointment_matches,
            "id_matches": self.id_matches,
        }


class ReceiptService:
    """Signs receipt codes with this installation's key, checks presented codes, keeps the trusted keys."""

    def __init__(self, db: Database, settings: SettingsService, keys: InstallationKeys | None) -> None:
        self._db = db
        self._settings = settings
        self._key_store = keys

    @property
    def _keys(self) -> InstallationKeys:
        if self._key_store is None:
            raise NotInitialised("no key folder: this store was opened without the installation's keys")
        return self._key_store

    # -- this installation's key ------------------------------------------------------------------------

    def public_key_text(self) -> str:
        """This installation's public key as ``ed25519:<base64>`` (made on first use)."""
        return self._keys.public_key_text()

    def key_id(self) -> int:
        """This installation's key id."""
        return self._keys.key_id()

    # -- signing ------------------------------------------------------------------------------------------

    def code_for(self, detail: FileDetail) -> SignedReceiptCode:
        """The signed code of ``detail``'s receipt; :class:`InvalidInput` when the file has no appointment
        (a refused file)."""
        appointment = detail.appointment
        if appointment is None:
            raise InvalidInput(
                f"file {detail.code} has no appointment: its receipt carries no signed code", code=detail.code
            )
        keys = self._keys
        claim = ReceiptClaim(
            file_code=detail.code,
            agency_code=detail.agency_code,
            appointment=appointment,
            id_hash=id_hash(keys.id_salt(), detail.code, detail.owner.id_number),
            key_id=keys.key_id(),
        )
        return build(claim, keys.sign)

    def qr_text_for(self, detail: FileDetail) -> str:
        """The text of ``detail``'s receipt QR code: the signed code, or the configured lookup link."""
        return qr_text(self.code_for(detail).text, self._settings.get(RECEIPT_LOOKUP_URL))

    def set_lookup_url(self, actor: Actor, template: str | None) -> str | None:
        """Set (or, with ``None`` or blank, clear) the status-lookup link template (admins only)."""
        require_admin(actor, "set the receipt lookup link")
        checked = check_lookup_template(template) if template and template.strip() else None
        with self._db.writing() as uow:
            put_setting(uow.session, RECEIPT_LOOKUP_URL, checked)
            audit.append(
                uow.session,
                actor,
                "receipt.lookup_url_set",
                "settings",
                RECEIPT_LOOKUP_URL,
                {"template": checked},
            )
            uow.commit()
        return checked

    # -- checking -----------------------------------------------------------------------------------------

    def verify(self, text: str, id_number: str | None = None) -> ReceiptCheck:
        """Check the receipt code in ``text`` (:class:`InvalidQrText` when there is none).

        With ``id_number``, also whether it is the owner's — only for codes this installation signed.
        """
        code = parse(text)
        claim = code.claim
        keys = self._keys
        candidates: list[tuple[str, str | None, bytes]] = []
        own = keys.public_key()
        if key_id_of(own) == claim.key_id:
            candidates.append((THIS_INSTALLATION, self._own_label(), own))
        candidates.extend(
            (TRUSTED, trusted.label, trusted.key)
            for trusted in self.trusted_keys()
            if trusted.key_id == claim.key_id
        )
        kind, label, valid = UNKNOWN, None, False
        for candidate_kind, candidate_label, key in candidates:
            if verify_signature(code, key):
                kind, label, valid = candidate_kind, candidate_label, True
                break
        else:
            if candidates:  # a known key id whose key did not sign this: report the key it claims
                kind, label, _ = candidates[0]
        with self._db.reading() as uow:
            row = _file_facts(uow.session, claim.file_code)
        appointment_matches: bool | None = None
        if row is not None:
            file_appointment = row.original_due_at or row.due_at
            appointment_matches = file_appointment is not None and _to_minute(file_appointment) == _to_minute(
                claim.appointment
            )
        id_matches: bool | None = None
        # The hash is keyed with this installation's salt: another's codes cannot be compared, and an
        # unsigned claim says nothing about the owner.
        if id_number is not None and valid and kind == THIS_INSTALLATION:
            id_matches = id_hash(keys.id_salt(), claim.file_code, id_number) == claim.id_hash
        return ReceiptCheck(
            claim=claim,
            valid=valid,
            signer_kind=kind,
            signer_label=label,
            file_exists=row is not None,
            file_status=Status(row.status) if row is not None else None,
            file_due_at=row.due_at if row is not None else None,
            appointment_matches=appointment_matches,
            id_matches=id_matches,
        )

    def _own_label(self) -> str:
        try:
            agency = self._settings.agency()
        except NotInitialised:
            return "this installation"
        return f"{agency.code} workstation {agency.workstation}"

    # -- trusted keys -------------------------------------------------------------------------------------

    def trusted_keys(self) -> list[TrustedKey]:
        """The other workstations' keys this installation trusts, oldest first."""
        with self._db.reading() as uow:
            return _load_trusted(uow.session)

    def trust_key(self, actor: Actor, key_text: str, label: str) -> TrustedKey:
        """Trust another workstation's public key ``key_text`` (``ed25519:…``) to sign receipt codes
        (admins only). Refuses this installation's own key and a key already trusted."""
        require_admin(actor, "trust a key")
        raw = parse_public_key_text(key_text)
        name = nfc(label)
        if not name:
            raise InvalidInput("a trusted key needs a label (whose workstation it is)", field="label")
        if raw == self._keys.public_key():
            raise InvalidInput("this is this installation's own key: it is always trusted", field="key")
        with self._db.writing() as uow:
            existing = _load_trusted(uow.session)
            for other in existing:
                if other.key == raw:
                    raise InvalidInput(
                        f"key {format_key_id(other.key_id)} is already trusted as {other.label!r}",
                        field="key",
                    )
            added = TrustedKey(raw, name, now())
            put_setting(
                uow.session,
                TRUSTED_KEYS,
                [_stored(key) for key in [*existing, added]],
            )
            audit.append(
                uow.session,
                actor,
                "receipt.key_trusted",
                "settings",
                TRUSTED_KEYS,
                {"key": public_key_text(raw), "key_id": format_key_id(added.key_id), "label": name},
            )
            uow.commit()
        return added


def _stored(key: TrustedKey) -> dict[str, str]:
    return {"key": public_key_text(key.key), "label": key.label, "added_at": iso(key.added_at)}


def _load_trusted(session: Session) -> list[TrustedKey]:
    entries = get_setting(session, TRUSTED_KEYS) or []
    keys: list[TrustedKey] = []
    try:
        for entry in entries:
            keys.append(
                TrustedKey(
                    parse_public_key_text(entry["key"]),
                    str(entry["label"]),
                    datetime.fromisoformat(entry["added_at"]),
                )
            )
    except (InvalidInput, KeyError, TypeError, ValueError) as exc:
        # Only trust_key writes this setting: a malformed one was edited by hand, and guessing which keys
        # were meant could trust the wrong one.
        raise StorageUnavailable(f"the {TRUSTED_KEYS} setting is malformed: {exc}") from exc
    return keys


@dataclass(frozen=True)
class _FileFacts:
    status: int
    due_at: datetime | None
    original_due_at: datetime | None


def _file_facts(session: Session, code: str) -> _FileFacts | None:
    """What a check needs of a file, without loading the file (its documents, events, people)."""
    row = session.execute(
        select(File.status, File.due_at, File.original_due_at).where(File.code == code)
    ).one_or_none()
    if row is None:
        return None
    return _FileFacts(row.status, row.due_at, row.original_due_at)


def _to_minute(moment: datetime) -> datetime:
    return local(moment).replace(second=0, microsecond=0)

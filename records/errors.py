"""Domain errors with stable codes.

Every error the domain expects carries a stable ``code`` (``"invalid_personal_id"``, ...) and the values
that explain it in ``params``. The command line prints ``str(error)`` (English); ``ui/`` maps ``code`` to a
Vietnamese sentence. Anything that is not a ``DomainError`` is a bug.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self


class DomainError(Exception):
    """An expected refusal: bad input or an action the rules do not allow. Nothing was changed."""

    code: ClassVar[str] = "domain_error"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return self.message

    @property
    def reason(self) -> str | None:
        """Why, when the refusal says (``params["reason"]``: a stable word such as ``"bad_signature"``)."""
        value = self.params.get("reason")
        return None if value is None else str(value)

    def about(self, field: str) -> Self:
        """The same refusal naming ``field`` (a nested check's error said whose field it is)."""
        return type(self)(self.message, **{**self.params, "field": field})


class InvalidInput(DomainError):
    """A value that does not have the shape the domain needs (a date, a count, a JSON field)."""

    code = "invalid_input"


class InvalidPersonalId(InvalidInput):
    """A personal ID (12 digits) or an old ID (9 digits) that cannot be valid."""

    code = "invalid_personal_id"


class InvalidQrText(InvalidInput):
    """Text read from a card's QR code that is not a chip-ID card payload."""

    code = "invalid_qr_text"


class InvalidAgencyCode(InvalidInput):
    """An agency code in neither the QCVN 102:2016 form nor the QĐ 20/2020 form."""

    code = "invalid_agency_code"


class CatalogError(InvalidInput):
    """A procedure catalogue document that cannot be read, or a procedure that is not in force."""

    code = "catalog_error"


class CalendarError(InvalidInput):
    """A holiday table that cannot be read, or a date the working calendar cannot place."""

    code = "calendar_error"


class UnreadableDocument(InvalidInput):
    """A file offered as an attached document that cannot be taken: empty, not an image or a PDF, truncated
    or corrupt, too large (a decompression bomb), or a password-protected PDF. ``reason`` says which
    (``empty``, ``not_a_document``, ``corrupt``, ``too_many_pixels``, ``too_large``, ``encrypted``), ``name``
    names the file."""

    code = "unreadable_document"


class NotFound(DomainError):
    """The file, citizen, procedure or user named does not exist."""

    code = "not_found"


class InvalidTransition(DomainError):
    """A status change the workflow does not allow from the file's current status."""

    code = "invalid_transition"


class ExtensionNotAllowed(DomainError):
    """A second extension of a file's due date, or one on a closed file."""

    code = "extension_not_allowed"


class NotInitialised(DomainError):
    """The store has no agency yet: ``motcua init`` (or the first-start screen) must run first."""

    code = "not_initialised"


class SequenceExhausted(DomainError):
    """No file-code number is left for this workstation today (see docs/file-codes.md)."""

    code = "sequence_exhausted"


class StorageUnavailable(DomainError):
    """The database cannot be opened, written or migrated (locked, read-only, disk full, corrupt)."""

    code = "storage_unavailable"


class PermissionDenied(DomainError):
    """The acting user's role does not allow the action."""

    code = "permission_denied"


class BackupRefused(DomainError):
    """A backup that cannot be made or used: ``reason`` ``damaged_store`` (the live store fails its checks:
    nothing was written), ``not_a_backup``, ``damaged_backup``, ``newer_backup`` or ``not_sqlite``."""

    code = "backup_refused"


class EncryptionRefused(DomainError):
    """Encryption at rest refused an action: ``reason`` ``passphrase_needed`` (the store is encrypted and
    no passphrase was given), ``wrong_passphrase``, ``already_encrypted``, ``not_encrypted``,
    ``weak_passphrase``, ``damaged_config`` (``encryption.json`` cannot be read), ``no_cipher`` (SQLCipher
    is not installed), ``store_in_use`` (another copy of the application has the store open) or
    ``not_sqlite``. Nothing was changed."""

    code = "encryption_refused"


class AccountLocked(DomainError):
    """Too many wrong passwords in a row: the account (or user name) is locked until ``until`` (an ISO
    8601 moment), even for the right password."""

    code = "account_locked"


class FormNotApplicable(DomainError):
    """A form asked for a file whose state it does not fit (a refusal slip for a returned file), or one
    the agency's form set does not have."""

    code = "form_not_applicable"


class BundleRefused(DomainError):
    """An offline sync bundle that cannot be taken. ``reason`` says why; :mod:`records.sync.crypto` gives
    ``bad_signature`` (the manifest's signature does not match the sending workstation's key),
    ``not_encrypted`` (the file is not an encrypted bundle), ``unknown_format`` (a format this version
    cannot read), ``not_encrypted_for_us`` (encrypted to another centre's key), ``truncated`` (cut short)
    and ``corrupt`` (altered or damaged); the bundle reader adds its own. ``file`` names the file when
    there is one. Nothing was imported."""

    code = "bundle_refused"

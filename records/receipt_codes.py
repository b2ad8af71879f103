"""The signed receipt code: the text of the QR code printed on every receipt (Giấy tiếp nhận hồ sơ).

The code lets anyone holding the receipt — the citizen, the clerk at the return counter, the centre —
check that it was issued by a known installation and has not been altered (a changed appointment, another
file code). It is designed to be small in a QR code: a head in the QR *alphanumeric* set and a long tail of
digits, which QR encodes in *numeric* mode at 3.3 bits a digit::

    MC1*<FILE CODE>*<AGENCY, or empty>*<190 digits>

* ``MC1`` — the format and its version. A reader refuses any other version.
* ``FILE CODE`` — the file code (``0-9 A-Z . -``).
* ``AGENCY`` — the receiving agency's code (``0-9 A-Z .``). It is left empty when the file code names it:
  when the part of the file code before its last two ``-`` groups *is* the agency code (the usual
  ``<agency>-<yymmdd>-<seq>``); the reader then takes it from there.
* the digits: the appointment ``yyMMddHHmm`` in Vietnam's time (10 digits), the ID hash (15 digits: a
  6-byte number), the signing key's id (10 digits: a 4-byte number, see :func:`records.keys.key_id_of`),
  and the Ed25519 signature (155 digits: the 64 bytes as one big-endian number). Every number is
  zero-padded to its width, so the layout is fixed.

The signature covers the UTF-8 bytes of everything before the signature digits. A reader accepts exactly
one spelling of a code — no lower case, no extra digits, nothing glued before or after — so a character
changed or added either makes the text unreadable or breaks the signature.

**The ID hash.** The receipt must not print the owner's ID, yet the return counter wants to check that the
person presenting the receipt is its owner. The code carries ``HMAC-SHA256(salt, "motcua-receipt-id/1|"
+ file code + "|" + ID)`` cut to 6 bytes. The file code in the message keeps one citizen's receipts from
being linked across files; the secret salt (:meth:`records.keys.InstallationKeys.id_salt`, which never
leaves the machine) keeps anyone from trying every possible ID against the hash — there are only about
10^12 personal IDs, few enough to try them all. So the ID can only be checked on the installation that
printed the receipt; elsewhere only the signature (and what the code says) can be checked.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from records.clock import VIETNAM_TZ, local
from records.errors import InvalidInput, InvalidQrText
from records.keys import PUBLIC_KEY_BYTES

VERSION = 1
PREFIX = f"MC{VERSION}*"

APPOINTMENT_DIGITS = 10
ID_HASH_DIGITS = 15
KEY_ID_DIGITS = 10
SIGNATURE_DIGITS = 155
SIGNED_DIGITS = APPOINTMENT_DIGITS + ID_HASH_DIGITS + KEY_ID_DIGITS
DIGITS = SIGNED_DIGITS + SIGNATURE_DIGITS  # 190

ID_HASH_BYTES = 6
KEY_ID_BYTES = 4
SIGNATURE_BYTES = 64

# The characters a QR code can hold in alphanumeric mode; every code is made of them alone.
QR_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")

_ID_CONTEXT = "motcua-receipt-id/1|"
_FILE_CODE = re.compile(r"[0-9A-Z.\-]{1,64}")  # files.code holds at most 64 characters
_AGENCY = re.compile(r"[0-9A-Z.]{1,35}")
_HEAD = re.compile(r"MC(\d+)\*")
_BODY = re.compile(r"([^*]*)\*([^*]*)\*([0-9]*)")
_PERCENT_STAR = re.compile(r"%2[aA]")
# Characters that, next to a code, would read as part of it: a code stands alone in its text, or a changed
# first or last character could still leave a valid code inside.
_GLUE = frozenset(string.ascii_letters + string.digits + ".*-_~$%+:")
_YEARS = range(2000, 2100)  # two-digit years
_SAMPLE_TIME = datetime(2026, 3, 5, 16, 0, tzinfo=VIETNAM_TZ)  # for checking a link template


@dataclass(frozen=True)
class ReceiptClaim:
    """What a receipt code says: the file, its agency, the appointment, the owner's ID hash, the signer."""

    file_code: str
    agency_code: str
    appointment: datetime
    id_hash: int
    key_id: int

    def __post_init__(self) -> None:
        if not _FILE_CODE.fullmatch(self.file_code):
            raise InvalidInput(
                f"{self.file_code!r} cannot go in a receipt code: a file code is 0-9, A-Z, '.' and '-'",
                value=self.file_code,
            )
        if not _AGENCY.fullmatch(self.agency_code):
            raise InvalidInput(
                f"{self.agency_code!r} cannot go in a receipt code: an agency code is 0-9, A-Z and '.'",
                value=self.agency_code,
            )
        if self.appointment.tzinfo is None or self.appointment.utcoffset() is None:
            raise InvalidInput("the appointment of a receipt code needs a time-zone offset")
        if not 0 <= self.id_hash < 1 << (8 * ID_HASH_BYTES):
            raise InvalidInput(f"an ID hash is a {ID_HASH_BYTES}-byte number")
        if not 0 <= self.key_id < 1 << (8 * KEY_ID_BYTES):
            raise InvalidInput(f"a key id is a {KEY_ID_BYTES}-byte number")


@dataclass(frozen=True)
class SignedReceiptCode:
    """A claim, its signature, and the code's text (what goes in the QR code)."""

    claim: ReceiptClaim
    signature: bytes
    text: str

    @property
    def signed_message(self) -> bytes:
        """The bytes the signature covers: the text before the signature digits."""
        return self.text[:-SIGNATURE_DIGITS].encode("utf-8")


def id_hash(salt: bytes, file_code: str, id_number: str | None) -> int:
    """The owner's ID hash for ``file_code``: HMAC-SHA256 keyed by the installation's secret salt, cut to
    6 bytes. Spaces in the number are ignored and letters compared in capitals, as a clerk types them."""
    number = "".join((id_number or "").split()).upper()
    message = f"{_ID_CONTEXT}{file_code}|{number}".encode()
    return int.from_bytes(hmac.new(salt, message, hashlib.sha256).digest()[:ID_HASH_BYTES], "big")


def build(claim: ReceiptClaim, sign: Callable[[bytes], bytes]) -> SignedReceiptCode:
    """Sign ``claim`` with ``sign`` (an Ed25519 signer). The appointment is kept to the minute."""
    appointment = local(claim.appointment).replace(second=0, microsecond=0)
    if appointment.year not in _YEARS:
        raise InvalidInput(
            f"a receipt code holds appointments in 2000–2099, not {appointment.year}",
            value=appointment.isoformat(),
        )
    claim = replace(claim, appointment=appointment)
    agency_field = "" if _implied_agency(claim.file_code) == claim.agency_code else claim.agency_code
    message = (
        f"{PREFIX}{claim.file_code}*{agency_field}*"
        f"{appointment:%y%m%d%H%M}{claim.id_hash:0{ID_HASH_DIGITS}d}{claim.key_id:0{KEY_ID_DIGITS}d}"
    )
    signature = sign(message.encode("utf-8"))
    if len(signature) != SIGNATURE_BYTES:
        raise InvalidInput(f"an Ed25519 signature has {SIGNATURE_BYTES} bytes, not {len(signature)}")
    text = message + f"{int.from_bytes(signature, 'big'):0{SIGNATURE_DIGITS}d}"
    return SignedReceiptCode(claim, signature, text)


def parse(text: str) -> SignedReceiptCode:
    """The receipt code in ``text``: the bare code, or a text holding it (a link), ``*`` possibly written
    ``%2A``. Does not check the signature (see :func:`verify_signature`). :class:`InvalidQrText` (with a
    ``reason``) when the text holds no readable receipt code."""
    cleaned = _PERCENT_STAR.sub("*", text.strip())
    if not cleaned:
        raise InvalidQrText("the text is empty: it is not a MotCua receipt code", reason="empty")
    heads = list(_HEAD.finditer(cleaned))
    standalone = [m for m in heads if m.start() == 0 or cleaned[m.start() - 1] not in _GLUE]
    if not standalone:
        if heads:
            raise InvalidQrText(
                f"characters are glued before {heads[0].group(0)!r}: "
                "it is not a MotCua receipt code as printed",
                reason="glued",
            )
        raise InvalidQrText(
            f"this is not a MotCua receipt code (one starts with {PREFIX!r})", reason="not_receipt_code"
        )
    if len(standalone) > 1:
        raise InvalidQrText("the text holds more than one MotCua receipt code", reason="several_codes")
    head = standalone[0]
    if head.group(1) != str(VERSION):
        raise InvalidQrText(
            f"unknown receipt code version MC{head.group(1)}: this program reads {PREFIX} codes",
            reason="unknown_version",
            version=head.group(1),
        )
    body = _BODY.match(cleaned, head.end())
    if body is None:
        raise InvalidQrText(
            f"the receipt code is cut short: expected {PREFIX}FILECODE*AGENCY*DIGITS", reason="truncated"
        )
    file_code, agency_field, digits = body.groups()
    if not _FILE_CODE.fullmatch(file_code):
        raise InvalidQrText(
            f"the file code {file_code!r} in the receipt code is not 1-64 characters of 0-9, A-Z, '.', '-'",
            reason="bad_file_code",
        )
    agency = _agency_of(file_code, agency_field)
    if len(digits) != DIGITS:
        raise InvalidQrText(
            f"wrong length: the receipt code has {len(digits)} digits after the agency, not {DIGITS} "
            "(cut short, or digits added)",
            reason="wrong_length",
        )
    if body.end() < len(cleaned) and cleaned[body.end()] in _GLUE:
        raise InvalidQrText(
            "characters are glued after the receipt code's digits: it was changed or is not a MotCua code",
            reason="glued",
        )
    appointment = _appointment(digits[:APPOINTMENT_DIGITS])
    hash_value = int(digits[APPOINTMENT_DIGITS : APPOINTMENT_DIGITS + ID_HASH_DIGITS])
    key_id = int(digits[APPOINTMENT_DIGITS + ID_HASH_DIGITS : SIGNED_DIGITS])
    signature_value = int(digits[SIGNED_DIGITS:])
    for value, size, what in (
        (hash_value, ID_HASH_BYTES, "ID hash"),
        (key_id, KEY_ID_BYTES, "key id"),
        (signature_value, SIGNATURE_BYTES, "signature"),
    ):
        if value >= 1 << (8 * size):
            raise InvalidQrText(
                f"the {what} in the receipt code is out of range (more than {size} bytes)",
                reason="out_of_range",
            )
    claim = ReceiptClaim(file_code, agency, appointment, hash_value, key_id)
    return SignedReceiptCode(
        claim, signature_value.to_bytes(SIGNATURE_BYTES, "big"), cleaned[head.start() : body.end()]
    )


def verify_signature(code: SignedReceiptCode, public_key: bytes) -> bool:
    """Whether ``code``'s signature was made by the Ed25519 key ``public_key`` (32 raw bytes)."""
    if len(public_key) != PUBLIC_KEY_BYTES:
        raise InvalidInput(f"an Ed25519 public key has {PUBLIC_KEY_BYTES} bytes, not {len(public_key)}")
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(code.signature, code.signed_message)
    except (InvalidSignature, ValueError):
        return False
    return True


def qr_text(code_text: str, template: str | None) -> str:
    """What to put in the QR code: the code itself, or the status-lookup link ``template`` with
    ``{payload}`` (the code) and ``{code}`` (the file code) filled in."""
    code = parse(code_text)
    if code.text != code_text:
        raise InvalidInput("qr_text needs a bare receipt code, not a text holding one")
    if not template:
        return code.text
    return check_lookup_template(template).format(payload=code.text, code=code.claim.file_code)


def check_lookup_template(template: str) -> str:
    """``template`` checked as a status-lookup link: an http(s) URL holding ``{payload}`` once, maybe
    ``{code}``, and no other ``{…}`` field; returns it without surrounding spaces. :class:`InvalidInput`
    otherwise."""
    cleaned = template.strip()

    def refuse(why: str) -> InvalidInput:
        return InvalidInput(f"the lookup link template {template!r} {why}", field="receipt_lookup_url")

    if not cleaned:
        raise refuse("is empty")
    if any(c.isspace() for c in cleaned):
        raise refuse("contains spaces")
    try:
        fields = [
            (name, spec, conversion)
            for _, name, spec, conversion in string.Formatter().parse(cleaned)
            if name is not None
        ]
    except ValueError:
        raise refuse("has an unmatched '{' or '}'") from None
    for name, spec, conversion in fields:
        if name not in ("payload", "code") or spec or conversion:
            raise refuse(f"may only use {{payload}} and {{code}}, not {{{name}}}")
    if [name for name, _, _ in fields].count("payload") != 1:
        raise refuse("must contain {payload} exactly once")
    sample_code = build(ReceiptClaim("H55.242-260302-0001", "H55.242", _SAMPLE_TIME, 0, 0), _zero_signature)
    rendered = cleaned.format(payload=sample_code.text, code=sample_code.claim.file_code)
    parts = urlsplit(rendered)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise refuse("is not an http:// or https:// link")
    try:
        found = parse(rendered).text
    except InvalidQrText:
        found = None
    if found != sample_code.text:
        raise refuse(
            "puts {payload} where it cannot be read back: it must not touch letters, digits or '.-*'"
        )
    return cleaned


def _zero_signature(_: bytes) -> bytes:
    return bytes(SIGNATURE_BYTES)


def _implied_agency(file_code: str) -> str | None:
    """The agency a file code names: its part before the last two ``-`` groups (``<agency>-<day>-<seq>``)."""
    if file_code.count("-") < 2:
        return None
    return file_code.rsplit("-", 2)[0]


def _agency_of(file_code: str, agency_field: str) -> str:
    implied = _implied_agency(file_code)
    if not agency_field:
        if implied is None or not _AGENCY.fullmatch(implied):
            raise InvalidQrText(
                "the receipt code gives no agency and its file code does not name one", reason="bad_agency"
            )
        return implied
    if not _AGENCY.fullmatch(agency_field):
        raise InvalidQrText(
            f"the agency {agency_field!r} in the receipt code is not 1-35 characters of 0-9, A-Z, '.'",
            reason="bad_agency",
        )
    if agency_field == implied:  # the writer leaves it out then: one spelling per code
        raise InvalidQrText(
            "the receipt code writes out the agency its file code already names: it was not printed so",
            reason="not_canonical",
        )
    return agency_field


def _appointment(digits: str) -> datetime:
    try:
        return datetime(
            2000 + int(digits[0:2]),
            int(digits[2:4]),
            int(digits[4:6]),
            int(digits[6:8]),
            int(digits[8:10]),
            tzinfo=VIETNAM_TZ,
        )
    except ValueError:
        raise InvalidQrText(
            f"bad date: the appointment {digits!r} in the receipt code is not a date and time yyMMddHHmm",
            reason="bad_date",
        ) from None

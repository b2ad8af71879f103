"""records.receipt_codes: the signed code in a receipt's QR, and the text of a public key."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from records.clock import VIETNAM_TZ
from records.errors import InvalidInput, InvalidQrText
from records.keys import format_key_id, key_id_of, parse_public_key_text, public_key_text
from records.receipt_codes import (
    DIGITS,
    QR_ALPHANUMERIC,
    ReceiptClaim,
    SignedReceiptCode,
    build,
    check_lookup_template,
    id_hash,
    parse,
    qr_text,
    verify_signature,
)

NO_DISK = settings(database=None)  # unit tests keep nothing on disk, not even Hypothesis's example database

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
PUBLIC = KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
OTHER_PUBLIC = OTHER_KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
SALT = bytes(range(100, 132))
ID = "001099012345"
APPOINTMENT = datetime(2026, 11, 28, 16, 0, tzinfo=VIETNAM_TZ)
FILE_CODE = "000.17.22.H56-261125-0001"
AGENCY = "000.17.22.H56"
LINK = "https://dichvucong.example.gov.vn/tra-cuu?ma={payload}"


def claim(
    file_code: str = FILE_CODE, agency: str = AGENCY, appointment: datetime = APPOINTMENT
) -> ReceiptClaim:
    return ReceiptClaim(file_code, agency, appointment, id_hash(SALT, file_code, ID), key_id_of(PUBLIC))


def signed(
    file_code: str = FILE_CODE, agency: str = AGENCY, appointment: datetime = APPOINTMENT
) -> SignedReceiptCode:
    return build(claim(file_code, agency, appointment), KEY.sign)


def accepted(text: str) -> bool:
    """Whether ``text`` reads as a receipt code whose signature verifies with :data:`KEY`."""
    try:
        code = parse(text)
    except InvalidQrText:
        return False
    return verify_signature(code, PUBLIC)


def refusal(text: str) -> InvalidQrText:
    with pytest.raises(InvalidQrText) as caught:
        parse(text)
    return caught.value


# -- building and reading ----------------------------------------------------------------------------------


def test_round_trip() -> None:
    code = signed()
    read = parse(code.text)
    assert read == code
    assert read.claim.file_code == FILE_CODE
    assert read.claim.agency_code == AGENCY
    assert read.claim.appointment == APPOINTMENT
    assert read.claim.id_hash == id_hash(SALT, FILE_CODE, ID)
    assert verify_signature(read, PUBLIC)


def test_layout() -> None:
    text = signed().text
    assert text.startswith(f"MC1*{FILE_CODE}**")
    digits = text.rsplit("*", 1)[1]
    assert len(digits) == DIGITS == 190
    assert digits[:10] == "2611281600"  # yyMMddHHmm, Vietnam time
    assert int(digits[25:35]) == key_id_of(PUBLIC)
    assert int(digits[35:]).to_bytes(64, "big") == KEY.sign(text[:-155].encode())


def test_only_qr_alphanumeric_characters() -> None:
    """The whole code fits QR's alphanumeric mode (the digits go in numeric mode): a small QR."""
    for code in (signed(), signed(agency="H55.242"), signed("H55.242-260302-12345", "H55.242")):
        assert set(code.text) <= QR_ALPHANUMERIC, code.text


def test_the_appointment_is_written_in_vietnam_time_to_the_minute() -> None:
    code = signed(appointment=datetime(2026, 11, 28, 9, 0, 42, 5, tzinfo=UTC))
    assert code.text.rsplit("*", 1)[1][:10] == "2611281600"
    assert parse(code.text).claim.appointment == datetime(2026, 11, 28, 16, 0, tzinfo=VIETNAM_TZ)
    assert code.claim == parse(code.text).claim


@pytest.mark.parametrize("year", [1999, 2100])
def test_appointments_outside_two_digit_years_are_refused(year: int) -> None:
    with pytest.raises(InvalidInput, match="2000"):
        signed(appointment=datetime(year, 6, 1, 16, 0, tzinfo=VIETNAM_TZ))


@pytest.mark.parametrize(
    ("file_code", "agency"),
    [("H55.242-260302-0001", "H55.242"), ("000.17.22.H56-261125-0001", "000.17.22.H56")],
)
def test_the_agency_is_left_out_when_the_file_code_names_it(file_code: str, agency: str) -> None:
    code = signed(file_code, agency)
    assert code.text.startswith(f"MC1*{file_code}**")
    assert parse(code.text).claim.agency_code == agency


@pytest.mark.parametrize(
    ("file_code", "agency"),
    [
        ("H55.242-260302-0001", "H55.243"),  # another agency's code
        ("H55.242.260302.0001", "H55.242"),  # a custom scheme without the '-' groups
        ("X-H55.242-260302-0001", "H55.242"),  # starts otherwise
    ],
)
def test_the_agency_is_written_when_the_file_code_does_not_name_it(file_code: str, agency: str) -> None:
    code = signed(file_code, agency)
    assert code.text.startswith(f"MC1*{file_code}*{agency}*")
    read = parse(code.text)
    assert read.claim.agency_code == agency
    assert verify_signature(read, PUBLIC)


def test_the_agency_written_out_when_implied_is_refused() -> None:
    """One spelling per code: the writer never writes the agency a file code names."""
    text = signed().text.replace(f"{FILE_CODE}**", f"{FILE_CODE}*{AGENCY}*")
    assert refusal(text).params["reason"] == "not_canonical"


def test_the_id_never_appears() -> None:
    for number in (ID, "079301004567", "031088000321"):
        code = build(
            ReceiptClaim(FILE_CODE, AGENCY, APPOINTMENT, id_hash(SALT, FILE_CODE, number), key_id_of(PUBLIC)),
            KEY.sign,
        )
        assert number not in code.text


def test_id_hash() -> None:
    one = id_hash(SALT, FILE_CODE, ID)
    assert one == id_hash(SALT, FILE_CODE, " 001 099 012 345 ")  # typed with spaces
    assert one != id_hash(SALT, "000.17.22.H56-261125-0002", ID)  # another file: not linkable
    assert one != id_hash(bytes(32), FILE_CODE, ID)  # another installation's salt
    assert one != id_hash(SALT, FILE_CODE, "001099012346")
    assert id_hash(SALT, FILE_CODE, None) == id_hash(SALT, FILE_CODE, "")
    assert 0 <= one < 1 << 48


@NO_DISK
@given(
    file_code=st.from_regex(r"[0-9A-Z.\-]{1,64}", fullmatch=True),
    agency=st.from_regex(r"[0-9A-Z.]{1,35}", fullmatch=True),
    minutes=st.integers(0, 99 * 365 * 24 * 60),
    hash_value=st.integers(0, (1 << 48) - 1),
    key_id=st.integers(0, (1 << 32) - 1),
)
def test_any_claim_round_trips(
    file_code: str, agency: str, minutes: int, hash_value: int, key_id: int
) -> None:
    moment = datetime.fromtimestamp(946_659_600 + minutes * 60, VIETNAM_TZ)  # from 2000-01-01 00:00 +07
    code = build(ReceiptClaim(file_code, agency, moment, hash_value, key_id), KEY.sign)
    read = parse(code.text)
    assert read.claim == ReceiptClaim(file_code, agency, moment, hash_value, key_id)
    assert verify_signature(read, PUBLIC)


def test_another_key_does_not_verify() -> None:
    code = signed()
    assert not verify_signature(code, OTHER_PUBLIC)
    assert verify_signature(build(claim(), OTHER_KEY.sign), OTHER_PUBLIC)


# -- a changed code never verifies ---------------------------------------------------------------------------


@pytest.mark.parametrize("agency", [AGENCY, "H55.242"])
def test_every_single_character_change_is_refused_or_fails_the_signature(agency: str) -> None:
    text = signed(agency=agency).text
    assert accepted(text)
    for position, original in enumerate(text):
        for replacement in sorted(QR_ALPHANUMERIC - {original}):
            changed = text[:position] + replacement + text[position + 1 :]
            assert not accepted(changed), (position, replacement)


def test_every_added_or_removed_character_is_refused_or_fails_the_signature() -> None:
    code = signed()
    text = code.text
    for position in range(len(text) + 1):
        for added in sorted(QR_ALPHANUMERIC):
            changed = text[:position] + added + text[position:]
            if position in (0, len(text)) and added in " /":
                # A space or a '/' (a link's path) only separates the code from the text around it.
                assert parse(changed) == code
                continue
            assert not accepted(changed), (position, added)
        if position < len(text):
            assert not accepted(text[:position] + text[position + 1 :]), position


# -- refusals --------------------------------------------------------------------------------------------


def test_truncated() -> None:
    text = signed().text
    error = refusal(text[:-1])
    assert error.params["reason"] == "wrong_length"
    assert "189 digits" in str(error)
    assert refusal(text[: text.rindex("*")]).params["reason"] == "truncated"
    assert refusal("MC1*").params["reason"] == "truncated"


def test_extra_digits() -> None:
    error = refusal(signed().text + "0")
    assert error.params["reason"] == "wrong_length"
    assert "191 digits" in str(error)


@pytest.mark.parametrize("glued", ["X", "A", ".", "-", "*", "_", "%"])
def test_characters_glued_after_the_digits_are_refused(glued: str) -> None:
    assert refusal(signed().text + glued + "123").params["reason"] == "glued"


@pytest.mark.parametrize("glued", ["X", "1", ".", "-"])
def test_characters_glued_before_the_head_are_refused(glued: str) -> None:
    assert refusal(glued + signed().text).params["reason"] == "glued"


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty(text: str) -> None:
    error = refusal(text)
    assert error.params["reason"] == "empty"
    assert "not a MotCua receipt code" in str(error)


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "001099012345|123456789|Nguyễn Văn Đức|15081999|Nam|Thôn 1|01022021",  # an ID card's QR
        "https://dichvucong.gov.vn/",
        "MC1",
        "MC*H55.242-260302-0001**123",
    ],
)
def test_garbage(text: str) -> None:
    error = refusal(text)
    assert error.params["reason"] == "not_receipt_code"
    assert "not a MotCua receipt code" in str(error)


def test_lower_case_is_refused() -> None:
    """QR alphanumeric mode has no lower case: a lower-case code was typed, or changed."""
    text = signed().text
    assert refusal(text.lower()).params["reason"] == "not_receipt_code"
    assert refusal(text.replace("H56", "h56", 1)).params["reason"] == "bad_file_code"


@pytest.mark.parametrize("version", ["2", "0", "10", "01"])
def test_unknown_version(version: str) -> None:
    error = refusal(signed().text.replace("MC1*", f"MC{version}*", 1))
    assert error.params["reason"] == "unknown_version"
    assert f"MC{version}" in str(error)


@pytest.mark.parametrize("date", ["2613281600", "2611321600", "2611282500", "2611281660", "2602301600"])
def test_bad_date(date: str) -> None:
    text = signed().text
    head, digits = text.rsplit("*", 1)
    error = refusal(f"{head}*{date}{digits[10:]}")
    assert error.params["reason"] == "bad_date"
    assert "bad date" in str(error)


@pytest.mark.parametrize(
    ("start", "width"),
    [(10, 15), (25, 10), (35, 155)],  # the ID hash, the key id, the signature
)
def test_numbers_wider_than_their_bytes_are_refused(start: int, width: int) -> None:
    text = signed().text
    head, digits = text.rsplit("*", 1)
    changed = digits[:start] + "9" * width + digits[start + width :]
    assert refusal(f"{head}*{changed}").params["reason"] == "out_of_range"


def test_two_codes_in_one_text_are_refused() -> None:
    text = f"{signed().text} {signed(agency='H55.242').text}"
    assert refusal(text).params["reason"] == "several_codes"


# -- in a link ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "https://dichvucong.example.gov.vn/tra-cuu?ma={payload}",
        "https://dichvucong.example.gov.vn/tra-cuu?ma={payload}&lang=vi",
        "http://192.168.1.10:8080/r/{payload}",
        "https://example.vn/h/{code}?c={payload}#top",
    ],
)
def test_found_inside_a_link(template: str) -> None:
    code = signed()
    link = template.format(payload=code.text, code=FILE_CODE)
    assert parse(link) == code
    assert parse(f"  {link}\n") == code


@pytest.mark.parametrize("star", ["%2A", "%2a"])
def test_found_url_encoded(star: str) -> None:
    code = signed()
    link = "https://example.vn/tra-cuu?ma=" + code.text.replace("*", star)
    read = parse(link)
    assert read == code
    assert verify_signature(read, PUBLIC)


def test_qr_text() -> None:
    code = signed()
    assert qr_text(code.text, None) == code.text
    assert qr_text(code.text, "") == code.text
    assert qr_text(code.text, LINK) == LINK.format(payload=code.text)
    with_code = qr_text(code.text, "https://example.vn/h/{code}?c={payload}")
    assert with_code == f"https://example.vn/h/{FILE_CODE}?c={code.text}"
    assert parse(with_code) == code  # what a scanner reads back still verifies
    with pytest.raises(InvalidInput):
        qr_text(LINK.format(payload=code.text), LINK)  # already a link


def test_lookup_template_accepted() -> None:
    assert check_lookup_template(f"  {LINK} ") == LINK
    assert (
        check_lookup_template("HTTPS://example.vn/{code}/{payload}") == "HTTPS://example.vn/{code}/{payload}"
    )


@pytest.mark.parametrize(
    ("template", "fragment"),
    [
        ("", "empty"),
        ("https://example.vn/tra-cuu", "{payload}"),
        ("https://example.vn/tra-cuu?ma={code}", "{payload}"),
        ("https://example.vn/?a={payload}&b={payload}", "exactly once"),
        ("ftp://example.vn/{payload}", "http"),
        ("example.vn/{payload}", "http"),
        ("https:///{payload}", "http"),
        ("https://example.vn/?ma={payload}&id={id}", "{id}"),
        ("https://example.vn/?ma={payload:>300}", "{payload}"),
        ("https://example.vn/?ma={payload!r}", "{payload}"),
        ("https://example.vn/?ma={}", "{}"),
        ("https://example.vn/?ma={payload", "unmatched"),
        ("https://example.vn/?ma=}{payload}", "unmatched"),
        ("https://example.vn/r{payload}", "read back"),
        ("https://example.vn/?ma={payload}x", "read back"),
        ("https://example.vn/{code}{payload}", "read back"),
        ("https://example.vn/ tra cuu?ma={payload}", "spaces"),
    ],
)
def test_lookup_template_refused(template: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_lookup_template(template)
    assert fragment in str(caught.value)
    assert caught.value.params["field"] == "receipt_lookup_url"


# -- the text of a public key ------------------------------------------------------------------------------


def test_public_key_text_round_trip() -> None:
    text = public_key_text(PUBLIC)
    assert text == "ed25519:" + base64.b64encode(PUBLIC).decode()
    assert len(text) == len("ed25519:") + 44
    assert parse_public_key_text(text) == PUBLIC
    assert parse_public_key_text(f"  {text}\n") == PUBLIC


def test_key_id() -> None:
    assert key_id_of(PUBLIC) == int.from_bytes(hashlib.sha256(PUBLIC).digest()[:4], "big")
    assert key_id_of(PUBLIC) != key_id_of(OTHER_PUBLIC)
    assert format_key_id(0x1A2B3C4D) == "1a2b3c4d"
    assert format_key_id(0xAB) == "000000ab"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ed25519:",
        base64.b64encode(bytes(32)).decode(),  # no prefix
        "rsa:" + base64.b64encode(bytes(32)).decode(),
        "ed25519:" + base64.b64encode(bytes(31)).decode(),
        "ed25519:" + base64.b64encode(bytes(33)).decode(),
        "ed25519:" + base64.b64encode(bytes(32)).decode().rstrip("="),  # unpadded
        "ed25519:" + base64.urlsafe_b64encode(b"\xff" * 32).decode(),  # URL-safe alphabet
        "ed25519:" + "!" * 44,
        "ed25519:AAAA AAAA" + "A" * 35 + "=",
    ],
)
def test_malformed_public_keys_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_public_key_text(text)

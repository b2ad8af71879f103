"""records.personal_id: the 12-digit personal ID, the 9-digit old ID and the chip ID card's QR text."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from records import clock
from records import personal_id as pid
from records.errors import InvalidPersonalId, InvalidQrText
from records.personal_id import (
    PROVINCES,
    CardQr,
    IdCheck,
    check_id,
    describe_warning,
    parse_card_qr,
    require_id_number,
    require_personal_id,
)
from records.text import nfc

TODAY = date(2025, 6, 15)
NO_DISK = settings(database=None)  # unit tests keep nothing on disk, not even Hypothesis's example database
FAR_FUTURE = date(2399, 12, 31)

# domain.md §6, copied verbatim: the table must not drift.
EXPECTED_PROVINCES = (
    "001 Hà Nội, 002 Hà Giang, 004 Cao Bằng, 006 Bắc Kạn, 008 Tuyên Quang, 010 Lào Cai, 011 Điện Biên, "
    "012 Lai Châu, 014 Sơn La, 015 Yên Bái, 017 Hòa Bình, 019 Thái Nguyên, 020 Lạng Sơn, 022 Quảng Ninh, "
    "024 Bắc Giang, 025 Phú Thọ, 026 Vĩnh Phúc, 027 Bắc Ninh, 030 Hải Dương, 031 Hải Phòng, 033 Hưng Yên, "
    "034 Thái Bình, 035 Hà Nam, 036 Nam Định, 037 Ninh Bình, 038 Thanh Hóa, 040 Nghệ An, 042 Hà Tĩnh, "
    "044 Quảng Bình, 045 Quảng Trị, 046 Thừa Thiên Huế, 048 Đà Nẵng, 049 Quảng Nam, 051 Quảng Ngãi, "
    "052 Bình Định, 054 Phú Yên, 056 Khánh Hòa, 058 Ninh Thuận, 060 Bình Thuận, 062 Kon Tum, 064 Gia Lai, "
    "066 Đắk Lắk, 067 Đắk Nông, 068 Lâm Đồng, 070 Bình Phước, 072 Tây Ninh, 074 Bình Dương, 075 Đồng Nai, "
    "077 Bà Rịa - Vũng Tàu, 079 TP Hồ Chí Minh, 080 Long An, 082 Tiền Giang, 083 Bến Tre, 084 Trà Vinh, "
    "086 Vĩnh Long, 087 Đồng Tháp, 089 An Giang, 091 Kiên Giang, 092 Cần Thơ, 093 Hậu Giang, 094 Sóc Trăng, "
    "095 Bạc Liêu, 096 Cà Mau"
)

ID_REASONS = {"empty", "not_digits", "wrong_length", "unknown_province", "future_birth_year"}
QR_REASONS = {
    "too_few_fields",
    "invalid_personal_id",
    "invalid_old_id",
    "empty_name",
    "invalid_date",
    "future_date_of_birth",
    "unknown_sex",
    "issue_before_birth",
}

SAMPLE_ID = "001099012345"  # Hà Nội, 1900s male, born 1999
SAMPLE_FIELDS = [
    SAMPLE_ID,
    "123456789",
    "Nguyễn Văn Đức",
    "01011999",
    "Nam",
    "Số 1 Tràng Tiền, Hà Nội",
    "15062021",
]


def qr(*replace: tuple[int, str], extra: list[str] | None = None) -> str:
    """The sample QR text with some fields replaced and optional extra fields appended."""
    fields = list(SAMPLE_FIELDS)
    for index, value in replace:
        fields[index] = value
    return "|".join(fields + (extra or []))


def qr_error(text: str, today: date = TODAY) -> InvalidQrText:
    with pytest.raises(InvalidQrText) as caught:
        parse_card_qr(text, today=today)
    error = caught.value
    assert error.code == "invalid_qr_text"
    assert error.message and error.message.endswith(".")
    return error


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# ---------------------------------------------------------------------------------------------------------
# Province table


def test_provinces_are_exactly_the_63_of_domain_md() -> None:
    expected = dict(item.split(" ", 1) for item in EXPECTED_PROVINCES.split(", "))
    assert len(expected) == 63
    assert dict(PROVINCES) == expected


def test_provinces_are_nfc_and_read_only() -> None:
    assert all(unicodedata.is_normalized("NFC", name) for name in PROVINCES.values())
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCES)
    with pytest.raises(TypeError):
        PROVINCES["003"] = "Nowhere"  # type: ignore[index]


@pytest.mark.parametrize(
    ("code", "name"), [("001", "Hà Nội"), ("079", "TP Hồ Chí Minh"), ("048", "Đà Nẵng"), ("096", "Cà Mau")]
)
def test_province_name_comes_from_the_first_three_digits(code: str, name: str) -> None:
    result = check_id(code + "099012345", today=TODAY)
    assert result.valid
    assert (result.province_code, result.province_name) == (code, name)


# ---------------------------------------------------------------------------------------------------------
# check_id: valid numbers


def test_valid_personal_id_decodes_everything() -> None:
    result = check_id(SAMPLE_ID, today=TODAY)
    assert result == IdCheck(
        number=SAMPLE_ID,
        valid=True,
        kind="personal_id",
        province_code="001",
        province_name="Hà Nội",
        sex="male",
        birth_year=1999,
        reason=None,
        message=None,
    )


@pytest.mark.parametrize(
    "typed",
    ["001 099 012345", " 001099012345 ", "001099012345\r\n", "\t001 0990 12345", "0 0 1 0 9 9 0 1 2 3 4 5"],
)
def test_whitespace_is_stripped(typed: str) -> None:
    result = check_id(typed, today=TODAY)
    assert result.valid
    assert result.number == SAMPLE_ID


@pytest.mark.parametrize(
    ("digit", "century", "sex"),
    [
        ("0", 1900, "male"),
        ("1", 1900, "female"),
        ("2", 2000, "male"),
        ("3", 2000, "female"),
        ("4", 2100, "male"),
        ("5", 2100, "female"),
        ("6", 2200, "male"),
        ("7", 2200, "female"),
        ("8", 2300, "male"),
        ("9", 2300, "female"),
    ],
)
def test_century_and_sex_digit(digit: str, century: int, sex: str) -> None:
    result = check_id(f"079{digit}42000001", today=FAR_FUTURE)
    assert result.valid
    assert result.sex == sex
    assert result.birth_year == century + 42


def test_birth_year_this_year_is_accepted_next_year_refused() -> None:
    this_year = check_id("001225000001", today=TODAY)  # 2025, male
    assert this_year.valid and this_year.birth_year == 2025
    this_year_female = check_id("001325000001", today=TODAY)
    assert this_year_female.valid and this_year_female.sex == "female"
    next_year = check_id("001226000001", today=TODAY)
    assert not next_year.valid
    assert next_year.reason == "future_birth_year"
    assert next_year.birth_year is None and next_year.kind is None


def test_boundary_moves_with_today() -> None:
    assert check_id("001226000001", today=date(2026, 1, 1)).valid
    assert check_id("001226000001", today=date(2025, 12, 31)).reason == "future_birth_year"


@pytest.mark.parametrize("digit", ["4", "5", "6", "7", "8", "9"])
def test_later_centuries_are_in_the_future_today(digit: str) -> None:
    assert check_id(f"001{digit}00000001", today=TODAY).reason == "future_birth_year"


def test_today_defaults_to_vietnam_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: datetime(2030, 1, 1, 0, 30, tzinfo=clock.VIETNAM_TZ))
    assert check_id("001230000001").valid
    assert check_id("001231000001").reason == "future_birth_year"
    monkeypatch.setattr(clock, "now", lambda: datetime(2029, 12, 31, 23, 30, tzinfo=clock.VIETNAM_TZ))
    assert check_id("001230000001").reason == "future_birth_year"


@pytest.mark.parametrize("typed", ["123456789", "000000001", "999 999 999", " 012345678\n"])
def test_nine_digits_is_an_old_id_with_nothing_decoded(typed: str) -> None:
    result = check_id(typed, today=TODAY)
    assert result == IdCheck(number="".join(typed.split()), valid=True, kind="old_id")
    assert result.province_code is None and result.sex is None and result.birth_year is None


def test_no_checksum_any_six_random_digits_are_valid() -> None:
    for tail in ("000000", "999999", "123456", "654321"):
        assert check_id("001099" + tail, today=TODAY).valid


# ---------------------------------------------------------------------------------------------------------
# check_id: refusals


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("\r\n", "empty"),
        ("00109901234a", "not_digits"),
        ("001-099-012345", "not_digits"),
        ("００１０９９０１２３４５", "not_digits"),  # full-width digits
        ("٠٠١٠٩٩٠١٢٣٤٥", "not_digits"),  # Arabic-Indic digits: str.isdigit() says yes
        ("-00109901234", "not_digits"),
        ("00109901234", "wrong_length"),
        ("0010990123456", "wrong_length"),
        ("12345678", "wrong_length"),
        ("1234567890", "wrong_length"),
        ("1", "wrong_length"),
        ("003099012345", "unknown_province"),
        ("000099012345", "unknown_province"),
        ("097099012345", "unknown_province"),
        ("999099012345", "unknown_province"),
        ("001226000001", "future_birth_year"),
    ],
)
def test_reason_codes(typed: str, reason: str) -> None:
    result = check_id(typed, today=TODAY)
    assert not result.valid
    assert result.reason == reason
    assert result.message and result.message.endswith(".")
    assert result.kind is None and result.province_code is None and result.province_name is None
    assert result.sex is None and result.birth_year is None
    assert result.number == "".join(typed.split())


def test_to_json_keys_and_values() -> None:
    assert check_id(SAMPLE_ID, today=TODAY).to_json() == {
        "number": SAMPLE_ID,
        "valid": True,
        "kind": "personal_id",
        "province_code": "001",
        "province_name": "Hà Nội",
        "sex": "male",
        "birth_year": 1999,
        "reason": None,
        "message": None,
    }
    refused = check_id("003099012345", today=TODAY).to_json()
    assert set(refused) == {
        "number", "valid", "kind", "province_code", "province_name", "sex", "birth_year", "reason", "message",
    }  # fmt: skip
    assert refused["valid"] is False and refused["reason"] == "unknown_province" and refused["message"]


# ---------------------------------------------------------------------------------------------------------
# require_personal_id / require_id_number


def test_require_personal_id_returns_the_cleaned_number() -> None:
    assert require_personal_id("001 099 012345", today=TODAY) == SAMPLE_ID


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("abc", "not_digits"),
        ("0010990123", "wrong_length"),
        ("003099012345", "unknown_province"),
        ("001226000001", "future_birth_year"),
        ("123 456 789", "old_id_not_accepted"),
    ],
)
def test_require_personal_id_refusals(typed: str, reason: str) -> None:
    with pytest.raises(InvalidPersonalId) as caught:
        require_personal_id(typed, today=TODAY)
    assert caught.value.code == "invalid_personal_id"
    assert caught.value.params["reason"] == reason
    assert caught.value.params["value"] == "".join(typed.split())
    assert str(caught.value)


def test_require_id_number_accepts_both_kinds() -> None:
    assert require_id_number("001 099 012345", today=TODAY) == (SAMPLE_ID, "personal_id")
    assert require_id_number(" 123 456 789 ", today=TODAY) == ("123456789", "old_id")


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("12345678x", "not_digits"),
        ("1234567890", "wrong_length"),
        ("003099012345", "unknown_province"),
    ],
)
def test_require_id_number_refusals(typed: str, reason: str) -> None:
    with pytest.raises(InvalidPersonalId) as caught:
        require_id_number(typed, today=TODAY)
    assert caught.value.params["reason"] == reason


# ---------------------------------------------------------------------------------------------------------
# parse_card_qr: accepted input


SAMPLE_CARD = CardQr(
    personal_id=SAMPLE_ID,
    old_id="123456789",
    full_name="Nguyễn Văn Đức",
    date_of_birth=date(1999, 1, 1),
    sex="male",
    address="Số 1 Tràng Tiền, Hà Nội",
    issue_date=date(2021, 6, 15),
    warnings=(),
)


def test_the_seven_field_sample() -> None:
    assert parse_card_qr(qr(), today=TODAY) == SAMPLE_CARD


def test_to_json() -> None:
    assert parse_card_qr(qr(), today=TODAY).to_json() == {
        "personal_id": SAMPLE_ID,
        "old_id": "123456789",
        "full_name": "Nguyễn Văn Đức",
        "date_of_birth": "1999-01-01",
        "sex": "male",
        "address": "Số 1 Tràng Tiền, Hà Nội",
        "issue_date": "2021-06-15",
        "warnings": [],
    }
    bare = parse_card_qr(qr((1, ""), (6, "")), today=TODAY).to_json()
    assert bare["old_id"] is None and bare["issue_date"] is None


@pytest.mark.parametrize("extra", [[""], ["", "", ""], ["", "x", "anything | else"], ["99999999"]])
def test_fields_after_the_seventh_are_ignored(extra: list[str]) -> None:
    assert parse_card_qr(qr(extra=extra), today=TODAY) == SAMPLE_CARD


@pytest.mark.parametrize(
    "text",
    [
        qr() + "\r\n",
        qr() + "\n",
        qr() + "\r",
        "  " + qr() + " \t\r\n",
        "\ufeff" + qr(),
        "\ufeff" + qr() + "\r\n",
        " \ufeff" + qr(),
    ],
)
def test_scanner_noise_is_tolerated(text: str) -> None:
    assert parse_card_qr(text, today=TODAY) == SAMPLE_CARD


def test_nfd_input_comes_out_nfc() -> None:
    card = parse_card_qr(nfd(qr((4, "Nữ"), (0, "001199012345"))), today=TODAY)
    assert card.full_name == "Nguyễn Văn Đức"
    assert card.address == "Số 1 Tràng Tiền, Hà Nội"
    assert unicodedata.is_normalized("NFC", card.full_name)
    assert unicodedata.is_normalized("NFC", card.address)
    assert card.sex == "female"


def test_inner_whitespace_of_text_fields_is_tidied() -> None:
    card = parse_card_qr(qr((2, "  Nguyễn   Văn Đức "), (5, " Số 1\tTràng Tiền,  Hà Nội ")), today=TODAY)
    assert card.full_name == "Nguyễn Văn Đức"
    assert card.address == "Số 1 Tràng Tiền, Hà Nội"


@pytest.mark.parametrize("value", ["Nam", "NAM", "nam", " Nam ", nfd("Nam")])
def test_male_spellings(value: str) -> None:
    assert parse_card_qr(qr((4, value)), today=TODAY).sex == "male"


@pytest.mark.parametrize("value", ["Nữ", "NỮ", "nữ", "nu", "NU", nfd("Nữ"), nfd("NỮ")])
def test_female_spellings(value: str) -> None:
    card = parse_card_qr(qr((0, "001199012345"), (4, value)), today=TODAY)
    assert card.sex == "female"
    assert card.warnings == ()


def test_empty_old_id_and_issue_date_are_none() -> None:
    card = parse_card_qr(qr((1, ""), (6, "")), today=TODAY)
    assert card.old_id is None and card.issue_date is None
    assert parse_card_qr(qr((1, "  "), (6, " ")), today=TODAY).old_id is None


def test_personal_id_field_may_contain_spaces() -> None:
    assert parse_card_qr(qr((0, "001 099 012345")), today=TODAY).personal_id == SAMPLE_ID


def test_leap_day_and_today_are_real_dates() -> None:
    card = parse_card_qr(qr((0, "001000012345"), (3, "29022000"), (6, "")), today=TODAY)
    assert card.date_of_birth == date(2000, 2, 29)
    born_today = parse_card_qr(qr((0, "001225012345"), (3, "15062025"), (6, "15062025")), today=TODAY)
    assert born_today.date_of_birth == TODAY == born_today.issue_date


# ---------------------------------------------------------------------------------------------------------
# parse_card_qr: refusals


@pytest.mark.parametrize(
    "text", ["", "   \r\n", "\ufeff", SAMPLE_ID, "|".join(SAMPLE_FIELDS[:6]), "https://example.vn/?a=1|b"]
)
def test_too_few_fields(text: str) -> None:
    error = qr_error(text)
    assert error.params["reason"] == "too_few_fields"


@pytest.mark.parametrize(
    ("value", "id_reason"),
    [
        ("", "empty"),
        ("00109901234x", "not_digits"),
        ("00109901234", "wrong_length"),
        ("003099012345", "unknown_province"),
        ("001226012345", "future_birth_year"),
        ("123456789", "old_id_not_accepted"),
    ],
)
def test_invalid_personal_id(value: str, id_reason: str) -> None:
    error = qr_error(qr((0, value)))
    assert error.params["reason"] == "invalid_personal_id"
    assert error.params["id_reason"] == id_reason


@pytest.mark.parametrize("value", ["12345678", "1234567890", "001099012345", "12345678x", "١٢٣٤٥٦٧٨٩"])
def test_invalid_old_id(value: str) -> None:
    assert qr_error(qr((1, value))).params["reason"] == "invalid_old_id"


@pytest.mark.parametrize("value", ["", "   ", "\t"])
def test_empty_name(value: str) -> None:
    assert qr_error(qr((2, value))).params["reason"] == "empty_name"


@pytest.mark.parametrize(
    "value",
    [
        "31022000", "29022001", "00012000", "01132000", "32012000", "01010000", "0101200", "010120000",
        "01-01-2000", "2000-01-01", "", "abcdefgh", "０１０１２０００",
    ],
)  # fmt: skip
def test_invalid_date_of_birth(value: str) -> None:
    error = qr_error(qr((3, value)))
    assert error.params["reason"] == "invalid_date"
    assert error.params["field"] == "date_of_birth"


@pytest.mark.parametrize("value", ["31022021", "1506202", "15/06/2021", "x"])
def test_invalid_issue_date(value: str) -> None:
    error = qr_error(qr((6, value)))
    assert error.params["reason"] == "invalid_date"
    assert error.params["field"] == "issue_date"


def test_date_of_birth_in_the_future() -> None:
    tomorrow = TODAY + timedelta(days=1)
    error = qr_error(qr((0, "001225012345"), (3, tomorrow.strftime("%d%m%Y")), (6, "")))
    assert error.params["reason"] == "future_date_of_birth"


@pytest.mark.parametrize("value", ["", "Male", "Nữa", "N", "X", "Nam Nữ"])
def test_unknown_sex(value: str) -> None:
    assert qr_error(qr((4, value))).params["reason"] == "unknown_sex"


def test_issue_date_before_birth() -> None:
    assert qr_error(qr((6, "31121998"))).params["reason"] == "issue_before_birth"
    # the same day is allowed
    assert parse_card_qr(qr((6, "01011999")), today=TODAY).issue_date == date(1999, 1, 1)


# ---------------------------------------------------------------------------------------------------------
# parse_card_qr: cross-check warnings


def test_sex_mismatch_warning() -> None:
    assert parse_card_qr(qr((4, "Nữ")), today=TODAY).warnings == ("sex_mismatch",)
    assert parse_card_qr(qr((0, "001199012345")), today=TODAY).warnings == ("sex_mismatch",)


def test_birth_year_mismatch_warning() -> None:
    assert parse_card_qr(qr((3, "01011998")), today=TODAY).warnings == ("birth_year_mismatch",)
    # same two digits, wrong century: 2099 is encoded, 1999 is printed
    card = parse_card_qr(qr((0, "001299012345"), (3, "01011999")), today=FAR_FUTURE)
    assert card.warnings == ("birth_year_mismatch",)


def test_both_warnings() -> None:
    card = parse_card_qr(qr((3, "01011998"), (4, "Nữ")), today=TODAY)
    assert card.warnings == ("sex_mismatch", "birth_year_mismatch")
    assert card.to_json()["warnings"] == ["sex_mismatch", "birth_year_mismatch"]


@pytest.mark.parametrize("code", ["sex_mismatch", "birth_year_mismatch"])
def test_describe_warning(code: str) -> None:
    sentence = describe_warning(code)
    assert sentence[0].isupper() and sentence.endswith(".")
    assert sentence.isascii()


def test_describe_warning_sentences_differ_and_unknown_code_is_a_bug() -> None:
    assert describe_warning("sex_mismatch") != describe_warning("birth_year_mismatch")
    assert "sex" in describe_warning("sex_mismatch")
    assert "year" in describe_warning("birth_year_mismatch")
    with pytest.raises(ValueError, match="nope"):
        describe_warning("nope")


def test_module_does_not_use_qt() -> None:
    assert not any(name.startswith(("PySide", "PyQt", "Qt")) for name in vars(pid))


# ---------------------------------------------------------------------------------------------------------
# Property tests


@st.composite
def built_ids(draw: st.DrawFn) -> tuple[str, str, str, int, date]:
    """A valid personal ID and (province code, sex, birth year, a `today` not before that year)."""
    code = draw(st.sampled_from(sorted(PROVINCES)))
    birth_year = draw(st.integers(min_value=1900, max_value=2399))
    sex = draw(st.sampled_from(["male", "female"]))
    digit = (birth_year - 1900) // 100 * 2 + (1 if sex == "female" else 0)
    tail = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    today = draw(st.dates(min_value=date(birth_year, 1, 1), max_value=date(9999, 12, 31)))
    return f"{code}{digit}{birth_year % 100:02d}{tail}", code, sex, birth_year, today


@NO_DISK
@given(built_ids())
def test_property_valid_ids_decode_to_how_they_were_built(built: tuple[str, str, str, int, date]) -> None:
    number, code, sex, birth_year, today = built
    result = check_id(number, today=today)
    assert result.valid and result.reason is None and result.message is None
    assert result.kind == "personal_id"
    assert result.number == number
    assert result.province_code == code
    assert result.province_name == PROVINCES[code]
    assert result.sex == sex
    assert result.birth_year == birth_year
    assert require_personal_id(number, today=today) == number
    # a year before the birth year refuses it
    if birth_year > 1:
        early = check_id(number, today=date(birth_year - 1, 12, 31))
        assert early.reason == "future_birth_year"


ID_LIKE_TEXT = st.one_of(st.text(), st.text(alphabet="0123456789 \t-x", max_size=16))


@NO_DISK
@given(ID_LIKE_TEXT, st.dates())
def test_property_check_id_never_raises_and_explains_refusals(text: str, today: date) -> None:
    result = check_id(text, today=today)
    if result.valid:
        assert result.reason is None and result.message is None
        assert result.number.isascii() and result.number.isdigit()
        assert (result.kind, len(result.number)) in {("personal_id", 12), ("old_id", 9)}
    else:
        assert result.reason in ID_REASONS
        assert result.message
        assert result.kind is None


def _parse_or_refuse(text: str, today: date) -> None:
    try:
        card = parse_card_qr(text, today=today)
    except InvalidQrText as error:
        assert error.params["reason"] in QR_REASONS
        assert error.message
        return
    assert isinstance(card, CardQr)
    assert len(card.personal_id) == 12
    assert card.date_of_birth <= today
    assert card.issue_date is None or card.issue_date >= card.date_of_birth
    assert set(card.warnings) <= {"sex_mismatch", "birth_year_mismatch"}


@NO_DISK
@given(st.text(), st.dates())
def test_property_parse_card_qr_only_raises_invalid_qr_text_on_any_text(text: str, today: date) -> None:
    _parse_or_refuse(text, today)


PLAUSIBLE_FIELD = st.one_of(
    st.text(),
    st.text(alphabet="0123456789 ", max_size=13),
    st.sampled_from(["", SAMPLE_ID, "123456789", "Nam", "Nữ", "nu", "NAM", "01011999", "31022000", "\ufeff"]),
    st.dates().map(lambda d: d.strftime("%d%m") + f"{d.year:04d}"),
)


@NO_DISK
@given(st.lists(PLAUSIBLE_FIELD, max_size=10), st.dates(), st.sampled_from(["", "\r\n", "\n"]), st.booleans())
def test_property_parse_card_qr_only_raises_invalid_qr_text_on_field_lists(
    fields: list[str], today: date, ending: str, bom: bool
) -> None:
    _parse_or_refuse(("\ufeff" if bom else "") + "|".join(fields) + ending, today)


VIETNAMESE_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
WORDS = st.text(alphabet=VIETNAMESE_LETTERS, min_size=1, max_size=8)


@st.composite
def built_cards(draw: st.DrawFn) -> tuple[str, dict[str, Any], date]:
    """A QR text built from random valid, mutually consistent parts, the parts, and `today`."""
    today = draw(st.dates(min_value=date(1950, 1, 1), max_value=date(2399, 12, 31)))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=today))
    sex = draw(st.sampled_from(["male", "female"]))
    digit = (born.year - 1900) // 100 * 2 + (1 if sex == "female" else 0)
    province = draw(st.sampled_from(sorted(PROVINCES)))
    tail = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    personal_id = f"{province}{digit}{born.year % 100:02d}{tail}"
    old_id = draw(st.one_of(st.none(), st.text(alphabet="0123456789", min_size=9, max_size=9)))
    full_name = " ".join(draw(st.lists(WORDS, min_size=1, max_size=5)))
    address = draw(st.text(alphabet=VIETNAMESE_LETTERS + "0123456789 ,./-", max_size=60))
    issue = draw(st.one_of(st.none(), st.dates(min_value=born, max_value=today)))
    sex_text = draw(st.sampled_from(["Nam", "NAM", "nam"] if sex == "male" else ["Nữ", "NỮ", "nữ", "nu"]))
    fields = [
        personal_id,
        old_id or "",
        full_name,
        born.strftime("%d%m") + f"{born.year:04d}",
        sex_text,
        address,
        "" if issue is None else issue.strftime("%d%m") + f"{issue.year:04d}",
    ]
    fields += draw(st.lists(st.just(""), max_size=3))
    text = "|".join(fields)
    if draw(st.booleans()):
        text = nfd(text)
    text = draw(st.sampled_from(["", "\ufeff"])) + text + draw(st.sampled_from(["", "\r\n", "\n", " "]))
    parts = {
        "personal_id": personal_id,
        "old_id": old_id,
        "full_name": nfc(full_name),
        "date_of_birth": born,
        "sex": sex,
        "address": nfc(address),
        "issue_date": issue,
    }
    return text, parts, today


@NO_DISK
@given(built_cards())
def test_property_qr_round_trips(built: tuple[str, dict[str, Any], date]) -> None:
    text, parts, today = built
    card = parse_card_qr(text, today=today)
    assert card == CardQr(**parts, warnings=())
    assert unicodedata.is_normalized("NFC", card.full_name)
    assert unicodedata.is_normalized("NFC", card.address)

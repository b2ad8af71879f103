"""records.citizens: what the counter collects about a person or an organisation, checked and normalised."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from records.citizens import ApplicantKind, CitizenInput, CitizenView, normalise_phone
from records.errors import DomainError, InvalidInput, InvalidPersonalId

NO_DISK = settings(database=None)  # unit tests keep nothing on disk, not even Hypothesis's example database

PERSONAL_ID = "001099012345"  # Hà Nội, male, born 1999
PERSONAL_ID_2 = "079301123456"  # TP Hồ Chí Minh, female, born 2001
OLD_ID = "123456789"


def person(**fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"full_name": "Nguyễn Văn An", "personal_id": PERSONAL_ID}
    data.update(fields)
    return data


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- identification ------------------------------------------------------------------------------------


def test_minimal_citizen() -> None:
    c = CitizenInput.from_json({"full_name": "Nguyễn Văn An", "personal_id": PERSONAL_ID})
    assert c == CitizenInput(full_name="Nguyễn Văn An", personal_id=PERSONAL_ID)
    assert c.kind is ApplicantKind.CITIZEN
    assert (c.old_id, c.org_code, c.phone, c.email, c.address, c.sex, c.date_of_birth) == (None,) * 7
    assert c.name_folded == "nguyen van an"


def test_personal_id_is_cleaned() -> None:
    assert CitizenInput.from_json(person(personal_id=" 001 099 012345 ")).personal_id == PERSONAL_ID
    assert CitizenInput.from_json(person(personal_id=PERSONAL_ID_2)).personal_id == PERSONAL_ID_2


def test_a_citizen_needs_a_personal_id_or_an_old_id() -> None:
    for data in (
        {"full_name": "An"},
        person(personal_id=None),
        person(personal_id=""),
        person(personal_id="  "),
    ):
        with pytest.raises(InvalidInput) as info:
            CitizenInput.from_json(data)
        assert info.value.params["field"] == "applicant.personal_id"


def test_old_id_alone_is_enough_for_a_citizen() -> None:
    c = CitizenInput.from_json({"full_name": "Trần Thị Bích", "old_id": OLD_ID})
    assert (c.personal_id, c.old_id) == (None, OLD_ID)


def test_both_ids_are_kept() -> None:
    c = CitizenInput.from_json(person(old_id="123 456 789"))
    assert (c.personal_id, c.old_id) == (PERSONAL_ID, OLD_ID)


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("999099012345", "unknown_province"),
        ("00109901234", "wrong_length"),
        ("00109901234X", "not_digits"),
        ("001999012345", "future_birth_year"),  # 4th digit 9: born in the 2300s
        (OLD_ID, "old_id_not_accepted"),  # a 9-digit number belongs in old_id
    ],
)
def test_invalid_personal_id_is_refused(number: str, reason: str) -> None:
    with pytest.raises(InvalidPersonalId) as info:
        CitizenInput.from_json(person(personal_id=number))
    assert info.value.params["reason"] == reason
    assert info.value.params["field"] == "applicant.personal_id"


def test_an_invalid_personal_id_names_whose_it_is() -> None:
    with pytest.raises(InvalidPersonalId) as info:
        CitizenInput.from_json(person(personal_id="12345"), role="owner")
    assert info.value.params["field"] == "owner.personal_id"
    assert info.value.params["reason"] == "wrong_length"


@pytest.mark.parametrize("number", ["12345678", "1234567890", "12345678X", "０１２３４５６７８"])
def test_invalid_old_id_is_refused(number: str) -> None:
    with pytest.raises(InvalidPersonalId) as info:
        CitizenInput.from_json({"full_name": "An", "old_id": number}, role="submitter")
    assert info.value.params["field"] == "submitter.old_id"


def test_a_12_digit_number_is_not_an_old_id() -> None:
    with pytest.raises(InvalidInput) as info:
        CitizenInput.from_json({"full_name": "An", "old_id": PERSONAL_ID})
    assert info.value.params["field"] == "applicant.old_id"


def test_role_names_the_field() -> None:
    with pytest.raises(InvalidInput) as info:
        CitizenInput.from_json({"full_name": "An"}, role="owner")
    assert info.value.params["field"] == "owner.personal_id"
    assert "owner" in str(info.value)


# --- organisations -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [2, "2", "business", "BUSINESS", 3, "state_body", 4, " other_organisation "])
def test_an_organisation_needs_its_code_not_a_personal_id(kind: object) -> None:
    org = CitizenInput.from_json(
        {"full_name": "Hộ kinh doanh Bình Minh", "kind": kind, "org_code": "0101234567"}
    )
    assert org.kind is not ApplicantKind.CITIZEN
    assert org.org_code == "0101234567"
    assert org.personal_id is None
    with pytest.raises(InvalidInput) as info:
        CitizenInput.from_json({"full_name": "Công ty A", "kind": kind, "personal_id": PERSONAL_ID})
    assert info.value.params["field"] == "applicant.org_code"


def test_org_code_is_upper_cased_and_checked() -> None:
    org = CitizenInput.from_json({"full_name": "Công ty A", "kind": 2, "org_code": "0101234567-001"})
    assert org.org_code == "0101234567-001"
    assert CitizenInput.from_json({"full_name": "HKD", "kind": 2, "org_code": "27a8 012345"}).org_code == (
        "27A8012345"
    )
    for bad in ("123", "-0101234567", "0101_234567", "A" * 40):
        with pytest.raises(InvalidInput):
            CitizenInput.from_json({"full_name": "Công ty A", "kind": 2, "org_code": bad})


@pytest.mark.parametrize("kind", [0, 5, "company", None, 1.0, [1]])
def test_unknown_kind_is_refused(kind: object) -> None:
    with pytest.raises(InvalidInput):
        CitizenInput.from_json(person(kind=kind))


# --- name, address and blank fields --------------------------------------------------------------------


def test_name_and_address_are_nfc_with_whitespace_folded() -> None:
    c = CitizenInput.from_json(
        person(full_name=nfd("  Nguyễn   Thị  Ánh "), address=nfd(" Thôn 3,  xã Đông Sơn,\n tỉnh Thanh Hóa "))
    )
    assert c.full_name == "Nguyễn Thị Ánh"
    assert c.address == "Thôn 3, xã Đông Sơn, tỉnh Thanh Hóa"
    assert unicodedata.is_normalized("NFC", c.full_name + c.address)
    assert c.name_folded == "nguyen thi anh"


@pytest.mark.parametrize("name", [None, "", "   ", "\n\t"])
def test_name_is_required(name: str | None) -> None:
    with pytest.raises(InvalidInput) as info:
        CitizenInput.from_json(person(full_name=name))
    assert info.value.params["field"] == "applicant.full_name"


def test_overlong_name_is_refused() -> None:
    CitizenInput.from_json(person(full_name="A" * 255))
    with pytest.raises(InvalidInput):
        CitizenInput.from_json(person(full_name="A" * 256))


@pytest.mark.parametrize("blank", [None, "", "  ", "\t\n"])
def test_blank_optional_fields_become_none(blank: str | None) -> None:
    c = CitizenInput.from_json(
        person(
            old_id=blank,
            org_code=blank,
            date_of_birth=blank,
            sex=blank,
            address=blank,
            phone=blank,
            email=blank,
        )
    )
    assert (c.old_id, c.org_code, c.date_of_birth, c.sex, c.address, c.phone, c.email) == (None,) * 7


@pytest.mark.parametrize("data", [None, "Nguyễn Văn An", [PERSONAL_ID], 42])
def test_not_an_object_is_refused(data: object) -> None:
    with pytest.raises(InvalidInput):
        CitizenInput.from_json(data)


# --- contacts, sex, date of birth ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+84 912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("(+84) 912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("+84 (0) 912 345 678", "0912345678"),  # trunk 0 after the country code
        ("0912345678", "0912345678"),
        ("0841234567", "0841234567"),  # an 084 mobile prefix is not the country code
        ("024 3825 1234", "02438251234"),  # 11-digit landline
        ("+84 24 3825 1234", "02438251234"),
    ],
)
def test_phone_numbers_are_normalised(raw: str, expected: str) -> None:
    assert normalise_phone(raw) == expected
    assert CitizenInput.from_json(person(phone=raw)).phone == expected


@pytest.mark.parametrize(
    "raw",
    [
        "abc",
        "12345",
        "091234567",  # too short
        "091234567890",  # too long
        "+1 212 555 0100",
        "0912 345 67x",
        "00912345678",  # a trunk 0 doubled
        "+84 0 0912 345 678",
        "0٩١٢٣٤٥٦٧٨",  # Arabic-Indic digits
        "０９１２３４５６７８",  # full-width digits
        "0912345678 ext 2",
    ],
)
def test_garbage_phone_numbers_are_refused(raw: str) -> None:
    with pytest.raises(InvalidInput):
        normalise_phone(raw)
    with pytest.raises(InvalidInput) as info:
        CitizenInput.from_json(person(phone=raw), role="owner")
    assert info.value.params["field"] == "owner.phone"


def test_blank_phone_is_none() -> None:
    assert normalise_phone(None) is None
    assert normalise_phone("  ") is None


@given(st.text(max_size=20))
@NO_DISK
def test_a_normalised_phone_is_always_ascii_digits_with_one_leading_zero(raw: str) -> None:
    try:
        phone = normalise_phone(raw)
    except InvalidInput:
        return
    if phone is None:
        assert not raw.strip()
        return
    assert phone.isascii() and phone.isdigit()
    assert len(phone) in (10, 11)
    assert phone[0] == "0" and phone[1] != "0"
    assert normalise_phone(phone) == phone


@pytest.mark.parametrize("email", ["an.nguyen@example.vn", "  a+b@mail.gov.vn "])
def test_email_is_checked(email: str) -> None:
    assert CitizenInput.from_json(person(email=email)).email == email.strip()


@pytest.mark.parametrize("email", ["an", "an@", "@example.vn", "an@example", "a n@example.vn", "a@b@c.vn"])
def test_bad_email_is_refused(email: str) -> None:
    with pytest.raises(InvalidInput) as info:
        CitizenInput.from_json(person(email=email))
    assert info.value.params["field"] == "applicant.email"


@pytest.mark.parametrize("sex", ["male", "female"])
def test_sex(sex: str) -> None:
    assert CitizenInput.from_json(person(sex=sex)).sex == sex


@pytest.mark.parametrize("sex", ["Nam", "m", "F", "Male", "other", "1"])
def test_bad_sex_is_refused(sex: str) -> None:
    with pytest.raises(InvalidInput) as info:
        CitizenInput.from_json(person(sex=sex))
    assert info.value.params["field"] == "applicant.sex"


def test_date_of_birth_is_iso() -> None:
    assert CitizenInput.from_json(person(date_of_birth="1999-05-01")).date_of_birth == date(1999, 5, 1)
    assert CitizenInput.from_json(person(date_of_birth=" 2000-02-29 ")).date_of_birth == date(2000, 2, 29)


@pytest.mark.parametrize("dob", ["01/05/1999", "01-05-1999", "1999-02-30", "yesterday", "1999-13-01"])
def test_bad_date_of_birth_is_refused(dob: str) -> None:
    with pytest.raises(InvalidInput):
        CitizenInput.from_json(person(date_of_birth=dob))


# --- views and robustness ------------------------------------------------------------------------------


def test_view_json_and_id_number() -> None:
    view = CitizenView(
        id="0192c7f0-0000-7000-8000-000000000000",
        kind=ApplicantKind.BUSINESS,
        full_name="Hộ kinh doanh Bình Minh",
        personal_id=None,
        old_id=None,
        org_code="0101234567",
        date_of_birth=date(1990, 1, 2),
        sex=None,
        address=None,
        phone="0912345678",
        email=None,
    )
    assert view.id_number == "0101234567"
    data = view.to_json()
    assert data["kind"] == "business"
    assert data["date_of_birth"] == "1990-01-02"
    assert data["org_code"] == "0101234567"


JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=15)
)
FIELDS = st.sampled_from(
    [
        "full_name",
        "kind",
        "personal_id",
        "old_id",
        "org_code",
        "date_of_birth",
        "sex",
        "address",
        "phone",
        "email",
    ]
)


@given(
    st.dictionaries(FIELDS, st.one_of(JSON_SCALARS, st.lists(JSON_SCALARS, max_size=2))),
    st.booleans(),
)
@NO_DISK
def test_from_json_only_raises_domain_errors(fields: dict[str, Any], start_valid: bool) -> None:
    data = person() if start_valid else {}
    data.update(fields)
    try:
        c = CitizenInput.from_json(data)
    except DomainError:
        return
    assert c.full_name == c.full_name.strip() and c.full_name
    assert c.personal_id or c.old_id or c.org_code

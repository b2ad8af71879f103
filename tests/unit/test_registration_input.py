"""records.files.RegistrationRequest.from_json: registration input is checked before it touches the store."""

from __future__ import annotations

import contextlib
import copy
import unicodedata
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from records.citizens import ApplicantKind
from records.errors import DomainError, InvalidInput, InvalidPersonalId
from records.files import Channel, DocumentInput, RegistrationRequest
from records.workflow import Status

NO_DISK = settings(database=None)  # unit tests keep nothing on disk, not even Hypothesis's example database
VN = timedelta(hours=7)

MINIMAL: dict[str, Any] = {
    "procedure": "1.001193",
    "applicant": {"personal_id": "001099012345", "full_name": "Nguyễn Văn An"},
    "documents": ["Tờ khai đăng ký khai sinh"],
}


def request(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    for key, value in changes.items():
        if value is ...:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def refused(data: Any, field: str | None = None) -> InvalidInput:
    with pytest.raises(InvalidInput) as info:
        RegistrationRequest.from_json(data)
    if field is not None:
        assert info.value.params.get("field") == field, info.value.params
    return info.value


# --- the minimal registration and its defaults ---------------------------------------------------------


def test_minimal_registration() -> None:
    r = RegistrationRequest.from_json(request())
    assert r.procedure_code == "1.001193"
    assert r.applicant.personal_id == "001099012345"
    assert r.applicant.full_name == "Nguyễn Văn An"
    assert r.owner is None  # the applicant is the owner
    assert r.documents == (DocumentInput("Tờ khai đăng ký khai sinh", None, 1, 0, 0),)
    assert r.received_at is None  # the service stamps "now"
    assert r.channel is Channel.IN_PERSON
    assert r.return_method == "counter"
    assert r.status is Status.RECEIVED
    assert (r.sets, r.copies, r.pages) == (1, 1, 1)
    assert r.summary is None and r.note is None


def test_procedure_is_required_and_nfc() -> None:
    for missing in (..., None, "", "   "):
        refused(request(procedure=missing), "procedure")
    assert RegistrationRequest.from_json(request(procedure=" 2.000815 ")).procedure_code == "2.000815"


@pytest.mark.parametrize("applicant", [..., None, "Nguyễn Văn An", [], {"full_name": "An"}])
def test_applicant_is_required_and_checked(applicant: Any) -> None:
    refused(request(applicant=applicant))


def test_applicant_with_invalid_id_is_refused_as_such() -> None:
    with pytest.raises(InvalidPersonalId):
        RegistrationRequest.from_json(request(applicant={"full_name": "An", "personal_id": "999099012345"}))


@pytest.mark.parametrize("data", [None, [], "{}", 1, [MINIMAL]])
def test_not_an_object_is_refused(data: Any) -> None:
    refused(data)


# --- owner ---------------------------------------------------------------------------------------------


def test_owner_is_optional_and_may_differ_from_the_applicant() -> None:
    owner = {"personal_id": "079301123456", "full_name": "Trần Thị Bình", "sex": "female"}
    r = RegistrationRequest.from_json(request(owner=owner))
    assert r.owner is not None
    assert r.owner.personal_id == "079301123456"
    assert r.applicant.personal_id == "001099012345"
    absent: object
    for absent in (None, {}):
        assert RegistrationRequest.from_json(request(owner=absent)).owner is None


def test_owner_may_be_an_organisation() -> None:
    owner = {"kind": "business", "org_code": "0101234567", "full_name": "Hộ kinh doanh Bình Minh"}
    r = RegistrationRequest.from_json(request(owner=owner))
    assert r.owner is not None and r.owner.kind is ApplicantKind.BUSINESS


def test_bad_owner_is_refused_and_named() -> None:
    error = refused(request(owner={"full_name": "Trần Thị Bình"}), "owner.personal_id")
    assert "owner" in str(error)
    refused(request(owner="Trần Thị Bình"), "owner")


# --- documents -----------------------------------------------------------------------------------------


def test_documents_as_names_or_objects_with_counts() -> None:
    r = RegistrationRequest.from_json(
        request(
            documents=[
                "Giấy chứng sinh",
                {"name": "Tờ khai", "original": 2},
                {"name": "CCCD của cha", "originals": 1, "photocopies": 1},
                {"name": "Giấy đăng ký kết hôn", "code": "GT01", "certified_copy": 1},
                {"name": "Sổ hộ khẩu", "certified_copies": 2, "photocopy": 3},
            ]
        )
    )
    assert r.documents == (
        DocumentInput("Giấy chứng sinh", None, 1, 0, 0),
        DocumentInput("Tờ khai", None, 2, 0, 0),
        DocumentInput("CCCD của cha", None, 1, 0, 1),
        DocumentInput("Giấy đăng ký kết hôn", "GT01", 0, 1, 0),
        DocumentInput("Sổ hộ khẩu", None, 0, 2, 3),
    )


def test_singular_and_plural_count_keys_are_synonyms() -> None:
    for singular, plural in (
        ("original", "originals"),
        ("certified_copy", "certified_copies"),
        ("photocopy", "photocopies"),
    ):
        a = RegistrationRequest.from_json(request(documents=[{"name": "X", singular: 3}])).documents[0]
        b = RegistrationRequest.from_json(request(documents=[{"name": "X", plural: 3}])).documents[0]
        assert a == b
        assert getattr(a, plural) == 3


def test_document_names_are_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "  Giấy   chứng sinh ")
    r = RegistrationRequest.from_json(request(documents=[decomposed, {"name": decomposed, "original": 1}]))
    assert [d.name for d in r.documents] == ["Giấy chứng sinh"] * 2


def test_a_document_code_that_is_not_text_is_kept_as_text() -> None:
    r = RegistrationRequest.from_json(request(documents=[{"name": "X", "original": 1, "code": 5}]))
    assert r.documents[0].code == "5"


@pytest.mark.parametrize("documents", [..., None, [], {}, "Giấy chứng sinh", {"name": "X", "original": 1}])
def test_documents_must_be_a_non_empty_list(documents: Any) -> None:
    refused(request(documents=documents), "documents")


@pytest.mark.parametrize(
    "document",
    [
        {"name": "X"},  # no copies at all
        {"name": "X", "original": 0},
        {"name": "X", "originals": 0, "certified_copies": 0, "photocopies": 0},
        {"name": "X", "original": None},
    ],
)
def test_zero_count_documents_are_refused(document: dict[str, Any]) -> None:
    refused(request(documents=[document]), "documents[0]")


@pytest.mark.parametrize("count", [-1, -100, True, False, 1.0, 1.5, "1", "", [1], {"n": 1}, 1000, 10**20])
def test_bad_counts_are_refused(count: Any) -> None:
    refused(request(documents=["A", {"name": "X", "original": 1, "photocopies": count}]), "documents[1]")


@pytest.mark.parametrize(
    "document", [None, 1, ["X"], {"original": 1}, {"name": "", "original": 1}, {"name": "  "}]
)
def test_documents_need_a_name(document: Any) -> None:
    refused(request(documents=[document]), "documents[0]")


# --- status, channel, return method, numbers -----------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("received", Status.RECEIVED),
        ("supplement_requested", Status.SUPPLEMENT_REQUESTED),
        ("supplement-requested", Status.SUPPLEMENT_REQUESTED),
        ("refused", Status.REFUSED),
        (3, Status.REFUSED),
        (5, Status.SUPPLEMENT_REQUESTED),
        (None, Status.RECEIVED),
    ],
)
def test_initial_status(status: Any, expected: Status) -> None:
    assert RegistrationRequest.from_json(request(status=status)).status is expected


@pytest.mark.parametrize(
    "status", ["in_progress", "returned", "result_ready", "withdrawn", "stopped", "awaiting_payment", 4, 10]
)
def test_a_new_file_cannot_start_in_a_later_status(status: Any) -> None:
    refused(request(status=status), "status")


@pytest.mark.parametrize("status", ["new", "1", 1, 11, "done", 4.5, ["received"]])
def test_unknown_status_is_refused(status: Any) -> None:
    refused(request(status=status))


@pytest.mark.parametrize(
    ("channel", "expected"),
    [(1, Channel.IN_PERSON), ("2", Channel.ONLINE), ("post", Channel.POST), ("IN_PERSON", Channel.IN_PERSON)],
)
def test_channel(channel: Any, expected: Channel) -> None:
    assert RegistrationRequest.from_json(request(channel=channel)).channel is expected


@pytest.mark.parametrize("channel", [0, 4, "mail", "", None, 2.0, [1]])
def test_bad_channel_is_refused(channel: Any) -> None:
    refused(request(channel=channel))


@pytest.mark.parametrize("method", ["counter", "post"])
def test_return_method(method: str) -> None:
    assert RegistrationRequest.from_json(request(return_method=method)).return_method == method


@pytest.mark.parametrize("method", ["Counter", "mail", "email", "1", 2, ["post"]])
def test_bad_return_method_is_refused(method: Any) -> None:
    refused(request(return_method=method), "return_method")


@pytest.mark.parametrize("key", ["sets", "copies", "pages"])
def test_positive_numbers(key: str) -> None:
    assert getattr(RegistrationRequest.from_json(request(**{key: 12})), key) == 12
    for bad in (0, -1, True, 2.0, "3", None, 10_000):
        refused(request(**{key: bad}), key)


def test_summary_and_note_are_nfc_or_none() -> None:
    r = RegistrationRequest.from_json(
        request(summary=unicodedata.normalize("NFD", " Khai  sinh "), note="  ")
    )
    assert r.summary == "Khai sinh"
    assert r.note is None


# --- received_at ---------------------------------------------------------------------------------------


def test_received_at_with_an_offset() -> None:
    r = RegistrationRequest.from_json(request(received_at="2025-06-16T02:00:00Z"))
    assert r.received_at == datetime(2025, 6, 16, 2, tzinfo=UTC)
    assert r.received_at is not None and r.received_at.utcoffset() == VN  # shown in Vietnam's time
    assert r.received_at.hour == 9
    r = RegistrationRequest.from_json(request(received_at="2025-06-16T09:00:00+09:00"))
    assert r.received_at == datetime(2025, 6, 16, 0, tzinfo=UTC)


def test_received_at_without_an_offset_is_vietnam_time() -> None:
    r = RegistrationRequest.from_json(request(received_at="2025-06-16T09:00:00"))
    assert r.received_at is not None
    assert r.received_at.utcoffset() == VN
    assert r.received_at == datetime(2025, 6, 16, 2, tzinfo=UTC)  # UTC+7, never the machine's zone
    r = RegistrationRequest.from_json(request(received_at="2025-06-16 14:59"))
    assert r.received_at == datetime(2025, 6, 16, 7, 59, tzinfo=UTC)


def test_received_at_is_optional() -> None:
    for absent in (..., None, ""):
        assert RegistrationRequest.from_json(request(received_at=absent)).received_at is None


@pytest.mark.parametrize(
    "received",
    [
        "16/06/2025 09:00",
        "yesterday",
        "2025-02-30T09:00:00",
        "2025-06-16T25:00:00",
        12345,
        "0001-01-01T00:00:00+14:00",  # before the first representable instant
        "0001-01-01T03:00:00",  # representable in Vietnam's time, not in UTC
        "9999-12-31T23:59:59-10:00",
    ],
)
def test_bad_received_at_is_refused(received: Any) -> None:
    refused(request(received_at=received))


# --- robustness ----------------------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
KEYS = st.sampled_from(
    [
        "procedure",
        "applicant",
        "owner",
        "documents",
        "received_at",
        "channel",
        "return_method",
        "sets",
        "status",
        "copies",
        "pages",
        "summary",
        "note",
    ]
)
PERSON_KEYS = st.sampled_from(
    ["full_name", "personal_id", "old_id", "kind", "org_code", "phone", "email", "sex"]
)
DOCUMENT_KEYS = st.sampled_from(
    [
        "name",
        "code",
        "original",
        "originals",
        "certified_copy",
        "certified_copies",
        "photocopy",
        "photocopies",
    ]
)
DATE_TEXT = st.one_of(
    st.datetimes().map(lambda d: d.isoformat()),  # no offset: Vietnam time
    st.datetimes().map(str),  # "YYYY-MM-DD HH:MM:SS[.ffffff]"
    st.builds(
        lambda d, h, m: f"{d.isoformat()}T00:00:00{'+' if h >= 0 else '-'}{abs(h):02d}:{m:02d}",
        st.dates(),
        st.integers(-23, 23),
        st.integers(0, 59),
    ),
)


@given(JSON_VALUES)
@NO_DISK
def test_arbitrary_json_only_raises_domain_errors(data: Any) -> None:
    with contextlib.suppress(DomainError):
        RegistrationRequest.from_json(data)


@given(st.dictionaries(KEYS, JSON_VALUES, max_size=6))
@NO_DISK
def test_arbitrary_fields_only_raise_domain_errors(fields: dict[str, Any]) -> None:
    with contextlib.suppress(DomainError):
        RegistrationRequest.from_json(request(**fields))


@given(
    st.dictionaries(PERSON_KEYS, JSON_VALUES, max_size=4),
    st.lists(st.one_of(JSON_VALUES, st.dictionaries(DOCUMENT_KEYS, JSON_VALUES, max_size=4)), max_size=3),
    st.one_of(JSON_VALUES, DATE_TEXT),
)
@settings(database=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_nested_fields_only_raise_domain_errors(
    person: dict[str, Any], documents: list[Any], received: Any
) -> None:
    applicant = {**MINIMAL["applicant"], **person}
    data = request(
        applicant=applicant, owner=person or None, documents=documents or ["X"], received_at=received
    )
    try:
        r = RegistrationRequest.from_json(data)
    except DomainError:
        return
    assert r.documents
    for doc in r.documents:
        assert doc.name and doc.originals + doc.certified_copies + doc.photocopies > 0
    if r.received_at is not None:
        assert r.received_at.utcoffset() == VN
        r.received_at.astimezone(UTC)  # storable

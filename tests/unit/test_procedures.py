"""The procedure catalogue: the shipped seed, versions by date, fees, and the JSON document's refusals."""

from __future__ import annotations

import copy
import json
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from records.calendar import ProcessingTime
from records.errors import CatalogError, InvalidInput
from records.procedures import (
    CATALOG_FORMAT,
    FeeKind,
    FeeRule,
    FeeTier,
    Procedure,
    ProcedureVersion,
    RequiredDocument,
    compute_fee,
    dump_catalog,
    is_catalog_code,
    is_national_code,
    load_catalog,
    load_seed_catalog,
    processing_time_from_json,
    processing_time_to_json,
    search_key,
)

SAME_DAY = ProcessingTime("same_day", cutoff=time(15, 0))


def working_days(amount: float) -> ProcessingTime:
    return ProcessingTime("working_days", amount)


# code -> (statutory time, extended time or None, field), from domain.md §3
EXPECTED_SEED: dict[str, tuple[ProcessingTime, ProcessingTime | None, str]] = {
    "1.001193": (SAME_DAY, None, "Hộ tịch"),
    "1.000894": (SAME_DAY, working_days(5), "Hộ tịch"),
    "1.000656": (SAME_DAY, None, "Hộ tịch"),
    "1.004873": (working_days(3), working_days(23), "Hộ tịch"),
    "1.001022": (working_days(3), working_days(8), "Hộ tịch"),
    "2.000635": (SAME_DAY, None, "Hộ tịch"),
    "2.000815": (SAME_DAY, working_days(2), "Chứng thực"),
    "2.000884": (SAME_DAY, None, "Chứng thực"),
    "2.001019": (working_days(2), None, "Chứng thực"),
    "2.001035": (working_days(2), None, "Chứng thực"),
    "LT.KS-TT-BHYT": (working_days(3), working_days(5), "Hộ tịch"),
    "2.000908": (SAME_DAY, None, "Chứng thực"),
}

# code -> the fee kinds of the seed version, in order
EXPECTED_FEE_KINDS: dict[str, list[str]] = {
    "1.001193": ["free", "set_by_province"],
    "1.000894": ["free"],
    "1.000656": ["free", "set_by_province"],
    "1.004873": ["set_by_province"],
    "1.001022": ["set_by_province"],
    "2.000635": ["per_copy"],
    "2.000815": ["per_page_tiered"],
    "2.000884": ["set_by_province"],
    "2.001019": ["set_by_province"],
    "2.001035": ["set_by_province"],
    "LT.KS-TT-BHYT": ["free"],
    "2.000908": ["set_by_province"],
}

CERTIFIED_COPY = FeeRule(
    "phi",
    "Phí chứng thực bản sao",
    "per_page_tiered",
    tiers=(FeeTier(1, 2000), FeeTier(3, 1000)),
    cap_per_copy=200_000,
)


@pytest.fixture(scope="module")
def seed() -> dict[str, Procedure]:
    return {p.code: p for p in load_seed_catalog()}


def _version(
    start: date,
    end: date | None,
    time_: ProcessingTime = SAME_DAY,
    note: str | None = None,
) -> ProcedureVersion:
    return ProcedureVersion(
        effective_from=start,
        effective_to=end,
        processing_time=time_,
        extended_processing_time=None,
        documents=(RequiredDocument("to_khai", "Tờ khai", 1, 0, 0),),
        fees=(FeeRule("le_phi", "Lệ phí", "free"),),
        legal_basis=None,
        note=note,
    )


def _valid_document() -> dict[str, Any]:
    """A small valid catalogue document, to break one field at a time."""
    return {
        "format": CATALOG_FORMAT,
        "source": "test",
        "procedures": [
            {
                "code": "1.001193",
                "name": "Đăng ký khai sinh",
                "field": "Hộ tịch",
                "field_code": None,
                "versions": [
                    {
                        "effective_from": "2018-07-01",
                        "effective_to": "2025-07-01",
                        "processing_time": {"kind": "same_day", "cutoff": "15:00"},
                        "documents": [
                            {
                                "code": "to_khai",
                                "name": "Tờ khai đăng ký khai sinh",
                                "originals": 1,
                                "certified_copies": 0,
                                "photocopies": 0,
                            }
                        ],
                        "fees": [{"code": "le_phi", "name": "Lệ phí", "kind": "free"}],
                    },
                    {
                        "effective_from": "2025-07-01",
                        "processing_time": {"kind": "working_days", "amount": 1},
                        "extended_processing_time": {"kind": "working_days", "amount": 3},
                        "documents": [],
                        "fees": [
                            {
                                "code": "phi",
                                "name": "Phí",
                                "kind": "per_page_tiered",
                                "tiers": [{"from_page": 1, "amount": 2000}, {"from_page": 3, "amount": 1000}],
                                "cap_per_copy": 200000,
                            }
                        ],
                    },
                ],
            },
            {
                "code": "2.000635",
                "name": "Cấp bản sao trích lục hộ tịch",
                "field": "Hộ tịch",
                "versions": [
                    {
                        "effective_from": "2025-07-01",
                        "processing_time": {"kind": "same_day"},
                        "documents": [],
                        "fees": [{"code": "phi", "name": "Phí", "kind": "per_copy", "amount": 8000}],
                    }
                ],
            },
        ],
    }


# ---------------------------------------------------------------------------------------------------- seed


def test_seed_has_the_twelve_procedures_of_the_domain_table(seed: dict[str, Procedure]) -> None:
    assert set(seed) == set(EXPECTED_SEED)
    assert len(load_seed_catalog()) == 12


@pytest.mark.parametrize("code", sorted(EXPECTED_SEED))
def test_seed_times_and_fields_follow_the_domain_table(seed: dict[str, Procedure], code: str) -> None:
    expected_time, expected_extended, expected_field = EXPECTED_SEED[code]
    procedure = seed[code]
    assert len(procedure.versions) == 1
    version = procedure.versions[0]
    assert version.effective_from == date(2025, 7, 1)
    assert version.effective_to is None
    assert version.processing_time == expected_time
    assert version.extended_processing_time == expected_extended
    assert procedure.field == expected_field
    assert [f.kind for f in version.fees] == EXPECTED_FEE_KINDS[code]
    assert version.documents, "every seed procedure lists what the counter keeps"
    assert all(d.originals + d.certified_copies + d.photocopies > 0 for d in version.documents)
    assert version.legal_basis


def test_seed_examples_named_in_the_brief(seed: dict[str, Procedure]) -> None:
    assert seed["1.004873"].current_version(date(2026, 3, 2)).processing_time == ProcessingTime(
        "working_days", 3
    )
    birth = seed["1.001193"].current_version(date(2025, 7, 1))
    assert birth.processing_time.kind == "same_day"
    assert birth.processing_time.cutoff == time(15, 0)
    names = [d.name for d in birth.documents if d.mandatory]
    assert names == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]
    assert [(d.originals, d.certified_copies, d.photocopies) for d in birth.documents if d.mandatory] == [
        (1, 0, 0),
        (1, 0, 0),
    ]
    copy_docs = seed["2.000815"].versions[0].documents
    assert copy_docs[0].name.startswith("Bản chính")
    assert any(d.name.startswith("Bản sao cần chứng thực") for d in copy_docs)


def test_seed_is_not_in_force_before_nd_118(seed: dict[str, Procedure]) -> None:
    with pytest.raises(CatalogError):
        seed["1.001193"].version_at(date(2025, 6, 30))


def test_seed_fees(seed: dict[str, Procedure]) -> None:
    extract = seed["2.000635"].versions[0].fees[0]
    assert compute_fee(extract) == 8000
    assert compute_fee(extract, copies=3) == 24_000
    certified = seed["2.000815"].versions[0].fees[0]
    assert compute_fee(certified, copies=2, pages=5) == 14_000
    assert compute_fee(certified, pages=1000) == 200_000
    for procedure in seed.values():
        for fee in procedure.versions[0].fees:
            if fee.kind == "set_by_province":
                assert fee.amount is None
                assert compute_fee(fee) is None
                assert fee.note is not None and "tỉnh" in fee.note
            if fee.kind == "free":
                assert compute_fee(fee) == 0


def test_seed_codes_national_except_the_local_lien_thong(seed: dict[str, Procedure]) -> None:
    local = [code for code in seed if not is_national_code(code)]
    assert local == ["LT.KS-TT-BHYT"]
    assert seed["LT.KS-TT-BHYT"].versions[0].note


def test_seed_text_is_nfc_and_the_file_is_canonical(seed: dict[str, Procedure]) -> None:
    from resources import read_text

    text = read_text("catalog", "procedures.json")
    assert unicodedata.is_normalized("NFC", text)
    document = json.loads(text)
    assert isinstance(document["source"], str) and document["source"]
    procedures = load_seed_catalog()
    assert dump_catalog(procedures, source=document["source"]) == text
    assert load_catalog(dump_catalog(procedures)) == procedures


def test_search_key_is_diacritic_insensitive(seed: dict[str, Procedure]) -> None:
    key = search_key(seed["1.001193"])
    assert key == "1.001193 dang ky khai sinh ho tich"
    assert "chung thuc" in search_key(seed["2.000815"])


# ----------------------------------------------------------------------------------------------- codes


@pytest.mark.parametrize(
    ("code", "national", "catalog"),
    [
        ("1.001193", True, True),
        ("2.000635", True, True),
        ("1.001193.000.00.00.H56", False, True),
        ("1.001193-000.00.00.H56", False, True),
        ("LT.KS-TT-BHYT", False, True),
        ("1.00119", False, True),
        ("11.001193", False, True),
        ("1,001193", False, False),
        (".001193", False, False),
        ("", False, False),
        ("1.001193 H56", False, False),
        ("x" * 64, False, True),
        ("x" * 65, False, False),
        ("1.00119３", False, False),
    ],
)
def test_codes(code: str, national: bool, catalog: bool) -> None:
    assert is_national_code(code) is national
    assert is_catalog_code(code) is catalog


# -------------------------------------------------------------------------------------------- versions


def test_version_at_picks_by_date() -> None:
    old = _version(date(2018, 7, 1), date(2025, 7, 1), note="NĐ 61")
    new = _version(date(2025, 7, 1), None, working_days(3), note="NĐ 118")
    procedure = Procedure("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", None, (new, old))
    assert procedure.versions == (old, new), "versions are kept sorted"
    assert procedure.version_at(date(2018, 7, 1)) is old
    assert procedure.version_at(date(2025, 6, 30)) is old
    assert procedure.version_at(date(2025, 7, 1)) is new, "effective_to is exclusive"
    assert procedure.current_version(date(2030, 1, 1)) is new
    ict = timezone(timedelta(hours=7))
    # 30/06 23:30 in UTC is already 01/07 in Vietnam
    assert procedure.version_at(datetime(2025, 6, 30, 17, 30, tzinfo=UTC)) is new
    assert procedure.version_at(datetime(2025, 6, 30, 23, 59, tzinfo=ict)) is old
    with pytest.raises(CatalogError) as caught:
        procedure.version_at(date(2018, 6, 30))
    assert "1.004873" in str(caught.value)
    assert "2018-06-30" in str(caught.value)


def test_version_at_refuses_gaps_and_ended_versions() -> None:
    first = _version(date(2020, 1, 1), date(2021, 1, 1))
    second = _version(date(2022, 1, 1), date(2023, 1, 1))
    procedure = Procedure("1.000656", "Đăng ký khai tử", "Hộ tịch", None, (first, second))
    assert procedure.version_at(date(2020, 12, 31)) is first
    for day in (date(2021, 1, 1), date(2021, 12, 31), date(2023, 1, 1)):
        with pytest.raises(CatalogError):
            procedure.version_at(day)


@pytest.mark.parametrize(
    "periods",
    [
        [(date(2020, 1, 1), date(2021, 1, 2)), (date(2021, 1, 1), None)],
        [(date(2020, 1, 1), None), (date(2021, 1, 1), None)],
        [(date(2020, 1, 1), None), (date(2021, 1, 1), date(2022, 1, 1))],
        [(date(2020, 1, 1), date(2021, 1, 1)), (date(2020, 1, 1), date(2020, 6, 1))],
    ],
)
def test_overlapping_versions_are_refused(periods: list[tuple[date, date | None]]) -> None:
    versions = tuple(_version(start, end) for start, end in periods)
    with pytest.raises(CatalogError) as caught:
        Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", None, versions)
    assert caught.value.params["procedure"] == "1.001193"
    assert caught.value.params["field"] == "versions"
    assert "overlaps" in str(caught.value)


def test_adjacent_versions_are_accepted() -> None:
    versions = (_version(date(2020, 1, 1), date(2021, 1, 1)), _version(date(2021, 1, 1), None))
    assert len(Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", None, versions).versions) == 2


def test_a_procedure_needs_a_version() -> None:
    with pytest.raises(CatalogError):
        Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", None, ())


def test_a_version_must_end_after_it_starts() -> None:
    with pytest.raises(CatalogError):
        _version(date(2025, 7, 1), date(2025, 7, 1))


def test_extended_time_must_be_longer_and_not_same_day() -> None:
    base = _version(date(2025, 7, 1), None, working_days(3))
    with pytest.raises(CatalogError):
        ProcedureVersion(base.effective_from, None, working_days(3), working_days(3))
    with pytest.raises(CatalogError):
        ProcedureVersion(base.effective_from, None, SAME_DAY, SAME_DAY)
    assert ProcedureVersion(base.effective_from, None, SAME_DAY, working_days(2)).extended_processing_time


@pytest.mark.parametrize(
    "time_",
    [
        ProcessingTime("working_days", 0),
        ProcessingTime("working_days", -1),
        ProcessingTime("working_hours", float("nan")),
        ProcessingTime("working_days", float("inf")),
        ProcessingTime("same_day", 2),
        ProcessingTime("same_day", cutoff=time(15, 0, 30)),
        ProcessingTime("weeks", 2),  # type: ignore[arg-type]
    ],
)
def test_bad_processing_times_are_refused(time_: ProcessingTime) -> None:
    with pytest.raises(CatalogError):
        _version(date(2025, 7, 1), None, time_)


def test_version_json_round_trips_exactly() -> None:
    version = ProcedureVersion(
        effective_from=date(2025, 7, 1),
        effective_to=date(2026, 1, 1),
        processing_time=ProcessingTime("working_hours", 4.5, time(14, 0)),
        extended_processing_time=working_days(5),
        documents=(
            RequiredDocument("to_khai", "Tờ khai", 1, 0, 0),
            RequiredDocument(None, "Giấy tờ khác", 0, 0, 0, mandatory=False, note="nếu có"),
        ),
        fees=(CERTIFIED_COPY, FeeRule("tinh", "Lệ phí", "set_by_province", amount=15_000)),
        legal_basis="Nghị định 118/2025/NĐ-CP",
        note="ghi chú",
    )
    data = version.to_json()
    assert ProcedureVersion.from_json(data) == version
    assert ProcedureVersion.from_json(json.loads(json.dumps(data))) == version
    assert ProcedureVersion.from_json(data).to_json() == data
    assert data["processing_time"] == {"kind": "working_hours", "amount": 4.5, "cutoff": "14:00"}
    assert data["extended_processing_time"] == {"kind": "working_days", "amount": 5}


def test_processing_time_json_shapes() -> None:
    assert processing_time_to_json(SAME_DAY) == {"kind": "same_day", "cutoff": "15:00"}
    assert processing_time_to_json(working_days(3)) == {"kind": "working_days", "amount": 3}
    assert processing_time_from_json({"kind": "same_day"}) == SAME_DAY
    assert processing_time_from_json({"kind": "same_day", "cutoff": "16:30"}).cutoff == time(16, 30)
    assert processing_time_from_json({"kind": "working_days", "amount": 3}) == working_days(3)


def test_text_is_normalised_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "  Đăng ký   khai sinh ")
    document = _valid_document()
    document["procedures"][0]["name"] = decomposed
    document["procedures"][0]["versions"][0]["documents"][0]["note"] = unicodedata.normalize("NFD", "Ghi chú")
    procedure = load_catalog(json.dumps(document))[0]
    assert procedure.name == "Đăng ký khai sinh"
    assert unicodedata.is_normalized("NFC", procedure.versions[0].documents[0].note or "")
    assert RequiredDocument(None, decomposed, 1, 0, 0).name == "Đăng ký khai sinh"


# ------------------------------------------------------------------------------------------ documents


@pytest.mark.parametrize(
    "counts",
    [(-1, 0, 0), (0, -1, 1), (1, 0, -2), (1.0, 0, 0), (True, 0, 0), ("1", 0, 0)],
)
def test_bad_counts_are_refused(counts: tuple[Any, Any, Any]) -> None:
    with pytest.raises(CatalogError):
        RequiredDocument("x", "Giấy tờ", *counts)


def test_a_mandatory_document_needs_a_count() -> None:
    with pytest.raises(CatalogError):
        RequiredDocument("x", "Giấy tờ", 0, 0, 0)
    assert RequiredDocument("x", "Giấy tờ", 0, 0, 0, mandatory=False).mandatory is False


def test_repeated_document_or_fee_codes_are_refused() -> None:
    doc = RequiredDocument("to_khai", "Tờ khai", 1, 0, 0)
    with pytest.raises(CatalogError):
        ProcedureVersion(
            date(2025, 7, 1), None, SAME_DAY, None, (doc, RequiredDocument("TO_KHAI", "Khác", 1, 0, 0))
        )
    fee = FeeRule("phi", "Phí", "free")
    with pytest.raises(CatalogError):
        ProcedureVersion(date(2025, 7, 1), None, SAME_DAY, None, (), (fee, fee))
    unnamed = RequiredDocument(None, "Khác", 1, 0, 0)
    assert len(ProcedureVersion(date(2025, 7, 1), None, SAME_DAY, None, (unnamed, unnamed)).documents) == 2


# ----------------------------------------------------------------------------------------------- fees


@pytest.mark.parametrize(
    ("pages", "copies", "expected"),
    [
        (1, 1, 2000),
        (2, 1, 4000),
        (3, 1, 5000),
        (5, 2, 14_000),
        (197, 1, 199_000),
        (198, 1, 200_000),
        (199, 1, 200_000),
        (5000, 1, 200_000),
        (5000, 3, 600_000),
    ],
)
def test_certified_copy_fee(pages: int, copies: int, expected: int) -> None:
    assert compute_fee(CERTIFIED_COPY, copies=copies, pages=pages) == expected


def test_other_fee_kinds() -> None:
    assert compute_fee(FeeRule("a", "Phí", "per_copy", amount=8000), copies=2, pages=40) == 16_000
    assert compute_fee(FeeRule("a", "Phí", "fixed", amount=50_000), copies=3, pages=2) == 50_000
    assert compute_fee(FeeRule("a", "Phí", "free"), copies=3) == 0
    assert compute_fee(FeeRule("a", "Phí", "set_by_province")) is None
    assert compute_fee(FeeRule("a", "Phí", "set_by_province", amount=30_000), copies=2) == 30_000
    uncapped = FeeRule("a", "Phí", "per_page_tiered", tiers=(FeeTier(1, 100),))
    assert compute_fee(uncapped, pages=10_000) == 1_000_000


@pytest.mark.parametrize(("copies", "pages"), [(0, 1), (1, 0), (-1, 1), (True, 1)])
def test_fee_refuses_bad_quantities(copies: int, pages: int) -> None:
    with pytest.raises(InvalidInput):
        compute_fee(CERTIFIED_COPY, copies=copies, pages=pages)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": "fixed"},
        {"kind": "per_copy"},
        {"kind": "per_copy", "amount": -1},
        {"kind": "free", "amount": 0},
        {"kind": "per_page_tiered"},
        {"kind": "per_page_tiered", "tiers": (FeeTier(2, 1000),)},
        {"kind": "per_page_tiered", "tiers": (FeeTier(1, 1000), FeeTier(1, 500))},
        {"kind": "per_page_tiered", "tiers": (FeeTier(1, 1000),), "amount": 5},
        {"kind": "per_copy", "amount": 5, "tiers": (FeeTier(1, 1000),)},
        {"kind": "per_copy", "amount": 5, "cap_per_copy": 10},
        {"kind": "per_copy", "amount": 5.5},
        {"kind": "gratis"},
    ],
)
def test_bad_fee_rules_are_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(CatalogError):
        FeeRule("phi", "Phí", **kwargs)


def test_bad_fee_tiers_are_refused() -> None:
    with pytest.raises(CatalogError):
        FeeTier(0, 1000)
    with pytest.raises(CatalogError):
        FeeTier(1, -1)


# -------------------------------------------------------------------------------------- load refusals


def _set_path(document: dict[str, Any], path: list[Any], value: Any) -> None:
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _delete_path(document: dict[str, Any], path: list[Any]) -> None:
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]


P0V0 = ["procedures", 0, "versions", 0]
P0V1 = ["procedures", 0, "versions", 1]


@pytest.mark.parametrize(
    ("path", "value", "procedure", "field"),
    [
        (["format"], "motcua.catalog/2", None, "format"),
        ([*P0V0, "documents", 0, "originals"], -1, "1.001193", "versions[0].documents[0].originals"),
        ([*P0V0, "documents", 0, "photocopies"], "2", "1.001193", "versions[0].documents[0].photocopies"),
        ([*P0V0, "effective_from"], "2025-02-30", "1.001193", "versions[0].effective_from"),
        ([*P0V0, "effective_from"], "01/07/2018", "1.001193", "versions[0].effective_from"),
        ([*P0V0, "effective_from"], "20180701", "1.001193", "versions[0].effective_from"),
        ([*P0V0, "effective_to"], "2026-01-01", "1.001193", "versions"),
        ([*P0V0, "effective_to"], "2018-01-01", "1.001193", "versions[0].effective_to"),
        ([*P0V0, "processing_time", "kind"], "calendar_days", "1.001193", "versions[0].processing_time.kind"),
        ([*P0V0, "processing_time", "cutoff"], "3pm", "1.001193", "versions[0].processing_time.cutoff"),
        ([*P0V0, "processing_time", "cutoff"], "24:00", "1.001193", "versions[0].processing_time.cutoff"),
        ([*P0V1, "processing_time", "amount"], 0, "1.001193", "versions[1].processing_time.amount"),
        ([*P0V1, "processing_time", "amount"], "3", "1.001193", "versions[1].processing_time.amount"),
        (
            [*P0V1, "extended_processing_time", "amount"],
            1,
            "1.001193",
            "versions[1].extended_processing_time.amount",
        ),
        ([*P0V0, "fees", 0, "kind"], "gratis", "1.001193", "versions[0].fees[0].kind"),
        (
            [*P0V1, "fees", 0, "tiers", 1, "from_page"],
            0,
            "1.001193",
            "versions[1].fees[0].tiers[1].from_page",
        ),
        ([*P0V1, "fees", 0, "cap_per_copy"], -5, "1.001193", "versions[1].fees[0].cap_per_copy"),
        (
            ["procedures", 1, "versions", 0, "fees", 0, "amount"],
            None,
            "2.000635",
            "versions[0].fees[0].amount",
        ),
        (["procedures", 1, "code"], "1.001193", "1.001193", "code"),
        (["procedures", 1, "code"], "LT khai sinh", None, "procedures[1].code"),
        (["procedures", 1, "name"], "   ", "2.000635", "name"),
        (["procedures", 1, "field_code"], "H56 001", "2.000635", "field_code"),
        ([*P0V0, "documents", 0, "certified_copy"], 1, "1.001193", "versions[0].documents[0].certified_copy"),
        ([*P0V0, "documents", 0, "mandatory"], "yes", "1.001193", "versions[0].documents[0].mandatory"),
        ([*P0V0, "documents"], {"code": "x"}, "1.001193", "versions[0].documents"),
        (["procedures", 1, "versions"], [], "2.000635", "versions"),
        (["procedures"], {}, None, "procedures"),
        (["source"], 5, None, "source"),
    ],
)
def test_load_catalog_refusals_name_the_procedure_and_field(
    path: list[Any], value: Any, procedure: str | None, field: str
) -> None:
    document = _valid_document()
    load_catalog(json.dumps(document))  # the unbroken document loads
    _set_path(document, path, value)
    with pytest.raises(CatalogError) as caught:
        load_catalog(json.dumps(document))
    error = caught.value
    assert error.params.get("procedure") == procedure
    assert error.params["field"] == field
    assert field in str(error)
    if procedure is not None:
        assert str(error).startswith(f"procedure {procedure}: ")


@pytest.mark.parametrize(
    ("path", "procedure", "field"),
    [
        (["format"], None, "format"),
        (["procedures"], None, "procedures"),
        (["procedures", 0, "field"], "1.001193", "field"),
        (["procedures", 0, "code"], None, "procedures[0].code"),
        ([*P0V0, "processing_time"], "1.001193", "versions[0].processing_time"),
        ([*P0V0, "effective_from"], "1.001193", "versions[0].effective_from"),
        ([*P0V0, "documents", 0, "originals"], "1.001193", "versions[0].documents[0].originals"),
        ([*P0V0, "fees"], "1.001193", "versions[0].fees"),
        ([*P0V1, "processing_time", "amount"], "1.001193", "versions[1].processing_time.amount"),
        ([*P0V1, "fees", 0, "tiers"], "1.001193", "versions[1].fees[0].tiers"),
    ],
)
def test_load_catalog_refuses_missing_fields(path: list[Any], procedure: str | None, field: str) -> None:
    document = _valid_document()
    _delete_path(document, path)
    with pytest.raises(CatalogError) as caught:
        load_catalog(json.dumps(document))
    assert caught.value.params.get("procedure") == procedure
    assert caught.value.params["field"] == field
    assert "missing" in str(caught.value) or "tier" in str(caught.value)


@pytest.mark.parametrize("text", ["", "{", "not json", "[1, 2", "[]", "null", '{"format": 1}', "[" * 100_000])
def test_load_catalog_refuses_non_catalogues(text: str) -> None:
    with pytest.raises(CatalogError):
        load_catalog(text)


def test_duplicate_codes_are_refused_case_insensitively() -> None:
    document = _valid_document()
    document["procedures"][1]["code"] = "LT.KS"
    document["procedures"][0]["code"] = "lt.ks"
    with pytest.raises(CatalogError) as caught:
        load_catalog(json.dumps(document))
    assert "appears more than once" in str(caught.value)
    procedures = load_catalog(json.dumps(_valid_document()))
    with pytest.raises(CatalogError):
        dump_catalog([procedures[0], procedures[0]])


def test_dump_is_readable_utf8_and_stable() -> None:
    procedures = load_catalog(json.dumps(_valid_document()))
    text = dump_catalog(procedures, source="nguồn")
    assert "Hộ tịch" in text
    assert "\\u" not in text
    assert text == dump_catalog(load_catalog(text), source="nguồn")
    assert json.loads(text)["format"] == CATALOG_FORMAT
    assert load_catalog(text) == procedures


# ------------------------------------------------------------------------------------------ hypothesis

texts = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "" and any(not c.isspace() for c in s))
optional_texts = st.none() | st.text(max_size=30)
codes = st.from_regex(r"[0-9A-Za-z][0-9A-Za-z._-]{0,20}", fullmatch=True)
counts = st.integers(min_value=0, max_value=10**6)
cutoffs = st.builds(time, st.integers(0, 23), st.integers(0, 59))
short_amounts = st.integers(1, 100) | st.floats(0.01, 100, allow_nan=False, allow_infinity=False)
long_amounts = st.integers(101, 10_000) | st.floats(100.5, 10_000, allow_nan=False, allow_infinity=False)


def _processing_times(amounts: st.SearchStrategy[float]) -> st.SearchStrategy[ProcessingTime]:
    return st.builds(ProcessingTime, st.sampled_from(["working_days", "working_hours"]), amounts, cutoffs)


processing_times = st.builds(ProcessingTime, st.just("same_day"), st.just(0), cutoffs) | _processing_times(
    short_amounts
)


def _nonblank(text: str) -> bool:
    from records.text import nfc

    return nfc(text) != ""


documents = st.builds(
    RequiredDocument,
    code=st.none() | codes,
    name=texts.filter(_nonblank),
    originals=st.integers(1, 5),
    certified_copies=counts,
    photocopies=counts,
    mandatory=st.booleans(),
    note=optional_texts,
)

tiers = st.lists(
    st.tuples(st.integers(1, 500), counts), min_size=0, max_size=4, unique_by=lambda t: t[0]
).map(lambda items: (FeeTier(1, 2000), *(FeeTier(p + 1, a) for p, a in sorted(items))))


@st.composite
def fee_rules(draw: st.DrawFn) -> FeeRule:
    kind: FeeKind = draw(st.sampled_from(get_args(FeeKind)))
    code = draw(codes)
    name = draw(texts.filter(_nonblank))
    note = draw(optional_texts)
    if kind == "per_page_tiered":
        return FeeRule(code, name, kind, None, draw(tiers), draw(st.none() | counts), note)
    if kind == "free":
        return FeeRule(code, name, kind, note=note)
    amount = draw(counts) if kind != "set_by_province" else draw(st.none() | counts)
    return FeeRule(code, name, kind, amount, note=note)


@st.composite
def procedure_versions(draw: st.DrawFn, start: date, end: date | None) -> ProcedureVersion:
    base = draw(processing_times)
    extended = draw(st.none() | _processing_times(long_amounts))
    return ProcedureVersion(
        effective_from=start,
        effective_to=end,
        processing_time=base,
        extended_processing_time=extended,
        documents=tuple(draw(st.lists(documents, max_size=3, unique_by=lambda d: (d.code or "").casefold()))),
        fees=tuple(draw(st.lists(fee_rules(), max_size=3, unique_by=lambda f: f.code.casefold()))),
        legal_basis=draw(optional_texts),
        note=draw(optional_texts),
    )


@st.composite
def procedures(draw: st.DrawFn) -> Procedure:
    bounds = sorted(
        draw(st.lists(st.dates(date(1990, 1, 1), date(2100, 1, 1)), min_size=2, max_size=7, unique=True))
    )
    periods: list[tuple[date, date | None]] = []
    for index in range(0, len(bounds) - 1, 2):
        periods.append((bounds[index], bounds[index + 1]))
    if draw(st.booleans()):
        start, _ = periods[-1]
        periods[-1] = (start, None)
    versions = [draw(procedure_versions(start, end)) for start, end in periods]
    versions = draw(st.permutations(versions))
    return Procedure(
        code=draw(codes),
        name=draw(texts.filter(_nonblank)),
        field=draw(texts.filter(_nonblank)),
        field_code=draw(st.none() | codes),
        versions=tuple(versions),
    )


catalogues = st.lists(procedures(), max_size=4, unique_by=lambda p: p.code.casefold())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogues)
def test_dump_then_load_is_identity(catalogue: list[Procedure]) -> None:
    text = dump_catalog(catalogue)
    assert load_catalog(text) == catalogue
    assert dump_catalog(load_catalog(text)) == text
    for procedure in catalogue:
        for version in procedure.versions:
            data = json.loads(json.dumps(version.to_json()))
            assert ProcedureVersion.from_json(data) == version
            assert ProcedureVersion.from_json(data).to_json() == data


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["2025-07-01", "same_day", "working_days", "free", "per_copy", "15:00", CATALOG_FORMAT])
)
json_keys = st.sampled_from(
    [
        "format",
        "procedures",
        "source",
        "code",
        "name",
        "field",
        "field_code",
        "versions",
        "effective_from",
        "effective_to",
        "processing_time",
        "extended_processing_time",
        "documents",
        "fees",
        "kind",
        "amount",
        "cutoff",
        "originals",
        "certified_copies",
        "photocopies",
        "mandatory",
        "tiers",
        "from_page",
        "cap_per_copy",
        "note",
        "legal_basis",
    ]
) | st.text(max_size=8)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(json_keys, children, max_size=6),
    max_leaves=30,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*prefix, index)))
    return found


VALID_PATHS = _paths(_valid_document())[1:]


@st.composite
def broken_documents(draw: st.DrawFn) -> Any:
    document = copy.deepcopy(_valid_document())
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(VALID_PATHS))
        try:
            if draw(st.booleans()):
                _set_path(document, list(path), draw(json_values))
            else:
                _delete_path(document, list(path))
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change removed or replaced the parent
    return document


def _load_only_refuses_with_catalog_error(text: str) -> None:
    try:
        result = load_catalog(text)
    except CatalogError as error:
        assert str(error)
    else:
        assert isinstance(result, list)
        assert all(isinstance(p, Procedure) for p in result)


@settings(max_examples=300, deadline=None)
@given(json_values | broken_documents())
def test_load_catalog_raises_only_catalog_error_on_json(value: Any) -> None:
    _load_only_refuses_with_catalog_error(json.dumps(value))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_load_catalog_raises_only_catalog_error_on_text(text: str) -> None:
    _load_only_refuses_with_catalog_error(text)

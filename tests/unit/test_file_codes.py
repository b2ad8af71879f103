"""records.file_codes: agency codes and collision-free file codes across workstations (domain.md §3)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from records.errors import InvalidAgencyCode, InvalidInput
from records.file_codes import FileCodeScheme, looks_like_file_code, normalise_agency_code

NO_DISK = settings(database=None)  # unit tests keep nothing on disk, not even Hypothesis's example database
DAY = date(2021, 5, 31)
SCHEME = FileCodeScheme()
WORKSTATIONS = st.integers(1, SCHEME.max_workstations)
NTH = st.integers(1, 50_000)


# --- agency codes --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_code", "expected"),
    [
        ("000.17.22.H56", "000.17.22.H56"),  # QCVN 102:2016
        ("000.00.00.H56", "000.00.00.H56"),  # a province
        ("H55.242", "H55.242"),  # QĐ 20/2020
        ("H55", "H55"),  # a level-1 code on its own
        ("G12.01.A7B", "G12.01.A7B"),
        ("000.17.22.h56", "000.17.22.H56"),  # lower case is upper-cased
        ("h55.242", "H55.242"),
        ("  H55.242\n", "H55.242"),  # outer whitespace dropped
        ("H55" + ".1" * 16, "H55" + ".1" * 16),  # exactly 35 characters
    ],
)
def test_agency_codes_accepted(given_code: str, expected: str) -> None:
    assert normalise_agency_code(given_code) == expected
    assert len(expected) <= 35


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "H5",  # level-1 code too short
        "H5.242",
        "555.242",  # a level-1 code starts with a letter
        "HH5.242",
        "H55.",  # empty segment
        "H55..242",
        ".H55",
        "H55-242",  # illegal character
        "H55 242",
        "H55.24_2",
        "H55.Ư42",
        "H55.ﬁ",  # upper-cases to ASCII "FI": still not an ASCII code as typed
        "H55.ı1",  # dotless i upper-cases to ASCII "I"
        "H55.２４２",  # full-width digits
        "H٥٥.242",  # Arabic-Indic digits
        "00.17.22.H56",  # legacy form with a wrong group length
        "000.17.22.56",
        "000.17.22.H5",
        "H55" + ".1" * 16 + "2",  # 36 characters
        "H55" + ".A" * 40,
    ],
)
def test_agency_codes_refused(bad: str) -> None:
    with pytest.raises(InvalidAgencyCode) as info:
        normalise_agency_code(bad)
    assert info.value.params["value"] == bad
    assert isinstance(info.value, InvalidInput)


@given(st.text(max_size=40))
@NO_DISK
def test_agency_code_output_is_always_well_formed(text: str) -> None:
    try:
        code = normalise_agency_code(text)
    except InvalidAgencyCode:
        return
    assert re.fullmatch(r"[0-9A-Z.]{1,35}", code)
    assert normalise_agency_code(code) == code  # idempotent


# --- the workstation ranges ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("workstation", "nth", "expected"),
    [
        (1, 1, 1),
        (1, 2, 2),
        (1, 1000, 1000),
        (2, 1, 1001),
        (2, 1000, 2000),
        (3, 1, 2001),
        (9, 1, 8001),
        (9, 1000, 9000),
        (1, 1001, 9001),  # workstation 1's next block comes after all nine first blocks
        (1, 2000, 10000),
        (2, 1001, 10001),
        (9, 1001, 17001),
        (1, 2001, 18001),
    ],
)
def test_sequence_numbers_follow_the_documented_ranges(workstation: int, nth: int, expected: int) -> None:
    assert SCHEME.sequence_number(workstation, nth) == expected


@pytest.mark.parametrize(
    ("workstation", "nth", "code"),
    [
        (1, 1, "000.17.22.H56-210531-0001"),
        (2, 1, "000.17.22.H56-210531-1001"),
        (9, 1, "000.17.22.H56-210531-8001"),
        (1, 1001, "000.17.22.H56-210531-9001"),
        (2, 1001, "000.17.22.H56-210531-10001"),  # five digits after 9999
        (1, 42, "000.17.22.H56-210531-0042"),
    ],
)
def test_codes_have_the_default_form(workstation: int, nth: int, code: str) -> None:
    assert SCHEME.code_for("000.17.22.H56", workstation, DAY, nth) == code
    assert re.fullmatch(r"000\.17\.22\.H56-210531-\d{4,}", code)
    assert looks_like_file_code(code)


def test_the_date_part_is_yymmdd() -> None:
    assert SCHEME.format("H55.242", date(2026, 1, 9), 7) == "H55.242-260109-0007"
    assert SCHEME.format("H55.242", date(2099, 12, 31), 12345) == "H55.242-991231-12345"


@pytest.mark.parametrize("workstation", [0, -1, 10, 100])
def test_workstation_outside_the_scheme_is_refused(workstation: int) -> None:
    with pytest.raises(InvalidInput):
        SCHEME.sequence_number(workstation, 1)
    with pytest.raises(InvalidInput):
        SCHEME.check_workstation(workstation)


@pytest.mark.parametrize("nth", [0, -1])
def test_nth_starts_at_one(nth: int) -> None:
    with pytest.raises(InvalidInput):
        SCHEME.sequence_number(1, nth)


@given(WORKSTATIONS, NTH, WORKSTATIONS, NTH)
@NO_DISK
def test_no_two_workstation_draws_ever_share_a_number(ws_a: int, nth_a: int, ws_b: int, nth_b: int) -> None:
    assume((ws_a, nth_a) != (ws_b, nth_b))
    assert SCHEME.sequence_number(ws_a, nth_a) != SCHEME.sequence_number(ws_b, nth_b)
    assert SCHEME.code_for("H55.242", ws_a, DAY, nth_a) != SCHEME.code_for("H55.242", ws_b, DAY, nth_b)


@given(
    st.integers(1, 50),  # block_size
    st.integers(1, 12),  # max_workstations
    st.data(),
)
@NO_DISK
def test_no_collision_for_any_scheme_shape(block_size: int, max_ws: int, data: st.DataObject) -> None:
    scheme = FileCodeScheme(block_size=block_size, max_workstations=max_ws)
    ws = st.integers(1, max_ws)
    nth = st.integers(1, 5 * block_size * max_ws)
    a = (data.draw(ws), data.draw(nth))
    b = (data.draw(ws), data.draw(nth))
    assume(a != b)
    assert scheme.sequence_number(*a) != scheme.sequence_number(*b)


def test_small_scheme_is_a_bijection_onto_1_to_n() -> None:
    """Every workstation drawing the same number of codes fills 1 … N exactly, with no gap or overlap."""
    scheme = FileCodeScheme(block_size=3, max_workstations=4)
    numbers = [scheme.sequence_number(ws, n) for ws in range(1, 5) for n in range(1, 3 * 5 + 1)]
    assert sorted(numbers) == list(range(1, 4 * 3 * 5 + 1))


@given(WORKSTATIONS, NTH, st.integers(1, 5000))
@NO_DISK
def test_sequence_number_strictly_increases_for_a_workstation(ws: int, nth: int, step: int) -> None:
    assert SCHEME.sequence_number(ws, nth) < SCHEME.sequence_number(ws, nth + step)
    assert SCHEME.sequence_number(ws, nth) >= 1


@given(WORKSTATIONS, NTH)
@NO_DISK
def test_every_code_looks_like_a_file_code(ws: int, nth: int) -> None:
    code = SCHEME.code_for("000.17.22.H56", ws, DAY, nth)
    assert looks_like_file_code(code)
    assert looks_like_file_code(code.lower())
    seq = code.rsplit("-", 1)[1]
    assert len(seq) >= 4 and int(seq) == SCHEME.sequence_number(ws, nth)


# --- the scheme as configuration -----------------------------------------------------------------------


def test_custom_template_and_width() -> None:
    # TT 04/2025 centralised systems: a longer sequence, more text around the fields.
    scheme = FileCodeScheme(template="{agency}-{yymmdd}-TT{seq}", min_digits=6)
    assert scheme.code_for("H55.242", 2, DAY, 1) == "H55.242-210531-TT001001"
    assert FileCodeScheme(template="{seq}/{yymmdd}/{agency}").code_for("H55", 1, DAY, 3) == "0003/210531/H55"


@pytest.mark.parametrize(
    "template",
    [
        "",
        "{agency}-{yymmdd}",  # missing {seq}
        "{agency}-{seq}",
        "{yymmdd}-{seq}",
        "{{agency}}-{yymmdd}-{seq}",  # an escaped brace is not a field
        "{agency}-{yymmdd}-{seq}-{workstation}",  # unknown field
        "{agency}-{yymmdd}-{seq}-{}",  # positional field
        "{agency}-{yymmdd}-{seq}{",  # unmatched brace
        "{agency}-{yymmdd}-{seq}}",
        "{agency.upper}-{yymmdd}-{seq}",
        "{agency[0]}-{yymmdd}-{seq}",
        "{agency}-{yymmdd}-{seq:d}",  # a format spec that cannot apply
        "{agency}-{yymmdd}-{seq!z}",
    ],
)
def test_bad_templates_are_refused(template: str) -> None:
    with pytest.raises(InvalidInput):
        FileCodeScheme(template=template)


@pytest.mark.parametrize(
    "numbers", [{"min_digits": 0}, {"block_size": 0}, {"max_workstations": 0}, {"block_size": -5}]
)
def test_scheme_numbers_must_be_positive(numbers: dict[str, int]) -> None:
    with pytest.raises(InvalidInput):
        FileCodeScheme(**numbers)  # type: ignore[arg-type]


@given(
    st.sampled_from(["{agency}-{yymmdd}-{seq}", "{agency}-{yymmdd}-AA{seq}", "{seq}.{yymmdd}.{agency}"]),
    st.integers(1, 10),
    st.integers(1, 100_000),
    st.integers(1, 99),
)
@NO_DISK
def test_json_round_trip(template: str, min_digits: int, block_size: int, max_ws: int) -> None:
    scheme = FileCodeScheme(template, min_digits, block_size, max_ws)
    data = scheme.to_json()
    assert data == {
        "template": template,
        "min_digits": min_digits,
        "block_size": block_size,
        "max_workstations": max_ws,
    }
    assert FileCodeScheme.from_json(data) == scheme


def test_from_json_fills_defaults_and_reads_numbers_as_text() -> None:
    assert FileCodeScheme.from_json({}) == FileCodeScheme()
    assert FileCodeScheme.from_json({"block_size": "500"}).block_size == 500


@pytest.mark.parametrize(
    "data",
    [
        {"min_digits": "four"},
        {"block_size": None},
        {"max_workstations": 1.5},
        {"block_size": True},
        {"template": "{agency}"},
        {"block_size": 0},
    ],
)
def test_from_json_refuses_bad_settings_with_a_domain_error(data: dict[str, object]) -> None:
    with pytest.raises(InvalidInput):
        FileCodeScheme.from_json(data)


# --- recognising a file code in the search box ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "000.17.22.H56-210531-0001",
        "000.17.22.h56-210531-0001",
        " H55.242-261125-12345 ",
        "H55-261125-0001",
    ],
)
def test_looks_like_file_code(text: str) -> None:
    assert looks_like_file_code(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Nguyễn Văn An",
        "001099012345",
        "0912345678",
        "H55.242-261125-001",  # three-digit sequence
        "H55.242-26112-0001",  # five-digit date
        "H55.242-261125",
        "H55.242--261125-0001",
        "H55.242-٢٦١١٢٥-0001",  # non-ASCII digits
        "H55.242-261125-０００１",
        "H55 242-261125-0001",
        "H55.242-261125-0001-2",
    ],
)
def test_does_not_look_like_file_code(text: str) -> None:
    assert not looks_like_file_code(text)

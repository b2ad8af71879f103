"""records.workflow: the file status workflow on the national portal's codes (domain.md §4, issue 2)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from records import workflow
from records.errors import DomainError, InvalidInput, InvalidTransition
from records.workflow import (
    CLOCK_RUNNING,
    FINAL_STATUSES,
    INITIAL_STATUSES,
    TRANSITIONS,
    Status,
    can_extend,
    check_transition,
    restarts_clock,
    stops_clock,
)

NO_DISK = settings(database=None)  # unit tests keep nothing on disk, not even Hypothesis's example database

# domain.md §4, TrangThaiHoSo 2..10 (1 "Mới đăng ký" is the portal's online pre-registration, not ours).
NATIONAL_CODES = {
    "received": 2,
    "refused": 3,
    "in_progress": 4,
    "supplement_requested": 5,
    "awaiting_payment": 6,
    "withdrawn": 7,
    "stopped": 8,
    "result_ready": 9,
    "returned": 10,
}
ALL_PAIRS = list(itertools.product(Status, repeat=2))


# --- codes and parsing ---------------------------------------------------------------------------------


def test_status_codes_are_the_national_codes() -> None:
    assert {s.slug: int(s) for s in Status} == NATIONAL_CODES
    assert sorted(int(s) for s in Status) == list(range(2, 11))


@pytest.mark.parametrize(("slug", "code"), NATIONAL_CODES.items())
def test_parse_by_name_dashed_name_upper_case_and_code(slug: str, code: int) -> None:
    expected = Status(code)
    assert Status.parse(slug) is expected
    assert Status.parse(slug.replace("_", "-")) is expected
    assert Status.parse(f"  {slug.upper()} ") is expected
    assert Status.parse(code) is expected
    assert Status.parse(str(code)) is expected
    assert Status.parse(f" {code} ") is expected


@pytest.mark.parametrize(
    "text", ["", " ", "new", "1", "0", "11", "-4", "4.0", "receive", "in__progress", "RECEIVED!", "slug"]
)
def test_parse_refuses_unknown_text(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        Status.parse(text)
    assert info.value.params["value"] == text
    assert "received(2)" in str(info.value)  # the message lists the choices


@pytest.mark.parametrize("code", [1, 0, 11, -2, 100])
def test_parse_refuses_unknown_codes(code: int) -> None:
    with pytest.raises(InvalidInput):
        Status.parse(code)


@given(st.one_of(st.text(), st.integers()))
@NO_DISK
def test_parse_only_accepts_statuses_and_only_refuses_with_invalid_input(value: str | int) -> None:
    try:
        parsed = Status.parse(value)
    except InvalidInput:
        return
    assert isinstance(parsed, Status)


# --- transitions ---------------------------------------------------------------------------------------


def test_transition_table_covers_every_status() -> None:
    assert set(TRANSITIONS) == set(Status)
    for targets in TRANSITIONS.values():
        assert targets <= set(Status)


@pytest.mark.parametrize(("current", "target"), ALL_PAIRS, ids=lambda s: s.slug)
def test_check_transition_passes_exactly_for_the_table(current: Status, target: Status) -> None:
    if target in TRANSITIONS[current]:
        check_transition(current, target)
    else:
        with pytest.raises(InvalidTransition) as info:
            check_transition(current, target)
        assert info.value.params == {"current": current.slug, "target": target.slug}
        assert isinstance(info.value, DomainError)


def test_no_status_goes_to_itself() -> None:
    for status in Status:
        with pytest.raises(InvalidTransition):
            check_transition(status, status)


def test_final_statuses_have_no_exits() -> None:
    assert {Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED} == FINAL_STATUSES
    for final in FINAL_STATUSES:
        assert TRANSITIONS[final] == frozenset()
        for target in Status:
            with pytest.raises(InvalidTransition, match="closed"):
                check_transition(final, target)


def test_returned_only_from_result_ready() -> None:
    sources = {s for s, targets in TRANSITIONS.items() if Status.RETURNED in targets}
    assert sources == {Status.RESULT_READY}
    assert TRANSITIONS[Status.RESULT_READY] == {Status.RETURNED}


def test_a_processing_file_can_be_stopped_or_withdrawn_but_not_refused_after_receipt() -> None:
    for status in (Status.IN_PROGRESS, Status.SUPPLEMENT_REQUESTED, Status.AWAITING_PAYMENT):
        assert {Status.WITHDRAWN, Status.STOPPED} <= TRANSITIONS[status]
    # Refusal (Mẫu 03) happens at the counter only.
    assert {s for s, targets in TRANSITIONS.items() if Status.REFUSED in targets} == {Status.RECEIVED}


def test_initial_statuses() -> None:
    assert {Status.RECEIVED, Status.SUPPLEMENT_REQUESTED, Status.REFUSED} == INITIAL_STATUSES


# --- the processing clock ------------------------------------------------------------------------------


@pytest.mark.parametrize(("current", "target"), ALL_PAIRS, ids=lambda s: s.slug)
def test_only_a_resubmission_after_a_supplement_request_restarts_the_clock(
    current: Status, target: Status
) -> None:
    expected = current is Status.SUPPLEMENT_REQUESTED and target in (Status.RECEIVED, Status.IN_PROGRESS)
    assert restarts_clock(current, target) is expected


def test_resubmission_transitions_are_legal() -> None:
    for target in (Status.RECEIVED, Status.IN_PROGRESS):
        check_transition(Status.SUPPLEMENT_REQUESTED, target)
        assert restarts_clock(Status.SUPPLEMENT_REQUESTED, target)


@pytest.mark.parametrize("target", list(Status), ids=lambda s: s.slug)
def test_only_entering_supplement_requested_stops_the_clock(target: Status) -> None:
    assert stops_clock(target) is (target is Status.SUPPLEMENT_REQUESTED)


def test_the_clock_runs_while_the_agency_is_processing() -> None:
    assert {Status.RECEIVED, Status.IN_PROGRESS} <= CLOCK_RUNNING
    assert Status.SUPPLEMENT_REQUESTED not in CLOCK_RUNNING
    assert not (CLOCK_RUNNING & FINAL_STATUSES)
    assert not (CLOCK_RUNNING & workflow.PROCESSING_DONE)


@pytest.mark.parametrize("status", list(Status), ids=lambda s: s.slug)
def test_can_extend_only_while_the_clock_runs(status: Status) -> None:
    assert can_extend(status) is (status in CLOCK_RUNNING)


def test_cannot_extend_a_paused_finished_or_closed_file() -> None:
    for status in (Status.SUPPLEMENT_REQUESTED, Status.RESULT_READY, *FINAL_STATUSES):
        assert not can_extend(status)
    assert can_extend(Status.RECEIVED)
    assert can_extend(Status.IN_PROGRESS)


# --- random walks --------------------------------------------------------------------------------------


def _reachable(start: Status) -> set[Status]:
    seen = {start}
    todo = [start]
    while todo:
        for nxt in TRANSITIONS[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_every_status_is_reachable_from_received_and_every_walk_can_end() -> None:
    assert _reachable(Status.RECEIVED) == set(Status)
    for status in Status:
        assert _reachable(status) & FINAL_STATUSES, f"{status.slug} can never be closed"


@given(st.sampled_from(sorted(INITIAL_STATUSES)), st.lists(st.sampled_from(list(Status)), max_size=40))
@NO_DISK
def test_random_walk_stays_in_reach_and_never_leaves_a_final_status(
    start: Status, attempts: list[Status]
) -> None:
    """Try arbitrary targets; apply those the workflow allows; the walk obeys the table throughout."""
    reachable = _reachable(start)
    current = start
    for target in attempts:
        try:
            check_transition(current, target)
        except InvalidTransition:
            assert target not in TRANSITIONS[current]
            continue
        assert current not in FINAL_STATUSES, f"left the final status {current.slug}"
        assert target in TRANSITIONS[current]
        if stops_clock(target):
            assert not can_extend(target)
        if restarts_clock(current, target):
            assert can_extend(target)
        current = target
    assert current in reachable


@given(st.data())
@NO_DISK
def test_random_legal_walk_ends_in_a_reachable_status(data: st.DataObject) -> None:
    """Walk only along legal edges until a final status or a step limit."""
    start = data.draw(st.sampled_from(sorted(INITIAL_STATUSES)))
    reachable = _reachable(start)
    current = start
    for _ in range(data.draw(st.integers(0, 30))):
        exits = sorted(TRANSITIONS[current])
        if not exits:
            assert current in FINAL_STATUSES
            for target in Status:
                with pytest.raises(InvalidTransition):
                    check_transition(current, target)
            break
        nxt = data.draw(st.sampled_from(exits))
        check_transition(current, nxt)
        current = nxt
    assert current in reachable

"""The ``motcua`` command line, as administrators and other tools script it (issue 2's contract).

Exit 0 on success; 1 when a check answers no (its JSON still printed); 2 for bad input or a refused
action, with one line on stderr starting ``motcua: error:`` and nothing changed in the store.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.context import DB_FILE_NAME
from integration.cli_runner import Run, assert_refused, run_cli
from integration.helpers import AGENCY_CODE, ID_DUC, ID_HOA, dump_at, registration
from records.store.database import sqlite_url

ID_CHECK_KEYS = {"valid", "province_code", "province_name", "sex", "birth_year", "reason"}
QR_KEYS = {"personal_id", "old_id", "full_name", "date_of_birth", "issue_date", "sex", "address", "warnings"}
QR_TEXT = "001099012345|123456789|Nguyễn Văn Đức|15081999|Nam|Thôn 1, xã Tân Phú, tỉnh Đồng Nai|01022021"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run ``motcua`` in-process: ``cli("id", "check", "…", stdin="…")``."""

    def run(*argv: str, stdin: str | None = None) -> Run:
        return run_cli(capsys, monkeypatch, list(argv), stdin)

    return run


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def motcua(cli: Callable[..., Run], home: Path) -> Callable[..., Run]:
    """``motcua --data-dir <home> …``."""

    def run(*argv: str, stdin: str | None = None) -> Run:
        return cli("--data-dir", str(home), *argv, stdin=stdin)

    return run


@pytest.fixture
def initialised(motcua: Callable[..., Run]) -> Callable[..., Run]:
    result = motcua("init", "--agency-code", AGENCY_CODE, "--agency-name", "UBND xã Tân Phú")
    assert result.code == 0, result.err
    return motcua


def write_json(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture
def unchanged(home: Path) -> Iterator[Callable[[], None]]:
    """Call the result after a refusal: it checks the store is exactly as it was when first called."""
    snapshots: list[Any] = []

    def check() -> None:
        snapshots.append(dump_at(home))
        assert snapshots[-1] == snapshots[0]

    yield check


# -- init ---------------------------------------------------------------------------------------------


def test_init(motcua: Callable[..., Run], home: Path) -> None:
    result = motcua(
        "init", "--agency-code", "h55.242", "--agency-name", "UBND  xã Tân Phú", "--workstation", "2",
        "--parent-name", "UBND tỉnh Đồng Nai", "--place", "Tân Phú", "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    data = result.json()
    assert data["agency_code"] == "H55.242"
    assert data["agency_name"] == "UBND xã Tân Phú"
    assert (data["workstation"], data["parent_name"], data["place"]) == (2, "UBND tỉnh Đồng Nai", "Tân Phú")
    assert (home / DB_FILE_NAME).is_file()
    plain = motcua("init", "--agency-code", AGENCY_CODE, "--agency-name", "UBND xã Tân Phú")
    assert plain.code == 0
    assert "H55.242" in plain.out and "workstation 1" in plain.out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        pytest.param(
            ["--agency-code", "not a code", "--agency-name", "X"], "not an agency code", id="bad-code"
        ),
        pytest.param(["--agency-code", AGENCY_CODE, "--agency-name", "  "], "agency name", id="blank-name"),
        pytest.param(
            ["--agency-code", AGENCY_CODE, "--agency-name", "X", "--workstation", "0"], "workstation"
        ),
        pytest.param(
            ["--agency-code", AGENCY_CODE, "--agency-name", "X", "--workstation", "a"], "workstation"
        ),
        pytest.param(["--agency-name", "X"], "--agency-code", id="missing-code"),
    ],
)
def test_init_refusals(
    motcua: Callable[..., Run], unchanged: Callable[[], None], args: list[str], fragment: str
) -> None:
    unchanged()
    assert_refused(motcua("init", *args), fragment)
    unchanged()


# -- id -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (ID_DUC, {"province_code": "001", "province_name": "Hà Nội", "sex": "male", "birth_year": 1999}),
        (
            ID_HOA,
            {"province_code": "079", "province_name": "Hồ Chí Minh", "sex": "female", "birth_year": 2001},
        ),
        ("001 099 012 345", {"province_code": "001", "sex": "male", "birth_year": 1999}),
    ],
)
def test_id_check_valid(
    motcua: Callable[..., Run], home: Path, number: str, expected: dict[str, Any]
) -> None:
    result = motcua("id", "check", number, "--json")
    assert result.code == 0
    data = result.json()
    assert set(data) >= ID_CHECK_KEYS
    assert data["valid"] is True and data["reason"] is None
    for key, value in expected.items():
        assert value in data[key] if key == "province_name" else data[key] == value
    text = motcua("id", "check", number)
    assert text.code == 0 and "valid" in text.out
    assert not home.exists()  # a check opens no store


def test_id_check_old_id(motcua: Callable[..., Run]) -> None:
    result = motcua("id", "check", "123456789", "--json")
    assert result.code == 0
    assert result.json()["valid"] is True


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("12345", "wrong_length"),
        ("0010990123456", "wrong_length"),
        ("999099012345", "unknown_province"),
        ("001399012345", "future_birth_year"),  # a woman born in 2099
        ("00109901234x", "not_digits"),
    ],
)
def test_id_check_invalid_answers_no_with_json(motcua: Callable[..., Run], number: str, reason: str) -> None:
    result = motcua("id", "check", number, "--json")
    assert result.code == 1
    data = result.json()
    assert set(data) >= ID_CHECK_KEYS
    assert data["valid"] is False
    assert data["reason"] == reason
    assert data["province_code"] is None and data["sex"] is None and data["birth_year"] is None
    text = motcua("id", "check", number)
    assert text.code == 1 and reason in text.out


def test_id_parse_qr(motcua: Callable[..., Run]) -> None:
    result = motcua("id", "parse-qr", QR_TEXT, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) == QR_KEYS
    assert data == {
        "personal_id": ID_DUC,
        "old_id": "123456789",
        "full_name": "Nguyễn Văn Đức",
        "date_of_birth": "1999-08-15",
        "issue_date": "2021-02-01",
        "sex": "male",
        "address": "Thôn 1, xã Tân Phú, tỉnh Đồng Nai",
        "warnings": [],
    }


def test_id_parse_qr_from_stdin_nfd_with_extra_fields(motcua: Callable[..., Run]) -> None:
    scanned = (
        unicodedata.normalize("NFD", "001099012345||Nguyễn Văn Đức|15081999|Nam|Thôn 1|01022021|x|y") + "\r\n"
    )
    result = motcua("id", "parse-qr", "-", "--json", stdin=scanned)
    assert result.code == 0, result.err
    data = result.json()
    assert data["full_name"] == "Nguyễn Văn Đức"  # NFC
    assert data["old_id"] is None
    assert data["warnings"] == []


@pytest.mark.parametrize(
    ("qr", "warnings"),
    [
        ("001099012345||Nguyễn Thị Hoa|15081999|Nữ|Thôn 1|01022021", ["sex_mismatch"]),
        ("001099012345||Nguyễn Văn Đức|15081998|Nam|Thôn 1|01022021", ["birth_year_mismatch"]),
    ],
)
def test_id_parse_qr_cross_check_warnings(motcua: Callable[..., Run], qr: str, warnings: list[str]) -> None:
    result = motcua("id", "parse-qr", qr, "--json")
    assert result.code == 0
    assert result.json()["warnings"] == warnings
    text = motcua("id", "parse-qr", qr)
    assert text.code == 0 and "warning:" in text.err


@pytest.mark.parametrize(
    "qr",
    ["001099012345|Nguyễn Văn Đức|15081999", "001099012345||Nguyễn Văn Đức|31021999|Nam|Thôn 1|01022021"],
)
def test_id_parse_qr_refuses_bad_text(motcua: Callable[..., Run], qr: str) -> None:
    assert_refused(motcua("id", "parse-qr", qr, "--json"))


# -- due ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("procedure", "received", "due"),
    [
        ("1.001193", "2026-03-10T14:59", "2026-03-10T17:00:00+07:00"),
        ("1.001193", "2026-03-10T15:00", "2026-03-11T17:00:00+07:00"),
        ("1.004873", "2026-02-12T10:00:00+07:00", "2026-02-24T17:00:00+07:00"),
        ("1.004873", "2026-02-12T03:00:00Z", "2026-02-24T17:00:00+07:00"),
    ],
)
def test_due(motcua: Callable[..., Run], procedure: str, received: str, due: str) -> None:
    result = motcua("due", procedure, "--received", received, "--json")
    assert result.code == 0, result.err
    assert result.json()["due_at"] == due
    plain = motcua("due", procedure, "--received", received)
    assert plain.out.strip() == due


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["9.999999", "--received", "2026-03-10T10:00"], "9.999999"),
        (["1.004873", "--received", "10/03/2026"], "ISO"),
        (["1.004873", "--received", "2025-01-10T10:00"], "1.004873"),  # before the version in force
        (["1.004873"], "--received"),
    ],
)
def test_due_refusals(motcua: Callable[..., Run], args: list[str], fragment: str) -> None:
    assert_refused(motcua("due", *args), fragment)


# -- file register / show / set-status / extend / list ---------------------------------------------------


def test_file_register_from_a_file(initialised: Callable[..., Run], tmp_path: Path) -> None:
    source = write_json(
        tmp_path / "ho-so.json",
        registration(
            received_at="2026-03-12T10:00:00", documents=["Tờ khai", {"name": "CCCD", "photocopy": 1}]
        ),
    )
    result = initialised("file", "register", "--from", source, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert {"code", "due_at", "status"} <= set(data)
    assert data["code"] == "H55.242-260312-0001"
    assert data["due_at"] == "2026-03-17T17:00:00+07:00"
    assert data["status"] == "received"

    plain = initialised("file", "register", "--from", source)
    assert plain.code == 0
    assert "H55.242-260312-0002" in plain.out


def test_file_register_from_stdin_defaults_received_at_to_now(initialised: Callable[..., Run]) -> None:
    document = registration(received_at=None)
    result = initialised("file", "register", "--from", "-", "--json", stdin=json.dumps(document))
    assert result.code == 0, result.err
    data = result.json()
    assert data["status"] == "received"
    assert data["code"].startswith(f"{AGENCY_CODE}-")
    assert data["due_at"] > data["received_at"]


def test_file_show_set_status_extend_and_list(initialised: Callable[..., Run], tmp_path: Path) -> None:
    source = write_json(tmp_path / "a.json", registration(received_at="2026-03-02T09:00:00"))
    code = initialised("file", "register", "--from", source, "--json").json()["code"]

    shown = initialised("file", "show", code.lower(), "--json").json()
    assert (shown["code"], shown["status"], shown["due_at"]) == (
        code,
        "received",
        "2026-03-05T17:00:00+07:00",
    )
    assert [e["kind"] for e in shown["events"]] == ["registered"]
    text = initialised("file", "show", code)
    assert text.code == 0 and code in text.out and "registered" in text.out

    moved = initialised(
        "file", "set-status", code, "in_progress", "--note", "Chuyển cán bộ tư pháp", "--json"
    )
    assert moved.code == 0, moved.err
    assert moved.json()["status"] == "in_progress"
    events = initialised("file", "show", code, "--json").json()["events"]
    assert (events[-1]["from_status"], events[-1]["to_status"]) == ("received", "in_progress")
    assert (events[-1]["note"], events[-1]["user"]) == ("Chuyển cán bộ tư pháp", "system")

    extended = initialised("file", "extend", code, "--days", "2", "--reason", "Cần xác minh", "--json")
    assert extended.code == 0, extended.err
    assert extended.json()["due_at"] == "2026-03-09T17:00:00+07:00"
    assert extended.json()["extension_count"] == 1

    by_code = initialised("file", "set-status", code, "9")  # national codes work too
    assert by_code.code == 0 and "result_ready" in by_code.out

    listed = initialised("file", "list", "--status", "result_ready", "--query", "nguyen van duc", "--json")
    assert listed.code == 0
    assert [(r["code"], r["status"]) for r in listed.json()] == [(code, "result_ready")]
    assert initialised("file", "list", "--status", "received,in_progress", "--json").json() == []
    text_list = initialised("file", "list")
    assert code in text_list.out and "1 file(s)" in text_list.err


def test_file_list_options(initialised: Callable[..., Run], tmp_path: Path) -> None:
    made = []
    for n, (pid, name) in enumerate(
        [(ID_DUC, "Nguyễn Văn Đức"), (ID_HOA, "Lê Thị Hoa"), (ID_DUC, "Nguyễn Văn Đức")]
    ):
        source = write_json(
            tmp_path / f"{n}.json",
            registration(personal_id=pid, full_name=name, received_at=f"2026-03-02T0{7 + n}:00:00"),
        )
        made.append(initialised("file", "register", "--from", source, "--json").json()["code"])
    initialised("file", "set-status", made[1], "supplement_requested")

    def listed(*args: str) -> list[str]:
        result = initialised("file", "list", *args, "--json")
        assert result.code == 0, result.err
        return [r["code"] for r in result.json()]

    assert listed() == made[::-1]
    assert listed("--query", ID_DUC) == [made[2], made[0]]
    assert listed("--query", "hoa") == [made[1]]
    assert listed("--query", made[1]) == [made[1]]
    assert listed("--status", "received", "--status", "5") == made[::-1]
    assert listed("--status", "supplement_requested") == [made[1]]
    assert listed("--due", "overdue") == [made[2], made[0]]  # long past; the paused one is not overdue
    assert listed("--due", "due_today") == []
    assert listed("--limit", "1") == [made[2]]
    assert listed("--limit", "1", "--offset", "1") == [made[1]]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--limit", "0"], "--limit"),
        (["--status", "bogus"], "bogus"),
        (["--due", "tomorrow"], "--due"),
    ],
)
def test_file_list_refusals(initialised: Callable[..., Run], args: list[str], fragment: str) -> None:
    assert_refused(initialised("file", "list", *args), fragment)


def test_file_register_before_init_says_to_run_init(
    motcua: Callable[..., Run], tmp_path: Path, home: Path
) -> None:
    source = write_json(tmp_path / "a.json", registration())
    assert_refused(motcua("file", "register", "--from", source), "motcua init")
    dump = dump_at(home)
    assert dump["files"] == [] and dump["citizens"] == [] and dump["file_events"] == []
    assert not [r for r in dump["settings"] if r[0] == "agency"]


BAD_REGISTRATIONS = [
    pytest.param("{not json", "not valid JSON", id="malformed-json"),
    pytest.param("[1, 2]", "JSON object", id="not-an-object"),
    pytest.param(json.dumps(registration(procedure="9.999999")), "9.999999", id="unknown-procedure"),
    pytest.param(json.dumps(registration(personal_id="999099012345")), "province", id="invalid-id"),
    pytest.param(json.dumps(registration(personal_id="0010990123")), "12 digits", id="id-wrong-length"),
    pytest.param(
        json.dumps(registration(received_at="2099-01-05T09:00:00")), "future", id="future-received-at"
    ),
    pytest.param(json.dumps(registration(received_at="yesterday")), "ISO", id="bad-received-at"),
    pytest.param(json.dumps(registration(documents=[])), "documents", id="no-documents"),
    pytest.param(json.dumps(registration(status="returned")), "received", id="bad-initial-status"),
    pytest.param(
        json.dumps({"procedure": "1.004873", "documents": ["Tờ khai"]}), "applicant", id="no-applicant"
    ),
    pytest.param(json.dumps(registration(full_name="")), "full_name", id="no-name"),
]


@pytest.mark.parametrize(("document", "fragment"), BAD_REGISTRATIONS)
@pytest.mark.parametrize("via", ["file", "stdin"])
def test_file_register_refusals_change_nothing(
    initialised: Callable[..., Run],
    unchanged: Callable[[], None],
    tmp_path: Path,
    document: str,
    fragment: str,
    via: str,
) -> None:
    source = write_json(tmp_path / "seed.json", registration())
    assert initialised("file", "register", "--from", source).code == 0  # the store holds something
    unchanged()
    if via == "file":
        bad = tmp_path / "bad.json"
        bad.write_text(document, encoding="utf-8")
        result = initialised("file", "register", "--from", str(bad), "--json")
    else:
        result = initialised("file", "register", "--from", "-", "--json", stdin=document)
    assert_refused(result, fragment)
    unchanged()


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(None, "no such file"), (b"\xff\xfe\x00garbage", "UTF-8")],
    ids=["missing", "not-utf8"],
)
def test_file_register_unreadable_source(
    initialised: Callable[..., Run],
    unchanged: Callable[[], None],
    tmp_path: Path,
    content: bytes | None,
    fragment: str,
) -> None:
    path = tmp_path / "x.json"
    if content is not None:
        path.write_bytes(content)
    unchanged()
    assert_refused(initialised("file", "register", "--from", str(path)), fragment)
    unchanged()


@pytest.fixture
def registered(initialised: Callable[..., Run], tmp_path: Path) -> str:
    source = write_json(tmp_path / "reg.json", registration(received_at="2026-03-02T09:00:00"))
    result = initialised("file", "register", "--from", source, "--json")
    assert result.code == 0, result.err
    return str(result.json()["code"])


@pytest.mark.parametrize(
    ("steps", "args", "fragment"),
    [
        pytest.param([], ["returned"], "cannot go to returned", id="received-to-returned"),
        pytest.param([], ["received"], "cannot go to received", id="to-itself"),
        pytest.param(["result_ready", "returned"], ["in_progress"], "closed", id="closed-file"),
        pytest.param(["withdrawn"], ["received"], "withdrawn", id="withdrawn-file"),
        pytest.param([], ["finished"], "unknown status", id="unknown-status"),
        pytest.param([], ["42"], "unknown status", id="unknown-code"),
    ],
)
def test_file_set_status_refusals(
    initialised: Callable[..., Run],
    unchanged: Callable[[], None],
    registered: str,
    steps: list[str],
    args: list[str],
    fragment: str,
) -> None:
    for step in steps:
        assert initialised("file", "set-status", registered, step).code == 0
    unchanged()
    assert_refused(initialised("file", "set-status", registered, *args, "--note", "x"), fragment)
    unchanged()


def test_file_refusals_for_an_unknown_code(
    initialised: Callable[..., Run], unchanged: Callable[[], None]
) -> None:
    unchanged()
    for args in (
        ["show", "H55.242-260302-0042"],
        ["set-status", "H55.242-260302-0042", "in_progress"],
        ["extend", "H55.242-260302-0042", "--days", "1", "--reason", "x"],
    ):
        assert_refused(initialised("file", *args), "no file with code")
    unchanged()


def test_a_second_extension_is_refused(
    initialised: Callable[..., Run], unchanged: Callable[[], None], registered: str
) -> None:
    first = initialised("file", "extend", registered, "--until", "2026-03-10T17:00", "--reason", "Xác minh")
    assert first.code == 0, first.err
    unchanged()
    assert_refused(
        initialised("file", "extend", registered, "--days", "3", "--reason", "Lần hai"),
        "already been extended",
    )
    unchanged()


@pytest.mark.parametrize(
    ("steps", "args", "fragment"),
    [
        pytest.param(["result_ready"], ["--days", "2", "--reason", "x"], "result_ready", id="closed"),
        pytest.param([], ["--days", "2", "--reason", " "], "reason", id="blank-reason"),
        pytest.param([], ["--days", "2"], "--reason", id="no-reason"),
        pytest.param([], ["--reason", "x"], "--until", id="no-length"),
        pytest.param([], ["--days", "0", "--reason", "x"], "at least 1", id="zero-days"),
        pytest.param(
            [], ["--until", "2026-03-07T17:00", "--reason", "x"], "not a working day", id="saturday"
        ),
        pytest.param([], ["--until", "2026-03-04T17:00", "--reason", "x"], "later", id="earlier"),
    ],
)
def test_file_extend_refusals(
    initialised: Callable[..., Run],
    unchanged: Callable[[], None],
    registered: str,
    steps: list[str],
    args: list[str],
    fragment: str,
) -> None:
    for step in steps:
        assert initialised("file", "set-status", registered, step).code == 0
    unchanged()
    assert_refused(initialised("file", "extend", registered, *args), fragment)
    unchanged()


# -- catalog ------------------------------------------------------------------------------------------


def test_catalog_export_import_round_trip(
    initialised: Callable[..., Run], home: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "catalog.json"
    assert initialised("catalog", "export", str(exported)).code == 0
    to_stdout = initialised("catalog", "export", "-")
    assert to_stdout.code == 0
    assert to_stdout.out == exported.read_text(encoding="utf-8")
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["format"] == "motcua.catalog/1"
    assert {p["code"] for p in document["procedures"]} >= {"1.001193", "1.004873"}

    def catalogue() -> Any:
        dump = dump_at(home)
        return dump["procedures"], dump["procedure_versions"]

    unchanged_import = initialised("catalog", "import", str(exported), "--json")
    assert unchanged_import.code == 0, unchanged_import.err
    counts = unchanged_import.json()
    assert (counts["procedures_added"], counts["procedures_updated"]) == (0, 0)
    assert (counts["versions_added"], counts["versions_updated"]) == (0, 0)

    # A local procedure added by the province: the first import adds it, the second changes nothing.
    local = json.loads(json.dumps(document["procedures"][0]))
    local["code"] = "LT.XN-CU-TRU"
    local["name"] = "Xác nhận cư trú (thủ tục nội bộ)"
    document["procedures"].append(local)
    extended = write_json(tmp_path / "extended.json", document)
    first = initialised("catalog", "import", extended, "--json")
    assert first.code == 0, first.err
    assert (first.json()["procedures_added"], first.json()["versions_added"]) == (1, 1)
    before = catalogue()
    second = initialised("catalog", "import", extended, "--json")
    assert second.code == 0
    assert {k: v for k, v in second.json().items() if k != "unchanged"} == {
        "procedures_added": 0,
        "procedures_updated": 0,
        "versions_added": 0,
        "versions_updated": 0,
    }
    assert catalogue() == before
    again = tmp_path / "again.json"
    assert initialised("catalog", "export", str(again)).code == 0
    assert json.loads(again.read_text(encoding="utf-8"))["procedures"] == sorted(
        document["procedures"], key=lambda p: p["code"]
    )
    plain = initialised("catalog", "import", extended)
    assert plain.code == 0 and "0 added" in plain.out


def test_catalog_import_from_stdin(initialised: Callable[..., Run]) -> None:
    exported = initialised("catalog", "export", "-").out
    result = initialised("catalog", "import", "-", "--json", stdin=exported)
    assert result.code == 0, result.err
    assert result.json()["procedures_added"] == 0


def test_catalog_import_changing_a_version_in_use_is_refused(
    initialised: Callable[..., Run], unchanged: Callable[[], None], registered: str, tmp_path: Path
) -> None:
    document = json.loads(initialised("catalog", "export", "-").out)
    (procedure,) = [p for p in document["procedures"] if p["code"] == "1.004873"]
    procedure["versions"][0]["processing_time"] = {"kind": "working_days", "amount": 5}
    # Other, harmless changes in the same document are not applied either: all or nothing.
    document["procedures"][0]["name"] += " (sửa)"
    path = write_json(tmp_path / "changed.json", document)
    unchanged()
    assert_refused(initialised("catalog", "import", path), "1.004873", "used by 1 file")
    unchanged()
    shown = initialised("file", "show", registered, "--json").json()
    assert shown["processing_time"] == {"kind": "working_days", "amount": 3}


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        pytest.param("{", "not valid JSON", id="malformed"),
        pytest.param('{"format": "other/1", "procedures": []}', "format", id="wrong-format"),
        pytest.param(
            '{"format": "motcua.catalog/1", "procedures": [{"code": "x"}]}', "name: missing", id="incomplete"
        ),
    ],
)
def test_catalog_import_refusals(
    initialised: Callable[..., Run],
    unchanged: Callable[[], None],
    tmp_path: Path,
    content: str,
    fragment: str,
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    unchanged()
    assert_refused(initialised("catalog", "import", str(path)), fragment)
    unchanged()


def test_catalog_export_to_an_unwritable_place(initialised: Callable[..., Run], tmp_path: Path) -> None:
    assert_refused(
        initialised("catalog", "export", str(tmp_path / "no-such-folder" / "c.json")), "cannot write"
    )


# -- holidays -----------------------------------------------------------------------------------------


def test_holidays_list_2025_has_the_make_up_saturday(motcua: Callable[..., Run]) -> None:
    result = motcua("holidays", "list", "2025", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["year"] == 2025 and data["source"] == "table"
    assert [d["date"] for d in data["working_days"]] == ["2025-04-26"]
    off = {d["date"] for d in data["days_off"]}
    assert {"2025-01-01", "2025-01-29", "2025-04-07", "2025-05-02", "2025-09-02"} <= off
    assert "2025-04-26" not in off
    text = motcua("holidays", "list", "2025")
    assert any("2025-04-26" in line and "working" in line for line in text.out.splitlines())


def test_holidays_list_a_year_without_a_table_is_statutory(motcua: Callable[..., Run]) -> None:
    result = motcua("holidays", "list", "2027", "--json")
    assert result.code == 0
    data = result.json()
    assert data["source"] == "statutory"
    assert data["working_days"] == []
    off = {d["date"] for d in data["days_off"]}
    assert {"2027-01-01", "2027-04-30", "2027-05-01", "2027-09-02"} <= off
    assert "2027-02-06" in off  # Tết Đinh Mùi, lunar new year in Vietnam's time zone


TABLE_2027 = {
    "format": "motcua.holidays/1",
    "year": 2027,
    "source": "Thông báo thử nghiệm",
    "days_off": [
        {"date": "2027-01-01", "name": "Tết Dương lịch"},
        {"date": "2027-03-03", "name": "Ngày nghỉ thử nghiệm"},
    ],
    "working_days": [{"date": "2027-03-06", "name": "Làm bù"}],
}


def test_holidays_import_then_list_and_due(motcua: Callable[..., Run], home: Path, tmp_path: Path) -> None:
    before = motcua("due", "1.004873", "--received", "2027-03-01T10:00", "--json").json()["due_at"]
    assert before == "2027-03-04T17:00:00+07:00"

    result = motcua("holidays", "import", write_json(tmp_path / "2027.json", TABLE_2027))
    assert result.code == 0, result.err
    assert "2027" in result.out

    listed = motcua("holidays", "list", "2027", "--json").json()
    assert (listed["source"], listed["table_source"]) == ("table", "Thông báo thử nghiệm")
    assert [d["date"] for d in listed["days_off"]] == ["2027-01-01", "2027-03-03"]
    assert [d["date"] for d in listed["working_days"]] == ["2027-03-06"]
    after = motcua("due", "1.004873", "--received", "2027-03-01T10:00", "--json").json()["due_at"]
    assert after == "2027-03-05T17:00:00+07:00"  # Tue 02, (Wed 03 off), Thu 04, Fri 05
    audit = [r for r in dump_at(home)["audit_log"] if r[6] == "holidays.imported"]
    assert len(audit) == 1


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        pytest.param(b"{", "not valid JSON", id="malformed"),
        pytest.param(b"\x00\xff\xfe corrupt", "UTF-8", id="not-text"),
        pytest.param(json.dumps({**TABLE_2027, "format": "x"}).encode(), "format", id="wrong-format"),
        pytest.param(
            json.dumps({**TABLE_2027, "days_off": [{"date": "2026-01-01", "name": "x"}]}).encode(),
            "2026-01-01",
            id="date-outside-year",
        ),
        pytest.param(
            json.dumps({**TABLE_2027, "days_off": [{"date": "2027-02-30", "name": "x"}]}).encode(),
            "2027-02-30",
            id="impossible-date",
        ),
        pytest.param(
            json.dumps({**TABLE_2027, "working_days": [{"date": "2027-03-03", "name": "x"}]}).encode(),
            "2027-03-03",
            id="working-weekday",
        ),
        pytest.param(json.dumps({**TABLE_2027, "extra": 1}).encode(), "extra", id="unknown-key"),
    ],
)
def test_holidays_import_refusals(
    motcua: Callable[..., Run], unchanged: Callable[[], None], tmp_path: Path, content: bytes, fragment: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    unchanged()
    assert_refused(motcua("holidays", "import", str(path)), fragment)
    unchanged()
    assert motcua("holidays", "list", "2027", "--json").json()["source"] == "statutory"


@pytest.mark.parametrize("year", ["1800", "abc"])
def test_holidays_list_refusals(motcua: Callable[..., Run], year: str) -> None:
    assert_refused(motcua("holidays", "list", year))


# -- where the store is: --db, MOTCUA_DB, --data-dir, MOTCUA_HOME -----------------------------------------


def _initialise(cli: Callable[..., Run], *args: str) -> None:
    result = cli(*args, "init", "--agency-code", AGENCY_CODE, "--agency-name", "UBND xã Tân Phú", "--json")
    assert result.code == 0, result.err


def test_motcua_home(cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_HOME", str(tmp_path / "from-env"))
    _initialise(cli)
    assert (tmp_path / "from-env" / DB_FILE_NAME).is_file()
    # --data-dir wins over MOTCUA_HOME, before or after the command.
    _initialise(cli, "--data-dir", str(tmp_path / "explicit"))
    assert (tmp_path / "explicit" / DB_FILE_NAME).is_file()
    listed = cli("file", "list", "--data-dir", str(tmp_path / "other"), "--json")
    assert listed.code == 0
    assert (tmp_path / "other" / DB_FILE_NAME).is_file()


def test_db_url_and_motcua_db(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOTCUA_HOME", str(tmp_path / "home"))
    env_db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("MOTCUA_DB", sqlite_url(env_db))
    _initialise(cli)
    assert env_db.is_file()
    assert not (tmp_path / "home" / DB_FILE_NAME).exists()
    reply = cli("init", "--agency-code", AGENCY_CODE, "--agency-name", "X", "--json").json()
    assert reply["database"].endswith("env.sqlite3")

    flag_db = tmp_path / "flag.sqlite3"
    source = tmp_path / "r.json"
    source.write_text(json.dumps(registration()), encoding="utf-8")
    # --db wins over MOTCUA_DB; the flag's store has no agency yet.
    assert_refused(cli("--db", sqlite_url(flag_db), "file", "register", "--from", str(source)), "motcua init")
    _initialise(cli, "--db", sqlite_url(flag_db))
    code = cli("file", "register", "--db", sqlite_url(flag_db), "--from", str(source), "--json").json()[
        "code"
    ]
    assert cli("--db", sqlite_url(flag_db), "file", "show", code).code == 0
    assert_refused(cli("file", "show", code), "no file")  # not in MOTCUA_DB's store


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        pytest.param("nosuchdriver://x/y", "database URL", id="unknown-dialect"),
        pytest.param("not a url", "database URL", id="unparseable"),
        pytest.param(
            "postgresql+psycopg://clerk:secret@127.0.0.1:1/motcua", "cannot be used", id="no-server"
        ),
    ],
)
def test_db_url_that_cannot_be_used(cli: Callable[..., Run], tmp_path: Path, url: str, fragment: str) -> None:
    result = cli("--data-dir", str(tmp_path), "--db", url, "file", "list")
    assert_refused(result, fragment)
    assert "secret" not in result.err


# -- a real process -----------------------------------------------------------------------------------


def _console_script() -> Path:
    script = Path(sys.executable).with_name("motcua.exe" if os.name == "nt" else "motcua")
    if not script.exists():
        pytest.skip(f"the console script is not installed next to {sys.executable}")
    return script


def test_the_installed_command(tmp_path: Path) -> None:
    script = _console_script()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    env["MOTCUA_HOME"] = str(tmp_path / "home")

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=60,
        )

    checked = run("id", "check", "999099012345", "--json")
    assert checked.returncode == 1
    assert json.loads(checked.stdout)["reason"] == "unknown_province"

    assert run("init", "--agency-code", AGENCY_CODE, "--agency-name", "UBND xã Tân Phú").returncode == 0
    registered = run("file", "register", "--from", "-", "--json", stdin=json.dumps(registration()))
    assert registered.returncode == 0, registered.stderr
    data = json.loads(registered.stdout)
    assert (data["code"], data["due_at"], data["status"]) == (
        "H55.242-260302-0001",
        "2026-03-05T17:00:00+07:00",
        "received",
    )
    assert data["owner_name"] == "Nguyễn Văn Đức"

    refused = run("file", "set-status", data["code"], "returned")
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and refused.stderr.startswith("motcua: error: ")
    assert len(dump_at(tmp_path / "home")["files"]) == 1

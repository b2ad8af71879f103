"""``motcua export-dvcqg``: the national portal's export of a date range, through the command line (exit
codes, ``--json`` keys, the document written whole or not at all) and the store (the local days' bounds,
documents removed and reused, the history with its users, a fixed number of queries)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desktop import cli, cli_dvcqg
from integration.cli_runner import Run, assert_refused, run_cli
from integration.documents import pdf_bytes, scanned
from integration.helpers import AGENCY_CODE, AGENCY_NAME, ID_HOA, Counter, vn
from records.attachments import ReusedAttachment
from records.audit import recent
from records.workflow import Status

RESULT_KEYS = {"out", "files", "events", "attachments"}


@pytest.fixture(autouse=True)
def _registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """``desktop.cli`` with ``export-dvcqg`` in its parser, whether cli.py registers it yet or not."""
    original = cli.build_parser

    def build() -> argparse.ArgumentParser:
        parser = original()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "export-dvcqg" not in sub.choices:
            common = argparse.ArgumentParser(add_help=False)
            common.add_argument("--db", default=argparse.SUPPRESS)
            common.add_argument("--data-dir", default=argparse.SUPPRESS)

            def add(parent: Any, name: str, handler: Callable[[argparse.Namespace], int], help_: str) -> Any:
                p = parent.add_parser(name, help=help_, description=help_, parents=[common])
                p.set_defaults(handler=handler)
                return p

            cli_dvcqg.add_commands(sub, add)
        return parser

    monkeypatch.setattr(cli, "build_parser", build)


@pytest.fixture
def motcua(
    counter: Counter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Run]:
    """``motcua --data-dir <the counter's data folder> …``, in-process."""

    def run(*argv: str) -> Run:
        return run_cli(capsys, monkeypatch, ["--data-dir", str(counter.location.data_dir), *argv], None)

    return run


def export(motcua: Callable[..., Run], out: Path, *extra: str) -> Run:
    return motcua("export-dvcqg", "--from", "2026-03-01", "--to", "2026-03-02", "--out", str(out), *extra)


def test_the_files_of_the_range_are_exported_with_history_documents_and_fees(
    counter: Counter, motcua: Callable[..., Run], tmp_path: Path
) -> None:
    files, attachments = counter.services.files, counter.services.attachments
    counter.register(received_at="2026-02-28T23:59:59")  # the day before: left out
    first = counter.register(received_at="2026-03-01T00:00:00", summary="Xác nhận để kết hôn")
    [kept, dropped] = attachments.attach(
        first.code, [scanned(name="Tờ khai"), scanned(pdf_bytes(1, "khác"), name="Nhầm")], counter.clerk
    )
    attachments.remove(dropped.id, counter.clerk, "nhầm hồ sơ")
    files.set_status(first.code, Status.IN_PROGRESS, counter.clerk, at=vn("2026-03-01T10:00:00"))
    files.set_status(first.code, Status.RESULT_READY, counter.clerk, at=vn("2026-03-02T09:00:00"))
    files.set_status(first.code, Status.RETURNED, counter.clerk, at=vn("2026-03-02T10:30:00"))
    second = counter.register(received_at="2026-03-02T23:59:59")  # the same citizen: reuses the form
    [reused] = attachments.attach(second.code, [ReusedAttachment(kept.id)], counter.clerk)
    refused = counter.register(
        personal_id=ID_HOA, full_name="Lê Thị Hoa", received_at="2026-03-02T08:00:00", status="refused"
    )
    counter.register(received_at="2026-03-03T00:00:00")  # the day after: left out

    out = tmp_path / "dvcqg.json"
    result = export(motcua, out, "--json")
    assert result.code == 0, result.err
    assert result.json() == {"out": str(out), "files": 3, "events": 6, "attachments": 3}
    assert set(result.json()) == RESULT_KEYS

    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "dvcqg-1"
    assert document["agency"] == {"code": AGENCY_CODE, "name": AGENCY_NAME}
    assert (document["from"], document["to"]) == ("2026-03-01", "2026-03-02")
    assert document["counts"] == {"files": 3, "events": 6, "attachments": 3}
    by_code = {r["MaHoSo"]: r for r in document["HoSo"]}
    assert list(by_code) == [first.code, refused.code, second.code]  # in the order received

    returned = by_code[first.code]
    assert returned["MaTTHC"] == "1.004873" and returned["TenLinhVuc"] == "Hộ tịch"
    assert returned["TrangThaiHoSo"] == 10 and returned["KenhThucHien"] == 1
    assert returned["NgayTiepNhan"] == returned["NgayNopHoSo"] == "20260301000000"
    assert returned["NgayKetThucXuLy"] == "20260302090000" and returned["NgayTra"] == "20260302103000"
    assert returned["TrichYeuHoSo"] == "Xác nhận để kết hôn"
    assert returned["DinhDanhCHS"] == [{"LoaiDinhDanh": 1, "SoDinhDanh": first.owner.personal_id}]
    assert returned["DonViXuLy"] == AGENCY_NAME and returned["HoSoCoThanhPhanSoHoa"] is True
    assert [(d["TepDinhKemId"], d["IsDeleted"], d["DuocTaiSuDung"]) for d in returned["TaiLieuNop"]] == [
        (str(kept.id), False, False),
        (str(dropped.id), True, False),
    ]
    documents_dir = counter.location.documents_dir
    for document_entry in returned["TaiLieuNop"]:
        assert (documents_dir / document_entry["DuongDanTaiTepTin"]).is_file()
    assert [(f["MaPhiLePhi"], f["Gia"]) for f in returned["DanhSachLePhi"]] == [
        (fee.code, fee.amount) for fee in first.fees
    ]
    history = returned["QuaTrinhXuLy"]
    assert [(h["TrangThai"], h["ThoiDiemXuLy"]) for h in history] == [
        (2, "20260301000000"),
        (4, "20260301100000"),
        (9, "20260302090000"),
        (10, "20260302103000"),
    ]
    assert {h["NguoiXuLy"] for h in history} == {"Trần Thị Lan"}
    assert history[0]["NoiDungXuLy"] == "Được tiếp nhận" and history[0]["NgayKetThucTheoQuyDinh"]

    [again] = by_code[second.code]["TaiLieuNop"]
    assert again["TepDinhKemId"] == str(reused.id) and again["DuocTaiSuDung"] is True
    assert again["DuongDanTaiTepTin"] == returned["TaiLieuNop"][0]["DuongDanTaiTepTin"]

    refusal = by_code[refused.code]
    assert refusal["TrangThaiHoSo"] == 3 and refusal["NgayTuChoi"] == "20260302080000"
    assert refusal["NgayHenTra"] is None and refusal["TaiLieuNop"] == []
    assert refusal["ChuHoSo"] == "Lê Thị Hoa"

    with counter.services.db.reading() as uow:
        [entry] = [e for e in recent(uow.session) if e.action == "dvcqg.exported"]
    assert entry.details == {
        "date_from": "2026-03-01",
        "date_to": "2026-03-02",
        "file": "dvcqg.json",
        "bytes": out.stat().st_size,
        "files": 3,
        "events": 6,
        "attachments": 3,
    }


def test_without_json_one_line_says_what_was_written(
    counter: Counter, motcua: Callable[..., Run], tmp_path: Path
) -> None:
    counter.register(received_at="2026-03-01T09:00:00")
    out = tmp_path / "dvcqg.json"
    result = export(motcua, out)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"wrote {out}: 1 file(s), 1 event(s), 0 attachment(s) received 2026-03-01 to 2026-03-02"
    ]
    assert json.loads(out.read_text(encoding="utf-8"))["counts"]["files"] == 1


def test_an_empty_range_writes_a_document_without_files(
    counter: Counter, motcua: Callable[..., Run], tmp_path: Path
) -> None:
    out = tmp_path / "empty.json"
    result = export(motcua, out, "--json")
    assert result.code == 0, result.err
    assert result.json() == {"out": str(out), "files": 0, "events": 0, "attachments": 0}
    assert json.loads(out.read_text(encoding="utf-8"))["HoSo"] == []


def test_bad_input_is_refused_and_leaves_nothing(
    counter: Counter, motcua: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter.register(received_at="2026-03-01T09:00:00")
    folder = tmp_path / "out"
    folder.mkdir()
    out = str(folder / "x.json")

    def run(date_from: str, date_to: str, target: str = out) -> Run:
        return motcua("export-dvcqg", "--from", date_from, "--to", date_to, "--out", target)

    assert_refused(run("2026-03-02", "2026-03-01"), "after the end date")
    assert_refused(run("2026-13-01", "2026-03-01"), "not an ISO date")
    assert_refused(run("01/03/2026", "2026-03-02"), "not an ISO date")
    assert_refused(run("2025-01-01", "2026-03-01"), "at most 366 days")
    assert_refused(run("2026-03-01", "2026-03-02", str(folder / "missing" / "x.json")), "does not exist")
    assert_refused(run("2026-03-01", "2026-03-02", str(folder)), "is a folder")
    assert motcua("export-dvcqg", "--from", "2026-03-01", "--out", out).code == 2  # --to missing

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patched:
        patched.setattr("printing.render.os.replace", refuse)
        assert_refused(run("2026-03-01", "2026-03-02"), "cannot write", "Permission denied")
    assert list(folder.iterdir()) == [], "a refused export left a file behind"
    with counter.services.db.reading() as uow:
        assert not [e for e in recent(uow.session) if e.action == "dvcqg.exported"]


def test_an_uninitialised_store_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "x.json"
    argv = [
        "--data-dir",
        str(tmp_path / "home"),
        "export-dvcqg",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-01",
    ]
    assert_refused(run_cli(capsys, monkeypatch, [*argv, "--out", str(out)], None), "motcua init")
    assert not out.exists()


@pytest.fixture
def statements(counter: Counter) -> Iterator[list[str]]:
    """The SQL statements the store runs from now on."""
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    engine = counter.services.db.engine
    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def test_the_export_reads_in_a_fixed_number_of_queries(counter: Counter, statements: list[str]) -> None:
    def selects_for(day: date) -> int:
        statements.clear()
        export = counter.services.files.portal_export(day, day)
        assert export.files
        return sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))

    counter.register(received_at="2026-03-01T09:00:00")
    for hour in range(8, 16):
        detail = counter.register(received_at=f"2026-03-02T{hour:02}:00:00")
        counter.services.files.set_status(
            detail.code, Status.IN_PROGRESS, counter.clerk, at=vn(f"2026-03-02T{hour:02}:30:00")
        )
    one, many = selects_for(date(2026, 3, 1)), selects_for(date(2026, 3, 2))
    assert one == many <= 8  # the agency's settings, then files, events, documents and fees

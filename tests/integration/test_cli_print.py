"""``motcua print …``, ``motcua forms …`` and ``motcua receipt verify`` on a printed receipt: the contract
administrators script, and the refusals that leave no PDF behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from integration.cli_runner import Run, assert_refused, run_cli
from integration.helpers import Counter, vn
from integration.pdfs import all_text, decode, page_count, rasterise
from records.workflow import Status

PRINT_KEYS = {"path", "form", "code", "pages"}


@pytest.fixture
def motcua(
    counter: Counter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Run]:
    """``motcua --data-dir <the counter's data folder> …``, in-process."""

    def run(*argv: str, stdin: str | None = None) -> Run:
        return run_cli(capsys, monkeypatch, ["--data-dir", str(counter.location.data_dir), *argv], stdin)

    return run


@pytest.mark.parametrize(("paper", "copies", "pages"), [("a4", "2", 2), ("a5", "1", 1), ("80mm", "1", 1)])
def test_print_receipt(
    counter: Counter, motcua: Callable[..., Run], tmp_path: Path, paper: str, copies: str, pages: int
) -> None:
    detail = counter.register(received_at="2026-11-24T10:00:00")
    out = tmp_path / "receipt.pdf"
    result = motcua(
        "print", "receipt", detail.code, "--out", str(out), "--paper", paper, "--copies", copies, "--json"
    )
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) == PRINT_KEYS
    assert (data["form"], data["code"], data["pages"], data["path"]) == (
        "receipt",
        detail.code,
        pages,
        str(out),
    )
    pdf = out.read_bytes()
    assert page_count(pdf) == pages
    assert detail.code in all_text(pdf)


def test_printed_qr_verifies_and_a_changed_character_does_not(
    counter: Counter, motcua: Callable[..., Run], tmp_path: Path
) -> None:
    detail = counter.register(received_at="2026-11-24T10:00:00")
    out = tmp_path / "r.pdf"
    assert motcua("print", "receipt", detail.code, "--out", str(out)).code == 0
    text = decode(rasterise(out.read_bytes(), 72))["QRCode"]
    result = motcua("receipt", "verify", text)
    assert result.code == 0, result.err
    assert result.out.startswith(f"valid: file {detail.code}")
    for position in (5, len(text) // 2, len(text) - 1):
        changed = text[:position] + ("7" if text[position] != "7" else "8") + text[position + 1 :]
        assert motcua("receipt", "verify", changed).code in (1, 2)


def test_print_forms(counter: Counter, motcua: Callable[..., Run], tmp_path: Path) -> None:
    files = counter.services.files
    extended = counter.register(received_at="2026-11-16T09:40:00")
    files.set_status(extended.code, Status.IN_PROGRESS, counter.clerk, at=vn("2026-11-16T10:00:00"))
    files.extend(extended.code, counter.clerk, "Cần xác minh thêm", working_days=2)
    for kind in ("apology", "control"):
        out = tmp_path / f"{kind}.pdf"
        result = motcua("print", "form", kind, extended.code, "--out", str(out))
        assert result.code == 0, result.err
        assert result.out.startswith(f"wrote {out} ({kind}, 1 page)")
        assert extended.code in all_text(out.read_bytes())


def test_refusals_leave_no_pdf(counter: Counter, motcua: Callable[..., Run], tmp_path: Path) -> None:
    files = counter.services.files
    returned = counter.register(received_at="2026-11-10T09:00:00")
    for status in (Status.IN_PROGRESS, Status.RESULT_READY, Status.RETURNED):
        files.set_status(returned.code, status, counter.clerk, at=vn("2026-11-11T09:00:00"))
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "x.pdf"
    assert_refused(motcua("print", "receipt", "H55.242-261124-9999", "--out", str(out)), "no file with code")
    assert_refused(
        motcua("print", "form", "refusal", returned.code, "--out", str(out)),
        "cannot print the refusal form",
        "returned",
    )
    assert_refused(
        motcua("print", "receipt", returned.code, "--out", str(folder / "missing" / "x.pdf")),
        "does not exist",
    )
    assert_refused(motcua("print", "receipt", returned.code, "--out", str(folder)), "is a folder")
    assert motcua("print", "receipt", returned.code, "--out", str(out), "--paper", "a3").code == 2
    assert motcua("print", "form", "thanks", returned.code, "--out", str(out)).code == 2
    assert_refused(
        motcua("print", "register", "--from", "2026-11-30", "--to", "2026-11-01", "--out", str(out))
    )
    assert_refused(
        motcua("print", "register", "--from", "30/11/2026", "--to", "2026-11-01", "--out", str(out))
    )
    assert list(folder.iterdir()) == [], "a refused print left a file behind"


def test_forms_list_and_use(counter: Counter, motcua: Callable[..., Run], tmp_path: Path) -> None:
    listed = motcua("forms", "list", "--json").json()
    assert [(s["id"], s["in_use"]) for s in listed] == [("tt03-2025", True), ("tt01-2018", False)]
    assert listed[0]["forms"]["stop"]["number"] == "05" and "stop" not in listed[1]["forms"]
    assert motcua("forms", "use", "tt01-2018").code == 0
    assert motcua("forms", "use", "tt02-2030").code == 2
    assert [s["in_use"] for s in motcua("forms", "list", "--json").json()] == [False, True]
    withdrawn = counter.register(received_at="2026-11-16T09:00:00")
    counter.services.files.set_status(withdrawn.code, Status.WITHDRAWN, counter.clerk, note="Rút")
    out = tmp_path / "stop.pdf"
    assert_refused(motcua("print", "form", "stop", withdrawn.code, "--out", str(out)), "has no stop form")
    assert not out.exists()

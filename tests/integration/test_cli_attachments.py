"""``motcua attach`` and ``motcua attachments list|verify|export``: the contract scripts rely on (exit codes,
JSON keys), the archived PDF made from images, PDFs kept as they are, and bad files refused with nothing
stored."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from integration.cli_runner import Run, assert_refused, run_cli
from integration.documents import encrypted_pdf, image_bytes, pdf_bytes
from integration.helpers import AGENCY_CODE, dump_at, registration
from records.store.objects import sha256_of

ATTACH_KEYS = {"file", "document", "attachments", "warnings"}
ATTACHMENT_KEYS = {
    "id",
    "file",
    "position",
    "document",
    "checklist_code",
    "sha256",
    "bytes",
    "pages",
    "source",
    "original_name",
    "colour_mode",
    "dpi",
    "digitised",
    "reused",
    "reused_from",
    "warnings",
    "created_at",
    "created_by",
    "removed",
}
VERIFY_KEYS = {"intact", "objects", "ok", "missing", "corrupt", "orphans", "pending", "affected_files"}


@dataclass
class Counter:
    """``motcua --data-dir <home> …`` on an initialised store holding one registered file ``code``."""

    run: Callable[..., Run]
    home: Path
    code: str = ""

    def __call__(self, *argv: str) -> Run:
        return self.run(*argv)


@pytest.fixture
def motcua(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Counter:
    home = tmp_path / "home"

    def run(*argv: str) -> Run:
        return run_cli(capsys, monkeypatch, ["--data-dir", str(home), *argv], None)

    assert run("init", "--agency-code", AGENCY_CODE, "--agency-name", "UBND xã Tân Phú").code == 0
    source = tmp_path / "file.json"
    source.write_text(json.dumps(registration(), ensure_ascii=False), encoding="utf-8")
    registered = run("file", "register", "--from", str(source), "--json")
    assert registered.code == 0, registered.err
    return Counter(run, home, registered.json()["code"])


def _write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def test_attach_archives_the_images_as_one_pdf_and_keeps_a_pdf_as_it_is(
    motcua: Counter, tmp_path: Path
) -> None:
    code = motcua.code
    kept = pdf_bytes(2)
    paths = [
        _write(tmp_path, "trang-1.jpg", image_bytes("JPEG", 300, "trang 1")),
        _write(tmp_path, "trang-2.png", image_bytes("PNG", 300, "trang 2")),
        _write(tmp_path, "ban-sao.pdf", kept),
    ]
    result = motcua("attach", code, *paths, "--document", "Giấy khai sinh", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) == ATTACH_KEYS
    assert data["file"] == code and data["document"] == "Giấy khai sinh"
    archived, original = data["attachments"]
    assert set(archived) == ATTACHMENT_KEYS
    assert archived["pages"] == 2 and archived["source"] == "import" and archived["digitised"] is True
    assert archived["colour_mode"] == "gray" and archived["dpi"] == 200
    assert original["sha256"] == sha256_of(kept) and original["pages"] == 2
    assert original["original_name"] == "ban-sao.pdf"

    listed = motcua("attachments", "list", code, "--json")
    assert [a["id"] for a in listed.json()] == [archived["id"], original["id"]]
    out = tmp_path / "out.pdf"
    exported = motcua("attachments", "export", archived["id"], "--out", str(out), "--json")
    assert exported.code == 0, exported.err
    with pikepdf.open(io.BytesIO(out.read_bytes())) as pdf:
        assert len(pdf.pages) == 2
        assert str(pdf.docinfo.get("/Title")) == "Giấy khai sinh"
        width = float(pdf.pages[0].mediabox[2])
        assert 590 < width < 600  # A4 at the scanner's resolution: 210 mm = 595 pt

    verified = motcua("attachments", "verify", "--json")
    assert verified.code == 0, verified.err
    assert set(verified.json()) == VERIFY_KEYS
    assert verified.json()["objects"] == 2 and verified.json()["intact"] is True


def test_attach_text_output(motcua: Counter, tmp_path: Path) -> None:
    result = motcua("attach", motcua.code, _write(tmp_path, "a.pdf", pdf_bytes()), "--document", "Tờ khai")
    assert result.code == 0, result.err
    assert "Tờ khai: 1 page" in result.out


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("trong.jpg", b"", "empty"),
        ("ghi-chu.jpg", "không phải ảnh".encode(), "neither an image"),
        ("cat-ngang.png", image_bytes("PNG")[:400], "damaged"),
        ("khoa.pdf", None, "password"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_stored(
    motcua: Counter, tmp_path: Path, name: str, data: bytes | None, fragment: str
) -> None:
    home = motcua.home
    before = dump_at(home)
    good = _write(tmp_path, "tot.jpg", image_bytes("JPEG"))
    bad = _write(tmp_path, name, encrypted_pdf() if data is None else data)
    result = motcua("attach", motcua.code, good, bad, "--document", "Giấy khai sinh")
    assert_refused(result, name)
    assert fragment in result.err.lower()
    assert dump_at(home) == before
    objects = home / "documents" / "objects"
    assert not objects.exists() or not any(p.is_file() for p in objects.rglob("*"))


def test_attach_refusals(motcua: Counter, tmp_path: Path) -> None:
    good = _write(tmp_path, "tot.pdf", pdf_bytes())
    assert_refused(motcua("attach", "H55.242-260302-9999", good, "--document", "X"), "no file")
    assert_refused(
        motcua("attach", motcua.code, str(tmp_path / "khong-co.pdf"), "--document", "X"), "no such file"
    )
    assert_refused(motcua("attach", motcua.code, str(tmp_path), "--document", "X"), "folder")
    assert_refused(motcua("attach", motcua.code, good), "--document")
    assert_refused(
        motcua("attachments", "export", "not-an-id", "--out", str(tmp_path / "x.pdf")), "not a document id"
    )


def test_verify_exits_1_and_names_a_damaged_object(motcua: Counter, tmp_path: Path) -> None:
    data = pdf_bytes()
    assert motcua("attach", motcua.code, _write(tmp_path, "a.pdf", data), "--document", "Tờ khai").code == 0
    sha = sha256_of(data)
    (motcua.home / "documents" / "objects" / sha[:2] / sha).write_bytes(b"%PDF-1.4 changed")
    result = motcua("attachments", "verify", "--json")
    assert result.code == 1
    assert result.json()["corrupt"] == [sha] and result.json()["affected_files"] == [motcua.code]
    text = motcua("attachments", "verify")
    assert text.code == 1 and f"corrupt: {sha}" in text.out

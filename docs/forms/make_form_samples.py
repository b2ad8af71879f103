"""Print every form of a throwaway store through ``motcua print …`` and turn each first page into a PNG
for this folder (the README shows them):

    .venv/bin/python docs/forms/make_form_samples.py

Needs the test extras (``pypdfium2`` rasterises the PDFs). The files, the people and the agency are
invented; the dates are fixed so the samples do not change from run to run except for the signature.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from desktop.cli import main  # noqa: E402

AGENCY = [
    "--agency-code",
    "000.17.22.H56",
    "--agency-name",
    "Trung tâm Phục vụ hành chính công xã Bình Minh",
    "--parent-name",
    "Ủy ban nhân dân xã Bình Minh",
    "--place",
    "Bình Minh",
]


def motcua(home: Path, *argv: str) -> str:
    """Run ``motcua`` on the sample store; returns what it printed (JSON commands only)."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--data-dir", str(home), *argv])
    if code != 0:
        raise SystemExit(f"motcua {' '.join(argv)} failed ({code})")
    return out.getvalue()


def register(home: Path, folder: Path, name: str, data: dict[str, object]) -> str:
    source = folder / f"{name}.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(json.loads(motcua(home, "file", "register", "--from", str(source), "--json"))["code"])


def png(pdf: Path, target: Path, dpi: int = 110) -> None:
    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[0]
        page.render(scale=dpi / 72).to_pil().save(target, optimize=True)
        page.close()
    finally:
        document.close()


def run() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        home = work / "home"
        motcua(home, "init", *AGENCY)
        person = {
            "personal_id": "079301004567",
            "full_name": "Nguyễn Thị Hồng Nhung",
            "address": "Tổ 5, phường Lộc Thọ, tỉnh Khánh Hòa",
            "phone": "0912345678",
        }
        copy = register(
            home,
            work,
            "copy",
            {
                "procedure": "2.000815",
                "applicant": person,
                "owner": {
                    "personal_id": "001099012345",
                    "full_name": "Trần Văn Đức",
                    "address": "Số 12, thôn Đông, xã Bình Minh, tỉnh Khánh Hòa",
                },
                "received_at": "2026-11-24T09:15:00",
                "documents": [
                    {"name": "Giấy khai sinh (bản chính cần chứng thực)", "original": 1},
                    {"name": "Bản sao cần chứng thực", "photocopy": 2},
                ],
                "copies": 2,
                "pages": 3,
            },
        )
        status = register(
            home,
            work,
            "status",
            {
                "procedure": "1.004873",
                "applicant": person,
                "received_at": "2026-11-16T09:40:00",
                "documents": [{"name": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "original": 1}],
            },
        )
        motcua(home, "file", "set-status", status, "in_progress")
        reason = "Cần xác minh tại nơi cư trú trước đây"
        motcua(home, "file", "extend", status, "--days", "3", "--reason", reason)
        refused = register(
            home,
            work,
            "refused",
            {
                "procedure": "1.004873",
                "applicant": person,
                "received_at": "2026-11-16T10:00:00",
                "status": "refused",
                "note": "Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã",
                "documents": [{"name": "Tờ khai", "original": 1}],
            },
        )
        out = work / "out"
        out.mkdir()
        jobs = [
            ("receipt-a4", ["print", "receipt", copy]),
            ("receipt-a5", ["print", "receipt", copy, "--paper", "a5"]),
            ("receipt-80mm", ["print", "receipt", copy, "--paper", "80mm"]),
            ("apology", ["print", "form", "apology", status]),
            ("control", ["print", "form", "control", status]),
            ("refusal", ["print", "form", "refusal", refused]),
            ("register", ["print", "register", "--from", "2026-11-01", "--to", "2026-11-30"]),
        ]
        for name, argv in jobs:
            pdf = out / f"{name}.pdf"
            motcua(home, *argv, "--out", str(pdf))
            png(pdf, HERE / f"{name}.png")
            print(f"{name}.png")


if __name__ == "__main__":
    run()

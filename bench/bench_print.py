"""The printing measurements, each with the floor it is compared with, measured in the same run.

    .venv/bin/python bench/bench_print.py [--rows 10000] [--register-runs 5] [--receipt-runs 200]
                                          [--out bench/out/] [--pdf]

1. The register of files (Sổ theo dõi hồ sơ): ``--rows`` synthetic lines (Vietnamese names and addresses,
   the shipped catalogue's procedures, every status) built in memory, then ``register_data`` +
   ``layout_register`` and ``render``, timed apart; median of ``--register-runs`` runs, each with the
   text-width cache emptied first (a register is printed now and then, not in a warm loop). Floor: a bare
   reportlab canvas of the same number of pages with one line of text each, the same embedded font and
   compression.
2. The receipt (Mẫu 01) of a file registered in a temporary store, with its signed QR code:
   ``layout_receipt(receipt_data(...))`` + ``render``, on A4, A5 and the 80 mm roll; median of
   ``--receipt-runs`` runs after a warm-up (a counter prints receipts all day in one process). Floor: a bare
   reportlab page with the same embedded font, one line of text and the same QR matrix
   (``printing.codes.qr_modules``, encoded in each run as the receipt does) drawn as one path.

Writes ``<out>/print-results.json`` (every sample's median, p95, min, max and count) and, with ``--pdf``,
the measured register and receipt next to it; prints a Markdown table. Targets (from the issue): receipt
under 30 ms and within 2× its floor; a 10,000-line register under 5 s. Tests never assert timings.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import reportlab  # noqa: E402
from integration.helpers import make_store_counter, registration  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from timing import summary, timed  # noqa: E402  (bench/, the script's own folder)

import resources  # noqa: E402
from desktop.context import open_services, resolve  # noqa: E402
from printing import fonts  # noqa: E402
from printing.codes import qr_modules  # noqa: E402
from printing.receipt import layout_receipt, receipt_data  # noqa: E402
from printing.register import layout_register, register_data  # noqa: E402
from printing.render import render  # noqa: E402
from records.clock import VIETNAM_TZ  # noqa: E402
from records.files import RegisterEntry, RegistrationRequest  # noqa: E402
from records.forms import load_form_set  # noqa: E402
from records.services.settings import AgencyConfig  # noqa: E402
from records.workflow import Status  # noqa: E402

AGENCY_CODE = "000.17.22.H56"
UNIT = "Trung tâm Phục vụ hành chính công xã Bình Minh"
PARENT = "Ủy ban nhân dân tỉnh Vĩnh Long"
PLACE = "Bình Minh"
DEFAULT_STORE = ROOT / "bench" / "out" / "store-1000000-seed1"  # made by bench_store.py


# -- timing ----------------------------------------------------------------------------------------------


# -- synthetic register lines ----------------------------------------------------------------------------

# fmt: off
FAMILY = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
)
MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Quốc", "Thị Thanh", "Thị Ngọc", "Văn Hoàng")
GIVEN = (
    "An", "Bình", "Cường", "Dũng", "Giang", "Hạnh", "Hiếu", "Hòa", "Khuê", "Lan", "Lộc", "Mai", "Nam",
    "Nguyệt", "Phương", "Phượng", "Quân", "Sơn", "Thạch", "Thảo", "Trung", "Tuấn", "Vy", "Yến",
)
# fmt: on
ORGANISATIONS = (
    "Công ty TNHH Thương mại Dịch vụ Hòa Bình",
    "Hợp tác xã Nông nghiệp Tân Phú",
    "Hộ kinh doanh Tạp hóa Ngọc Yến",
)
STREETS = ("Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hùng Vương", "Phạm Văn Đồng", "30 tháng 4")
HAMLETS = ("ấp Phú Mỹ", "ấp Tân Thành", "thôn Đông Hòa", "tổ 5, khu phố 2", "ấp Mỹ Thuận")
NOTES = ("Nộp thay cho con", "Hồ sơ nộp qua dịch vụ bưu chính", "Công dân hẹn nhận kết quả qua bưu điện")
CLERKS = ("Trần Thị Lan", "Nguyễn Hoàng Phúc", "Lê Thị Mỹ Duyên", None)  # None: the command line
STATUSES = (
    (Status.RETURNED, 70),
    (Status.RESULT_READY, 6),
    (Status.IN_PROGRESS, 8),
    (Status.RECEIVED, 4),
    (Status.SUPPLEMENT_REQUESTED, 4),
    (Status.REFUSED, 4),
    (Status.WITHDRAWN, 2),
    (Status.STOPPED, 2),
)


def procedures() -> list[tuple[str, str]]:
    """The shipped catalogue's procedures (code, name)."""
    catalog = json.loads(resources.read_text("catalog", "procedures.json"))
    return [(p["code"], p["name"]) for p in catalog["procedures"]]


def office_hours(day: datetime, rng: random.Random) -> datetime:
    """A moment in the office hours of ``day``'s date."""
    return day.replace(hour=rng.choice((7, 8, 9, 10, 13, 14, 15, 16)), minute=rng.randrange(60))


def synthetic_entries(count: int, seed: int = 1) -> list[RegisterEntry]:
    """``count`` register lines of one book, received over working hours from 5 January 2026 on."""
    rng = random.Random(seed)
    catalogue = procedures()
    statuses, weights = zip(*STATUSES, strict=True)
    at = datetime(2026, 1, 5, 7, 0, tzinfo=VIETNAM_TZ)
    day_seq = 0
    entries = []
    for number in range(1, count + 1):
        step = at + timedelta(minutes=rng.randint(1, 25))
        if step.hour >= 17 or step.date() != at.date():
            step = datetime.combine(
                at.date() + timedelta(days=3 if at.weekday() == 4 else 1), datetime.min.time()
            )
            step = step.replace(hour=7, minute=rng.randint(0, 30), tzinfo=VIETNAM_TZ)
            day_seq = 0
        at = step
        day_seq += 1
        code, name = rng.choice(catalogue)
        status = rng.choices(statuses, weights)[0]
        due = at + timedelta(days=rng.choice((0, 2, 3, 5)), hours=2)
        extended = status in (Status.IN_PROGRESS, Status.RETURNED) and rng.random() < 0.05
        due_now = due + timedelta(days=3) if extended else due
        finished = returned = None
        if status in (Status.RESULT_READY, Status.RETURNED):
            finished = office_hours(
                due_now + timedelta(days=rng.choice((-2, -1, -1, 0, 0, 1))), rng
            )  # some late
            finished = max(finished, at + timedelta(hours=1))
            if status is Status.RETURNED:
                returned = max(office_hours(finished + timedelta(days=rng.randint(0, 3)), rng), finished)
        elif status in (Status.REFUSED, Status.WITHDRAWN, Status.STOPPED):
            finished = at if status is Status.REFUSED else office_hours(at + timedelta(days=1), rng)
        if rng.random() < 0.04:
            owner = rng.choice(ORGANISATIONS)
        else:
            owner = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if rng.random() < 0.5:
            address = (
                f"Số {rng.randint(1, 250)}, đường {rng.choice(STREETS)}, {rng.choice(HAMLETS)}, xã Bình Minh"
            )
        else:
            hamlet = rng.choice(HAMLETS)
            address = f"{hamlet[0].upper()}{hamlet[1:]}, xã Bình Minh, tỉnh Vĩnh Long"
        entries.append(
            RegisterEntry(
                register_year=2026,
                register_book=1,
                register_entry=number,
                code=f"{AGENCY_CODE}-{at:%y%m%d}-{day_seq:04d}",
                status=status,
                procedure_code=code,
                procedure_name=name,
                sets=rng.choice((1, 1, 1, 2, 3)),
                owner_name=owner,
                owner_address=address if rng.random() < 0.9 else None,
                owner_phone=f"0{rng.choice('389')}{rng.randrange(10**8):08d}" if rng.random() < 0.8 else None,
                received_at=at,
                appointment=None if status is Status.REFUSED else due,
                due_at=None if status in (Status.REFUSED, Status.SUPPLEMENT_REQUESTED) else due_now,
                returned_at=returned,
                finished_at=finished,
                extension_count=1 if extended else 0,
                clerk_name=rng.choice(CLERKS),
                note=rng.choice(NOTES) if rng.random() < 0.08 else None,
            )
        )
    return entries


# -- the measures ----------------------------------------------------------------------------------------


def agency() -> AgencyConfig:
    from records.file_codes import FileCodeScheme

    return AgencyConfig(AGENCY_CODE, UNIT, PARENT, PLACE, 1, FileCodeScheme())


def bare_pages(pages: int) -> bytes:
    """The register's floor: ``pages`` landscape A4 pages, one line of text each, same font, compressed."""
    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=landscape(A4), pageCompression=1, initialFontName=fonts.font_name("regular")
    )
    for number in range(1, pages + 1):
        canvas.setFont(fonts.font_name("regular"), 9)
        canvas.drawString(20 * mm, 20 * mm, f"Trang {number}/{pages}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def bare_receipt(qr_text: str) -> bytes:
    """The receipt's floor: one A4 page, same font, one line of text, the same QR matrix as one path."""
    fonts.register()
    modules = qr_modules(qr_text)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=fonts.font_name("regular"))
    canvas.setFont(fonts.font_name("bold"), 14)
    canvas.drawString(30 * mm, 270 * mm, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
    side = 28 * mm / len(modules)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        for c, dark in enumerate(row):
            if dark:
                path.rect(160 * mm + c * side, 240 * mm - (r + 1) * side, side, side)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def measure_register(rows: int, runs: int, out: Path | None) -> dict[str, Any]:
    entries = synthetic_entries(rows)
    form_set = load_form_set(None)
    printed = datetime(2027, 1, 4, 8, 0, tzinfo=VIETNAM_TZ)
    first, last = entries[0].received_at.date(), entries[-1].received_at.date()
    layout_ms: list[float] = []
    render_ms: list[float] = []
    total_ms: list[float] = []
    pages = size = 0
    for _ in range(runs):
        document = pdf = None  # each run starts from the same heap: the last run's PDF is not kept alive
        gc.collect()
        fonts.text_width.cache_clear()  # a register is printed now and then, not in a warm loop
        start = time.perf_counter_ns()
        document = layout_register(register_data(entries, agency(), form_set, first, last, printed))
        laid = time.perf_counter_ns()
        pdf = render(document)
        done = time.perf_counter_ns()
        layout_ms.append((laid - start) / 1e6)
        render_ms.append((done - laid) / 1e6)
        total_ms.append((done - start) / 1e6)
        pages, size = len(document.pages), len(pdf)
        if out is not None:
            (out / f"register-{rows}.pdf").write_bytes(pdf)
            out = None
    floor = timed(lambda: bare_pages(pages), runs, 1)
    return {
        "rows": rows,
        "pages": pages,
        "pdf_bytes": size,
        "layout": summary(layout_ms),
        "render": summary(render_ms),
        "total": summary(total_ms),
        "floor: bare canvas, same pages": floor,
    }


def measure_receipts(runs: int, out: Path | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-print-") as folder:
        counter = make_store_counter(Path(folder) / "data")
        services = counter.services
        try:
            services.settings.initialise(
                agency_code=AGENCY_CODE, agency_name=UNIT, parent_name=PARENT, place=PLACE
            )
            data = registration(received_at=None, procedure="2.000815", full_name="Nguyễn Thị Ngọc Hòa")
            data["applicant"].update(
                {"address": "Số 12, đường Lê Lợi, ấp Phú Mỹ, xã Bình Minh", "phone": "0912345678"}
            )
            data["documents"] = [
                {"name": "Bản chính giấy tờ cần chứng thực", "original": 1},
                {"name": "Bản sao cần chứng thực", "photocopy": 3},
            ]
            data["copies"] = 3
            detail = services.files.register(RegistrationRequest.from_json(data), counter.clerk)
            qr_text = services.receipts.qr_text_for(detail)
            form_set = services.settings.form_set()
            office = services.settings.agency()
        finally:
            services.db.dispose()
    results: dict[str, Any] = {"qr_text_chars": len(qr_text)}
    for paper in ("a4", "a5", "80mm"):

        def receipt(paper: str = paper) -> bytes:
            return render(layout_receipt(receipt_data(detail, office, form_set, qr_text), paper))

        results[f"receipt {paper}"] = timed(receipt, runs, 10)
        if out is not None:
            (out / f"receipt-{paper}.pdf").write_bytes(receipt())
    results["floor: bare page, one line + QR"] = timed(lambda: bare_receipt(qr_text), runs, 10)
    return results


REGISTER_SQL = """
SELECT f.register_year, f.register_book, f.register_entry, f.code, f.status, f.procedure_code, p.name,
       f.sets, o.full_name, o.address, o.phone, f.received_at, f.original_due_at, f.due_at, f.returned_at,
       f.finished_at, f.extension_count, CASE WHEN u.username = 'system' THEN NULL ELSE u.full_name END,
       f.note
FROM files f
JOIN citizens o ON o.id = f.owner_id
JOIN procedures p ON p.code = f.procedure_code
LEFT JOIN users u ON u.id = f.received_by
WHERE f.received_at >= ? AND f.received_at < ?
ORDER BY f.register_year, f.register_book, f.register_entry
"""  # the SELECT of records.store.files_repo.register_entries, on the raw connection


def measure_query(store: Path, rows: int, runs: int) -> dict[str, Any]:
    """``FileService.register_entries`` over the first days of the store's newest complete month that hold
    at least ``rows`` files, against the same SELECT on the raw sqlite3 connection."""
    raw = sqlite3.connect(f"file:{store / 'motcua.sqlite3'}?mode=ro", uri=True)
    try:
        per_day = raw.execute(
            "SELECT date(received_at, '+7 hours') AS d, count(*) FROM files GROUP BY d ORDER BY d"
        ).fetchall()
        newest = date.fromisoformat(per_day[-1][0])
        month_start = (newest.replace(day=1) - timedelta(days=1)).replace(day=1)
        first = last = None
        count = 0
        for day_text, day_count in per_day:
            day = date.fromisoformat(day_text)
            if day >= month_start and count < rows:
                first = first or day
                last, count = day, count + day_count
        assert first is not None and last is not None, "the store has no files"

        def utc_bound(day: date) -> str:
            return f"{day - timedelta(days=1)} 17:00:00.000000"  # local midnight, stored as naive UTC

        bounds = (utc_bound(first), utc_bound(last + timedelta(days=1)))
        floor = timed(lambda: raw.execute(REGISTER_SQL, bounds).fetchall(), runs, 1)
        (matched,) = raw.execute(
            "SELECT count(*) FROM files WHERE received_at >= ? AND received_at < ?", bounds
        ).fetchone()
    finally:
        raw.close()
    services = open_services(resolve(str(store)))
    try:
        result = timed(lambda: services.files.register_entries(first, last), runs, 1)
        total = services.files.register_entries(first, last)
    finally:
        services.db.dispose()
    assert len(total) == matched, (len(total), matched)
    return {
        "store": str(store),
        "from": first.isoformat(),
        "to": last.isoformat(),
        "files": matched,
        "register_entries": result,
        "floor: same SELECT, raw sqlite3": floor,
    }


# -- report ----------------------------------------------------------------------------------------------


def fmt(ms: float) -> str:
    return f"{ms:.2f} ms" if ms < 100 else f"{ms:,.0f} ms"


def table(register: dict[str, Any], receipts: dict[str, Any], query: dict[str, Any] | None) -> str:
    floor = register["floor: bare canvas, same pages"]["median"]
    total = register["total"]["median"]
    pages = register["pages"]
    what = (
        f"register, {register['rows']:,} lines → {pages:,} pages ({register['pdf_bytes'] / 1e6:.1f} MB): "
        f"layout {fmt(register['layout']['median'])} + render {fmt(register['render']['median'])}"
    )
    lines = [
        "| measure | median | p95 | floor | ratio | target |",
        "|---|---|---|---|---|---|",
        f"| {what} | {fmt(total)} | {fmt(register['total']['p95'])} | bare canvas, {pages:,} pages: "
        f"{fmt(floor)} | {total / floor:.1f}× | < 5,000 ms |",
    ]
    receipt_floor = receipts["floor: bare page, one line + QR"]["median"]
    for paper in ("a4", "a5", "80mm"):
        r = receipts[f"receipt {paper}"]
        lines.append(
            f"| receipt ({paper}) | {fmt(r['median'])} | {fmt(r['p95'])} | bare page + QR: "
            f"{fmt(receipt_floor)} | {r['median'] / receipt_floor:.1f}× | < 30 ms, ≤ 2× |"
        )
    if query is not None:
        q, q_floor = query["register_entries"], query["floor: same SELECT, raw sqlite3"]["median"]
        what = f"register query, {query['files']:,} files ({query['from']} – {query['to']})"
        lines.append(
            f"| {what} | {fmt(q['median'])} | {fmt(q['p95'])} | same SELECT, raw sqlite3: {fmt(q_floor)} "
            f"| {q['median'] / q_floor:.1f}× | — |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=10_000, help="lines of the measured register")
    parser.add_argument("--register-runs", type=int, default=5)
    parser.add_argument("--receipt-runs", type=int, default=200)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--pdf", action="store_true", help="also write the measured PDFs to --out")
    parser.add_argument(
        "--store",
        type=Path,
        default=DEFAULT_STORE if DEFAULT_STORE.exists() else None,
        help="a data folder to time the register query in (default: bench_store.py's cached store)",
    )
    parser.add_argument("--query-runs", type=int, default=10)
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    pdf_out = out if args.pdf else None

    receipts = measure_receipts(args.receipt_runs, pdf_out)
    register = measure_register(args.rows, args.register_runs, pdf_out)
    query = measure_query(args.store.resolve(), args.rows, args.query_runs) if args.store else None
    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "reportlab": reportlab.Version,
            "reportlab_accelerator": _has_accelerator(),
        },
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "register": register,
        "receipts": receipts,
        "register_query": query,
        "table": table(register, receipts, query),
    }
    (out / "print-results.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    print(report["table"])


def _has_accelerator() -> bool:
    """Whether reportlab found its C accelerator (``rl_accel``): without it, number formatting and
    stream encoding run in Python."""
    from reportlab.lib import rl_accel

    return bool(rl_accel._c_funcs)


if __name__ == "__main__":
    main()

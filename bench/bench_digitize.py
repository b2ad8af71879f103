"""The archived page: one 300-dpi A4 grey page to its 200-dpi PDF page, against a floor measured in the
same run.

    .venv/bin/python bench/bench_digitize.py [--reps 30] [--out bench/out/] [--pdf]

The page is synthesised in memory as a flatbed scanner gives it: A4 at 300 dpi in grey, a form's text in
Liberation Serif (a title, paragraphs, a filled-in table, a signature and a round stamp), on paper that is
not white (grey level about 236, uneven by a few levels across the sheet) with the sensor's noise. It is
taken through ``records.digitize.archive.build_pdf`` with the default options (GRAY, 200 dpi, JPEG
quality 60), as a ``Page`` of known dpi; median and p95 of ``--reps`` runs after a warm-up. Floor: a bare
Pillow resize of the same page to the same size with the same filter, and a JPEG encode with the same
settings — what any archive of this page has to do at least.

The same page archived in black and white (Otsu threshold, CCITT G4) is timed too, for its size.

Writes ``<out>/digitize-results.json`` and, with ``--pdf``, the archived pages as ``digitize-page.pdf`` and
``digitize-page-bw.pdf``; prints a Markdown table. Targets (from the issue): under 150 ms and under
150 KB a grey page, within 1.5x the floor. Tests never assert timings.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import img2pdf  # noqa: E402
import numpy as np  # noqa: E402
import PIL  # noqa: E402
from PIL import Image, ImageDraw, ImageFont, features  # noqa: E402
from timing import summary, timed  # noqa: E402  (bench/, the script's own folder)

from records.clock import VIETNAM_TZ  # noqa: E402
from records.digitize import archive  # noqa: E402
from records.digitize.archive import ArchiveMetadata, ArchiveOptions, build_pdf  # noqa: E402
from records.digitize.pages import ColourMode, Page  # noqa: E402

FONTS = ROOT / "resources" / "fonts"
DPI = 300
A4_PX = (2480, 3508)  # 210 x 297 mm at 300 dpi

TITLE = "TỜ KHAI ĐĂNG KÝ KHAI SINH"
PARAGRAPH = (
    "Kính gửi: Ủy ban nhân dân xã Bình Minh, tỉnh Vĩnh Long. Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị "
    "Ngọc Hòa; nơi cư trú: số 12, đường Lê Lợi, ấp Phú Mỹ, xã Bình Minh; giấy tờ tùy thân: căn cước số "
    "086301012345 cấp ngày 15 tháng 3 năm 2024. Quan hệ với người được khai sinh: mẹ. Đề nghị cơ quan "
    "đăng ký khai sinh cho người dưới đây. Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là "
    "đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật và chịu "
    "trách nhiệm trước pháp luật về cam đoan của mình."
)
ROWS = (
    ("Họ, chữ đệm, tên", "Trần Minh Khang"),
    ("Ngày, tháng, năm sinh", "04/01/2026 (ngày bốn tháng một năm hai nghìn không trăm hai mươi sáu)"),
    ("Giới tính", "Nam"),
    ("Dân tộc; quốc tịch", "Kinh; Việt Nam"),
    ("Nơi sinh", "Trung tâm Y tế huyện Bình Minh, tỉnh Vĩnh Long"),
    ("Quê quán", "xã Mỹ Hòa, tỉnh Vĩnh Long"),
    ("Họ tên người mẹ", "Nguyễn Thị Ngọc Hòa, sinh năm 1998"),
    ("Họ tên người cha", "Trần Văn Phúc, sinh năm 1995"),
)


# -- the page --------------------------------------------------------------------------------------------


def scanned_form(seed: int = 1, noise: float = 2.0, paper: float = 236.0) -> Image.Image:
    """The 300-dpi grey scan of a filled-in form (see the module's docstring): ``noise`` is the sensor's
    standard deviation and ``paper`` the sheet's grey level."""
    rng = np.random.default_rng(seed)
    page = Image.new("L", A4_PX, 255)
    draw = ImageDraw.Draw(page)
    serif = ImageFont.truetype(str(FONTS / "LiberationSerif-Regular.ttf"), 50)  # 12 pt at 300 dpi
    bold = ImageFont.truetype(str(FONTS / "LiberationSerif-Bold.ttf"), 58)
    italic = ImageFont.truetype(str(FONTS / "LiberationSerif-Italic.ttf"), 50)
    left, right, y = 236, A4_PX[0] - 236, 236
    draw.text((A4_PX[0] // 2, y), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=bold, fill=25, anchor="mt")
    draw.text((A4_PX[0] // 2, y + 75), "Độc lập - Tự do - Hạnh phúc", font=bold, fill=25, anchor="mt")
    draw.line([(A4_PX[0] // 2 - 330, y + 145), (A4_PX[0] // 2 + 330, y + 145)], fill=25, width=4)
    draw.text((A4_PX[0] // 2, y + 260), TITLE, font=bold, fill=25, anchor="mt")
    y += 420
    for _ in range(2):
        y = _paragraph(draw, PARAGRAPH, serif, left, right, y) + 40
    for label, value in ROWS:  # a two-column table, filled in
        draw.rectangle([left, y, right, y + 100], outline=40, width=3)
        draw.line([(left + 760, y), (left + 760, y + 100)], fill=40, width=3)
        draw.text((left + 20, y + 25), label, font=serif, fill=30)
        draw.text((left + 790, y + 25), value[:52], font=italic, fill=60)
        y += 100
    y = _paragraph(draw, PARAGRAPH[:400], serif, left, right, y + 60) + 80
    draw.text((right - 600, y), "Vĩnh Long, ngày 05 tháng 01 năm 2026", font=italic, fill=30)
    draw.text((right - 450, y + 80), "NGƯỜI YÊU CẦU", font=bold, fill=25)
    curve = [(right - 520 + x, y + 260 + 40 * np.sin(x / 37)) for x in range(0, 420, 6)]
    draw.line(curve, fill=50, width=6)  # the signature
    draw.ellipse(
        [right - 820, y + 120, right - 520, y + 420], outline=120, width=10
    )  # the red stamp, in grey
    draw.text((right - 450, y + 360), "Nguyễn Thị Ngọc Hòa", font=bold, fill=25)
    # The scanner: ink a little soft, paper not white and uneven, the sensor's noise.
    sheet = np.asarray(page, dtype=np.float32)
    soft = np.asarray(Image.fromarray(sheet.astype(np.uint8)).resize((1240, 1754)).resize(A4_PX), np.float32)
    uneven = np.linspace(-3, 3, A4_PX[0], dtype=np.float32)[None, :] + np.linspace(2, -2, A4_PX[1])[:, None]
    grain = rng.normal(0, noise, (A4_PX[1], A4_PX[0])).astype(np.float32) if noise else 0
    scan = (paper + uneven + grain) * (soft / 255.0)
    return Image.fromarray(scan.clip(0, 255).astype(np.uint8), "L")


def _paragraph(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, left: int, right: int, y: int
) -> int:
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) > right - left and line:
            draw.text((left, y), line, font=font, fill=25)
            y, line = y + 72, word
        else:
            line = candidate
    draw.text((left, y), line, font=font, fill=25)
    return y + 72


# -- timing ----------------------------------------------------------------------------------------------


def interleaved(calls: dict[str, Callable[[], object]], reps: int) -> dict[str, dict[str, float]]:
    """``timed`` for several calls, run in turns so that a busy moment of the machine hits all of them."""
    for call in calls.values():
        call()
        call()
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(reps):
        for name, call in calls.items():
            start = time.perf_counter_ns()
            call()
            samples[name].append((time.perf_counter_ns() - start) / 1e6)
    return {name: summary(values) for name, values in samples.items()}


# -- the measures ----------------------------------------------------------------------------------------


def measure(reps: int, out: Path | None) -> dict[str, Any]:
    scan = scanned_form()
    page = Page(scan, dpi=DPI, source="scan:bench")
    options = ArchiveOptions()  # GRAY, 200 dpi, quality 60
    metadata = ArchiveMetadata(
        title="Tờ khai đăng ký khai sinh",
        file_code="000.17.22.H56-260105-0001",
        created_at=datetime(2026, 1, 5, 9, 30, tzinfo=VIETNAM_TZ),
        workstation="000.17.22.H56 / máy 1",
        author="lan",
    )
    scale = options.dpi / DPI
    size = (round(scan.width * scale), round(scan.height * scale))

    def archived() -> bytes:
        return build_pdf([page], options, metadata)

    def floor() -> bytes:
        buffer = io.BytesIO()
        small = scan.resize(size, archive.RESAMPLE)
        small.save(buffer, "JPEG", quality=options.jpeg_quality, optimize=archive.JPEG_OPTIMIZE)
        return buffer.getvalue()

    def resize_only() -> object:
        return scan.resize(size, archive.RESAMPLE)

    black_and_white = ArchiveOptions(mode=ColourMode.BW)

    def archived_bw() -> bytes:
        return build_pdf([page], black_and_white, metadata)

    times = interleaved({"build_pdf": archived, "floor": floor, "resize": resize_only}, reps)
    bw_time = timed(archived_bw, max(5, reps // 3))
    pdf, jpeg, bw_pdf = archived(), floor(), archived_bw()
    if out is not None:
        (out / "digitize-page.pdf").write_bytes(pdf)
        (out / "digitize-page-bw.pdf").write_bytes(bw_pdf)
    return {
        "page": {"pixels": list(scan.size), "dpi": DPI, "mode": scan.mode, "archived_pixels": list(size)},
        "options": {"dpi": options.dpi, "mode": str(options.mode), "jpeg_quality": options.jpeg_quality},
        "filter": archive.RESAMPLE.name,
        "jpeg_optimize": archive.JPEG_OPTIMIZE,
        "build_pdf": times["build_pdf"],
        "pdf_bytes": len(pdf),
        "floor: Pillow resize + JPEG encode": times["floor"],
        "floor_jpeg_bytes": len(jpeg),
        "of which the resize": times["resize"],
        "build_pdf BW (CCITT G4)": bw_time,
        "bw_pdf_bytes": len(bw_pdf),
    }


# -- report ----------------------------------------------------------------------------------------------


def table(result: dict[str, Any]) -> str:
    built, floor = result["build_pdf"], result["floor: Pillow resize + JPEG encode"]
    bw = result["build_pdf BW (CCITT G4)"]
    ratio = built["median"] / floor["median"]
    width, height = result["page"]["archived_pixels"]
    return "\n".join(
        [
            "| measure | median | p95 | size | floor | ratio | target |",
            "|---|---|---|---|---|---|---|",
            f"| 300-dpi grey A4 → 200-dpi archived page (`build_pdf`, {width}×{height}, "
            f"{result['filter'].lower()}, JPEG q{result['options']['jpeg_quality']}) | "
            f"{built['median']:.1f} ms | {built['p95']:.1f} ms | {result['pdf_bytes'] / 1024:.0f} KB | "
            f"Pillow resize + JPEG encode: {floor['median']:.1f} ms, "
            f"{result['floor_jpeg_bytes'] / 1024:.0f} KB | {ratio:.2f}× | < 150 ms, < 150 KB, ≤ 1.5× |",
            f"| the same page in black and white (`ColourMode.BW`: Otsu, CCITT G4) | {bw['median']:.1f} ms | "
            f"{bw['p95']:.1f} ms | {result['bw_pdf_bytes'] / 1024:.0f} KB | — | — | — |",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reps", type=int, default=30, help="timed runs of each measure")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--pdf", action="store_true", help="also write the archived page to --out")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    result = measure(args.reps, out if args.pdf else None)
    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "pillow": PIL.__version__,
            "libjpeg_turbo": features.check_feature("libjpeg_turbo"),
            "img2pdf": img2pdf.__version__,
        },
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "archived_page": result,
        "table": table(result),
    }
    (out / "digitize-results.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    print(report["table"])


if __name__ == "__main__":
    main()

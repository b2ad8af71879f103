"""Synthetic pages, image files, PDFs and desk photos for the digitizing tests, all made in memory.

A "document" page is white A4 with lines of black word-like blocks at a given dpi (optionally turned by a
few degrees, like a sheet fed askew); a photo of a sheet is a pinhole camera's view of an A4 page lying on
a dark desk, so its perspective is a real one.
"""

from __future__ import annotations

import io
import math
import struct
import zlib
from typing import Any

import cv2
import numpy as np
import pikepdf
from PIL import Image, ImageDraw

A4_MM = (210.0, 297.0)
MM_PER_INCH = 25.4


def a4_pixels(dpi: float) -> tuple[int, int]:
    """The size in pixels of an upright A4 page at ``dpi``."""
    return round(A4_MM[0] / MM_PER_INCH * dpi), round(A4_MM[1] / MM_PER_INCH * dpi)


def document_page(
    dpi: float = 100,
    *,
    skew: float = 0.0,
    mode: str = "L",
    noise: float = 0.0,
    paper: int = 255,
    seed: int = 0,
    size: tuple[int, int] | None = None,
) -> Image.Image:
    """A page of text-like lines: 20 mm margins, lines 6 mm apart of word blocks 2.5 mm high, on paper of
    grey level ``paper``, turned anticlockwise by ``skew`` degrees, with Gaussian noise of ``noise`` grey
    levels. ``mode``: ``L``, ``RGB`` (blue ink) or ``1``."""
    rng = np.random.default_rng(seed)
    width, height = size or a4_pixels(dpi)
    per_mm = dpi / MM_PER_INCH
    image = Image.new("L", (width, height), paper)
    draw = ImageDraw.Draw(image)
    margin = round(20 * per_mm)
    y = margin
    while y + 2.5 * per_mm < height - margin:
        x = margin
        right = width - margin - int(rng.integers(0, round(40 * per_mm) + 1))  # ragged line ends
        while x < right:
            word = round(rng.uniform(4, 18) * per_mm)
            draw.rectangle([x, y, min(x + word, right), y + round(2.5 * per_mm)], fill=20)
            x += word + max(2, round(2 * per_mm))
        y += round(6 * per_mm)
    if skew:
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=paper)
    if noise:
        pixels = np.asarray(image, dtype=np.float64) + rng.normal(0, noise, (height, width))
        image = Image.fromarray(pixels.clip(0, 255).astype(np.uint8), "L")
    if mode == "RGB":
        ink = Image.new("RGB", image.size, (20, 40, 160))
        sheet = Image.new("RGB", image.size, (paper, paper, paper))
        return Image.composite(sheet, ink, image.point(lambda v: 255 if v > 128 else v * 2))
    if mode == "1":
        return image.point(lambda v: 255 if v > 128 else 0, "1")
    return image


def blank_page(dpi: float = 100, *, mode: str = "L", noise: float = 0.0, paper: int = 250) -> Image.Image:
    """An empty A4 sheet: paper of grey ``paper`` and scanner noise of ``noise`` grey levels."""
    width, height = a4_pixels(dpi)
    if noise:
        rng = np.random.default_rng(1)
        pixels = (rng.normal(paper, noise, (height, width))).clip(0, 255).astype(np.uint8)
        image = Image.fromarray(pixels, "L")
    else:
        image = Image.new("L", (width, height), paper)
    if mode == "1":
        return image.convert("1", dither=Image.Dither.NONE)  # a scanner's threshold, not a dither
    return image.convert(mode) if mode != "L" else image


def encode(image: Image.Image, fmt: str, **params: Any) -> bytes:
    """``image`` saved as ``fmt`` (``JPEG``, ``PNG``, ``TIFF``, ``BMP``) with Pillow's ``params``."""
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def tiff(images: list[Image.Image], **params: Any) -> bytes:
    """A multi-page TIFF of ``images`` (``compression="group4"`` for 1-bit pages)."""
    buffer = io.BytesIO()
    images[0].save(buffer, "TIFF", save_all=True, append_images=images[1:], **params)
    return buffer.getvalue()


def pdf(pages: int = 2) -> bytes:
    """A PDF of ``pages`` empty A4 pages."""
    document = pikepdf.new()
    for _ in range(pages):
        document.add_blank_page(page_size=(595, 842))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def encrypted_pdf(owner: str = "owner", user: str = "user", pages: int = 2) -> bytes:
    """A password-protected PDF (``user=""`` opens without a password but is still encrypted)."""
    with pikepdf.open(io.BytesIO(pdf(pages))) as document:
        buffer = io.BytesIO()
        document.save(buffer, encryption=pikepdf.Encryption(owner=owner, user=user))
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(width: int = 20_000, height: int = 20_000, bit_depth: int = 8) -> bytes:
    """A tiny PNG that declares a ``width`` x ``height`` grey image (a decompression bomb's header)."""
    header = struct.pack(">IIBBBBB", width, height, bit_depth, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (1 + width * bit_depth // 8) * 4)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows) + _chunk(b"IEND", b"")


def desk_photo(
    size: tuple[int, int] = (1000, 750),
    *,
    tilt: float = 25.0,
    turn: float = 6.0,
    distance: float = 520.0,
    seed: int = 0,
) -> tuple[Image.Image, tuple[tuple[float, float], ...]]:
    """An RGB photo of an A4 sheet of text lying on a dark desk, seen by a pinhole camera (square pixels,
    centred, a 60° horizontal field of view) from ``distance`` mm, the sheet tipped away by ``tilt`` degrees
    and turned in its plane by ``turn`` degrees; and the sheet's corners in the photo (top-left,
    top-right, bottom-right, bottom-left)."""
    width, height = size
    rng = np.random.default_rng(seed)
    focal = width / 2 / math.tan(math.radians(30))
    half_w, half_h = A4_MM[0] / 2, A4_MM[1] / 2
    local = np.array([[-half_w, -half_h, 0], [half_w, -half_h, 0], [half_w, half_h, 0], [-half_w, half_h, 0]])
    a, b = math.radians(turn), math.radians(tilt)
    spin = np.array([[math.cos(a), -math.sin(a), 0], [math.sin(a), math.cos(a), 0], [0, 0, 1]])
    tip = np.array([[1, 0, 0], [0, math.cos(b), -math.sin(b)], [0, math.sin(b), math.cos(b)]])
    world = local @ (tip @ spin).T + np.array([10.0, 8.0, distance])
    corners = np.stack(
        [focal * world[:, 0] / world[:, 2] + width / 2, focal * world[:, 1] / world[:, 2] + height / 2], 1
    )

    sheet = document_page(60, mode="RGB", paper=245, seed=seed)
    flat = np.array([[0, 0], [sheet.width, 0], [sheet.width, sheet.height], [0, sheet.height]], np.float32)
    matrix = cv2.getPerspectiveTransform(flat, corners.astype(np.float32))
    seen = cv2.warpPerspective(np.asarray(sheet), matrix, size, flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full(sheet.size[::-1], 255, np.uint8), matrix, size, flags=cv2.INTER_LINEAR)
    photo = _desk(size, rng)
    alpha = (mask.astype(np.float64) / 255)[..., None]
    shade = np.linspace(1.0, 0.85, width)[None, :, None]  # light falls off across the desk
    pixels = (seen * alpha + photo * (1 - alpha)) * shade + rng.normal(0, 3, (height, width, 3))
    image = Image.fromarray(pixels.clip(0, 255).astype(np.uint8), "RGB")
    return image, tuple((float(x), float(y)) for x, y in corners)


def sheetless_photo(size: tuple[int, int] = (1000, 750), seed: int = 0) -> Image.Image:
    """An RGB photo of the dark desk with a pen and a few objects on it, but no sheet."""
    rng = np.random.default_rng(seed)
    image = Image.fromarray(_desk(size, rng).clip(0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.line([(0.2 * width, 0.7 * height), (0.45 * width, 0.55 * height)], fill=(30, 30, 140), width=12)
    draw.ellipse([0.6 * width, 0.2 * height, 0.75 * width, 0.4 * height], fill=(150, 120, 90))
    return image


def _desk(size: tuple[int, int], rng: np.random.Generator) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Dark wood: brown, with a grain along its length."""
    width, height = size
    grain = np.sin(np.linspace(0, 40, height))[:, None] * 6 + rng.normal(0, 5, (height, width))
    base = np.array([70.0, 48.0, 32.0])
    return base[None, None, :] + grain[..., None]

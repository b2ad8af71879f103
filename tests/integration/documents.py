"""Documents for the attachment tests, made in memory: page images, PDFs (plain, encrypted, damaged), and
documents ready to attach."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import img2pdf
import pikepdf
from PIL import Image, ImageDraw

from records.attachments import AttachmentSource, NewAttachment
from records.store.objects import ObjectStore

BIRTH = "Giấy chứng sinh"


def page_image(text: str = "Giấy khai sinh", dpi: int = 100, mode: str = "L") -> Image.Image:
    """A white A4 page at ``dpi`` with a few dark lines of "text" and ``text`` written on it."""
    width, height = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    margin = width // 10
    for line in range(12):
        y = margin + line * (height - 2 * margin) // 14
        draw.rectangle((margin, y, width - margin - (line % 3) * margin, y + max(2, dpi // 30)), fill=20)
    draw.text((margin, margin // 2), text, fill=0)
    return image.convert(mode)


def image_bytes(fmt: str = "JPEG", dpi: int = 100, text: str = "trang") -> bytes:
    """A page image encoded as ``fmt`` (JPEG, PNG, TIFF, BMP) with its dpi recorded."""
    out = io.BytesIO()
    image = page_image(text, dpi)
    if fmt == "TIFF":
        image.save(out, fmt, dpi=(dpi, dpi), compression="tiff_deflate")
    elif fmt == "BMP":
        image.save(out, fmt)
    else:
        image.save(out, fmt, dpi=(dpi, dpi))
    return out.getvalue()


def pdf_bytes(pages: int = 1, text: str = "tài liệu") -> bytes:
    """A PDF of ``pages`` JPEG pages (as another office's scanner would make it)."""
    images = [image_bytes("JPEG", 72, f"{text} {n}") for n in range(pages)]
    return bytes(img2pdf.convert(images))


def encrypted_pdf() -> bytes:
    """A password-protected PDF."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes())) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="chu", user="mat-khau"))
    return out.getvalue()


def scanned(data: bytes | None = None, name: str = BIRTH, **extra: Any) -> NewAttachment:
    """A scanned document to attach: ``data`` (a two-page PDF unless given) named ``name``; ``extra`` goes
    to :class:`NewAttachment` (dpi, colour_mode, checklist_code...)."""
    return NewAttachment(
        name=name, data=pdf_bytes(2) if data is None else data, source=AttachmentSource.SCAN, **extra
    )


def stored_files(store: ObjectStore) -> list[Path]:
    """Every file under the object store's objects, pending and tmp folders (what a crash could leave)."""
    found: list[Path] = []
    for part in ("objects", "pending", "tmp"):
        folder = store.root / part
        if folder.is_dir():
            found += sorted(p for p in folder.rglob("*") if p.is_file())
    return found

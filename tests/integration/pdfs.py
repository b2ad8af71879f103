"""Reading printed PDFs back as a person or a scanner would: the text, the fonts, the page as pixels, and
the QR codes and barcodes on it."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pypdfium2 as pdfium
import zxingcpp


def page_texts(pdf: bytes) -> list[str]:
    """The extracted text of each page, NFC, with every run of whitespace made one space (a line break
    inside a long field is a space to a reader)."""
    document = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            raw = textpage.get_text_range()
            textpage.close()
            page.close()
            texts.append(re.sub(r"\s+", " ", unicodedata.normalize("NFC", raw)).strip())
        return texts
    finally:
        document.close()


def all_text(pdf: bytes) -> str:
    """The text of every page, joined."""
    return " ".join(page_texts(pdf))


def page_count(pdf: bytes) -> int:
    """How many pages."""
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def rasterise(pdf: bytes, dpi: float, index: int = 0) -> Any:
    """One page as a greyscale PIL image at ``dpi``."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        page.close()
        return image
    finally:
        document.close()


def decode(image: Any) -> dict[str, str]:
    """The symbols zxing-cpp finds on an image: format name → text (QRCode, Code128)."""
    return {result.format.name: result.text for result in zxingcpp.read_barcodes(image)}


def base_fonts(pdf: bytes) -> set[str]:
    """The names of the fonts the PDF references."""
    return {name.decode() for name in re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_.-]+)", pdf)}

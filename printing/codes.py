"""Machine-readable marks: the receipt's QR code and the Code 128 barcode of the file code.

Sizes are chosen for the worst scan the counters meet: the QR must decode from a page rasterised at 72 dpi,
the barcode from a 150 dpi print (its narrowest bar is two dots at 150 dpi).
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M

from printing.layout import Barcode, QrSymbol
from printing.render import barcode_width

# Two printer dots at 150 dpi: the narrowest bar a 150 dpi print still renders as a bar.
BARCODE_MODULE_MM = 2 * 25.4 / 150


def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR module matrix of ``text`` (error correction M, the smallest version that fits; numeric,
    alphanumeric and byte segments chosen per run so a receipt code stays small)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(text, optimize=8)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def qr_symbol(text: str, x: float, y: float, size: float) -> QrSymbol:
    """A QR symbol of side ``size`` mm at (``x``, ``y``); the caller leaves the quiet zone around it."""
    return QrSymbol(x, y, size, qr_modules(text))


def barcode(value: str, x: float, y: float, height: float, *, rotated: bool = False) -> Barcode:
    """A Code 128 barcode of ``value`` with its quiet zones, ``height`` mm tall."""
    module = BARCODE_MODULE_MM
    return Barcode(x, y, value, module, height, barcode_width(value, module), rotated)


def barcode_length(value: str) -> float:
    """How much room (mm, quiet zones included) the barcode of ``value`` takes along its bars."""
    return barcode_width(value, BARCODE_MODULE_MM)

"""A scanner that needs no hardware, for tests, demos and screenshots.

:class:`FakeScannerBackend` holds :class:`FakeDevice` objects: by default a flatbed-only scanner and one
with a document feeder (duplex) holding a stack of sheets. Each page it "scans" is synthesised cheaply: a
white A4 page at the requested resolution (210 × 297 mm: 827 × 1169 pixels at 100 dpi) in the requested
colour mode (RGB, L or 1), with dark "text" lines, the sheet's number printed at the bottom and a
machine-readable mark in the top margin (:func:`read_fake_mark`) so tests can check the order of the
sheets. The feeder can jam after a given sheet, the device can be busy or have its cover open, and each
page can take a while (``page_delay``) so the UI's progress and cancel can be seen and tested.

Set ``MOTCUA_FAKE_SCANNER`` to add it to :func:`records.capture.scanners.platform_backends`.

Pure Python: nothing here imports Qt.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from records.capture.scanners import (
    MM_PER_INCH,
    BackendProblem,
    CancelFlag,
    PageCancelled,
    PaperSource,
    ScanColour,
    ScannerDevice,
    ScannerError,
    ScannerReason,
    ScanSession,
    ScanSettings,
    SessionBackend,
    a4_pixels,
    closest_resolution,
)

FAKE_BACKEND = "fake"
FAKE_RESOLUTIONS = (100, 150, 200, 300, 600)
MARK_BITS = 12  # bits 0-10: the sheet's number in the stack (1-2047); bit 11: the back side
_BACK_BIT = 1 << (MARK_BITS - 1)
_INK: dict[ScanColour, int | tuple[int, int, int]] = {
    ScanColour.COLOUR: (30, 30, 70),
    ScanColour.GRAY: 40,
    ScanColour.BW: 0,
}
_PAPER: dict[ScanColour, int | tuple[int, int, int]] = {
    ScanColour.COLOUR: (255, 255, 255),
    ScanColour.GRAY: 255,
    ScanColour.BW: 1,
}


@dataclass
class FakeDevice:
    """A fake scanner and the paper in it. Mutable, so a test (or a demo) can load paper, jam the feeder,
    open the cover or make the device busy between scans.

    ``sheets`` are in the feeder, ``next_sheet`` is the number of the top one (1 after :meth:`load`);
    ``jam_after`` jams the feeder when it would take the sheet after that one (the jam then clears and
    the jammed sheet stays on top); ``opened``/``closed`` count the sessions, ``is_open`` tells whether one
    is still open.
    """

    id: str
    name: str
    sources: tuple[PaperSource, ...] = (PaperSource.FLATBED,)
    resolutions: tuple[int, ...] = FAKE_RESOLUTIONS
    sheets: int = 0
    next_sheet: int = 1
    jam_after: int | None = None
    busy: bool = False
    cover_open: bool = False
    opened: int = field(default=0, compare=False)
    closed: int = field(default=0, compare=False)

    @property
    def is_open(self) -> bool:
        """Whether a scan session on this device has not been closed."""
        return self.opened > self.closed

    def load(self, sheets: int) -> None:
        """Put a fresh stack of ``sheets`` sheets in the feeder (numbered from 1)."""
        self.sheets = sheets
        self.next_sheet = 1

    def describe(self) -> ScannerDevice:
        """This device as the device list shows it."""
        return ScannerDevice(self.id, self.name, FAKE_BACKEND, self.sources, self.resolutions)


def default_devices(sheets: int = 10, jam_after: int | None = None) -> list[FakeDevice]:
    """A flatbed-only scanner (``fake:flatbed``) and a flatbed with a duplex feeder (``fake:feeder``)
    holding ``sheets`` sheets."""
    feeder = FakeDevice(
        "fake:feeder",
        "Fake scanner with document feeder",
        (PaperSource.FLATBED, PaperSource.FEEDER, PaperSource.FEEDER_DUPLEX),
        jam_after=jam_after,
    )
    feeder.load(sheets)
    return [FakeDevice("fake:flatbed", "Fake flatbed scanner"), feeder]


class FakeScannerBackend(SessionBackend):
    """The fake scanners. ``devices=[]`` is the "no scanner found" case; ``problem`` makes the backend
    itself unusable (as when python-sane is missing); ``page_delay`` (seconds) slows every page down, and a
    cancel during that time drops the page as a real device's interrupted transfer would."""

    name = FAKE_BACKEND

    def __init__(
        self,
        devices: list[FakeDevice] | None = None,
        *,
        page_delay: float = 0.0,
        problem: BackendProblem | None = None,
    ) -> None:
        self.fake_devices = default_devices() if devices is None else devices
        self.page_delay = page_delay
        self.problem = problem

    def check(self) -> BackendProblem | None:
        """The ``problem`` this fake was given, if any."""
        return self.problem

    def devices(self) -> list[ScannerDevice]:
        """The fake devices."""
        if self.problem is not None:
            raise self.problem.as_error()
        return [device.describe() for device in self.fake_devices]

    def device(self, device_id: str) -> FakeDevice:
        """The fake device ``device_id``; :class:`ScannerError` ``no_device`` when there is none."""
        for device in self.fake_devices:
            if device.id == device_id:
                return device
        raise ScannerError(f"no scanner {device_id!r}", reason=ScannerReason.NO_DEVICE, device=device_id)

    def open(self, device_id: str, settings: ScanSettings) -> ScanSession:
        """A session on the fake device, as a real backend's would be."""
        if self.problem is not None:
            raise self.problem.as_error()
        device = self.device(device_id)
        if device.busy:
            raise ScannerError("the scanner is busy", reason=ScannerReason.DEVICE_BUSY, device=device_id)
        if settings.source not in device.sources:
            raise ScannerError(
                f"the scanner has no {settings.source.value} source",
                reason=ScannerReason.UNSUPPORTED,
                device=device_id,
                source=settings.source.value,
            )
        return _FakeSession(device, settings, self.page_delay)


class _FakeSession:
    def __init__(self, device: FakeDevice, settings: ScanSettings, page_delay: float) -> None:
        self._device = device
        self._settings = settings
        self._delay = page_delay
        self._back_pending: int | None = None
        self.dpi = float(closest_resolution(settings.dpi, device.resolutions))
        device.opened += 1

    def acquire(self, cancel: CancelFlag | None) -> Image.Image | None:
        device, source = self._device, self._settings.source
        if device.cover_open:
            raise ScannerError("the scanner's cover is open", reason=ScannerReason.COVER_OPEN)
        if source is PaperSource.FLATBED:
            self._wait(cancel)
            return fake_page_image(1, False, self.dpi, self._settings.colour)
        if self._back_pending is not None:
            sheet, self._back_pending = self._back_pending, None
            self._wait(cancel)
            return fake_page_image(sheet, True, self.dpi, self._settings.colour)
        if device.jam_after is not None and device.next_sheet == device.jam_after + 1 and device.sheets:
            device.jam_after = None
            raise ScannerError("paper jam in the document feeder", reason=ScannerReason.PAPER_JAM)
        if device.sheets == 0:
            return None
        self._wait(cancel)  # a cancel while the sheet is fed leaves it in the feeder
        sheet = device.next_sheet
        device.sheets -= 1
        device.next_sheet += 1
        if source is PaperSource.FEEDER_DUPLEX:
            self._back_pending = sheet
        return fake_page_image(sheet, False, self.dpi, self._settings.colour)

    def close(self) -> None:
        self._device.closed += 1

    def _wait(self, cancel: CancelFlag | None) -> None:
        deadline = time.monotonic() + self._delay
        while (left := deadline - time.monotonic()) > 0:
            if cancel is not None and cancel.is_set():
                raise PageCancelled
            time.sleep(min(0.01, left))


def fake_page_image(sheet: int, back: bool, dpi: float, colour: ScanColour) -> Image.Image:
    """A synthetic A4 page: ``sheet``'s number (and whether it is the back side) in the top-margin mark and
    printed at the bottom, a few lines of "text", in ``colour``'s mode at ``dpi``."""
    width, height = a4_pixels(dpi)
    ink, paper = _INK[colour], _PAPER[colour]
    image = Image.new(colour.image_mode, (width, height), paper)
    draw = ImageDraw.Draw(image)

    def mm(value: float) -> int:
        return round(value / MM_PER_INCH * dpi)

    value = sheet | (_BACK_BIT if back else 0)
    for bit in range(MARK_BITS):
        left, top = mm(20 + bit * 6), mm(8)
        box = (left, top, left + mm(4), top + mm(4))
        if value >> bit & 1:
            draw.rectangle(box, fill=ink)
        else:
            draw.rectangle(box, outline=ink, width=1)
    line_height = mm(8)
    for row, top in enumerate(range(mm(30), height - mm(40), line_height)):
        length = 0.45 + 0.5 * (((row + 1) * 7919 * (sheet + 3)) % 97) / 97
        draw.rectangle((mm(20), top, mm(20) + round((width - mm(40)) * length), top + mm(2.5)), fill=ink)
    label = f"{sheet}{'b' if back else ''}"
    draw.text((width // 2, height - mm(20)), label, fill=ink, font=_font(mm(10)), anchor="mm")
    image.info["dpi"] = (float(dpi), float(dpi))
    return image


def read_fake_mark(image: Image.Image) -> tuple[int, bool]:
    """The sheet number and back-side flag :func:`fake_page_image` put in the page's top margin (the dpi is
    taken from ``info["dpi"]``, else from the page's width as an A4)."""
    dpi = float(image.info.get("dpi", (0.0, 0.0))[0]) or image.width / (210 / MM_PER_INCH)
    gray = image.convert("L")
    value = 0
    for bit in range(MARK_BITS):
        centre = (round((22 + bit * 6) / MM_PER_INCH * dpi), round(10 / MM_PER_INCH * dpi))
        pixel = gray.getpixel(centre)
        assert isinstance(pixel, int)
        if pixel < 128:
            value |= 1 << bit
    return value & (_BACK_BIT - 1), bool(value & _BACK_BIT)


def fake_from_env(value: str) -> FakeScannerBackend | None:
    """The fake backend ``MOTCUA_FAKE_SCANNER`` asks for: none when empty or ``0``; defaults for ``1``;
    or comma-separated settings ``sheets=N`` (in the feeder, default 10), ``jam=K`` (jam after sheet K),
    ``delay=S`` (seconds per page). Parts that do not parse are ignored: it is a demo switch."""
    value = value.strip()
    if value.lower() in ("", "0", "no", "false", "off"):
        return None
    sheets, jam, delay = 10, None, 0.0
    for part in value.split(","):
        key, _, raw = part.partition("=")
        try:
            match key.strip().lower():
                case "sheets":
                    sheets = max(0, int(raw))
                case "jam":
                    jam = max(0, int(raw))
                case "delay":
                    delay = max(0.0, float(raw))
        except ValueError:
            continue
    return FakeScannerBackend(default_devices(sheets, jam), page_delay=delay)


@functools.lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=max(size, 8))

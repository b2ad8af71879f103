"""Document scanners behind one interface: the device list, scan settings, and the feeder loop.

A *backend* reaches the scanners of one platform API: SANE on Linux (``records.capture.sane_scanner``,
through python-sane), WIA 2.0 on Windows (``records.capture.wia_scanner``, through COM), and a fake one for
tests and demos (``records.capture.fake_scanner``). Each backend opens a :class:`ScanSession` for a device
and settings; the **feeder loop** here (:func:`run_feeder_loop`) is the same for all of them: it takes
pages one by one until the feeder is empty, the caller cancels, ``max_pages`` is reached or the device
reports an error, and it always closes the device.

Everything is synchronous and blocking: the UI calls it from a worker thread, passes a cancel flag (a
``threading.Event`` or anything with ``is_set()``) and a progress callback, and receives each page as soon
as it is scanned. Cancel is checked between pages (and, where the platform allows, during a page's
transfer); a cancelled scan keeps the pages already scanned. A device error in the middle of a batch (a
paper jam after 3 sheets) is raised only after those pages have been handed out, so "3 pages scanned, then
the paper jammed" keeps the 3 pages: :func:`scan_batch` collects them into a :class:`ScanResult`.

The optional native modules (``sane``, ``win32com``/``pythoncom``, ``comtypes``) are imported lazily inside
the backends: importing this package works everywhere, and :func:`list_devices` reports a backend whose
module is missing as a :class:`BackendProblem` instead of failing.

Pure Python: nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

from PIL import Image

from records.errors import DomainError, InvalidInput

A4_MM = (210.0, 297.0)
MM_PER_INCH = 25.4
STANDARD_RESOLUTIONS = (75, 100, 150, 200, 240, 300, 400, 600, 1200)
FAKE_SCANNER_ENV = "MOTCUA_FAKE_SCANNER"
# A feeder batch without max_pages stops here: a driver whose "feeder" never reports that it is empty (a
# source that is really the glass) would otherwise rescan the same page until memory runs out.
FEEDER_PAGE_LIMIT = 250


class PaperSource(StrEnum):
    """Where the paper is: on the glass, or in the document feeder (ADF), one side or both."""

    FLATBED = "flatbed"
    FEEDER = "feeder"
    FEEDER_DUPLEX = "duplex"

    @property
    def is_feeder(self) -> bool:
        """Whether this source takes sheets from the document feeder."""
        return self is not PaperSource.FLATBED


class ScanColour(StrEnum):
    """The colour mode of the scanned pages: RGB, 8-bit gray (``L``) or black and white (``1``).

    The values are those of ``records.digitize.pages.ColourMode``: ``ColourMode(colour.value)`` converts.
    """

    COLOUR = "colour"
    GRAY = "gray"
    BW = "bw"

    @property
    def image_mode(self) -> str:
        """The Pillow image mode of pages scanned in this colour mode."""
        return {ScanColour.COLOUR: "RGB", ScanColour.GRAY: "L", ScanColour.BW: "1"}[self]


class ScannerReason(StrEnum):
    """Why a scan (or a backend) failed: the ``reason`` param of :class:`ScannerError`."""

    NO_DEVICE = "no_device"  # not found, unplugged, switched off, offline
    DEVICE_BUSY = "device_busy"  # used by another program, warming up: try again
    PAPER_JAM = "paper_jam"  # the feeder jammed (or fed two sheets at once)
    COVER_OPEN = "cover_open"
    NO_PAPER = "no_paper"  # the feeder was chosen but is empty at the start
    IO_ERROR = "io_error"  # any other device or driver failure
    UNSUPPORTED = "unsupported"  # the device cannot do what was asked (no feeder, no duplex), wrong platform
    BACKEND_MISSING = "backend_missing"  # the optional module (python-sane, pywin32) is not installed


class StopReason(StrEnum):
    """Why a scan ended."""

    COMPLETE = "complete"  # the flatbed's one page was taken
    EMPTY = "empty"  # the feeder ran out of paper: the normal end of a feeder batch
    CANCELLED = "cancelled"  # the caller's cancel flag (or the device's own cancel button)
    MAX_PAGES = "max_pages"  # ``ScanSettings.max_pages`` pages were taken
    ERROR = "error"  # a :class:`ScannerError`; the pages before it are kept


class ScannerError(DomainError):
    """A scanner refused or failed. ``reason`` (a :class:`ScannerReason` value) says why; ``device`` names
    the device when known; ``detail`` carries the backend's own text (a SANE status, a WIA HRESULT); when
    the error ends a scan, ``pages_scanned`` says how many pages were handed out before it."""

    code = "scanner_error"

    @property
    def reason(self) -> ScannerReason:
        """Why the scanner failed."""
        return ScannerReason(self.params.get("reason", ScannerReason.IO_ERROR))


class PageCancelled(Exception):
    """Raised by :meth:`ScanSession.acquire` when a page's transfer was interrupted by a cancel: the partial
    page is dropped and the feeder loop ends as cancelled. Never leaves this package."""


class CancelFlag(Protocol):
    """What the scan functions need of a cancel flag: ``threading.Event`` fits."""

    def is_set(self) -> bool: ...


ProgressCallback = Callable[[int], None]
"""Called after each page with the number of pages scanned so far (1, 2, …), on the scanning thread."""


@dataclass(frozen=True)
class ScannerDevice:
    """A scanner a backend found. ``id`` is the backend's own device name (SANE ``"genesys:libusb:001:004"``,
    a WIA device id); ``sources`` and ``resolutions`` are empty when the device could not be asked (busy):
    scanning it then reports what it cannot do."""

    id: str
    name: str
    backend: str
    sources: tuple[PaperSource, ...]
    resolutions: tuple[int, ...]

    @property
    def has_feeder(self) -> bool:
        """Whether the device offers its document feeder."""
        return PaperSource.FEEDER in self.sources


@dataclass(frozen=True)
class ScanSettings:
    """What to scan. ``dpi`` is rounded to the nearest resolution the device offers (the page says which
    it got); ``max_pages`` stops a feeder batch early (``None``: until the feeder is empty, or at the
    latest after :data:`FEEDER_PAGE_LIMIT` pages)."""

    source: PaperSource = PaperSource.FLATBED
    dpi: int = 200
    colour: ScanColour = ScanColour.GRAY
    max_pages: int | None = None

    def __post_init__(self) -> None:
        if not 50 <= self.dpi <= 2400:
            raise InvalidInput(f"scan resolution out of range (50 to 2400 dpi): {self.dpi}", value=self.dpi)
        if self.max_pages is not None and self.max_pages < 1:
            raise InvalidInput(f"max_pages must be at least 1: {self.max_pages}", value=self.max_pages)


@dataclass(frozen=True)
class ScannedPage:
    """One scanned page (one side of a sheet). ``image`` is RGB, L or 1 as the colour mode asked and carries
    ``info["dpi"]``; ``dpi`` is the resolution the device really used; ``index`` counts from 1 in the batch;
    ``device`` is the device's id."""

    image: Image.Image
    dpi: float
    index: int
    device: str

    @property
    def source_label(self) -> str:
        """The page's origin as ``records.digitize`` names it: ``"scan:<device>"``."""
        return f"scan:{self.device}"


@dataclass(frozen=True)
class ScanResult:
    """A finished batch: the pages in scan order, why it stopped, and the error when ``stopped`` is
    :attr:`StopReason.ERROR` (the pages scanned before the error are in ``pages``)."""

    pages: tuple[ScannedPage, ...]
    stopped: StopReason
    error: ScannerError | None = None


@dataclass(frozen=True)
class BackendProblem:
    """Why a backend cannot list or scan on this computer: ``reason`` is ``backend_missing`` (install the
    optional module), ``unsupported`` (another platform's API) or ``io_error`` (the platform API failed);
    ``message`` is English, for the log."""

    backend: str
    reason: ScannerReason
    message: str

    def as_error(self) -> ScannerError:
        """The same problem as a :class:`ScannerError`."""
        return ScannerError(self.message, reason=self.reason, backend=self.backend)


@dataclass(frozen=True)
class DeviceList:
    """The scanners found by every backend, and the backends that could not be asked (with why)."""

    devices: tuple[ScannerDevice, ...]
    problems: tuple[BackendProblem, ...]


class ScanSession(Protocol):
    """An open device set up for one batch (source, resolution and colour mode applied).

    ``dpi`` is the resolution the device took. :meth:`acquire` scans one page: it returns ``None`` when the
    feeder has no more paper, raises :class:`PageCancelled` when ``cancel`` interrupted the page, and raises
    :class:`ScannerError` (translated from the platform's error) for anything else. :meth:`close` releases
    the device and never raises a device error.
    """

    dpi: float

    def acquire(self, cancel: CancelFlag | None) -> Image.Image | None: ...

    def close(self) -> None: ...


@runtime_checkable
class ScannerBackend(Protocol):
    """One platform's scanners. ``check`` and ``devices`` may block (network scanners): call them from a
    worker thread. ``scan`` is a generator: nothing happens until the first ``next()``; closing the
    generator (or exhausting it) closes the device; its return value (``StopIteration.value``) is the
    :class:`StopReason`."""

    name: str

    def check(self) -> BackendProblem | None:
        """Why this backend cannot be used here, or ``None`` when it can."""
        ...

    def devices(self) -> list[ScannerDevice]:
        """The scanners this backend reaches now; :class:`ScannerError` when it cannot ask."""
        ...

    def scan(
        self,
        device_id: str,
        settings: ScanSettings,
        cancel: CancelFlag | None = None,
        progress: ProgressCallback | None = None,
    ) -> Generator[ScannedPage, None, StopReason]:
        """Scan with ``settings``, yielding each page as it is scanned (see :func:`run_feeder_loop`)."""
        ...


class SessionBackend:
    """Base of the backends: ``scan`` is the shared feeder loop over the session :meth:`open` returns."""

    name = "base"

    def open(self, device_id: str, settings: ScanSettings) -> ScanSession:
        """Open ``device_id`` and apply ``settings``; :class:`ScannerError` when it cannot."""
        raise NotImplementedError

    def scan(
        self,
        device_id: str,
        settings: ScanSettings,
        cancel: CancelFlag | None = None,
        progress: ProgressCallback | None = None,
    ) -> Generator[ScannedPage, None, StopReason]:
        """Scan with ``settings``, yielding each page as it is scanned (see :func:`run_feeder_loop`)."""
        return run_feeder_loop(lambda: self.open(device_id, settings), device_id, settings, cancel, progress)


def run_feeder_loop(
    open_session: Callable[[], ScanSession],
    device_id: str,
    settings: ScanSettings,
    cancel: CancelFlag | None = None,
    progress: ProgressCallback | None = None,
) -> Generator[ScannedPage, None, StopReason]:
    """The scan loop every backend shares: open the device, take pages until the feeder is empty, close it.

    Yields each page as soon as it is scanned and returns the :class:`StopReason`:

    - flatbed: one page, then ``COMPLETE``;
    - feeder: page after page until the feeder is empty (``EMPTY``, the normal end), ``max_pages`` pages
      (``MAX_PAGES``; without ``max_pages``, :data:`FEEDER_PAGE_LIMIT` pages) or the cancel flag is set
      (``CANCELLED``, checked before each page; a page interrupted by the cancel is dropped, a page
      already transferred is kept);
    - an empty feeder at the start raises :class:`ScannerError` ``no_paper``; any device error raises
      :class:`ScannerError` with ``pages_scanned`` = the pages already yielded (they stay the caller's).

    A cancel flag already set before the start returns ``CANCELLED`` without opening the device. The
    device is closed however the loop ends, the caller's ``close()`` of the generator included.
    """
    if _cancelled(cancel):
        return StopReason.CANCELLED
    limit = FEEDER_PAGE_LIMIT if settings.max_pages is None else settings.max_pages
    session = open_session()
    try:
        taken = 0
        while True:
            if taken >= limit:
                return StopReason.MAX_PAGES
            if _cancelled(cancel):
                return StopReason.CANCELLED
            try:
                image = session.acquire(cancel)
            except PageCancelled:
                return StopReason.CANCELLED
            except ScannerError as error:
                error.params["pages_scanned"] = taken
                error.params.setdefault("device", device_id)
                raise
            if image is None:
                if taken == 0:
                    raise ScannerError(
                        "the document feeder is empty: put the papers in the feeder",
                        reason=ScannerReason.NO_PAPER,
                        device=device_id,
                        pages_scanned=0,
                    )
                return StopReason.EMPTY
            taken += 1
            page = ScannedPage(conform(image, settings.colour, session.dpi), session.dpi, taken, device_id)
            if progress is not None:
                progress(taken)
            yield page
            if not settings.source.is_feeder:
                return StopReason.COMPLETE
    finally:
        session.close()


def scan_batch(
    backend: ScannerBackend,
    device_id: str,
    settings: ScanSettings,
    cancel: CancelFlag | None = None,
    progress: ProgressCallback | None = None,
) -> ScanResult:
    """Run a whole scan and collect its pages. A :class:`ScannerError` does not escape: it ends the batch
    with ``stopped=ERROR`` and the pages scanned before it (a jam after 3 sheets keeps 3 pages); an error
    before the first page (busy, no paper) gives no pages. Anything else is a bug and propagates."""
    pages: list[ScannedPage] = []
    scan = backend.scan(device_id, settings, cancel, progress)
    try:
        while True:
            try:
                pages.append(next(scan))
            except StopIteration as finished:
                stopped: StopReason = finished.value
                return ScanResult(tuple(pages), stopped)
    except ScannerError as error:
        return ScanResult(tuple(pages), StopReason.ERROR, error)
    finally:
        scan.close()


def list_devices(backends: Sequence[ScannerBackend] | None = None) -> DeviceList:
    """Every scanner the backends (by default :func:`platform_backends`) find, in backend order. A backend
    that cannot be used here (its module missing, another platform) or fails to list is reported in
    ``problems`` and the others still answer. May block: call it from a worker thread."""
    devices: list[ScannerDevice] = []
    problems: list[BackendProblem] = []
    for backend in platform_backends() if backends is None else backends:
        problem = backend.check()
        if problem is not None:
            problems.append(problem)
            continue
        try:
            devices.extend(backend.devices())
        except ScannerError as error:
            problems.append(BackendProblem(backend.name, error.reason, error.message))
    return DeviceList(tuple(devices), tuple(problems))


def backend_for(device: ScannerDevice, backends: Sequence[ScannerBackend]) -> ScannerBackend:
    """The backend that found ``device``; :class:`ScannerError` ``no_device`` when none of them did."""
    for backend in backends:
        if backend.name == device.backend:
            return backend
    raise ScannerError(
        f"no scanner backend {device.backend!r} for {device.name}",
        reason=ScannerReason.NO_DEVICE,
        device=device.id,
        backend=device.backend,
    )


def platform_backends(
    platform: str | None = None, environ: Mapping[str, str] | None = None
) -> list[ScannerBackend]:
    """The backends for this computer: WIA on Windows, SANE elsewhere (Linux); plus the fake scanner when
    ``MOTCUA_FAKE_SCANNER`` is set (``1``, or settings such as ``sheets=12,jam=3,delay=0.5``: see
    :func:`records.capture.fake_scanner.fake_from_env`) for demos, screenshots and UI tests.

    Build them once (the composition root) and keep them: the fake's feeder keeps its state.
    """
    # Imported here: the backend modules import this one.
    from records.capture.fake_scanner import fake_from_env
    from records.capture.sane_scanner import SaneBackend
    from records.capture.wia_scanner import WiaBackend

    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    backends: list[ScannerBackend] = (
        [WiaBackend(platform=platform)] if platform == "win32" else [SaneBackend(platform=platform)]
    )
    fake = fake_from_env(environ.get(FAKE_SCANNER_ENV, ""))
    if fake is not None:
        backends.append(fake)
    return backends


def conform(image: Image.Image, colour: ScanColour, dpi: float) -> Image.Image:
    """``image`` in the colour mode's Pillow mode (RGB, L, or 1 thresholded at mid-gray without dithering,
    as a scanner's line-art is), loaded, with ``info["dpi"]`` set to ``dpi``."""
    wanted = colour.image_mode
    if image.mode != wanted:
        if wanted == "1":
            image = image.convert("L").convert("1", dither=Image.Dither.NONE)
        else:
            if image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            image = image.convert(wanted)
    image.load()
    image.info["dpi"] = (float(dpi), float(dpi))
    return image


def closest_resolution(wanted: int, offered: Sequence[int]) -> int:
    """The offered resolution nearest to ``wanted`` (a tie goes to the finer one); ``wanted`` when the
    device does not say what it offers."""
    if not offered:
        return wanted
    return min(offered, key=lambda dpi: (abs(dpi - wanted), -dpi))


def resolutions_in_range(low: float, high: float, step: float = 0) -> tuple[int, ...]:
    """The usual resolutions a device whose resolution option is a range (``low``..``high`` by ``step``;
    0 = any value) can take; ``low`` and ``high`` themselves when none of the usual ones fits."""
    found = [
        dpi
        for dpi in STANDARD_RESOLUTIONS
        if low <= dpi <= high and (step <= 0 or abs(((dpi - low) / step) - round((dpi - low) / step)) < 1e-6)
    ]
    return tuple(found) if found else tuple(sorted({round(low), round(high)}))


def a4_pixels(dpi: float) -> tuple[int, int]:
    """The pixel size of a portrait A4 page (210 × 297 mm) at ``dpi``."""
    return round(A4_MM[0] / MM_PER_INCH * dpi), round(A4_MM[1] / MM_PER_INCH * dpi)


def _cancelled(cancel: CancelFlag | None) -> bool:
    return cancel is not None and cancel.is_set()


class CancelWatch:
    """While a blocking transfer runs, call ``on_cancel`` (from a helper thread) as soon as ``cancel`` is set.

    For platform calls that can be interrupted from another thread (SANE's ``sane_cancel`` is documented as
    safe to call asynchronously). Use as a context manager around the blocking call; ``fired`` tells
    whether ``on_cancel`` was called.
    """

    def __init__(
        self, cancel: CancelFlag | None, on_cancel: Callable[[], Any], interval: float = 0.05
    ) -> None:
        self._cancel = cancel
        self._on_cancel = on_cancel
        self._interval = interval
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self.fired = False

    def __enter__(self) -> CancelWatch:
        if self._cancel is not None:
            self._thread = threading.Thread(target=self._watch, name="scan-cancel-watch", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()

    def _watch(self) -> None:
        cancel = self._cancel
        assert cancel is not None
        while not self._done.wait(self._interval):
            if cancel.is_set():
                self.fired = True
                # The transfer may have finished meanwhile: the feeder loop decides what the cancel means.
                with contextlib.suppress(Exception):
                    self._on_cancel()
                return

"""records.capture.scanners: the scanner interface, the feeder loop every backend shares, the device list,
the platform's backends, and the fake scanner the UI's tests and demos use."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from PIL import Image

from records.capture.fake_scanner import (
    FakeDevice,
    FakeScannerBackend,
    default_devices,
    fake_from_env,
    fake_page_image,
    read_fake_mark,
)
from records.capture.sane_scanner import SaneBackend
from records.capture.scanners import (
    BackendProblem,
    PaperSource,
    ScanColour,
    ScannerDevice,
    ScannerError,
    ScannerReason,
    ScanSettings,
    StopReason,
    a4_pixels,
    backend_for,
    closest_resolution,
    conform,
    list_devices,
    platform_backends,
    resolutions_in_range,
    scan_batch,
)
from records.capture.wia_scanner import WiaBackend
from records.errors import DomainError, InvalidInput

FEEDER = ScanSettings(PaperSource.FEEDER, dpi=100)


def feeder_backend(sheets: int, jam_after: int | None = None, page_delay: float = 0.0) -> FakeScannerBackend:
    return FakeScannerBackend(default_devices(sheets, jam_after), page_delay=page_delay)


def feeder_of(backend: FakeScannerBackend) -> FakeDevice:
    return backend.device("fake:feeder")


def sheets_of(result_pages: tuple[object, ...] | list[object]) -> list[tuple[int, bool]]:
    return [read_fake_mark(page.image) for page in result_pages]  # type: ignore[attr-defined]


# --- the feeder loop ------------------------------------------------------------------------------------


def test_feeder_batch_takes_every_sheet_in_order_and_stops_when_the_feeder_is_empty() -> None:
    backend = feeder_backend(5)
    progress: list[int] = []
    result = scan_batch(backend, "fake:feeder", FEEDER, progress=progress.append)
    assert result.stopped is StopReason.EMPTY
    assert result.error is None
    assert sheets_of(result.pages) == [(n, False) for n in range(1, 6)]
    assert [page.index for page in result.pages] == [1, 2, 3, 4, 5]
    assert {page.device for page in result.pages} == {"fake:feeder"}
    assert progress == [1, 2, 3, 4, 5]
    device = feeder_of(backend)
    assert device.sheets == 0
    assert (device.opened, device.closed) == (1, 1)


def test_pages_are_handed_out_as_they_are_scanned() -> None:
    """The UI shows each page while the next one is fed: the generator does not scan ahead."""
    backend = feeder_backend(4)
    scan = backend.scan("fake:feeder", FEEDER)
    first = next(scan)
    assert read_fake_mark(first.image) == (1, False)
    assert feeder_of(backend).sheets == 3
    assert feeder_of(backend).is_open
    scan.close()  # the clerk closed the dialog: the device is released, the rest stays in the feeder
    assert not feeder_of(backend).is_open
    assert feeder_of(backend).sheets == 3


def test_cancel_after_page_two_keeps_two_pages_and_closes_the_device() -> None:
    backend = feeder_backend(6)
    cancel = threading.Event()

    def progress(pages: int) -> None:
        if pages == 2:
            cancel.set()

    result = scan_batch(backend, "fake:feeder", FEEDER, cancel=cancel, progress=progress)
    assert result.stopped is StopReason.CANCELLED
    assert result.error is None
    assert sheets_of(result.pages) == [(1, False), (2, False)]
    device = feeder_of(backend)
    assert not device.is_open and device.closed == 1
    assert device.sheets == 4  # sheets 3-6 were never fed


def test_cancel_during_a_slow_page_stops_promptly() -> None:
    backend = feeder_backend(3, page_delay=30.0)
    cancel = threading.Event()
    timer = threading.Timer(0.1, cancel.set)
    started = time.monotonic()
    timer.start()
    try:
        result = scan_batch(backend, "fake:feeder", FEEDER, cancel=cancel)
    finally:
        timer.cancel()
    assert time.monotonic() - started < 3
    assert result.stopped is StopReason.CANCELLED
    assert result.pages == ()
    assert not feeder_of(backend).is_open
    assert feeder_of(backend).sheets == 3  # the interrupted sheet is not counted as scanned


def test_a_cancel_set_before_the_start_opens_nothing() -> None:
    backend = feeder_backend(3)
    cancel = threading.Event()
    cancel.set()
    result = scan_batch(backend, "fake:feeder", FEEDER, cancel=cancel)
    assert (result.stopped, result.pages) == (StopReason.CANCELLED, ())
    assert feeder_of(backend).opened == 0


def test_a_jam_after_three_sheets_keeps_the_three_pages_and_reports_the_jam() -> None:
    backend = feeder_backend(6, jam_after=3)
    result = scan_batch(backend, "fake:feeder", FEEDER)
    assert result.stopped is StopReason.ERROR
    assert sheets_of(result.pages) == [(1, False), (2, False), (3, False)]
    assert isinstance(result.error, ScannerError)
    assert result.error.reason is ScannerReason.PAPER_JAM
    assert result.error.params["pages_scanned"] == 3  # "3 pages scanned, then the paper jammed"
    assert result.error.params["device"] == "fake:feeder"
    assert not feeder_of(backend).is_open


def test_the_generator_yields_the_pages_before_raising_the_jam() -> None:
    backend = feeder_backend(6, jam_after=3)
    kept = []
    with pytest.raises(ScannerError) as raised:
        for page in backend.scan("fake:feeder", FEEDER):
            kept.append(page)
    assert raised.value.reason is ScannerReason.PAPER_JAM
    assert [page.index for page in kept] == [1, 2, 3]
    assert not feeder_of(backend).is_open


def test_after_the_jam_is_cleared_the_next_batch_starts_with_the_jammed_sheet() -> None:
    backend = feeder_backend(6, jam_after=3)
    scan_batch(backend, "fake:feeder", FEEDER)
    result = scan_batch(backend, "fake:feeder", FEEDER)
    assert result.stopped is StopReason.EMPTY
    assert sheets_of(result.pages) == [(4, False), (5, False), (6, False)]
    assert [page.index for page in result.pages] == [1, 2, 3]  # numbered within their own batch


def test_an_empty_feeder_at_the_start_is_no_paper() -> None:
    backend = feeder_backend(0)
    result = scan_batch(backend, "fake:feeder", FEEDER)
    assert result.stopped is StopReason.ERROR
    assert result.pages == ()
    assert result.error is not None and result.error.reason is ScannerReason.NO_PAPER
    assert result.error.params["pages_scanned"] == 0
    assert not feeder_of(backend).is_open


def test_the_flatbed_gives_one_page() -> None:
    backend = feeder_backend(5)
    result = scan_batch(backend, "fake:feeder", ScanSettings(PaperSource.FLATBED, dpi=100))
    assert result.stopped is StopReason.COMPLETE
    assert len(result.pages) == 1
    assert feeder_of(backend).sheets == 5  # the feeder was not touched
    assert not feeder_of(backend).is_open


@pytest.mark.parametrize(
    ("dpi", "colour", "mode", "size"),
    [
        (100, ScanColour.COLOUR, "RGB", (827, 1169)),
        (200, ScanColour.GRAY, "L", (1654, 2339)),
        (150, ScanColour.BW, "1", (1240, 1754)),
    ],
)
def test_resolution_and_colour_mode_are_honoured(
    dpi: int, colour: ScanColour, mode: str, size: tuple[int, int]
) -> None:
    result = scan_batch(FakeScannerBackend(), "fake:flatbed", ScanSettings(dpi=dpi, colour=colour))
    (page,) = result.pages
    assert page.image.mode == mode
    assert page.image.size == size == a4_pixels(dpi)
    assert page.dpi == dpi
    assert page.image.info["dpi"] == (dpi, dpi)
    assert page.source_label == "scan:fake:flatbed"


def test_a_resolution_the_device_does_not_offer_becomes_the_nearest_one() -> None:
    backend = FakeScannerBackend([FakeDevice("fake:x", "X", resolutions=(100, 300, 600))])
    (page,) = scan_batch(backend, "fake:x", ScanSettings(dpi=250)).pages
    assert page.dpi == 300
    assert page.image.size == a4_pixels(300)


def test_duplex_gives_the_front_then_the_back_of_each_sheet() -> None:
    backend = feeder_backend(2)
    result = scan_batch(backend, "fake:feeder", ScanSettings(PaperSource.FEEDER_DUPLEX, dpi=100))
    assert result.stopped is StopReason.EMPTY
    assert sheets_of(result.pages) == [(1, False), (1, True), (2, False), (2, True)]


def test_max_pages_stops_early_and_leaves_the_rest_in_the_feeder() -> None:
    backend = feeder_backend(10)
    result = scan_batch(backend, "fake:feeder", ScanSettings(PaperSource.FEEDER, dpi=100, max_pages=4))
    assert result.stopped is StopReason.MAX_PAGES
    assert len(result.pages) == 4
    assert feeder_of(backend).sheets == 6
    assert not feeder_of(backend).is_open


@pytest.mark.parametrize(
    ("change", "device_id", "reason"),
    [
        ({"busy": True}, "fake:feeder", ScannerReason.DEVICE_BUSY),
        ({"cover_open": True}, "fake:feeder", ScannerReason.COVER_OPEN),
        ({}, "fake:gone", ScannerReason.NO_DEVICE),
        ({}, "fake:flatbed", ScannerReason.UNSUPPORTED),  # a flatbed-only scanner asked for its feeder
    ],
)
def test_device_refusals_give_their_reason_and_no_pages(
    change: dict[str, bool], device_id: str, reason: ScannerReason
) -> None:
    backend = feeder_backend(3)
    for key, value in change.items():
        setattr(feeder_of(backend), key, value)
    result = scan_batch(backend, device_id, FEEDER)
    assert result.stopped is StopReason.ERROR
    assert result.pages == ()
    assert result.error is not None and result.error.reason is reason
    assert not feeder_of(backend).is_open


def test_a_bug_in_the_callback_is_not_swallowed_and_the_device_is_still_closed() -> None:
    backend = feeder_backend(3)

    def progress(pages: int) -> None:
        raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        scan_batch(backend, "fake:feeder", FEEDER, progress=progress)
    assert not feeder_of(backend).is_open


# --- the device list and the platform's backends --------------------------------------------------------


class BrokenBackend(FakeScannerBackend):
    name = "broken"

    def devices(self) -> list[ScannerDevice]:
        raise ScannerError("the scanner service stopped", reason=ScannerReason.IO_ERROR)


def test_the_device_list_merges_backends_and_survives_one_whose_module_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "sane", None)  # python-sane not installed
    second = FakeScannerBackend([FakeDevice("fake:second", "Second", (PaperSource.FEEDER,))])
    listing = list_devices(
        [
            SaneBackend(platform="linux"),
            FakeScannerBackend(),
            WiaBackend(platform="linux"),
            BrokenBackend(),
            second,
        ]
    )
    assert [device.id for device in listing.devices] == ["fake:flatbed", "fake:feeder", "fake:second"]
    assert listing.devices[1].has_feeder and not listing.devices[0].has_feeder
    assert [(problem.backend, problem.reason) for problem in listing.problems] == [
        ("sane", ScannerReason.BACKEND_MISSING),
        ("wia", ScannerReason.UNSUPPORTED),
        ("broken", ScannerReason.IO_ERROR),
    ]
    assert "python-sane" in listing.problems[0].message


def test_no_scanner_found_is_an_empty_list_without_problems() -> None:
    listing = list_devices([FakeScannerBackend([])])
    assert listing.devices == () and listing.problems == ()


def test_a_device_is_scanned_through_the_backend_that_found_it() -> None:
    fake = FakeScannerBackend()
    backends = [WiaBackend(platform="linux"), fake]
    device = list_devices(backends).devices[0]
    assert backend_for(device, backends) is fake
    with pytest.raises(ScannerError) as raised:
        backend_for(ScannerDevice("x", "X", "twain", (), ()), backends)
    assert raised.value.reason is ScannerReason.NO_DEVICE


def test_platform_backends_pick_sane_or_wia_and_add_the_fake_on_request() -> None:
    assert [b.name for b in platform_backends("linux", {})] == ["sane"]
    assert [b.name for b in platform_backends("win32", {})] == ["wia"]
    assert [b.name for b in platform_backends("linux", {"MOTCUA_FAKE_SCANNER": "0"})] == ["sane"]
    with_fake = platform_backends("win32", {"MOTCUA_FAKE_SCANNER": "sheets=3,jam=2,delay=0"})
    assert [b.name for b in with_fake] == ["wia", "fake"]
    fake = with_fake[1]
    assert isinstance(fake, FakeScannerBackend)
    result = scan_batch(fake, "fake:feeder", FEEDER)
    assert len(result.pages) == 2 and result.error is not None
    assert result.error.reason is ScannerReason.PAPER_JAM


def test_the_fake_switch_reads_its_settings_and_ignores_what_does_not_parse() -> None:
    assert fake_from_env("") is None and fake_from_env("off") is None
    default = fake_from_env("1")
    assert default is not None and default.device("fake:feeder").sheets == 10
    tuned = fake_from_env("sheets=4, delay=0.25, jam=x, colour=red")
    assert tuned is not None
    assert tuned.device("fake:feeder").sheets == 4 and tuned.device("fake:feeder").jam_after is None
    assert tuned.page_delay == 0.25


def test_importing_the_package_needs_no_native_module() -> None:
    """In a fresh interpreter where python-sane, pywin32 and comtypes cannot be imported: the package
    imports, the platform's backend says what is missing, and nothing native was loaded."""
    script = textwrap.dedent(
        """
        import json, sys
        for name in ("sane", "_sane", "pythoncom", "pywintypes", "win32com", "win32com.client", "comtypes"):
            sys.modules[name] = None
        import records.capture
        from records.capture import list_devices, platform_backends
        found = {}
        for platform in ("linux", "win32"):
            listing = list_devices(platform_backends(platform, {}))
            found[platform] = [(p.backend, p.reason.value) for p in listing.problems]
        print(json.dumps(found))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {"linux": [["sane", "backend_missing"]], "win32": [["wia", "backend_missing"]]}


# --- values and helpers ---------------------------------------------------------------------------------


def test_scanner_error_is_a_domain_error_with_a_stable_code_and_reason() -> None:
    error = ScannerError("paper jam", reason=ScannerReason.PAPER_JAM, device="d")
    assert isinstance(error, DomainError)
    assert error.code == "scanner_error"
    assert error.reason is ScannerReason.PAPER_JAM
    assert error.params["reason"] == "paper_jam"
    assert error.about("scanner").params == {"reason": "paper_jam", "device": "d", "field": "scanner"}
    problem = BackendProblem("sane", ScannerReason.BACKEND_MISSING, "python-sane is not installed")
    assert problem.as_error().reason is ScannerReason.BACKEND_MISSING


@pytest.mark.parametrize("bad", [{"dpi": 0}, {"dpi": 9600}, {"max_pages": 0}])
def test_scan_settings_refuse_impossible_values(bad: dict[str, int]) -> None:
    with pytest.raises(InvalidInput):
        ScanSettings(**bad)  # type: ignore[arg-type]


def test_closest_resolution_and_ranges() -> None:
    assert closest_resolution(200, (100, 150, 300)) == 150
    assert closest_resolution(250, (200, 300)) == 300  # a tie goes to the finer one
    assert closest_resolution(240, ()) == 240
    assert resolutions_in_range(50, 600, 0) == (75, 100, 150, 200, 240, 300, 400, 600)
    assert resolutions_in_range(100, 600, 100) == (100, 200, 300, 400, 600)
    assert resolutions_in_range(110, 130, 0) == (110, 130)


def test_conform_gives_the_colour_modes_mode_and_thresholds_black_and_white() -> None:
    rgb = Image.new("RGB", (4, 1))
    rgb.putdata([(0, 0, 0), (100, 100, 100), (200, 200, 200), (255, 255, 255)])
    bw = conform(rgb, ScanColour.BW, 300)
    assert bw.mode == "1"
    assert [bw.getpixel((x, 0)) for x in range(4)] == [0, 0, 255, 255]  # a threshold, not a dither
    assert bw.info["dpi"] == (300.0, 300.0)
    assert conform(Image.new("P", (2, 2)), ScanColour.COLOUR, 100).mode == "RGB"
    assert conform(bw, ScanColour.GRAY, 100).mode == "L"


def test_the_fake_mark_reads_back_at_every_resolution_and_mode() -> None:
    for dpi in (75, 100, 300):
        for colour in ScanColour:
            assert read_fake_mark(fake_page_image(1234, True, dpi, colour)) == (1234, True)

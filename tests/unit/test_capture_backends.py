"""records.capture's platform backends without hardware: SANE through a fake ``sane`` module (python-sane's
API, errors as SANE status strings) and WIA through a fake COM layer (automation objects, HRESULTs inside
DISP_E_EXCEPTION), so the option choices and the error translation really run."""

from __future__ import annotations

import gc
import io
import sys
import threading
import types
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PIL import Image

from records.capture import scanners
from records.capture.fake_scanner import fake_page_image, read_fake_mark
from records.capture.sane_scanner import SaneBackend, translate_sane_error
from records.capture.scanners import (
    PaperSource,
    ScanColour,
    ScannerError,
    ScannerReason,
    ScanSettings,
    StopReason,
    a4_pixels,
    list_devices,
    scan_batch,
)
from records.capture.wia_scanner import (
    WIA_FORMAT_BMP,
    WiaBackend,
    translate_wia_error,
    wia_hresult,
)

FEEDER = ScanSettings(PaperSource.FEEDER, dpi=100)

# === SANE ================================================================================================


class SaneError(Exception):
    """python-sane's ``_sane.error``: the message is SANE's status string."""


@dataclass
class Opt:
    constraint: Any
    active: bool = True

    def is_active(self) -> bool:
        return self.active


@dataclass
class SaneSpec:
    """One fake SANE device and the paper in it."""

    sources: list[str] | None = field(
        default_factory=lambda: ["Flatbed", "ADF Front", "ADF Back", "ADF Duplex"]
    )
    modes: list[str] = field(default_factory=lambda: ["Lineart", "Gray", "Color"])
    resolutions: Any = field(default_factory=lambda: [75, 100, 150, 200, 300, 600])
    sheets: int = 0
    jam_at_sheet: int | None = None  # start() of this sheet fails "Document feeder jammed"
    jam_in_read: bool = False  # ... or snap() does
    open_error: str | None = None
    on_snap: Callable[[FakeSaneDev, int], None] | None = None
    opened: list[FakeSaneDev] = field(default_factory=list)


class FakeSaneDev:
    """python-sane's ``SaneDev``: options as attributes checked against ``opt[name].constraint``."""

    def __init__(self, spec: SaneSpec) -> None:
        options: dict[str, Opt] = {"mode": Opt(spec.modes), "resolution": Opt(spec.resolutions)}
        if spec.sources is not None:
            options["source"] = Opt(spec.sources)
        state = {
            "spec": spec,
            "opt": options,
            "values": {"source": (spec.sources or ["Flatbed"])[0], "mode": spec.modes[0], "resolution": 75},
            "settings": [],
            "closed": False,
            "cancels": 0,
            "cancelled": threading.Event(),
            "pending_back": False,
            "sheet": 0,
            "snaps": 0,
        }
        self.__dict__.update(state)

    def __setattr__(self, key: str, value: Any) -> None:
        option = self.opt.get(key)
        if option is None:
            self.__dict__[key] = value
            return
        constraint = option.constraint
        if isinstance(constraint, list) and value not in constraint:
            raise SaneError("Invalid argument")
        if isinstance(constraint, tuple):
            low, high, _ = constraint
            value = min(max(value, low), high)
        self.values[key] = value
        self.settings.append((key, value))

    def __getattr__(self, key: str) -> Any:
        values = self.__dict__["values"]
        if key in values:
            return values[key]
        raise AttributeError(key)

    def start(self) -> None:
        if self.closed:
            raise SaneError("SaneDev object is closed")
        spec, source = self.spec, self.values["source"]
        if "ADF" not in source and "Feeder" not in source:
            return
        if self.pending_back:
            return
        if spec.jam_at_sheet == self.sheet + 1 and not spec.jam_in_read:
            raise SaneError("Document feeder jammed")
        if spec.sheets == 0:
            raise SaneError("Document feeder out of documents")
        spec.sheets -= 1
        self.sheet += 1

    def snap(self, no_cancel: bool = False) -> Image.Image:
        self.__dict__["snaps"] += 1
        spec, source = self.spec, self.values["source"]
        if spec.on_snap is not None:
            spec.on_snap(self, self.snaps)
        if spec.jam_in_read and spec.jam_at_sheet == self.sheet:
            raise SaneError("Document feeder jammed")
        back = self.pending_back
        self.__dict__["pending_back"] = "Duplex" in source and not back
        mode, dpi = self.values["mode"], self.values["resolution"]
        shade = ScanColour.COLOUR if "color" in mode.lower() else ScanColour.GRAY
        page = fake_page_image(max(self.sheet, 1), back, float(dpi), shade)
        if not no_cancel:
            self.cancel()
        return page  # python-sane gives RGB or L: line-art arrives as L 0/255

    def cancel(self) -> None:
        self.__dict__["cancels"] += 1
        self.cancelled.set()

    def close(self) -> None:
        self.__dict__["closed"] = True


def install_sane(
    monkeypatch: pytest.MonkeyPatch, devices: dict[str, SaneSpec], kinds: dict[str, str] | None = None
):
    """A fake ``sane`` module (with its ``_sane`` extension holding ``error``) in ``sys.modules``."""
    calls: list[str] = []
    module = types.ModuleType("sane")
    extension = types.ModuleType("_sane")
    extension.error = SaneError  # type: ignore[attr-defined]
    module._sane = extension  # type: ignore[attr-defined]

    def init() -> tuple[int, int, int, int]:
        calls.append("init")
        return (16777216, 1, 0, 0)

    def get_devices(local_only: bool = False) -> list[tuple[str, str, str, str]]:
        kind_of = kinds or {}
        return [(name, "Vendor", f"Model {name}", kind_of.get(name, "flatbed scanner")) for name in devices]

    def open_device(name: str) -> FakeSaneDev:
        spec = devices.get(name)
        if spec is None:
            raise SaneError("Invalid argument")
        if spec.open_error is not None:
            raise SaneError(spec.open_error)
        dev = FakeSaneDev(spec)
        spec.opened.append(dev)
        return dev

    module.init = init  # type: ignore[attr-defined]
    module.get_devices = get_devices  # type: ignore[attr-defined]
    module.open = open_device  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sane", module)
    return calls


def sane_scan(spec: SaneSpec, settings: ScanSettings = FEEDER, **kwargs: Any) -> Any:
    return scan_batch(SaneBackend(), "dev", settings, **kwargs)


def test_sane_feeder_batch_runs_until_out_of_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = SaneSpec(sheets=4)
    calls = install_sane(monkeypatch, {"dev": spec})
    result = sane_scan(spec, ScanSettings(PaperSource.FEEDER, dpi=200, colour=ScanColour.GRAY))
    assert result.stopped is StopReason.EMPTY
    assert [read_fake_mark(page.image) for page in result.pages] == [(n, False) for n in (1, 2, 3, 4)]
    (dev,) = spec.opened
    assert dev.settings == [("source", "ADF Front"), ("mode", "Gray"), ("resolution", 200)]
    # sane_cancel once, at the end of the batch (between pages it would end the batch), then the close
    assert dev.closed and dev.cancels == 1
    assert result.pages[0].image.size == a4_pixels(200) and result.pages[0].image.mode == "L"
    assert calls == ["init"]


def test_sane_init_runs_once_per_module(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = SaneSpec(sheets=1)
    calls = install_sane(monkeypatch, {"dev": spec})
    backend = SaneBackend()
    backend.devices()
    scan_batch(backend, "dev", FEEDER)
    scan_batch(SaneBackend(), "dev", ScanSettings())
    assert calls == ["init"]


def test_sane_jam_after_three_keeps_three_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = SaneSpec(sheets=6, jam_at_sheet=4)
    install_sane(monkeypatch, {"dev": spec})
    result = sane_scan(spec)
    assert result.stopped is StopReason.ERROR
    assert len(result.pages) == 3
    assert result.error.reason is ScannerReason.PAPER_JAM
    assert result.error.params["pages_scanned"] == 3
    assert result.error.params["detail"] == "Document feeder jammed"
    assert spec.opened[0].closed


def test_sane_jam_while_reading_a_page_drops_only_that_page(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = SaneSpec(sheets=6, jam_at_sheet=2, jam_in_read=True)
    install_sane(monkeypatch, {"dev": spec})
    result = sane_scan(spec)
    assert len(result.pages) == 1
    assert result.error.reason is ScannerReason.PAPER_JAM


def test_sane_empty_feeder_at_the_start_is_no_paper(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = SaneSpec(sheets=0)
    install_sane(monkeypatch, {"dev": spec})
    result = sane_scan(spec)
    assert result.pages == ()
    assert result.error.reason is ScannerReason.NO_PAPER
    assert spec.opened[0].closed


def test_sane_flatbed_gives_one_page_in_line_art(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = SaneSpec(sheets=3)
    install_sane(monkeypatch, {"dev": spec})
    result = sane_scan(spec, ScanSettings(PaperSource.FLATBED, dpi=300, colour=ScanColour.BW))
    assert result.stopped is StopReason.COMPLETE
    (page,) = result.pages
    assert page.image.mode == "1" and page.image.size == a4_pixels(300)
    assert spec.opened[0].settings == [("source", "Flatbed"), ("mode", "Lineart"), ("resolution", 300)]
    assert spec.sheets == 3


def test_sane_duplex_and_driver_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    brother = SaneSpec(
        sources=[
            "FlatBed",
            "Automatic Document Feeder(left aligned)",
            "Automatic Document Feeder(left aligned,Duplex)",
        ],
        modes=["Black & White", "True Gray", "24bit Color[Fast]"],
        sheets=2,
    )
    install_sane(monkeypatch, {"dev": brother})
    result = sane_scan(brother, ScanSettings(PaperSource.FEEDER_DUPLEX, dpi=100, colour=ScanColour.COLOUR))
    assert [read_fake_mark(page.image) for page in result.pages] == [
        (1, False),
        (1, True),
        (2, False),
        (2, True),
    ]
    assert brother.opened[0].settings[:2] == [
        ("source", "Automatic Document Feeder(left aligned,Duplex)"),
        ("mode", "24bit Color[Fast]"),
    ]
    assert result.pages[0].image.mode == "RGB"


def test_a_feeder_that_never_reports_empty_stops_at_the_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A driver whose "feeder" value really scans the glass never says "out of documents": the loop stops
    at the limit instead of scanning the same page forever."""
    monkeypatch.setattr(scanners, "FEEDER_PAGE_LIMIT", 7)
    glass_called_feeder = SaneSpec(sources=["Flatbed", "ADF"], sheets=0)
    install_sane(monkeypatch, {"dev": glass_called_feeder})
    monkeypatch.setattr(FakeSaneDev, "start", lambda self: None)  # never out of documents
    result = sane_scan(glass_called_feeder)
    assert (result.stopped, len(result.pages)) == (StopReason.MAX_PAGES, 7)
    assert glass_called_feeder.opened[0].closed


def test_sane_resolution_is_the_nearest_offered_and_a_range_is_understood(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    listed = SaneSpec(resolutions=[100, 300, 600])
    ranged = SaneSpec(resolutions=(50, 1200, 0))
    install_sane(monkeypatch, {"listed": listed, "ranged": ranged})
    (page,) = scan_batch(SaneBackend(), "listed", ScanSettings(dpi=250)).pages
    assert page.dpi == 300 and page.image.size == a4_pixels(300)
    (page,) = scan_batch(SaneBackend(), "ranged", ScanSettings(dpi=240)).pages
    assert page.dpi == 240


def test_sane_without_a_feeder_refuses_the_feeder(monkeypatch: pytest.MonkeyPatch) -> None:
    flatbed_only = SaneSpec(sources=None)
    no_duplex = SaneSpec(sources=["Flatbed", "ADF"])
    install_sane(monkeypatch, {"flat": flatbed_only, "adf": no_duplex})
    result = scan_batch(SaneBackend(), "flat", FEEDER)
    assert result.error.reason is ScannerReason.UNSUPPORTED
    assert flatbed_only.opened[0].closed
    result = scan_batch(SaneBackend(), "adf", ScanSettings(PaperSource.FEEDER_DUPLEX))
    assert result.error.reason is ScannerReason.UNSUPPORTED
    assert scan_batch(SaneBackend(), "flat", ScanSettings()).stopped is StopReason.COMPLETE


def test_sane_cancel_after_page_two_keeps_two_and_closes(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = SaneSpec(sheets=5)
    install_sane(monkeypatch, {"dev": spec})
    cancel = threading.Event()

    def progress(pages: int) -> None:
        if pages == 2:
            cancel.set()

    result = sane_scan(spec, cancel=cancel, progress=progress)
    assert result.stopped is StopReason.CANCELLED
    assert len(result.pages) == 2
    assert spec.sheets == 3
    assert spec.opened[0].closed


def test_sane_cancel_in_the_middle_of_a_page_interrupts_the_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clerk cancels while page 2 is being read: sane_cancel is called from another thread at once,
    the read fails "Operation was cancelled", page 2 is dropped and page 1 kept."""
    cancel = threading.Event()

    def slow_read(dev: FakeSaneDev, snap: int) -> None:
        if snap == 2:
            cancel.set()
            if dev.cancelled.wait(5):
                raise SaneError("Operation was cancelled")

    spec = SaneSpec(sheets=5, on_snap=slow_read)
    install_sane(monkeypatch, {"dev": spec})
    result = sane_scan(spec, cancel=cancel)
    assert result.stopped is StopReason.CANCELLED
    assert len(result.pages) == 1
    assert spec.opened[0].closed


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("Device busy", ScannerReason.DEVICE_BUSY),
        ("Scanner cover is open", ScannerReason.COVER_OPEN),
        ("Invalid argument", ScannerReason.NO_DEVICE),
        ("Access to resource has been denied", ScannerReason.NO_DEVICE),
        ("Error during device I/O", ScannerReason.IO_ERROR),
    ],
)
def test_sane_open_errors_are_translated(
    monkeypatch: pytest.MonkeyPatch, message: str, reason: ScannerReason
) -> None:
    spec = SaneSpec(open_error=message)
    install_sane(monkeypatch, {"dev": spec})
    result = sane_scan(spec)
    assert result.stopped is StopReason.ERROR and result.pages == ()
    assert result.error.reason is reason
    assert result.error.params["detail"] == message


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("Document feeder jammed", ScannerReason.PAPER_JAM),
        ("Lamp not ready, please retry", ScannerReason.DEVICE_BUSY),
        ("Operation not supported", ScannerReason.UNSUPPORTED),
        ("Out of memory", ScannerReason.IO_ERROR),
        ("Invalid argument", ScannerReason.IO_ERROR),  # not at open: a bad setting, not a missing device
    ],
)
def test_sane_status_strings_in_a_scan(message: str, reason: ScannerReason) -> None:
    assert translate_sane_error(SaneError(message)).reason is reason


def test_sane_device_list_skips_cameras_and_reads_sources_and_resolutions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    install_sane(
        monkeypatch,
        {
            "fujitsu:fi-7160": SaneSpec(resolutions=(50, 600, 1)),
            "v4l:/dev/video0": SaneSpec(),
            "genesys:flat": SaneSpec(sources=None, resolutions=[150, 300]),
            "busy:one": SaneSpec(open_error="Device busy"),
        },
        kinds={"v4l:/dev/video0": "Virtual device / video camera"},
    )
    devices = SaneBackend().devices()
    assert [device.id for device in devices] == ["fujitsu:fi-7160", "genesys:flat", "busy:one"]
    fujitsu, flat, busy = devices
    assert fujitsu.name == "Vendor Model fujitsu:fi-7160" and fujitsu.backend == "sane"
    assert fujitsu.sources == (PaperSource.FLATBED, PaperSource.FEEDER, PaperSource.FEEDER_DUPLEX)
    assert fujitsu.resolutions == (75, 100, 150, 200, 240, 300, 400, 600)
    assert (flat.sources, flat.resolutions) == ((PaperSource.FLATBED,), (150, 300))
    assert (busy.sources, busy.resolutions) == ((), ())  # listed, but it could not be asked


def test_sane_missing_or_on_windows_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sane", None)
    problem = SaneBackend().check()
    assert problem is not None and problem.reason is ScannerReason.BACKEND_MISSING
    assert "libsane-dev" in problem.message
    with pytest.raises(ScannerError) as raised:
        SaneBackend().devices()
    assert raised.value.reason is ScannerReason.BACKEND_MISSING
    problem = SaneBackend(platform="win32").check()
    assert problem is not None and problem.reason is ScannerReason.UNSUPPORTED


# === WIA =================================================================================================

DISP_E_EXCEPTION = -2147352567
E_INVALIDARG = 0x80070057
PAPER_JAM, PAPER_EMPTY, OFFLINE, BUSY, COVER_OPEN = 0x80210002, 0x80210003, 0x80210005, 0x80210006, 0x80210016


def signed(code: int) -> int:
    return code - (1 << 32) if code >= 1 << 31 else code


class FakeComError(Exception):
    """pywintypes.com_error: ``(hresult, text, excepinfo, argerror)``."""

    def __init__(
        self, hresult: int, text: str, excepinfo: tuple[Any, ...] | None, argerror: Any = None
    ) -> None:
        super().__init__(hresult, text, excepinfo, argerror)
        self.hresult, self.excepinfo = hresult, excepinfo


def automation_error(code: int) -> FakeComError:
    """How pywin32 reports a WIA error raised through IDispatch."""
    return FakeComError(DISP_E_EXCEPTION, "Exception occurred.", (0, "WIA", "", None, 0, signed(code)))


class Collection:
    """A COM collection (the automation objects' members keep COM's capitalised names)."""

    def __init__(self, members: list[Any]) -> None:
        self.members = members

    @property
    def Count(self) -> int:
        return len(self.members)

    def Item(self, position: int) -> Any:
        return self.members[position - 1]


class Prop:
    def __init__(
        self, property_id: int, value: Any, allowed: list[int] | None = None, **subtype: Any
    ) -> None:
        self.PropertyID, self._value, self._allowed = property_id, value, allowed
        self.SubType = subtype.get("SubType", 0)
        self.SubTypeMin, self.SubTypeMax, self.SubTypeStep = (subtype.get(k) for k in ("lo", "hi", "step"))
        self.SubTypeValues = Collection(allowed or [])
        self.writes: list[Any] = []

    @property
    def Value(self) -> Any:
        return self._value

    @Value.setter
    def Value(self, value: Any) -> None:
        if self._allowed is not None and value not in self._allowed:
            raise automation_error(E_INVALIDARG)
        self._value = value
        self.writes.append(value)


def props(*members: Prop) -> Collection:
    return Collection(list(members))


def prop(collection: Collection, property_id: int) -> Prop:
    return next(member for member in collection.members if member.PropertyID == property_id)


@dataclass
class WiaSpec:
    """One fake WIA scanner and the paper in it."""

    device_id: str = "{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001"
    name: str = "Canon DR-C225"
    capabilities: int | None = 0x1 | 0x2 | 0x4  # FEED | FLAT | DUP
    resolutions: list[int] = field(default_factory=lambda: [100, 150, 200, 300, 600])
    sheets: int = 0
    feed_ready: bool | None = None  # WIA_DPS_DOCUMENT_HANDLING_STATUS; None: the driver has no such property
    jam_after: int | None = None
    connect_error: int | None = None
    devices: list[Any] = field(default_factory=list)  # weak references to every connected device


class FakeItem:
    def __init__(self, spec: WiaSpec, device: FakeWiaDevice) -> None:
        self.spec, self.device, self.fed = spec, device, 0
        self.back_pending: int | None = None
        self.Properties = props(
            Prop(6146, 0),
            Prop(4103, 0),
            Prop(6147, 100, spec.resolutions, SubType=2),
            Prop(6148, 100, spec.resolutions, SubType=2),
        )
        self.transfers = 0

    def Transfer(self, format_id: str) -> Any:
        assert format_id == WIA_FORMAT_BMP
        self.transfers += 1
        select = prop(self.device.Properties, 3088).Value
        sheet, back = 1, False
        if select & 0x1:
            if self.back_pending is not None:
                sheet, back, self.back_pending = self.back_pending, True, None
            else:
                if self.spec.jam_after is not None and self.fed == self.spec.jam_after and self.spec.sheets:
                    raise automation_error(PAPER_JAM)
                if self.spec.sheets == 0:
                    raise automation_error(PAPER_EMPTY)
                self.spec.sheets -= 1
                self.fed += 1
                sheet = self.fed
                if select & 0x4:
                    self.back_pending = sheet
        dpi = prop(self.Properties, 6147).Value
        colour = {1: ScanColour.COLOUR, 2: ScanColour.GRAY, 4: ScanColour.BW}[
            prop(self.Properties, 6146).Value
        ]
        buffer = io.BytesIO()
        fake_page_image(sheet, back, dpi, colour).save(buffer, "BMP")
        return types.SimpleNamespace(
            FileData=types.SimpleNamespace(BinaryData=buffer.getvalue()), HorizontalResolution=float(dpi)
        )


class FakeWiaDevice:
    def __init__(self, spec: WiaSpec) -> None:
        members = [Prop(3088, 2, [1, 2, 5] if spec.capabilities else [2]), Prop(3096, 0)]
        if spec.capabilities is not None:
            members.append(Prop(3086, spec.capabilities))
        if spec.feed_ready is not None:
            members.append(Prop(3087, 0x1 if spec.feed_ready else 0x2))
        self.Properties = Collection(members)
        self.Items = Collection([FakeItem(spec, self)])


class FakeWiaDeviceInfo:
    def __init__(self, spec: WiaSpec, device_type: int = 1) -> None:
        self.spec, self.Type, self.DeviceID = spec, device_type, spec.device_id
        self.Properties = props(Prop(7, spec.name), Prop(3, "Canon"))

    def Connect(self) -> FakeWiaDevice:
        if self.spec.connect_error is not None:
            raise automation_error(self.spec.connect_error)
        device = FakeWiaDevice(self.spec)
        self.spec.devices.append(weakref.ref(device))
        return device


class FakeCom:
    """The seam: what pywin32 or comtypes would give the backend."""

    name = "fake-com"
    errors: tuple[type[BaseException], ...] = (FakeComError,)

    def __init__(self, *infos: FakeWiaDeviceInfo) -> None:
        self.infos = list(infos)
        self.prepared: list[int] = []

    def prepare_thread(self) -> None:
        self.prepared.append(threading.get_ident())

    def device_manager(self) -> Any:
        return types.SimpleNamespace(DeviceInfos=Collection(self.infos))


def wia_scan(spec: WiaSpec, settings: ScanSettings = FEEDER, **kwargs: Any) -> Any:
    return scan_batch(WiaBackend(com=FakeCom(FakeWiaDeviceInfo(spec))), spec.device_id, settings, **kwargs)


def connected(spec: WiaSpec) -> Iterator[FakeWiaDevice]:
    gc.collect()
    return (device for ref in spec.devices if (device := ref()) is not None)


def test_wia_feeder_batch_runs_until_paper_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = WiaSpec(sheets=3)
    result = wia_scan(spec, ScanSettings(PaperSource.FEEDER, dpi=150, colour=ScanColour.GRAY))
    assert result.stopped is StopReason.EMPTY
    assert [read_fake_mark(page.image) for page in result.pages] == [(1, False), (2, False), (3, False)]
    page = result.pages[0]
    assert (page.image.mode, page.image.size, page.dpi) == ("L", a4_pixels(150), 150.0)
    assert list(connected(spec)) == []  # the device was released


def test_wia_writes_source_intent_and_resolution() -> None:
    spec = WiaSpec(sheets=1)
    com = FakeCom(FakeWiaDeviceInfo(spec))
    backend = WiaBackend(com=com)
    scan = backend.scan(
        spec.device_id, ScanSettings(PaperSource.FEEDER_DUPLEX, dpi=300, colour=ScanColour.BW)
    )
    next(scan)
    (device,) = connected(spec)
    item = device.Items.Item(1)
    assert prop(device.Properties, 3088).writes == [5]  # FEEDER | DUPLEX
    assert prop(device.Properties, 3096).writes == [1]  # one page per transfer
    assert prop(item.Properties, 6146).writes == [4]  # text intent
    assert prop(item.Properties, 4103).writes == [0]  # threshold
    assert prop(item.Properties, 6147).writes == [300] and prop(item.Properties, 6148).writes == [300]
    scan.close()
    del device, item
    assert com.prepared == [threading.get_ident()]


def test_wia_jam_after_two_keeps_two_pages() -> None:
    spec = WiaSpec(sheets=5, jam_after=2)
    result = wia_scan(spec)
    assert len(result.pages) == 2
    assert result.error.reason is ScannerReason.PAPER_JAM
    assert result.error.params["pages_scanned"] == 2
    assert result.error.params["detail"] == "WIA_ERROR_PAPER_JAM (0x80210002)"


def test_wia_empty_feeder_is_no_paper_from_the_status_or_the_first_transfer() -> None:
    by_status = WiaSpec(sheets=0, feed_ready=False, capabilities=0x7 | 0x20)  # DETECT_FEED: it senses paper
    result = wia_scan(by_status)
    assert result.error.reason is ScannerReason.NO_PAPER and result.pages == ()
    by_transfer = WiaSpec(sheets=0, feed_ready=None)
    result = wia_scan(by_transfer)
    assert result.error.reason is ScannerReason.NO_PAPER and result.pages == ()
    assert list(connected(by_status)) == [] and list(connected(by_transfer)) == []


def test_wia_feed_status_of_a_feeder_that_cannot_sense_paper_is_not_believed() -> None:
    spec = WiaSpec(sheets=2, feed_ready=False)  # no DETECT_FEED: the status is whatever the driver left
    result = wia_scan(spec)
    assert (result.stopped, len(result.pages)) == (StopReason.EMPTY, 2)


def test_wia_flatbed_gives_one_page_in_colour() -> None:
    spec = WiaSpec(sheets=4)
    result = wia_scan(spec, ScanSettings(PaperSource.FLATBED, dpi=100, colour=ScanColour.COLOUR))
    assert result.stopped is StopReason.COMPLETE
    (page,) = result.pages
    assert page.image.mode == "RGB" and page.image.size == a4_pixels(100)
    assert spec.sheets == 4


def test_wia_cancel_after_page_one_stops_and_releases() -> None:
    spec = WiaSpec(sheets=4)
    cancel = threading.Event()
    result = wia_scan(spec, cancel=cancel, progress=lambda pages: cancel.set())  # after page 1
    assert (result.stopped, len(result.pages)) == (StopReason.CANCELLED, 1)
    assert spec.sheets == 3
    assert list(connected(spec)) == []


def test_wia_flatbed_only_scanner_refuses_the_feeder() -> None:
    spec = WiaSpec(capabilities=None)
    result = wia_scan(spec)
    assert result.error.reason is ScannerReason.UNSUPPORTED


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (BUSY, ScannerReason.DEVICE_BUSY),
        (OFFLINE, ScannerReason.NO_DEVICE),
        (COVER_OPEN, ScannerReason.COVER_OPEN),
        (0x80210010, ScannerReason.COVER_OPEN),  # wia.h's value for the same error
        (0x8021000A, ScannerReason.IO_ERROR),
    ],
)
def test_wia_connect_errors_are_translated(code: int, reason: ScannerReason) -> None:
    result = wia_scan(WiaSpec(sheets=2, connect_error=code))
    assert result.pages == ()
    assert result.error.reason is reason
    assert result.error.params["detail"].endswith(f"(0x{code:08X})")


def test_wia_unknown_device_is_no_device() -> None:
    result = scan_batch(WiaBackend(com=FakeCom()), "nope", ScanSettings())
    assert result.error.reason is ScannerReason.NO_DEVICE


def test_wia_hresult_is_found_in_pywin32_and_comtypes_errors() -> None:
    assert wia_hresult(automation_error(PAPER_JAM)) == PAPER_JAM
    assert wia_hresult(FakeComError(signed(BUSY), "busy", None)) == BUSY

    class COMError(Exception):  # comtypes: (hresult, text, details), the inner code last in details
        pass

    assert (
        wia_hresult(COMError(DISP_E_EXCEPTION, None, ("jam", "WIA", None, 0, signed(PAPER_JAM)))) == PAPER_JAM
    )
    assert wia_hresult(COMError(signed(E_INVALIDARG), None, ("bad", None, None, 0, None))) == E_INVALIDARG
    assert translate_wia_error(COMError(signed(0x80210099), None, None)).reason is ScannerReason.IO_ERROR


def test_wia_device_list_reads_scanners_sources_and_resolutions() -> None:
    feeder = WiaSpec()
    flat = WiaSpec(device_id="flat", name="HP ScanJet", capabilities=0x2, resolutions=[75, 150, 300])
    busy = WiaSpec(device_id="busy", name="Busy one", connect_error=BUSY)
    camera = WiaSpec(device_id="camera", name="Webcam")
    com = FakeCom(
        FakeWiaDeviceInfo(feeder),
        FakeWiaDeviceInfo(camera, device_type=2),
        FakeWiaDeviceInfo(flat),
        FakeWiaDeviceInfo(busy),
    )
    devices = WiaBackend(com=com).devices()
    assert [(d.id, d.name) for d in devices] == [
        (feeder.device_id, "Canon DR-C225"),
        ("flat", "HP ScanJet"),
        ("busy", "Busy one"),
    ]
    assert devices[0].sources == (PaperSource.FLATBED, PaperSource.FEEDER, PaperSource.FEEDER_DUPLEX)
    assert devices[0].resolutions == (100, 150, 200, 300, 600)
    assert (devices[1].sources, devices[1].resolutions) == ((PaperSource.FLATBED,), (75, 150, 300))
    assert (devices[2].sources, devices[2].resolutions) == ((), ())


def test_wia_through_pywin32_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default COM layer: pythoncom initialises the thread once, win32com.client.Dispatch makes the
    device manager, pythoncom.com_error is the error class."""
    spec = WiaSpec(sheets=2, jam_after=1)
    initialised: list[int] = []
    pythoncom = types.ModuleType("pythoncom")
    pythoncom.com_error = FakeComError  # type: ignore[attr-defined]
    pythoncom.CoInitialize = lambda: initialised.append(threading.get_ident())  # type: ignore[attr-defined]
    client = types.ModuleType("win32com.client")
    dispatched: list[str] = []

    def dispatch(prog_id: str) -> Any:
        dispatched.append(prog_id)
        return FakeCom(FakeWiaDeviceInfo(spec)).device_manager()

    client.Dispatch = dispatch  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pythoncom", pythoncom)
    monkeypatch.setitem(sys.modules, "win32com", types.ModuleType("win32com"))
    monkeypatch.setitem(sys.modules, "win32com.client", client)
    backend = WiaBackend(platform="win32")
    assert backend.check() is None
    listing = list_devices([backend])
    result = scan_batch(backend, spec.device_id, FEEDER)
    assert [d.name for d in listing.devices] == ["Canon DR-C225"]
    assert len(result.pages) == 1 and result.error.reason is ScannerReason.PAPER_JAM
    assert set(dispatched) == {"WIA.DeviceManager"}
    assert initialised == [threading.get_ident()]  # once per thread, not per call


def test_wia_missing_or_elsewhere_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("pythoncom", "win32com", "win32com.client", "comtypes", "comtypes.client"):
        monkeypatch.setitem(sys.modules, name, None)
    problem = WiaBackend(platform="win32").check()
    assert problem is not None and problem.reason is ScannerReason.BACKEND_MISSING
    assert "pywin32" in problem.message
    problem = WiaBackend(platform="linux").check()
    assert problem is not None and problem.reason is ScannerReason.UNSUPPORTED

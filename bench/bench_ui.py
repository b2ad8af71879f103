"""The desktop application's measures, each against a floor taken in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [--files 1000000] [--runs 7]

1. **Start-up** (``--runs`` fresh processes of each, alternated, median): from spawning the process to
   the moment its window is shown and the event loop is idle, for
   * the floor: a bare PySide6 window (import QtWidgets, a QApplication, a QMainWindow with a label);
   * ``motcua`` itself (``desktop.app.run``) to its login window, on a store of 300 files;
   * to the main window with the first page of the file list shown, after a login (the password is
     checked as at the counter; argon2 included), on the same store.
2. **The file list over N files** (default 1,000,000; the store ``bench_store.py`` caches under
   ``bench/out``, built through ``motcua demo-data`` when missing): a fresh process opens the store and the
   files page; time to the first page on screen, then pages fetched as the view scrolls (median and p95
   of one page), a sort by due date and a search by name, and the process's peak resident memory
   (``ru_maxrss``; Linux).

Prints a Markdown table for the README and writes ``bench/out/ui-results.json``. Nothing here is a test:
the targets (start-up within 2.5x of the bare window; the list opens in under 1 s and stays under 300 MB)
are read by people.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BENCH_USER = "bench"
BENCH_PASSWORD = "bench-password"


# -- the children: each prints "READY <seconds since its own start> <json>" and ends ---------------------


def _child_bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("MotCua Desk"))
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(0, lambda: (_ready({}), app.quit()))
    app.exec()


def _child_login(data_dir: str) -> None:
    import argparse as _argparse

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import desktop.app
    from ui.login_dialog import LoginDialog

    app = QApplication(sys.argv[:1])

    def poll() -> None:
        dialogs = [w for w in app.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()]
        if dialogs:
            _ready({})
            dialogs[0].reject()
        else:
            QTimer.singleShot(2, poll)

    QTimer.singleShot(0, poll)
    desktop.app.run(_argparse.Namespace(data_dir=data_dir, db=None))


def _child_main(data_dir: str) -> None:
    """The main window after a login, as ``desktop.app`` builds it (without the dialog's typing)."""
    from PySide6.QtWidgets import QApplication

    from desktop import ui_font
    from desktop.context import open_services, resolve
    from ui.main_window import MainWindow
    from ui.preferences import Preferences
    from ui.session import UiSession
    from ui.tasks import BackgroundPool, DatabaseWorker

    app = QApplication(sys.argv[:1])
    ui_font.install(app)
    worker = DatabaseWorker()
    worker.start()
    pool = BackgroundPool()
    prefs = Preferences(Path(data_dir))
    state: dict[str, Any] = {}

    def opened(result: tuple[Any, Any, Any]) -> None:
        services, actor, name = result
        session = UiSession(services, worker, pool, prefs, services.settings.agency(), actor, name)
        window = MainWindow(session)
        state["window"] = window
        window.files.model.loading_changed.connect(
            lambda loading: (not loading and window.files.model.rowCount() > 0) and _finish(app, window)
        )
        window.show()
        window.start()

    def open_and_login() -> tuple[Any, Any, Any]:
        services = open_services(resolve(data_dir=data_dir))
        actor = services.users.authenticate(BENCH_USER, BENCH_PASSWORD, 1)
        return services, actor, services.users.get(BENCH_USER).full_name

    worker.submit(open_and_login, opened, lambda exc: (_fail(exc), app.exit(1)))
    app.exec()
    worker.stop()


def _finish(app: Any, window: Any) -> None:
    _ready({"rows": window.files.model.rowCount()})
    window.shutdown()
    app.quit()


def _child_list(data_dir: str, pages: int) -> None:
    """The files page over the whole store: first page, scrolling, a sort and a search; peak memory."""
    import resource

    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from desktop import ui_font
    from desktop.context import open_services, resolve
    from records.users import Role
    from ui.files_page import FilesPage
    from ui.preferences import Preferences
    from ui.session import UiSession
    from ui.tasks import BackgroundPool, DatabaseWorker

    app = QApplication(sys.argv[:1])
    ui_font.install(app)
    from records.users import Actor

    services = open_services(resolve(data_dir=data_dir))  # opened (and migrated) before the clock starts

    actor = Actor("00000000-0000-0000-0000-000000000000", "bench", Role.CLERK, 1)
    worker = DatabaseWorker()
    worker.start()
    pool = BackgroundPool()
    session = UiSession(
        services, worker, pool, Preferences(Path(data_dir)), services.settings.agency(), actor, ""
    )
    results: dict[str, Any] = {}
    start = time.perf_counter()
    page = FilesPage(session)
    page.resize(1280, 760)
    page.show()
    page.start()
    model = page.model

    def wait_loaded() -> None:
        while model.is_loading():
            app.processEvents()
            time.sleep(0.0005)

    app.processEvents()
    wait_loaded()
    app.processEvents()
    results["first_page_s"] = time.perf_counter() - start
    results["rows_first_page"] = model.rowCount()
    page_times = []
    for _ in range(pages):
        t0 = time.perf_counter()
        page.table.scrollToBottom()  # the view asks for the next page (fetchMore) as it nears the end
        app.processEvents()
        if not model.is_loading() and not model.canFetchMore(QModelIndex()):
            break
        wait_loaded()
        app.processEvents()
        page_times.append(time.perf_counter() - t0)
    results["rows_after_scroll"] = model.rowCount()
    results["page_median_s"] = statistics.median(page_times) if page_times else None
    results["page_p95_s"] = sorted(page_times)[int(0.95 * (len(page_times) - 1))] if page_times else None
    t0 = time.perf_counter()
    page.table.sortByColumn(model.COL_DUE, Qt.SortOrder.AscendingOrder)
    app.processEvents()
    wait_loaded()
    results["sort_due_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    page.search.setText("nguyen van an")
    page.apply_filters()
    app.processEvents()
    wait_loaded()
    results["search_name_s"] = time.perf_counter() - t0
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    page.shutdown()
    worker.stop()
    _ready(results)


def _ready(data: dict[str, Any]) -> None:
    print("READY", json.dumps(data), flush=True)


def _fail(exc: BaseException) -> None:
    print("FAILED", repr(exc), file=sys.stderr, flush=True)


# -- the parent -------------------------------------------------------------------------------------------


def spawn(*args: str, timeout: float = 600) -> tuple[float, dict[str, Any]]:
    """Run a child; the wall time from spawning it to its READY line, and its data."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    wall, data = None, {}
    for line in proc.stdout:
        if line.startswith("READY"):
            wall = time.perf_counter() - start
            data = json.loads(line.split(" ", 1)[1])
    proc.wait(timeout)
    if wall is None:
        raise SystemExit(f"child {args} never got ready (exit {proc.returncode})")
    return wall, data


def small_store(folder: Path, files: int = 300) -> Path:
    """A store of demo files with the bench user, made once per run."""
    from desktop.context import open_services, resolve
    from records.demo import generate
    from records.users import Role

    services = open_services(resolve(data_dir=str(folder)))
    services.settings.initialise(agency_code="000.17.22.H56", agency_name="UBND xã Thử Nghiệm")
    generate(services, files, seed=1)
    services.users.add(services.users.system(1), BENCH_USER, "Người Đo Thử", Role.CLERK, BENCH_PASSWORD)
    services.db.dispose()
    return folder


def big_store(out: Path, files: int) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_store import cached_store

    folder, _, _ = cached_store(out, files, seed=1, rebuild=False)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--files", type=int, default=1_000_000, help="files in the store behind the file list"
    )
    parser.add_argument("--runs", type=int, default=7, help="start-ups of each kind")
    parser.add_argument("--pages", type=int, default=40, help="pages scrolled through in the file list")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        {"bare": _child_bare, "login": _child_login, "main": _child_main}.get(kind, lambda *_: None)(*rest)
        if kind == "list":
            _child_list(rest[0], int(rest[1]))
        return

    import tempfile

    args.out.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"python": sys.version.split()[0], "platform": sys.platform}
    with tempfile.TemporaryDirectory() as scratch:
        store = small_store(Path(scratch) / "store")
        spawn("login", str(store))  # warm the file cache once for every kind
        times: dict[str, list[float]] = {"bare": [], "login": [], "main": []}
        for _ in range(args.runs):
            for kind in times:
                wall, _ = spawn(kind, str(store)) if kind != "bare" else spawn(kind)
                times[kind].append(wall)
    for kind, values in times.items():
        results[f"startup_{kind}_s"] = statistics.median(values)
        results[f"startup_{kind}_all"] = values
    floor = results["startup_bare_s"]
    results["startup_login_ratio"] = results["startup_login_s"] / floor
    results["startup_main_ratio"] = results["startup_main_s"] / floor

    store = big_store(args.out, args.files)
    _, listing = spawn("list", str(store), str(args.pages))
    results["list"] = {"files": args.files, **listing}
    (args.out / "ui-results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(table(results))


def table(r: dict[str, Any]) -> str:
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    lst = r["list"]
    rows = [
        "| measure | result | floor | ratio | target |",
        "|---|---|---|---|---|",
        f"| start-up to the login window | {ms(r['startup_login_s'])} | bare PySide6 window "
        f"{ms(r['startup_bare_s'])} | {r['startup_login_ratio']:.2f}× | ≤ 2.5× |",
        f"| start-up to the main window, first page of files shown (login included) | "
        f"{ms(r['startup_main_s'])} | bare PySide6 window {ms(r['startup_bare_s'])} | "
        f"{r['startup_main_ratio']:.2f}× | — |",
        f"| file list over {lst['files']:,} files: first page on screen | "
        f"{ms(lst['first_page_s'])} | | | < 1 s |",
        f"| … one more page while scrolling (median / p95) | {ms(lst['page_median_s'])} / "
        f"{ms(lst['page_p95_s'])} | | | smooth |",
        f"| … sorted by due date | {ms(lst['sort_due_s'])} | | | |",
        f"| … search by name without diacritics | {ms(lst['search_name_s'])} | | | |",
        f"| … peak resident memory of the process | {lst['peak_rss_mb']:.0f} MB | | | < 300 MB |",
    ]
    return "\n".join(rows)


if __name__ == "__main__":
    main()

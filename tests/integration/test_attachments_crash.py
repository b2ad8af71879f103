"""A process killed (SIGKILL) while attaching a document, at each step of the write: once the store is
opened again, no orphan object, temporary file or pending marker is left, and a document whose row
committed is there whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from integration.documents import stored_files
from integration.helpers import Counter, open_store

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from desktop.context import open_services, resolve
    from integration.documents import pdf_bytes
    from records.attachments import AttachmentSource, NewAttachment
    from records.services.attachments import AttachmentService
    from records.store import objects

    data_dir, code, point = sys.argv[1:4]

    def die(*_args, **_kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    def after(real):
        def wrapped(*args, **kwargs):
            result = real(*args, **kwargs)
            die()
            return result
        return wrapped

    services = open_services(resolve(data_dir))
    if point == "writing":          # the temporary file is written, not yet renamed (after the marker)
        real_replace, renames = os.replace, []
        def replace(source, target):
            renames.append(target)
            if len(renames) == 2:
                die()
            return real_replace(source, target)
        objects.os.replace = replace
    elif point == "renamed":        # the object is in place, its row not committed
        objects.sync_folder = after(objects.sync_folder)
    elif point == "rows_added":     # the rows are in the transaction, not committed
        AttachmentService.add_rows = after(AttachmentService.add_rows)
    elif point == "committed":      # the row committed, the marker not yet removed
        objects.ObjectStore.settle = die
    actor = services.users.system(1)
    document = NewAttachment("Giấy khai sinh", pdf_bytes(3), AttachmentSource.SCAN)
    services.attachments.attach(code, [document], actor)
    print("finished without being killed")
    """
)


@pytest.fixture
def killed(counter: Counter) -> Callable[[str], tuple[Counter, str]]:
    """Register a file, then run a child process that attaches a document and is killed at ``point``."""

    def run(point: str) -> tuple[Counter, str]:
        code = counter.register().code
        counter.services.db.dispose()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(counter.location.data_dir), code, point],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
        return counter, code

    return run


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
@pytest.mark.parametrize(
    ("point", "committed"),
    [("writing", False), ("renamed", False), ("rows_added", False), ("committed", True)],
)
def test_a_killed_import_leaves_no_orphan(
    killed: Callable[[str], tuple[Counter, str]], point: str, committed: bool
) -> None:
    counter, code = killed(point)
    left = stored_files(counter.services.attachments.objects)
    assert left, "the child was killed before writing anything: the test proves nothing"
    services = open_store(counter.location.data_dir)  # opening the store recovers
    try:
        report = services.attachments.verify()
        assert report.intact and report.pending == () and report.orphans == ()
        views = services.attachments.for_file(code)
        assert len(views) == (1 if committed else 0)
        remaining = stored_files(services.attachments.objects)
        if committed:
            assert [p.name for p in remaining] == [views[0].sha256]
            assert services.attachments.open(views[0].id, services.users.system(1))[1][:5] == b"%PDF-"
        else:
            assert remaining == []
    finally:
        services.db.dispose()

"""The process the crash tests kill: it works on a workstation store and a centre store without end —
registering a file, attaching a scanned document to it, exporting a bundle, importing it at the centre —
and writes a line to its journal (flushed and synced) after each step the services said was done. Whatever
the journal names must survive a SIGKILL at any moment.

    python tests/integration/crash_child.py ROOT WORKSTATION_DIR CENTRE_DIR USB_DIR JOURNAL SEED
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path


def main() -> None:
    root, ws_dir, centre_dir, usb, journal_path, seed = sys.argv[1:7]
    sys.path.insert(0, root)
    sys.path.insert(0, str(Path(root) / "tests"))
    from desktop.context import open_services, resolve
    from integration.documents import pdf_bytes, scanned
    from integration.helpers import registration
    from records.files import RegistrationRequest
    from records.services.central import CentralService

    rng = random.Random(int(seed))
    workstation = open_services(resolve(ws_dir, None))
    actor = workstation.users.system(1)
    centre_services = open_services(resolve(centre_dir, None))
    central = CentralService(centre_services.db, Path(centre_dir) / "centre")
    key = workstation.receipts.public_key_text()
    agency = workstation.settings.agency()
    if not any(w.workstation == agency.workstation for w in central.workstations()):
        central.enroll(key, agency.code, agency.workstation)

    with open(journal_path, "a", encoding="utf-8") as journal:

        def note(line: str) -> None:
            journal.write(line + "\n")
            journal.flush()
            os.fsync(journal.fileno())

        note("ready")
        while True:
            n = rng.randrange(10**5)
            request = RegistrationRequest.from_json(
                registration(personal_id=f"0010990{n:05d}", full_name=f"Người Thứ {n}")
            )
            file = workstation.files.register(request, actor)
            note(f"file {file.code} 0")
            documents = rng.randrange(1, 3)
            papers = [scanned(pdf_bytes(1, f"giấy {n}-{k}")) for k in range(documents)]
            workstation.attachments.attach(file.code, papers, actor)
            note(f"file {file.code} {documents}")
            if rng.random() < 0.3:
                result = workstation.sync.export(Path(usb))
                if result.path is not None:
                    note(f"bundle {result.path.name}")
                    imported = central.import_bundle(result.path)
                    note(f"imported {imported.bundle_id}")


if __name__ == "__main__":
    main()

"""The sync commands as administrators script them: ``motcua export``, ``import-ack``, ``sync-config``,
``sync-status`` on the workstation and ``motcua central …`` at the centre — exit codes and JSON keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from integration.cli_runner import Run, assert_refused, run_cli
from integration.helpers import AGENCY_CODE, Counter

IMPORT_KEYS = {"bundles", "imported", "already_imported", "refused"}
BUNDLE_KEYS = {
    "path",
    "status",
    "bundle_id",
    "agency",
    "workstation",
    "seq_from",
    "seq_to",
    "counts",
    "outcome",
    "conflicts",
    "reason",
    "message",
}


class Cli:
    """``motcua`` run in-process against one workstation and one centre."""

    def __init__(self, capsys: Any, monkeypatch: Any, counter: Counter, tmp_path: Path) -> None:
        self.capsys, self.monkeypatch = capsys, monkeypatch
        self.ws = ["--data-dir", str(counter.location.data_dir), "--db", counter.location.db_url]
        centre_dir = tmp_path / "centre-home"
        self.centre = [
            "--data-dir",
            str(centre_dir),
            "--db",
            f"sqlite:///{(centre_dir / 'c.sqlite3').as_posix()}",
        ]

    def __call__(self, *argv: str) -> Run:
        return run_cli(self.capsys, self.monkeypatch, list(argv), None)

    def at_ws(self, *argv: str) -> Run:
        return self(*argv, *self.ws)

    def at_centre(self, *argv: str) -> Run:
        return self("central", argv[0], *self.centre, *argv[1:])


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, counter: Counter, tmp_path: Path
) -> Cli:
    return Cli(capsys, monkeypatch, counter, tmp_path)


def test_the_round_trip_through_the_command_line(cli: Cli, counter: Counter, tmp_path: Path) -> None:
    counter.register()
    usb = tmp_path / "usb"
    usb.mkdir()
    keys = cli.at_centre("init", "--json")
    assert keys.code == 0 and set(keys.json()) == {"signing_key", "encryption_key", "folder"}
    identity = cli.at_centre("key", "--json").json()
    assert identity == {k: keys.json()[k] for k in ("signing_key", "encryption_key")}
    config = cli.at_ws(
        "sync-config",
        "--centre-signing-key",
        identity["signing_key"],
        "--centre-encryption-key",
        identity["encryption_key"],
        "--on-close",
        "--times",
        "17:30,08:00",
        "--json",
    )
    assert config.code == 0
    assert config.json() == {
        "centre_signing_key": identity["signing_key"],
        "centre_encryption_key": identity["encryption_key"],
        "folder": None,
        "on_close": True,
        "times": ["08:00", "17:30"],
    }

    exported = cli.at_ws("export", "--out", str(usb), "--json")
    assert exported.code == 0
    bundle = exported.json()
    assert set(bundle) == {"path", "bundle_id", "seq_from", "seq_to", "counts", "encrypted"}
    assert bundle["encrypted"] is True and bundle["path"].endswith(".zip.enc")

    # Not enrolled yet: refused, named, exit 2; the JSON still lists the bundle.
    refused = cli.at_centre("import", bundle["path"], "--json")
    assert refused.code == 2
    data = refused.json()
    assert set(data) == IMPORT_KEYS and data["refused"] == 1
    assert set(data["bundles"][0]) == BUNDLE_KEYS and data["bundles"][0]["reason"] == "unknown_workstation"

    public_key = cli.at_ws("key", "show").out.strip()
    enrolled = cli.at_centre(
        "enroll", "--key", public_key, "--agency", AGENCY_CODE, "--workstation", "1", "--json"
    )
    assert enrolled.code == 0 and enrolled.json()["last_seq"] == 0
    imported = cli.at_centre("import", bundle["path"], "--json")
    assert imported.code == 0
    assert imported.json()["imported"] == 1 and imported.json()["bundles"][0]["seq_to"] == bundle["seq_to"]
    again = cli.at_centre("import", bundle["path"], "--json")
    assert again.code == 0 and again.json()["already_imported"] == 1

    ack_path = usb / "ack.json"
    ack = cli.at_centre(
        "ack", "--agency", AGENCY_CODE, "--workstation", "1", "--out", str(ack_path), "--json"
    )
    assert ack.code == 0 and ack.json()["acked_seq"] == bundle["seq_to"]
    taken = cli.at_ws("import-ack", str(ack_path), "--json")
    assert taken.code == 0
    assert taken.json() == {
        "acked_seq": bundle["seq_to"],
        "previous_seq": 0,
        "exports_acknowledged": 1,
        "missing_objects": [],
        "audit_checkpoints": 1,  # the audit chain head the bundle carried, kept as a checkpoint
        "other_epoch": False,
    }
    verified = cli.at_ws("audit", "verify", "--json")
    assert verified.code == 0 and verified.json()["checkpoints"] == {"checked": 1, "skipped": 0}
    status = cli.at_ws("sync-status", "--json").json()
    assert status["acked_seq"] == bundle["seq_to"] and status["unsynced_files"] == 0
    nothing = cli.at_ws("export", "--out", str(usb), "--json")
    assert nothing.code == 0 and nothing.json()["path"] is None

    report = cli.at_centre("report", "--from", "2026-03-01", "--to", "2026-03-31", "--json")
    assert report.code == 0
    communes = report.json()["communes"]
    assert [c["agency"] for c in communes] == [AGENCY_CODE]
    assert set(communes[0]) == {"agency", "received", "returned", "on_time", "overdue"}
    assert communes[0]["received"] == 1
    listed = cli.at_centre("workstations", "--json").json()
    assert [(w["agency"], w["workstation"], w["last_seq"]) for w in listed] == [
        (AGENCY_CODE, 1, bundle["seq_to"])
    ]
    assert cli.at_centre("conflicts", "--json").json() == []


def test_refusals_are_one_clear_line(cli: Cli, counter: Counter, tmp_path: Path) -> None:
    assert_refused(cli("central", "init"), "--db")
    cli.at_centre("init")
    assert_refused(cli.at_centre("report", "--from", "2026-13-01", "--to", "2026-03-31"), "--from")
    assert_refused(cli.at_centre("report", "--from", "2026-03-31", "--to", "2026-03-01"), "before it starts")
    assert_refused(
        cli.at_centre("enroll", "--key", "x25519:abc", "--agency", AGENCY_CODE, "--workstation", "1")
    )
    assert_refused(
        cli.at_centre(
            "ack", "--agency", AGENCY_CODE, "--workstation", "9", "--out", str(tmp_path / "a.json")
        ),
        "not enrolled",
    )
    assert_refused(cli.at_centre("resolve", "not-an-id", "--take", "central"), "not a conflict id")
    assert_refused(
        cli.at_centre("resolve", "01a21383-251e-73fb-beff-35ac48cb99aa", "--take", "central"), "no conflict"
    )
    missing = cli.at_centre("import", str(tmp_path / "nothing.zip"), "--json")
    assert missing.code == 2 and missing.json()["bundles"][0]["reason"] == "missing"

    assert_refused(cli.at_ws("sync-config", "--times", "25:00"), "25:00")
    assert_refused(cli.at_ws("sync-config", "--centre-encryption-key", "ed25519:AAAA"), "encryption key")
    assert_refused(cli.at_ws("import-ack", str(tmp_path / "ack.json")), "no centre signing key")
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{}")
    identity = cli.at_centre("key", "--json").json()
    cli.at_ws("sync-config", "--centre-signing-key", identity["signing_key"])
    assert_refused(cli.at_ws("import-ack", str(garbage)), "not an acknowledgement")
    assert cli.at_ws("sync-status", "--json").json()["acked_seq"] == 0
    assert_refused(cli.at_ws("export", "--out", str(tmp_path / "usb"), "--encrypt-to", "x25519:zz"))

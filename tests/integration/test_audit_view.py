"""Who saw and changed what: openings of a citizen's record in the audit log, the supervisor's filtered
view, and every entry about one citizen written out for their request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from integration.cli_runner import assert_refused, run_cli
from integration.helpers import ID_DUC, Counter
from records.errors import NotFound, PermissionDenied
from records.services.audit import AuditFilter
from records.users import Role
from records.workflow import Status


def test_opening_a_file_and_looking_a_citizen_up_are_noted(counter: Counter) -> None:
    file = counter.register()
    counter.services.files.show(file.code)  # the application's own reading: not an opening
    counter.services.files.show(file.code, counter.clerk)
    history = counter.services.citizens.lookup(ID_DUC, actor=counter.clerk)
    assert history is not None
    assert counter.services.citizens.lookup("001099099999", actor=counter.clerk) is None  # nobody: nothing
    entries = counter.services.audit.search(counter.admin, AuditFilter(username="lan", limit=10))
    assert [(e.action, e.entity_id) for e in entries[:2]] == [
        ("citizen.looked_up", history.citizen.id),
        ("file.opened", file.code),
    ]
    assert len([e for e in entries if e.action == "file.opened"]) == 1


def test_the_supervisors_view_filters_and_is_theirs_alone(counter: Counter) -> None:
    file = counter.register()
    counter.services.files.set_status(file.code, Status.IN_PROGRESS, counter.clerk)
    audit = counter.services.audit
    with pytest.raises(PermissionDenied):
        audit.search(counter.clerk, AuditFilter())
    supervisor = counter.services.users.add(
        counter.admin, "huong", "Lê Thu Hương", Role.SUPERVISOR, "Sen-hong-2026"
    )
    about = audit.search(supervisor, AuditFilter(entity_id=file.code))
    assert {e.action for e in about} == {"file.registered", "file.status_changed"}
    assert all(e.entity_id == file.code for e in about)
    prefix = audit.search(supervisor, AuditFilter(action="file."))
    assert prefix and all(e.action.startswith("file.") for e in prefix)
    exact = audit.search(supervisor, AuditFilter(action="user.login"))
    assert all(e.action == "user.login" for e in exact)
    day = file.summary.received_at.date()
    assert audit.search(supervisor, AuditFilter(date_from=day.replace(year=day.year + 1))) == []
    by_id = audit.search(
        supervisor, AuditFilter(entity_id=ID_DUC)
    )  # a personal ID finds the citizen's lookups
    counter.services.citizens.lookup(ID_DUC, actor=counter.clerk)
    assert [e.action for e in audit.search(supervisor, AuditFilter(entity_id=ID_DUC))] == [
        "citizen.looked_up",
        *[e.action for e in by_id],
    ]
    counter.services.users.authenticate("lan", "sai-mat-khau")
    tried = audit.search(supervisor, AuditFilter(username="lan", action="user.login_failed"))
    assert len(tried) == 1 and tried[0].username == "system"  # written by the system, found by the name
    paged = audit.search(supervisor, AuditFilter(limit=1, offset=1))
    assert len(paged) == 1 and paged[0].seq == audit.search(supervisor, AuditFilter(limit=2))[1].seq


def test_every_entry_about_one_citizen_for_their_request(counter: Counter, tmp_path: Path) -> None:
    mine = counter.register()
    other = counter.register(personal_id="001099054321", full_name="Phạm Văn Nam")
    counter.services.files.show(mine.code, counter.clerk)
    counter.services.files.show(other.code, counter.clerk)
    out = tmp_path / "yeu-cau.json"
    report = counter.services.audit.export_about_citizen(counter.admin, ID_DUC, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "motcua-audit-subject" and report.entries == len(document["entries"]) > 0
    touched = {e["entity_id"] for e in document["entries"]}
    assert mine.code in touched and other.code not in touched
    assert {"file.registered", "file.opened"} <= {e["action"] for e in document["entries"]}
    last = counter.services.audit.search(counter.admin, AuditFilter(limit=1))[0]
    assert last.action == "audit.subject_exported" and last.details["entries"] == report.entries
    with pytest.raises(NotFound):
        counter.services.audit.export_about_citizen(counter.admin, "001099099999", out)


def test_the_audit_commands(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, counter: Counter, tmp_path: Path
) -> None:
    file = counter.register()
    home = ["--data-dir", str(counter.location.data_dir)]
    shown = run_cli(capsys, monkeypatch, ["file", "show", file.code, "--json", *home], None)
    assert shown.code == 0
    listed = run_cli(capsys, monkeypatch, ["audit", "list", "--action", "file.opened", "--json", *home], None)
    assert listed.code == 0 and [e["entity_id"] for e in listed.json()] == [file.code]
    assert set(listed.json()[0]) == {
        "seq",
        "at",
        "user",
        "workstation",
        "action",
        "entity",
        "entity_id",
        "details",
    }
    out = tmp_path / "subject.json"
    made = run_cli(
        capsys, monkeypatch, ["audit", "citizen", ID_DUC, "--out", str(out), "--json", *home], None
    )
    assert made.code == 0 and set(made.json()) == {"path", "citizen_id", "entries"}
    assert_refused(
        run_cli(capsys, monkeypatch, ["audit", "list", "--from", "hôm nay", *home], None), "--from"
    )
    assert_refused(run_cli(capsys, monkeypatch, ["audit", "citizen", "123", "--out", str(out), *home], None))

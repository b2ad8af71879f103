"""Logging in: password rules, the lock after repeated wrong passwords, every attempt in the audit log,
old hashes renewed; and ``motcua user …`` as administrators script it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

import records.services.users as users_service
from integration.cli_runner import Run, assert_refused, run_cli
from integration.documents import scanned
from integration.helpers import Counter
from records.audit import recent
from records.clock import local, now
from records.errors import AccountLocked, InvalidInput, PermissionDenied
from records.store.models import User
from records.users import LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES, Role, check_password_rules, needs_rehash
from records.workflow import Status


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("ngan", "too_short"),
        ("x" * 300, "too_long"),
        ("Lan.Nguyen", "same_as_username"),
        ("aaaaaaaaaa", "too_simple"),
        ("abcdefghij", "too_simple"),
        ("98765432", "too_simple"),
        ("MatKhau123", "too_common"),
        ("password1", "too_common"),
    ],
)
def test_weak_passwords_are_refused_by_name(password: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_password_rules(password, "lan.nguyen")
    assert refused.value.reason == reason


def test_a_reasonable_password_passes() -> None:
    check_password_rules("Hoa-sen-2026", "lan.nguyen")
    check_password_rules("cổng trời mây", "lan.nguyen")


def _actions(counter: Counter) -> list[tuple[str, dict[str, object]]]:
    with counter.services.db.reading() as uow:
        return [
            (e.action, e.details) for e in reversed(recent(uow.session, 50)) if e.action.startswith("user.")
        ]


def test_repeated_wrong_passwords_lock_the_account(counter: Counter, monkeypatch: pytest.MonkeyPatch) -> None:
    users = counter.services.users
    for _ in range(LOCKOUT_ATTEMPTS):
        assert users.authenticate("lan", "sai-mat-khau") is None
    with pytest.raises(AccountLocked) as locked:
        users.authenticate("lan", "matkhau-lan")  # even the right password, while locked
    assert "lan" in users.locks()
    until = users.locks()["lan"]
    assert timedelta(minutes=LOCKOUT_MINUTES - 1) < until - now() <= timedelta(minutes=LOCKOUT_MINUTES)
    assert locked.value.params["until"] == until.isoformat()
    actions = [a for a, _ in _actions(counter)]
    assert actions[-(LOCKOUT_ATTEMPTS + 2) :] == ["user.login_failed"] * LOCKOUT_ATTEMPTS + [
        "user.locked",
        "user.login_refused",
    ]

    later = now() + timedelta(minutes=LOCKOUT_MINUTES, seconds=1)
    monkeypatch.setattr(users_service, "now", lambda: later)
    actor = users.authenticate("lan", "matkhau-lan")
    assert actor is not None and actor.username == "lan"
    assert users.authenticate("lan", "sai-mat-khau") is None  # the count started again from nothing
    assert _actions(counter)[-1] == ("user.login_failed", {"username": "lan", "failures": 1})


def test_an_unknown_name_is_locked_the_same_way(counter: Counter) -> None:
    users = counter.services.users
    for _ in range(LOCKOUT_ATTEMPTS):
        assert users.authenticate("khong.co", "sai-mat-khau") is None
    with pytest.raises(AccountLocked):
        users.authenticate("khong.co", "bat-ky")


def test_an_administrator_lifts_a_lock(counter: Counter) -> None:
    users = counter.services.users
    for _ in range(LOCKOUT_ATTEMPTS):
        users.authenticate("lan", "sai-mat-khau")
    with pytest.raises(PermissionDenied):
        users.unlock(counter.clerk, "lan")
    users.unlock(counter.admin, "lan")
    assert users.locks() == {} and users.authenticate("lan", "matkhau-lan") is not None
    assert ("user.unlocked", {"username": "lan"}) in _actions(counter)


def test_a_good_login_is_audited_and_renews_an_old_hash(counter: Counter) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("matkhau-lan")
    with counter.services.db.writing() as uow:
        uow.session.execute(update(User).where(User.username == "lan").values(password_hash=weak))
        uow.commit()
    assert needs_rehash(weak)
    actor = counter.services.users.authenticate("lan", "matkhau-lan", 1)
    assert actor is not None and actor.role is Role.CLERK
    with counter.services.db.reading() as uow:
        stored = uow.session.scalar(select(User.password_hash).where(User.username == "lan"))
    assert stored is not None and stored != weak and not needs_rehash(stored)
    assert _actions(counter)[-1] == ("user.login", {"username": "lan"})
    assert counter.services.users.authenticate("lan", "matkhau-lan") is not None


def test_the_user_commands(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, counter: Counter
) -> None:
    home = ["--data-dir", str(counter.location.data_dir)]

    def run(*argv: str, stdin: str | None = None) -> Run:
        return run_cli(capsys, monkeypatch, [*argv, *home], stdin)

    added = run(
        "user",
        "add",
        "huong",
        "--role",
        "supervisor",
        "--full-name",
        "Lê Thu Hương",
        "--json",
        stdin="Sen-hong-2026\n",
    )
    assert added.code == 0, added.err
    data = added.json()
    assert {k: data[k] for k in ("username", "full_name", "role", "active", "locked_until")} == {
        "username": "huong",
        "full_name": "Lê Thu Hương",
        "role": "supervisor",
        "active": True,
        "locked_until": None,
    }
    assert "Sen-hong-2026" not in added.out + added.err
    assert counter.services.users.authenticate("huong", "Sen-hong-2026") is not None

    assert_refused(run("user", "add", "minh", "--role", "clerk", stdin="matkhau123\n"), "most used")
    assert_refused(run("user", "add", "minh", "--role", "boss", stdin="Sen-hong-2026\n"), "unknown role")
    assert_refused(run("user", "add", "minh", "--role", "clerk", stdin=""), "no password")

    for _ in range(LOCKOUT_ATTEMPTS):
        counter.services.users.authenticate("huong", "sai")
    listed = run("user", "list", "--json").json()
    by_name = {row["username"]: row for row in listed}
    assert set(by_name) == {"admin", "lan", "huong"} and by_name["huong"]["locked_until"] is not None
    assert run("user", "unlock", "huong", "--json").json()["locked_until"] is None

    disabled = run("user", "disable", "huong", "--json")
    assert disabled.code == 0 and disabled.json()["active"] is False
    assert counter.services.users.authenticate("huong", "Sen-hong-2026") is None
    assert run("user", "enable", "huong").code == 0
    reset = run("user", "reset-password", "huong", stdin="Hoa-mai-2027\n")
    assert reset.code == 0
    assert counter.services.users.authenticate("huong", "Hoa-mai-2027") is not None
    assert_refused(run("user", "disable", "khong-co"), "khong-co")


def test_only_administrators_change_the_catalogue(counter: Counter) -> None:
    text = counter.services.catalog.export_text()
    with pytest.raises(PermissionDenied):
        counter.services.catalog.import_text(text, counter.clerk)
    assert counter.services.catalog.import_text(text, counter.admin).to_json()


def test_a_clerk_cannot_change_another_clerks_closed_file(counter: Counter) -> None:
    other = counter.services.users.add(counter.admin, "minh", "Võ Văn Minh", Role.CLERK, "Hoa-sen-2026")
    file = counter.register()
    for status in (Status.IN_PROGRESS, Status.RESULT_READY, Status.RETURNED):
        counter.services.files.set_status(file.code, status, counter.clerk)
    with pytest.raises(PermissionDenied) as refused:
        counter.services.attachments.attach(file.code, [scanned()], other)
    assert file.code in str(refused.value)
    [mine] = counter.services.attachments.attach(file.code, [scanned()], counter.clerk)  # the clerk's own
    with pytest.raises(PermissionDenied):
        counter.services.attachments.remove(mine.id, other)
    supervisor = counter.services.users.add(
        counter.admin, "huong", "Lê Thu Hương", Role.SUPERVISOR, "Sen-hong-2026"
    )
    assert counter.services.attachments.remove(mine.id, supervisor).removed_at is not None


def test_only_a_supervisor_closes_the_day(counter: Counter) -> None:
    file = counter.register()
    day = local(file.summary.received_at).date()
    with pytest.raises(PermissionDenied):
        counter.services.reports.close_day(counter.clerk, day)
    supervisor = counter.services.users.add(
        counter.admin, "huong", "Lê Thu Hương", Role.SUPERVISOR, "Sen-hong-2026"
    )
    closed = counter.services.reports.close_day(supervisor, day)
    assert closed.closed_by == "huong" and closed.closed_at is not None and closed.received == 1
    with pytest.raises(InvalidInput) as again:
        counter.services.reports.close_day(counter.admin, day)
    assert again.value.reason == "already_closed"
    with pytest.raises(InvalidInput) as future:
        counter.services.reports.close_day(supervisor, local(now()).date() + timedelta(days=1))
    assert future.value.reason == "future_day"
    assert (
        "day.closed",
        {"received": 1, "returned": 0, "overdue": closed.overdue, "finished": 0, "on_time_rate": None},
    ) in [(a, d) for a, d in _all_actions(counter)]
    assert counter.services.reports.day(day).closed_by == "huong"


def _all_actions(counter: Counter) -> list[tuple[str, dict[str, object]]]:
    with counter.services.db.reading() as uow:
        return [(e.action, e.details) for e in recent(uow.session, 50)]


def test_the_day_commands(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, counter: Counter
) -> None:
    file = counter.register()
    day = local(file.summary.received_at).date().isoformat()
    home = ["--data-dir", str(counter.location.data_dir)]
    shown = run_cli(capsys, monkeypatch, ["day", "show", day, "--json", *home], None)
    assert shown.code == 0 and shown.json()["received"] == 1 and shown.json()["closed_at"] is None
    closed = run_cli(capsys, monkeypatch, ["day", "close", day, "--json", *home], None)
    assert closed.code == 0 and closed.json()["closed_by"] == "system"
    assert_refused(run_cli(capsys, monkeypatch, ["day", "close", day, *home], None), "closed by system")
    assert_refused(run_cli(capsys, monkeypatch, ["day", "show", "hôm qua", *home], None), "not a date")

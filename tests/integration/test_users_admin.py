"""Accounts on the settings screen: listing, enabling and disabling, roles, password resets — by
administrators only, never locking the installation out, each audited without the password."""

from __future__ import annotations

import json

import pytest

from integration.helpers import Counter, store_dump
from records import audit
from records.errors import InvalidInput, NotFound, PermissionDenied
from records.services import Services
from records.users import Role, UserView


def _audit(services: Services) -> list[audit.AuditView]:
    with services.db.reading() as uow:
        return list(reversed(audit.recent(uow.session, limit=10_000)))


def test_list_shows_the_accounts_but_not_the_system_one(counter: Counter) -> None:
    users = counter.services.users.list()
    assert [(u.username, u.full_name, u.role, u.active) for u in users] == [
        ("admin", "Quản trị viên", Role.ADMIN, True),
        ("lan", "Trần Thị Lan", Role.CLERK, True),
    ]
    assert all(isinstance(u, UserView) and u.created_at.tzinfo is not None for u in users)
    assert json.dumps([u.to_json() for u in users])


def test_get_one_account(counter: Counter) -> None:
    lan = counter.services.users.get(" LAN ")
    assert (lan.id, lan.username, lan.full_name, lan.role) == (
        counter.clerk.user_id,
        "lan",
        "Trần Thị Lan",
        Role.CLERK,
    )
    for unknown in ("system", "nobody"):
        with pytest.raises(NotFound):
            counter.services.users.get(unknown)


@pytest.mark.parametrize(
    "change",
    [
        lambda s, a: s.users.set_active(a, "admin", False),
        lambda s, a: s.users.set_role(a, "lan", Role.ADMIN),
        lambda s, a: s.users.reset_password(a, "admin", "matkhau-moi-123"),
    ],
    ids=["set_active", "set_role", "reset_password"],
)
def test_only_administrators_manage_accounts(counter: Counter, change: object) -> None:
    services = counter.services
    before = store_dump(services)
    with pytest.raises(PermissionDenied):
        change(services, counter.clerk)  # type: ignore[operator]
    assert store_dump(services) == before


def test_disable_and_enable_an_account(counter: Counter) -> None:
    users = counter.services.users
    seen = len(_audit(counter.services))
    view = users.set_active(counter.admin, "lan", False)
    assert view.active is False and users.get("lan").active is False
    assert users.authenticate("lan", "matkhau-lan") is None  # a disabled account cannot log in
    assert users.set_active(counter.admin, "lan", False).active is False  # already so: nothing written
    assert users.set_active(counter.admin, "lan", True).active is True
    assert users.authenticate("lan", "matkhau-lan") is not None
    entries = _audit(counter.services)[seen:]
    assert [(e.action, e.username, e.entity_id, e.details) for e in entries] == [
        ("user.disabled", "admin", counter.clerk.user_id, {"username": "lan"}),
        ("user.login_failed", "system", "lan", {"username": "lan", "failures": 1}),  # every attempt is logged
        ("user.enabled", "admin", counter.clerk.user_id, {"username": "lan"}),
        ("user.login", "lan", counter.clerk.user_id, {"username": "lan"}),
    ]


def test_change_a_role(counter: Counter) -> None:
    users = counter.services.users
    assert users.set_role(counter.admin, "lan", Role.SUPERVISOR).role is Role.SUPERVISOR
    actor = users.authenticate("lan", "matkhau-lan")
    assert actor is not None and actor.role is Role.SUPERVISOR
    (entry,) = [e for e in _audit(counter.services) if e.action == "user.role_changed"]
    assert entry.details == {"username": "lan", "from": "clerk", "to": "supervisor"}


def test_reset_a_password_without_writing_it_anywhere(counter: Counter) -> None:
    users = counter.services.users
    users.reset_password(counter.admin, "lan", "mat-khau-moi-2026")
    assert users.authenticate("lan", "matkhau-lan") is None
    assert users.authenticate("lan", "mat-khau-moi-2026") is not None
    (entry,) = [e for e in _audit(counter.services) if e.action == "user.password_reset"]
    assert entry.details == {"username": "lan"}
    dump = repr(store_dump(counter.services))
    assert "mat-khau-moi-2026" not in dump


def test_a_short_password_is_refused_and_nothing_changes(counter: Counter) -> None:
    before = store_dump(counter.services)
    with pytest.raises(InvalidInput) as refused:
        counter.services.users.reset_password(counter.admin, "lan", "short")
    assert refused.value.params["field"] == "password"
    assert store_dump(counter.services) == before


def test_an_administrator_cannot_lock_themselves_out(counter: Counter) -> None:
    users = counter.services.users
    users.add(counter.admin, "hung", "Phạm Văn Hùng", Role.ADMIN, "matkhau-hung")  # not the last admin
    before = store_dump(counter.services)
    with pytest.raises(InvalidInput, match="your own account"):
        users.set_active(counter.admin, "admin", False)
    with pytest.raises(InvalidInput, match="your own account"):
        users.set_role(counter.admin, "admin", Role.CLERK)
    assert store_dump(counter.services) == before
    users.reset_password(counter.admin, "admin", "doi-mat-khau-1")  # their own password they may change


def test_the_last_active_administrator_stays(counter: Counter) -> None:
    users, system = counter.services.users, counter.system  # the command line acts as "system"
    before = store_dump(counter.services)
    with pytest.raises(InvalidInput, match="last active administrator"):
        users.set_active(system, "admin", False)
    with pytest.raises(InvalidInput, match="last active administrator"):
        users.set_role(system, "admin", Role.SUPERVISOR)
    assert store_dump(counter.services) == before
    # A disabled administrator does not count; an active one does.
    users.add(counter.admin, "hung", "Phạm Văn Hùng", Role.ADMIN, "matkhau-hung")
    users.set_active(counter.admin, "hung", False)
    with pytest.raises(InvalidInput, match="last active administrator"):
        users.set_active(system, "admin", False)
    users.set_active(counter.admin, "hung", True)
    assert users.set_role(system, "admin", Role.SUPERVISOR).role is Role.SUPERVISOR
    with pytest.raises(InvalidInput, match="last active administrator"):
        users.set_active(system, "hung", False)


def test_the_system_account_is_not_managed_here(counter: Counter) -> None:
    with pytest.raises(NotFound):
        counter.services.users.set_active(counter.admin, "system", False)
    with pytest.raises(NotFound):
        counter.services.users.reset_password(counter.admin, "system", "matkhau-he-thong")

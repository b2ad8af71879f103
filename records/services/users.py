"""Users: the built-in system actor, local accounts with argon2id passwords, and their administration.

Only administrators manage accounts. An administrator can neither lock themselves out (disable or demote
their own account) nor leave the installation without an active administrator; the built-in ``system``
account does not count (nobody can log in as it) and is never listed or changed here.
"""

from __future__ import annotations

import builtins
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from records import audit
from records.clock import now
from records.errors import AccountLocked, InvalidInput, NotFound
from records.store.database import Database
from records.store.models import LoginFailure, User
from records.text import nfc
from records.users import (
    LOCKOUT_ATTEMPTS,
    LOCKOUT_MINUTES,
    SYSTEM_USERNAME,
    Actor,
    Role,
    UserView,
    hash_password,
    needs_rehash,
    rehash_password,
    require_admin,
    verify_password,
)


def system_actor(session: Session, workstation: int | None = None) -> Actor:
    """The ``system`` actor (created on first use): the author of command-line and start-up writes."""
    user = session.scalar(select(User).where(User.username == SYSTEM_USERNAME))
    if user is None:
        user = User(
            username=SYSTEM_USERNAME,
            full_name="Hệ thống",
            role=Role.ADMIN.value,
            password_hash=None,
            active=True,
            created_at=now(),
        )
        session.add(user)
        session.flush()
    return Actor(str(user.id), user.username, Role(user.role), workstation)


def check_username(username: str, field: str = "username") -> str:
    """The account name as stored (trimmed, lower case), or :class:`InvalidInput` naming ``field``:
    letters, digits, dots and underscores only, and never the built-in ``system``."""
    name = username.strip().lower()
    if not name or not name.replace(".", "").replace("_", "").isalnum() or name == SYSTEM_USERNAME:
        raise InvalidInput(f"{username!r} cannot be a user name", field=field)
    return name


def add_user(
    session: Session, actor: Actor, username: str, full_name: str, role: Role, password_hash: str
) -> Actor:
    """Add the account ``username`` (already checked by :func:`check_username`) in the unit of work of
    ``session``, with its audit entry; :class:`InvalidInput` when the name is taken."""
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise InvalidInput(f"user {username!r} already exists", field="username")
    user = User(
        username=username,
        full_name=nfc(full_name) or username,
        role=role.value,
        password_hash=password_hash,
        active=True,
        created_at=now(),
    )
    session.add(user)
    session.flush()
    details = {"username": username, "role": role.value}
    audit.append(session, actor, "user.added", "user", str(user.id), details)
    return Actor(str(user.id), username, role, actor.workstation)


def has_accounts(session: Session) -> bool:
    """Whether any account other than the built-in ``system`` one exists."""
    found = session.scalar(select(User.id).where(User.username != SYSTEM_USERNAME).limit(1))
    return found is not None


class UserService:
    """Creates and administers accounts and checks passwords."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def system(self, workstation: int | None = None) -> Actor:
        """The system actor, created if needed."""
        with self._db.writing() as uow:
            actor = system_actor(uow.session, workstation)
            uow.commit()
        return actor

    def add(self, actor: Actor, username: str, full_name: str, role: Role, password: str) -> Actor:
        """Create an account (admins only)."""
        require_admin(actor, "add users")
        name = check_username(username)
        password_hash = hash_password(password, name)  # slow on purpose: before the write lock is taken
        with self._db.writing() as uow:
            added = add_user(uow.session, actor, name, full_name, role, password_hash)
            uow.commit()
        return added

    def authenticate(self, username: str, password: str, workstation: int | None = None) -> Actor | None:
        """The actor for a correct user name and password, else ``None``. After
        :data:`~records.users.LOCKOUT_ATTEMPTS` wrong passwords in a row the name is locked for
        :data:`~records.users.LOCKOUT_MINUTES` minutes (:class:`AccountLocked`, even for the right
        password). Every attempt is in the audit log; a good one resets the count (and rehashes a password
        hashed with older parameters)."""
        name = username.strip().lower()[:160]
        with self._db.reading() as uow:
            user = uow.session.scalar(select(User).where(User.username == name))
            stored = (str(user.id), user.password_hash, user.active, Role(user.role)) if user else None
            failure = uow.session.get(LoginFailure, name)
            locked_until = failure.locked_until if failure is not None else None
        moment = now()
        if locked_until is not None and locked_until > moment:
            self._record_attempt(
                name, workstation, "user.login_refused", {"locked_until": locked_until.isoformat()}
            )
            raise AccountLocked(
                f"{name} is locked until {locked_until.isoformat()} after too many wrong passwords",
                username=name,
                until=locked_until.isoformat(),
            )
        good = stored is not None and stored[2] and verify_password(stored[1], password)  # slow: no lock held
        if not good or stored is None:
            self._failed(name, workstation)
            return None
        actor = Actor(stored[0], name, stored[3], workstation)
        rehashed = rehash_password(password) if stored[1] and needs_rehash(stored[1]) else None
        with self._db.writing() as uow:
            session = uow.session
            session.query(LoginFailure).filter(LoginFailure.username == name).delete()
            if rehashed is not None:
                session.execute(update(User).where(User.username == name).values(password_hash=rehashed))
            audit.append(session, actor, "user.login", "user", actor.user_id, {"username": name})
            uow.commit()
        return actor

    def _failed(self, name: str, workstation: int | None) -> None:
        """Count a wrong password; lock the name when there were too many in a row."""
        with self._db.writing() as uow:
            session = uow.session
            failure = session.get(LoginFailure, name)
            if failure is None:
                failure = LoginFailure(username=name, failures=0, last_at=now())
                session.add(failure)
            failure.failures += 1
            failure.last_at = now()
            details: dict[str, Any] = {"username": name, "failures": failure.failures}
            actor = system_actor(session, workstation)
            audit.append(session, actor, "user.login_failed", "user", name, details)
            if failure.failures >= LOCKOUT_ATTEMPTS:
                failure.locked_until = now() + timedelta(minutes=LOCKOUT_MINUTES)
                failure.failures = 0
                lock = {"username": name, "until": failure.locked_until.isoformat()}
                audit.append(session, actor, "user.locked", "user", name, lock)
            uow.commit()

    def _record_attempt(
        self, name: str, workstation: int | None, action: str, details: dict[str, Any]
    ) -> None:
        with self._db.writing() as uow:
            session = uow.session
            audit.append(
                session,
                system_actor(session, workstation),
                action,
                "user",
                None,
                {"username": name, **details},
            )
            uow.commit()

    def locks(self) -> dict[str, datetime]:
        """The user names locked now by wrong passwords, and until when."""
        moment = now()
        with self._db.reading() as uow:
            rows = uow.session.scalars(select(LoginFailure).where(LoginFailure.locked_until > moment))
            return {row.username: row.locked_until for row in rows if row.locked_until is not None}

    def unlock(self, actor: Actor, username: str) -> None:
        """Lift a lock caused by wrong passwords (admins only)."""
        require_admin(actor, "unlock accounts")
        name = username.strip().lower()
        with self._db.writing() as uow:
            session = uow.session
            removed = session.query(LoginFailure).filter(LoginFailure.username == name).delete()
            if removed:
                audit.append(session, actor, "user.unlocked", "user", name, {"username": name})
            uow.commit()

    def list(self) -> builtins.list[UserView]:
        """Every account but the built-in ``system`` one, by user name."""
        with self._db.reading() as uow:
            rows = uow.session.scalars(
                select(User).where(User.username != SYSTEM_USERNAME).order_by(User.username)
            )
            return [_view(row) for row in rows]

    def get(self, username: str) -> UserView:
        """One account by its user name (:class:`NotFound` for an unknown one or ``system``)."""
        with self._db.reading() as uow:
            return _view(_account(uow.session, username))

    def set_active(self, actor: Actor, username: str, active: bool) -> UserView:
        """Enable or disable an account (admins only). A disabled account cannot log in; its files and
        audit entries stay. Nothing is written when the account is already so."""
        require_admin(actor, "enable or disable accounts")
        with self._db.writing() as uow:
            session = uow.session
            user = _account(session, username)
            if user.active == active:
                return _view(user)
            if not active:
                _check_admin_kept(session, actor, user, "disable")
            user.active = active
            action = "user.enabled" if active else "user.disabled"
            audit.append(session, actor, action, "user", str(user.id), {"username": user.username})
            view = _view(user)
            uow.commit()
        return view

    def set_role(self, actor: Actor, username: str, role: Role) -> UserView:
        """Give an account another role (admins only). Nothing is written when it already has it."""
        require_admin(actor, "change roles")
        with self._db.writing() as uow:
            session = uow.session
            user = _account(session, username)
            before = Role(user.role)
            if before is role:
                return _view(user)
            if before is Role.ADMIN:
                _check_admin_kept(session, actor, user, "demote")
            user.role = role.value
            details = {"username": user.username, "from": before.value, "to": role.value}
            audit.append(session, actor, "user.role_changed", "user", str(user.id), details)
            view = _view(user)
            uow.commit()
        return view

    def reset_password(self, actor: Actor, username: str, new_password: str) -> UserView:
        """Set an account's password (admins only); the audit entry names the account, never the
        password."""
        require_admin(actor, "reset passwords")
        password_hash = hash_password(new_password, username)
        with self._db.writing() as uow:
            session = uow.session
            user = _account(session, username)
            user.password_hash = password_hash
            details = {"username": user.username}
            audit.append(session, actor, "user.password_reset", "user", str(user.id), details)
            view = _view(user)
            uow.commit()
        return view


def _account(session: Session, username: str) -> User:
    """A listed account by name, for reading or changing (never ``system``)."""
    name = username.strip().lower()
    user = None
    if name != SYSTEM_USERNAME:
        user = session.scalar(select(User).where(User.username == name))
    if user is None:
        raise NotFound(f"no user {username!r}", username=username)
    return user


def _check_admin_kept(session: Session, actor: Actor, user: User, change: str) -> None:
    """Refuse to ``change`` (disable or demote) ``user`` when it is the acting administrator or the last
    active administrator."""
    if str(user.id) == actor.user_id:
        raise InvalidInput(
            f"you cannot {change} your own account: ask another administrator", field="username"
        )
    if user.role != Role.ADMIN.value or not user.active:
        return
    others = session.scalar(
        select(func.count())
        .select_from(User)
        .where(
            User.role == Role.ADMIN.value,
            User.active.is_(True),
            User.username != SYSTEM_USERNAME,
            User.id != user.id,
        )
    )
    if not others:
        raise InvalidInput(
            f"{user.username!r} is the last active administrator: make another account an administrator "
            f"first",
            field="username",
        )


def _view(user: User) -> UserView:
    return UserView(
        id=str(user.id),
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        active=user.active,
        created_at=user.created_at,
    )

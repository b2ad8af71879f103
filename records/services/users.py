"""Users: the built-in system actor, local accounts with argon2id passwords."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from records import audit
from records.clock import now
from records.errors import InvalidInput, PermissionDenied
from records.store.database import Database
from records.store.models import User
from records.text import nfc
from records.users import SYSTEM_USERNAME, Actor, Role, hash_password, verify_password


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


class UserService:
    """Creates accounts and checks passwords."""

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
        if actor.role is not Role.ADMIN:
            raise PermissionDenied("only an administrator can add users")
        name = username.strip().lower()
        if not name or not name.replace(".", "").replace("_", "").isalnum() or name == SYSTEM_USERNAME:
            raise InvalidInput(f"{username!r} cannot be a user name", field="username")
        with self._db.writing() as uow:
            if uow.session.scalar(select(User).where(User.username == name)) is not None:
                raise InvalidInput(f"user {name!r} already exists", field="username")
            user = User(
                username=name,
                full_name=nfc(full_name) or name,
                role=role.value,
                password_hash=hash_password(password),
                active=True,
                created_at=now(),
            )
            uow.session.add(user)
            uow.session.flush()
            audit.append(
                uow.session, actor, "user.added", "user", str(user.id), {"username": name, "role": role.value}
            )
            uow.commit()
            return Actor(str(user.id), name, role, actor.workstation)

    def authenticate(self, username: str, password: str, workstation: int | None = None) -> Actor | None:
        """The actor for a correct user name and password, else ``None``."""
        with self._db.reading() as uow:
            user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
            if user is None or not user.active or not verify_password(user.password_hash, password):
                return None
            return Actor(str(user.id), user.username, Role(user.role), workstation)

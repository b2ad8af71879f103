"""Local users, their roles and their passwords (argon2id hashes, never the password itself)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from records.clock import iso
from records.errors import InvalidInput, PermissionDenied

SYSTEM_USERNAME = "system"  # the actor of command-line and start-up writes; has no password
MIN_PASSWORD_LENGTH = 8

_HASHER = PasswordHasher()  # argon2id with the library's RFC 9106 low-memory defaults


class Role(StrEnum):
    """What a user may do: clerks register and follow files, supervisors review, admins configure."""

    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @classmethod
    def parse(cls, text: str) -> Role:
        """A role from its name."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise InvalidInput(f"unknown role {text!r}; one of clerk, supervisor, admin") from None


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (refuses passwords shorter than 8 characters)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"a password needs at least {MIN_PASSWORD_LENGTH} characters", field="password")
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches ``password_hash`` (``False`` for accounts without a password)."""
    if not password_hash:
        return False
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class Actor:
    """Who is acting: recorded on every write."""

    user_id: str
    username: str
    role: Role
    workstation: int | None = None


def require_admin(actor: Actor, action: str) -> None:
    """Refuse (:class:`PermissionDenied`) ``action`` unless ``actor`` is an administrator."""
    if actor.role is not Role.ADMIN:
        raise PermissionDenied(f"only an administrator can {action}", action=action, role=actor.role.value)


@dataclass(frozen=True)
class UserView:
    """A local account as the settings screen shows it (never its password hash)."""

    id: str
    username: str
    full_name: str
    role: Role
    active: bool
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "id": self.id,
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role.value,
            "active": self.active,
            "created_at": iso(self.created_at),
        }

"""Local users, their roles and their passwords (argon2id hashes, never the password itself)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from records.errors import InvalidInput

SYSTEM_USERNAME = "system"  # the actor of command-line and start-up writes; has no password

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
    if len(password) < 8:
        raise InvalidInput("a password needs at least 8 characters")
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

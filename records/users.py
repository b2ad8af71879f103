"""Local users, their roles and their passwords (argon2id hashes, never the password itself)."""

from __future__ import annotations

import itertools
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
MAX_PASSWORD_LENGTH = 256
LOCKOUT_ATTEMPTS = 5  # wrong passwords in a row before a lock
LOCKOUT_MINUTES = 15  # how long the lock lasts

# argon2id, RFC 9106's second recommended option ("low memory"): 3 passes over 64 MiB, 4 lanes — about a
# tenth of a second on a counter PC, and every guess costs an attacker as much.
_HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4, hash_len=32, salt_len=16)
# Passwords people choose first; refused whatever their length.
_COMMON = frozenset(
    {
        "12345678",
        "123456789",
        "1234567890",
        "87654321",
        "password",
        "password1",
        "matkhau",
        "matkhau1",
        "matkhau123",
        "qwertyui",
        "qwerty123",
        "abc12345",
        "11111111",
        "00000000",
        "admin123",
        "admin1234",
        "motcua123",
    }
)


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


def check_password_rules(password: str, username: str | None = None) -> None:
    """Refuse (:class:`InvalidInput`, ``reason`` naming the rule) a password that is too short or too long
    (``too_short``, ``too_long``), the user name itself (``same_as_username``), one character repeated or a
    run like "12345678" (``too_simple``), or one of the passwords people choose first (``too_common``)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            f"a password needs at least {MIN_PASSWORD_LENGTH} characters",
            field="password",
            reason="too_short",
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInput(
            f"a password has at most {MAX_PASSWORD_LENGTH} characters", field="password", reason="too_long"
        )
    folded = password.strip().lower()
    if username and folded == username.strip().lower():
        raise InvalidInput("a password cannot be the user name", field="password", reason="same_as_username")
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(folded)}
    if len(set(folded)) == 1 or steps in ({1}, {-1}):
        raise InvalidInput("this password is too simple to guess", field="password", reason="too_simple")
    if folded in _COMMON:
        raise InvalidInput("this password is among the most used ones", field="password", reason="too_common")


def hash_password(password: str, username: str | None = None) -> str:
    """An argon2id hash of ``password``, once it passes :func:`check_password_rules`."""
    check_password_rules(password, username)
    return _HASHER.hash(password)


def rehash_password(password: str) -> str:
    """A fresh hash of a password that already matched its stored hash (no rules: it was accepted once)."""
    return _HASHER.hash(password)


def needs_rehash(password_hash: str) -> bool:
    """Whether a stored hash was made with other parameters than today's (rehash it at the next login)."""
    try:
        return _HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return False


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


def require_supervisor(actor: Actor, action: str) -> None:
    """Refuse (:class:`PermissionDenied`) ``action`` unless ``actor`` is a supervisor or an administrator."""
    if actor.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise PermissionDenied(f"only a supervisor can {action}", action=action, role=actor.role.value)


def require_may_change_closed_file(actor: Actor, closed: bool, received_by: str | None, code: str) -> None:
    """A clerk changes a closed file (returned, withdrawn, stopped, refused) only if it is theirs — the one
    who received it; supervisors and administrators may correct any."""
    if closed and actor.role is Role.CLERK and received_by != actor.user_id:
        raise PermissionDenied(
            f"file {code} is closed and was received by another clerk: a supervisor can change it",
            action="change a closed file",
            role=actor.role.value,
        )


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

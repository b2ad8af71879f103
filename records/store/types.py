"""Column types shared by every model: UTC timestamps, UUIDv7 keys, short texts."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

import uuid6
from sqlalchemy import DateTime, Dialect, String, TypeDecorator
from sqlalchemy.orm import mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC. Naive values are refused: their meaning would be a guess."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = datetime.fromisoformat(value) if isinstance(value, str) else value
        return moment.replace(tzinfo=UTC)


def new_id() -> uuid.UUID:
    """A UUIDv7: time-ordered, so B-tree inserts stay at the right edge; made on the client, so imports are
    idempotent whichever workstation made the row."""
    return uuid.UUID(bytes=uuid6.uuid7().bytes)


UuidPk = Annotated[uuid.UUID, mapped_column(primary_key=True, default=new_id)]
Str20 = Annotated[str, mapped_column(String(20))]
Str64 = Annotated[str, mapped_column(String(64))]
Str255 = Annotated[str, mapped_column(String(255))]
UTCTime = Annotated[datetime, mapped_column(UTCDateTime())]

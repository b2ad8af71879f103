"""The file list sorts in the database and the supervisor's day is counted on indexes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

``files.due_at`` and ``files.status`` had only the composite (status, due_at) index, which orders the whole
list by neither (with the ``pk`` tie-break, a status sort of 300,000 files took 0.6 s; 3 ms on its own
index). ``files.finished_at`` and ``files.returned_at`` had none: counting a day's results read every file
(0.12 s at 300,000 files; 7 ms with them).

``procedures.name_folded`` is the name without diacritics (đ -> d), so that sorting on the procedure puts
"Đăng ký khai sinh" among the D's rather than after Z; it is filled here from the stored names with the same
:func:`records.text.fold` the catalogue import uses. The column is added in place (SQLite's ALTER TABLE ADD
COLUMN, no table copy: files refer to procedures); its server default only fills the rows being migrated.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from records.text import fold

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FILE_INDEXES = ("due_at", "status", "finished_at", "returned_at")


def upgrade() -> None:
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_folded", sa.Text(), nullable=False, server_default=""))
    procedures = sa.table(
        "procedures", sa.column("code", sa.String()), sa.column("name", sa.Text()), sa.column("name_folded")
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(procedures.c.code, procedures.c.name)).all()
    for code, name in rows:
        bind.execute(procedures.update().where(procedures.c.code == code).values(name_folded=fold(name)))
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_procedures_name_folded"), ["name_folded"], unique=False)
    with op.batch_alter_table("files", schema=None) as batch_op:
        for column in FILE_INDEXES:
            batch_op.create_index(batch_op.f(f"ix_files_{column}"), [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("files", schema=None) as batch_op:
        for column in reversed(FILE_INDEXES):
            batch_op.drop_index(batch_op.f(f"ix_files_{column}"))
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedures_name_folded"))
    op.drop_column("procedures", "name_folded")

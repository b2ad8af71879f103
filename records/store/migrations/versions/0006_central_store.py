"""The centre's store: enrolled workstations, imported bundles, conflicts, row sources and aliases; the
register-number and user-name constraints made to hold files and accounts of many workstations.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

A centre runs the same schema as a workstation (``records.sync.apply`` writes the workstations' rows into
the same tables), so two constraints that only held on one workstation change:

* a file's register number (year, book, entry) is unique per agency and workstation, not in the store;
* a user name may be 160 characters: the centre mirrors each workstation's accounts as
  ``agency:workstation:name``.

On SQLite both need the tables rebuilt (SQLite cannot drop a constraint); their triggers (full-text index,
change tracking) are saved and re-created, and the migration runs with foreign keys off and checked before
it commits (``records.store.migrate.upgrade``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OLD_REGISTER = ("register_year", "register_book", "register_entry")
NEW_REGISTER = ("agency_code", "workstation", *OLD_REGISTER)


def _triggers(table: str) -> list[str]:
    bind = op.get_bind()
    rows = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
    ).fetchall()
    return [str(row[0]) for row in rows]


def _register(columns: tuple[str, ...], new: bool) -> None:
    bind = op.get_bind()
    saved = _triggers("files") if bind.dialect.name == "sqlite" else []
    old_name, new_name = op.f("uq_files_register_year"), op.f("uq_files_agency_code")
    with op.batch_alter_table("files", schema=None) as batch_op:
        batch_op.drop_constraint(old_name if new else new_name, type_="unique")
        batch_op.create_unique_constraint(new_name if new else old_name, list(columns))
    for sql in saved:
        op.execute(sql)


def _username(length: int) -> None:
    bind = op.get_bind()
    saved = _triggers("users") if bind.dialect.name == "sqlite" else []
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column(
            "username", existing_type=sa.String(length=160 if length == 64 else 64), type_=sa.String(length)
        )
    for sql in saved:
        op.execute(sql)


def upgrade() -> None:
    _register(NEW_REGISTER, new=True)
    _username(160)
    op.create_table(
        "sync_workstations",
        sa.Column("agency", sa.String(length=35), nullable=False),
        sa.Column("workstation", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_import_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("agency", "workstation", name=op.f("pk_sync_workstations")),
    )
    op.create_table(
        "sync_imports",
        sa.Column("bundle_id", sa.Uuid(), nullable=False),
        sa.Column("agency", sa.String(length=35), nullable=False),
        sa.Column("workstation", sa.Integer(), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=False),
        sa.Column("seq_to", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.JSON(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_sync_imports")),
    )
    with op.batch_alter_table("sync_imports", schema=None) as batch_op:
        batch_op.create_index("ix_sync_imports_agency_workstation", ["agency", "workstation"], unique=False)
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("row_key", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("central_value", sa.JSON(), nullable=True),
        sa.Column("incoming_value", sa.JSON(), nullable=True),
        sa.Column("agency", sa.String(length=35), nullable=False),
        sa.Column("workstation", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=160), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index("ix_sync_conflicts_entity_row_key", ["entity", "row_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_conflicts_resolved_at"), ["resolved_at"], unique=False)
    op.create_table(
        "sync_rows",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("row_key", sa.String(length=64), nullable=False),
        sa.Column("agency", sa.String(length=35), nullable=False),
        sa.Column("workstation", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_key", name=op.f("pk_sync_rows")),
    )
    op.create_table(
        "sync_row_bases",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("row_key", sa.String(length=64), nullable=False),
        sa.Column("agency", sa.String(length=35), nullable=False),
        sa.Column("workstation", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("row", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_key", "agency", "workstation", name=op.f("pk_sync_row_bases")),
    )
    op.create_table(
        "sync_aliases",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("alias_key", sa.String(length=64), nullable=False),
        sa.Column("target_key", sa.String(length=64), nullable=False),
        sa.Column("agency", sa.String(length=35), nullable=False),
        sa.Column("workstation", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "alias_key", name=op.f("pk_sync_aliases")),
    )


def downgrade() -> None:
    for table in ("sync_aliases", "sync_row_bases", "sync_rows", "sync_conflicts", "sync_imports"):
        op.drop_table(table)
    op.drop_table("sync_workstations")
    _username(64)
    _register(OLD_REGISTER, new=False)

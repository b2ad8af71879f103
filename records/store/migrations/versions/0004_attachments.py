"""Attached documents: the stored objects (by SHA-256) and each file's digitised documents.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

``stored_objects`` lists the bytes kept in the data folder's ``documents/objects`` (see
``records.store.objects``); ``attachments`` ties one of them to a file as one of its documents (TaiLieuNop),
with DuocSoHoa (``digitised``) and DuocTaiSuDung (``reused``). Neither table is ever deleted from: removing a
document marks it (``removed_at``); database triggers refuse DELETE.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NO_DELETE = ("stored_objects", "attachments")


def upgrade() -> None:
    op.create_table(
        "stored_objects",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_objects")),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("file_id", sa.Uuid(), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_folded", sa.Text(), nullable=False),
        sa.Column("checklist_code", sa.String(length=64), nullable=True),
        sa.Column("object_sha256", sa.String(length=64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=True),
        sa.Column("colour_mode", sa.String(length=16), nullable=True),
        sa.Column("dpi", sa.Integer(), nullable=True),
        sa.Column("digitised", sa.Boolean(), nullable=False),
        sa.Column("reused", sa.Boolean(), nullable=False),
        sa.Column("reused_from", sa.Uuid(), nullable=True),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("workstation", sa.Integer(), nullable=True),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("removed_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["file_id"], ["files.id"], name=op.f("fk_attachments_file_id_files")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["file_documents.id"], name=op.f("fk_attachments_document_id_file_documents")
        ),
        sa.ForeignKeyConstraint(
            ["object_sha256"],
            ["stored_objects.sha256"],
            name=op.f("fk_attachments_object_sha256_stored_objects"),
        ),
        sa.ForeignKeyConstraint(
            ["reused_from"], ["attachments.id"], name=op.f("fk_attachments_reused_from_attachments")
        ),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_attachments_created_by_users")),
        sa.ForeignKeyConstraint(["removed_by"], ["users.id"], name=op.f("fk_attachments_removed_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index("ix_attachments_file_id_position", ["file_id", "position"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_object_sha256"), ["object_sha256"], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for table in NO_DELETE:
            op.execute(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is never deleted from'); END"
            )
    elif bind.dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION motcua_no_delete() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION '% is never deleted from', TG_TABLE_NAME; END $$"
        )
        for table in NO_DELETE:
            op.execute(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION motcua_no_delete()"
            )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for table in NO_DELETE:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    elif bind.dialect.name == "postgresql":
        for table in NO_DELETE:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete ON {table}")
        op.execute("DROP FUNCTION IF EXISTS motcua_no_delete()")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_object_sha256"))
        batch_op.drop_index("ix_attachments_file_id_position")
    op.drop_table("attachments")
    op.drop_table("stored_objects")

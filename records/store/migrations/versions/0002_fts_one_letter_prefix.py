"""Name search: index one-letter prefixes too, so "tran thi h" is as fast as "tran thi hoa".

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

SQLite only: the FTS5 table is recreated with ``prefix='1 2 3'`` and rebuilt from ``files.search_text``
(its triggers refer to it by name and keep working).
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _recreate(prefix: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE files_fts")
    op.execute(
        "CREATE VIRTUAL TABLE files_fts USING fts5(search_text, content='files', content_rowid='pk', "
        f"tokenize='unicode61 remove_diacritics 2', prefix='{prefix}')"
    )
    op.execute("INSERT INTO files_fts(files_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _recreate("1 2 3")


def downgrade() -> None:
    _recreate("2 3")

"""panel feedback on the quality of reports

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0004'
down_revision: Union[str, None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('panel_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('given_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_panel_feedback')),
    sa.UniqueConstraint('uid', name=op.f('uq_panel_feedback_uid'))
    )
    with op.batch_alter_table('panel_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panel_feedback_given_on'), ['given_on'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('panel_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panel_feedback_given_on'))

    op.drop_table('panel_feedback')

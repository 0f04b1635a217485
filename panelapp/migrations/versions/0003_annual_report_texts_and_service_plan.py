"""annual report texts and service plan

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0003'
down_revision: Union[str, None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('report_text',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=False),
    sa.Column('period_to', sa.Date(), nullable=False),
    sa.Column('section', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.CheckConstraint("section IN ('introduction', 'chair_commentary', 'quality_of_reports', 'service_plan_review')", name=op.f('ck_report_text_section')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_text')),
    sa.UniqueConstraint('period_from', 'period_to', 'section', name=op.f('uq_report_text_period_from')),
    sa.UniqueConstraint('uid', name=op.f('uq_report_text_uid'))
    )
    op.create_table('service_plan_priority',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=False),
    sa.Column('period_to', sa.Date(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('priority', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('owner', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.Column('progress', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_plan_priority')),
    sa.UniqueConstraint('uid', name=op.f('uq_service_plan_priority_uid'))
    )
    with op.batch_alter_table('service_plan_priority', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_plan_priority_period_from'), ['period_from'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('service_plan_priority', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_plan_priority_period_from'))

    op.drop_table('service_plan_priority')
    op.drop_table('report_text')

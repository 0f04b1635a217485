"""a meeting taken away to the chair's laptop; calendar invitations sent for meetings

Revision ID: takeaway
Revises: 0004
Create Date: 2026-12-04
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = 'takeaway'
down_revision: Union[str, None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('takeaway',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('side', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('meeting_uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('meeting_ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('agency_uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('chair', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('made_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('made_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('synced', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('laptop_chain', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('returned_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('merged_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.CheckConstraint("side IN ('office', 'laptop')", name=op.f('ck_takeaway_side')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_takeaway')),
    sa.UniqueConstraint('uid', name=op.f('uq_takeaway_uid'))
    )
    with op.batch_alter_table('takeaway', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_takeaway_meeting_uid'), ['meeting_uid'], unique=False)

    op.create_table('meeting_invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('digest', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('method', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('written_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_invitation_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_invitation')),
    sa.UniqueConstraint('meeting_id', name=op.f('uq_meeting_invitation_meeting_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_meeting_invitation_uid'))
    )


def downgrade() -> None:
    op.drop_table('meeting_invitation')
    with op.batch_alter_table('takeaway', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_takeaway_meeting_uid'))

    op.drop_table('takeaway')

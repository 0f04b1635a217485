"""workflow: accounts, papers, minutes, sign-off, drafts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0002'
down_revision: Union[str, None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('draft',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('username', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('saved_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft')),
    sa.UniqueConstraint('key', name=op.f('uq_draft_key')),
    sa.UniqueConstraint('uid', name=op.f('uq_draft_uid'))
    )
    op.create_table('minutes_amendment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('amended_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('amended_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('previous', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('previous_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('signoff_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_minutes_amendment_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_amendment')),
    sa.UniqueConstraint('uid', name=op.f('uq_minutes_amendment_uid'))
    )
    with op.batch_alter_table('minutes_amendment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_amendment_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('minutes_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('approved_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('approved_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('signoff_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('content', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.CheckConstraint("status IN ('draft', 'final')", name=op.f('ck_minutes_record_status')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_minutes_record_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_record')),
    sa.UniqueConstraint('meeting_id', name=op.f('uq_minutes_record_meeting_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_minutes_record_uid'))
    )
    op.create_table('observer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('organisation', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_observer_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_observer')),
    sa.UniqueConstraint('uid', name=op.f('uq_observer_uid'))
    )
    with op.batch_alter_table('observer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_observer_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('username', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('display_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('last_sign_in', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.CheckConstraint("role IN ('admin', 'adviser', 'chair', 'member', 'adm', 'viewer')", name=op.f('ck_user_account_role')),
    sa.ForeignKeyConstraint(['member_id'], ['panel_member.id'], name=op.f('fk_user_account_member_id_panel_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('uid', name=op.f('uq_user_account_uid')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    op.create_table('item_paper',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('stored_path', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('added_on', sa.Date(), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.CheckConstraint("kind IN ('prospective_adopters_report', 'child_permanence_report', 'adoption_placement_report', 'medical_report', 'other')", name=op.f('ck_item_paper_kind')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_item_paper_item_id_agenda_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_paper')),
    sa.UniqueConstraint('uid', name=op.f('uq_item_paper_uid'))
    )
    with op.batch_alter_table('item_paper', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_paper_item_id'), ['item_id'], unique=False)

    with op.batch_alter_table('adm_decision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('signed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('signed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('signoff_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=True))

    with op.batch_alter_table('agency', schema=None) as batch_op:
        batch_op.add_column(sa.Column('letter_working_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('chair_casting_vote', sa.Boolean(), nullable=True))

    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('discussion', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('duration_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('deferred_from_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_agenda_item_deferred_from_id'), ['deferred_from_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_agenda_item_deferred_from_id_agenda_item'), 'agenda_item', ['deferred_from_id'], ['id'])

    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.add_column(sa.Column('arrived_at', sa.Time(), nullable=True))
        batch_op.add_column(sa.Column('left_at', sa.Time(), nullable=True))

    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('end_time', sa.Time(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_column('end_time')

    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_column('left_at')
        batch_op.drop_column('arrived_at')

    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_agenda_item_deferred_from_id_agenda_item'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_agenda_item_deferred_from_id'))
        batch_op.drop_column('deferred_from_id')
        batch_op.drop_column('duration_minutes')
        batch_op.drop_column('discussion')

    with op.batch_alter_table('agency', schema=None) as batch_op:
        batch_op.drop_column('chair_casting_vote')
        batch_op.drop_column('letter_working_days')

    with op.batch_alter_table('adm_decision', schema=None) as batch_op:
        batch_op.drop_column('signoff_hash')
        batch_op.drop_column('signed_at')
        batch_op.drop_column('signed_by')

    with op.batch_alter_table('item_paper', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_paper_item_id'))

    op.drop_table('item_paper')
    op.drop_table('user_account')
    with op.batch_alter_table('observer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_observer_meeting_id'))

    op.drop_table('observer')
    op.drop_table('minutes_record')
    with op.batch_alter_table('minutes_amendment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_minutes_amendment_meeting_id'))

    op.drop_table('minutes_amendment')
    op.drop_table('draft')

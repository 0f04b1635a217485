"""safekeeping: the audit chain's head row, failed sign-in counters

Revision ID: safekeeping
Revises: 0004
Create Date: 2026-12-04
"""
import uuid
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = 'safekeeping'
down_revision: Union[str, None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

GENESIS = "0" * 64


def upgrade() -> None:
    head = op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.Column('keyed_from', sa.Integer(), nullable=True),
    sa.Column('key_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    # The head of the chain as it stands: the last event's hash and how many there are.
    bind = op.get_bind()
    last = bind.execute(sa.text("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1")).scalar()
    count = bind.execute(sa.text("SELECT count(*) FROM audit_event")).scalar() or 0
    op.bulk_insert(head, [{"id": 1, "store_uid": str(uuid.uuid4()), "hash": last or GENESIS,
                           "events": count, "keyed_from": None, "key_id": None}])
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_sign_ins', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('locked_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_sign_ins')
    op.drop_table('audit_head')

"""signed records: agency contact details and marking, applicants' address, the advisers'
advice and the applicants' attendance per item, the removal reason, and what the ADM
considered before a decision and a final decision after a qualifying determination

Revision ID: signed_records
Revises: takeaway
Create Date: 2026-12-04
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = 'signed_records'
down_revision: str | None = 'takeaway'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT = sqlmodel.sql.sqltypes.AutoString

AGENCY = ('protective_marking', 'address', 'telephone', 'email', 'irm_contact')


def upgrade() -> None:
    with op.batch_alter_table('agency', schema=None) as batch_op:
        for name in AGENCY:
            batch_op.add_column(sa.Column(name, TEXT(), nullable=True))
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.add_column(sa.Column('address', TEXT(), nullable=True))
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('removal_reason', TEXT(), nullable=True))
        batch_op.add_column(sa.Column('applicants_attended', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('applicants_spoke', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('advice', sa.JSON(), nullable=True))
    with op.batch_alter_table('adm_decision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('documents_considered', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('representations_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('no_representations_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('irm_recommendation', TEXT(), nullable=True))
        batch_op.add_column(sa.Column('irm_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('final_reasons', TEXT(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('adm_decision', schema=None) as batch_op:
        for name in ('final_reasons', 'irm_on', 'irm_recommendation', 'no_representations_on',
                     'representations_on', 'documents_considered'):
            batch_op.drop_column(name)
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        for name in ('advice', 'applicants_spoke', 'applicants_attended', 'removal_reason'):
            batch_op.drop_column(name)
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_column('address')
    with op.batch_alter_table('agency', schema=None) as batch_op:
        for name in reversed(AGENCY):
            batch_op.drop_column(name)

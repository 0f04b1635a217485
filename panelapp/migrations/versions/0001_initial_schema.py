"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0001'
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('agency',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('panel_name', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('region', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('papers_working_days', sa.Integer(), nullable=True),
    sa.Column('minutes_working_days', sa.Integer(), nullable=True),
    sa.Column('adm_working_days', sa.Integer(), nullable=True),
    sa.Column('quorum_members', sa.Integer(), nullable=True),
    sa.Column('quorum_social_worker_pqe_years', sa.Float(), nullable=True),
    sa.CheckConstraint("kind IS NULL OR kind IN ('local_authority', 'regional_adoption_agency', 'voluntary_adoption_agency')", name=op.f('ck_agency_kind')),
    sa.CheckConstraint("region IS NULL OR region IN ('england_and_wales', 'scotland', 'northern_ireland')", name=op.f('ck_agency_region')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agency')),
    sa.UniqueConstraint('uid', name=op.f('uq_agency_uid'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('entity', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('entity_uid', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('before', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('after', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('prev_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_event_hash')),
    sa.UniqueConstraint('prev_hash', name=op.f('uq_audit_event_prev_hash'))
    )
    op.create_table('household',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('relationship_status', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('route', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('enquiry', sa.Date(), nullable=True),
    sa.Column('initial_visit', sa.Date(), nullable=True),
    sa.Column('registration_of_interest', sa.Date(), nullable=True),
    sa.Column('stage1_start', sa.Date(), nullable=True),
    sa.Column('stage1_end', sa.Date(), nullable=True),
    sa.Column('stage2_start', sa.Date(), nullable=True),
    sa.Column('approved', sa.Date(), nullable=True),
    sa.Column('withdrawn', sa.Date(), nullable=True),
    sa.Column('withdrawal_date', sa.Date(), nullable=True),
    sa.Column('withdrawal_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('withdrawal_stage', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('withdrawal_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('approval_children_max', sa.Integer(), nullable=True),
    sa.Column('approval_age_min_years', sa.Integer(), nullable=True),
    sa.Column('approval_age_max_years', sa.Integer(), nullable=True),
    sa.Column('approval_early_permanence', sa.Boolean(), nullable=True),
    sa.CheckConstraint("relationship_status IS NULL OR relationship_status IN ('single', 'married', 'civil_partnership', 'cohabiting')", name=op.f('ck_household_relationship_status')),
    sa.CheckConstraint("route IS NULL OR route IN ('standard', 'fast_track', 'intercountry', 'step_parent', 'foster_carer')", name=op.f('ck_household_route')),
    sa.CheckConstraint("withdrawal_by IS NULL OR withdrawal_by IN ('applicant', 'agency')", name=op.f('ck_household_withdrawal_by')),
    sa.CheckConstraint("withdrawal_stage IS NULL OR withdrawal_stage IN ('before_stage1', 'stage1', 'stage2', 'approved')", name=op.f('ck_household_withdrawal_stage')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household')),
    sa.UniqueConstraint('ref', name=op.f('uq_household_ref')),
    sa.UniqueConstraint('uid', name=op.f('uq_household_uid'))
    )
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_approved'), ['approved'], unique=False)

    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('venue', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('papers_sent', sa.Date(), nullable=True),
    sa.Column('minutes_final', sa.Date(), nullable=True),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('planned', 'held', 'cancelled')", name=op.f('ck_meeting_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting')),
    sa.UniqueConstraint('ref', name=op.f('uq_meeting_ref')),
    sa.UniqueConstraint('uid', name=op.f('uq_meeting_uid'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_meeting_date'), ['meeting_date'], unique=False)

    op.create_table('panel_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('social_worker_pqe_years', sa.Float(), nullable=True),
    sa.Column('appointed', sa.Date(), nullable=False),
    sa.Column('term_ends', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_panel_member')),
    sa.UniqueConstraint('ref', name=op.f('uq_panel_member_ref')),
    sa.UniqueConstraint('uid', name=op.f('uq_panel_member_uid'))
    )
    op.create_table('agenda_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('item_type', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('presenters', sa.JSON(), nullable=True),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.CheckConstraint("item_type IN ('adopter_approval', 'adopter_review', 'withdrawal', 'early_permanence_approval', 'match', 'retrospective_approval', 'child_plan', 'other')", name=op.f('ck_agenda_item_item_type')),
    sa.CheckConstraint("outcome IS NULL OR outcome IN ('recommended', 'not_recommended', 'deferred', 'noted', 'removed')", name=op.f('ck_agenda_item_outcome')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_agenda_item_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item')),
    sa.UniqueConstraint('ref', name=op.f('uq_agenda_item_ref')),
    sa.UniqueConstraint('uid', name=op.f('uq_agenda_item_uid'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_outcome'), ['outcome'], unique=False)

    op.create_table('applicant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('dob', sa.Date(), nullable=True),
    sa.Column('gender', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('ethnicity', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_applicant_household_id_household'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applicant')),
    sa.UniqueConstraint('uid', name=op.f('uq_applicant_uid'))
    )
    with op.batch_alter_table('applicant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applicant_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_applicant_name'), ['name'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('acting_as', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.CheckConstraint("acting_as IS NULL OR acting_as IN ('chair', 'vice_chair', 'social_worker', 'independent', 'medical_adviser', 'legal_adviser', 'agency_adviser', 'minute_taker', 'elected_member', 'adopter_member', 'adoptee_member', 'other_member')", name=op.f('ck_attendance_acting_as')),
    sa.CheckConstraint("status IN ('present', 'apologies', 'absent')", name=op.f('ck_attendance_status')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_attendance_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['panel_member.id'], name=op.f('fk_attendance_member_id_panel_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('meeting_id', 'member_id', name=op.f('uq_attendance_meeting_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_attendance_uid'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_member_id'), ['member_id'], unique=False)

    op.create_table('child',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('dob', sa.Date(), nullable=True),
    sa.Column('gender', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('ethnicity', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('ethnic_minority', sa.Boolean(), nullable=True),
    sa.Column('sibling_group', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('early_permanence', sa.Boolean(), nullable=True),
    sa.Column('matched_household_id', sa.Integer(), nullable=True),
    sa.Column('entered_care', sa.Date(), nullable=True),
    sa.Column('should_be_placed_decision', sa.Date(), nullable=True),
    sa.Column('placement_order', sa.Date(), nullable=True),
    sa.Column('match_decision', sa.Date(), nullable=True),
    sa.Column('moved_in_with_foster_carer', sa.Date(), nullable=True),
    sa.Column('placed', sa.Date(), nullable=True),
    sa.Column('adoption_application', sa.Date(), nullable=True),
    sa.Column('adoption_order', sa.Date(), nullable=True),
    sa.Column('plan_changed', sa.Date(), nullable=True),
    sa.Column('disruption', sa.Date(), nullable=True),
    sa.CheckConstraint("gender IS NULL OR gender IN ('male', 'female', 'other')", name=op.f('ck_child_gender')),
    sa.ForeignKeyConstraint(['matched_household_id'], ['household.id'], name=op.f('fk_child_matched_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child')),
    sa.UniqueConstraint('ref', name=op.f('uq_child_ref')),
    sa.UniqueConstraint('uid', name=op.f('uq_child_uid'))
    )
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_matched_household_id'), ['matched_household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_sibling_group'), ['sibling_group'], unique=False)

    op.create_table('member_role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint("role IN ('chair', 'vice_chair', 'social_worker', 'independent', 'medical_adviser', 'legal_adviser', 'agency_adviser', 'minute_taker', 'elected_member', 'adopter_member', 'adoptee_member', 'other_member')", name=op.f('ck_member_role_role')),
    sa.ForeignKeyConstraint(['member_id'], ['panel_member.id'], name=op.f('fk_member_role_member_id_panel_member'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_role')),
    sa.UniqueConstraint('member_id', 'role', name=op.f('uq_member_role_member_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_member_role_uid'))
    )
    with op.batch_alter_table('member_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_role_member_id'), ['member_id'], unique=False)

    op.create_table('adm_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('decision_maker', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('decision', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reasons', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('final_date', sa.Date(), nullable=True),
    sa.Column('final_decision', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('final_review', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('notified', sa.Date(), nullable=True),
    sa.CheckConstraint("decision IN ('positive', 'negative', 'qualifying_determination')", name=op.f('ck_adm_decision_decision')),
    sa.CheckConstraint("final_decision IS NULL OR decision = 'qualifying_determination'", name=op.f('ck_adm_decision_final_after_qd')),
    sa.CheckConstraint("final_decision IS NULL OR final_decision IN ('positive', 'negative')", name=op.f('ck_adm_decision_final_decision')),
    sa.CheckConstraint("final_review IS NULL OR final_review IN ('none', 'representations', 'independent_review')", name=op.f('ck_adm_decision_final_review')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_adm_decision_item_id_agenda_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adm_decision')),
    sa.UniqueConstraint('item_id', name=op.f('uq_adm_decision_item_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_adm_decision_uid'))
    )
    op.create_table('child_need',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('need', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_child_need_child_id_child'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child_need')),
    sa.UniqueConstraint('uid', name=op.f('uq_child_need_uid'))
    )
    with op.batch_alter_table('child_need', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_need_child_id'), ['child_id'], unique=False)

    op.create_table('declaration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('interest', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint("action IN ('remained', 'left_for_item', 'took_no_part')", name=op.f('ck_declaration_action')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_declaration_item_id_agenda_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_declaration_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['panel_member.id'], name=op.f('fk_declaration_member_id_panel_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_declaration')),
    sa.UniqueConstraint('uid', name=op.f('uq_declaration_uid'))
    )
    with op.batch_alter_table('declaration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_declaration_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_declaration_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_declaration_member_id'), ['member_id'], unique=False)

    op.create_table('item_child',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_item_child_child_id_child')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_item_child_item_id_agenda_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_child')),
    sa.UniqueConstraint('uid', name=op.f('uq_item_child_uid'))
    )
    with op.batch_alter_table('item_child', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_child_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_child_item_id'), ['item_id'], unique=False)

    op.create_table('item_household',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_item_household_household_id_household')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_item_household_item_id_agenda_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_household')),
    sa.UniqueConstraint('uid', name=op.f('uq_item_household_uid'))
    )
    with op.batch_alter_table('item_household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_household_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_household_item_id'), ['item_id'], unique=False)

    op.create_table('recommendation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('wording', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('reasons', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('votes_for', sa.Integer(), nullable=True),
    sa.Column('votes_against', sa.Integer(), nullable=True),
    sa.Column('votes_abstain', sa.Integer(), nullable=True),
    sa.CheckConstraint('(votes_for IS NULL AND votes_against IS NULL AND votes_abstain IS NULL) OR (votes_for >= 0 AND votes_against >= 0 AND votes_abstain >= 0)', name=op.f('ck_recommendation_votes')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_recommendation_item_id_agenda_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendation')),
    sa.UniqueConstraint('item_id', name=op.f('uq_recommendation_item_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_recommendation_uid'))
    )
    op.create_table('dissent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('view', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['panel_member.id'], name=op.f('fk_dissent_member_id_panel_member')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_dissent_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dissent')),
    sa.UniqueConstraint('uid', name=op.f('uq_dissent_uid'))
    )
    with op.batch_alter_table('dissent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dissent_recommendation_id'), ['recommendation_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('dissent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dissent_recommendation_id'))

    op.drop_table('dissent')
    op.drop_table('recommendation')
    with op.batch_alter_table('item_household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_household_item_id'))
        batch_op.drop_index(batch_op.f('ix_item_household_household_id'))

    op.drop_table('item_household')
    with op.batch_alter_table('item_child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_child_item_id'))
        batch_op.drop_index(batch_op.f('ix_item_child_child_id'))

    op.drop_table('item_child')
    with op.batch_alter_table('declaration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_declaration_member_id'))
        batch_op.drop_index(batch_op.f('ix_declaration_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_declaration_item_id'))

    op.drop_table('declaration')
    with op.batch_alter_table('child_need', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_need_child_id'))

    op.drop_table('child_need')
    op.drop_table('adm_decision')
    with op.batch_alter_table('member_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_role_member_id'))

    op.drop_table('member_role')
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_sibling_group'))
        batch_op.drop_index(batch_op.f('ix_child_name'))
        batch_op.drop_index(batch_op.f('ix_child_matched_household_id'))

    op.drop_table('child')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_member_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_meeting_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('applicant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applicant_name'))
        batch_op.drop_index(batch_op.f('ix_applicant_household_id'))

    op.drop_table('applicant')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_outcome'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_meeting_id'))

    op.drop_table('agenda_item')
    op.drop_table('panel_member')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_meeting_date'))

    op.drop_table('meeting')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_approved'))

    op.drop_table('household')
    op.drop_table('audit_event')
    op.drop_table('agency')

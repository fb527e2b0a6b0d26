import { VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Agreement } from '../../agreements/entities/agreement.entity';
import type { Attendee, CompetenceResult, MeetingKind } from '../monitoring-rules';

/** A competence's result as recorded at a meeting. */
export interface CompetenceRecord {
  name: string;
  result: CompetenceResult;
}

/**
 * A progress meeting, workplace visit or assessment held under an agreement. `complete` (every
 * party the kind requires was there) is computed from the attendees when the row is written, so
 * due lists count held meetings in SQL without the rules.
 */
@Entity('progress_meetings')
@Index('ix_progress_meetings_agreement', ['agreementId', 'kind', 'heldOn'])
@Check('ck_progress_meetings_kind', `kind IN ('progress_meeting', 'workplace_visit', 'assessment')`)
@Check(
  'ck_progress_meetings_attendees',
  `cardinality(attendees) > 0 AND attendees <@ ARRAY['student', 'university', 'employer', 'host', 'supervisor']::text[]`,
)
@Check('ck_progress_meetings_recorded_by_kind', `recorded_by_kind IN ('user', 'api_key')`)
export class ProgressMeeting extends VersionedEntity {
  @Column('uuid')
  agreementId!: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  /** The agreement's university, copied for scoping and audit (an agreement never moves). */
  @Column('uuid')
  universityId!: string;

  @Column('text')
  kind!: MeetingKind;

  @Column('date')
  heldOn!: string;

  @Column('text', { array: true })
  attendees!: Attendee[];

  @Column('text', { nullable: true })
  notes!: string | null;

  @Column('jsonb', { default: () => "'[]'" })
  competences!: CompetenceRecord[];

  @Column('boolean')
  complete!: boolean;

  @Column('text')
  recordedByKind!: 'user' | 'api_key';

  @Column('uuid')
  recordedBy!: string;
}

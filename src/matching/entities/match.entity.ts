import type { Weights } from '@app/matching-engine';
import { VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Student } from '../../students/entities/student.entity';
import type { MatchStatus } from '../match-lifecycle';
import { MatchingRun } from './matching-run.entity';
import { Vacancy } from './vacancy.entity';

/**
 * A proposed pairing of a student and a vacancy, proposed by a run or by hand, moving through the
 * match lifecycle. Scope columns (university, company, foundation) are copied in, so every list
 * filters on this table alone. At most one live match per student and vacancy.
 */
@Entity('matches')
@Index('uq_matches_live', ['studentId', 'vacancyId'], {
  unique: true,
  where: `status NOT IN ('declined', 'withdrawn')`,
})
@Index('ix_matches_run', ['runId', 'id'])
@Index('ix_matches_university', ['universityId', 'id'])
// A company's or a foundation's matches are only ever looked up by its id (`= :id`), so rows
// without one (every company proposal has no foundation) stay out of that index: a run's
// proposals are inserted in one statement, and each index entry is work that insert pays.
@Index('ix_matches_company', ['companyId', 'id'], { where: 'company_id IS NOT NULL' })
@Index('ix_matches_foundation', ['foundationId', 'id'], { where: 'foundation_id IS NOT NULL' })
@Index('ix_matches_vacancy', ['vacancyId', 'status'])
@Check(
  'ck_matches_status',
  `status IN ('proposed', 'introduced', 'interviewing', 'offered', 'accepted', 'declined', 'withdrawn')`,
)
export class Match extends VersionedEntity {
  @Column('uuid', { nullable: true })
  runId!: string | null;

  @ManyToOne(() => MatchingRun, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: MatchingRun;

  @Column('uuid')
  studentId!: string;

  @ManyToOne(() => Student, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  @Column('uuid')
  vacancyId!: string;

  @ManyToOne(() => Vacancy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vacancy_id' })
  vacancy?: Vacancy;

  @Column('uuid')
  universityId!: string;

  @Column('uuid', { nullable: true })
  companyId!: string | null;

  @Column('uuid', { nullable: true })
  foundationId!: string | null;

  @Column('text')
  status!: MatchStatus;

  /** The score when proposed, its components and the weights used (the explanation). */
  @Column('double precision', { nullable: true })
  score!: number | null;

  @Column('jsonb', { default: [] })
  components!: unknown[];

  @Column('jsonb', { nullable: true })
  weights!: Weights | null;

  @Column('text', { nullable: true })
  lastReason!: string | null;

  @Column('uuid', { nullable: true })
  employmentId!: string | null;

  @Column('uuid', { nullable: true })
  agreementId!: string | null;
}

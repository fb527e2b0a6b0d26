import { numericTransformer } from '@app/common';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per student: what the outcome report needs from the student's latest agreement that
 * was ever in force. Kept by database triggers on agreements and agreement_versions, in the
 * same transaction as the change (migrations/1796412000000-OutcomeReadModels.ts), so the
 * national report scans one narrow row per student instead of re-deriving it from the
 * agreements, their versions' JSON terms and their history. Published to other modules only
 * as the view agreement_outcomes_v (agreement-outcomes.view.ts); no code writes it.
 */
@Entity('agreement_outcome_facts')
@Index('ix_agreement_outcome_facts_university', ['universityId'])
export class AgreementOutcomeFact {
  @PrimaryColumn('uuid')
  studentId!: string;

  @Column('uuid')
  agreementId!: string;

  @Column('uuid')
  universityId!: string;

  @Column('text')
  status!: string;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('boolean', { nullable: true })
  stayedWithEmployer!: boolean | null;

  @Column('text', { nullable: true })
  terminationReason!: string | null;

  @Column('boolean', { nullable: true })
  employmentContinued!: boolean | null;

  @Column('text')
  employerType!: string;

  @Column('uuid')
  employerId!: string;

  @Column('uuid', { nullable: true })
  companyId!: string | null;

  @Column('text', { nullable: true })
  functionTitle!: string | null;

  @Column('uuid', { nullable: true })
  supervisorId!: string | null;

  @Column('numeric', { nullable: true, transformer: numericTransformer })
  tuitionReimbursedPercent!: number | null;

  @Column('numeric', { nullable: true, transformer: numericTransformer })
  paidStudyHoursPerWeek!: number | null;

  @Column('boolean')
  employerSwitched!: boolean;

  @Column('boolean')
  functionSwitched!: boolean;

  /** The route the agreement names, if any (migrations/1796440000000-AgreementRoute.ts). */
  @Column('uuid', { nullable: true })
  routeId!: string | null;
}

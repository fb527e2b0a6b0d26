import { VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Company } from '../../directory/companies/company.entity';
import { Foundation } from '../../directory/foundations/foundation.entity';
import { Route } from '../../directory/routes/route.entity';
import { University } from '../../directory/universities/university.entity';
import { Student } from '../../students/entities/student.entity';
import type { AgreementStatus, CompletionOutcome, TerminationReason } from '../agreement-lifecycle';

export type EmployerType = 'company' | 'foundation';
export type AgreementLanguage = 'nl' | 'en';

/**
 * A tripartite agreement: student + university + employer (+ host when a foundation employs).
 * Its terms live in immutable versions; this row holds the lifecycle and who the parties are.
 */
@Entity('agreements')
@Index('ix_agreements_university', ['universityId', 'id'])
@Index('ix_agreements_student', ['studentId'])
// A student's latest agreement that was ever in force (agreement_outcomes_v; ids are UUIDv7).
@Index('ix_agreements_student_latest', ['studentId', 'id'], {
  where: `status IN ('active', 'completed', 'terminated')`,
})
@Index('ix_agreements_employer_company', ['employerCompanyId'])
@Index('ix_agreements_employer_foundation', ['employerFoundationId'])
@Index('ix_agreements_host', ['hostCompanyId'])
@Index('ix_agreements_route', ['routeId'])
@Check(
  'ck_agreements_status',
  `status IN ('draft', 'pending_signatures', 'active', 'completed', 'terminated', 'cancelled')`,
)
@Check('ck_agreements_language', `language IN ('nl', 'en')`)
// A foundation seconds the student to a host, named from submission on; only a draft that was
// never in force may still await it (a placement that starts on the bench).
@Check(
  'ck_agreements_employer',
  `(employer_type = 'company' AND employer_company_id IS NOT NULL AND employer_foundation_id IS NULL AND host_company_id IS NULL)
  OR (employer_type = 'foundation' AND employer_foundation_id IS NOT NULL AND employer_company_id IS NULL
      AND (host_company_id IS NOT NULL OR (in_force_version_number IS NULL AND status IN ('draft', 'cancelled'))))`,
)
@Check(
  'ck_agreements_outcome',
  `outcome IS NULL OR outcome IN ('graduated_on_time', 'graduated_with_delay')`,
)
@Check(
  'ck_agreements_termination_reason',
  `termination_reason IS NULL OR termination_reason IN ('dropout', 'employer_switch', 'terminated_by_employer', 'terminated_by_student', 'terminated_by_university')`,
)
export class Agreement extends VersionedEntity {
  @Column('uuid')
  studentId!: string;

  @ManyToOne(() => Student, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  /** The student's university, copied for scoping (a student never changes university). */
  @Column('uuid')
  universityId!: string;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: University;

  @Column('text')
  employerType!: EmployerType;

  @Column('uuid', { nullable: true })
  employerCompanyId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_company_id' })
  employerCompany?: Company;

  @Column('uuid', { nullable: true })
  employerFoundationId!: string | null;

  @ManyToOne(() => Foundation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_foundation_id' })
  employerFoundation?: Foundation;

  /** The host of the current version (mirrored from it, for scope and signing). */
  @Column('uuid', { nullable: true })
  hostCompanyId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_company_id' })
  hostCompany?: Company;

  /**
   * The route of the student's programme the student follows under this agreement; null when
   * not named (the outcome report then counts the student under the programme's only route).
   */
  @Column('uuid', { nullable: true })
  routeId!: string | null;

  @ManyToOne(() => Route, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'route_id' })
  route?: Route;

  /** The language of the current version (mirrored from it). */
  @Column('text')
  language!: AgreementLanguage;

  @Column('text')
  status!: AgreementStatus;

  /** The newest version (a draft, pending, or the one in force). */
  @Column('int')
  currentVersionNumber!: number;

  /** The version in force, once one is fully signed. */
  @Column('int', { nullable: true })
  inForceVersionNumber!: number | null;

  @Column('text', { nullable: true })
  outcome!: CompletionOutcome | null;

  @Column('boolean', { nullable: true })
  stayedWithEmployer!: boolean | null;

  @Column('text', { nullable: true })
  terminationReason!: TerminationReason | null;

  @Column('boolean', { nullable: true })
  employmentContinued!: boolean | null;

  /** Why it was cancelled, or the note with a termination. */
  @Column('text', { nullable: true })
  closingNote!: string | null;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;
}

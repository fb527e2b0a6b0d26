import { numericTransformer, VersionedEntity } from '@app/common';
import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Company } from '../../directory/companies/company.entity';
import { Foundation } from '../../directory/foundations/foundation.entity';
import { Student } from '../../students/entities/student.entity';

export type EmployerType = 'company' | 'foundation';

/**
 * A student's employment: the employer of record is a company or a foundation. A student's
 * employment periods never overlap; PostgreSQL enforces it too (the exclusion constraint below
 * over the inclusive date range; needs btree_gist, created by the migration that added it). A
 * permanent contract has no end date (NULL): its range is daterange(start_date, NULL), open-ended,
 * so it overlaps every later period and holds secondments ending on any date.
 */
@Entity('employments')
@Exclusion(
  'ex_employments_no_overlap',
  `USING gist ("student_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&)`,
)
@Index('ix_employments_student', ['studentId'])
@Index('ix_employments_university', ['universityId', 'id'])
@Index('ix_employments_company', ['employerCompanyId', 'id'])
@Index('ix_employments_foundation', ['employerFoundationId', 'id'])
@Check(
  'ck_employments_employer',
  `(employer_type = 'company' AND employer_company_id IS NOT NULL AND employer_foundation_id IS NULL) OR (employer_type = 'foundation' AND employer_foundation_id IS NOT NULL AND employer_company_id IS NULL)`,
)
@Check('ck_employments_period', `end_date >= start_date`)
@Check('ck_employments_contract', `contract_type IN ('fixed_term', 'permanent')`)
@Check('ck_employments_hours', `hours_per_week BETWEEN 1 AND 40`)
export class Employment extends VersionedEntity {
  @Column('uuid')
  studentId!: string;

  @ManyToOne(() => Student, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  /** The student's university (scope). */
  @Column('uuid')
  universityId!: string;

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

  @Column('date')
  startDate!: string;

  /** The last day of a fixed-term contract; null for a permanent one (no end date). */
  @Column('date', { nullable: true })
  endDate!: string | null;

  @Column('text')
  contractType!: 'fixed_term' | 'permanent';

  @Column('int')
  hoursPerWeek!: number;

  /** The agreement this employment is the employer side of, when there is one. */
  @Column('uuid', { nullable: true })
  agreementId!: string | null;

  /** The match it came from, when it came from one. */
  @Column('uuid', { nullable: true })
  matchId!: string | null;

  /**
   * The guidance log's supervisor hours summed over its guided weeks with hours recorded, and
   * the number of those weeks: kept in the transaction that writes the log, so reports read one
   * row per employment instead of aggregating every logged week.
   */
  @Column('numeric', { default: 0, transformer: numericTransformer })
  guidedHoursSum!: number;

  @Column('int', { default: 0 })
  guidedHoursWeeks!: number;
}

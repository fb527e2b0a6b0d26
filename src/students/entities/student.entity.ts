import { VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Programme } from '../../directory/programmes/programme.entity';
import { University } from '../../directory/universities/university.entity';

export const INTAKE_GROUPS = [
  'mbo4_graduate',
  'employee_mbo_level',
  'employee_hbo_level',
  'career_switcher',
  'havo_vwo_graduate',
  'fulltime_dropout',
] as const;
export type IntakeGroup = (typeof INTAKE_GROUPS)[number];

export const PRIOR_EDUCATION = ['mbo4', 'havo', 'vwo', 'bachelor', 'other'] as const;
export type PriorEducation = (typeof PRIOR_EDUCATION)[number];

/**
 * A dual student of one university. No BSN is ever stored (UAVG art. 46): imports drop it.
 */
@Entity('students')
@Index('uq_students_university_number', ['universityId', 'studentNumber'], { unique: true })
@Index('uq_students_university_external', ['universityId', 'externalId'], {
  unique: true,
  where: 'external_id IS NOT NULL',
})
@Index('ix_students_programme', ['programmeId'])
/** Keyset pages of one university's students (WHERE university_id = $1 AND id > $2 ORDER BY id). */
@Index('ix_students_university_id', ['universityId', 'id'])
@Check(
  'ck_students_intake_group',
  `intake_group IN ('mbo4_graduate', 'employee_mbo_level', 'employee_hbo_level', 'career_switcher', 'havo_vwo_graduate', 'fulltime_dropout')`,
)
@Check('ck_students_prior_education', `prior_education IN ('mbo4', 'havo', 'vwo', 'bachelor', 'other')`)
@Check('ck_students_months_before', `months_with_employer_before IS NULL OR months_with_employer_before >= 0`)
export class Student extends VersionedEntity {
  @Column('uuid')
  universityId!: string;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: University;

  @Column('uuid')
  programmeId!: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Programme;

  @Column('text')
  studentNumber!: string;

  /** The id in the student information system (Osiris, Progress, ...); imports upsert by it. */
  @Column('text', { nullable: true })
  externalId!: string | null;

  @Column('text')
  firstName!: string;

  @Column('text')
  lastName!: string;

  /** Stored lower-case. */
  @Column('text')
  email!: string;

  @Column('text')
  intakeGroup!: IntakeGroup;

  @Column('text')
  priorEducation!: PriorEducation;

  /** Start academic year, e.g. 2026 for 2026-2027. */
  @Column('int')
  cohort!: number;

  /** Needed for the statutory (youth) minimum wage by age. */
  @Column('date', { nullable: true })
  dateOfBirth!: string | null;

  /** Worked for the employer before the study (drives retention figures). */
  @Column('boolean', { default: false })
  workedForEmployerBefore!: boolean;

  @Column('int', { nullable: true })
  monthsWithEmployerBefore!: number | null;
}

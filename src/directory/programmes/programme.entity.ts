import { VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { University } from '../universities/university.entity';

export const DEGREES = ['associate', 'bachelor'] as const;
export type Degree = (typeof DEGREES)[number];

/**
 * CROHO sectors (onderwijssectoren, DUO's CROHO register: the ten hbo sectors); the
 * practical-learning subsidy depends on them.
 */
export const CROHO_SECTORS = [
  'technology',
  'agriculture_natural_environment',
  'health_care',
  'behaviour_society',
  'economics',
  'education',
  'language_culture',
  'law',
  'science',
  'cross_sector',
] as const;
export type CrohoSector = (typeof CROHO_SECTORS)[number];

/**
 * How the programme is offered (opleidingsvorm in CROHO): voltijd, deeltijd or duaal. The
 * practical-learning subsidy covers dual and part-time routes only.
 */
export const STUDY_MODES = ['full_time', 'part_time', 'dual'] as const;
export type StudyMode = (typeof STUDY_MODES)[number];
/**
 * Programmes registered before study modes were recorded are dual: the platform exists for
 * work-study routes under a tripartite agreement (WHW art. 7.7(5) is the dual programme's
 * agreement), so dual is what they are, and a client that does not send a mode keeps working.
 */
export const DEFAULT_STUDY_MODE: StudyMode = 'dual';

const inList = (column: string, values: readonly string[]) =>
  `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

/** One quarter (onderwijsperiode) of the academic calendar, so workplaces can plan study time. */
export interface AcademicQuarter {
  name: string;
  startDate: string;
  endDate: string;
  teachingWeeks: number;
  examWeeks: number;
}

/** An opleiding: an Associate degree (level 5, 2 years) or a Bachelor (level 6, 4 years). */
@Entity('programmes')
@Index('uq_programmes_university_croho', ['universityId', 'crohoCode'], { unique: true })
@Check('ck_programmes_degree', `degree IN ('associate', 'bachelor')`)
@Check(
  'ck_programmes_level',
  `(degree = 'associate' AND level = 5) OR (degree = 'bachelor' AND level = 6)`,
)
@Check('ck_programmes_years', `nominal_years BETWEEN 1 AND 6`)
@Check(
  'ck_programmes_croho_sector',
  `croho_sector IS NULL OR ${inList('croho_sector', CROHO_SECTORS)}`,
)
@Check('ck_programmes_study_mode', inList('study_mode', STUDY_MODES))
export class Programme extends VersionedEntity {
  @Column('uuid')
  universityId!: string;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: University;

  @Column('text')
  name!: string;

  @Column('text')
  crohoCode!: string;

  @Column('text')
  degree!: Degree;

  @Column('int')
  level!: number;

  @Column('int')
  nominalYears!: number;

  @Column('text', { nullable: true })
  crohoSector!: CrohoSector | null;

  @Column('text', { default: DEFAULT_STUDY_MODE })
  studyMode!: StudyMode;

  @Column('jsonb', { default: [] })
  academicCalendar!: AcademicQuarter[];
}

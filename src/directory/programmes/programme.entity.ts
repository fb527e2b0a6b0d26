import { VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { University } from '../universities/university.entity';

export const DEGREES = ['associate', 'bachelor'] as const;
export type Degree = (typeof DEGREES)[number];

/** CROHO sectors (onderwijssectoren); the practical-learning subsidy depends on them. */
export const CROHO_SECTORS = [
  'technology',
  'agriculture_natural_environment',
  'health_care',
  'behaviour_society',
  'economics',
  'education',
  'language_culture',
  'cross_sector',
] as const;
export type CrohoSector = (typeof CROHO_SECTORS)[number];

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
@Check('ck_programmes_level', `(degree = 'associate' AND level = 5) OR (degree = 'bachelor' AND level = 6)`)
@Check('ck_programmes_years', `nominal_years BETWEEN 1 AND 6`)
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

  @Column('jsonb', { default: [] })
  academicCalendar!: AcademicQuarter[];
}

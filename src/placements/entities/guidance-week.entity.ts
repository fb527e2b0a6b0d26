import { numericTransformer } from '@app/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Employment } from './employment.entity';

export const ABSENCE_REASONS = ['illness', 'holiday', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/**
 * One week of an employment's guidance log: guided at work, or absent with a reason, and the
 * supervisor's hours that week. The evidence the practical-learning subsidy asks for. The rules
 * hold in PostgreSQL too: a week starts on a Monday (ISO day 1), an absence has a reason and a
 * guided week none, hours within a working week. The unique key (employment, week) is also the
 * index the range reads and the subsidy aggregation go by.
 */
@Entity('guidance_weeks')
@Index('uq_guidance_weeks_employment_week', ['employmentId', 'weekStart'], { unique: true })
@Check('ck_guidance_weeks_monday', `EXTRACT(ISODOW FROM week_start) = 1`)
@Check(
  'ck_guidance_weeks_absence',
  `(guided AND absence_reason IS NULL) OR (NOT guided AND absence_reason IN ('illness', 'holiday', 'other'))`,
)
@Check(
  'ck_guidance_weeks_hours',
  `supervisor_hours IS NULL OR (supervisor_hours >= 0 AND supervisor_hours <= 40)`,
)
export class GuidanceWeek {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  employmentId!: string;

  @ManyToOne(() => Employment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employment_id' })
  employment?: Employment;

  /** The Monday the week starts on. */
  @Column('date')
  weekStart!: string;

  @Column('boolean')
  guided!: boolean;

  @Column('text', { nullable: true })
  absenceReason!: AbsenceReason | null;

  @Column('numeric', { precision: 4, scale: 2, nullable: true, transformer: numericTransformer })
  supervisorHours!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

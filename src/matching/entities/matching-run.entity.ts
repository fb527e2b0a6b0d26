import type { Weights } from '@app/matching-engine';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * A whole-cohort matching run: its scope, parameters (weights, list length) and seed, the hashes
 * of what went in and came out, and the verification figures. It only proposes matches.
 */
@Entity('matching_runs')
@Index('ix_matching_runs_university', ['universityId', 'id'])
@Check('ck_matching_runs_status', `status IN ('queued', 'running', 'completed', 'failed')`)
export class MatchingRun {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  universityId!: string;

  @Column('uuid', { nullable: true })
  programmeId!: string | null;

  @Column('uuid', { nullable: true })
  routeId!: string | null;

  @Column('int', { nullable: true })
  cohort!: number | null;

  @Column('text')
  seed!: string;

  @Column('jsonb')
  weights!: Weights;

  @Column('int')
  listLength!: number;

  @Column('text')
  status!: RunStatus;

  @Column('text', { nullable: true })
  inputHash!: string | null;

  @Column('text', { nullable: true })
  outputHash!: string | null;

  @Column('jsonb', { nullable: true })
  stats!: Record<string, number> | null;

  /** Per phase, milliseconds: loadMs, the engine's (listsMs, deferredAcceptanceMs, verifyMs, explainMs, hashMs), matchMs (all of those), persistMs, totalMs. */
  @Column('jsonb', { nullable: true })
  timings!: Record<string, number> | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('text')
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;
}

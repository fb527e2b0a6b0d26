import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * One unit of background work, written in the transaction of the change it follows. PostgreSQL is
 * the source of truth: BullMQ only carries a row's id to a worker. A row is due when `queued` and
 * its `next_attempt_at` has come; the dispatcher hands it to BullMQ (`dispatched_at`), a runner
 * claims it under a lease (`lease_owner`, `lease_expires_at`), and records the outcome. A row not
 * finished long after its dispatch (Redis lost it, its worker died) is re-driven from here.
 */
@Entity('jobs')
@Index('uq_jobs_key', ['key'], { unique: true })
@Index('ix_jobs_due', ['nextAttemptAt'], { where: `state = 'queued' AND dispatched_at IS NULL` })
@Index('ix_jobs_unfinished', ['dispatchedAt'], {
  where: `state IN ('queued', 'running') AND dispatched_at IS NOT NULL`,
})
@Index('ix_jobs_state', ['state', 'id'])
@Index('ix_jobs_subject', ['subjectType', 'subjectId'])
@Check('ck_jobs_state', `state IN ('queued', 'running', 'succeeded', 'failed')`)
@Check(
  'ck_jobs_lease',
  `state <> 'running' OR (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL)`,
)
export class JobRecord {
  @PrimaryColumn('uuid')
  id!: string;

  /** The BullMQ queue that carries it. */
  @Column('text')
  queue!: string;

  /** What to do; one handler per kind. */
  @Column('text')
  kind!: string;

  /** Derived from what the job produces (`seal-<agreement>-v<n>`), so asking twice makes one row. */
  @Column('text')
  key!: string;

  /** The row the work is about (a document, an import, a matching run, a webhook delivery). */
  @Column('text')
  subjectType!: string;

  @Column('uuid')
  subjectId!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @Column('text')
  state!: JobState;

  /** Runs started (claims); the latest claim's number fences every write of that run. */
  @Column('int', { default: 0 })
  attempts!: number;

  @Column('timestamptz', { default: () => 'now()' })
  nextAttemptAt!: Date;

  /** Hand-overs to BullMQ; the BullMQ job id is `<key>-d<dispatchCount>`, so a re-drive is a new BullMQ job. */
  @Column('int', { default: 0 })
  dispatchCount!: number;

  @Column('timestamptz', { nullable: true })
  dispatchedAt!: Date | null;

  @Column('text', { nullable: true })
  leaseOwner!: string | null;

  @Column('timestamptz', { nullable: true })
  leaseExpiresAt!: Date | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  /** How long the latest finished run took. */
  @Column('int', { nullable: true })
  lastDurationMs!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt!: Date | null;
}

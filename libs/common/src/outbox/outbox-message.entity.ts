import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Work that must follow a database change, written in the same transaction as the change.
 * The relay moves unsent rows to BullMQ and stamps sentAt, so a Redis outage delays jobs but
 * never loses them.
 */
@Entity('outbox')
@Index('ix_outbox_unsent', ['id'], { where: 'sent_at IS NULL' })
export class OutboxMessage {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  queue!: string;

  @Column('text')
  jobName!: string;

  /** Derived from what the job produces, so duplicates collapse in BullMQ. */
  @Column('text')
  jobId!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('text', { nullable: true })
  lastError!: string | null;
}

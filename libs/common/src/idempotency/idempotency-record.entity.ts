import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first response to a POST carrying an Idempotency-Key, per caller, kept for 24 hours. */
@Entity('idempotency_records')
@Check('ck_idempotency_state', `state IN ('in_progress', 'completed')`)
@Index('ix_idempotency_created', ['createdAt'])
export class IdempotencyRecord {
  @PrimaryColumn('text')
  callerKey!: string;

  @PrimaryColumn('text')
  idempotencyKey!: string;

  @Column('text')
  requestHash!: string;

  @Column('text')
  state!: 'in_progress' | 'completed';

  @Column('int', { nullable: true })
  statusCode!: number | null;

  @Column('jsonb', { nullable: true })
  responseBody!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

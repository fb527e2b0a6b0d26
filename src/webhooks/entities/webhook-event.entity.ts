import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The outbox: one row per event, written in the transaction of the change that caused it. The
 * body is fixed here, once, so every attempt and redelivery sends the same bytes under the same
 * `webhook-id` (`msgId`), and a receiver can deduplicate by it.
 */
@Entity('webhook_events')
@Index('ix_webhook_events_university', ['universityId', 'occurredAt'])
export class WebhookEvent {
  @PrimaryColumn('uuid')
  id!: string;

  /** The Standard Webhooks message id (`webhook-id` header): `msg_` and the row's id. */
  @Column('text', { unique: true })
  msgId!: string;

  @Column('text')
  type!: string;

  @Column('uuid')
  universityId!: string;

  /** The JSON body `{ type, timestamp, data }` exactly as sent. */
  @Column('text')
  body!: string;

  @Column('timestamptz')
  occurredAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

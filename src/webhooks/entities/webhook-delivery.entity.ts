import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEvent } from './webhook-event.entity';

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event to one endpoint. `pending` while attempts remain (the next at `nextAttemptAt`, each
 * one a job on the job path), `succeeded` on a 2xx, `failed` when the retry schedule ran out,
 * `cancelled` when the endpoint was deleted or disabled first. Redelivery makes it pending again.
 */
@Entity('webhook_deliveries')
@Index('ix_webhook_deliveries_endpoint', ['endpointId', 'id'])
@Index('ix_webhook_deliveries_event', ['eventId'])
@Check('ck_webhook_deliveries_status', `status IN ('pending', 'succeeded', 'failed', 'cancelled')`)
export class WebhookDelivery {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  eventId!: string;

  @ManyToOne(() => WebhookEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: WebhookEvent;

  @Column('uuid')
  endpointId!: string;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpoint;

  @Column('uuid')
  universityId!: string;

  @Column('text')
  eventType!: string;

  @Column('text', { default: 'pending' })
  status!: DeliveryStatus;

  /** Attempts made, over the first delivery and every redelivery. */
  @Column('int', { default: 0 })
  attempts!: number;

  /** Attempts made since the last (re)delivery began: the retry schedule's position. */
  @Column('int', { default: 0 })
  roundAttempts!: number;

  @Column('timestamptz', { nullable: true })
  nextAttemptAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  lastAttemptAt!: Date | null;

  @Column('int', { nullable: true })
  lastStatusCode!: number | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

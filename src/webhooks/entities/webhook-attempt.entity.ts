import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WebhookDelivery } from './webhook-delivery.entity';

/** One HTTP attempt of a delivery, as the receiver answered it (the body truncated to 1 kB). */
@Entity('webhook_attempts')
@Index('uq_webhook_attempts_delivery_number', ['deliveryId', 'number'], { unique: true })
@Check('ck_webhook_attempts_outcome', `outcome IN ('delivered', 'rejected', 'failed')`)
export class WebhookAttempt {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  deliveryId!: string;

  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: WebhookDelivery;

  @Column('int')
  number!: number;

  @Column('timestamptz')
  startedAt!: Date;

  @Column('int')
  durationMs!: number;

  @Column('text')
  outcome!: 'delivered' | 'rejected' | 'failed';

  @Column('int', { nullable: true })
  statusCode!: number | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('text', { nullable: true })
  responseBody!: string | null;
}

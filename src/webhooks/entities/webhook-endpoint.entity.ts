import { VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { University } from '../../directory/universities/university.entity';
import type { WebhookEventType } from '../webhook-events.catalogue';

export const ENDPOINT_STATUSES = ['active', 'disabled'] as const;
export type EndpointStatus = (typeof ENDPOINT_STATUSES)[number];

/**
 * A receiver of one university's events. Its signing secret must be at hand to sign each
 * delivery (HMAC), so it is stored encrypted (AES-256-GCM under WEBHOOK_SECRET_KEY), not hashed:
 * a copy of the database alone does not give the secrets away. During a rotation the previous
 * secret keeps signing too, until `previousSecretExpiresAt`. Deleting an endpoint keeps its row
 * (`deletedAt`) so its delivery log stays readable to admins; it is gone for everyone else.
 */
@Entity('webhook_endpoints')
@Index('ix_webhook_endpoints_university', ['universityId', 'id'])
@Check('ck_webhook_endpoints_status', `status IN ('active', 'disabled')`)
export class WebhookEndpoint extends VersionedEntity {
  @Column('uuid')
  universityId!: string;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: University;

  @Column('text')
  url!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text', { array: true })
  events!: WebhookEventType[];

  @Column('text')
  secretSealed!: string;

  @Column('text', { nullable: true })
  previousSecretSealed!: string | null;

  @Column('timestamptz', { nullable: true })
  previousSecretExpiresAt!: Date | null;

  @Column('text', { default: 'active' })
  status!: EndpointStatus;

  /** Why it was disabled: failing for WEBHOOK_DISABLE_AFTER_DAYS, with the last error. */
  @Column('text', { nullable: true })
  disabledReason!: string | null;

  @Column('timestamptz', { nullable: true })
  disabledAt!: Date | null;

  /** The first failed attempt since the last success; null while the receiver answers. */
  @Column('timestamptz', { nullable: true })
  failingSince!: Date | null;

  @Column('timestamptz', { nullable: true })
  deletedAt!: Date | null;
}

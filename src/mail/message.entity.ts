import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** `cancelled`: a reminder not yet sent when its signature stopped being awaited. */
export const MESSAGE_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * One e-mail to one person, written in the transaction of the change that causes it, with its
 * job. A signing link's token waits here sealed and is put into the body only when it is sent;
 * the body itself is never stored.
 */
@Entity('messages')
@Index('ix_messages_agreement', ['agreementId', 'id'])
@Check('ck_messages_status', `status IN ('pending', 'sent', 'failed', 'cancelled')`)
@Check('ck_messages_language', `language IN ('nl', 'en')`)
export class Message {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: string;

  @Column('uuid', { nullable: true })
  agreementId!: string | null;

  @Column('uuid')
  universityId!: string;

  @Column('text')
  recipientName!: string;

  @Column('text')
  recipientEmail!: string;

  @Column('text')
  language!: 'nl' | 'en';

  @Column('text', { default: 'pending' })
  status!: MessageStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  /** `<uuid@host of MAIL_FROM>`: the same on every attempt. */
  @Column('text', { unique: true })
  messageId!: string;

  /** What the text says besides the link (names, dates): no secrets. */
  @Column('jsonb')
  data!: Record<string, unknown>;

  /** The signing token, sealed (AES-256-GCM); null once sent or failed, and for other kinds. */
  @Column('text', { nullable: true })
  tokenSealed!: string | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Agreement } from './agreement.entity';

/**
 * The agreement's audit trail: every transition and signature, hash-chained per agreement
 * (hash = SHA-256(prevHash + canonical fields)) and append-only (a trigger refuses UPDATE/DELETE).
 */
@Entity('agreement_events')
@Index('uq_agreement_events_seq', ['agreementId', 'seq'], { unique: true })
export class AgreementEvent {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  agreementId!: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  @Column('int')
  seq!: number;

  @Column('timestamptz')
  at!: Date;

  @Column('text')
  actorKind!: string;

  @Column('text', { nullable: true })
  actorId!: string | null;

  @Column('text', { nullable: true })
  actorName!: string | null;

  @Column('text')
  action!: string;

  @Column('text', { nullable: true })
  fromStatus!: string | null;

  @Column('text', { nullable: true })
  toStatus!: string | null;

  @Column('int', { nullable: true })
  versionNumber!: number | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('jsonb', { default: {} })
  data!: Record<string, unknown>;

  @Column('text')
  prevHash!: string;

  @Column('text')
  hash!: string;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Append-only record of who changed what. Never updated or deleted by the application. */
@Entity('audit_events')
@Index(['resourceType', 'resourceId', 'id'])
export class AuditEvent {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  resourceType!: string;

  @Column('uuid')
  resourceId!: string;

  @Column('text')
  action!: string;

  @Column('text')
  actorKind!: string;

  @Column('uuid', { nullable: true })
  actorId!: string | null;

  @Column('uuid', { nullable: true })
  universityId!: string | null;

  @Column('jsonb', { default: {} })
  data!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;
}

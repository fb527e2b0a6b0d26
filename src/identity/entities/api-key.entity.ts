import { VersionedEntity } from '@app/common';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { University } from '../../directory/universities/university.entity';

/** An integration credential scoped to one university. Only a SHA-256 of the secret is kept. */
@Entity('api_keys')
export class ApiKey extends VersionedEntity {
  @Column('text')
  name!: string;

  @Index()
  @Column('uuid')
  universityId!: string;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: University;

  /** The first characters of the key, so people can tell their keys apart. */
  @Column('text')
  keyPrefix!: string;

  /** High-entropy random secret, so a fast hash is safe here (unlike passwords). */
  @Column('text', { unique: true, select: false })
  secretHash!: string;

  @Column('uuid', { nullable: true })
  createdById!: string | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;
}

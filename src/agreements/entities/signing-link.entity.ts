import type { Party } from '../dto/agreement.dto';
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
import { AgreementVersion } from './agreement-version.entity';

/**
 * A one-time link for a signer without an account. The token is shown once; only its SHA-256
 * is stored. Bound to one version and party; expires; used once (to sign or to decline).
 */
@Entity('signing_links')
@Index('uq_signing_links_token_hash', ['tokenHash'], { unique: true })
@Index('ix_signing_links_agreement', ['agreementId'])
@Check('ck_signing_links_party', `party IN ('student', 'university', 'employer', 'host')`)
export class SigningLink {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  agreementId!: string;

  @Column('uuid')
  versionId!: string;

  @ManyToOne(() => AgreementVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id' })
  version?: AgreementVersion;

  @Column('int')
  versionNumber!: number;

  @Column('text')
  party!: Party;

  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text')
  tokenHash!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;

  @Column('uuid', { nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

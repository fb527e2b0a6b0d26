import type { Party } from '../dto/agreement.dto';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgreementVersion } from './agreement-version.entity';

export type SignatureMethod = 'account' | 'signing_link';

/** One party's signature on one version, with the evidence kept for the signed PDF. */
@Entity('agreement_signatures')
@Index('uq_agreement_signatures_party', ['versionId', 'party'], { unique: true })
@Index('ix_agreement_signatures_agreement', ['agreementId'])
@Check('ck_agreement_signatures_party', `party IN ('student', 'university', 'employer', 'host')`)
@Check('ck_agreement_signatures_method', `method IN ('account', 'signing_link')`)
export class AgreementSignature {
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
  signerName!: string;

  @Column('text')
  signerEmail!: string;

  /** The user who signed with their account; null through a signing link. */
  @Column('uuid', { nullable: true })
  signerUserId!: string | null;

  @Column('uuid', { nullable: true })
  signingLinkId!: string | null;

  @Column('timestamptz')
  signedAt!: Date;

  @Column('text', { nullable: true })
  ipAddress!: string | null;

  @Column('text', { nullable: true })
  userAgent!: string | null;

  @Column('text')
  method!: SignatureMethod;

  @Column('text')
  contentHash!: string;
}

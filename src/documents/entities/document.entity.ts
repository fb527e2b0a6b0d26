import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Agreement } from '../../agreements/entities/agreement.entity';

export const DOCUMENT_KINDS = ['preview', 'signed'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * A PDF of one agreement version: the watermarked preview made at submit, or the sealed PDF made
 * when the version comes into force. One row per version and kind (unique), created `queued` in
 * the transaction that asks for it; the job fills in the bytes' SHA-256 once, and never again.
 */
@Entity('documents')
@Index('uq_documents_version_kind', ['agreementId', 'versionNumber', 'kind'], { unique: true })
@Index('ix_documents_sha256', ['sha256'])
@Check('ck_documents_kind', `kind IN ('preview', 'signed')`)
@Check('ck_documents_status', `status IN ('queued', 'processing', 'ready', 'failed')`)
@Check(
  'ck_documents_ready',
  `status <> 'ready' OR (sha256 IS NOT NULL AND storage_key IS NOT NULL)`,
)
export class StoredDocument {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  agreementId!: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  @Column('int')
  versionNumber!: number;

  @Column('text')
  kind!: DocumentKind;

  @Column('text')
  status!: DocumentStatus;

  /** The content hash of the version the document shows. */
  @Column('text')
  contentHash!: string;

  /** SHA-256 (hex) of the stored bytes, set once when ready. */
  @Column('text', { nullable: true })
  sha256!: string | null;

  @Column('int', { nullable: true })
  sizeBytes!: number | null;

  @Column('text', { nullable: true })
  storageKey!: string | null;

  /** The signing time in the seal (the moment the version came into force); null for previews. */
  @Column('timestamptz', { nullable: true })
  sealedAt!: Date | null;

  /** SHA-256 of the certificate that sealed it. */
  @Column('text', { nullable: true })
  certificateFingerprint!: string | null;

  /** How many times a job started on it (more than one: a retry or a recovered crash). */
  @Column('int', { default: 0 })
  attempts!: number;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('timestamptz', { nullable: true })
  readyAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

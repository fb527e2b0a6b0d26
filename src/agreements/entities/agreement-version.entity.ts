import type { AgreementTerms } from '../agreement-terms.types';
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
import { Company } from '../../directory/companies/company.entity';
import type { VersionStatus } from '../agreement-lifecycle';
import type { PartiesSnapshot } from '../content-hash';
import type { MinimumWageRise } from '../minimum-wage';
import { Agreement, AgreementLanguage } from './agreement.entity';

/**
 * One version of an agreement's terms, language and host. Editable while draft; frozen at submit,
 * when the parties are snapshotted and the content hashed. Signatures bind to that hash.
 */
@Entity('agreement_versions')
@Index('uq_agreement_versions_number', ['agreementId', 'number'], { unique: true })
@Index('ix_agreement_versions_pending', ['status', 'submittedAt'], {
  where: `status = 'pending_signatures'`,
})
@Check(
  'ck_agreement_versions_status',
  `status IN ('draft', 'pending_signatures', 'active', 'superseded', 'declined', 'cancelled')`,
)
@Index('ix_agreement_versions_host', ['hostCompanyId'])
@Check('ck_agreement_versions_language', `language IN ('nl', 'en')`)
@Check(
  'ck_agreement_versions_frozen',
  `status = 'draft' OR status = 'cancelled' OR content_hash IS NOT NULL`,
)
export class AgreementVersion {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  agreementId!: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  @Column('int')
  number!: number;

  @Column('text')
  status!: VersionStatus;

  @Column('jsonb')
  terms!: AgreementTerms;

  /** The language the version is written and rendered in; frozen with it. */
  @Column('text')
  language!: AgreementLanguage;

  /**
   * The company a foundation seconds the student to under this version (null for a company
   * employer). Per version: a re-secondment is an amendment with a new host, who signs it.
   */
  @Column('uuid', { nullable: true })
  hostCompanyId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_company_id' })
  hostCompany?: Company;

  @Column('jsonb', { nullable: true })
  parties!: PartiesSnapshot | null;

  /**
   * Dates inside the contract from which the agreed salary is below the statutory minimum (youth
   * rates rise at each birthday, rates are indexed), computed by the terms rules whenever the
   * terms are written and again at submit, so a frozen version keeps what it was signed with.
   * Derived from the terms, the student's date of birth and the public rate table, so not part
   * of the content hash; the view returns it and the PDF prints it.
   */
  @Column('jsonb', { default: () => "'[]'" })
  minimumWageRises!: MinimumWageRise[];

  @Column('text', { nullable: true })
  contentHash!: string | null;

  @Column('timestamptz', { nullable: true })
  submittedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  activatedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  /** Why a party declined it. */
  @Column('text', { nullable: true })
  declineReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

import { verifySealedPdf } from '@app/agreement-pdf';
import {
  ConflictError,
  DomainError,
  findInScope,
  NotFoundError,
  Principal,
  sha256Hex,
} from '@app/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AGREEMENT_SCOPE } from '../agreements/agreement-scope';
import { AgreementSignature } from '../agreements/entities/agreement-signature.entity';
import { AgreementVersion } from '../agreements/entities/agreement-version.entity';
import { Agreement } from '../agreements/entities/agreement.entity';
import { DOCUMENT_STORAGE, DocumentContentMissingError, DocumentStorage } from './document-storage';
import { DocumentKind, DocumentStatus, StoredDocument } from './entities/document.entity';

export interface DocumentView {
  id: string;
  agreementId: string;
  version: number;
  kind: DocumentKind;
  status: DocumentStatus;
  contentHash: string;
  sha256: string | null;
  sizeBytes: number | null;
  sealedAt: Date | null;
  certificateFingerprint: string | null;
  error: string | null;
  createdAt: Date;
  readyAt: Date | null;
}

export interface VerificationSigner {
  party: string;
  name: string;
  signedAt: Date;
  method: string;
}

export interface Verification {
  valid: boolean;
  agreementId: string | null;
  version: number | null;
  contentHash: string | null;
  sealedAt: Date | null;
  signers: VerificationSigner[];
  /** The version's state today: a valid document of a superseded version is still authentic. */
  versionStatus: string | null;
  documentId: string | null;
  sha256: string;
  /** Why it is not valid (empty when valid). */
  problems: string[];
}

/** Reading documents (in the caller's agreement scope) and verifying a PDF anyone holds. */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async listForAgreement(
    principal: Principal,
    agreementId: string,
  ): Promise<{ data: DocumentView[] }> {
    const manager = this.dataSource.manager;
    const agreement = await this.agreementInScope(manager, principal, agreementId);
    const visible = await this.visibleVersions(manager, principal, agreement);
    const rows = await manager.find(StoredDocument, {
      where: { agreementId },
      order: { versionNumber: 'ASC', kind: 'ASC' },
    });
    return { data: rows.filter((d) => visible(d.versionNumber)).map(toView) };
  }

  async get(principal: Principal, id: string): Promise<DocumentView> {
    return toView(await this.inScope(principal, id));
  }

  /** The PDF bytes of a ready document; 409 while it is still being made. */
  async content(
    principal: Principal,
    id: string,
  ): Promise<{ doc: StoredDocument; stream: Readable }> {
    const doc = await this.inScope(principal, id);
    if (doc.status !== 'ready') {
      const why = doc.status === 'failed' && doc.error ? ` (${doc.error})` : '';
      throw new ConflictError(
        `Document ${doc.id} is ${doc.status}${why}: its content is not available${doc.status === 'failed' ? '' : ' yet'}.`,
        'document-not-ready',
        { documentStatus: doc.status },
      );
    }
    try {
      return { doc, stream: await this.storage.stream(doc.storageKey!) };
    } catch (error) {
      if (!(error instanceof DocumentContentMissingError)) throw error;
      this.logger.error(`Document ${doc.id} is ready but its content is missing: ${error.message}`);
      throw new DomainError(
        503,
        'document-content-unavailable',
        'Service Unavailable',
        `The content of document ${doc.id} cannot be read right now; please try again later.`,
      );
    }
  }

  /**
   * Valid only when all hold: the seal covers the whole file but the signature and checks out
   * (the library), the file's SHA-256 is that of a signed document we stored, sealed with the
   * certificate we stored for it, and the file names the agreement version we stored it for.
   */
  async verify(pdf: Buffer): Promise<Verification> {
    const sha256 = sha256Hex(pdf);
    const seal = verifySealedPdf(pdf);
    const problems = [...seal.problems];
    const doc = await this.dataSource.manager.findOne(StoredDocument, {
      where: { sha256, kind: 'signed', status: 'ready' },
    });
    if (!doc)
      problems.push(
        'This file is not a document sealed by this platform (no stored document has its SHA-256).',
      );
    else {
      if (
        seal.certificateFingerprint &&
        seal.certificateFingerprint !== doc.certificateFingerprint
      ) {
        problems.push(
          'The seal was made with another certificate than the one this document was sealed with.',
        );
      }
      const identity = seal.identity;
      if (
        identity &&
        (identity.agreementId !== doc.agreementId ||
          identity.version !== doc.versionNumber ||
          identity.contentHash !== doc.contentHash)
      ) {
        problems.push('The file names another agreement version than the one stored for it.');
      }
    }
    const valid = seal.valid && problems.length === 0 && doc !== null;
    if (!valid || !doc) {
      return {
        valid: false,
        agreementId: null,
        version: null,
        contentHash: null,
        sealedAt: null,
        signers: [],
        versionStatus: null,
        documentId: null,
        sha256,
        problems: problems.length ? problems : ['The seal does not verify.'],
      };
    }
    const [version, signatures] = await Promise.all([
      this.dataSource.manager.findOneByOrFail(AgreementVersion, {
        agreementId: doc.agreementId,
        number: doc.versionNumber,
      }),
      this.dataSource.manager.find(AgreementSignature, {
        where: { agreementId: doc.agreementId, versionNumber: doc.versionNumber },
        order: { signedAt: 'ASC', id: 'ASC' },
      }),
    ]);
    return {
      valid: true,
      agreementId: doc.agreementId,
      version: doc.versionNumber,
      contentHash: doc.contentHash,
      sealedAt: doc.sealedAt,
      signers: signatures.map((s) => ({
        party: s.party,
        name: s.signerName,
        signedAt: s.signedAt,
        method: s.method,
      })),
      versionStatus: version.status,
      documentId: doc.id,
      sha256,
      problems: [],
    };
  }

  private async inScope(principal: Principal, id: string): Promise<StoredDocument> {
    const manager = this.dataSource.manager;
    const doc = await manager.findOneBy(StoredDocument, { id });
    if (!doc) throw new NotFoundError('Document', id);
    // A document is as visible as its agreement version; outside the caller's scope it does not exist.
    const agreement = await this.agreementInScope(manager, principal, doc.agreementId).catch(
      (error) => {
        throw error instanceof NotFoundError ? new NotFoundError('Document', id) : error;
      },
    );
    const visible = await this.visibleVersions(manager, principal, agreement);
    if (!visible(doc.versionNumber)) throw new NotFoundError('Document', id);
    return doc;
  }

  /**
   * A host company sees the documents of the versions that name it as host, and only those: after
   * a re-secondment the former host keeps the PDF it signed but does not read its successor's.
   * Every other reader in the agreement's scope sees every version.
   */
  private async visibleVersions(
    manager: EntityManager,
    principal: Principal,
    agreement: Agreement,
  ): Promise<(version: number) => boolean> {
    if (principal.role !== 'company_rep' || agreement.employerCompanyId === principal.companyId) {
      return () => true;
    }
    const rows: { number: number }[] = await manager.query(
      'SELECT number FROM agreement_versions WHERE agreement_id = $1 AND host_company_id = $2',
      [agreement.id, principal.companyId],
    );
    const numbers = new Set(rows.map((r) => r.number));
    return (version) => numbers.has(version);
  }

  private agreementInScope(manager: EntityManager, principal: Principal, id: string) {
    return findInScope(manager, Agreement, id, principal, AGREEMENT_SCOPE, {
      resource: 'Agreement',
    });
  }
}

function toView(d: StoredDocument): DocumentView {
  return {
    id: d.id,
    agreementId: d.agreementId,
    version: d.versionNumber,
    kind: d.kind,
    status: d.status,
    contentHash: d.contentHash,
    sha256: d.sha256,
    sizeBytes: d.sizeBytes,
    sealedAt: d.sealedAt,
    certificateFingerprint: d.certificateFingerprint,
    error: d.status === 'failed' ? d.error : null,
    createdAt: d.createdAt,
    readyAt: d.readyAt,
  };
}

import { verifySealedPdf, VerifyResult } from '@app/agreement-pdf';
import { ConflictError, DomainError, NotFoundError, Principal, sha256Hex } from '@app/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { Repository } from 'typeorm';
import { AgreementDocumentsSource } from '../agreements/agreement-documents.source';
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

/**
 * The verdict in one word: `altered` (a seal whose bytes no longer check out), `not_ours` (a seal
 * that checks out but is not one this platform made and stored), `unknown` (no seal at all: not
 * a sealed document, or not a PDF).
 */
export type VerificationVerdict = 'valid' | 'altered' | 'not_ours' | 'unknown';

export interface Verification {
  valid: boolean;
  verdict: VerificationVerdict;
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
    @InjectRepository(StoredDocument) private readonly documents: Repository<StoredDocument>,
    private readonly agreements: AgreementDocumentsSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async listForAgreement(
    principal: Principal,
    agreementId: string,
  ): Promise<{ data: DocumentView[] }> {
    const visible = await this.agreements.readableVersions(
      this.documents.manager,
      principal,
      agreementId,
    );
    const rows = await this.documents.find({
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
    return this.open(await this.inScope(principal, id));
  }

  /**
   * A version's document of this kind, for a caller that checked a capability bound to exactly
   * this version (a signing link, a signer's receipt) instead of a principal; null when there is
   * none yet.
   */
  versionDocument(
    agreementId: string,
    version: number,
    kind: DocumentKind,
  ): Promise<StoredDocument | null> {
    return this.documents.findOneBy({ agreementId, versionNumber: version, kind });
  }

  /** The PDF bytes of a document the caller already holds (see versionDocument). */
  async open(doc: StoredDocument): Promise<{ doc: StoredDocument; stream: Readable }> {
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
    const doc = await this.documents.findOne({
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
        verdict: verdictOf(seal, pdf),
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
    const manager = this.documents.manager;
    const [version, signatures] = await Promise.all([
      this.agreements.version(manager, doc.agreementId, doc.versionNumber),
      this.agreements.signatures(manager, doc.agreementId, doc.versionNumber),
    ]);
    return {
      valid: true,
      verdict: 'valid',
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
      versionStatus: version?.status ?? null,
      documentId: doc.id,
      sha256,
      problems: [],
    };
  }

  private async inScope(principal: Principal, id: string): Promise<StoredDocument> {
    const doc = await this.documents.findOneBy({ id });
    if (!doc) throw new NotFoundError('Document', id);
    // A document is as visible as its agreement version; outside the caller's scope it does not exist.
    const visible = await this.agreements
      .readableVersions(this.documents.manager, principal, doc.agreementId)
      .catch((error) => {
        throw error instanceof NotFoundError ? new NotFoundError('Document', id) : error;
      });
    if (!visible(doc.versionNumber)) throw new NotFoundError('Document', id);
    return doc;
  }
}

const SEAL_MARKER = Buffer.from('/ByteRange', 'latin1');

/**
 * Why an invalid file is invalid. A seal that checks out is not ours when we stored no signed
 * document with these bytes (or sealed it with another certificate); one that does not check out
 * was altered (bytes changed, added or cut), unless the file has no seal to speak of at all.
 */
function verdictOf(seal: VerifyResult, pdf: Buffer): VerificationVerdict {
  if (seal.valid) return 'not_ours';
  return pdf.includes(SEAL_MARKER) ? 'altered' : 'unknown';
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

import { renderAgreementPdf, renderAndSeal, type Sealer } from '@app/agreement-pdf';
import { DomainEvents, sha256Hex } from '@app/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AgreementDocumentsSource } from '../agreements/agreement-documents.source';
import { AgreementDocumentBuilder } from './agreement-document.builder';
import { DOCUMENT_EVENTS, DocumentReady } from './document-domain-events';
import { DOCUMENT_STORAGE, DocumentStorage } from './document-storage';
import { DocumentKind, StoredDocument } from './entities/document.entity';
import { SEALER } from './seal-certificate';

export interface DocumentJobOutcome {
  documentId: string;
  sha256: string;
  /** True when the document was already ready: a duplicated or retried job did nothing. */
  alreadyReady: boolean;
}

/** The document row is gone or was never asked for: retrying cannot help. */
export class DocumentMissingError extends Error {}

/** Another run claimed the row after this one (this run was presumed dead): retry to find out. */
export class ClaimLostError extends Error {}

interface Claim {
  doc: StoredDocument;
  /** The row's attempts counter after this run's claim: the run's token for every later write. */
  attempt: number;
}

/**
 * Makes one document: claims the row, renders (and for `signed` seals) the version, stores the
 * bytes under a key that names their hash, and marks the row ready, once, publishing
 * `document.ready` in that transaction. Each claim takes a token (the attempts counter); a run
 * writes the row only while it still holds the latest claim, so a run presumed dead that wakes
 * up can neither mark the row ready nor undo another run's result. Rendering is deterministic
 * and the seal's signing time is the activation time, so with an RSA key a re-run yields the
 * same bytes; with ECDSA (random nonces) it may store a second file, but the row, and so every
 * download and every verification, names only the first.
 */
@Injectable()
export class DocumentJobRunner {
  private readonly logger = new Logger(DocumentJobRunner.name);

  constructor(
    @InjectRepository(StoredDocument) private readonly documents: Repository<StoredDocument>,
    private readonly builder: AgreementDocumentBuilder,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(SEALER) private readonly sealer: Sealer,
    private readonly agreements: AgreementDocumentsSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  async run(kind: DocumentKind, agreementId: string, version: number): Promise<DocumentJobOutcome> {
    const claim = await this.claim(kind, agreementId, version);
    if (!claim) {
      const doc = await this.find(kind, agreementId, version);
      return { documentId: doc.id, sha256: doc.sha256!, alreadyReady: true };
    }
    try {
      return await this.make(claim);
    } catch (error) {
      // Back to queued while the job decides (retry later, or failed: then markFailed says so).
      await this.release(claim, (error as Error).message).catch((e: Error) =>
        this.logger.warn(`Could not give document ${claim.doc.id} back: ${e.message}`),
      );
      throw error;
    }
  }

  /** The job is failed for good: the row says so, unless some run made it meanwhile. */
  async markFailed(
    manager: EntityManager,
    kind: DocumentKind,
    agreementId: string,
    version: number,
    reason: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE documents SET status = 'failed', error = $4, updated_at = now()
        WHERE agreement_id = $1 AND version_number = $2 AND kind = $3 AND status <> 'ready'`,
      [agreementId, version, kind, reason.slice(0, 2000)],
    );
  }

  /** Claims the row unless it is ready (then null): processing, with a fresh attempt token. */
  private async claim(
    kind: DocumentKind,
    agreementId: string,
    version: number,
  ): Promise<Claim | null> {
    const { raw } = await this.documents
      .createQueryBuilder()
      .update(StoredDocument)
      .set({ status: 'processing', attempts: () => 'attempts + 1' })
      .where('agreement_id = :agreementId AND version_number = :version AND kind = :kind', {
        agreementId,
        version,
        kind,
      })
      .andWhere(`status <> 'ready'`)
      .returning(['id', 'attempts'])
      .execute();
    const rows = raw as { id: string; attempts: number }[];
    if (rows.length === 0) return null;
    const doc = await this.documents.findOneByOrFail({ id: rows[0].id });
    return { doc, attempt: rows[0].attempts };
  }

  private async find(
    kind: DocumentKind,
    agreementId: string,
    version: number,
  ): Promise<StoredDocument> {
    const doc = await this.documents.findOneBy({ agreementId, versionNumber: version, kind });
    if (!doc)
      throw new DocumentMissingError(
        `No ${kind} document was asked for agreement ${agreementId} v${version}`,
      );
    return doc;
  }

  private async make({ doc, attempt }: Claim): Promise<DocumentJobOutcome> {
    const { bytes, sealedAt } = await this.render(doc);
    const sha256 = sha256Hex(bytes);
    const storageKey = `agreements/${doc.agreementId}/v${doc.versionNumber}-${doc.kind}-${sha256.slice(0, 16)}.pdf`;
    await this.storage.put(storageKey, bytes);
    const marked = await this.documents.manager.transaction(async (manager) => {
      const { affected } = await manager.update(
        StoredDocument,
        { id: doc.id, status: 'processing', attempts: attempt },
        {
          status: 'ready',
          sha256,
          sizeBytes: bytes.length,
          storageKey,
          sealedAt,
          certificateFingerprint: doc.kind === 'signed' ? this.sealer.certificateFingerprint : null,
          error: null,
          readyAt: new Date(),
        },
      );
      if (!affected) return false;
      await this.publishReady(manager, doc, sha256);
      return true;
    });
    if (marked) return { documentId: doc.id, sha256, alreadyReady: false };
    const now = await this.documents.findOneByOrFail({ id: doc.id });
    if (now.status === 'ready') {
      // Another run finished first: its result stands (and this run's file, if it differs, goes).
      if (now.storageKey !== storageKey)
        await this.storage.remove(storageKey).catch(() => undefined);
      return { documentId: doc.id, sha256: now.sha256!, alreadyReady: true };
    }
    throw new ClaimLostError(
      `Document ${doc.id} was claimed by a later run (attempt ${now.attempts})`,
    );
  }

  /** Only the run that marks the row ready publishes: once per document. */
  private async publishReady(
    manager: EntityManager,
    doc: StoredDocument,
    sha256: string,
  ): Promise<void> {
    const owner = await this.agreements.owner(manager, doc.agreementId);
    if (!owner) throw new DocumentMissingError(`Agreement ${doc.agreementId} does not exist`);
    await this.domainEvents.publish<DocumentReady>(manager, {
      type: DOCUMENT_EVENTS.ready,
      documentId: doc.id,
      agreementId: doc.agreementId,
      ...owner,
      version: doc.versionNumber,
      kind: doc.kind,
      contentHash: doc.contentHash,
      sha256,
    });
  }

  /** A failed attempt gives the row back (queued), unless a later run claimed it meanwhile. */
  private async release({ doc, attempt }: Claim, reason: string): Promise<void> {
    await this.documents.update(
      { id: doc.id, status: 'processing', attempts: attempt },
      { status: 'queued', error: reason.slice(0, 2000) },
    );
  }

  private async render(doc: StoredDocument): Promise<{ bytes: Buffer; sealedAt: Date | null }> {
    // One snapshot for every read, so the document is consistent even while the agreement moves on.
    const { input, signingTime } = await this.documents.manager.transaction(
      'REPEATABLE READ',
      async (manager) => {
        const input = await this.builder.build(manager, doc);
        if (doc.kind === 'preview') return { input, signingTime: null };
        return { input, signingTime: await this.builder.signingTime(manager, doc) };
      },
    );
    if (!signingTime) {
      const preview = await renderAgreementPdf(input, { kind: 'preview' });
      return {
        bytes: Buffer.from(preview.buffer, preview.byteOffset, preview.byteLength),
        sealedAt: null,
      };
    }
    return {
      bytes: await renderAndSeal(input, this.sealer, { signingTime }),
      sealedAt: signingTime,
    };
  }
}

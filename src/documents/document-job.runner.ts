import { renderAgreementPdf, renderAndSeal, type Sealer } from '@app/agreement-pdf';
import { sha256Hex } from '@app/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgreementVersion } from '../agreements/entities/agreement-version.entity';
import { AgreementDocumentBuilder } from './agreement-document.builder';
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

/**
 * Makes one document: claims the row, renders (and for `signed` seals) the version, stores the
 * bytes under a key that names their hash, and marks the row ready, once. Rendering is
 * deterministic and the seal's signing time is the activation time, so a job that runs again
 * after a crash produces the same bytes; and the row only ever takes the first result.
 */
@Injectable()
export class DocumentJobRunner {
  private readonly logger = new Logger(DocumentJobRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly builder: AgreementDocumentBuilder,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(SEALER) private readonly sealer: Sealer,
  ) {}

  async run(kind: DocumentKind, agreementId: string, version: number): Promise<DocumentJobOutcome> {
    const claimed = await this.claim(kind, agreementId, version);
    if (claimed.status === 'ready') {
      return { documentId: claimed.id, sha256: claimed.sha256!, alreadyReady: true };
    }
    const { bytes, sealedAt } = await this.make(claimed);
    const sha256 = sha256Hex(bytes);
    const storageKey = `agreements/${agreementId}/v${version}-${kind}-${sha256.slice(0, 16)}.pdf`;
    await this.storage.put(storageKey, bytes);
    const { affected } = await this.dataSource.getRepository(StoredDocument).update(
      { id: claimed.id, status: 'processing' },
      {
        status: 'ready',
        sha256,
        sizeBytes: bytes.length,
        storageKey,
        sealedAt,
        certificateFingerprint: kind === 'signed' ? this.sealer.certificateFingerprint : null,
        error: null,
        readyAt: new Date(),
      },
    );
    if (!affected) {
      // Another run finished first (a stalled job that was in fact alive): its result stands.
      const winner = await this.dataSource
        .getRepository(StoredDocument)
        .findOneByOrFail({ id: claimed.id });
      this.logger.warn(
        `Document ${claimed.id} was already made by another run; keeping ${winner.sha256}`,
      );
      return { documentId: claimed.id, sha256: winner.sha256!, alreadyReady: true };
    }
    return { documentId: claimed.id, sha256, alreadyReady: false };
  }

  /** After the last attempt: the row says failed, with the reason, so nobody waits forever. */
  async markFailed(
    kind: DocumentKind,
    agreementId: string,
    version: number,
    reason: string,
  ): Promise<void> {
    await this.dataSource
      .getRepository(StoredDocument)
      .createQueryBuilder()
      .update()
      .set({ status: 'failed', error: reason.slice(0, 2000) })
      .where('agreement_id = :agreementId AND version_number = :version AND kind = :kind', {
        agreementId,
        version,
        kind,
      })
      .andWhere(`status <> 'ready'`)
      .execute();
  }

  /** A failed attempt that will be retried: back to queued, with what went wrong. */
  async markRetrying(
    kind: DocumentKind,
    agreementId: string,
    version: number,
    reason: string,
  ): Promise<void> {
    await this.dataSource
      .getRepository(StoredDocument)
      .createQueryBuilder()
      .update()
      .set({ status: 'queued', error: reason.slice(0, 2000) })
      .where('agreement_id = :agreementId AND version_number = :version AND kind = :kind', {
        agreementId,
        version,
        kind,
      })
      .andWhere(`status = 'processing'`)
      .execute();
  }

  private async claim(
    kind: DocumentKind,
    agreementId: string,
    version: number,
  ): Promise<StoredDocument> {
    const rows: StoredDocument[] = await this.dataSource.query(
      `UPDATE documents SET status = 'processing', attempts = attempts + 1, updated_at = now()
        WHERE agreement_id = $1 AND version_number = $2 AND kind = $3 AND status <> 'ready'
        RETURNING id`,
      [agreementId, version, kind],
    );
    const doc = await this.dataSource
      .getRepository(StoredDocument)
      .findOneBy({ agreementId, versionNumber: version, kind });
    if (!doc)
      throw new DocumentMissingError(
        `No ${kind} document was asked for agreement ${agreementId} v${version}`,
      );
    if (rows[0] === undefined && doc.status !== 'ready')
      throw new Error(`Document ${doc.id} could not be claimed`);
    return doc;
  }

  private async make(doc: StoredDocument): Promise<{ bytes: Buffer; sealedAt: Date | null }> {
    // One snapshot for every read, so the document is consistent even while the agreement moves on.
    const { input, signingTime } = await this.dataSource.transaction(
      'REPEATABLE READ',
      async (manager) => {
        const input = await this.builder.build(manager, doc);
        if (doc.kind === 'preview') return { input, signingTime: null };
        const version = await manager.findOneByOrFail(AgreementVersion, {
          agreementId: doc.agreementId,
          number: doc.versionNumber,
        });
        return { input, signingTime: this.builder.signingTime(version) };
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

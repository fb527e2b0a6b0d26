import { JobsService, newId } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOBS, jobKeys, QUEUES } from '../jobs/queues';
import { DocumentKind, StoredDocument } from './entities/document.entity';

export interface DocumentJobData {
  agreementId: string;
  version: number;
}

/**
 * Asks for a version's document inside the transaction that makes it due (submit → preview,
 * last signature → signed): a `queued` row and its job, keyed by agreement and version. Asking
 * twice changes nothing: one row, one job.
 */
@Injectable()
export class DocumentRequests {
  constructor(private readonly jobs: JobsService) {}

  preview(manager: EntityManager, agreementId: string, version: number, contentHash: string) {
    return this.request(manager, 'preview', agreementId, version, contentHash);
  }

  signed(manager: EntityManager, agreementId: string, version: number, contentHash: string) {
    return this.request(manager, 'signed', agreementId, version, contentHash);
  }

  private async request(
    manager: EntityManager,
    kind: DocumentKind,
    agreementId: string,
    version: number,
    contentHash: string,
  ): Promise<void> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(StoredDocument)
      .values({
        id: newId(),
        agreementId,
        versionNumber: version,
        kind,
        status: 'queued',
        contentHash,
      })
      .orIgnore()
      .returning('id')
      .execute();
    const rows = inserted.raw as { id: string }[];
    if (rows.length === 0) return;
    await this.jobs.enqueue(manager, {
      queue: QUEUES.documents,
      kind: kind === 'preview' ? JOBS.renderPreview : JOBS.sealAgreement,
      key: kind === 'preview' ? jobKeys.preview(agreementId, version) : jobKeys.seal(agreementId, version),
      subject: { type: 'document', id: rows[0].id },
      payload: { agreementId, version } satisfies DocumentJobData,
    });
  }
}

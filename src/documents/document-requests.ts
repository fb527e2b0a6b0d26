import { newId, OutboxService } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOBS, jobIds, QUEUES } from '../jobs/queues';
import { DocumentKind, StoredDocument } from './entities/document.entity';

export interface DocumentJobData {
  agreementId: string;
  version: number;
}

/**
 * Asks for a version's document inside the transaction that makes it due (submit → preview,
 * last signature → signed): a `queued` row and an outbox message with a job id derived from
 * agreement and version. Asking twice changes nothing: one row, one job id.
 */
@Injectable()
export class DocumentRequests {
  constructor(private readonly outbox: OutboxService) {}

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
    if (inserted.raw.length === 0) return;
    await this.outbox.enqueue(manager, {
      queue: QUEUES.documents,
      name: kind === 'preview' ? JOBS.renderPreview : JOBS.sealAgreement,
      jobId:
        kind === 'preview'
          ? jobIds.preview(agreementId, version)
          : jobIds.seal(agreementId, version),
      data: { agreementId, version } satisfies DocumentJobData,
    });
  }
}

import { DomainEvents, JobsService, newId } from '@app/common';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AGREEMENT_EVENTS,
  AgreementVersionActivated,
  AgreementVersionSubmitted,
} from '../agreements/agreement-domain-events';
import { JOBS, jobKeys, QUEUES } from '../jobs/queues';
import { DocumentKind, StoredDocument } from './entities/document.entity';

export interface DocumentJobData {
  agreementId: string;
  version: number;
}

/**
 * Asks for a version's document inside the transaction that makes it due: a submitted version
 * gets its preview, a version that comes into force its signed (sealed) PDF. Each is a `queued`
 * row and its job, keyed by agreement and version, written with the publisher's EntityManager so
 * they commit (or roll back) with the transition. Asking twice changes nothing: one row, one job.
 *
 * Only the API publishes agreement events (the worker makes documents but never moves an
 * agreement), so only the API's DocumentsModule provides this subscriber.
 */
@Injectable()
export class DocumentRequests implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.subscribe<AgreementVersionSubmitted>(AGREEMENT_EVENTS.versionSubmitted, (m, e) =>
      this.request(m, 'preview', e.agreementId, e.version, e.contentHash),
    );
    this.events.subscribe<AgreementVersionActivated>(AGREEMENT_EVENTS.versionActivated, (m, e) =>
      this.request(m, 'signed', e.agreementId, e.version, e.contentHash),
    );
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
      key:
        kind === 'preview'
          ? jobKeys.preview(agreementId, version)
          : jobKeys.seal(agreementId, version),
      subject: { type: 'document', id: rows[0].id },
      payload: { agreementId, version } satisfies DocumentJobData,
    });
  }
}

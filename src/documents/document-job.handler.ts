import { ClaimedJob, isUuid, JobHandler, JobHandlerFor, PermanentJobError } from '@app/common';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { JOBS, QUEUES } from '../jobs/queues';
import { DocumentNotDueError } from './agreement-document.builder';
import type { DocumentJobData } from './document-requests';
import { DocumentJobRunner, DocumentMissingError } from './document-job.runner';
import { DOCUMENT_STORAGE, DocumentStorage } from './document-storage';
import { documentsConfig } from './documents.config';
import { DocumentKind } from './entities/document.entity';

const KIND_OF_JOB: Record<string, DocumentKind> = {
  [JOBS.renderPreview]: 'preview',
  [JOBS.sealAgreement]: 'signed',
};

/** A temporary file older than this belongs to a writer that died (a write takes milliseconds). */
const ABANDONED_AFTER_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Renders previews and seals signed PDFs for the job path. Rendering and sealing a document is CPU
 * work of a few tens of milliseconds, far below the lease's heartbeat, so a busy worker keeps its
 * leases. Also sweeps the temporary files of writers killed mid-write, at start and hourly.
 */
@Injectable()
@JobHandlerFor({ queue: QUEUES.documents, kinds: [JOBS.renderPreview, JOBS.sealAgreement] })
export class DocumentJobHandler
  implements JobHandler, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(DocumentJobHandler.name);
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly runner: DocumentJobRunner,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(documentsConfig.KEY) private readonly config: ConfigType<typeof documentsConfig>,
  ) {}

  /** DOCUMENT_JOB_CONCURRENCY: documents one worker process makes at once. */
  get concurrency(): number {
    return this.config.concurrency;
  }

  onApplicationBootstrap(): void {
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  async run(job: ClaimedJob) {
    const { kind, agreementId, version } = this.parse(job);
    try {
      const outcome = await this.runner.run(kind, agreementId, version);
      return { ...outcome };
    } catch (error) {
      if (error instanceof DocumentMissingError || error instanceof DocumentNotDueError) {
        throw new PermanentJobError(error.message);
      }
      throw error;
    }
  }

  async onFailed(manager: EntityManager, job: ClaimedJob, reason: string): Promise<void> {
    const kind = KIND_OF_JOB[job.kind];
    const { agreementId, version } = job.payload as Partial<DocumentJobData>;
    if (!kind || !isUuid(agreementId) || !Number.isInteger(version)) return;
    await this.runner.markFailed(manager, kind, agreementId, version!, reason);
  }

  private parse(job: ClaimedJob): { kind: DocumentKind } & DocumentJobData {
    const kind = KIND_OF_JOB[job.kind];
    const { agreementId, version } = job.payload as Partial<DocumentJobData>;
    if (!kind) throw new PermanentJobError(`Unknown document job ${job.kind}`);
    if (!isUuid(agreementId) || !Number.isInteger(version)) {
      throw new PermanentJobError('The job names no agreement version');
    }
    return { kind, agreementId, version: version! };
  }

  private async sweep(): Promise<void> {
    try {
      const removed = await this.storage.removeAbandonedWrites(ABANDONED_AFTER_MS);
      if (removed > 0)
        this.logger.log(`Removed ${removed} temporary file(s) of interrupted writes`);
    } catch (error) {
      this.logger.warn(
        `Could not sweep temporary files under ${this.config.documentsDir}: ${(error as Error).message}`,
      );
    }
  }
}

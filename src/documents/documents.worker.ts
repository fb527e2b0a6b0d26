import { redisOptionsFromUrl, withTimeout, isUuid } from '@app/common';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { appConfig } from '../config/app-config';
import { JOBS, QUEUES } from '../jobs/queues';
import type { DocumentJobData } from './document-requests';
import { DocumentJobOutcome, DocumentJobRunner, DocumentMissingError } from './document-job.runner';
import { documentsConfig } from './documents.config';
import { DocumentKind } from './entities/document.entity';
import { DocumentNotDueError } from './agreement-document.builder';

const KIND_OF_JOB: Record<string, DocumentKind> = {
  [JOBS.renderPreview]: 'preview',
  [JOBS.sealAgreement]: 'signed',
};

/**
 * The BullMQ worker of the documents queue, built here rather than with @Processor so its lock
 * and stalled-job settings come from configuration. Rendering and sealing a document is CPU work
 * of a few tens of milliseconds, far below the lock renewal interval (half the lock), so a busy
 * worker keeps its locks; a worker that dies loses them and another picks the job up after
 * DOCUMENT_JOB_LOCK_MS.
 */
@Injectable()
export class DocumentsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentsWorker.name);
  private worker?: Worker<DocumentJobData, DocumentJobOutcome>;
  private connectionErrors = 0;

  constructor(
    private readonly runner: DocumentJobRunner,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(documentsConfig.KEY) private readonly config: ConfigType<typeof documentsConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(QUEUES.documents, (job) => this.process(job), {
      connection: redisOptionsFromUrl(this.app.redisUrl),
      prefix: this.app.queuePrefix,
      concurrency: this.config.concurrency,
      lockDuration: this.config.jobLockMs,
      stalledInterval: this.config.stalledCheckMs,
      // A job whose worker died twice is still worth a third try before it is called failed.
      maxStalledCount: 2,
    });
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
    this.worker.on('error', (error) => this.onError(error));
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    await withTimeout(this.worker.close(), 10_000, 'documents worker close timed out').catch(() =>
      this.worker?.disconnect(),
    );
  }

  private async process(job: Job<DocumentJobData>): Promise<DocumentJobOutcome> {
    const kind = KIND_OF_JOB[job.name];
    if (!kind) throw new UnrecoverableError(`Unknown job ${job.name} on ${QUEUES.documents}`);
    const { agreementId, version } = job.data ?? {};
    if (!isUuid(agreementId) || !Number.isInteger(version)) {
      throw new UnrecoverableError('The job names no agreement version');
    }
    try {
      const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const outcome = await this.runner.run(kind, agreementId, version, isLastAttempt);
      if (this.connectionErrors > 0) this.connectionErrors = 0;
      return outcome;
    } catch (error) {
      if (error instanceof DocumentMissingError || error instanceof DocumentNotDueError) {
        throw new UnrecoverableError((error as Error).message);
      }
      throw error;
    }
  }

  /**
   * `run` gives the row back itself when an attempt fails; here only what it cannot see: the
   * final failure of a job whose worker died (stalled too often), so the row does not stay
   * `processing` forever.
   */
  private async onFailed(job: Job<DocumentJobData> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const kind = KIND_OF_JOB[job.name];
    if (!kind || typeof job.data?.agreementId !== 'string') return;
    const final =
      error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(
      `Document job ${job.id} failed (attempt ${job.attemptsMade}${final ? ', final' : ''}): ${error.message}`,
    );
    if (!final) return;
    const { agreementId, version } = job.data;
    await this.runner
      .markFailed(
        kind,
        agreementId,
        version,
        `${error.message} (after ${job.attemptsMade} attempt(s))`,
      )
      .catch((markError: Error) =>
        this.logger.error(`Could not record the failure of ${job.id}: ${markError.message}`),
      );
  }

  /** Connection errors while Redis is away: the worker reconnects by itself; log sparingly. */
  private onError(error: Error): void {
    this.connectionErrors += 1;
    if (this.connectionErrors === 1 || this.connectionErrors % 50 === 0) {
      this.logger.warn(`Documents worker: ${error.message} (${this.connectionErrors}x)`);
    }
  }
}

import { Module } from '@nestjs/common';
import { CoreModule } from './core.module';
import { DocumentsWorkerModule } from './documents/documents-worker.module';
import { WorkerHealthModule } from './health/worker-health';
import { IntegrationsWorkerModule } from './integrations/integrations-worker.module';
import { JobsWorkerModule } from './jobs/jobs-worker.module';
import { MatchingWorkerModule } from './matching/matching-worker.module';
import { ReportingWorkerModule } from './reporting/reporting-worker.module';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';
import { MailWorkerModule } from './mail/mail-worker.module';

/** The background worker: the job path and the handlers of every job kind; HTTP only for its health. */
@Module({
  imports: [
    CoreModule.forProcess('worker'),
    JobsWorkerModule,
    IntegrationsWorkerModule,
    DocumentsWorkerModule,
    MatchingWorkerModule,
    ReportingWorkerModule,
    WebhooksWorkerModule,
    MailWorkerModule,
    WorkerHealthModule,
  ],
})
export class WorkerModule {}

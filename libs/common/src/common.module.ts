import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { JobStore } from './jobs/job-store';
import { JobsService } from './jobs/jobs.service';
import { Clock, SystemClock } from './time/clock';

/** Domain-free services every feature module uses inside its transactions. */
@Global()
@Module({
  providers: [
    AuditService,
    JobsService,
    JobStore,
    IdempotencyStore,
    { provide: Clock, useClass: SystemClock },
  ],
  exports: [AuditService, JobsService, JobStore, IdempotencyStore, Clock],
})
export class CommonModule {}

import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { DomainEvents } from './events/domain-events';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { JobStore } from './jobs/job-store';
import { JobsService } from './jobs/jobs.service';
import { Clock, SystemClock } from './time/clock';

/** Domain-free services every feature module uses inside its transactions. */
@Global()
@Module({
  providers: [
    AuditService,
    DomainEvents,
    JobsService,
    JobStore,
    IdempotencyStore,
    { provide: Clock, useClass: SystemClock },
  ],
  exports: [AuditService, DomainEvents, JobsService, JobStore, IdempotencyStore, Clock],
})
export class CommonModule {}

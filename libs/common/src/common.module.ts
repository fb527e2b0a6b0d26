import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from './audit/audit-event.entity';
import { AuditService } from './audit/audit.service';
import { DomainEvents } from './events/domain-events';
import { IdempotencyRecord } from './idempotency/idempotency-record.entity';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { JobRecord } from './jobs/job-record.entity';
import { JobStore } from './jobs/job-store';
import { JobsService } from './jobs/jobs.service';
import { Clock, SystemClock } from './time/clock';

/** The platform's own tables: the audit trail, the job path and idempotency records. */
export const COMMON_ENTITIES = [AuditEvent, JobRecord, IdempotencyRecord];

/** Domain-free services every feature module uses inside its transactions. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(COMMON_ENTITIES)],
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

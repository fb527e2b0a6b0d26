import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { OutboxService } from './outbox/outbox.service';
import { Clock, SystemClock } from './time/clock';

/** Domain-free services every feature module uses inside its transactions. */
@Global()
@Module({
  providers: [AuditService, OutboxService, IdempotencyStore, { provide: Clock, useClass: SystemClock }],
  exports: [AuditService, OutboxService, IdempotencyStore, Clock],
})
export class CommonModule {}

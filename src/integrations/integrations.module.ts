import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/**
 * Student information system integrations: batch student imports (API side). The API only
 * stores the batch and its job; the worker does the work, so the API needs no queue of its own.
 */
@Module({
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class IntegrationsModule {}

import { Module } from '@nestjs/common';
import { StudentImportHandler } from './student-import.handler';
import { StudentImportRunner } from './student-import.runner';

/** The worker side of integrations: student imports (jobs). */
@Module({
  providers: [StudentImportHandler, StudentImportRunner],
})
export class IntegrationsWorkerModule {}

import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutcomeSummaryScheduler } from './outcomes/outcome-summary.scheduler';
import { OutcomeSummaryService } from './outcomes/outcome-summary.service';
import { reportingConfig } from './reporting.config';
import { REPORTING_ENTITIES } from './reporting.entities';

/** The worker's side of reporting: it keeps the country's outcome summary fresh. */
@Module({
  imports: [TypeOrmModule.forFeature(REPORTING_ENTITIES), ConfigModule.forFeature(reportingConfig)],
  providers: [OutcomeSummaryService, OutcomeSummaryScheduler],
})
export class ReportingWorkerModule {}

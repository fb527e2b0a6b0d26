import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsModule } from '../agreements/agreements.module';
import { DirectoryModule } from '../directory/directory.module';
import { PlacementsModule } from '../placements/placements.module';
import { StudentsDataModule } from '../students/students-data.module';
import { OutcomeReportController } from './outcomes/outcome-report.controller';
import { OutcomeReportService } from './outcomes/outcome-report.service';
import { OutcomeSummaryService } from './outcomes/outcome-summary.service';
import { reportingConfig } from './reporting.config';
import { REPORTING_ENTITIES } from './reporting.entities';
import { SubsidyReportService } from './subsidy/subsidy-report.service';
import { SubsidyController } from './subsidy/subsidy.controller';

/**
 * Reports over the programme's figures. It owns only the country's outcome summary
 * (outcome_summary_*, rebuilt by the worker: ReportingWorkerModule). The outcome report aggregates over
 * the read models (SQL views) the owning modules publish — agreement_outcomes_v (agreements),
 * student_outcome_facts_v (students), programme_only_route_v, routes_v and supervisor_hours_v
 * (directory), guidance_supervisor_hours_v (placements) — and never reads their tables; the
 * subsidy evidence reads placements, agreements, students and the directory through their read
 * ports.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(REPORTING_ENTITIES),
    ConfigModule.forFeature(reportingConfig),
    PlacementsModule,
    AgreementsModule,
    DirectoryModule,
    StudentsDataModule,
  ],
  controllers: [OutcomeReportController, SubsidyController],
  providers: [OutcomeReportService, OutcomeSummaryService, SubsidyReportService],
})
export class ReportingModule {}

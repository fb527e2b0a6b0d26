import { Module } from '@nestjs/common';
import { OutcomeReportController } from './outcomes/outcome-report.controller';
import { OutcomeReportService } from './outcomes/outcome-report.service';

/**
 * Reports over the programme's figures. It owns no tables: it aggregates over the read models
 * (SQL views) the owning modules publish — agreement_outcomes_v (agreements),
 * student_outcome_facts_v (students), programme_only_route_v, routes_v and supervisor_hours_v
 * (directory) — and never reads their tables.
 */
@Module({
  controllers: [OutcomeReportController],
  providers: [OutcomeReportService],
})
export class ReportingModule {}

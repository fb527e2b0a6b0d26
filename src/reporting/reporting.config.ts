import { registerAs } from '@nestjs/config';
import { seconds } from '../jobs/jobs.config';

/** Settings of the reports, validated once at start-up. */
export interface ReportingConfig {
  /**
   * OUTCOME_SUMMARY_REFRESH_SECONDS (default 60): how old the whole-country outcome figures may
   * grow before the worker rebuilds them (decimals allowed, for tests).
   */
  outcomeSummaryRefreshMs: number;
}

export function loadReportingConfig(env: NodeJS.ProcessEnv = process.env): ReportingConfig {
  return {
    outcomeSummaryRefreshMs: seconds(
      env.OUTCOME_SUMMARY_REFRESH_SECONDS,
      60,
      'OUTCOME_SUMMARY_REFRESH_SECONDS',
      0.1,
      86_400,
    ),
  };
}

export const reportingConfig = registerAs('reporting', () => loadReportingConfig());

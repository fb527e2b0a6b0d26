import { registerAs } from '@nestjs/config';
import { int } from '../config/app-config';

export interface PlacementsConfig {
  /**
   * A gap without a host longer than this many days is raised as an alert on the foundation's
   * bench list (BENCH_DAYS_ALERT_LIMIT, default 14): the study must continue at a workplace.
   */
  benchDaysAlertLimit: number;
}

export function loadPlacementsConfig(env: NodeJS.ProcessEnv = process.env): PlacementsConfig {
  return {
    benchDaysAlertLimit: int(env.BENCH_DAYS_ALERT_LIMIT, 14, 'BENCH_DAYS_ALERT_LIMIT', 0, 365),
  };
}

export const placementsConfig = registerAs('placements', () => loadPlacementsConfig());

import { Clock } from '@app/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectEntityManager } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { EntityManager } from 'typeorm';
import { reportingConfig } from '../reporting.config';
import { AggregateRow } from './outcome-figures';
import { outcomeSummarySql } from './outcome-report.query';

/** A summary older than this many refresh intervals is not served: the worker is not keeping it. */
export const STALE_AFTER_INTERVALS = 5;

export interface SummaryFigures {
  /** The aggregate rows of the asked scope, as outcomeReportSql would return them. */
  rows: AggregateRow[];
  /** When the figures were taken. */
  figuresAsOf: Date;
}

/**
 * The whole country's outcome figures, kept ready for the national report: at national scale
 * (100,000 students) the report's aggregate takes about half a second, too long to run per
 * request, while a university's report (a twentieth of it) stays computed live and exact. The
 * worker rebuilds the summary whenever it is older than OUTCOME_SUMMARY_REFRESH_SECONDS, in one
 * transaction from the same SQL as the live report (outcome-report.query.ts), so readers see the
 * previous figures until the new ones commit, never a mix. The schedule lives in the database
 * (outcome_summary_state.refreshed_at, its row lock held by the rebuilding process), so any
 * number of workers share it, a restart neither loses nor repeats a rebuild, and a missed one
 * only delays the next. The rebuild is derived data, not work anyone asked for: it needs no job
 * row, and runs while Redis is away.
 */
@Injectable()
export class OutcomeSummaryService {
  private readonly logger = new Logger(OutcomeSummaryService.name);

  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly clock: Clock,
    @Inject(reportingConfig.KEY) private readonly config: ConfigType<typeof reportingConfig>,
  ) {}

  /**
   * Rebuilds the summary when it is due (or always, when forced). Returns false when it was not
   * due or another process is rebuilding it right now (that one's figures will do).
   */
  async refresh(options: { force?: boolean } = {}): Promise<boolean> {
    return this.manager.transaction(async (m) => {
      const state: { refreshed_at: Date | null }[] = await m.query(
        `SELECT refreshed_at FROM outcome_summary_state WHERE id = 1 FOR UPDATE SKIP LOCKED`,
      );
      if (state.length === 0) return false;
      const asOf = this.clock.now();
      const last = state[0].refreshed_at;
      if (
        !options.force &&
        last &&
        asOf.getTime() - last.getTime() < this.config.outcomeSummaryRefreshMs
      ) {
        return false;
      }
      const started = performance.now();
      // As the live report runs (OutcomeReportService): no JIT, the joined rows kept in memory.
      await m.query(`SET LOCAL jit = off`);
      await m.query(`SET LOCAL work_mem = '64MB'`);
      await m.query(`DELETE FROM outcome_summary_rows`);
      await m.query(`DELETE FROM outcome_summary_companies`);
      await m.query(outcomeSummarySql());
      const [{ students }] = await m.query(
        `SELECT COALESCE(sum((figures->>'students')::int), 0)::int AS students FROM outcome_summary_rows`,
      );
      const durationMs = Math.round(performance.now() - started);
      await m.query(
        `UPDATE outcome_summary_state SET refreshed_at = $1, students = $2, duration_ms = $3 WHERE id = 1`,
        [asOf, students, durationMs],
      );
      this.logger.log(`outcome summary rebuilt: ${students} students in ${durationMs} ms`);
      return true;
    });
  }

  /**
   * The country's figures for every route or one, every cohort or one; null when there is no
   * summary fit to serve (never built, or older than STALE_AFTER_INTERVALS intervals), and the
   * caller computes them live. One statement, so the rows, the company count and the time they
   * were taken come from one snapshot even while a rebuild commits.
   */
  async read(scope: {
    routeId: string | null;
    cohort: number | null;
  }): Promise<SummaryFigures | null> {
    const [found]: {
      refreshed_at: Date | null;
      rows: AggregateRow[];
      companies_total: number | null;
    }[] = await this.manager.query(
      `SELECT s.refreshed_at,
         (SELECT COALESCE(json_agg(r.figures), '[]'::json) FROM outcome_summary_rows r
           WHERE ($1::uuid IS NULL OR r.route_id = $1) AND ($2::int IS NULL OR r.cohort = $2)) AS rows,
         (SELECT c.companies FROM outcome_summary_companies c
           WHERE c.by_route = ($1::uuid IS NOT NULL) AND c.by_cohort = ($2::int IS NOT NULL)
             AND c.route_id IS NOT DISTINCT FROM $1::uuid AND c.cohort IS NOT DISTINCT FROM $2::int
         ) AS companies_total
       FROM outcome_summary_state s WHERE s.id = 1`,
      [scope.routeId, scope.cohort],
    );
    const asOf = found?.refreshed_at;
    if (!asOf) return null;
    const age = this.clock.now().getTime() - asOf.getTime();
    if (age > STALE_AFTER_INTERVALS * this.config.outcomeSummaryRefreshMs) return null;
    const companiesTotal = String(found.companies_total ?? 0);
    return {
      rows: found.rows.map((row) => ({ ...row, companies_total: companiesTotal })),
      figuresAsOf: asOf,
    };
  }
}

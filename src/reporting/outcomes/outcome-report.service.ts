import { Clock, NotFoundError, Principal } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { AggregateRow, foldAggregate, OutcomeFigures, OutcomeRow } from './outcome-figures';
import { OutcomeFilter, outcomeReportSql } from './outcome-report.query';
import { OutcomeSummaryService } from './outcome-summary.service';

export interface OutcomeReport {
  scope: OutcomeFilter;
  generatedAt: string;
  /** When the figures were taken: now for a university, the summary's time for the country. */
  figuresAsOf: string;
  totals: OutcomeFigures;
  rows: OutcomeRow[];
}

@Injectable()
export class OutcomeReportService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly summary: OutcomeSummaryService,
    private readonly clock: Clock,
  ) {}

  /**
   * A university's figures are computed live, so a coordinator sees a change at once; the
   * whole country's come from the summary the worker keeps (OutcomeSummaryService), live only
   * when there is none fit to serve.
   */
  async report(principal: Principal, asked: OutcomeFilter): Promise<OutcomeReport> {
    const scope = { ...asked, universityId: this.universityFor(principal, asked.universityId) };
    const generatedAt = this.clock.now().toISOString();
    const summary = scope.universityId === null ? await this.summary.read(scope) : null;
    if (summary) {
      const figuresAsOf = summary.figuresAsOf.toISOString();
      return { scope, generatedAt, figuresAsOf, ...foldAggregate(summary.rows) };
    }
    const rows = await this.live(scope);
    return { scope, generatedAt, figuresAsOf: generatedAt, ...foldAggregate(rows) };
  }

  private live(scope: OutcomeFilter): Promise<AggregateRow[]> {
    const { sql, params } = outcomeReportSql(scope);
    return this.manager.transaction(async (m) => {
      // JIT compilation pays off for minutes-long analytics, not for this sub-second aggregate:
      // at national scale it added over a second of compile time to every report. The joined
      // rows (a few MB nationally) stay in memory instead of spilling to disk.
      await m.query(`SET LOCAL jit = off`);
      await m.query(`SET LOCAL work_mem = '32MB'`);
      return m.query(sql, params);
    });
  }

  /**
   * Admins see the country or the university they name; coordinators and integrations only
   * their own university (another one named explicitly is not found, as for any foreign
   * resource). Other roles never get here (@Roles).
   */
  private universityFor(principal: Principal, asked: string | null): string | null {
    if (principal.role === 'admin') return asked;
    const own = principal.universityId;
    if (!own || (asked && asked !== own)) throw new NotFoundError('University', asked ?? undefined);
    return own;
  }
}

import { Clock, NotFoundError, Principal } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { AggregateRow, foldAggregate, OutcomeFigures, OutcomeRow } from './outcome-figures';
import { OutcomeFilter, outcomeReportSql } from './outcome-report.query';

export interface OutcomeReport {
  scope: OutcomeFilter;
  generatedAt: string;
  totals: OutcomeFigures;
  rows: OutcomeRow[];
}

@Injectable()
export class OutcomeReportService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly clock: Clock,
  ) {}

  async report(principal: Principal, asked: OutcomeFilter): Promise<OutcomeReport> {
    const scope = { ...asked, universityId: this.universityFor(principal, asked.universityId) };
    const { sql, params } = outcomeReportSql(scope);
    const rows: AggregateRow[] = await this.manager.transaction(async (m) => {
      // JIT compilation pays off for minutes-long analytics, not for this sub-second aggregate:
      // at national scale it added over a second of compile time to every report. The joined
      // rows (a few MB nationally) stay in memory instead of spilling to disk.
      await m.query(`SET LOCAL jit = off`);
      await m.query(`SET LOCAL work_mem = '32MB'`);
      return m.query(sql, params);
    });
    return { scope, generatedAt: this.clock.now().toISOString(), ...foldAggregate(rows) };
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

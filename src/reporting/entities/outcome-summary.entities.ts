import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The country's outcome figures as of the last refresh (OutcomeSummaryService): the rows of the
 * report's aggregate at its finest grain (route, cohort, intake group), so a whole-country
 * report sums a few thousand rows instead of joining every student. Rebuilt as a whole; the
 * figures are the aggregate row exactly as outcomeReportSql returns it (outcome-figures.ts
 * AggregateRow), kept as JSON so the two can never disagree about a column.
 */
@Entity('outcome_summary_rows')
@Index('ix_outcome_summary_rows_route_cohort', ['routeId', 'cohort'])
export class OutcomeSummaryRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  routeId!: string | null;

  @Column('int')
  cohort!: number;

  @Column('jsonb')
  figures!: Record<string, unknown>;
}

/**
 * Distinct companies per scope a whole-country report can ask for (every route or one, every
 * cohort or one): they cannot be summed from the rows. `byRoute` false means all routes (its
 * routeId is NULL), true with a NULL routeId the students without a route; likewise `byCohort`.
 */
@Entity('outcome_summary_companies')
@Index('ix_outcome_summary_companies_scope', ['byRoute', 'byCohort', 'routeId', 'cohort'])
export class OutcomeSummaryCompanies {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  routeId!: string | null;

  @Column('int', { nullable: true })
  cohort!: number | null;

  @Column('boolean')
  byRoute!: boolean;

  @Column('boolean')
  byCohort!: boolean;

  @Column('int')
  companies!: number;
}

/** When the summary was last rebuilt: one row (id 1), NULL until the first refresh. */
@Entity('outcome_summary_state')
@Check('ck_outcome_summary_state_single', `id = 1`)
export class OutcomeSummaryState {
  @PrimaryColumn('int')
  id!: number;

  @Column('timestamptz', { nullable: true })
  refreshedAt!: Date | null;

  /** Students the summary counted, for the admin's and the log's sake. */
  @Column('int', { default: 0 })
  students!: number;

  /** How long the last rebuild took. */
  @Column('int', { default: 0 })
  durationMs!: number;
}

import {
  OutcomeSummaryCompanies,
  OutcomeSummaryRow,
  OutcomeSummaryState,
} from './entities/outcome-summary.entities';

export const REPORTING_ENTITIES = [OutcomeSummaryRow, OutcomeSummaryCompanies, OutcomeSummaryState];

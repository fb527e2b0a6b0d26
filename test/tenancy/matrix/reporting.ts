import { get, MatrixEntry, per } from './expectations';

/**
 * Reports. The subsidy report is the employer's own: B's coordinators, integrations and students
 * are refused by role, B's company and foundation find no such employer, and A's own rep limited
 * to university B reads it narrowed to B's students (none).
 */
export const REPORTING: Record<string, MatrixEntry> = {
  'GET /api/v1/reports/subsidy': {
    request: (a) =>
      get(`/reports/subsidy?employerType=company&employerId=${a.companyId}&academicYear=2025`)(),
    expect: per(403, {
      company_rep: 404,
      foundation_staff: 404,
      invited_staff: 404,
      invited_rep: 200,
    }),
  },
};

import { get, MatrixEntry, only, per, UNIVERSITY } from './expectations';

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
  // The outcome report is university staff's: B's coordinator and integration naming A's
  // university find no such university; every other role is refused by role.
  'GET /api/v1/reports/outcomes': {
    request: (a) => get(`/reports/outcomes?universityId=${a.universityId}`)(),
    expect: only(UNIVERSITY, 404),
  },
};

import { MatrixEntry, UNIVERSITY, get, only } from './expectations';

/** The route outcome report: university staff of B naming A's university find nothing. */
export const OUTCOME_REPORTS: Record<string, MatrixEntry> = {
  'GET /api/v1/reports/outcomes': {
    request: (a) => get(`/reports/outcomes?universityId=${a.universityId}`)(),
    expect: only(UNIVERSITY, 404),
  },
};

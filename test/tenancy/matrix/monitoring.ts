import { MatrixEntry, V1, HIDDEN, LIST, get } from './expectations';

/** Monitoring: A's agreement is hidden from every role of B; the due list shows B only its own. */
export const MONITORING: Record<string, MatrixEntry> = {
  'POST /api/v1/agreements/{id}/progress-meetings': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/agreements/${a.agreementId}/progress-meetings`,
      body: {
        kind: 'assessment',
        heldOn: '2026-09-15',
        attendees: ['student', 'university', 'employer'],
      },
    }),
    expect: HIDDEN,
  },
  'GET /api/v1/agreements/{id}/progress-meetings': {
    request: (a) => get(`/agreements/${a.agreementId}/progress-meetings`)(),
    expect: HIDDEN,
  },
  'GET /api/v1/monitoring/due': {
    request: (a) => get(`/monitoring/due?universityId=${a.universityId}`)(),
    expect: LIST,
  },
};

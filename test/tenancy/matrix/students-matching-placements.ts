import {
  MatrixEntry,
  V1,
  all,
  only,
  per,
  HIDDEN,
  LIST,
  UNIVERSITY,
  VACANCY_EDIT,
  get,
  reason,
} from './expectations';

/** Students, matching and placements. */
export const STUDENTS_MATCHING_PLACEMENTS: Record<string, MatrixEntry> = {
  // Students, matching
  'POST /api/v1/students': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/students`,
      body: {
        universityId: a.universityId,
        programmeId: a.programmeId,
        studentNumber: 'P1',
        firstName: 'P',
        lastName: 'P',
        email: 'p@test.local',
        intakeGroup: 'mbo4_graduate',
        priorEducation: 'mbo4',
        cohort: 2026,
      },
    }),
    expect: all(403),
  },
  'GET /api/v1/students': {
    request: (a) => get(`/students?universityId=${a.universityId}&limit=200`)(),
    expect: LIST,
  },
  'GET /api/v1/students/{id}': {
    request: (a) => get(`/students/${a.studentId}`)(),
    expect: HIDDEN,
  },
  'PATCH /api/v1/students/{id}': {
    request: (a) => ({
      method: 'patch',
      path: `${V1}/students/${a.studentId}`,
      body: { firstName: 'Probe' },
    }),
    expect: only(UNIVERSITY, 404),
  },
  'GET /api/v1/students/{id}/suggestions': {
    request: (a) => get(`/students/${a.studentId}/suggestions`)(),
    expect: HIDDEN,
  },
  'GET /api/v1/students/{id}/seeking': {
    request: (a) => get(`/students/${a.studentId}/seeking`)(),
    expect: HIDDEN,
  },
  'PUT /api/v1/students/{id}/seeking': {
    request: (a) => ({
      method: 'put',
      path: `${V1}/students/${a.studentId}/seeking`,
      body: {
        startDate: '2026-09-01',
        postcode: '5611 AB',
        maxTravelKm: 10,
        hoursPerWeek: 32,
        sectors: [],
        preferences: [],
      },
    }),
    expect: HIDDEN,
  },
  'POST /api/v1/vacancies': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/vacancies`,
      body: {
        companyId: a.companyId,
        title: 'Probe',
        programmeIds: [a.programmeId],
        capacity: 1,
        hoursPerWeek: 32,
        startDate: '2026-08-15',
        postcode: '5611 AB',
      },
    }),
    expect: all(403),
  },
  'GET /api/v1/vacancies': {
    request: (a) => get(`/vacancies?ownerId=${a.companyId}`)(),
    expect: LIST,
  },
  'GET /api/v1/vacancies/{id}': {
    request: (a) => get(`/vacancies/${a.vacancyId}`)(),
    expect: per(404, { coordinator: 200, student: 200, invited_rep: 200 }),
  },
  'PATCH /api/v1/vacancies/{id}': {
    request: (a) => ({
      method: 'patch',
      path: `${V1}/vacancies/${a.vacancyId}`,
      body: { title: 'Probe' },
    }),
    expect: VACANCY_EDIT,
  },
  'PUT /api/v1/vacancies/{id}/ranking': {
    request: (a) => ({
      method: 'put',
      path: `${V1}/vacancies/${a.vacancyId}/ranking`,
      body: { studentIds: [a.studentId] },
    }),
    expect: VACANCY_EDIT,
  },
  // Coordinators rank their own university's students for any vacancy (none of A's come back).
  'GET /api/v1/vacancies/{id}/candidates': {
    request: (a) => get(`/vacancies/${a.vacancyId}/candidates`)(),
    expect: only(['coordinator'], 200),
  },
  'POST /api/v1/matching-runs': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/matching-runs`,
      body: { universityId: a.universityId },
    }),
    expect: all(403),
  },
  'GET /api/v1/matching-runs': { request: get('/matching-runs'), expect: LIST },
  'GET /api/v1/matching-runs/{id}': {
    request: (a) => get(`/matching-runs/${a.runId}`)(),
    expect: HIDDEN,
  },
  'POST /api/v1/matches': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/matches`,
      body: { studentId: a.studentId, vacancyId: a.vacancyId },
    }),
    expect: only(['coordinator'], 422),
  },
  'GET /api/v1/matches': {
    request: (a) => get(`/matches?studentId=${a.studentId}`)(),
    expect: LIST,
  },
  'GET /api/v1/matches/{id}': { request: (a) => get(`/matches/${a.matchId}`)(), expect: HIDDEN },
  'POST /api/v1/matches/{id}/transitions': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/matches/${a.matchId}/transitions`,
      body: { to: 'withdrawn', ...reason },
    }),
    expect: HIDDEN,
  },
  'POST /api/v1/imports/students': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/imports/students`,
      body: {
        universityId: a.universityId,
        students: [{ programmeId: a.programmeId, studentNumber: 'P1', externalId: 'p-1' }],
      },
    }),
    expect: all(403),
  },
  'GET /api/v1/imports': {
    request: (a) => get(`/imports?universityId=${a.universityId}`)(),
    expect: only(UNIVERSITY, 200),
  },
  'GET /api/v1/imports/{id}': {
    request: (a) => get(`/imports/${a.importId}`)(),
    expect: only(UNIVERSITY, 404),
  },

  // Placements
  'POST /api/v1/employments': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/employments`,
      body: {
        studentId: a.studentId,
        employer: { type: 'foundation', id: a.foundationId },
        startDate: '2029-09-01',
        endDate: '2030-08-31',
        contractType: 'fixed_term',
        hoursPerWeek: 32,
      },
    }),
    // Only A's foundation (its staff limited to B) may name it as employer: the student reads as unknown.
    expect: per(403, { coordinator: 422, invited_staff: 422 }),
  },
  'GET /api/v1/employments': {
    request: (a) => get(`/employments?studentId=${a.studentId}`)(),
    expect: LIST,
  },
  'GET /api/v1/employments/{id}': {
    request: (a) => get(`/employments/${a.employmentId}`)(),
    expect: HIDDEN,
  },
  'GET /api/v1/employments/{id}/secondments': {
    request: (a) => get(`/employments/${a.employmentId}/secondments`)(),
    expect: HIDDEN,
  },
  'POST /api/v1/employments/{id}/secondments': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/employments/${a.employmentId}/secondments`,
      body: { hostCompanyId: a.hostCompanyId, startDate: '2027-09-01', endDate: '2028-06-30' },
    }),
    expect: HIDDEN,
  },
  'GET /api/v1/secondments/{id}': {
    request: (a) => get(`/secondments/${a.secondmentId}`)(),
    expect: HIDDEN,
  },
  'POST /api/v1/secondments/{id}/end': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/secondments/${a.secondmentId}/end`,
      body: { endDate: '2027-01-31', ...reason },
    }),
    expect: HIDDEN,
  },
  'GET /api/v1/employments/{id}/rotation-plan': {
    request: (a) => get(`/employments/${a.employmentId}/rotation-plan`)(),
    expect: HIDDEN,
  },
  'PUT /api/v1/employments/{id}/rotation-plan': {
    request: (a) => ({
      method: 'put',
      path: `${V1}/employments/${a.employmentId}/rotation-plan`,
      body: { entries: [] },
    }),
    expect: HIDDEN,
  },
  'GET /api/v1/employments/{id}/guidance-weeks': {
    request: (a) => get(`/employments/${a.employmentId}/guidance-weeks`)(),
    expect: HIDDEN,
  },
  'PUT /api/v1/employments/{id}/guidance-weeks': {
    request: (a) => ({
      method: 'put',
      path: `${V1}/employments/${a.employmentId}/guidance-weeks`,
      body: { weeks: [{ weekStart: '2027-09-06', guided: true }] },
    }),
    expect: HIDDEN,
  },
  // A's foundation's own staff limited to university B get the views, narrowed to B (empty).
  'GET /api/v1/foundations/{id}/overview': {
    request: (a) => get(`/foundations/${a.foundationId}/overview`)(),
    expect: per(404, { invited_staff: 200 }),
  },
  'GET /api/v1/foundations/{id}/bench-days': {
    request: (a) => get(`/foundations/${a.foundationId}/bench-days`)(),
    expect: per(404, { invited_staff: 200 }),
  },
};

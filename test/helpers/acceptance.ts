import { bearer, TestApi } from './api';
import type { FoundationWorld } from './agreements';
import { createStudent } from './directory';

/**
 * Steps towards accepting a match in a foundation world, through the API: a student seeking a
 * workplace, a vacancy (the foundation's by default), a match moved on to `offered`, a transition.
 */
export function acceptanceSteps(api: TestApi, fw: FoundationWorld, programmeId: string) {
  async function seekingStudent(startDate = '2026-09-01'): Promise<string> {
    const s = await createStudent(api, fw.coordinatorToken, fw.universityId, programmeId, {
      dateOfBirth: '2001-04-04',
    });
    const res = await api.http
      .put(`/api/v1/students/${s.id}/seeking`)
      .set(bearer(fw.coordinatorToken))
      .send({
        startDate,
        postcode: '5611 AB',
        latitude: 51.44,
        longitude: 5.47,
        maxTravelKm: 30,
        hoursPerWeek: 32,
        sectors: ['F'],
        preferences: [],
      });
    if (res.status !== 200) throw new Error(`seeking: ${res.status} ${JSON.stringify(res.body)}`);
    return s.id;
  }

  async function vacancy(over: object = {}, token = fw.foundationStaffToken) {
    const res = await api.http
      .post('/api/v1/vacancies')
      .set(bearer(token))
      .send({
        foundationId: fw.foundationId,
        title: 'Werkvoorbereider (duaal)',
        programmeIds: [programmeId],
        capacity: 5,
        hoursPerWeek: 32,
        salaryMinCents: 280_000,
        salaryMaxCents: 320_000,
        startDate: '2026-08-15',
        startLatest: '2026-10-01',
        postcode: '5612 AA',
        latitude: 51.45,
        longitude: 5.48,
        sector: 'F',
        ...over,
      });
    if (res.status !== 201) throw new Error(`vacancy: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const move = (token: string, id: string, to: string, extra: object = {}) =>
    api.http
      .post(`/api/v1/matches/${id}/transitions`)
      .set(bearer(token))
      .send({ to, ...extra });

  /** A match of the student for the vacancy, moved on to `offered` by the coordinator. */
  async function offered(studentId: string, vacancyId: string): Promise<string> {
    const m = await api.http
      .post('/api/v1/matches')
      .set(bearer(fw.coordinatorToken))
      .send({ studentId, vacancyId });
    if (m.status !== 201) throw new Error(`match: ${m.status} ${JSON.stringify(m.body)}`);
    for (const to of ['introduced', 'offered']) {
      const res = await move(fw.coordinatorToken, m.body.id, to);
      if (res.status !== 200) throw new Error(`${to}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return m.body.id;
  }

  /** A new seeking student offered the vacancy, accepted by the coordinator with these choices. */
  async function accept(vacancyId: string, choices: object = {}, startDate = '2026-09-01') {
    return move(
      fw.coordinatorToken,
      await offered(await seekingStudent(startDate), vacancyId),
      'accepted',
      choices,
    );
  }

  return { seekingStudent, vacancy, move, offered, accept };
}

import { bearer, startApi, TestApi, uniq } from '../helpers/api';
import { createSupervisor, foundationWorld, FoundationWorld } from '../helpers/agreements';
import { createStudent } from '../helpers/directory';
import { startWorker, TestWorker, waitFor } from '../helpers/worker';

/** A whole-cohort run by a real worker, then one of its proposals walked to a placement. */
describe('matching runs', () => {
  let api: TestApi;
  let worker: TestWorker;
  let fw: FoundationWorld;
  let programmeId: string;
  const cohort = 2026;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    fw = await foundationWorld(api);
    programmeId = (
      await api.http.get(`/api/v1/students/${fw.studentId}`).set(bearer(fw.coordinatorToken))
    ).body.programmeId;
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function waitForRun(id: string) {
    return waitFor(async () => {
      const res = await api.http
        .get(`/api/v1/matching-runs/${id}`)
        .set(bearer(fw.coordinatorToken));
      if (res.body.status === 'failed') throw new Error(res.body.error);
      return res.body.status === 'completed' ? res.body : null;
    }, 30_000);
  }

  it('proposes a stable, reproducible matching that a coordinator then turns into a placement', async () => {
    const students = [];
    for (let i = 0; i < 6; i += 1) {
      const s = await createStudent(api, fw.coordinatorToken, fw.universityId, programmeId, {
        dateOfBirth: '2001-02-03',
        cohort,
      });
      const res = await api.http
        .put(`/api/v1/students/${s.id}/seeking`)
        .set(bearer(fw.coordinatorToken))
        .send({
          startDate: '2026-09-01',
          postcode: '5611 AB',
          latitude: 51.44 + i * 0.01,
          longitude: 5.47,
          maxTravelKm: 40,
          hoursPerWeek: 28 + i,
          sectors: i % 2 ? ['F'] : [],
          preferences: [],
        });
      expect(res.status).toBe(200);
      students.push(s.id);
    }
    const base = {
      programmeIds: [programmeId],
      hoursPerWeek: 32,
      startDate: '2026-08-15',
      startLatest: '2026-10-01',
      postcode: '5612 AA',
      latitude: 51.45,
      longitude: 5.48,
      sector: 'F',
      salaryMinCents: 280_000,
      salaryMaxCents: 300_000,
    };
    const companyVacancy = await api.http
      .post('/api/v1/vacancies')
      .set(bearer(fw.companyRepToken))
      .send({
        ...base,
        companyId: fw.companyId,
        supervisorId: fw.supervisorId,
        title: `Calculator ${uniq()}`,
        capacity: 2,
      });
    const hostSupervisor = await createSupervisor(api, fw.hostCompanyId);
    const foundationVacancy = await api.http
      .post('/api/v1/vacancies')
      .set(bearer(fw.foundationStaffToken))
      .send({
        ...base,
        foundationId: fw.foundationId,
        hostCompanyId: fw.hostCompanyId,
        supervisorId: hostSupervisor,
        title: `Werkvoorbereider ${uniq()}`,
        capacity: 2,
      });
    expect([companyVacancy.status, foundationVacancy.status]).toEqual([201, 201]);

    const started = await api.http
      .post('/api/v1/matching-runs')
      .set(bearer(fw.coordinatorToken))
      .send({ universityId: fw.universityId, programmeId, cohort, seed: 'e2e-seed' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', seed: 'e2e-seed' });
    const run = await waitForRun(started.body.id);
    expect(run.stats).toMatchObject({
      students: 6,
      seats: 4,
      matched: 4,
      unmatched: 2,
      blockingPairs: 0,
      capacityViolations: 0,
    });
    expect(run.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.outputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.weights).toEqual(expect.objectContaining({ distance: expect.any(Number) }));

    const proposals = (
      await api.http.get(`/api/v1/matches?runId=${run.id}`).set(bearer(fw.coordinatorToken))
    ).body.data;
    expect(proposals).toHaveLength(4);
    for (const p of proposals) {
      expect(p.status).toBe('proposed');
      const sum = p.components.reduce(
        (n: number, c: { contribution: number }) => n + c.contribution,
        0,
      );
      expect(p.score).toBeCloseTo(sum, 12);
    }
    const perVacancy = (id: string) =>
      proposals.filter((p: { vacancyId: string }) => p.vacancyId === id).length;
    expect([perVacancy(companyVacancy.body.id), perVacancy(foundationVacancy.body.id)]).toEqual([
      2, 2,
    ]);

    // Same input and seed: the same output.
    const again = await api.http
      .post('/api/v1/matching-runs')
      .set(bearer(fw.coordinatorToken))
      .send({ universityId: fw.universityId, programmeId, cohort, seed: 'e2e-seed' });
    const rerun = await waitForRun(again.body.id);
    expect([rerun.inputHash, rerun.outputHash]).toEqual([run.inputHash, run.outputHash]);

    // One foundation proposal walked to acceptance: employment, first secondment, draft agreement.
    const chosen = proposals.find(
      (p: { vacancyId: string }) => p.vacancyId === foundationVacancy.body.id,
    );
    const move = (token: string, to: string) =>
      api.http.post(`/api/v1/matches/${chosen.id}/transitions`).set(bearer(token)).send({ to });
    expect((await move(fw.coordinatorToken, 'introduced')).status).toBe(200);
    expect((await move(fw.foundationStaffToken, 'interviewing')).status).toBe(200);
    expect((await move(fw.foundationStaffToken, 'offered')).status).toBe(200);
    const accepted = await move(fw.coordinatorToken, 'accepted');
    expect(accepted.status).toBe(200);
    expect(accepted.body.placement).toMatchObject({
      employmentId: expect.any(String),
      secondmentId: expect.any(String),
      agreementId: expect.any(String),
    });
    const agreement = await api.http
      .get(`/api/v1/agreements/${accepted.body.placement.agreementId}`)
      .set(bearer(fw.foundationStaffToken));
    expect(agreement.body).toMatchObject({
      status: 'draft',
      parties: { employer: { type: 'foundation' }, host: { id: fw.hostCompanyId } },
    });

    // Not this university's runs: 404; bad scope: 422; another university: 403.
    const bad = await api.http
      .post('/api/v1/matching-runs')
      .set(bearer(fw.coordinatorToken))
      .send({ universityId: fw.universityId, programmeId: fw.companyId });
    expect(bad.status).toBe(422);
    const foreign = await api.http
      .post('/api/v1/matching-runs')
      .set(bearer(fw.coordinatorToken))
      .send({ universityId: fw.companyId });
    expect(foreign.status).toBe(403);
    expect(
      (await api.http.get(`/api/v1/matching-runs/${run.id}`).set(bearer(fw.companyRepToken)))
        .status,
    ).toBe(404);
  });

  it('takes an integer seed as well as a string, stored as its string form', async () => {
    const start = (seed: unknown) =>
      api.http
        .post('/api/v1/matching-runs')
        .set(bearer(fw.coordinatorToken))
        .send({ universityId: fw.universityId, programmeId, cohort, seed });
    const numeric = await start(20262027);
    expect(numeric.status).toBe(202);
    expect(numeric.body.seed).toBe('20262027');
    const read = await api.http
      .get(`/api/v1/matching-runs/${numeric.body.id}`)
      .set(bearer(fw.coordinatorToken));
    expect(read.body.seed).toBe('20262027');
    expect((await start(-7)).body.seed).toBe('-7');
    const same = await start('20262027');
    const [a, b] = [await waitForRun(numeric.body.id), await waitForRun(same.body.id)];
    expect(b.inputHash).toBe(a.inputHash);
    expect(b.outputHash).toBe(a.outputHash); // the same seed, whichever way it was written
    for (const bad of [1.5, true, { n: 1 }, 2 ** 60]) {
      const res = await start(bad);
      expect([400, 422]).toContain(res.status);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('seed');
    }
  });
});

import { bearer, startApi, TestApi, uniq } from '../helpers/api';
import { createSupervisor, foundationWorld, FoundationWorld } from '../helpers/agreements';
import { createProgramme, createStudent } from '../helpers/directory';
import { createCompany } from '../helpers/organisations';
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

  it('honours what students and companies stated over the score, and says what a run leaves out', async () => {
    // A programme of its own, so this run sees only the people and vacancies made here.
    const programme = await createProgramme(api, fw.coordinatorToken, fw.universityId);
    const vacancyAt = async (latitude: number, title: string) => {
      const res = await api.http
        .post('/api/v1/vacancies')
        .set(bearer(fw.companyRepToken))
        .send({
          companyId: fw.companyId,
          supervisorId: fw.supervisorId,
          title: `${title} ${uniq()}`,
          programmeIds: [programme.id],
          capacity: 1,
          hoursPerWeek: 32,
          startDate: '2026-08-15',
          startLatest: '2026-10-01',
          postcode: '5612 AA',
          latitude,
          longitude: 5.48,
          sector: 'F',
          salaryMinCents: 280_000,
          salaryMaxCents: 300_000,
        });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    // near: at s1's home; far: 22 km north, at s2's home; beyond: 160 km, past s1's 50 km.
    const near = await vacancyAt(51.45, 'Dichtbij');
    const far = await vacancyAt(51.65, 'Verder');
    const beyond = await vacancyAt(52.9, 'Te ver');
    const seeker = async (latitude: number, preferences: string[]) => {
      const s = await createStudent(api, fw.coordinatorToken, fw.universityId, programme.id, {
        dateOfBirth: '2001-02-03',
        cohort,
      });
      const res = await api.http
        .put(`/api/v1/students/${s.id}/seeking`)
        .set(bearer(fw.coordinatorToken))
        .send({
          startDate: '2026-09-01',
          postcode: '5611 AB',
          latitude,
          longitude: 5.48,
          maxTravelKm: 50,
          hoursPerWeek: 32,
          sectors: [],
          preferences,
        });
      expect(res.status).toBe(200);
      return s.id;
    };
    // s1 states beyond, far, near: by score near comes first (distance weighs most).
    const s1 = await seeker(51.45, [beyond, far, near]);
    const s2 = await seeker(51.65, []);
    // far ranks s1 first, although s2 (who lives there) scores higher. (The company's rep sees
    // students only once introduced; an admin ranks for it here.)
    const ranking = await api.http
      .put(`/api/v1/vacancies/${far}/ranking`)
      .set(bearer(api.adminToken))
      .send({ studentIds: [s1] });
    expect(ranking.status).toBe(200);

    const suggestions = await api.http
      .get(`/api/v1/students/${s1}/suggestions`)
      .set(bearer(fw.coordinatorToken));
    expect(suggestions.status).toBe(200);
    const listed = suggestions.body.data.map(
      (d: { vacancy: { id: string }; statedRank: number | null; score: number }) => [
        d.vacancy.id,
        d.statedRank,
      ],
    );
    expect(listed).toEqual([
      [far, 2],
      [near, 3],
    ]);
    const [farItem, nearItem] = suggestions.body.data;
    expect(nearItem.score).toBeGreaterThan(farItem.score);
    expect(farItem.components.map((c: { name: string }) => c.name)).toContain('preference');
    expect(suggestions.body.excluded).toEqual([
      { statedRank: 1, vacancyId: beyond, reasons: ['beyond_travel_distance'] },
    ]);

    const candidates = await api.http
      .get(`/api/v1/vacancies/${far}/candidates`)
      .set(bearer(fw.coordinatorToken));
    expect(
      candidates.body.data.map((d: { student: { id: string }; companyRank: number | null }) => [
        d.student.id,
        d.companyRank,
      ]),
    ).toEqual([
      [s1, 1],
      [s2, null],
    ]);
    expect(candidates.body.data[1].score).toBeGreaterThan(candidates.body.data[0].score);

    const started = await api.http
      .post('/api/v1/matching-runs')
      .set(bearer(fw.coordinatorToken))
      .send({ universityId: fw.universityId, programmeId: programme.id, cohort, seed: 'stated' });
    expect(started.status).toBe(202);
    const run = await waitForRun(started.body.id);
    expect(run.stats).toMatchObject({ students: 2, seats: 3, matched: 2, blockingPairs: 0 });
    for (const phase of ['loadMs', 'listsMs', 'verifyMs', 'matchMs', 'persistMs', 'totalMs'])
      expect(run.timings[phase]).toEqual(expect.any(Number));
    const proposals = (
      await api.http.get(`/api/v1/matches?runId=${run.id}`).set(bearer(fw.coordinatorToken))
    ).body.data;
    // By score alone: s1 near, s2 far. As stated: s1 far (its first acceptable, and the
    // company's first), s2 near.
    expect(
      proposals
        .map((p: { studentId: string; vacancyId: string }) => [p.studentId, p.vacancyId])
        .sort(),
    ).toEqual(
      [
        [s1, far],
        [s2, near],
      ].sort(),
    );
    for (const p of proposals) {
      expect(p.companyId).toBe(fw.companyId);
      const item = p.studentId === s1 ? farItem : null;
      if (item) expect(p.components).toEqual(item.components);
      expect(p.score).toBe(
        p.components.reduce((n: number, c: { contribution: number }) => n + c.contribution, 0),
      );
    }
  });

  it("places a vacancy without coordinates of its own at its company's", async () => {
    const programme = await createProgramme(api, fw.coordinatorToken, fw.universityId);
    // Eindhoven and Groningen (~ 200 km apart); neither vacancy says where it is.
    const [home, away] = [
      await createCompany(api, { latitude: 51.44, longitude: 5.48 }),
      await createCompany(api, { latitude: 53.22, longitude: 6.57 }),
    ];
    const vacancyOf = async (companyId: string) => {
      const res = await api.http
        .post('/api/v1/vacancies')
        .set(bearer(api.adminToken))
        .send({
          companyId,
          title: `Uitvoerder ${uniq()}`,
          programmeIds: [programme.id],
          capacity: 1,
          hoursPerWeek: 32,
          startDate: '2026-08-15',
          startLatest: '2026-10-01',
          postcode: '5612 AA',
          sector: 'F',
        });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const [nearby, distant] = [await vacancyOf(home.id), await vacancyOf(away.id)];
    const s = await createStudent(api, fw.coordinatorToken, fw.universityId, programme.id, {
      dateOfBirth: '2001-02-03',
      cohort,
    });
    const seeking = await api.http
      .put(`/api/v1/students/${s.id}/seeking`)
      .set(bearer(fw.coordinatorToken))
      .send({
        startDate: '2026-09-01',
        postcode: '5611 AB',
        latitude: 51.45,
        longitude: 5.47,
        maxTravelKm: 25,
        hoursPerWeek: 32,
        sectors: [],
        preferences: [distant],
      });
    expect(seeking.status).toBe(200);

    const suggestions = await api.http
      .get(`/api/v1/students/${s.id}/suggestions`)
      .set(bearer(fw.coordinatorToken));
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.data.map((d: { vacancy: { id: string } }) => d.vacancy.id)).toEqual([
      nearby,
    ]);
    expect(suggestions.body.data[0].components.map((c: { name: string }) => c.name)).toContain(
      'distance',
    );
    // Stated, but at its company 200 km away: past the student's travel distance.
    expect(suggestions.body.excluded).toEqual([
      { statedRank: 1, vacancyId: distant, reasons: ['beyond_travel_distance'] },
    ]);

    const started = await api.http
      .post('/api/v1/matching-runs')
      .set(bearer(fw.coordinatorToken))
      .send({ universityId: fw.universityId, programmeId: programme.id, cohort, seed: 'located' });
    const run = await waitForRun(started.body.id);
    expect(run.stats).toMatchObject({ students: 1, seats: 2, matched: 1 });
    const proposals = (
      await api.http.get(`/api/v1/matches?runId=${run.id}`).set(bearer(fw.coordinatorToken))
    ).body.data;
    expect(proposals.map((p: { vacancyId: string }) => p.vacancyId)).toEqual([nearby]);
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

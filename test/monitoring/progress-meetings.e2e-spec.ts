import { addDays, toCalendarDate } from '@app/common';
import { bearer, createTenant, TestApi, startApi } from '../helpers/api';
import {
  agreementBody,
  agreementWorld,
  AgreementWorld,
  createAgreement,
  foundationAgreementBody,
  foundationWorld,
  FoundationWorld,
  sign,
} from '../helpers/agreements';

/**
 * Progress meetings, visits and assessments, and the due list. Agreements start 120 days before
 * today, so meetings can be held in their period without a date in the future.
 */
const today = toCalendarDate(new Date());
const start = addDays(today, -120);
const period = { startDate: start, endDate: addDays(start, 730) };

async function active(api: TestApi, token: string, body: { terms: object }, signers: string[]) {
  const created = await createAgreement(api, token, {
    ...body,
    terms: { ...body.terms, ...period },
  });
  const sub = await api.http.post(`/api/v1/agreements/${created.id}/submit`).set(bearer(token));
  if (sub.status !== 200) throw new Error(`submit: ${sub.status} ${JSON.stringify(sub.body)}`);
  for (const signer of signers) {
    const res = await sign(api, signer, created.id, sub.body.currentVersion.contentHash);
    if (res.status !== 201) throw new Error(`sign: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return created.id as string;
}

const companySigners = (w: AgreementWorld) => [
  w.studentToken,
  w.companyRepToken,
  w.coordinatorToken,
];
const meeting = (over: Record<string, unknown> = {}) => ({
  kind: 'assessment',
  heldOn: addDays(today, -10),
  attendees: ['student', 'university', 'employer'],
  notes: 'Beoordeling op de werkplek',
  competences: [{ name: 'Werkvoorbereiding', result: 'on_track' }],
  ...over,
});

describe('monitoring: progress meetings and what is due', () => {
  let api: TestApi;
  let world: AgreementWorld;
  let agreementId: string;

  beforeAll(async () => {
    api = await startApi();
    world = await agreementWorld(api);
    agreementId = await active(
      api,
      world.coordinatorToken,
      agreementBody(world),
      companySigners(world),
    );
  }, 120_000);
  afterAll(() => api.close());

  const post = (token: string, id: string, body: object) =>
    api.http.post(`/api/v1/agreements/${id}/progress-meetings`).set(bearer(token)).send(body);

  it('records an assessment without the employer as not complete, and with all as complete', async () => {
    const without = await post(
      world.coordinatorToken,
      agreementId,
      meeting({ attendees: ['student', 'university'] }),
    );
    expect(without.status).toBe(201);
    expect(without.body).toMatchObject({ kind: 'assessment', complete: false, agreementId });
    const all = await post(world.companyRepToken, agreementId, meeting());
    expect(all.status).toBe(201);
    expect(all.body).toMatchObject({
      complete: true,
      competences: [{ name: 'Werkvoorbereiding', result: 'on_track' }],
    });
    const list = await api.http
      .get(`/api/v1/agreements/${agreementId}/progress-meetings`)
      .set(bearer(world.studentToken));
    expect(list.status).toBe(200);
    expect(list.body.data.map((m: { complete: boolean }) => m.complete)).toEqual([false, true]);
    const page = await api.http
      .get(`/api/v1/agreements/${agreementId}/progress-meetings?limit=1`)
      .set(bearer(world.coordinatorToken));
    expect(page.body.data).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });

  it('a seconded student needs the host at an assessment', async () => {
    const fw: FoundationWorld = await foundationWorld(api);
    const id = await active(api, fw.coordinatorToken, foundationAgreementBody(fw), [
      fw.studentToken,
      fw.foundationStaffToken,
      fw.coordinatorToken,
      fw.hostRepToken,
    ]);
    const without = await post(fw.foundationStaffToken, id, meeting());
    expect(without.status).toBe(201);
    expect(without.body.complete).toBe(false);
    const withHost = await post(
      fw.hostRepToken,
      id,
      meeting({ attendees: ['student', 'university', 'employer', 'host'] }),
    );
    expect(withHost.status).toBe(201);
    expect(withHost.body.complete).toBe(true);
  });

  it('hides the agreement from another university and refuses a student the write', async () => {
    const other = await createTenant(api);
    expect((await post(other.coordinatorToken, agreementId, meeting())).status).toBe(404);
    const read = await api.http
      .get(`/api/v1/agreements/${agreementId}/progress-meetings`)
      .set(bearer(other.coordinatorToken));
    expect(read.status).toBe(404);
    const student = await post(world.studentToken, agreementId, meeting());
    expect(student.status).toBe(403);
  });

  it('refuses bad input as problem+json', async () => {
    const future = await post(
      world.coordinatorToken,
      agreementId,
      meeting({ heldOn: addDays(today, 1) }),
    );
    expect(future.status).toBe(422);
    expect(future.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'heldOn' })]);
    const before = await post(
      world.coordinatorToken,
      agreementId,
      meeting({ heldOn: addDays(start, -1) }),
    );
    expect(before.status).toBe(422);
    const empty = await post(world.coordinatorToken, agreementId, meeting({ attendees: [] }));
    expect(empty.status).toBe(422);
    const twice = await post(
      world.coordinatorToken,
      agreementId,
      meeting({ attendees: ['student', 'student'] }),
    );
    expect(twice.status).toBe(422);
    const names = await post(
      world.coordinatorToken,
      agreementId,
      meeting({
        competences: [
          { name: 'A', result: 'achieved' },
          { name: 'a', result: 'not_yet' },
        ],
      }),
    );
    expect(names.status).toBe(422);
    const unknown = await post(world.coordinatorToken, agreementId, { ...meeting(), extra: 1 });
    expect(unknown.status).toBe(400);
    const badQuery = await api.http
      .get('/api/v1/monitoring/due?overdue=maybe')
      .set(bearer(world.coordinatorToken));
    expect([400, 422]).toContain(badQuery.status);
    expect(badQuery.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('lists due items for active agreements only, scoped and filtered', async () => {
    const w = await agreementWorld(api);
    const running = await active(api, w.coordinatorToken, agreementBody(w), companySigners(w));
    const ending = await active(api, w.coordinatorToken, agreementBody(w), companySigners(w));
    const ended = await api.http
      .post(`/api/v1/agreements/${ending}/terminate`)
      .set(bearer(w.coordinatorToken))
      .send({ reason: 'dropout', employmentContinued: false });
    expect(ended.status).toBe(200);
    const closed = await post(w.coordinatorToken, ending, meeting());
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({ agreementStatus: 'terminated' });
    expect(closed.body.type).toMatch(/agreement-not-active$/);

    const due = await api.http.get('/api/v1/monitoring/due').set(bearer(w.coordinatorToken));
    expect(due.status).toBe(200);
    expect(new Set(due.body.data.map((d: { agreementId: string }) => d.agreementId))).toEqual(
      new Set([running]),
    );
    // 10-weekly meetings from a start 120 days ago, none held: the first is 50 days overdue.
    const progress = due.body.data.find((d: { kind: string }) => d.kind === 'progress_meeting');
    expect(progress).toEqual({
      agreementId: running,
      studentId: w.studentId,
      kind: 'progress_meeting',
      dueOn: addDays(start, 70),
      daysOverdue: 50,
      lastHeldOn: null,
    });
    const overdue = await api.http
      .get('/api/v1/monitoring/due?overdue=true')
      .set(bearer(w.coordinatorToken));
    expect(overdue.body.data.map((d: { kind: string }) => d.kind)).toEqual(['progress_meeting']);

    // A meeting held with the student and the university resets the clock.
    const held = addDays(today, -5);
    expect(
      (await post(w.companyRepToken, running, meeting({ kind: 'progress_meeting', heldOn: held })))
        .status,
    ).toBe(201);
    const after = await api.http
      .get(`/api/v1/monitoring/due?companyId=${w.companyId}&overdue=true`)
      .set(bearer(w.companyRepToken));
    expect(after.body.data).toEqual([]);
    const rep = await api.http.get('/api/v1/monitoring/due').set(bearer(w.companyRepToken));
    expect(
      rep.body.data.find((d: { kind: string }) => d.kind === 'progress_meeting'),
    ).toMatchObject({
      dueOn: addDays(held, 70),
      daysOverdue: 0,
      lastHeldOn: held,
    });

    const other = await createTenant(api);
    const foreign = await api.http
      .get(`/api/v1/monitoring/due?universityId=${w.universityId}`)
      .set(bearer(other.coordinatorToken));
    expect(foreign.body.data).toEqual([]);
  });
});

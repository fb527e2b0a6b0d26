import { bearer, startApi, TestApi } from '../helpers/api';
import {
  agreementBody,
  agreementWorld,
  AgreementWorld,
  createAgreement,
  pendingAgreement,
  sign,
} from '../helpers/agreements';

/** API.md: transition bodies carry reasons; the audit trail (events) records each one. */
describe('agreements: every transition records its reason', () => {
  let api: TestApi;
  let world: AgreementWorld;

  beforeAll(async () => {
    api = await startApi();
    world = await agreementWorld(api);
  });
  afterAll(() => api.close());

  const post = (id: string, action: string, body?: object, token = world.coordinatorToken) => {
    const req = api.http.post(`/api/v1/agreements/${id}/${action}`).set(bearer(token));
    return body === undefined ? req : req.send(body);
  };
  async function trail(id: string): Promise<{ action: string; reason: string | null }[]> {
    const res = await api.http
      .get(`/api/v1/agreements/${id}/events`)
      .set(bearer(world.coordinatorToken));
    expect(res.body.chainValid).toBe(true);
    return res.body.data.map((e: { action: string; reason: string | null }) => ({
      action: e.action,
      reason: e.reason,
    }));
  }
  async function activeAgreement(): Promise<string> {
    const { id, contentHash } = await pendingAgreement(api, world);
    for (const token of [world.studentToken, world.companyRepToken, world.coordinatorToken])
      expect((await sign(api, token, id, contentHash)).status).toBe(201);
    return id;
  }

  it('submit, decline and cancel: reasons in the trail; submit still works without a body', async () => {
    const created = await createAgreement(api, world.coordinatorToken, agreementBody(world));
    const submitted = await post(created.id, 'submit', { reason: 'Afgestemd met het bedrijf' });
    expect(submitted.status).toBe(200);
    const declined = await post(
      created.id,
      'decline',
      { reason: 'Studiedag klopt niet' },
      world.companyRepToken,
    );
    expect(declined.status).toBe(200);
    expect((await post(created.id, 'submit')).status).toBe(200); // no body: no reason
    expect(
      (await post(created.id, 'cancel', { reason: 'Student kiest een ander bedrijf' })).status,
    ).toBe(200);
    expect(await trail(created.id)).toEqual([
      { action: 'created', reason: null },
      { action: 'submitted', reason: 'Afgestemd met het bedrijf' },
      { action: 'declined', reason: 'Studiedag klopt niet' },
      { action: 'submitted', reason: null },
      { action: 'cancelled', reason: 'Student kiest een ander bedrijf' },
    ]);
  });

  it('amend, withdraw and complete: reasons in the trail', async () => {
    const id = await activeAgreement();
    const amended = await post(id, 'amend', { reason: 'Meer studie-uren per week' });
    expect(amended.status).toBe(200);
    expect(amended.body.currentVersion).toMatchObject({ number: 2, status: 'draft' });
    expect((await post(id, 'withdraw', { reason: 'Toch niet nodig' })).status).toBe(200);
    expect((await post(id, 'amend', { reason: 'Nieuwe functietitel' })).status).toBe(200);
    const completed = await post(id, 'complete', {
      outcome: 'graduated_on_time',
      stayedWithEmployer: true,
      reason: 'Diploma uitgereikt op 1 juli',
    });
    expect(completed.status).toBe(200);
    expect((await trail(id)).slice(-4)).toEqual([
      { action: 'amended', reason: 'Meer studie-uren per week' },
      { action: 'withdrawn', reason: 'Toch niet nodig' },
      { action: 'amended', reason: 'Nieuwe functietitel' },
      { action: 'completed', reason: 'Diploma uitgereikt op 1 juli' },
    ]);
  });

  it('terminate: the termination reason and its note', async () => {
    const id = await activeAgreement();
    const terminated = await post(id, 'terminate', {
      reason: 'dropout',
      employmentContinued: true,
      note: 'Stopt met de opleiding, blijft in dienst',
    });
    expect(terminated.status).toBe(200);
    const other = await activeAgreement();
    await post(other, 'terminate', { reason: 'employer_switch', employmentContinued: false });
    expect((await trail(id)).at(-1)).toEqual({
      action: 'terminated',
      reason: 'dropout: Stopt met de opleiding, blijft in dienst',
    });
    expect((await trail(other)).at(-1)).toEqual({
      action: 'terminated',
      reason: 'employer_switch',
    });
  });

  it('refuses a reason that says nothing, and unknown fields', async () => {
    const created = await createAgreement(api, world.coordinatorToken, agreementBody(world));
    const short = await post(created.id, 'submit', { reason: ' x ' });
    expect(short.status).toBe(422);
    expect(short.body.errors).toEqual([
      { field: 'reason', message: 'reason must be at least 3 characters' },
    ]);
    expect((await post(created.id, 'submit', { why: 'onbekend veld' })).status).toBe(400);
  });
});

import { bearer, startApi, TestApi } from '../helpers/api';
import {
  agreementBody,
  agreementWorld,
  AgreementWorld,
  createAgreement,
  jobCount,
  pendingAgreement,
  sign,
} from '../helpers/agreements';

describe('agreements: lifecycle', () => {
  let api: TestApi;
  let world: AgreementWorld;

  beforeAll(async () => {
    api = await startApi();
    world = await agreementWorld(api);
  });
  afterAll(() => api.close());

  it('drafts, submits and activates with three signatures (one through a signing link)', async () => {
    const created = await createAgreement(api, world.coordinatorToken, agreementBody(world));
    expect(created).toMatchObject({
      status: 'draft',
      currentVersion: { number: 1, status: 'draft', contentHash: null },
    });
    expect(created.parties.employer).toMatchObject({ id: world.companyId, type: 'company' });

    const submitted = await api.http
      .post(`/api/v1/agreements/${created.id}/submit`)
      .set(bearer(world.coordinatorToken));
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('pending_signatures');
    const hash = submitted.body.currentVersion.contentHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(submitted.body.signing.awaited).toEqual(['student', 'university', 'employer']);
    expect(await jobCount(api, `preview-${created.id}-v1`)).toBe(1);

    expect((await sign(api, world.studentToken, created.id, hash)).status).toBe(201);
    const link = await api.http
      .post(`/api/v1/agreements/${created.id}/signing-links`)
      .set(bearer(world.coordinatorToken))
      .send({ party: 'employer', email: 'Directeur@Bouw.test', name: 'Directeur' });
    expect(link.status).toBe(201);
    expect(link.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const read = await api.http.get(`/api/v1/signing/${link.body.token}`);
    expect(read.body).toMatchObject({
      agreementId: created.id,
      version: 1,
      contentHash: hash,
      party: 'employer',
    });
    const viaLink = await api.http
      .post(`/api/v1/signing/${link.body.token}/sign`)
      .set('User-Agent', 'e2e-browser')
      .send({ contentHash: hash, name: 'J. Directeur', consent: true });
    expect(viaLink.status).toBe(201);
    expect(await jobCount(api, `seal-${created.id}-v1`)).toBe(0);

    const last = await sign(api, world.coordinatorToken, created.id, hash);
    expect(last.status).toBe(201);
    expect(last.body).toMatchObject({
      status: 'active',
      inForceVersion: { number: 1, status: 'active' },
    });
    expect(await jobCount(api, `seal-${created.id}-v1`)).toBe(1);

    const sigs = await api.http
      .get(`/api/v1/agreements/${created.id}/signatures`)
      .set(bearer(world.coordinatorToken));
    expect(sigs.body.data.map((s: { party: string }) => s.party).sort()).toEqual([
      'employer',
      'student',
      'university',
    ]);
    const byLink = sigs.body.data.find((s: { party: string }) => s.party === 'employer');
    expect(byLink).toMatchObject({
      method: 'signing_link',
      signerName: 'J. Directeur',
      signerEmail: 'directeur@bouw.test',
      userAgent: 'e2e-browser',
      contentHash: hash,
    });

    const events = await api.http
      .get(`/api/v1/agreements/${created.id}/events`)
      .set(bearer(world.coordinatorToken));
    expect(events.body.chainValid).toBe(true);
    expect(events.body.data.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'submitted',
      'signed',
      'signed',
      'signed',
      'activated',
    ]);

    // The link was single-use.
    const again = await api.http
      .post(`/api/v1/signing/${link.body.token}/sign`)
      .send({ contentHash: hash, name: 'x', consent: true });
    expect(again.status).toBe(410);
  });

  it('amends: the first version stays in force until the amendment is fully signed, then is superseded', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    for (const token of [world.studentToken, world.companyRepToken, world.coordinatorToken]) {
      expect((await sign(api, token, id, contentHash)).status).toBe(201);
    }
    const amended = await api.http
      .post(`/api/v1/agreements/${id}/amend`)
      .set(bearer(world.coordinatorToken))
      .send({});
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({
      status: 'active',
      currentVersion: { number: 2, status: 'draft' },
      inForceVersion: { number: 1 },
    });
    const sub = await api.http
      .post(`/api/v1/agreements/${id}/submit`)
      .set(bearer(world.coordinatorToken));
    const hash2 = sub.body.currentVersion.contentHash;
    for (const token of [world.studentToken, world.companyRepToken]) {
      expect((await sign(api, token, id, hash2)).status).toBe(201);
    }
    const mid = await api.http
      .get(`/api/v1/agreements/${id}/versions/1`)
      .set(bearer(world.coordinatorToken));
    expect(mid.body.status).toBe('active');
    expect((await sign(api, world.coordinatorToken, id, hash2)).body.inForceVersion.number).toBe(2);
    const v1 = await api.http
      .get(`/api/v1/agreements/${id}/versions/1`)
      .set(bearer(world.coordinatorToken));
    expect(v1.body.status).toBe('superseded');
    expect(await jobCount(api, `seal-${id}-v2`)).toBe(1);
  });

  it('decline makes a new draft version; signatures do not carry over', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    expect((await sign(api, world.studentToken, id, contentHash)).status).toBe(201);
    const declined = await api.http
      .post(`/api/v1/agreements/${id}/decline`)
      .set(bearer(world.companyRepToken))
      .send({ reason: 'Salaris klopt niet' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'draft',
      currentVersion: { number: 2, status: 'draft' },
      signing: null,
    });
    const sub = await api.http
      .post(`/api/v1/agreements/${id}/submit`)
      .set(bearer(world.coordinatorToken));
    expect(sub.body.signing).toMatchObject({
      version: 2,
      signed: [],
      awaited: ['student', 'university', 'employer'],
    });
    // Same terms and parties, but the hash names the version: v1's signatures cannot be replayed.
    const hash2 = sub.body.currentVersion.contentHash;
    expect(hash2).toMatch(/^[0-9a-f]{64}$/);
    expect(hash2).not.toBe(contentHash);
    const replay = await sign(api, world.studentToken, id, contentHash);
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ version: 2, currentContentHash: hash2 });
    const v1 = await api.http
      .get(`/api/v1/agreements/${id}/versions/1`)
      .set(bearer(world.coordinatorToken));
    expect(v1.body).toMatchObject({ status: 'declined', declineReason: 'Salaris klopt niet' });
  });

  it('withdraws an open amendment: the version in force stays current and in force', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    for (const token of [world.studentToken, world.companyRepToken, world.coordinatorToken])
      expect((await sign(api, token, id, contentHash)).status).toBe(201);
    const amended = await api.http
      .post(`/api/v1/agreements/${id}/amend`)
      .set(bearer(world.coordinatorToken))
      .send({});
    expect(amended.body.currentVersion).toMatchObject({ number: 2, status: 'draft' });
    await api.http.post(`/api/v1/agreements/${id}/submit`).set(bearer(world.coordinatorToken));
    const withdrawn = await api.http
      .post(`/api/v1/agreements/${id}/withdraw`)
      .set(bearer(world.coordinatorToken))
      .send({ reason: 'Wijziging niet meer nodig' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      status: 'active',
      currentVersion: { number: 1, status: 'active' },
      inForceVersion: { number: 1 },
    });
    const v2 = await api.http
      .get(`/api/v1/agreements/${id}/versions/2`)
      .set(bearer(world.coordinatorToken));
    expect(v2.body.status).toBe('cancelled');
    const again = await api.http
      .post(`/api/v1/agreements/${id}/withdraw`)
      .set(bearer(world.coordinatorToken))
      .send({ reason: 'Nog een keer' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/current version is active/);
    const next = await api.http
      .post(`/api/v1/agreements/${id}/amend`)
      .set(bearer(world.coordinatorToken))
      .send({});
    expect(next.body.currentVersion.number).toBe(3); // withdrawn numbers are not reused
  });

  it('refuses a wrong hash, a second signature, and signing a cancelled agreement (409)', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    const wrong = await sign(api, world.studentToken, id, 'a'.repeat(64));
    expect(wrong.status).toBe(409);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await sign(api, world.studentToken, id, contentHash)).status).toBe(201);
    const twice = await sign(api, world.studentToken, id, contentHash);
    expect(twice.status).toBe(409);
    const cancel = await api.http
      .post(`/api/v1/agreements/${id}/cancel`)
      .set(bearer(world.coordinatorToken))
      .send({ reason: 'Student stopt' });
    expect(cancel.body.status).toBe('cancelled');
    const late = await sign(api, world.companyRepToken, id, contentHash);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ currentState: 'cancelled' });
  });

  it('edits only a draft, with If-Match', async () => {
    const created = await createAgreement(api, world.coordinatorToken, agreementBody(world));
    const stale = await api.http
      .patch(`/api/v1/agreements/${created.id}`)
      .set(bearer(world.coordinatorToken))
      .set('If-Match', String(created.version + 5))
      .send({ language: 'en' });
    expect(stale.status).toBe(409);
    const ok = await api.http
      .patch(`/api/v1/agreements/${created.id}`)
      .set(bearer(world.coordinatorToken))
      .set('If-Match', String(created.version))
      .send({ language: 'en' });
    expect(ok.status).toBe(200);
    await api.http
      .post(`/api/v1/agreements/${created.id}/submit`)
      .set(bearer(world.coordinatorToken));
    const frozen = await api.http
      .patch(`/api/v1/agreements/${created.id}`)
      .set(bearer(world.coordinatorToken))
      .send({ language: 'nl' });
    expect(frozen.status).toBe(409);
  });
});

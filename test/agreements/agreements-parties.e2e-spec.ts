import { DataSource } from 'typeorm';
import { bearer, createTenant, startApi, TestApi } from '../helpers/api';
import {
  agreementBody,
  agreementWorld,
  AgreementWorld,
  createAgreement,
  createSupervisor,
  foundationAgreementBody,
  foundationWorld,
  jobCount,
  pendingAgreement,
  sign,
  termsBody,
} from '../helpers/agreements';
import { companyRepToken, createCompany } from '../helpers/organisations';

describe('agreements: parties, scope, concurrency, links', () => {
  let api: TestApi;
  let world: AgreementWorld;

  beforeAll(async () => {
    api = await startApi();
    world = await agreementWorld(api);
  });
  afterAll(() => api.close());

  it('a foundation agreement needs four signatures; a non-member host is 422', async () => {
    const fw = await foundationWorld(api);
    const outsider = await createCompany(api);
    const bad = await api.http
      .post('/api/v1/agreements')
      .set(bearer(fw.coordinatorToken))
      .send({ ...foundationAgreementBody(fw), hostCompanyId: outsider.id });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'hostCompanyId' })]);

    const created = await createAgreement(api, fw.coordinatorToken, foundationAgreementBody(fw));
    const sub = await api.http
      .post(`/api/v1/agreements/${created.id}/submit`)
      .set(bearer(fw.coordinatorToken));
    const hash = sub.body.currentVersion.contentHash;
    expect(sub.body.signing.awaited).toEqual(['student', 'university', 'employer', 'host']);
    for (const token of [fw.studentToken, fw.foundationStaffToken, fw.coordinatorToken]) {
      const res = await sign(api, token, created.id, hash);
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('pending_signatures');
    }
    const waiting = await api.http
      .get('/api/v1/agreements?awaitingParty=host')
      .set(bearer(fw.coordinatorToken));
    expect(waiting.body.data.map((a: { id: string }) => a.id)).toEqual([created.id]);
    const last = await sign(api, fw.hostRepToken, created.id, hash);
    expect(last.body.status).toBe('active');
    expect(await jobCount(api, `seal-${created.id}-v1`)).toBe(1);
  });

  it('re-seconds by amendment: the new host signs it; the superseded version names the old host', async () => {
    const fw = await foundationWorld(api);
    const created = await createAgreement(api, fw.coordinatorToken, foundationAgreementBody(fw));
    const sub = await api.http
      .post(`/api/v1/agreements/${created.id}/submit`)
      .set(bearer(fw.coordinatorToken));
    const hash = sub.body.currentVersion.contentHash;
    for (const token of [
      fw.studentToken,
      fw.foundationStaffToken,
      fw.coordinatorToken,
      fw.hostRepToken,
    ])
      expect((await sign(api, token, created.id, hash)).status).toBe(201);

    const newHost = await createCompany(api);
    await api.http
      .post(`/api/v1/foundations/${fw.foundationId}/members`)
      .set(bearer(api.adminToken))
      .send({ companyIds: [newHost.id] });
    const newHostRep = await companyRepToken(api, newHost.id);
    const newSupervisor = await createSupervisor(api, newHost.id);
    const amended = await api.http
      .post(`/api/v1/agreements/${created.id}/amend`)
      .set(bearer(fw.coordinatorToken))
      .send({ hostCompanyId: newHost.id, terms: termsBody(newSupervisor) });
    expect(amended.status).toBe(200);
    expect(amended.body.currentVersion).toMatchObject({ number: 2, status: 'draft' });
    // A draft naming a company shows it nothing; the host in force keeps the agreement.
    const asDraft = await api.http.get(`/api/v1/agreements/${created.id}`).set(bearer(newHostRep));
    expect(asDraft.status).toBe(404);
    const oldHostReads = await api.http
      .get(`/api/v1/agreements/${created.id}`)
      .set(bearer(fw.hostRepToken));
    expect(oldHostReads.body.parties.host.id).toBe(fw.hostCompanyId);
    const sub2 = await api.http
      .post(`/api/v1/agreements/${created.id}/submit`)
      .set(bearer(fw.coordinatorToken));
    const hash2 = sub2.body.currentVersion.contentHash;
    expect(sub2.body.currentVersion.parties.host.name).toBe(newHost.name);
    // Submitted, the amendment is the new host's to sign, not the old host's.
    expect(
      (await api.http.get(`/api/v1/agreements/${created.id}`).set(bearer(newHostRep))).status,
    ).toBe(200);
    expect((await sign(api, fw.hostRepToken, created.id, hash2)).status).toBe(403);
    for (const token of [fw.studentToken, fw.foundationStaffToken, fw.coordinatorToken, newHostRep])
      expect((await sign(api, token, created.id, hash2)).status).toBe(201);
    const v2 = await api.http
      .get(`/api/v1/agreements/${created.id}/versions/2`)
      .set(bearer(fw.coordinatorToken));
    expect(v2.body).toMatchObject({ status: 'active', parties: { host: { name: newHost.name } } });
    const v1 = await api.http
      .get(`/api/v1/agreements/${created.id}/versions/1`)
      .set(bearer(fw.coordinatorToken));
    expect(v1.body.status).toBe('superseded');
    expect(v1.body.parties.host.name).not.toBe(newHost.name);
    const now = await api.http.get(`/api/v1/agreements/${created.id}`).set(bearer(newHostRep));
    expect(now.body.parties.host.id).toBe(newHost.id);
    // The former host still reads the agreement it signed (its version is superseded, not gone).
    expect(
      (await api.http.get(`/api/v1/agreements/${created.id}`).set(bearer(fw.hostRepToken))).status,
    ).toBe(200);
    // Each host reads the documents of its own versions only; the foundation reads all.
    const docsOf = async (token: string) =>
      (
        await api.http.get(`/api/v1/agreements/${created.id}/documents`).set(bearer(token))
      ).body.data.map((d: { version: number; kind: string }) => `${d.version}-${d.kind}`);
    expect(await docsOf(fw.hostRepToken)).toEqual(['1-preview', '1-signed']);
    expect(await docsOf(newHostRep)).toEqual(['2-preview', '2-signed']);
    expect(await docsOf(fw.foundationStaffToken)).toEqual([
      '1-preview',
      '1-signed',
      '2-preview',
      '2-signed',
    ]);

    const wrongHost = await api.http
      .post(`/api/v1/agreements/${created.id}/amend`)
      .set(bearer(fw.coordinatorToken))
      .send({ hostCompanyId: (await createCompany(api)).id });
    expect(wrongHost.status).toBe(422);
    expect(wrongHost.body.errors).toEqual([expect.objectContaining({ field: 'hostCompanyId' })]);
  });

  it('signs 20 agreements concurrently by all parties: each active once, one seal per version', async () => {
    const pending = await Promise.all(
      Array.from({ length: 20 }, () => pendingAgreement(api, world)),
    );
    const tokens = [world.studentToken, world.companyRepToken, world.coordinatorToken];
    const results = await Promise.all(
      pending.flatMap(({ id, contentHash }) => tokens.map((t) => sign(api, t, id, contentHash))),
    );
    expect(results.map((r) => r.status).every((s) => s === 201)).toBe(true);
    for (const { id } of pending) {
      const res = await api.http
        .get(`/api/v1/agreements/${id}`)
        .set(bearer(world.coordinatorToken));
      expect(res.body.status).toBe('active');
      expect(await jobCount(api, `seal-${id}-v1`)).toBe(1);
      const events = await api.http
        .get(`/api/v1/agreements/${id}/events`)
        .set(bearer(world.coordinatorToken));
      expect(events.body.chainValid).toBe(true);
      expect(
        events.body.data.filter((e: { action: string }) => e.action === 'activated'),
      ).toHaveLength(1);
    }
  });

  it('keeps tenants apart and lets only parties sign', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    const forUniversity = await sign(api, world.companyRepToken, id, contentHash, 'university');
    expect(forUniversity.status).toBe(403);
    const admin = await sign(api, api.adminToken, id, contentHash);
    expect(admin.status).toBe(403);
    const otherCompany = await createCompany(api);
    const otherRep = await companyRepToken(api, otherCompany.id);
    expect((await api.http.get(`/api/v1/agreements/${id}`).set(bearer(otherRep))).status).toBe(404);
    expect((await sign(api, otherRep, id, contentHash)).status).toBe(404);
    const otherUni = await createTenant(api);
    expect(
      (await api.http.get(`/api/v1/agreements/${id}`).set(bearer(otherUni.coordinatorToken)))
        .status,
    ).toBe(404);
    const list = await api.http.get('/api/v1/agreements').set(bearer(otherUni.coordinatorToken));
    expect(list.body.data).toEqual([]);
    expect(
      (await api.http.get(`/api/v1/agreements/${id}`).set(bearer(world.companyRepToken))).status,
    ).toBe(200);
  });

  it('refuses a body with an unknown field (400) and terms that break a rule (422)', async () => {
    const body = agreementBody(world);
    const unknown = await api.http
      .post('/api/v1/agreements')
      .set(bearer(world.coordinatorToken))
      .send({ ...body, bsn: '123' });
    expect(unknown.status).toBe(400);
    const low = {
      ...body,
      terms: {
        ...body.terms,
        employment: { ...body.terms.employment, grossMonthlySalaryCents: 1000 },
      },
    };
    const res = await api.http
      .post('/api/v1/agreements')
      .set(bearer(world.coordinatorToken))
      .send(low);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('terms.employment.grossMonthlySalaryCents');
  });

  it('refuses unknown (404), expired and used (410) signing links', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    expect((await api.http.get('/api/v1/signing/not-a-token')).status).toBe(404);
    const make = () =>
      api.http
        .post(`/api/v1/agreements/${id}/signing-links`)
        .set(bearer(world.coordinatorToken))
        .send({ party: 'student', email: 's@test.local', name: 'S' });
    const expired = (await make()).body.token;
    await api.app
      .get(DataSource)
      .query(
        `UPDATE signing_links SET expires_at = now() - interval '1 minute' WHERE agreement_id = $1`,
        [id],
      );
    expect((await api.http.get(`/api/v1/signing/${expired}`)).status).toBe(410);
    const fresh = (await make()).body.token;
    const declined = await api.http
      .post(`/api/v1/signing/${fresh}/decline`)
      .send({ reason: 'Ik teken niet' });
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('draft');
    expect(
      (
        await api.http
          .post(`/api/v1/signing/${fresh}/sign`)
          .send({ contentHash, name: 'S', consent: true })
      ).status,
    ).toBe(410);
  });
});

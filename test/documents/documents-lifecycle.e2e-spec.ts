import { pdfSig, pdfText } from '@app/agreement-pdf/testing/poppler';
import { DataSource } from 'typeorm';
import { bearer, startApi, TestApi, uniq } from '../helpers/api';
import {
  agreementWorld,
  AgreementWorld,
  createAgreement,
  foundationAgreementBody,
  foundationWorld,
  pendingAgreement,
  sign,
} from '../helpers/agreements';
import { companyRepToken } from '../helpers/directory';
import { downloadPdf, readyDocument, verify } from '../helpers/documents';
import { startWorker, TestWorker } from '../helpers/worker';

/** The whole way from draft to a sealed PDF, with a real worker, pdftotext and pdfsig. */
describe('documents: preview, sealed PDF, verification', () => {
  let api: TestApi;
  let worker: TestWorker;
  let world: AgreementWorld;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    world = await agreementWorld(api, { firstName: 'Zoë', lastName: `Çelik-IJsbrand ${uniq()}` });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function signAll(id: string, hash: string) {
    expect((await sign(api, world.studentToken, id, hash)).status).toBe(201);
    const link = await api.http
      .post(`/api/v1/agreements/${id}/signing-links`)
      .set(bearer(world.coordinatorToken))
      .send({ party: 'employer', email: 'directeur@bouw.test', name: 'Łukasz Nowak' });
    expect(link.status).toBe(201);
    const viaLink = await api.http
      .post(`/api/v1/signing/${link.body.token}/sign`)
      .set('User-Agent', 'e2e-browser/1.0')
      .send({ contentHash: hash, name: 'Łukasz Nowak', consent: true });
    expect(viaLink.status).toBe(201);
    expect((await sign(api, world.coordinatorToken, id, hash)).status).toBe(201);
  }

  it('seals a fully signed agreement: text, pdfsig, /verify, and a flipped byte', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);

    const preview = await readyDocument(api, world.coordinatorToken, id, 1, 'preview');
    const previewText = pdfText(await downloadPdf(api, world.studentToken, preview.id), {
      raw: true,
    });
    // The diagonal watermark comes out with its letters spread over lines.
    expect(previewText.replace(/\s+/g, '')).toContain('CONCEPT–nietondertekend');

    await signAll(id, contentHash);
    const signed = await readyDocument(api, world.coordinatorToken, id, 1, 'signed');
    expect(signed).toMatchObject({ agreementId: id, version: 1, status: 'ready' });
    expect(signed.sha256).toMatch(/^[0-9a-f]{64}$/);

    const pdf = await downloadPdf(api, world.companyRepToken, signed.id);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    const student = (
      await api.http.get(`/api/v1/students/${world.studentId}`).set(bearer(world.coordinatorToken))
    ).body;
    expect(text).toContain(`${student.firstName} ${student.lastName}`);
    expect(text).toContain('Zoë');
    expect(text).toContain('Łukasz Nowak');
    expect(text).toMatch(/2\.800,00/); // gross monthly salary, Dutch formatting
    expect(text).toContain('Werkvoorbereider');
    expect(text).toContain(contentHash);
    expect(pdfText(pdf, { raw: true }).replace(/\s+/g, '')).not.toContain('CONCEPT');
    // The content hash and the verification reference are on every page.
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(page).toContain(contentHash);
      expect(page).toContain(signed.id);
    }

    const sig = pdfSig(pdf);
    expect(sig).toMatch(/Signature Validation: Signature is Valid/);
    expect(sig).toMatch(/ETSI\.CAdES\.detached/);
    expect(sig).toMatch(/SHA-256|SHA256/);

    const ok = await verify(api, pdf);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      valid: true,
      agreementId: id,
      version: 1,
      contentHash,
      documentId: signed.id,
      versionStatus: 'active',
      problems: [],
    });
    expect(ok.body.sealedAt).toEqual(expect.any(String));
    expect(ok.body.signers.map((s: { party: string }) => s.party).sort()).toEqual([
      'employer',
      'student',
      'university',
    ]);
    expect(ok.body.signers.find((s: { party: string }) => s.party === 'employer')).toMatchObject({
      name: 'Łukasz Nowak',
      method: 'signing_link',
    });

    for (const at of [10, Math.floor(pdf.length / 2), pdf.length - 2]) {
      const altered = Buffer.from(pdf);
      altered[at] ^= 0x01;
      const res = await verify(api, altered);
      expect(res.status).toBe(200);
      expect(res.body.valid).toBe(false);
      expect(res.body.problems.length).toBeGreaterThan(0);
      expect(res.body.agreementId).toBeNull();
    }
    const appended = await verify(api, Buffer.concat([pdf, Buffer.from('\n%%EOF\n')]));
    expect(appended.body.valid).toBe(false);
  });

  it('amends: two sealed versions, the first superseded but still verifiable', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    await signAll(id, contentHash);
    const first = await readyDocument(api, world.coordinatorToken, id, 1, 'signed');
    const amended = await api.http
      .post(`/api/v1/agreements/${id}/amend`)
      .set(bearer(world.coordinatorToken))
      .send({});
    expect(amended.status).toBe(200);
    const submitted = await api.http
      .post(`/api/v1/agreements/${id}/submit`)
      .set(bearer(world.coordinatorToken));
    const hash2 = submitted.body.currentVersion.contentHash;
    await signAll(id, hash2);
    const second = await readyDocument(api, world.coordinatorToken, id, 2, 'signed');
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).not.toBe(first.sha256);

    const list = await api.http
      .get(`/api/v1/agreements/${id}/documents`)
      .set(bearer(world.studentToken));
    expect(
      list.body.data.map((d: { version: number; kind: string }) => `${d.version}-${d.kind}`),
    ).toEqual(['1-preview', '1-signed', '2-preview', '2-signed']);
    const old = await verify(api, await downloadPdf(api, world.coordinatorToken, first.id));
    expect(old.body).toMatchObject({ valid: true, version: 1, versionStatus: 'superseded' });
    const current = await verify(api, await downloadPdf(api, world.coordinatorToken, second.id));
    expect(current.body).toMatchObject({
      valid: true,
      version: 2,
      versionStatus: 'active',
      contentHash: hash2,
    });
  });

  it('seals a foundation agreement after four signatures, in English when asked', async () => {
    const fw = await foundationWorld(api);
    const created = await createAgreement(api, fw.coordinatorToken, {
      ...foundationAgreementBody(fw),
      language: 'en',
    });
    const submitted = await api.http
      .post(`/api/v1/agreements/${created.id}/submit`)
      .set(bearer(fw.coordinatorToken));
    const hash = submitted.body.currentVersion.contentHash;
    for (const token of [fw.studentToken, fw.coordinatorToken, fw.foundationStaffToken]) {
      expect((await sign(api, token, created.id, hash)).status).toBe(201);
    }
    const pending = await api.http
      .get(`/api/v1/agreements/${created.id}/documents`)
      .set(bearer(fw.coordinatorToken));
    expect(pending.body.data.map((d: { kind: string }) => d.kind)).toEqual(['preview']);
    expect((await sign(api, fw.hostRepToken, created.id, hash)).status).toBe(201);
    const signed = await readyDocument(api, fw.hostRepToken, created.id, 1, 'signed');
    const pdf = await downloadPdf(api, fw.foundationStaffToken, signed.id);
    const text = pdfText(pdf);
    const host = (
      await api.http.get(`/api/v1/companies/${fw.hostCompanyId}`).set(bearer(api.adminToken))
    ).body;
    expect(text).toContain(host.name);
    expect(text).toMatch(/Tripartite|agreement/i);
    expect(text).toMatch(/2,800\.00/); // English formatting
    const ok = await verify(api, pdf);
    expect(ok.body.valid).toBe(true);
    expect(ok.body.signers).toHaveLength(4);
  });

  it('shows documents to parties in scope only: another company is 404, a pending one 409', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    const preview = await readyDocument(api, world.coordinatorToken, id, 1, 'preview');
    const stranger = await companyRepToken(api);
    for (const path of [
      `/api/v1/agreements/${id}/documents`,
      `/api/v1/documents/${preview.id}`,
      `/api/v1/documents/${preview.id}/content`,
    ]) {
      const res = await api.http.get(path).set(bearer(stranger));
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await api.http.get(`/api/v1/documents/${preview.id}`)).status).toBe(401);

    // While a document is being made its content is a 409 naming the state, not an empty file.
    const dataSource = api.app.get(DataSource);
    await dataSource.query(`UPDATE documents SET status = 'processing' WHERE id = $1`, [
      preview.id,
    ]);
    const busy = await api.http
      .get(`/api/v1/documents/${preview.id}/content`)
      .set(bearer(world.studentToken));
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ status: 409, documentStatus: 'processing' });
    await dataSource.query(`UPDATE documents SET status = 'ready' WHERE id = $1`, [preview.id]);
    await signAll(id, contentHash);
    // The student may read (and the company rep of the employer) the sealed PDF.
    const signed = await readyDocument(api, world.studentToken, id, 1, 'signed');
    expect((await downloadPdf(api, world.studentToken, signed.id)).length).toBeGreaterThan(1000);
  });

  it('answers /verify with a clear problem for a missing body and a non-PDF', async () => {
    const empty = await api.http
      .post('/api/v1/verify')
      .set('Content-Type', 'application/pdf')
      .send(Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.headers['content-type']).toMatch(/application\/problem\+json/);
    const json = await api.http.post('/api/v1/verify').send({ pdf: 'nope' });
    expect(json.status).toBeGreaterThanOrEqual(400);
    expect(json.status).toBeLessThan(500);
    // Verifying changes nothing: an Idempotency-Key is ignored (no shared key among anonymous
    // callers, and a large binary body is never walked as JSON).
    for (const size of [3 * 1024 * 1024, 1024]) {
      const res = await api.http
        .post('/api/v1/verify')
        .set('Content-Type', 'application/pdf')
        .set('Idempotency-Key', 'same-key')
        .send(Buffer.alloc(size, 0x25));
      expect(res.status).toBe(200);
      expect(res.body.valid).toBe(false);
    }
    const garbage = await verify(api, Buffer.from('%PDF-1.7\nnot really a pdf'));
    expect(garbage.status).toBe(200);
    expect(garbage.body.valid).toBe(false);
  });
});

import { sealAnyPdf } from '@app/agreement-pdf';
import { developmentSealer } from '@app/agreement-pdf/testing/dev-sealer';
import { PDFDocument } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { bearer, startApi, TestApi } from '../helpers/api';
import { agreementWorld, AgreementWorld, pendingAgreement } from '../helpers/agreements';
import { verify } from '../helpers/documents';

/**
 * The pages over plain HTTP (the browser tests in pages-browser.e2e-spec.ts drive them as a
 * person does): addresses, statuses, headers, the form token, and that the JSON API around them
 * is unchanged.
 */
describe('pages over HTTP: /sign/:token and /verify', () => {
  let api: TestApi;
  let world: AgreementWorld;

  beforeAll(async () => {
    api = await startApi();
    world = await agreementWorld(api);
  });
  afterAll(() => api.close());

  async function link(party = 'employer') {
    const { id, contentHash } = await pendingAgreement(api, world);
    const res = await api.http
      .post(`/api/v1/agreements/${id}/signing-links`)
      .set(bearer(world.coordinatorToken))
      .send({ party, email: 'teken@bouw.test', name: 'Łukasz Nowak' });
    expect(res.status).toBe(201);
    return { id, contentHash, token: res.body.token as string, url: res.body.url as string };
  }

  /** The hidden form token of a rendered sign page. */
  function csrfOf(html: string): string {
    const m = /name="csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error('no form token on the page');
    return m[1];
  }

  it("a signing link's url is the sign page at PUBLIC_BASE_URL, served at the root", async () => {
    const { token, url } = await link();
    expect(url).toBe(`http://localhost:3000/sign/${token}`);
    const page = await api.http.get(`/sign/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<html lang="nl">');
    expect((await api.http.get(`/api/v1/sign/${token}`)).status).toBe(404);
    // The JSON endpoints keep their place.
    expect((await api.http.get(`/api/v1/signing/${token}`)).status).toBe(200);
  });

  it('sends strict page headers: CSP without scripts, no referrer, no caching, no framing', async () => {
    const { token } = await link();
    for (const path of [`/sign/${token}`, '/verify', '/sign/unknown-token']) {
      const res = await api.http.get(path);
      const csp = res.headers['content-security-policy'];
      expect(csp).toMatch(
        /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/,
      );
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.text).not.toMatch(/<script|<link |src=|https?:\/\/(?!localhost)/);
    }
  });

  it("refuses a sign post without the page's form token (403, the form again) and signs nothing", async () => {
    const { id, contentHash, token } = await link();
    const forged = await api.http
      .post(`/sign/${token}/sign`)
      .type('form')
      .send({ contentHash, name: 'Mallory', consent: 'yes', lang: 'en' });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('did not come from this page');
    const otherToken = csrfOf((await api.http.get(`/sign/${(await link()).token}`)).text);
    const borrowed = await api.http
      .post(`/sign/${token}/sign`)
      .type('form')
      .send({ csrf: otherToken, contentHash, name: 'Mallory', consent: 'yes' });
    expect(borrowed.status).toBe(403);
    const signatures = await api.http
      .get(`/api/v1/agreements/${id}/signatures`)
      .set(bearer(world.coordinatorToken));
    expect(signatures.body.data).toEqual([]);
  });

  it("validates the form with the API's rules (422, values kept) and signs with a redirect to the receipt", async () => {
    const { id, contentHash, token } = await link();
    const csrf = csrfOf((await api.http.get(`/sign/${token}`)).text);
    const missing = await api.http
      .post(`/sign/${token}/sign`)
      .type('form')
      .send({ csrf, contentHash, name: 'Łukasz <b>Nowak</b>', lang: 'nl' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('aria-invalid="true"');
    expect(missing.text).toContain('value="Łukasz &lt;b&gt;Nowak&lt;/b&gt;"');
    const signed = await api.http
      .post(`/sign/${token}/sign`)
      .type('form')
      .set('User-Agent', 'pages-http/1.0')
      .send({ csrf, contentHash, name: 'Łukasz Nowak', consent: 'yes', lang: 'nl' });
    expect(signed.status).toBe(303);
    expect(signed.headers.location).toMatch(
      new RegExp(`^/sign/receipt/${id}\\.1\\.es\\.[0-9a-z]+\\.[A-Za-z0-9_-]{22}\\?lang=nl$`),
    );
    const receipt = await api.http.get(signed.headers.location);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain('Bedankt, u heeft ondertekend');
    const [signature] = (
      await api.http.get(`/api/v1/agreements/${id}/signatures`).set(bearer(world.coordinatorToken))
    ).body.data;
    expect(signature).toMatchObject({
      party: 'employer',
      signerName: 'Łukasz Nowak',
      method: 'signing_link',
      userAgent: 'pages-http/1.0',
      contentHash,
    });
    expect(signature.ipAddress).toEqual(expect.any(String));
    // A tampered receipt is unknown; the used link is gone.
    const tampered = signed.headers.location.replace('.1.es.', '.1.ss.');
    expect((await api.http.get(tampered)).status).toBe(404);
    expect((await api.http.get(`/sign/${token}`)).status).toBe(410);
  });

  it('serves the preview PDF through the token while the link is usable, and nothing once used', async () => {
    const { token } = await link();
    // No worker here: the preview is not made yet, and the page says so instead of linking it.
    expect((await api.http.get(`/sign/${token}`)).text).not.toContain('preview.pdf');
    const early = await api.http.get(`/sign/${token}/preview.pdf`);
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await api.http.get(`/sign/unknown/preview.pdf`)).status).toBe(404);
  });

  it('answers expired and unknown links with their page and status, never the form', async () => {
    const { id, token } = await link();
    await api.app
      .get(DataSource)
      .query(
        `UPDATE signing_links SET expires_at = now() - interval '1 minute' WHERE agreement_id = $1`,
        [id],
      );
    const expired = await api.http.get(`/sign/${token}?lang=en`);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('Link expired');
    expect(expired.text).not.toContain('<form');
    const unknown = await api.http.get('/sign/no-such-token');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Link onbekend');
    expect(unknown.text).not.toContain('<form');
    const post = await api.http
      .post('/sign/no-such-token/decline')
      .type('form')
      .send({ reason: 'nee' });
    expect(post.status).toBe(404);
  });

  it('keeps the JSON API as it was: multipart is 415 there, and POST /api/v1/verify stays', async () => {
    const multipart = await api.http
      .post('/api/v1/verify')
      .attach('file', Buffer.from('%PDF-1.7\n'), 'x.pdf');
    expect(multipart.status).toBe(415);
    expect(multipart.headers['content-type']).toMatch(/^application\/problem\+json/);
    const pdf = await verify(api, Buffer.from('%PDF-1.7\nnot sealed\n'));
    expect(pdf.status).toBe(200);
    expect(pdf.body).toMatchObject({ valid: false, verdict: 'unknown' });
    const openapi = await api.http.get('/api/openapi.json');
    const paths = Object.keys(openapi.body.paths);
    expect(
      paths.filter((p) => p.startsWith('/sign') || p === '/verify' || p.startsWith('/verify/')),
    ).toEqual([]);
  });

  it('verifies an upload without JavaScript: a multipart form with its form token', async () => {
    const page = await api.http.get('/verify?lang=en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en">');
    const csrf = csrfOf(page.text);
    const res = await api.http
      .post('/verify/upload')
      .field('csrf', csrf)
      .field('lang', 'en')
      .attach('file', Buffer.from('%PDF-1.7\nhello\n'), {
        filename: 'x.pdf',
        contentType: 'application/pdf',
      });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Not valid: unknown document');
    // A seal that checks out, but not one of ours.
    const doc = await PDFDocument.create();
    doc.addPage();
    const foreign = await sealAnyPdf(await doc.save(), developmentSealer(), {
      signingTime: new Date(),
    });
    expect((await verify(api, foreign)).body).toMatchObject({ valid: false, verdict: 'not_ours' });
    const notOurs = await api.http
      .post('/verify/upload')
      .field('csrf', csrf)
      .field('lang', 'en')
      .attach('file', foreign, { filename: 'foreign.pdf', contentType: 'application/pdf' });
    expect(notOurs.status).toBe(200);
    expect(notOurs.text).toContain('Not valid: not ours');
    const none = await api.http.post('/verify/upload').field('csrf', csrf).field('lang', 'en');
    expect(none.status).toBe(422);
    expect(none.text).toContain('Choose a PDF file.');
    const forged = await api.http
      .post('/verify/upload')
      .field('lang', 'en')
      .attach('file', Buffer.from('%PDF-1.7\n'), 'x.pdf');
    expect(forged.status).toBe(403);
  });
});

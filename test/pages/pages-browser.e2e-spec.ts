import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { bearer, startApi, TestApi } from '../helpers/api';
import {
  agreementWorld,
  AgreementWorld,
  fullySigned,
  pendingAgreement,
  sign,
} from '../helpers/agreements';
import { downloadPdf, readyDocument, verify } from '../helpers/documents';
import { startWorker, TestWorker, waitFor } from '../helpers/worker';

/**
 * The pages as a person uses them: Debian's Chromium on a phone-sized screen, the real API on a
 * real port, a real worker sealing. Every page state is screenshotted (var/screenshots/) and
 * checked with axe; no request may leave 127.0.0.1.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', 'var', 'screenshots');
const PHONE = { width: 390, height: 844 };

describe('pages in a browser: sign, decline, gone links, verify', () => {
  let api: TestApi;
  let worker: TestWorker;
  let world: AgreementWorld;
  let browser: Browser;
  let base: string;
  /** Requests to anywhere but the API under test (aborted); asserted empty after each test. */
  const external: string[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    api = await startApi();
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    worker = await startWorker();
    world = await agreementWorld(api, { firstName: 'Zoë', lastName: 'Çelik' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    expect(external).toEqual([]);
  });

  /** A fresh phone-sized browser at `path` (a path, or a link's url at PUBLIC_BASE_URL). */
  async function open(path: string) {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    contexts.push(context);
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      external.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    const response = await page.goto(base + path.replace(/^https?:\/\/[^/]+/, ''));
    return { page, response: response! };
  }

  /** Screenshot under a stable name, and no serious or critical accessibility violation. */
  async function check(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${name}: ${v.id} (${v.help}) ${v.nodes.map((n) => n.target).join(', ')}`),
    ).toEqual([]);
  }

  async function signingLink(id: string, party: string, name: string) {
    const res = await api.http
      .post(`/api/v1/agreements/${id}/signing-links`)
      .set(bearer(world.coordinatorToken))
      .send({ party, email: `${party}@pages.test`, name });
    expect(res.status).toBe(201);
    return res.body as { token: string; url: string };
  }

  async function clickAndWait(page: Page, button: string) {
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: button }).click(),
    ]);
  }

  it('signs on a phone: reads, corrects the form, signs, and downloads the sealed PDF from the confirmation', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    expect((await sign(api, world.studentToken, id, contentHash)).status).toBe(201);
    expect((await sign(api, world.coordinatorToken, id, contentHash)).status).toBe(201);
    await readyDocument(api, world.coordinatorToken, id, 1, 'preview');
    const link = await signingLink(id, 'employer', 'Łukasz Nowak');

    const { page, response } = await open(link.url);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Overeenkomst duaal leren ondertekenen',
    );
    const body = await page.textContent('main');
    expect(body).toContain('Łukasz Nowak, u ondertekent namens de werkgever');
    expect(body).toContain('Zoë Çelik');
    expect(body).toContain('1 september 2026 tot en met 31 augustus 2028');
    expect(body).toContain('€ 2.800,00 bruto per maand');
    expect(body).toContain('Geen studiekostenbeding');
    expect(body).toContain(contentHash);
    const preview = page.getByRole('link', { name: 'Lees de volledige overeenkomst (PDF)' });
    const pdf = await page.request.get(base + (await preview.getAttribute('href')));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await check(page, 'sign-page');

    // Without consent: the form again, with the errors said and the name kept.
    await page.getByLabel('Uw volledige naam').fill('Łukasz Nowak');
    await clickAndWait(page, 'Ondertekenen');
    expect(await page.getByRole('alert').textContent()).toContain('Vink aan');
    expect(await page.getByLabel('Uw volledige naam').inputValue()).toBe('Łukasz Nowak');
    await check(page, 'sign-errors');

    await page.getByLabel(/Ik heb de overeenkomst gelezen/).check();
    await clickAndWait(page, 'Ondertekenen');
    expect(page.url()).toMatch(/\/sign\/receipt\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Bedankt, u heeft ondertekend',
    );
    const confirmation = await page.textContent('main');
    expect(confirmation).toContain(
      'U heeft versie 1 van deze overeenkomst ondertekend namens de werkgever.',
    );
    expect(confirmation).toContain('Overeenkomst voor Zoë Çelik');
    expect(confirmation).toContain(id);
    await check(page, 'sign-confirmation');

    // The same use case as POST /api/v1/signing/:token/sign: the same evidence.
    const userAgent = (await page.evaluate('navigator.userAgent')) as string;
    const signatures = await api.http
      .get(`/api/v1/agreements/${id}/signatures`)
      .set(bearer(world.coordinatorToken));
    const employer = signatures.body.data.find((s: { party: string }) => s.party === 'employer');
    expect(employer).toMatchObject({
      signerName: 'Łukasz Nowak',
      signerEmail: 'employer@pages.test',
      method: 'signing_link',
      ipAddress: '127.0.0.1',
      userAgent,
      contentHash,
      versionNumber: 1,
    });
    expect(employer.signingLinkId).toEqual(expect.any(String));
    expect(Date.parse(employer.signedAt)).not.toBeNaN();

    // Once sealed, the confirmation offers the signed PDF to this signer.
    const download = page.getByRole('link', { name: 'Download de verzegelde overeenkomst (PDF)' });
    await waitFor(
      async () => {
        await page.reload();
        return (await download.count()) > 0;
      },
      30_000,
      500,
    );
    await check(page, 'sign-confirmation-sealed');
    const sealed = await page.request.get(base + (await download.getAttribute('href')));
    expect(sealed.status()).toBe(200);
    const signedDoc = await readyDocument(api, world.coordinatorToken, id, 1, 'signed');
    expect(
      createHash('sha256')
        .update(await sealed.body())
        .digest('hex'),
    ).toBe(signedDoc.sha256);
  });

  it('declines with a reason, in English after switching language', async () => {
    const { id } = await pendingAgreement(api, world);
    const link = await signingLink(id, 'student', 'Zoë Çelik');
    const { page } = await open(link.url);
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('link', { name: 'English' }).click(),
    ]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('main')).toContain(
      'Zoë Çelik, you sign on behalf of the student',
    );
    await check(page, 'sign-page-en');

    await page.getByLabel('Reason for declining').fill('The salary is not what we agreed.');
    await clickAndWait(page, 'Decline');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'You declined the agreement',
    );
    expect(await page.textContent('main')).toContain(
      'You declined version 1 of this agreement on behalf of the student.',
    );
    await check(page, 'decline-confirmation');

    const events = await api.http
      .get(`/api/v1/agreements/${id}/events`)
      .set(bearer(world.coordinatorToken));
    const declined = events.body.data.find((e: { action: string }) => e.action === 'declined');
    expect(declined).toMatchObject({
      reason: 'The salary is not what we agreed.',
      actor: { kind: 'signing_link', name: 'Zoë Çelik' },
      data: { party: 'student' },
    });
    const agreement = await api.http
      .get(`/api/v1/agreements/${id}`)
      .set(bearer(world.coordinatorToken));
    expect(agreement.body.status).toBe('draft');
  });

  it('shows a used link (410) and an unknown link (404) as their own page, without the form', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    const link = await signingLink(id, 'employer', 'Łukasz Nowak');
    const used = await api.http
      .post(`/api/v1/signing/${link.token}/sign`)
      .send({ contentHash, name: 'Łukasz Nowak', consent: true });
    expect(used.status).toBe(201);

    const gone = await open(link.url);
    expect(gone.response.status()).toBe(410);
    expect(await gone.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Link al gebruikt',
    );
    expect(await gone.page.locator('form').count()).toBe(0);
    await check(gone.page, 'sign-used');

    const unknown = await open('/sign/this-is-not-a-token');
    expect(unknown.response.status()).toBe(404);
    expect(await unknown.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Link onbekend',
    );
    expect(await unknown.page.locator('form').count()).toBe(0);
    await check(unknown.page, 'sign-unknown');
  });

  it('verifies a sealed PDF (valid, with its parties), a tampered one and an unsealed one', async () => {
    const [id] = await fullySigned(api, world, 1);
    const signedDoc = await readyDocument(api, world.coordinatorToken, id, 1, 'signed');
    const pdf = await downloadPdf(api, world.coordinatorToken, signedDoc.id);
    const preview = await readyDocument(api, world.coordinatorToken, id, 1, 'preview');
    expect((await verify(api, pdf)).body.valid).toBe(true);

    const { page, response } = await open('/verify');
    expect(response.status()).toBe(200);
    await check(page, 'verify-form');

    const upload = async (buffer: Buffer) => {
      await page
        .getByLabel('PDF-bestand')
        .setInputFiles({ name: 'overeenkomst.pdf', mimeType: 'application/pdf', buffer });
      await clickAndWait(page, 'Controleren');
      return page.locator('#verdict-heading').textContent();
    };

    expect(await upload(pdf)).toBe('Echt en ongewijzigd');
    const valid = await page.textContent('main');
    expect(valid).toContain(`Dit is versie 1 van overeenkomst ${id}`);
    expect(valid).toContain('Zoë Çelik');
    expect(valid).toMatch(/Ondertekend door/);
    await check(page, 'verify-valid');

    const tampered = Buffer.from(pdf);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    expect(await upload(tampered)).toBe('Niet geldig: gewijzigd');
    expect(await page.textContent('main')).not.toContain(id);
    await check(page, 'verify-tampered');

    expect(await upload(await downloadPdf(api, world.coordinatorToken, preview.id))).toBe(
      'Niet geldig: onbekend document',
    );
    await check(page, 'verify-unknown');
  });
});

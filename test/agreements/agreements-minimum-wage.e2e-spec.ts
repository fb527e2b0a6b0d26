import { bearer, startApi, TestApi } from '../helpers/api';
import { agreementWorld, AgreementWorld, createAgreement, termsBody } from '../helpers/agreements';
import { pdfText } from '@app/agreement-pdf/testing/poppler';
import { downloadPdf, readyDocument } from '../helpers/documents';
import { startWorker, TestWorker } from '../helpers/worker';

/** The statutory minimum (2026 rates) for 32 hours a week at an hourly rate, as the rule rounds it. */
const monthly = (hourlyCents: number) => Math.ceil((hourlyCents * 32 * 52) / 12);
const AT_18 = monthly(736);
const AT_19 = monthly(883); // € 1.224,43
const AT_20 = monthly(1177); // € 1.632,11
const SALARY = 'terms.employment.grossMonthlySalaryCents';

/**
 * Youth minimum wages rise at each birthday until 21: a two-year contract that is legal at the
 * start can underpay from the next birthday. The version carries the dates and amounts; the
 * agreement view returns them and the PDF prints them.
 */
describe('agreements: minimum wage over the contract', () => {
  let api: TestApi;
  let worker: TestWorker;
  let world: AgreementWorld;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    world = await agreementWorld(api, { dateOfBirth: '2008-03-01' }); // 18 on 2026-09-01
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const body = (grossMonthlySalaryCents: number) => {
    const terms = termsBody(world.supervisorId);
    return {
      studentId: world.studentId,
      employer: { type: 'company', id: world.companyId },
      language: 'nl',
      terms: { ...terms, employment: { ...terms.employment, grossMonthlySalaryCents } },
    };
  };

  it('refuses below the rate at the start; attaches each later birthday to the version: view, versions, PDF', async () => {
    const below = await api.http
      .post('/api/v1/agreements')
      .set(bearer(world.coordinatorToken))
      .send(body(AT_18 - 1));
    expect(below.status).toBe(422);
    expect(below.body.errors.map((e: { field: string }) => e.field)).toEqual([SALARY]);

    const created = await createAgreement(api, world.coordinatorToken, body(AT_18));
    const expected = [
      { from: '2027-03-01', reasons: ['birthday'], age: 19, minimumMonthlyCents: AT_19 },
      { from: '2028-03-01', reasons: ['birthday'], age: 20, minimumMonthlyCents: AT_20 },
    ];
    expect(created.currentVersion.minimumWageRises).toEqual(
      expected.map((r) => expect.objectContaining(r)),
    );
    const warned = created.warnings.filter((w: { field: string }) => w.field === SALARY);
    expect(warned.map((w: { message: string }) => w.message.slice(0, 40))).toEqual([
      'from 2027-03-01 (the student turns 19) t',
      'from 2028-03-01 (the student turns 20) t',
    ]);

    const read = await api.http
      .get(`/api/v1/agreements/${created.id}`)
      .set(bearer(world.companyRepToken));
    expect(read.body.currentVersion.minimumWageRises).toEqual(
      created.currentVersion.minimumWageRises,
    );

    const submitted = await api.http
      .post(`/api/v1/agreements/${created.id}/submit`)
      .set(bearer(world.coordinatorToken));
    expect(submitted.status).toBe(200);
    const frozen = await api.http
      .get(`/api/v1/agreements/${created.id}/versions/1`)
      .set(bearer(world.coordinatorToken));
    expect(frozen.body).toMatchObject({ status: 'pending_signatures' });
    expect(frozen.body.minimumWageRises).toEqual(expected.map((r) => expect.objectContaining(r)));

    const preview = await readyDocument(api, world.coordinatorToken, created.id, 1, 'preview');
    const text = pdfText(await downloadPdf(api, world.coordinatorToken, preview.id));
    expect(text).toContain('Wettelijk minimumloon');
    expect(text).toContain('vanaf 1 maart 2027 (19 jaar): ten minste € 1.224,43 per maand');
    expect(text).toContain('vanaf 1 maart 2028 (20 jaar): ten minste € 1.632,11 per maand');
  });

  it('clears the warning when an edit raises the salary enough for the whole contract', async () => {
    const created = await createAgreement(api, world.coordinatorToken, body(AT_18));
    expect(created.currentVersion.minimumWageRises).toHaveLength(2);
    const patched = await api.http
      .patch(`/api/v1/agreements/${created.id}`)
      .set(bearer(world.coordinatorToken))
      .send({ terms: body(AT_20).terms });
    expect(patched.status).toBe(200);
    expect(patched.body.currentVersion.minimumWageRises).toEqual([]);
    const read = await api.http
      .get(`/api/v1/agreements/${created.id}`)
      .set(bearer(world.coordinatorToken));
    expect(read.body.currentVersion.minimumWageRises).toEqual([]);
  });
});

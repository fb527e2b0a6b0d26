import { pdfText } from '@app/agreement-pdf/testing/poppler';
import type { Response } from 'superagent';
import { bearer, createTenant, startApi, TestApi, userToken } from '../helpers/api';
import {
  createAgreement,
  createSupervisor,
  foundationWorld,
  sign,
  termsBody,
} from '../helpers/agreements';
import { createProgramme, createStudent } from '../helpers/directory';
import { companyRepToken, createCompany } from '../helpers/organisations';
import { mondays } from '../helpers/guidance';

interface Employer {
  name: string;
  kvkNumber: string;
  universityId: string;
  coordinatorToken: string;
  companyId: string;
  repToken: string;
  supervisorId: string;
  eligibleProgrammeId: string;
  economicsProgrammeId: string;
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF) after the byte-order mark. */
function parseCsv(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const records: string[][] = [[]];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') field += body[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      records[records.length - 1].push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      records[records.length - 1].push(field);
      field = '';
      records.push([]);
      i++;
    } else field += c;
  }
  const [header, ...rows] = records.filter((r) => r.length > 0);
  return rows.map((r) => Object.fromEntries(r.map((v, i) => [header[i], v])));
}

/** The whole body of a download as a Buffer. */
const binary = (r: Response, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Subsidy evidence (Subsidieregeling praktijkleren) through the API: placements of one company in
 * academic year 2025 (2025-09-01 .. 2026-08-31) under signed agreements, with guidance logs.
 */
describe('reporting: subsidy evidence for an employer', () => {
  let api: TestApi;
  let w: Employer;
  const placed: Record<string, { studentId: string; agreementId: string | null }> = {};

  const report = (token: string, query: string) =>
    api.http.get(`/api/v1/reports/subsidy?${query}`).set(bearer(token));
  const ofCompany = (id: string, extra = '') =>
    `employerType=company&employerId=${id}&academicYear=2025${extra}`;

  async function ok(res: { status: number; body: unknown }, status: number, what: string) {
    if (res.status !== status)
      throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown> & { id: string };
  }

  /** A student of the programme, employed by the company all year, signed or not, with a log. */
  async function place(
    programmeId: string,
    guidedWeeks: number,
    signed = true,
    name: Record<string, string> = {},
  ) {
    const student = await createStudent(api, w.coordinatorToken, w.universityId, programmeId, {
      dateOfBirth: '2000-03-15',
      ...name,
    });
    let agreementId: string | null = null;
    if (signed) {
      const agreement = await createAgreement(api, w.coordinatorToken, {
        studentId: student.id,
        employer: { type: 'company', id: w.companyId },
        language: 'nl',
        terms: termsBody(w.supervisorId, { startDate: '2025-09-01', endDate: '2027-08-31' }),
      });
      const submitted = await api.http
        .post(`/api/v1/agreements/${agreement.id}/submit`)
        .set(bearer(w.coordinatorToken));
      const hash = (await ok(submitted, 200, 'submit')).currentVersion as { contentHash: string };
      const studentToken = await userToken(api, api.adminToken, {
        role: 'student',
        studentId: student.id,
      });
      for (const token of [studentToken, w.repToken, w.coordinatorToken])
        await ok(await sign(api, token, agreement.id, hash.contentHash), 201, 'sign');
      agreementId = agreement.id;
    }
    const employment = await ok(
      await api.http
        .post('/api/v1/employments')
        .set(bearer(w.coordinatorToken))
        .send({
          studentId: student.id,
          employer: { type: 'company', id: w.companyId },
          startDate: '2025-09-01',
          endDate: '2027-08-31',
          contractType: 'fixed_term',
          hoursPerWeek: 32,
        }),
      201,
      'employment',
    );
    const weeks = [
      ...mondays('2025-09-01', guidedWeeks),
      ...mondays('2026-08-17', 2, { guided: false, absenceReason: 'illness', supervisorHours: 0 }),
    ];
    await ok(
      await api.http
        .put(`/api/v1/employments/${employment.id}/guidance-weeks`)
        .set(bearer(w.repToken))
        .send({ weeks }),
      200,
      'guidance weeks',
    );
    return { studentId: student.id, agreementId };
  }

  beforeAll(async () => {
    api = await startApi();
    const tenant = await createTenant(api);
    const company = await createCompany(api);
    w = {
      name: company.name,
      kvkNumber: company.kvkNumber,
      universityId: tenant.universityId,
      coordinatorToken: tenant.coordinatorToken,
      companyId: company.id,
      repToken: await companyRepToken(api, company.id),
      supervisorId: await createSupervisor(api, company.id),
      eligibleProgrammeId: (
        await createProgramme(api, tenant.coordinatorToken, tenant.universityId, {
          crohoSector: 'technology',
          studyMode: 'dual',
        })
      ).id,
      economicsProgrammeId: (
        await createProgramme(api, tenant.coordinatorToken, tenant.universityId, {
          crohoSector: 'economics',
          studyMode: 'dual',
        })
      ).id,
    };
    placed.thirty = await place(w.eligibleProgrammeId, 30, true, {
      firstName: 'Zoë',
      lastName: 'Çelik-IJsbrand, de',
    });
    placed.fortyFive = await place(w.eligibleProgrammeId, 45);
    placed.economics = await place(w.economicsProgrammeId, 42);
    placed.unsigned = await place(w.eligibleProgrammeId, 10, false);
  }, 120_000);
  afterAll(() => api.close());

  const line = (body: { placements: { studentId: string }[] }, key: string) =>
    body.placements.find((p) => p.studentId === placed[key].studentId);

  it('computes each placement: 30/42 of EUR 2,700, 45 weeks capped, a non-eligible sector 0 with a reason', async () => {
    const res = await report(w.repToken, ofCompany(w.companyId));
    expect(res.status).toBe(200);
    expect(res.body.employer).toMatchObject({ type: 'company', id: w.companyId });
    expect(res.body.academicYear).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    expect(res.body.source).toMatch(/RVO/);
    expect(line(res.body, 'thirty')).toMatchObject({
      agreementId: placed.thirty.agreementId,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      crohoSector: 'technology',
      studyMode: 'dual',
      weeksCovered: 53,
      weeksGuided: 30,
      weeksAbsent: { illness: 2, holiday: 0, other: 0 },
      fraction: 30 / 42,
      maxAmountCents: 192_857,
      eligible: true,
      reasons: [],
    });
    expect(line(res.body, 'fortyFive')).toMatchObject({
      weeksGuided: 45,
      fraction: 1,
      maxAmountCents: 270_000,
      eligible: true,
    });
    expect(line(res.body, 'economics')).toMatchObject({
      crohoSector: 'economics',
      weeksGuided: 42,
      maxAmountCents: 0,
      eligible: false,
      reasons: ['sector_not_eligible'],
    });
    expect(line(res.body, 'unsigned')).toMatchObject({
      agreementId: null,
      weeksCovered: 0,
      weeksGuided: 10,
      maxAmountCents: 0,
      eligible: false,
      reasons: ['no_signed_agreement'],
    });
    expect(res.body.totals).toEqual({ placements: 4, eligible: 2, maxAmountCents: 462_857 });
  });

  it('gives one CSV line per placement with the JSON names (BOM, diacritics, no totals line)', async () => {
    const res = await report(w.repToken, ofCompany(w.companyId, '&format=csv'))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="subsidie-${w.kvkNumber}-2025-2026\\.csv"`),
    );
    const rows = parseCsv((res.body as Buffer).toString('utf8'));
    expect(rows).toHaveLength(4);
    const thirty = rows.find((r) => r.studentId === placed.thirty.studentId);
    expect(thirty).toEqual({
      employmentId: expect.any(String),
      studentId: placed.thirty.studentId,
      studentName: expect.stringContaining('Zoë Çelik-IJsbrand, de'),
      agreementId: placed.thirty.agreementId,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      crohoCode: expect.any(String),
      crohoSector: 'technology',
      studyMode: 'dual',
      weeksCovered: '53',
      weeksGuided: '30',
      weeksAbsentIllness: '2',
      weeksAbsentHoliday: '0',
      weeksAbsentOther: '0',
      fraction: String(30 / 42),
      maxAmountCents: '192857',
      eligible: 'true',
      reasons: '',
    });
    const unsigned = rows.find((r) => r.studentId === placed.unsigned.studentId);
    expect(unsigned).toMatchObject({ agreementId: '', eligible: 'false' });
    expect(rows.find((r) => r.studentId === placed.economics.studentId)?.reasons).toBe(
      'sector_not_eligible',
    );
  });

  it.each([
    [
      'nl',
      [
        'Bewijs praktijkleren',
        'KvK-nummer',
        'Studiejaar: 2025/2026',
        '€ 1.928,57',
        'Totaal (4) 159 127 8 0 0',
        '€ 4.628,57',
        '2 van 4',
        'Gemaakt op',
      ],
    ],
    [
      'en',
      [
        'Practical learning evidence',
        'KvK number',
        'Academic year: 2025/2026',
        '€1,928.57',
        'Total (4) 159 127 8 0 0',
        '€4,628.57',
        '2 of 4',
        'Generated',
      ],
    ],
  ])('draws the application document as a PDF (%s)', async (lang, words) => {
    const res = await report(w.repToken, ofCompany(w.companyId, `&format=pdf&lang=${lang}`))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const json = await report(w.repToken, ofCompany(w.companyId));
    const thirty = line(json.body, 'thirty') as unknown as Record<string, string>;
    const text = pdfText(new Uint8Array(res.body as Buffer), { raw: true }).replace(/\s+/g, ' ');
    expect(text).toContain(w.name);
    expect(text).toContain(w.kvkNumber);
    expect(text).toContain('2025-09-01 – 2026-08-31');
    for (const word of words) expect(text).toContain(word);
    // The 30-week line: name, CROHO, covered, guided, illness, holiday, other, fraction, amount.
    const fraction = lang === 'nl' ? '0,714' : '0.714';
    const amount = lang === 'nl' ? '€ 1.928,57' : '€1,928.57';
    expect(text).toContain(
      `${thirty.studentName} ${thirty.crohoCode} 53 30 2 0 0 ${fraction} ${amount}`,
    );
    expect(text).toContain(`${placed.thirty.agreementId} · ${thirty.contentHash}`);
  });

  it('lists no placement in a year before the employments began', async () => {
    const admin = await report(api.adminToken, ofCompany(w.companyId).replace('2025', '2024'));
    expect(admin.status).toBe(200);
    expect(admin.body.placements).toEqual([]);
  });

  it("is the employer's own: another company's rep 404, a coordinator or student 403", async () => {
    const otherRep = await companyRepToken(api, (await createCompany(api)).id);
    const other = await report(otherRep, ofCompany(w.companyId));
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(placed.thirty.studentId);
    expect((await report(w.coordinatorToken, ofCompany(w.companyId))).status).toBe(403);
    const studentToken = await userToken(api, api.adminToken, {
      role: 'student',
      studentId: placed.thirty.studentId,
    });
    expect((await report(studentToken, ofCompany(w.companyId))).status).toBe(403);
  });

  it('answers a bad academic year, employer, format or parameter with 400 problem+json', async () => {
    for (const query of [
      ofCompany(w.companyId).replace('2025', '20x5'),
      ofCompany(w.companyId).replace('2025', '2031'),
      ofCompany(w.companyId, '&format=xml'),
      ofCompany(w.companyId, '&format=pdf&lang=de'),
      `employerType=school&employerId=${w.companyId}&academicYear=2025`,
      'employerType=company&employerId=nope&academicYear=2025',
      `employerId=${w.companyId}&academicYear=2025`,
      ofCompany(w.companyId, '&page=2'),
    ]) {
      const res = await report(w.repToken, query);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const res = await report(w.repToken, ofCompany(w.companyId).replace('2025', '2031'));
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'academicYear' })]);
  });

  it("gives a foundation its employees' lines, read by its staff and not by its host", async () => {
    const fw = await foundationWorld(api);
    const employment = await api.http
      .post('/api/v1/employments')
      .set(bearer(fw.coordinatorToken))
      .send({
        studentId: fw.studentId,
        employer: { type: 'foundation', id: fw.foundationId },
        startDate: '2025-09-01',
        contractType: 'permanent',
        hoursPerWeek: 32,
      });
    expect(employment.status).toBe(201);
    await api.http
      .put(`/api/v1/employments/${employment.body.id}/guidance-weeks`)
      .set(bearer(fw.foundationStaffToken))
      .send({ weeks: mondays('2025-09-01', 5) })
      .expect(200);
    const query = `employerType=foundation&employerId=${fw.foundationId}&academicYear=2025`;
    const res = await report(fw.foundationStaffToken, query);
    expect(res.status).toBe(200);
    expect(res.body.employer).toMatchObject({ type: 'foundation', id: fw.foundationId });
    expect(res.body.placements).toEqual([
      expect.objectContaining({
        studentId: fw.studentId,
        weeksGuided: 5,
        reasons: ['sector_not_eligible', 'no_signed_agreement'],
      }),
    ]);
    expect((await report(fw.hostRepToken, query)).status).toBe(404);
    expect((await report(fw.foundationStaffToken, ofCompany(w.companyId))).status).toBe(404);
  });
});

import { DataSource } from 'typeorm';
import { bearer, createTenant, startApi, TestApi } from '../helpers/api';
import {
  createAgreement,
  createSupervisor,
  foundationAgreementBody,
  foundationWorld,
  FoundationWorld,
  sign,
} from '../helpers/agreements';
import {
  companyRepToken,
  createCompany,
  foundationStaffToken,
  createFoundation,
} from '../helpers/organisations';

describe('placements: employments, secondments, re-secondments', () => {
  let api: TestApi;
  let fw: FoundationWorld;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi();
    fw = await foundationWorld(api);
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  const employ = (token: string, body: object) =>
    api.http.post('/api/v1/employments').set(bearer(token)).send(body);
  const employmentBody = (over: object = {}) => ({
    studentId: fw.studentId,
    employer: { type: 'foundation', id: fw.foundationId },
    startDate: '2026-09-01',
    endDate: '2028-08-31',
    contractType: 'fixed_term',
    hoursPerWeek: 32,
    ...over,
  });
  const second = (token: string, employmentId: string, body: object) =>
    api.http.post(`/api/v1/employments/${employmentId}/secondments`).set(bearer(token)).send(body);

  // The employment most tests below work on, with its first secondment (which makes the host
  // company see it): created before the tests, whichever of them runs first.
  let employmentId: string;
  let employed: { status: number; body: Record<string, unknown> };
  let firstSecondment: { status: number };
  beforeAll(async () => {
    // The student's university records it (the foundation has no relation with the student yet).
    employed = await employ(fw.coordinatorToken, employmentBody());
    employmentId = employed.body.id as string;
    firstSecondment = await second(fw.foundationStaffToken, employmentId, {
      hostCompanyId: fw.hostCompanyId,
      startDate: '2026-09-01',
      endDate: '2027-08-31',
      supervisorId: fw.hostSupervisorId,
    });
  });

  it('records a foundation employment; an overlapping one for the student is 409', async () => {
    const res = employed;
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      employerType: 'foundation',
      employerFoundationId: fw.foundationId,
      version: 1,
    });
    const overlap = await employ(
      fw.coordinatorToken,
      employmentBody({
        employer: { type: 'company', id: fw.companyId },
        startDate: '2028-08-01',
        endDate: '2029-01-31',
      }),
    );
    expect(overlap.status).toBe(409);
    expect(overlap.body.detail).toMatch(/already employed from 2026-09-01 to 2028-08-31/);
    const backwards = await employ(
      fw.coordinatorToken,
      employmentBody({ startDate: '2030-01-01', endDate: '2029-01-01' }),
    );
    expect(backwards.status).toBe(422);
    const otherFoundation = await employ(
      fw.foundationStaffToken,
      employmentBody({ employer: { type: 'company', id: fw.companyId } }),
    );
    expect(otherFoundation.status).toBe(403);
  });

  it('seconds inside the employment to member hosts only, never overlapping', async () => {
    expect(firstSecondment.status).toBe(201);
    const outsider = await createCompany(api);
    const notMember = await second(fw.foundationStaffToken, employmentId, {
      hostCompanyId: outsider.id,
      startDate: '2027-09-01',
      endDate: '2027-12-31',
    });
    expect(notMember.status).toBe(422);
    expect(notMember.body.errors).toEqual([expect.objectContaining({ field: 'hostCompanyId' })]);
    const outside = await second(fw.foundationStaffToken, employmentId, {
      hostCompanyId: fw.hostCompanyId,
      startDate: '2028-06-01',
      endDate: '2028-12-31',
    });
    expect(outside.status).toBe(422);
    const overlap = await second(fw.foundationStaffToken, employmentId, {
      hostCompanyId: fw.hostCompanyId,
      startDate: '2027-08-01',
      endDate: '2027-10-31',
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.detail).toMatch(/cannot overlap/);
  });

  it('concurrent overlapping secondments: one wins through the API, and the database refuses a forced one', async () => {
    const results = await Promise.all(
      ['2027-09-01', '2027-09-15', '2027-10-01'].map((startDate) =>
        second(fw.foundationStaffToken, employmentId, {
          hostCompanyId: fw.hostCompanyId,
          startDate,
          endDate: '2027-12-31',
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    // Bypassing the service: two overlapping rows inserted at once; the exclusion constraint decides.
    const insert = (start: string) =>
      db.query(
        `INSERT INTO secondments (id, employment_id, foundation_id, host_company_id, start_date, end_date)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, '2028-03-31')`,
        [employmentId, fw.foundationId, fw.hostCompanyId, start],
      );
    const forced = await Promise.allSettled([insert('2028-01-01'), insert('2028-02-01')]);
    expect(forced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = forced.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    // Two inserts racing on an exclusion constraint each wait for the other's row: PostgreSQL
    // refuses one as a violation or, when both checked at once, as a deadlock. Either way one only.
    expect(String(rejected.reason.message)).toMatch(/ex_secondments_no_overlap|deadlock detected/);
    // The trigger keeps secondments inside the employment, whoever writes.
    await expect(
      db.query(
        `INSERT INTO secondments (id, employment_id, foundation_id, host_company_id, start_date, end_date)
         VALUES (gen_random_uuid(), $1, $2, $3, '2028-06-01', '2028-09-30')`,
        [employmentId, fw.foundationId, fw.hostCompanyId],
      ),
    ).rejects.toThrow(/outside its employment/);
    // And hosts are members by foreign key.
    const outsider = await createCompany(api);
    await expect(
      db.query(
        `INSERT INTO secondments (id, employment_id, foundation_id, host_company_id, start_date, end_date)
         VALUES (gen_random_uuid(), $1, $2, $3, '2028-04-01', '2028-04-30')`,
        [employmentId, fw.foundationId, outsider.id],
      ),
    ).rejects.toThrow(/fk_secondments_foundation_member/);
    // Leaves the employment's secondments as it found them (the test above adds its own).
    await db.query(
      `DELETE FROM secondments WHERE employment_id = $1 AND start_date >= '2027-09-01'`,
      [employmentId],
    );
  });

  it('re-seconds: ends the period, starts the next at a new host, drafts the amendment the new host signs', async () => {
    const fw2 = await foundationWorld(api);
    const created = await createAgreement(api, fw2.coordinatorToken, foundationAgreementBody(fw2));
    const sub = await api.http
      .post(`/api/v1/agreements/${created.id}/submit`)
      .set(bearer(fw2.coordinatorToken));
    const hash = sub.body.currentVersion.contentHash;
    for (const token of [
      fw2.studentToken,
      fw2.foundationStaffToken,
      fw2.coordinatorToken,
      fw2.hostRepToken,
    ])
      expect((await sign(api, token, created.id, hash)).status).toBe(201);
    const employment = await employ(fw2.foundationStaffToken, {
      ...employmentBody(),
      studentId: fw2.studentId,
      employer: { type: 'foundation', id: fw2.foundationId },
    });
    const first = await second(fw2.foundationStaffToken, employment.body.id, {
      hostCompanyId: fw2.hostCompanyId,
      startDate: '2026-09-01',
      endDate: '2028-08-31',
      supervisorId: fw2.hostSupervisorId,
    });
    expect(first.status).toBe(201);

    const newHost = await createCompany(api);
    await api.http
      .post(`/api/v1/foundations/${fw2.foundationId}/members`)
      .set(bearer(api.adminToken))
      .send({ companyIds: [newHost.id] });
    const newSupervisor = await createSupervisor(api, newHost.id);
    const newHostRep = await companyRepToken(api, newHost.id);
    const missingSupervisor = await api.http
      .post(`/api/v1/secondments/${first.body.id}/end`)
      .set(bearer(fw2.foundationStaffToken))
      .send({
        endDate: '2027-01-31',
        reason: 'Geen passend werk meer',
        next: { hostCompanyId: newHost.id, startDate: '2027-02-01', endDate: '2028-08-31' },
      });
    expect(missingSupervisor.status).toBe(422);
    expect(missingSupervisor.body.errors).toEqual([
      expect.objectContaining({ field: 'next.supervisorId' }),
    ]);

    const resecond = await api.http
      .post(`/api/v1/secondments/${first.body.id}/end`)
      .set(bearer(fw2.foundationStaffToken))
      .send({
        endDate: '2027-01-31',
        reason: 'Geen passend werk meer',
        next: {
          hostCompanyId: newHost.id,
          startDate: '2027-02-01',
          endDate: '2028-08-31',
          supervisorId: newSupervisor,
        },
      });
    expect(resecond.status).toBe(200);
    expect(resecond.body.ended).toMatchObject({
      endDate: '2027-01-31',
      endReason: 'Geen passend werk meer',
    });
    expect(resecond.body.next).toMatchObject({
      hostCompanyId: newHost.id,
      startDate: '2027-02-01',
    });
    expect(resecond.body.amendment.currentVersion).toMatchObject({ number: 2, status: 'draft' });

    const submitted = await api.http
      .post(`/api/v1/agreements/${created.id}/submit`)
      .set(bearer(fw2.coordinatorToken));
    expect(submitted.status).toBe(200);
    const hash2 = submitted.body.currentVersion.contentHash;
    expect(submitted.body.currentVersion.parties.host.name).toBe(newHost.name);
    expect(submitted.body.currentVersion.terms.workplace.supervisorId).toBe(newSupervisor);
    for (const token of [
      fw2.studentToken,
      fw2.foundationStaffToken,
      fw2.coordinatorToken,
      newHostRep,
    ])
      expect((await sign(api, token, created.id, hash2)).status).toBe(201);
    const done = await api.http.get(`/api/v1/agreements/${created.id}`).set(bearer(newHostRep));
    expect(done.body).toMatchObject({ status: 'active', inForceVersion: { number: 2 } });

    // The new host now sees the employment (it hosts it); the list of secondments shows both periods.
    const list = await api.http
      .get(`/api/v1/employments/${employment.body.id}/secondments`)
      .set(bearer(newHostRep));
    expect(list.body.data.map((s: { startDate: string }) => s.startDate)).toEqual([
      '2026-09-01',
      '2027-02-01',
    ]);
  });

  it('lists bench days per foundation with alerts over the limit, and tracks a rotation plan', async () => {
    const fw3 = await foundationWorld(api);
    const e = await employ(fw3.coordinatorToken, {
      ...employmentBody(),
      studentId: fw3.studentId,
      employer: { type: 'foundation', id: fw3.foundationId },
    });
    await second(fw3.foundationStaffToken, e.body.id, {
      hostCompanyId: fw3.hostCompanyId,
      startDate: '2026-09-01',
      endDate: '2026-12-31',
    });
    await second(fw3.foundationStaffToken, e.body.id, {
      hostCompanyId: fw3.hostCompanyId,
      startDate: '2027-01-10',
      endDate: '2027-03-31',
    });
    const bench = await api.http
      .get(`/api/v1/foundations/${fw3.foundationId}/bench-days?until=2027-05-31`)
      .set(bearer(fw3.foundationStaffToken));
    expect(bench.status).toBe(200);
    expect(bench.body).toMatchObject({ until: '2027-05-31', alertLimitDays: 14, alerts: 1 });
    expect(
      bench.body.data.map((d: { startDate: string; days: number; alert: boolean }) => [
        d.startDate,
        d.days,
        d.alert,
      ]),
    ).toEqual([
      ['2027-04-01', 61, true],
      ['2027-01-01', 9, false],
    ]);
    const stranger = await foundationStaffToken(api, (await createFoundation(api)).id);
    expect(
      (
        await api.http
          .get(`/api/v1/foundations/${fw3.foundationId}/bench-days`)
          .set(bearer(stranger))
      ).status,
    ).toBe(404);

    const plan = await api.http
      .put(`/api/v1/employments/${e.body.id}/rotation-plan`)
      .set(bearer(fw3.foundationStaffToken))
      .send({
        entries: [
          { hostCompanyId: fw3.hostCompanyId, startDate: '2026-09-01', endDate: '2026-12-31' },
          {
            hostCompanyId: fw3.hostCompanyId,
            startDate: '2027-01-01',
            endDate: '2027-08-31',
            note: 'tweede jaar',
          },
        ],
      });
    expect(plan.status).toBe(200);
    expect(plan.body.data[0]).toMatchObject({
      plannedDays: 122,
      coveredDays: 122,
      status: 'realised',
    });
    expect(plan.body.data[1]).toMatchObject({ plannedDays: 243, coveredDays: 81 });
    expect(plan.body.progress.fraction).toBeCloseTo(203 / 365, 5);
    const bad = await api.http
      .put(`/api/v1/employments/${e.body.id}/rotation-plan`)
      .set(bearer(fw3.foundationStaffToken))
      .send({
        entries: [
          {
            hostCompanyId: (await createCompany(api)).id,
            startDate: '2030-01-01',
            endDate: '2030-02-01',
          },
        ],
      });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((x: { field: string }) => x.field).sort()).toEqual([
      'entries[0]',
      'entries[0].hostCompanyId',
    ]);
  });

  it('shows the foundation its employees across universities, with the current host', async () => {
    const other = await createTenant(api);
    const programme = (
      await api.http
        .post('/api/v1/programmes')
        .set(bearer(other.coordinatorToken))
        .send({
          universityId: other.universityId,
          name: 'Ad Techniek',
          crohoCode: String(80000 + Math.floor(Math.random() * 9999)),
          degree: 'associate',
          level: 5,
          nominalYears: 2,
        })
    ).body;
    const student = (
      await api.http
        .post('/api/v1/students')
        .set(bearer(other.coordinatorToken))
        .send({
          universityId: other.universityId,
          programmeId: programme.id,
          studentNumber: `X${Date.now()}`,
          firstName: 'Anaïs',
          lastName: 'de Wit',
          email: `anais${Date.now()}@test.local`,
          intakeGroup: 'mbo4_graduate',
          priorEducation: 'mbo4',
          cohort: 2026,
        })
    ).body;
    // Recorded by the student's own university: the foundation employs across universities.
    const e = await employ(other.coordinatorToken, { ...employmentBody(), studentId: student.id });
    expect(e.status).toBe(201);
    await second(fw.foundationStaffToken, e.body.id, {
      hostCompanyId: fw.hostCompanyId,
      startDate: '2026-09-01',
      endDate: '2027-08-31',
    });
    const view = await api.http
      .get(`/api/v1/foundations/${fw.foundationId}/overview?until=2026-10-01`)
      .set(bearer(fw.foundationStaffToken));
    expect(view.status).toBe(200);
    const universities = new Set(
      view.body.data.map((r: { universityId: string }) => r.universityId),
    );
    expect(universities.has(other.universityId)).toBe(true);
    expect(universities.has(fw.universityId)).toBe(true);
    expect(
      view.body.data.find((r: { studentId: string }) => r.studentId === student.id),
    ).toMatchObject({
      studentName: 'Anaïs de Wit',
      hostCompanyId: fw.hostCompanyId,
      secondedUntil: '2027-08-31',
    });
    // A university sees only its own students' employments.
    const list = await api.http.get('/api/v1/employments').set(bearer(other.coordinatorToken));
    expect(list.body.data.map((r: { studentId: string }) => r.studentId)).toEqual([student.id]);
    expect(
      (
        await api.http
          .get(`/api/v1/foundations/${fw.foundationId}/overview`)
          .set(bearer(other.coordinatorToken))
      ).status,
    ).toBe(404);
  });

  it('keeps tenants apart: another university and another foundation see nothing (404)', async () => {
    const other = await createTenant(api);
    const otherStaff = await foundationStaffToken(api, (await createFoundation(api)).id);
    for (const token of [other.coordinatorToken, otherStaff]) {
      expect(
        (await api.http.get(`/api/v1/employments/${employmentId}`).set(bearer(token))).status,
      ).toBe(404);
      expect(
        (await api.http.get(`/api/v1/employments/${employmentId}/secondments`).set(bearer(token)))
          .status,
      ).toBe(404);
      const list = await api.http.get('/api/v1/employments').set(bearer(token));
      expect(list.body.data.map((e: { id: string }) => e.id)).not.toContain(employmentId);
    }
    // The foundation sees its employee across universities; the host company sees it too.
    expect(
      (
        await api.http
          .get(`/api/v1/employments/${employmentId}`)
          .set(bearer(fw.foundationStaffToken))
      ).status,
    ).toBe(200);
    expect(
      (await api.http.get(`/api/v1/employments/${employmentId}`).set(bearer(fw.hostRepToken)))
        .status,
    ).toBe(200);
    expect(
      (await api.http.get(`/api/v1/employments/${employmentId}`).set(bearer(fw.studentToken)))
        .status,
    ).toBe(200);
    const stranger = await companyRepToken(api, (await createCompany(api)).id);
    expect(
      (await api.http.get(`/api/v1/employments/${employmentId}`).set(bearer(stranger))).status,
    ).toBe(404);
    // Reading is not writing: the host company may not second.
    const write = await second(fw.hostRepToken, employmentId, {
      hostCompanyId: fw.hostCompanyId,
      startDate: '2028-01-01',
      endDate: '2028-01-31',
    });
    expect(write.status).toBe(403);
  });
});

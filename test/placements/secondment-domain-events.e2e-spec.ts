import type { EntityManager } from 'typeorm';
import {
  PLACEMENT_EVENTS,
  SecondmentEnded,
  SecondmentStarted,
} from '../../src/placements/placement-domain-events';
import { bearer, startApi, TestApi } from '../helpers/api';
import { foundationWorld, FoundationWorld } from '../helpers/agreements';
import { Recorder, recordEvents, scalar } from '../helpers/domain-events';
import { createCompany } from '../helpers/organisations';

/**
 * `secondment.started` and `secondment.ended`, published by the real API in the transaction that
 * records or ends the secondment (a re-secondment publishes both, ended first).
 */
describe('placements: secondment domain events', () => {
  let api: TestApi;
  let fw: FoundationWorld;
  let started: Recorder<SecondmentStarted>;
  let ended: Recorder<SecondmentEnded>;

  const secondmentRow = (m: EntityManager, e: { secondmentId: string }) =>
    scalar(
      m,
      `SELECT concat_ws(' ', start_date, end_date, CASE WHEN ended_at IS NULL THEN 'open' ELSE 'ended' END) FROM secondments WHERE id = $1`,
      [e.secondmentId],
    );

  beforeAll(async () => {
    api = await startApi();
    fw = await foundationWorld(api);
    started = recordEvents<SecondmentStarted>(
      api.app,
      PLACEMENT_EVENTS.secondmentStarted,
      secondmentRow,
    );
    ended = recordEvents<SecondmentEnded>(api.app, PLACEMENT_EVENTS.secondmentEnded, secondmentRow);
  });
  afterAll(() => api?.close());

  async function post(path: string, body: object, status: number, token = fw.foundationStaffToken) {
    const res = await api.http.post(`/api/v1/${path}`).set(bearer(token)).send(body);
    expect([res.status, res.body.detail]).toEqual([status, undefined]);
    return res.body;
  }

  it('started when recorded; ended early; a re-secondment ends one and starts the next', async () => {
    const employment = await post(
      'employments',
      {
        studentId: fw.studentId,
        employer: { type: 'foundation', id: fw.foundationId },
        startDate: '2026-09-01',
        endDate: '2028-08-31',
        contractType: 'fixed_term',
        hoursPerWeek: 32,
      },
      201,
      // The student's university records it (the foundation has no relation with the student yet).
      fw.coordinatorToken,
    );
    const fact = {
      universityId: fw.universityId,
      studentId: fw.studentId,
      foundationId: fw.foundationId,
      employmentId: employment.id,
    };
    const first = await post(
      `employments/${employment.id}/secondments`,
      {
        hostCompanyId: fw.hostCompanyId,
        startDate: '2026-09-01',
        endDate: '2027-08-31',
        supervisorId: fw.hostSupervisorId,
      },
      201,
    );
    const newHost = await createCompany(api);
    const member = await api.http
      .post(`/api/v1/foundations/${fw.foundationId}/members`)
      .set(bearer(api.adminToken))
      .send({ companyIds: [newHost.id] });
    expect(member.status).toBeLessThan(300);
    const resecond = await post(
      `secondments/${first.id}/end`,
      {
        endDate: '2027-01-31',
        reason: 'Geen passend werk meer',
        next: { hostCompanyId: newHost.id, startDate: '2027-02-01', endDate: '2027-12-31' },
      },
      200,
    );
    const second = resecond.next;
    const endedEarly = await post(
      `secondments/${second.id}/end`,
      { endDate: '2027-06-30', reason: 'Bedrijf sluit de afdeling' },
      200,
    );
    expect(endedEarly.next).toBeNull();

    const ofEmployment = (e: { employmentId: string }) => e.employmentId === employment.id;
    expect(started.where(ofEmployment)).toEqual([
      {
        event: {
          type: 'secondment.started',
          secondmentId: first.id,
          ...fact,
          hostCompanyId: fw.hostCompanyId,
          startDate: '2026-09-01',
          endDate: '2027-08-31',
        },
        inside: '2026-09-01 2027-08-31 open',
        outside: null,
      },
      {
        event: {
          type: 'secondment.started',
          secondmentId: second.id,
          ...fact,
          hostCompanyId: newHost.id,
          startDate: '2027-02-01',
          endDate: '2027-12-31',
        },
        inside: '2027-02-01 2027-12-31 open',
        outside: null,
      },
    ]);
    expect(ended.where(ofEmployment)).toEqual([
      {
        event: {
          type: 'secondment.ended',
          secondmentId: first.id,
          ...fact,
          hostCompanyId: fw.hostCompanyId,
          startDate: '2026-09-01',
          endDate: '2027-01-31',
          reason: 'Geen passend werk meer',
          resecondment: true,
        },
        inside: '2026-09-01 2027-01-31 ended',
        outside: '2026-09-01 2027-08-31 open',
      },
      {
        event: {
          type: 'secondment.ended',
          secondmentId: second.id,
          ...fact,
          hostCompanyId: newHost.id,
          startDate: '2027-02-01',
          endDate: '2027-06-30',
          reason: 'Bedrijf sluit de afdeling',
          resecondment: false,
        },
        inside: '2027-02-01 2027-06-30 ended',
        outside: '2027-02-01 2027-12-31 open',
      },
    ]);
  });
});

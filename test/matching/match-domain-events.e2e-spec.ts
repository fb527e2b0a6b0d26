import type { EntityManager } from 'typeorm';
import { MATCHING_EVENTS, MatchAccepted } from '../../src/matching/matching-domain-events';
import { PLACEMENT_EVENTS, SecondmentStarted } from '../../src/placements/placement-domain-events';
import { acceptanceSteps } from '../helpers/acceptance';
import { foundationWorld, FoundationWorld } from '../helpers/agreements';
import { bearer, startApi, TestApi } from '../helpers/api';
import { Recorder, recordEvents, scalar } from '../helpers/domain-events';

/**
 * `match.accepted`, published by the real API in the transaction that accepts the match and
 * places the student (the first secondment of a foundation placement is published with it).
 */
describe('matching: domain events', () => {
  let api: TestApi;
  let fw: FoundationWorld;
  let steps: ReturnType<typeof acceptanceSteps>;
  let accepted: Recorder<MatchAccepted>;
  let started: Recorder<SecondmentStarted>;

  const matchStatus = (m: EntityManager, e: { matchId: string }) =>
    scalar(m, 'SELECT status FROM matches WHERE id = $1', [e.matchId]);

  beforeAll(async () => {
    api = await startApi();
    fw = await foundationWorld(api);
    const student = await api.http
      .get(`/api/v1/students/${fw.studentId}`)
      .set(bearer(fw.coordinatorToken));
    steps = acceptanceSteps(api, fw, student.body.programmeId);
    accepted = recordEvents<MatchAccepted>(api.app, MATCHING_EVENTS.matchAccepted, matchStatus);
    started = recordEvents<SecondmentStarted>(api.app, PLACEMENT_EVENTS.secondmentStarted);
  });
  afterAll(() => api?.close());

  async function accept(vacancyId: string, choices: object = {}) {
    const res = await steps.accept(vacancyId, choices);
    expect([res.status, res.body.detail]).toEqual([200, undefined]);
    return res.body;
  }

  it('a company placement: the employing company, the employment and the draft agreement', async () => {
    const vacancy = await steps.vacancy(
      { foundationId: undefined, companyId: fw.companyId, supervisorId: fw.supervisorId },
      fw.companyRepToken,
    );
    const match = await accept(vacancy.id);
    expect(accepted.where((e) => e.matchId === match.id)).toEqual([
      {
        event: {
          type: 'match.accepted',
          matchId: match.id,
          universityId: fw.universityId,
          studentId: match.studentId,
          vacancyId: vacancy.id,
          companyId: fw.companyId,
          foundationId: null,
          hostCompanyId: null,
          employmentId: match.placement.employmentId,
          agreementId: match.placement.agreementId,
          secondmentId: null,
        },
        inside: 'accepted',
        outside: 'offered',
      },
    ]);
  });

  it('a foundation placement: the foundation employs, the host is named, its first secondment starts', async () => {
    const vacancy = await steps.vacancy({ hostCompanyId: fw.hostCompanyId });
    const match = await accept(vacancy.id, { supervisorId: fw.hostSupervisorId });
    const { employmentId, agreementId, secondmentId } = match.placement;
    expect(secondmentId).toEqual(expect.any(String));
    expect(accepted.where((e) => e.matchId === match.id)).toEqual([
      {
        event: {
          type: 'match.accepted',
          matchId: match.id,
          universityId: fw.universityId,
          studentId: match.studentId,
          vacancyId: vacancy.id,
          companyId: null,
          foundationId: fw.foundationId,
          hostCompanyId: fw.hostCompanyId,
          employmentId,
          agreementId,
          secondmentId,
        },
        inside: 'accepted',
        outside: 'offered',
      },
    ]);
    expect(started.where((e) => e.employmentId === employmentId).map((s) => s.event)).toEqual([
      expect.objectContaining({
        secondmentId,
        universityId: fw.universityId,
        studentId: match.studentId,
        foundationId: fw.foundationId,
        hostCompanyId: fw.hostCompanyId,
      }),
    ]);
  });
});

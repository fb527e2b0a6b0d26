import { ForbiddenError, ValidationError } from '@app/common';
import {
  assertPlacementChoices,
  decideMatch,
  MATCH_STATUSES,
  MatchTransitionRefused,
  OPEN_MATCH_STATUSES,
} from './match-lifecycle';

describe('match lifecycle', () => {
  it('accepts only an offered match, by the coordinator or the student', () => {
    for (const from of MATCH_STATUSES.filter((s) => s !== 'offered'))
      expect(() => decideMatch(from, 'accepted', 'coordinator')).toThrow(MatchTransitionRefused);
    expect(decideMatch('offered', 'accepted', 'student').to).toBe('accepted');
    expect(() => decideMatch('offered', 'accepted', 'company')).toThrow(ForbiddenError);
  });

  it('withdraws from every open state and from no final one', () => {
    for (const from of MATCH_STATUSES) {
      const open = (OPEN_MATCH_STATUSES as readonly string[]).includes(from);
      const attempt = () => decideMatch(from, 'withdrawn', 'coordinator');
      if (open) expect(attempt().to).toBe('withdrawn');
      else expect(attempt).toThrow(MatchTransitionRefused);
    }
  });

  describe('assertPlacementChoices', () => {
    const host = { hostCompanyId: '01a2216e-132d-74d8-ab45-6f7dc60a227d' };

    it('lets any transition through that names no host or supervisor', () => {
      for (const to of MATCH_STATUSES)
        for (const actor of ['coordinator', 'company', 'student'] as const)
          expect(() => assertPlacementChoices(to, actor, {})).not.toThrow();
    });

    it('takes a host or supervisor only when accepting (422 naming the fields)', () => {
      expect(() => assertPlacementChoices('declined', 'coordinator', host)).toThrow(
        ValidationError,
      );
      const refusal = (() => {
        try {
          assertPlacementChoices('offered', 'company', {
            ...host,
            supervisorId: host.hostCompanyId,
          });
        } catch (e) {
          return e as ValidationError;
        }
      })();
      expect(refusal?.status).toBe(422);
      expect((refusal?.extensions.errors as { field: string }[]).map((x) => x.field)).toEqual([
        'hostCompanyId',
        'supervisorId',
      ]);
    });

    it("is the coordinator's to name, not the student's who accepts the offer", () => {
      expect(() => assertPlacementChoices('accepted', 'coordinator', host)).not.toThrow();
      expect(() => assertPlacementChoices('accepted', 'student', host)).toThrow(ForbiddenError);
    });

    it('takes the contract under the same rules as the host and the supervisor', () => {
      const contract = { contractType: 'permanent', contractMonths: 24 };
      expect(() => assertPlacementChoices('accepted', 'coordinator', contract)).not.toThrow();
      expect(() => assertPlacementChoices('accepted', 'student', contract)).toThrow(ForbiddenError);
      const refusal = (() => {
        try {
          assertPlacementChoices('offered', 'coordinator', contract);
        } catch (e) {
          return e as ValidationError;
        }
      })();
      expect((refusal?.extensions.errors as { field: string }[]).map((x) => x.field)).toEqual([
        'contractType',
        'contractMonths',
      ]);
    });
  });
});

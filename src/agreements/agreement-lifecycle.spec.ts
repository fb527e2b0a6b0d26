import {
  AGREEMENT_ACTIONS,
  hasOpenVersion,
  AGREEMENT_STATUSES,
  AgreementAction,
  AgreementStateConflict,
  AgreementStatus,
  decide,
  nextAgreementStatus,
  nextVersionStatus,
  VERSION_STATUSES,
  VersionAction,
  VersionStatus,
} from './agreement-lifecycle';

/** The expected table, written out independently of the implementation. */
const AGREEMENT: Record<AgreementStatus, Partial<Record<AgreementAction, AgreementStatus>>> = {
  draft: { edit: 'draft', submit: 'pending_signatures', cancel: 'cancelled' },
  pending_signatures: {
    sign: 'pending_signatures',
    activate: 'active',
    decline: 'draft',
    cancel: 'cancelled',
  },
  active: {
    amend: 'active',
    edit: 'active',
    submit: 'active',
    sign: 'active',
    activate: 'active',
    decline: 'active',
    withdraw: 'active',
    complete: 'completed',
    terminate: 'terminated',
  },
  completed: {},
  terminated: {},
  cancelled: {},
};

const VERSION_ACTIONS: VersionAction[] = [
  'edit',
  'submit',
  'sign',
  'activate',
  'decline',
  'cancel',
  'amend',
  'withdraw',
  'supersede',
];
const VERSION: Record<VersionStatus, Partial<Record<VersionAction, VersionStatus>>> = {
  draft: {
    edit: 'draft',
    submit: 'pending_signatures',
    cancel: 'cancelled',
    withdraw: 'cancelled',
  },
  pending_signatures: {
    sign: 'pending_signatures',
    activate: 'active',
    decline: 'declined',
    cancel: 'cancelled',
    withdraw: 'cancelled',
  },
  active: { amend: 'active', supersede: 'superseded' },
  superseded: {},
  declined: {},
  cancelled: {},
};

describe('agreement lifecycle', () => {
  for (const from of AGREEMENT_STATUSES) {
    for (const action of AGREEMENT_ACTIONS) {
      const to = AGREEMENT[from][action];
      it(`agreement ${from} --${action}--> ${to ?? '409'}`, () => {
        if (to) expect(nextAgreementStatus(from, action)).toBe(to);
        else expect(() => nextAgreementStatus(from, action)).toThrow(AgreementStateConflict);
      });
    }
  }

  for (const from of VERSION_STATUSES) {
    for (const action of VERSION_ACTIONS) {
      const to = VERSION[from][action];
      it(`version ${from} --${action}--> ${to ?? '409'}`, () => {
        if (to) expect(nextVersionStatus(from, action)).toBe(to);
        else expect(() => nextVersionStatus(from, action)).toThrow(AgreementStateConflict);
      });
    }
  }

  it('counts only draft and pending versions as open (withdrawable)', () => {
    expect(VERSION_STATUSES.filter(hasOpenVersion)).toEqual(['draft', 'pending_signatures']);
  });

  it('withdraws an open amendment but keeps the agreement active', () => {
    expect(decide('active', 'pending_signatures', 'withdraw')).toEqual({
      agreement: { from: 'active', to: 'active' },
      version: { from: 'pending_signatures', to: 'cancelled' },
    });
    expect(() => decide('active', 'active', 'withdraw')).toThrow(
      "The agreement's current version is active, so it cannot be withdrawn.",
    );
    expect(() => decide('draft', 'draft', 'withdraw')).toThrow(
      'The agreement is draft, so it cannot be withdrawn.',
    );
  });

  it('names the current state in a 409', () => {
    try {
      nextAgreementStatus('cancelled', 'sign');
      fail('expected a conflict');
    } catch (error) {
      const e = error as AgreementStateConflict;
      expect(e.status).toBe(409);
      expect(e.type).toBe('agreement-state-conflict');
      expect(e.extensions).toMatchObject({ currentState: 'cancelled', action: 'sign' });
      expect(e.message).toBe('The agreement is cancelled, so it cannot be signed.');
    }
  });

  it('decides agreement and version together', () => {
    expect(decide('pending_signatures', 'pending_signatures', 'decline')).toEqual({
      agreement: { from: 'pending_signatures', to: 'draft' },
      version: { from: 'pending_signatures', to: 'declined' },
    });
    // An amendment in draft on an active agreement: submitting keeps the agreement active.
    expect(decide('active', 'draft', 'submit').agreement.to).toBe('active');
    // A second amendment while one is open is refused by the version table.
    expect(() => decide('active', 'draft', 'amend')).toThrow(AgreementStateConflict);
    // Completing acts on the agreement only.
    expect(decide('active', 'pending_signatures', 'complete')).toEqual({
      agreement: { from: 'active', to: 'completed' },
      version: null,
    });
  });
});

import { ConflictError } from '@app/common';

export const AGREEMENT_STATUSES = [
  'draft',
  'pending_signatures',
  'active',
  'completed',
  'terminated',
  'cancelled',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const VERSION_STATUSES = [
  'draft',
  'pending_signatures',
  'active',
  'superseded',
  'declined',
  'cancelled',
] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/**
 * What callers ask for. `sign` is a signature that leaves others awaited; `activate` is the last
 * required signature; `withdraw` drops an open amendment of an active agreement (the version in
 * force stays); `supersede` happens to the version in force when an amendment activates.
 */
export const AGREEMENT_ACTIONS = [
  'edit',
  'submit',
  'sign',
  'activate',
  'decline',
  'cancel',
  'amend',
  'withdraw',
  'complete',
  'terminate',
] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];
export type VersionAction = Exclude<AgreementAction, 'complete' | 'terminate'> | 'supersede';

export const COMPLETION_OUTCOMES = ['graduated_on_time', 'graduated_with_delay'] as const;
export type CompletionOutcome = (typeof COMPLETION_OUTCOMES)[number];
export const TERMINATION_REASONS = [
  'dropout',
  'employer_switch',
  'terminated_by_employer',
  'terminated_by_student',
  'terminated_by_university',
] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

export interface Transition<S, A> {
  from: S;
  action: A;
  to: S;
}

/**
 * The agreement as a whole. While an agreement is active, an amendment runs through draft and
 * pending signatures on a new version; the agreement itself stays active on the version in force.
 */
export const AGREEMENT_TRANSITIONS: readonly Transition<AgreementStatus, AgreementAction>[] = [
  { from: 'draft', action: 'edit', to: 'draft' },
  { from: 'draft', action: 'submit', to: 'pending_signatures' },
  { from: 'draft', action: 'cancel', to: 'cancelled' },
  { from: 'pending_signatures', action: 'sign', to: 'pending_signatures' },
  { from: 'pending_signatures', action: 'activate', to: 'active' },
  { from: 'pending_signatures', action: 'decline', to: 'draft' },
  { from: 'pending_signatures', action: 'cancel', to: 'cancelled' },
  { from: 'active', action: 'amend', to: 'active' },
  { from: 'active', action: 'edit', to: 'active' },
  { from: 'active', action: 'submit', to: 'active' },
  { from: 'active', action: 'sign', to: 'active' },
  { from: 'active', action: 'activate', to: 'active' },
  { from: 'active', action: 'decline', to: 'active' },
  { from: 'active', action: 'withdraw', to: 'active' },
  { from: 'active', action: 'complete', to: 'completed' },
  { from: 'active', action: 'terminate', to: 'terminated' },
];

/** The current (newest) version. A declined version is followed by a new draft at once. */
export const VERSION_TRANSITIONS: readonly Transition<VersionStatus, VersionAction>[] = [
  { from: 'draft', action: 'edit', to: 'draft' },
  { from: 'draft', action: 'submit', to: 'pending_signatures' },
  { from: 'draft', action: 'cancel', to: 'cancelled' },
  { from: 'draft', action: 'withdraw', to: 'cancelled' },
  { from: 'pending_signatures', action: 'sign', to: 'pending_signatures' },
  { from: 'pending_signatures', action: 'activate', to: 'active' },
  { from: 'pending_signatures', action: 'decline', to: 'declined' },
  { from: 'pending_signatures', action: 'cancel', to: 'cancelled' },
  { from: 'pending_signatures', action: 'withdraw', to: 'cancelled' },
  // Amending leaves the version in force active; the amendment is a new draft version.
  { from: 'active', action: 'amend', to: 'active' },
  { from: 'active', action: 'supersede', to: 'superseded' },
];

const VERBS: Record<AgreementAction | VersionAction, string> = {
  edit: 'edited',
  submit: 'submitted for signature',
  sign: 'signed',
  activate: 'signed',
  decline: 'declined',
  cancel: 'cancelled',
  amend: 'amended',
  withdraw: 'withdrawn',
  complete: 'completed',
  terminate: 'terminated',
  supersede: 'superseded',
};

/** 409 naming the state the agreement (or its current version) is in and what was asked. */
export class AgreementStateConflict extends ConflictError {
  constructor(subject: 'agreement' | 'version', currentState: string, action: string) {
    const what = subject === 'agreement' ? 'The agreement' : "The agreement's current version";
    super(
      `${what} is ${currentState.replace(/_/g, ' ')}, so it cannot be ${VERBS[action as AgreementAction] ?? action}.`,
      'agreement-state-conflict',
      { currentState, action, subject },
    );
  }
}

export function nextAgreementStatus(
  from: AgreementStatus,
  action: AgreementAction,
): AgreementStatus {
  const t = AGREEMENT_TRANSITIONS.find((x) => x.from === from && x.action === action);
  if (!t) throw new AgreementStateConflict('agreement', from, action);
  return t.to;
}

export function nextVersionStatus(from: VersionStatus, action: VersionAction): VersionStatus {
  const t = VERSION_TRANSITIONS.find((x) => x.from === from && x.action === action);
  if (!t) throw new AgreementStateConflict('version', from, action);
  return t.to;
}

export interface Step {
  agreement: { from: AgreementStatus; to: AgreementStatus };
  version: { from: VersionStatus; to: VersionStatus } | null;
}

/**
 * One step of the whole: the agreement's transition and, for actions on the current version, the
 * version's. `complete` and `terminate` act on the agreement only (an open amendment is withdrawn with it).
 */
export function decide(
  agreement: AgreementStatus,
  version: VersionStatus,
  action: AgreementAction,
): Step {
  const agreementTo = nextAgreementStatus(agreement, action);
  if (action === 'complete' || action === 'terminate') {
    return { agreement: { from: agreement, to: agreementTo }, version: null };
  }
  return {
    agreement: { from: agreement, to: agreementTo },
    version: { from: version, to: nextVersionStatus(version, action) },
  };
}

/** True for a version that is still open (draft or awaiting signatures): one that can be withdrawn. */
export function hasOpenVersion(status: VersionStatus): boolean {
  return VERSION_TRANSITIONS.some((t) => t.from === status && t.action === 'withdraw');
}

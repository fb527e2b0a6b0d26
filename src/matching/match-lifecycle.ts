import { ConflictError, ForbiddenError, ValidationError } from '@app/common';

export const MATCH_STATUSES = [
  'proposed',
  'introduced',
  'interviewing',
  'offered',
  'accepted',
  'declined',
  'withdrawn',
] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** Who acts: the coordinator (or admin) drives; the company and the student act on their own matches. */
export type MatchActor = 'coordinator' | 'company' | 'student';

interface MatchTransition {
  from: MatchStatus;
  to: MatchStatus;
  by: readonly MatchActor[];
}

const ALL: readonly MatchActor[] = ['coordinator', 'company', 'student'];
const OPEN: readonly MatchStatus[] = ['proposed', 'introduced', 'interviewing', 'offered'];

/**
 * DOMAIN "Matching and placement": proposed → introduced → interviewing → offered → accepted,
 * or declined/withdrawn from any open state. The coordinator introduces; the company invites to
 * interview and offers; the student accepts. Declining is either side's; withdrawing is the
 * coordinator's (the proposal is taken back). Accepted, declined and withdrawn are final.
 */
export const MATCH_TRANSITIONS: readonly MatchTransition[] = [
  { from: 'proposed', to: 'introduced', by: ['coordinator'] },
  { from: 'introduced', to: 'interviewing', by: ['coordinator', 'company'] },
  { from: 'introduced', to: 'offered', by: ['coordinator', 'company'] },
  { from: 'interviewing', to: 'offered', by: ['coordinator', 'company'] },
  { from: 'offered', to: 'accepted', by: ['coordinator', 'student'] },
  ...OPEN.map((from) => ({ from, to: 'declined' as const, by: ALL })),
  ...OPEN.map((from) => ({ from, to: 'withdrawn' as const, by: ['coordinator'] as const })),
];

/** Declining and withdrawing must say why. */
export const NEEDS_REASON: readonly MatchStatus[] = ['declined', 'withdrawn'];

/** Open: still moving; accepting one closes the others of its student (and of a filled vacancy). */
export const OPEN_MATCH_STATUSES = OPEN;

/** Why the system withdrew an open match when another was accepted (the match's lastReason). */
export const WITHDRAWAL_REASONS = {
  studentPlaced: 'student_placed',
  vacancyFilled: 'vacancy_filled',
} as const;

/**
 * What a transition body may name besides `to` and `reason`: the first host, the supervisor and
 * the contract, only when accepting, and only by the coordinator's side (the student accepts the
 * offer; where they work is for the coordinator or the foundation, which edits the vacancy's host).
 */
export function assertPlacementChoices(
  to: MatchStatus,
  actor: MatchActor,
  choices: {
    hostCompanyId?: string;
    supervisorId?: string;
    contractType?: string;
    contractMonths?: number;
  },
): void {
  const named = (
    ['hostCompanyId', 'supervisorId', 'contractType', 'contractMonths'] as const
  ).filter((k) => choices[k]);
  if (named.length === 0) return;
  if (to !== 'accepted') {
    throw new ValidationError(
      named.map((field) => ({ field, message: 'can only be named when accepting a match' })),
    );
  }
  if (actor !== 'coordinator') {
    throw new ForbiddenError(
      `Only the coordinator names the host, the supervisor or the contract when accepting (${named.join(', ')}); the foundation names the vacancy's host (PATCH /vacancies/:id).`,
    );
  }
}

export class MatchTransitionRefused extends ConflictError {
  constructor(detail: string, from: MatchStatus, to: MatchStatus) {
    super(detail, 'match-state-conflict', { currentState: from, requested: to });
  }
}

/** The transition if the table allows it: 409 naming the current state if not, 403 if not for this actor. */
export function decideMatch(
  from: MatchStatus,
  to: MatchStatus,
  actor: MatchActor,
): MatchTransition {
  const candidates = MATCH_TRANSITIONS.filter((t) => t.from === from && t.to === to);
  if (candidates.length === 0) {
    const allowed = MATCH_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
    throw new MatchTransitionRefused(
      `The match is ${from}, so it cannot become ${to}${allowed.length ? ` (possible: ${[...new Set(allowed)].join(', ')})` : ' (it is final)'}.`,
      from,
      to,
    );
  }
  const transition = candidates.find((t) => t.by.includes(actor));
  if (!transition) {
    // Allowed in the table, but not for this party: a permission problem, not a state conflict.
    throw new ForbiddenError(
      `A ${actor} cannot move a match from ${from} to ${to}; the ${candidates[0].by.join(' or ')} can.`,
    );
  }
  return transition;
}

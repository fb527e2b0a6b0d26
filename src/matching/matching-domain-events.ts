import type { DomainEvent } from '@app/common';

/**
 * What happens in matching that other modules react to (webhooks), published through
 * DomainEvents inside the transaction that makes it happen.
 */
export const MATCHING_EVENTS = {
  /** A match was accepted: the student is placed (employment, draft agreement, first secondment). */
  matchAccepted: 'match.accepted',
} as const;

export interface MatchAccepted extends DomainEvent<typeof MATCHING_EVENTS.matchAccepted> {
  matchId: string;
  /** The student's university: who may hear of it. */
  universityId: string;
  studentId: string;
  vacancyId: string;
  /** The employing company; null when a foundation employs. */
  companyId: string | null;
  /** The employing foundation; null when a company employs. */
  foundationId: string | null;
  /** A foundation placement's first host; null for a company, or a student starting on the bench. */
  hostCompanyId: string | null;
  /** What the acceptance made: the employment, the draft agreement, the first secondment if any. */
  employmentId: string;
  agreementId: string;
  secondmentId: string | null;
}

export type MatchingDomainEvent = MatchAccepted;

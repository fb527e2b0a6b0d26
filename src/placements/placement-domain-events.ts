import type { DomainEvent } from '@app/common';

/**
 * What happens to placements that other modules react to (webhooks), published through
 * DomainEvents inside the transaction that makes it happen.
 */
export const PLACEMENT_EVENTS = {
  /**
   * A secondment was recorded: by the foundation, as the next period of a re-secondment, or by
   * accepting a foundation match. Its start date may lie in the future.
   */
  secondmentStarted: 'secondment.started',
  /** A secondment was ended (early, or on its planned end date): `endDate` is its last day. */
  secondmentEnded: 'secondment.ended',
} as const;

interface SecondmentFact {
  secondmentId: string;
  /** The student's university: who may hear of it. */
  universityId: string;
  studentId: string;
  /** The employing foundation and the employment the secondment belongs to. */
  foundationId: string;
  employmentId: string;
  hostCompanyId: string;
  /** ISO dates (YYYY-MM-DD), both inclusive. */
  startDate: string;
  endDate: string;
}

export interface SecondmentStarted
  extends DomainEvent<typeof PLACEMENT_EVENTS.secondmentStarted>, SecondmentFact {}

export interface SecondmentEnded
  extends DomainEvent<typeof PLACEMENT_EVENTS.secondmentEnded>, SecondmentFact {
  reason: string;
  /** True when the same operation starts the next secondment (secondment.started follows). */
  resecondment: boolean;
}

export type PlacementDomainEvent = SecondmentStarted | SecondmentEnded;

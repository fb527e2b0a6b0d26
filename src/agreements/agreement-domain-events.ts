import type { DomainEvent } from '@app/common';
import type { CompletionOutcome, TerminationReason } from './agreement-lifecycle';
import type { Party } from './dto/agreement.dto';
import type { SignatureMethod } from './entities/agreement-signature.entity';

/**
 * What happens in an agreement that other modules react to (documents, webhooks), published
 * through DomainEvents inside the transaction that makes it happen. Named after the agreement's
 * own facts, the same ones its audit trail records ('submitted', 'signed', 'activated', ...).
 * Every event names the student and the student's university (subscribers scope by it) and
 * nothing a reader outside the platform must not see: no signer e-mail, no signing token.
 */
export const AGREEMENT_EVENTS = {
  /** A draft was frozen: parties snapshotted, content hashed, awaiting every party's signature. */
  versionSubmitted: 'agreement.version-submitted',
  /** One party signed the pending version (published before `version-activated` when it is the last). */
  signed: 'agreement.signed',
  /** A party declined the pending version; a new draft carries its terms. */
  declined: 'agreement.declined',
  /** The last required signature arrived: the version is in force (any previous one superseded). */
  versionActivated: 'agreement.version-activated',
  /** The agreement ended as planned: the student graduated. */
  completed: 'agreement.completed',
  /** The agreement ended early. */
  terminated: 'agreement.terminated',
} as const;

/** Whose agreement an event is about. */
interface AgreementFact {
  agreementId: string;
  /** The student's university: who may hear of it. */
  universityId: string;
  studentId: string;
}

/** The version an event is about; `contentHash` is what every signature binds to. */
interface VersionFact extends AgreementFact {
  version: number;
  contentHash: string;
}

export interface AgreementVersionSubmitted
  extends DomainEvent<typeof AGREEMENT_EVENTS.versionSubmitted>, VersionFact {}

export interface AgreementSigned extends DomainEvent<typeof AGREEMENT_EVENTS.signed>, VersionFact {
  party: Party;
  /** Signed with an account or through a signing link. */
  method: SignatureMethod;
  /** ISO 8601. */
  signedAt: string;
}

export interface AgreementDeclined
  extends DomainEvent<typeof AGREEMENT_EVENTS.declined>, AgreementFact {
  /** The declined version. */
  version: number;
  party: Party;
  reason: string;
}

export interface AgreementVersionActivated
  extends DomainEvent<typeof AGREEMENT_EVENTS.versionActivated>, VersionFact {}

export interface AgreementCompleted
  extends DomainEvent<typeof AGREEMENT_EVENTS.completed>, AgreementFact {
  outcome: CompletionOutcome;
  stayedWithEmployer: boolean;
}

export interface AgreementTerminated
  extends DomainEvent<typeof AGREEMENT_EVENTS.terminated>, AgreementFact {
  reason: TerminationReason;
  employmentContinued: boolean;
}

export type AgreementDomainEvent =
  | AgreementVersionSubmitted
  | AgreementSigned
  | AgreementDeclined
  | AgreementVersionActivated
  | AgreementCompleted
  | AgreementTerminated;

/** The student and university every event of agreement `a` names. */
export function agreementFact(a: {
  id: string;
  universityId: string;
  studentId: string;
}): AgreementFact {
  return { agreementId: a.id, universityId: a.universityId, studentId: a.studentId };
}

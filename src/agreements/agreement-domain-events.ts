import type { DomainEvent } from '@app/common';

/**
 * What happens in an agreement that other modules react to (documents today; webhooks and e-mail
 * later), published through DomainEvents inside the transaction that makes it happen. Named after
 * the agreement's own facts, the same ones its audit trail records ('submitted', 'activated').
 */
export const AGREEMENT_EVENTS = {
  /** A draft was frozen: parties snapshotted, content hashed, awaiting every party's signature. */
  versionSubmitted: 'agreement.version-submitted',
  /** The last required signature arrived: the version is in force (any previous one superseded). */
  versionActivated: 'agreement.version-activated',
} as const;

/** The version an event is about; `contentHash` is what every signature binds to. */
interface VersionFact {
  agreementId: string;
  version: number;
  contentHash: string;
}

export interface AgreementVersionSubmitted
  extends DomainEvent<typeof AGREEMENT_EVENTS.versionSubmitted>, VersionFact {}

export interface AgreementVersionActivated
  extends DomainEvent<typeof AGREEMENT_EVENTS.versionActivated>, VersionFact {}

export type AgreementDomainEvent = AgreementVersionSubmitted | AgreementVersionActivated;

import { canonicalJson, sha256Hex } from '@app/common';

/** Hash of "no previous event": the chain of every agreement starts from it. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an agreement event that the chain protects. */
export interface ChainedEventFields {
  agreementId: string;
  seq: number;
  at: string; // ISO-8601 UTC
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  versionNumber: number | null;
  reason: string | null;
  data: Record<string, unknown>;
}

export interface ChainedEvent extends ChainedEventFields {
  prevHash: string;
  hash: string;
}

export function eventHash(prevHash: string, fields: ChainedEventFields): string {
  return sha256Hex(prevHash + canonicalJson(pickFields(fields)));
}

/** Extends a chain: the next event's seq, prevHash and hash follow from the last event (or none). */
export function chainNext(
  last: Pick<ChainedEvent, 'seq' | 'hash'> | null,
  fields: Omit<ChainedEventFields, 'seq'>,
): ChainedEvent {
  const full: ChainedEventFields = { ...fields, seq: (last?.seq ?? 0) + 1 };
  const prevHash = last?.hash ?? GENESIS_HASH;
  return { ...full, prevHash, hash: eventHash(prevHash, full) };
}

export interface ChainCheck {
  valid: boolean;
  /** The seq of the first event that does not fit, or null. */
  brokenAt: number | null;
}

/** Recomputes every link: a changed, removed, reordered or inserted event breaks the chain. */
export function verifyChain(events: readonly ChainedEvent[]): ChainCheck {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.seq !== i + 1 || e.prevHash !== prev || eventHash(prev, e) !== e.hash) {
      return { valid: false, brokenAt: e.seq };
    }
    prev = e.hash;
  }
  return { valid: true, brokenAt: null };
}

function pickFields(e: ChainedEventFields): ChainedEventFields {
  return {
    agreementId: e.agreementId,
    seq: e.seq,
    at: e.at,
    actorKind: e.actorKind,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    versionNumber: e.versionNumber,
    reason: e.reason,
    data: e.data,
  };
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Party } from '../agreements/dto/agreement.dto';

export type TokenCheck = 'ok' | 'expired' | 'invalid';

/** What a signer did through the sign page, as their receipt says it. */
export type ReceiptOutcome = 'signed' | 'declined';

/** Who did what to which version; a receipt is valid for that party's signer only. */
export interface ReceiptSubject {
  agreementId: string;
  version: number;
  party: Party;
  outcome: ReceiptOutcome;
}

export interface Receipt extends ReceiptSubject {
  expiresAt: Date;
}

const PARTY_CODE: Record<Party, string> = {
  student: 's',
  university: 'u',
  employer: 'e',
  host: 'h',
};
const OUTCOME_CODE: Record<ReceiptOutcome, string> = { signed: 's', declined: 'd' };
const PARTY_OF = Object.fromEntries(Object.entries(PARTY_CODE).map(([p, c]) => [c, p as Party]));
/** A path segment (Fastify takes at most 100 characters): uuid.version.<party><outcome>.expiry.mac */
const RECEIPT =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{1,6})\.([sueh])([sd])\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/;
/** A receipt's MAC is HMAC-SHA256 cut to 128 bits, which keeps the address short. */
const RECEIPT_MAC_CHARS = 22;
const FORM_TOKEN = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * Short-lived values the pages hand out and take back, each an HMAC-SHA256 under a key of their
 * own (derived from the server secret, so no new secret to manage and none shared with JWTs):
 * - a form token: the hidden field of a form post, bound to what the form acts on (a signing
 *   token, or the verify form) and an expiry, so a post that did not come from a page we rendered
 *   for that very link is refused (CSRF);
 * - a receipt: the address of a signer's confirmation page, bound to the agreement version, the
 *   party they signed (or declined) for and what they did, so the signer can come back to it
 *   (and download the sealed PDF) after the one-time link is spent, and nobody can make one up
 *   for another version or party.
 * Nothing is stored: the MAC is the proof. Comparisons are constant-time.
 */
export class FormTokens {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    this.key = createHmac('sha256', serverSecret)
      .update('dualroute pages: forms and receipts v1')
      .digest();
  }

  /** A form token for `scope` (e.g. `sign:<token>`), valid for ttlMs from now. */
  formToken(scope: string, now: Date, ttlMs: number): string {
    const expires = epochSeconds(now.getTime() + ttlMs);
    return `${expires}.${this.mac(`form\n${scope}\n${expires}`)}`;
  }

  checkFormToken(scope: string, value: unknown, now: Date): TokenCheck {
    const m = typeof value === 'string' ? FORM_TOKEN.exec(value) : null;
    if (!m || !this.macMatches(`form\n${scope}\n${m[1]}`, m[2])) return 'invalid';
    return expired(m[1], now) ? 'expired' : 'ok';
  }

  receipt(subject: ReceiptSubject, expiresAt: Date): string {
    const { agreementId, version, party, outcome } = subject;
    const codes = PARTY_CODE[party] + OUTCOME_CODE[outcome];
    const body = `${agreementId}.${version}.${codes}.${epochSeconds(expiresAt.getTime())}`;
    return `${body}.${this.receiptMac(body)}`;
  }

  /** The receipt's content when its MAC holds; `expired` or `invalid` otherwise. */
  readReceipt(value: string, now: Date): Receipt | 'expired' | 'invalid' {
    const m = RECEIPT.exec(value);
    if (!m) return 'invalid';
    const [, agreementId, version, party, outcome, expires, mac] = m;
    const body = value.slice(0, value.length - mac.length - 1);
    if (!constantTimeEqual(this.receiptMac(body), mac)) return 'invalid';
    if (expired(expires, now)) return 'expired';
    return {
      agreementId,
      version: Number(version),
      party: PARTY_OF[party],
      outcome: outcome === 's' ? 'signed' : 'declined',
      expiresAt: new Date(parseInt(expires, 36) * 1000),
    };
  }

  private receiptMac(body: string): string {
    return this.mac(`receipt\n${body}`).slice(0, RECEIPT_MAC_CHARS);
  }

  private mac(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }

  private macMatches(data: string, given: string): boolean {
    return constantTimeEqual(this.mac(data), given);
  }
}

function constantTimeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function epochSeconds(ms: number): string {
  return Math.floor(ms / 1000).toString(36);
}

function expired(epochBase36: string, now: Date): boolean {
  return parseInt(epochBase36, 36) * 1000 <= now.getTime();
}

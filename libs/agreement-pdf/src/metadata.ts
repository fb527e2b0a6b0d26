/**
 * What the PDF says about itself, so a verifier can tell which agreement version a file is:
 * Keywords `agreement:<id>`, `version:<n>`, `contentHash:<hex>`, `kind:<preview|signed>`.
 * Dates and the trailer /ID are derived from the document, never from the clock, so the same
 * input always renders to the same bytes.
 */
import { createHash } from 'node:crypto';
import type { AgreementDocument } from './agreement-document';

export type RenderKind = 'preview' | 'signed';

export interface AgreementIdentity {
  agreementId: string;
  version: number;
  contentHash: string;
  kind?: RenderKind;
}

export function agreementKeywords(doc: AgreementDocument, kind: RenderKind): string[] {
  return [
    `agreement:${doc.agreementId}`,
    `version:${doc.version}`,
    `contentHash:${doc.contentHash}`,
    `kind:${kind}`,
  ];
}

/** Reads the identity back from a Keywords string (pdf-lib joins keywords with spaces). */
export function parseAgreementKeywords(
  keywords: string | undefined,
): AgreementIdentity | undefined {
  if (!keywords) return undefined;
  const values = new Map<string, string>();
  for (const token of keywords.split(/[\s,;]+/)) {
    const at = token.indexOf(':');
    if (at > 0 && !values.has(token.slice(0, at)))
      values.set(token.slice(0, at), token.slice(at + 1));
  }
  const agreementId = values.get('agreement');
  const version = Number(values.get('version'));
  const contentHash = values.get('contentHash');
  if (
    !agreementId ||
    !Number.isInteger(version) ||
    version < 1 ||
    !contentHash ||
    !/^[0-9a-f]{64}$/i.test(contentHash)
  ) {
    return undefined;
  }
  const kind = values.get('kind');
  return {
    agreementId,
    version,
    contentHash: contentHash.toLowerCase(),
    kind: kind === 'preview' || kind === 'signed' ? kind : undefined,
  };
}

/**
 * The document's date: the last signature or event (the moment the version reached the state
 * the PDF shows). Falls back to the start date, then to the Unix epoch.
 */
export function documentDate(doc: AgreementDocument): Date {
  let latest = Number.NEGATIVE_INFINITY;
  for (const iso of [...doc.signatures.map((s) => s.signedAt), ...doc.events.map((e) => e.at)]) {
    const t = Date.parse(iso);
    if (Number.isFinite(t) && t > latest) latest = t;
  }
  if (Number.isFinite(latest)) return new Date(latest);
  const start = Date.parse(doc.terms?.startDate ?? '');
  return new Date(Number.isFinite(start) ? start : 0);
}

/**
 * 16 bytes of SHA-256 over the whole input: the trailer /ID (both halves). Same input, same ID;
 * a preview re-rendered after another signature (different input) gets a different ID.
 */
export function documentId(doc: AgreementDocument, kind: RenderKind): string {
  return createHash('sha256')
    .update(`${kind}\u0000${JSON.stringify(doc)}`)
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
}

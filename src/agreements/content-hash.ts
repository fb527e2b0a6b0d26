import type { AgreementTerms } from './agreement-terms.types';
import { canonicalJson, sha256Hex } from '@app/common';

/** The parties as they were when the version was submitted; frozen with the terms. */
export interface PartiesSnapshot {
  student: { name: string; studentNumber: string };
  university: { name: string; brinCode: string };
  employer: { type: 'company' | 'foundation'; name: string; kvkNumber: string };
  host: { name: string; kvkNumber: string } | null;
  supervisor: { name: string; email: string; hoursPerWeek: number; trained: boolean };
  programme: { name: string; crohoCode: string; degree: string };
  cohort: number;
}

/**
 * What a signature binds to. The agreement id and version number are part of it, so a hash names
 * exactly one version: a signature (or a signing link) made for one version can never match the
 * next one, even when a decline leaves its terms unchanged.
 */
export interface VersionContent {
  agreementId: string;
  version: number;
  language: 'nl' | 'en';
  parties: PartiesSnapshot;
  terms: AgreementTerms;
}

/** The canonical serialisation (keys sorted at every level, no whitespace) of a version's content. */
export function contentOf(content: VersionContent): string {
  const { agreementId, version, language, parties, terms } = content;
  return canonicalJson({ agreementId, version, language, parties, terms });
}

/** SHA-256 (hex) of the canonical content; the same data in any key order → the same hash. */
export function contentHash(content: VersionContent): string {
  return sha256Hex(contentOf(content));
}

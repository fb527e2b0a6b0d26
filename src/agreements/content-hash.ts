import type { AgreementTerms } from '@app/agreement-pdf/agreement-document';
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

/** What a signature binds to: the canonical serialisation of terms and parties. */
export function contentOf(terms: AgreementTerms, parties: PartiesSnapshot): string {
  return canonicalJson({ parties, terms });
}

/** SHA-256 (hex) of the version's canonical content; the same data in any key order → the same hash. */
export function contentHash(terms: AgreementTerms, parties: PartiesSnapshot): string {
  return sha256Hex(contentOf(terms, parties));
}

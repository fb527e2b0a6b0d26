/**
 * What a tripartite agreement document shows: the frozen version of an agreement with its
 * parties, terms, signatures and audit trail. Plain data, no Nest, no database: the application
 * builds it from a version; this library turns it into PDF bytes and seals them.
 */

export type Language = 'nl' | 'en';
export type PartyRole = 'student' | 'university' | 'employer' | 'host';
export type ContractType = 'fixed_term' | 'permanent';
export type CostCovered = 'laptop' | 'books' | 'travel' | 'exam_fees';
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/**
 * The terms as the document prints them, and nothing more: the body's articles read exactly these
 * fields (ids and classifications the document does not print stay with the caller's model).
 * Amounts in euro cents, dates YYYY-MM-DD.
 */
export interface DocumentTerms {
  startDate: string; // YYYY-MM-DD
  endDate: string; // YYYY-MM-DD
  employment: {
    contractType: ContractType;
    contractMonths: number;
    hoursPerWeek: number;
    grossMonthlySalaryCents: number;
    functionTitle: string;
  };
  workplace: { location: string };
  studySupport: {
    paidStudyHoursPerWeek: number;
    tuitionReimbursedPercent: number;
    costsCovered: CostCovered[];
    schoolDays: Weekday[];
  };
  /** The repayment clause (BW 7:611a) when one is agreed. */
  repayment: { percent: number; monthsAfterGraduation: number; linearDecline: boolean } | null;
  monitoring: { progressMeetingEveryWeeks: number; workplaceVisitsPerYear: number };
  competences: { name: string; assessment: string }[];
  termination: { noticeWeeks: number; earlyTerminationGrounds: string[] };
}

/** A party as frozen into the version (names and identifiers as they were when submitted). */
export interface DocumentParty {
  role: PartyRole;
  /** Organisation or person name, e.g. "Avans Hogeschool", "De Jong Bouw B.V.", "Zoë Çelik". */
  name: string;
  /** "BRIN 07GR", "KvK 12345678", "studentnummer 2586121". */
  identifier: string;
  /** Extra lines (address, programme, ...). */
  details?: string[];
}

export interface DocumentSupervisor {
  name: string;
  email: string;
  hoursPerWeek: number;
  trained: boolean;
}

/** A date from which the salary must rise to the statutory minimum (a birthday, new rates). */
export interface DocumentMinimumWageRise {
  from: string; // YYYY-MM-DD
  minimumMonthlyCents: number;
  /** The student's age on that date, when known. */
  age: number | null;
}

export interface DocumentSignature {
  party: PartyRole;
  signerName: string;
  signerEmail: string;
  signedAt: string; // ISO-8601 UTC
  ipAddress: string | null;
  userAgent: string | null;
  method: 'account' | 'signing_link';
  contentHash: string;
}

export interface DocumentEvent {
  at: string; // ISO-8601 UTC
  actor: string;
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
}

export interface AgreementDocument {
  agreementId: string;
  version: number;
  /** SHA-256 (hex) of the version's canonical terms and parties; printed on every page. */
  contentHash: string;
  language: Language;
  /** Printed on every page: where and how to verify (e.g. "https://…/verify · ref AB12-CD34"). */
  verificationReference: string;
  programme: { name: string; crohoCode: string; degree: 'associate' | 'bachelor' };
  cohort: number;
  parties: DocumentParty[];
  supervisor: DocumentSupervisor;
  terms: DocumentTerms;
  /** Printed with the salary; absent or empty when the salary stays legal throughout. */
  minimumWageRises?: DocumentMinimumWageRise[];
  signatures: DocumentSignature[];
  events: DocumentEvent[];
}

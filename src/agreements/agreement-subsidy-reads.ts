import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AgreementStatus } from './agreement-lifecycle';
import type { EmploymentRef } from './agreement-placement-reads';

/** An employment's agreement that was signed by every party and in force, as evidence. */
export interface SignedAgreement {
  id: string;
  status: AgreementStatus;
  /** The content hash of the version in force (the one every party signed). */
  contentHash: string;
  /** The period of work the version in force states (terms.startDate). */
  from: string;
  /**
   * Its last day: the version's terms.endDate, or the day it was completed or terminated when
   * that came earlier.
   */
  to: string;
}

/** Agreements that were ever in force: a fully signed version exists. */
const SIGNED_STATUSES: AgreementStatus[] = ['active', 'completed', 'terminated'];

/**
 * What reporting reads of agreements for the practical-learning subsidy: per employment, the
 * fully signed tripartite agreement (the one it names, else the student's newest signed one with
 * the same employer) and the period it was in force. A version is frozen and signed only after it
 * passed the terms rules, which require the WHW art. 7.7(5) minimum contents.
 */
@Injectable()
export class AgreementSubsidyReads {
  /** One query for the whole list, in the caller's transaction; null where none was signed. */
  async signedOfEmployments(
    manager: EntityManager,
    employments: EmploymentRef[],
  ): Promise<(SignedAgreement | null)[]> {
    if (employments.length === 0) return [];
    const rows: (SignedAgreement & { ord: string })[] = await manager.query(
      `SELECT r.ord, a.id, a.status, v.content_hash AS "contentHash",
              v.terms ->> 'startDate' AS "from",
              to_char(LEAST((v.terms ->> 'endDate')::date,
                            (a.closed_at AT TIME ZONE 'UTC')::date), 'YYYY-MM-DD') AS "to"
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[])
              WITH ORDINALITY AS r(student_id, employer_company_id, employer_foundation_id, agreement_id, ord)
         JOIN LATERAL (
           SELECT ag.id, ag.status, ag.in_force_version_number, ag.closed_at
             FROM agreements ag
            WHERE ag.student_id = r.student_id
              AND (ag.employer_company_id = r.employer_company_id
                   OR ag.employer_foundation_id = r.employer_foundation_id)
              AND ag.status = ANY($5::text[]) AND ag.in_force_version_number IS NOT NULL
            ORDER BY (ag.id = r.agreement_id) DESC, ag.created_at DESC
            LIMIT 1) a ON true
         JOIN agreement_versions v ON v.agreement_id = a.id AND v.number = a.in_force_version_number`,
      [
        employments.map((e) => e.studentId),
        employments.map((e) => e.employerCompanyId),
        employments.map((e) => e.employerFoundationId),
        employments.map((e) => e.agreementId),
        SIGNED_STATUSES,
      ],
    );
    const found: (SignedAgreement | null)[] = employments.map(() => null);
    for (const { ord, ...agreement } of rows) found[Number(ord) - 1] = agreement;
    return found;
  }
}

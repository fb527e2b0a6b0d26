import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AgreementStatus } from './agreement-lifecycle';

/** An employment as the placements module knows it, to find its agreement by. */
export interface EmploymentRef {
  studentId: string;
  employerCompanyId: string | null;
  employerFoundationId: string | null;
  /** The agreement the employment names, when it names one (it wins over any other). */
  agreementId: string | null;
}

/** An employment's agreement and the supervisor its in-force (else current) version names. */
export interface EmploymentAgreement {
  id: string;
  status: AgreementStatus;
  /** `terms.workplace.supervisorId` of that version (null: none named). */
  supervisorId: string | null;
  /** The coaching hours that version froze for its supervisor (null: none frozen). */
  supervisorHoursPerWeek: number | null;
}

/**
 * What the placements module reads of agreements. An employment's agreement is the one it names,
 * else the student's newest agreement with the same employer, among the statuses asked for.
 */
@Injectable()
export class AgreementPlacementReads {
  /**
   * The agreement of each employment, in the order given (null where it has none): one query for
   * the whole list, in the caller's transaction.
   */
  async ofEmployments(
    manager: EntityManager,
    employments: EmploymentRef[],
    statuses?: AgreementStatus[],
  ): Promise<(EmploymentAgreement | null)[]> {
    if (employments.length === 0) return [];
    const rows: (EmploymentAgreement & { ord: string })[] = await manager.query(
      `SELECT r.ord, a.id, a.status,
              v.terms #>> '{workplace,supervisorId}' AS "supervisorId",
              (v.parties #>> '{supervisor,hoursPerWeek}')::float8 AS "supervisorHoursPerWeek"
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[])
              WITH ORDINALITY AS r(student_id, employer_company_id, employer_foundation_id, agreement_id, ord)
         JOIN LATERAL (
           SELECT ag.id, ag.status, COALESCE(ag.in_force_version_number, ag.current_version_number) AS number
             FROM agreements ag
            WHERE ag.student_id = r.student_id
              AND (ag.employer_company_id = r.employer_company_id
                   OR ag.employer_foundation_id = r.employer_foundation_id)
              AND ($5::text[] IS NULL OR ag.status = ANY($5::text[]))
            ORDER BY (ag.id = r.agreement_id) DESC, ag.created_at DESC
            LIMIT 1) a ON true
         LEFT JOIN agreement_versions v ON v.agreement_id = a.id AND v.number = a.number`,
      [
        employments.map((e) => e.studentId),
        employments.map((e) => e.employerCompanyId),
        employments.map((e) => e.employerFoundationId),
        employments.map((e) => e.agreementId),
        statuses ?? null,
      ],
    );
    const found: (EmploymentAgreement | null)[] = employments.map(() => null);
    for (const { ord, ...agreement } of rows) found[Number(ord) - 1] = agreement;
    return found;
  }
}

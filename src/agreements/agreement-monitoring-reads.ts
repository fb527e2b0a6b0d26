import { isUuid, Principal, scopeCondition } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AgreementStatus } from './agreement-lifecycle';
import { AGREEMENT_SCOPE } from './agreement-scope';
import type { EmployerType } from './entities/agreement.entity';

/** An agreement as the monitoring module knows it: who the parties are, its period and cadence. */
export interface MonitoredAgreement {
  id: string;
  status: AgreementStatus;
  studentId: string;
  universityId: string;
  employerType: EmployerType;
  employerCompanyId: string | null;
  employerFoundationId: string | null;
  /** The host the version in force (else the current one) names: the student is seconded there. */
  hostCompanyId: string | null;
  /** The period of that version's terms (YYYY-MM-DD). */
  startDate: string;
  endDate: string;
  monitoring: { progressMeetingEveryWeeks: number; workplaceVisitsPerYear: number };
}

/** Which active agreements a due list considers; every filter narrows in SQL. */
export interface ActiveAgreementFilter {
  universityId?: string;
  foundationId?: string;
  /** Employer or host. */
  companyId?: string;
  studentIds?: string[];
}

const SELECT = `SELECT a.id, a.status, a.student_id AS "studentId", a.university_id AS "universityId",
       a.employer_type AS "employerType", a.employer_company_id AS "employerCompanyId",
       a.employer_foundation_id AS "employerFoundationId",
       COALESCE(v.host_company_id, a.host_company_id) AS "hostCompanyId",
       v.terms ->> 'startDate' AS "startDate", v.terms ->> 'endDate' AS "endDate",
       v.terms -> 'monitoring' AS monitoring
  FROM agreements a
  JOIN agreement_versions v
    ON v.agreement_id = a.id AND v.number = COALESCE(a.in_force_version_number, a.current_version_number)`;

/**
 * What the monitoring module reads of agreements. Visibility follows AGREEMENT_SCOPE, the same
 * rule every agreement read obeys, so an agreement the caller cannot open reads as missing here.
 */
@Injectable()
export class AgreementMonitoringReads {
  /** The agreement, if the principal may see it (null: missing or out of scope, both a 404). */
  async visible(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<MonitoredAgreement | null> {
    if (!isUuid(id)) return null;
    const scope = scopeCondition('a', principal, AGREEMENT_SCOPE);
    const [sql, params] = manager.connection.driver.escapeQueryWithParameters(
      `${SELECT} WHERE a.id = :__id AND (${scope.sql})`,
      { ...scope.params, __id: id },
      {},
    );
    const rows: MonitoredAgreement[] = await manager.query(sql, params);
    return rows[0] ?? null;
  }

  /**
   * Active agreements in the principal's scope matching the filter, by id, from `from` on (the
   * agreement itself included or not): one page of at most `limit`, for a list computed over them.
   */
  async activePage(
    manager: EntityManager,
    principal: Principal,
    filter: ActiveAgreementFilter,
    from: { id: string; inclusive: boolean } | null,
    limit: number,
  ): Promise<MonitoredAgreement[]> {
    const scope = scopeCondition('a', principal, AGREEMENT_SCOPE);
    const where = [`a.status = 'active'`, `(${scope.sql})`];
    const params: Record<string, unknown> = { ...scope.params, __limit: limit };
    const add = (sql: string, name: string, value: unknown) => {
      where.push(sql);
      params[name] = value;
    };
    if (from) add(`a.id ${from.inclusive ? '>=' : '>'} :__from`, '__from', from.id);
    if (filter.universityId) add('a.university_id = :__uni', '__uni', filter.universityId);
    if (filter.foundationId)
      add('a.employer_foundation_id = :__foundation', '__foundation', filter.foundationId);
    if (filter.companyId)
      add(
        '(a.employer_company_id = :__company OR a.host_company_id = :__company)',
        '__company',
        filter.companyId,
      );
    if (filter.studentIds) add('a.student_id = ANY(:__students)', '__students', filter.studentIds);
    const [sql, bound] = manager.connection.driver.escapeQueryWithParameters(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY a.id LIMIT :__limit`,
      params,
      {},
    );
    return manager.query(sql, bound);
  }

  /** Where each agreement's student works (the host when seconded, else the employer), by id. */
  async workplaces(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string | null }[] = await manager.query(
      `SELECT a.id, COALESCE(v.parties -> 'host' ->> 'name', v.parties -> 'employer' ->> 'name') AS name
         FROM agreements a
         JOIN agreement_versions v
           ON v.agreement_id = a.id AND v.number = COALESCE(a.in_force_version_number, a.current_version_number)
        WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.filter((r) => r.name).map((r) => [r.id, r.name!]));
  }
}

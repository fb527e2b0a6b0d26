import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EmployerType } from './entities/employment.entity';

/** An employment of an employer as the subsidy report needs it. */
export interface SubsidyEmployment {
  id: string;
  studentId: string;
  universityId: string;
  employerCompanyId: string | null;
  employerFoundationId: string | null;
  agreementId: string | null;
  startDate: string;
  /** Null for an open-ended (permanent) employment. */
  endDate: string | null;
}

/** A span of weeks of one employment to count (weeks whose Monday lies in [from, to]). */
export interface WeekSpan {
  employmentId: string;
  from: string;
  to: string;
}

export interface WeekCounts {
  guided: number;
  illness: number;
  holiday: number;
  other: number;
  /** Sum of the supervisor's recorded hours over those weeks. */
  supervisorHours: number;
}

export const NO_WEEKS: WeekCounts = {
  guided: 0,
  illness: 0,
  holiday: 0,
  other: 0,
  supervisorHours: 0,
};

/**
 * What reporting reads of placements for subsidy evidence: an employer's employments over a date
 * range, and the guidance log counted per employment by SQL aggregation. Unscoped facts: the
 * caller has established that it may read this employer's report. Each method is one query
 * whatever the number of employments, in the caller's transaction.
 */
@Injectable()
export class PlacementSubsidyReads {
  /**
   * The employer's employments that share a day with [from, to], by start date; `universityId`
   * narrows to one university's students (a reader limited to one university).
   */
  employmentsOfEmployer(
    manager: EntityManager,
    employer: { type: EmployerType; id: string },
    range: { from: string; to: string },
    universityId: string | null,
  ): Promise<SubsidyEmployment[]> {
    const column = employer.type === 'company' ? 'employer_company_id' : 'employer_foundation_id';
    return manager.query(
      `SELECT e.id, e.student_id AS "studentId", e.university_id AS "universityId",
              e.employer_company_id AS "employerCompanyId", e.employer_foundation_id AS "employerFoundationId",
              e.agreement_id AS "agreementId",
              to_char(e.start_date, 'YYYY-MM-DD') AS "startDate", to_char(e.end_date, 'YYYY-MM-DD') AS "endDate"
         FROM employments e
        WHERE e.${column} = $1 AND e.start_date <= $3 AND (e.end_date IS NULL OR e.end_date >= $2)
          AND ($4::uuid IS NULL OR e.university_id = $4)
        ORDER BY e.start_date, e.id`,
      [employer.id, range.from, range.to, universityId],
    );
  }

  /**
   * Guided weeks and absences by reason per span (by the unique (employment, week) index), keyed
   * by employment id; an employment without weeks in its span is absent from the map.
   */
  async weekCounts(manager: EntityManager, spans: WeekSpan[]): Promise<Map<string, WeekCounts>> {
    if (spans.length === 0) return new Map();
    const rows: (WeekCounts & { employmentId: string })[] = await manager.query(
      `SELECT s.employment_id AS "employmentId",
              count(*) FILTER (WHERE g.guided)::int AS guided,
              count(*) FILTER (WHERE g.absence_reason = 'illness')::int AS illness,
              count(*) FILTER (WHERE g.absence_reason = 'holiday')::int AS holiday,
              count(*) FILTER (WHERE g.absence_reason = 'other')::int AS other,
              COALESCE(sum(g.supervisor_hours), 0)::float8 AS "supervisorHours"
         FROM unnest($1::uuid[], $2::date[], $3::date[]) AS s(employment_id, from_date, to_date)
         JOIN guidance_weeks g ON g.employment_id = s.employment_id
                              AND g.week_start BETWEEN s.from_date AND s.to_date
        GROUP BY s.employment_id`,
      [spans.map((s) => s.employmentId), spans.map((s) => s.from), spans.map((s) => s.to)],
    );
    return new Map(rows.map(({ employmentId, ...counts }) => [employmentId, counts]));
  }
}

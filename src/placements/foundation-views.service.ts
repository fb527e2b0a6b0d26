import {
  Clock,
  decodeKeyCursor,
  DEFAULT_LIMIT,
  encodeKeyCursor,
  NotFoundError,
  pageByKey,
  Principal,
  SortKeyPart,
  toCalendarDate,
  universityLimit,
} from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { AgreementPlacementReads } from '../agreements/agreement-placement-reads';
import { DirectoryReads } from '../directory/directory-reads';
import { fullName, StudentReads } from '../students/student-reads';
import { BenchDaysQueryDto } from './dto/placement.dto';
import { gaps, lengthInDays, OpenPeriod, Period, periodColumns } from './periods';
import { placementsConfig } from './placements.config';

/**
 * Foundation-wide lists: the foundation's own staff and admins; anyone else finds no such
 * foundation. Returns the university a staff member is limited to (null: all universities).
 */
function assertFoundationReader(principal: Principal, foundationId: string): string | null {
  const own = principal.role === 'foundation_staff' && principal.foundationId === foundationId;
  if (principal.role !== 'admin' && !own) throw new NotFoundError('Foundation', foundationId);
  return universityLimit(principal);
}

/** A row of the overview as the employments and secondments give it. */
interface OverviewEmployment {
  employmentId: string;
  studentId: string;
  universityId: string;
  startDate: string;
  endDate: string | null;
  hostCompanyId: string | null;
  secondedUntil: string | null;
  employerFoundationId: string;
  agreementId: string | null;
}

/** Bench days go longest first (days descending), then by start date and employment. */
const BENCH_DAYS_KEY: SortKeyPart[] = ['number', 'date', 'uuid'];
/** The overview goes by employment start date, then employment id. */
const OVERVIEW_KEY: SortKeyPart[] = ['date', 'uuid'];

/** The foundation's views over its employees across universities: bench days and the overview. */
@Injectable()
export class FoundationViewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(placementsConfig.KEY) private readonly config: ConfigType<typeof placementsConfig>,
    private readonly students: StudentReads,
    private readonly directory: DirectoryReads,
    private readonly agreements: AgreementPlacementReads,
  ) {}

  /**
   * Gaps without a host in the foundation's running employments, longest first, a page at a time;
   * `alerts` counts those over the limit in the whole list.
   */
  async benchDays(principal: Principal, foundationId: string, query: BenchDaysQueryDto) {
    const universityId = assertFoundationReader(principal, foundationId);
    const until = query.until ?? toCalendarDate(this.clock.now());
    const employments: (OpenPeriod & { id: string; studentId: string })[] =
      await this.dataSource.query(
        `SELECT e.id, e.student_id AS "studentId", ${periodColumns('e.')}
         FROM employments e
        WHERE e.employer_foundation_id = $1 AND e.start_date <= $2 AND ($3::uuid IS NULL OR e.university_id = $3)
        ORDER BY e.start_date, e.id`,
        [foundationId, until, universityId],
      );
    const periods: (Period & { employmentId: string })[] = await this.dataSource.query(
      `SELECT employment_id AS "employmentId", ${periodColumns()} FROM secondments WHERE foundation_id = $1`,
      [foundationId],
    );
    const byEmployment = new Map<string, Period[]>();
    for (const p of periods)
      byEmployment.set(p.employmentId, [...(byEmployment.get(p.employmentId) ?? []), p]);
    const students = await this.students.studentsByIds(
      this.dataSource.manager,
      employments.map((e) => e.studentId),
    );
    const limit = this.config.benchDaysAlertLimit;
    const data = employments.flatMap((e) =>
      gaps(e, byEmployment.get(e.id) ?? [], until).map((gap) => {
        const days = lengthInDays(gap);
        return {
          employmentId: e.id,
          studentId: e.studentId,
          studentName: fullName(students.get(e.studentId)!),
          ...gap,
          days,
          alert: days > limit,
        };
      }),
    );
    // Longest first; the gaps are computed, so the page is cut from them (keyset on the sort key).
    const page = pageByKey(
      data,
      (gap) => [-gap.days, gap.startDate, gap.employmentId],
      BENCH_DAYS_KEY,
      query,
    );
    return {
      until,
      alertLimitDays: limit,
      alerts: data.filter((d) => d.alert).length,
      ...page,
    };
  }

  /**
   * The foundation's view across universities: each employee with their employment, the host
   * they are at on `until` (today by default) and the agreement's state; paged by start date
   * and employment id (keyset, in SQL).
   */
  async foundationOverview(principal: Principal, foundationId: string, query: BenchDaysQueryDto) {
    const universityId = assertFoundationReader(principal, foundationId);
    const on = query.until ?? toCalendarDate(this.clock.now());
    const limit = query.limit ?? DEFAULT_LIMIT;
    const [afterStart, afterId] = query.cursor
      ? decodeKeyCursor(query.cursor, OVERVIEW_KEY)
      : [null, null];
    const rows: OverviewEmployment[] = await this.dataSource.query(
      `SELECT e.id AS "employmentId", e.student_id AS "studentId", e.university_id AS "universityId",
              to_char(e.start_date, 'YYYY-MM-DD') AS "startDate", to_char(e.end_date, 'YYYY-MM-DD') AS "endDate",
              cur.host_company_id AS "hostCompanyId", to_char(cur.end_date, 'YYYY-MM-DD') AS "secondedUntil",
              e.employer_foundation_id AS "employerFoundationId", e.agreement_id AS "agreementId"
         FROM employments e
         LEFT JOIN secondments cur ON cur.employment_id = e.id AND $2 BETWEEN cur.start_date AND cur.end_date
        WHERE e.employer_foundation_id = $1 AND (e.end_date IS NULL OR e.end_date >= $2) AND ($3::uuid IS NULL OR e.university_id = $3)
          AND ($4::date IS NULL OR (e.start_date, e.id) > ($4::date, $5::uuid))
        ORDER BY e.start_date, e.id
        LIMIT $6`,
      [foundationId, on, universityId, afterStart, afterId, limit + 1],
    );
    const data = await this.overviewRows(rows.slice(0, limit));
    const last = data[data.length - 1];
    const nextCursor =
      rows.length > limit ? encodeKeyCursor([last.startDate, last.employmentId]) : null;
    return { foundationId, on, data, nextCursor };
  }

  /** The page's names (students, universities, hosts) and agreements, one read each. */
  private async overviewRows(employments: OverviewEmployment[]) {
    const manager = this.dataSource.manager;
    const students = await this.students.studentsByIds(
      manager,
      employments.map((e) => e.studentId),
    );
    const universities = await this.directory.universitiesByIds(
      manager,
      employments.map((e) => e.universityId),
    );
    const hosts = await this.directory.companiesByIds(
      manager,
      employments.flatMap((e) => (e.hostCompanyId ? [e.hostCompanyId] : [])),
    );
    const agreements = await this.agreements.ofEmployments(
      manager,
      employments.map((e) => ({ ...e, employerCompanyId: null })),
    );
    return employments.map((e, i) => ({
      employmentId: e.employmentId,
      studentId: e.studentId,
      studentName: fullName(students.get(e.studentId)!),
      universityId: e.universityId,
      universityName: universities.get(e.universityId)?.name,
      startDate: e.startDate,
      endDate: e.endDate,
      hostCompanyId: e.hostCompanyId,
      hostName: e.hostCompanyId ? (hosts.get(e.hostCompanyId)?.name ?? null) : null,
      secondedUntil: e.secondedUntil,
      agreementId: agreements[i]?.id ?? null,
      agreementStatus: agreements[i]?.status ?? null,
    }));
  }
}

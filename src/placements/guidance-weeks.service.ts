import {
  addDays,
  AuditService,
  daysBetween,
  ForbiddenError,
  newId,
  Principal,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  GuidanceWeekDto,
  GuidanceWeekListDto,
  GuidanceWeeksQueryDto,
  PutGuidanceWeeksDto,
} from './dto/guidance.dto';
import { EmploymentsService } from './employments.service';
import { Employment } from './entities/employment.entity';
import { guidanceWeekErrors, GuidanceWeekInput, weekInside } from './guidance-rules';
import { periodColumns } from './periods';

/** The longest span one GET returns: three years of weeks (~157 rows), so a read stays bounded. */
const MAX_SPAN_DAYS = 3 * 366;

const WEEK_COLUMNS = `to_char(week_start, 'YYYY-MM-DD') AS "weekStart", guided,
  absence_reason AS "absenceReason", supervisor_hours::float8 AS "supervisorHours", updated_at AS "updatedAt"`;

/**
 * The guidance log of an employment: one row per week, guided or absent with a reason, with the
 * supervisor's hours. Written in bulk (an upsert per week, one transaction, audited) by the
 * employer, the host for weeks of its secondments, or the student's university; read by whoever
 * sees the employment (the student their own).
 */
@Injectable()
export class GuidanceWeeksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employments: EmploymentsService,
    private readonly audit: AuditService,
  ) {}

  put(principal: Principal, employmentId: string, dto: PutGuidanceWeeksDto) {
    return this.dataSource.transaction(async (manager) => {
      const employment = await this.employments.get(
        principal,
        employmentId,
        manager,
        'pessimistic_write',
      );
      await this.assertWriter(manager, principal, employment, dto.weeks);
      const errors = guidanceWeekErrors(dto.weeks, employment);
      if (errors.length) throw new ValidationError(errors);
      await manager.query(
        `INSERT INTO guidance_weeks (id, employment_id, week_start, guided, absence_reason, supervisor_hours)
         SELECT w.id, $1, w.week_start, w.guided, w.absence_reason, w.supervisor_hours
           FROM unnest($2::uuid[], $3::date[], $4::boolean[], $5::text[], $6::numeric[])
                AS w(id, week_start, guided, absence_reason, supervisor_hours)
         ON CONFLICT (employment_id, week_start) DO UPDATE
            SET guided = EXCLUDED.guided, absence_reason = EXCLUDED.absence_reason,
                supervisor_hours = EXCLUDED.supervisor_hours, updated_at = now()`,
        [
          employment.id,
          dto.weeks.map(() => newId()),
          dto.weeks.map((w) => w.weekStart),
          dto.weeks.map((w) => w.guided),
          dto.weeks.map((w) => w.absenceReason ?? null),
          dto.weeks.map((w) => w.supervisorHours ?? null),
        ],
      );
      // The log's totals on the employment move with the log, in the same transaction.
      await manager.query(
        `UPDATE employments e SET guided_hours_sum = t.hours_sum, guided_hours_weeks = t.weeks
           FROM (SELECT COALESCE(sum(supervisor_hours), 0) AS hours_sum, count(*)::int AS weeks
                   FROM guidance_weeks
                  WHERE employment_id = $1 AND guided AND supervisor_hours IS NOT NULL) t
          WHERE e.id = $1`,
        [employment.id],
      );
      await this.audit.record(manager, principal, {
        resourceType: 'employment',
        resourceId: employment.id,
        action: 'guidance_weeks_recorded',
        universityId: employment.universityId,
        data: { weeks: dto.weeks },
      });
      const data: GuidanceWeekDto[] = await manager.query(
        `SELECT ${WEEK_COLUMNS} FROM guidance_weeks
          WHERE employment_id = $1 AND week_start = ANY($2::date[]) ORDER BY week_start`,
        [employment.id, dto.weeks.map((w) => w.weekStart)],
      );
      return { employmentId: employment.id, data };
    });
  }

  async list(
    principal: Principal,
    employmentId: string,
    query: GuidanceWeeksQueryDto,
  ): Promise<GuidanceWeekListDto> {
    const employment = await this.employments.get(principal, employmentId);
    const from = query.from ?? employment.startDate;
    const to = query.to ?? addDays(from, MAX_SPAN_DAYS);
    if (to < from)
      throw new ValidationError(
        [{ field: 'to', message: `must not be before from (${from})` }],
        400,
      );
    if (daysBetween(from, to) > MAX_SPAN_DAYS)
      throw new ValidationError(
        [
          {
            field: 'to',
            message: `at most ${MAX_SPAN_DAYS} days after from; ask for the rest in another call`,
          },
        ],
        400,
      );
    const data: GuidanceWeekDto[] = await this.dataSource.query(
      `SELECT ${WEEK_COLUMNS} FROM guidance_weeks
        WHERE employment_id = $1 AND week_start BETWEEN $2 AND $3 ORDER BY week_start`,
      [employment.id, from, to],
    );
    return { employmentId: employment.id, from, to, data };
  }

  /**
   * Who writes the log: an admin; the student's university's coordinator; the employer (its
   * company's rep, or the employing foundation's staff); a host company's rep, only for weeks of a
   * secondment at that company. Everyone else who sees the employment reads only.
   */
  private async assertWriter(
    manager: EntityManager,
    principal: Principal,
    employment: Employment,
    weeks: GuidanceWeekInput[],
  ): Promise<void> {
    switch (principal.role) {
      case 'admin':
        return;
      case 'coordinator':
        if (principal.universityId === employment.universityId) return;
        break;
      case 'foundation_staff':
        if (principal.foundationId && principal.foundationId === employment.employerFoundationId)
          return;
        break;
      case 'company_rep':
        if (principal.companyId && principal.companyId === employment.employerCompanyId) return;
        if (
          principal.companyId &&
          (await this.hostsAll(manager, employment, principal.companyId, weeks))
        )
          return;
        if (principal.companyId && employment.employerType === 'foundation')
          throw new ForbiddenError(
            'A host company records guidance weeks only for weeks of a secondment at that company.',
          );
        break;
    }
    throw new ForbiddenError(
      "Only the employer, a host for its secondment's weeks, or the student's university records guidance weeks.",
    );
  }

  /** Whether every week shares a day with a secondment of this employment at the company. */
  private async hostsAll(
    manager: EntityManager,
    employment: Employment,
    companyId: string,
    weeks: GuidanceWeekInput[],
  ): Promise<boolean> {
    const periods: { startDate: string; endDate: string }[] = await manager.query(
      `SELECT ${periodColumns()} FROM secondments WHERE employment_id = $1 AND host_company_id = $2`,
      [employment.id, companyId],
    );
    return (
      periods.length > 0 && weeks.every((w) => periods.some((p) => weekInside(w.weekStart, p)))
    );
  }
}

import {
  AuditService,
  Clock,
  newId,
  Principal,
  toCalendarDate,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { RotationPlanDto } from './dto/placement.dto';
import { EmploymentsService } from './employments.service';
import { Employment } from './entities/employment.entity';
import { RotationPlanEntry } from './entities/rotation-plan-entry.entity';
import {
  gaps,
  inside,
  lengthInDays,
  overlaps,
  Period,
  periodColumns,
  periodLabel,
} from './periods';

/**
 * Rotation plans of foundation employments: the hosts and periods a foundation plans for its
 * employee, and how far actual secondments have realised them.
 */
@Injectable()
export class RotationPlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employments: EmploymentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly directory: DirectoryReads,
  ) {}

  async rotationPlan(principal: Principal, employmentId: string) {
    const employment = await this.employments.get(principal, employmentId);
    return this.planWithProgress(this.dataSource.manager, employment);
  }

  /** Replaces the plan: planned hosts (members of the foundation) and periods inside the employment. */
  replaceRotationPlan(principal: Principal, employmentId: string, dto: RotationPlanDto) {
    return this.dataSource.transaction(async (manager) => {
      const employment = await this.employments.getWritable(manager, principal, employmentId);
      const members = await this.directory.memberCompanies(
        manager,
        employment.employerFoundationId,
        dto.entries.map((e) => e.hostCompanyId),
      );
      const errors = [];
      for (const [i, entry] of dto.entries.entries()) {
        if (entry.endDate < entry.startDate || !inside(entry, employment)) {
          errors.push({
            field: `entries[${i}]`,
            message: `must lie within the employment (${periodLabel(employment)})`,
          });
        }
        if (!members.has(entry.hostCompanyId))
          errors.push({
            field: `entries[${i}].hostCompanyId`,
            message: 'is not a member company of the foundation',
          });
        const clash = dto.entries.findIndex((other, j) => j < i && overlaps(other, entry));
        if (clash >= 0)
          errors.push({ field: `entries[${i}]`, message: `overlaps entries[${clash}]` });
      }
      if (errors.length) throw new ValidationError(errors);
      await manager.delete(RotationPlanEntry, { employmentId });
      if (dto.entries.length) {
        await manager.insert(
          RotationPlanEntry,
          dto.entries.map((e) => ({
            id: newId(),
            employmentId,
            hostCompanyId: e.hostCompanyId,
            startDate: e.startDate,
            endDate: e.endDate,
            note: e.note ?? null,
          })),
        );
      }
      await this.audit.record(manager, principal, {
        resourceType: 'employment',
        resourceId: employmentId,
        action: 'rotation_plan_replaced',
        universityId: employment.universityId,
        data: { entries: dto.entries.length },
      });
      return this.planWithProgress(manager, employment);
    });
  }

  /** Each planned period with how much of it a secondment at that host actually covered. */
  private async planWithProgress(manager: EntityManager, employment: Employment) {
    const entries: (Period & { id: string; hostCompanyId: string; note: string | null })[] =
      await manager.query(
        `SELECT id, host_company_id AS "hostCompanyId", note, ${periodColumns()} FROM rotation_plan_entries WHERE employment_id = $1 ORDER BY start_date`,
        [employment.id],
      );
    const actual: (Period & { hostCompanyId: string })[] = await manager.query(
      `SELECT host_company_id AS "hostCompanyId", ${periodColumns()} FROM secondments WHERE employment_id = $1`,
      [employment.id],
    );
    const today = toCalendarDate(this.clock.now());
    const data = entries.map((entry) => {
      const plannedDays = lengthInDays(entry);
      const uncovered = gaps(
        entry,
        actual.filter((a) => a.hostCompanyId === entry.hostCompanyId),
        entry.endDate,
      );
      const coveredDays = plannedDays - uncovered.reduce((n, g) => n + lengthInDays(g), 0);
      const status =
        entry.startDate > today
          ? 'planned'
          : coveredDays === plannedDays
            ? 'realised'
            : coveredDays > 0
              ? 'partly_realised'
              : entry.endDate < today
                ? 'missed'
                : 'due';
      return { ...entry, plannedDays, coveredDays, status };
    });
    const planned = data.reduce((n, d) => n + d.plannedDays, 0);
    const covered = data.reduce((n, d) => n + d.coveredDays, 0);
    return {
      employmentId: employment.id,
      data,
      progress: {
        plannedDays: planned,
        coveredDays: covered,
        fraction: planned ? covered / planned : 0,
      },
    };
  }
}

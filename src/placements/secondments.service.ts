import {
  AuditService,
  Clock,
  ConflictError,
  DomainEvents,
  newId,
  NotFoundError,
  Principal,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AgreementPlacementReads } from '../agreements/agreement-placement-reads';
import { AgreementTransitionsService } from '../agreements/agreement-transitions.service';
import { DirectoryReads } from '../directory/directory-reads';
import { CreateSecondmentDto, EndSecondmentDto } from './dto/placement.dto';
import { EmploymentsService } from './employments.service';
import { Employment } from './entities/employment.entity';
import { Secondment } from './entities/secondment.entity';
import { inside, overlaps, Period, periodColumns, periodLabel } from './periods';
import { PLACEMENT_EVENTS, SecondmentEnded, SecondmentStarted } from './placement-domain-events';

/**
 * Secondments of foundation employments: periods at member host companies, inside the
 * employment and never overlapping (checked here with clear messages, enforced again by
 * PostgreSQL); re-secondments (end one, start the next, draft the agreement's amendment for the
 * new host). Rotation plans live in RotationPlansService, the foundation-wide views in
 * FoundationViewsService.
 */
@Injectable()
export class SecondmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employments: EmploymentsService,
    private readonly transitions: AgreementTransitionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly directory: DirectoryReads,
    private readonly agreements: AgreementPlacementReads,
    private readonly domainEvents: DomainEvents,
  ) {}

  create(
    principal: Principal,
    employmentId: string,
    dto: CreateSecondmentDto,
  ): Promise<Secondment> {
    return this.dataSource.transaction(async (manager) => {
      const employment = await this.employments.getWritable(manager, principal, employmentId);
      return this.insertIn(manager, principal, employment, dto);
    });
  }

  async list(principal: Principal, employmentId: string): Promise<{ data: Secondment[] }> {
    const employment = await this.employments.get(principal, employmentId);
    const data = await this.dataSource.manager.find(Secondment, {
      where: { employmentId: employment.id },
      order: { startDate: 'ASC' },
    });
    return { data };
  }

  async get(
    principal: Principal,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Secondment> {
    const secondment = await manager.findOneBy(Secondment, { id });
    if (!secondment) throw new NotFoundError('Secondment', id);
    await this.employments.get(principal, secondment.employmentId, manager).catch((error) => {
      throw error instanceof NotFoundError ? new NotFoundError('Secondment', id) : error;
    });
    return secondment;
  }

  /**
   * Ends a secondment on `endDate`. With `next`, a re-secondment: the next period starts at the
   * new host, and the employment's active agreement gets a draft amendment naming the new host
   * and supervisor, which that host signs (agreement flow). One transaction.
   */
  end(principal: Principal, id: string, dto: EndSecondmentDto) {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(principal, id, manager);
      const employment = await this.employments.getWritable(
        manager,
        principal,
        current.employmentId,
      );
      if (current.endedAt) {
        throw new ConflictError(
          `Secondment ${id} already ended on ${current.endDate}.`,
          'secondment-ended',
        );
      }
      if (dto.endDate < current.startDate || dto.endDate > current.endDate) {
        throw new ValidationError([
          {
            field: 'endDate',
            message: `must lie within the secondment (${current.startDate} – ${current.endDate})`,
          },
        ]);
      }
      await manager.update(
        Secondment,
        { id },
        { endDate: dto.endDate, endedAt: this.clock.now(), endReason: dto.reason },
      );
      await this.audit.record(manager, principal, {
        resourceType: 'secondment',
        resourceId: id,
        action: 'ended',
        universityId: employment.universityId,
        data: { endDate: dto.endDate, reason: dto.reason, resecondment: !!dto.next },
      });
      await this.domainEvents.publish<SecondmentEnded>(manager, {
        type: PLACEMENT_EVENTS.secondmentEnded,
        ...secondmentFact({ ...current, endDate: dto.endDate }, employment),
        reason: dto.reason,
        resecondment: !!dto.next,
      });
      if (!dto.next)
        return {
          ended: await manager.findOneByOrFail(Secondment, { id }),
          next: null,
          amendment: null,
        };
      if (dto.next.startDate <= dto.endDate) {
        throw new ValidationError([
          {
            field: 'next.startDate',
            message: `must be after the end of this secondment (${dto.endDate})`,
          },
        ]);
      }
      const next = await this.insertIn(manager, principal, employment, dto.next, 'next.');
      const amendment = await this.amendAgreement(
        manager,
        principal,
        employment,
        dto.next,
        dto.reason,
      );
      return { ended: await manager.findOneByOrFail(Secondment, { id }), next, amendment };
    });
  }

  /** Inserts a secondment inside the caller's transaction (also when a match is accepted). */
  async insertIn(
    manager: EntityManager,
    principal: Principal,
    employment: Employment,
    dto: CreateSecondmentDto,
    prefix = '',
  ): Promise<Secondment> {
    const field = (name: string) => `${prefix}${name}`;
    if (employment.employerType !== 'foundation') {
      throw new ValidationError([
        {
          field: 'employmentId',
          message:
            'only a foundation employment has secondments (a company employs its students itself)',
        },
      ]);
    }
    const errors = [];
    if (dto.endDate < dto.startDate)
      errors.push({
        field: field('endDate'),
        message: `must not be before the start date ${dto.startDate}`,
      });
    else if (!inside(dto, employment)) {
      errors.push({
        field: field('startDate'),
        message: `the secondment must lie within the employment (${periodLabel(employment)})`,
      });
    }
    const members = await this.directory.memberCompanies(manager, employment.employerFoundationId, [
      dto.hostCompanyId,
    ]);
    if (!members.has(dto.hostCompanyId))
      errors.push({
        field: field('hostCompanyId'),
        message: 'is not a member company of the employing foundation',
      });
    if (dto.supervisorId) {
      const supervisors = await this.directory.supervisorsByIds(manager, [dto.supervisorId]);
      if (supervisors.get(dto.supervisorId)?.companyId !== dto.hostCompanyId)
        errors.push({
          field: field('supervisorId'),
          message: 'is not a supervisor of the host company',
        });
    }
    if (errors.length) throw new ValidationError(errors);
    const existing: (Period & { id: string })[] = await manager.query(
      `SELECT id, ${periodColumns()} FROM secondments WHERE employment_id = $1`,
      [employment.id],
    );
    const clash = existing.find((s) => overlaps(s, dto));
    if (clash) {
      throw new ConflictError(
        `The student is seconded from ${clash.startDate} to ${clash.endDate} already (secondment ${clash.id}); secondments cannot overlap.`,
        'secondment-overlap',
        { secondmentId: clash.id },
      );
    }
    const secondment = manager.create(Secondment, {
      id: newId(),
      employmentId: employment.id,
      foundationId: employment.employerFoundationId!,
      hostCompanyId: dto.hostCompanyId,
      supervisorId: dto.supervisorId ?? null,
      hoursPerWeek: dto.hoursPerWeek ?? null,
      startDate: dto.startDate,
      endDate: dto.endDate,
      endedAt: null,
      endReason: null,
    });
    await manager.save(secondment);
    await this.audit.record(manager, principal, {
      resourceType: 'secondment',
      resourceId: secondment.id,
      action: 'created',
      universityId: employment.universityId,
      data: { ...dto, employmentId: employment.id },
    });
    await this.domainEvents.publish<SecondmentStarted>(manager, {
      type: PLACEMENT_EVENTS.secondmentStarted,
      ...secondmentFact(secondment, employment),
    });
    return secondment;
  }

  /** The re-secondment's amendment of the employment's active agreement, if it has one. */
  private async amendAgreement(
    manager: EntityManager,
    principal: Principal,
    employment: Employment,
    next: CreateSecondmentDto,
    reason: string,
  ) {
    const [agreement] = await this.agreements.ofEmployments(manager, [employment], ['active']);
    if (!agreement) return null;
    if (!next.supervisorId) {
      throw new ValidationError([
        {
          field: 'next.supervisorId',
          message:
            'is required: the amendment of the active agreement names the new host supervisor',
        },
      ]);
    }
    return this.transitions.amendIn(
      manager,
      principal,
      agreement.id,
      { hostCompanyId: next.hostCompanyId, supervisorId: next.supervisorId },
      `Re-secondment: ${reason}`,
    );
  }
}

/** Whose secondment it is and when: what every secondment event carries. */
function secondmentFact(
  s: Pick<
    Secondment,
    'id' | 'foundationId' | 'hostCompanyId' | 'employmentId' | 'startDate' | 'endDate'
  >,
  employment: Pick<Employment, 'universityId' | 'studentId'>,
) {
  return {
    secondmentId: s.id,
    universityId: employment.universityId,
    studentId: employment.studentId,
    foundationId: s.foundationId,
    employmentId: s.employmentId,
    hostCompanyId: s.hostCompanyId,
    startDate: s.startDate,
    endDate: s.endDate,
  };
}

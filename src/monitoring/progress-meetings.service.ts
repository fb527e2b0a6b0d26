import {
  AuditService,
  Clock,
  ListQueryDto,
  ConflictError,
  ForbiddenError,
  mapPage,
  newId,
  NotFoundError,
  Page,
  paginate,
  Principal,
  toCalendarDate,
  universityLimit,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AgreementMonitoringReads,
  MonitoredAgreement,
} from '../agreements/agreement-monitoring-reads';
import { CreateProgressMeetingDto, ProgressMeetingDto } from './dto/monitoring.dto';
import { ProgressMeeting } from './entities/progress-meeting.entity';
import { isComplete, meetingProblems } from './monitoring-rules';

/**
 * Who records meetings of an agreement: its university's coordinators, the employer (company
 * rep or foundation staff) and the host the student is seconded to, and admins. A student reads
 * their own; an integration key reads its university's. A rep or staff member limited to one
 * university records only that university's agreements.
 */
export function mayRecord(p: Principal, a: MonitoredAgreement): boolean {
  const limit = universityLimit(p);
  if (limit !== null && limit !== a.universityId) return false;
  switch (p.role) {
    case 'admin':
      return true;
    case 'coordinator':
      return p.universityId === a.universityId;
    case 'foundation_staff':
      return p.foundationId !== null && p.foundationId === a.employerFoundationId;
    case 'company_rep':
      return (
        p.companyId !== null &&
        (p.companyId === a.employerCompanyId || p.companyId === a.hostCompanyId)
      );
    default:
      return false;
  }
}

/** Progress meetings, workplace visits and assessments held under an agreement. */
@Injectable()
export class ProgressMeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly agreements: AgreementMonitoringReads,
  ) {}

  record(
    principal: Principal,
    agreementId: string,
    dto: CreateProgressMeetingDto,
  ): Promise<ProgressMeetingDto> {
    return this.dataSource.transaction(async (manager) => {
      const agreement = await this.visibleAgreement(manager, principal, agreementId);
      if (!mayRecord(principal, agreement))
        throw new ForbiddenError(
          "Only the student's university, the employer and the host record meetings.",
        );
      if (agreement.status !== 'active')
        throw new ConflictError(
          `The agreement is ${agreement.status}: meetings are recorded only while it is active.`,
          'agreement-not-active',
          { agreementStatus: agreement.status },
        );
      const competences = dto.competences ?? [];
      const problems = meetingProblems(
        { heldOn: dto.heldOn, attendees: dto.attendees, competences },
        agreement,
        toCalendarDate(this.clock.now()),
      );
      if (problems.length) throw new ValidationError(problems);
      const meeting = manager.create(ProgressMeeting, {
        id: newId(),
        agreementId: agreement.id,
        universityId: agreement.universityId,
        kind: dto.kind,
        heldOn: dto.heldOn,
        attendees: dto.attendees,
        notes: dto.notes ?? null,
        competences: competences.map(({ name, result }) => ({ name, result })),
        complete: isComplete(dto.kind, dto.attendees, seconded(agreement)),
        recordedByKind: principal.kind,
        recordedBy: principal.id,
      });
      await manager.save(meeting);
      await this.audit.record(manager, principal, {
        resourceType: 'progress_meeting',
        resourceId: meeting.id,
        action: 'recorded',
        universityId: agreement.universityId,
        data: {
          agreementId: agreement.id,
          kind: meeting.kind,
          heldOn: meeting.heldOn,
          attendees: meeting.attendees,
          complete: meeting.complete,
        },
      });
      return toDto(meeting);
    });
  }

  /** The agreement's meetings, oldest recorded first. */
  list(
    principal: Principal,
    agreementId: string,
    query: ListQueryDto,
  ): Promise<Page<ProgressMeetingDto>> {
    return this.dataSource.transaction(async (manager) => {
      const agreement = await this.visibleAgreement(manager, principal, agreementId);
      const qb = manager
        .getRepository(ProgressMeeting)
        .createQueryBuilder('m')
        .where('m.agreement_id = :agreementId', { agreementId: agreement.id });
      return mapPage(await paginate(qb, query), toDto);
    });
  }

  private async visibleAgreement(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<MonitoredAgreement> {
    const agreement = await this.agreements.visible(manager, principal, id);
    if (!agreement) throw new NotFoundError('agreement', id);
    return agreement;
  }
}

/** The student is seconded when the agreement's version names a host. */
function seconded(a: MonitoredAgreement): boolean {
  return a.hostCompanyId !== null;
}

function toDto(m: ProgressMeeting): ProgressMeetingDto {
  return {
    id: m.id,
    version: m.version,
    agreementId: m.agreementId,
    kind: m.kind,
    heldOn: m.heldOn,
    attendees: m.attendees,
    notes: m.notes,
    competences: m.competences,
    complete: m.complete,
    recordedByKind: m.recordedByKind,
    recordedBy: m.recordedBy,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

import {
  addDays,
  applyScope,
  assertNotEmptyPatch,
  assertVersion,
  AuditService,
  Clock,
  findInScope,
  ForbiddenError,
  newId,
  paginate,
  Principal,
  stripUndefined,
  toCalendarDate,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import {
  CreateVacancyDto,
  ListVacanciesQueryDto,
  RankingDto,
  UpdateVacancyDto,
} from './dto/vacancy.dto';
import { VacancyProgramme } from './entities/vacancy-programme.entity';
import { VacancyRanking } from './entities/vacancy-ranking.entity';
import { Vacancy } from './entities/vacancy.entity';
import { actedAs, auditSharedEdit } from '../directory/shared-records';
import { SupervisorLoads, SupervisorSummary } from '../directory/companies/supervisor-load';
import { DirectoryReads } from '../directory/directory-reads';
import { WorkingRelations } from '../directory/working-relations';
import { StudentReads } from '../students/student-reads';
import { canRankFor, VACANCY_SCOPE, vacancyOwner } from './matching-scope';
import { VacancyHost } from './vacancy-host';

export type VacancyView = Omit<Pick<Vacancy, keyof Vacancy>, 'supervisor'> & {
  programmeIds: string[];
  openSeats: number;
  /**
   * The named supervisor with `trained`, `hoursPerWeek` and today's coaching load, for callers
   * who may read the company's supervisors (null otherwise, and when none is named).
   */
  supervisor: SupervisorSummary | null;
};

/** Days a vacancy's start window stays open when no latest start is given. */
const DEFAULT_START_WINDOW_DAYS = 60;

@Injectable()
export class VacanciesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Vacancy) private readonly vacancies: Repository<Vacancy>,
    private readonly directory: DirectoryReads,
    private readonly students: StudentReads,
    private readonly host: VacancyHost,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly relations: WorkingRelations,
    private readonly supervisorLoads: SupervisorLoads,
  ) {}

  create(principal: Principal, dto: CreateVacancyDto): Promise<VacancyView> {
    if (!dto.companyId === !dto.foundationId) {
      throw new ValidationError([
        { field: 'companyId', message: 'name exactly one owner: companyId or foundationId' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      // Posting in a company's or foundation's name is editing its shared record (403 first, so
      // the answer says nothing about records the caller may not touch).
      await this.relations.assertMayEdit(
        manager,
        principal,
        vacancyOwner({ companyId: dto.companyId ?? null, foundationId: dto.foundationId ?? null }),
        'post vacancies in its name',
      );
      await this.assertReferences(manager, dto);
      const startTo = dto.startLatest ?? addDays(dto.startDate, DEFAULT_START_WINDOW_DAYS);
      const salaryMin = dto.salaryMinCents ?? 0;
      const errors = [];
      if (startTo < dto.startDate)
        errors.push({
          field: 'startLatest',
          message: `must not be before startDate ${dto.startDate}`,
        });
      if ((dto.salaryMaxCents ?? salaryMin) < salaryMin)
        errors.push({ field: 'salaryMaxCents', message: 'must not be below salaryMinCents' });
      if ((dto.latitude === undefined) !== (dto.longitude === undefined))
        errors.push({ field: 'latitude', message: 'give both latitude and longitude, or neither' });
      if (errors.length) throw new ValidationError(errors);
      const vacancy = manager.create(Vacancy, {
        id: newId(),
        companyId: dto.companyId ?? null,
        foundationId: dto.foundationId ?? null,
        hostCompanyId: dto.hostCompanyId ?? null,
        supervisorId: dto.supervisorId ?? null,
        title: dto.title,
        capacity: dto.capacity,
        seatsTaken: 0,
        hoursPerWeek: dto.hoursPerWeek,
        salaryMinCents: salaryMin,
        salaryMaxCents: dto.salaryMaxCents ?? salaryMin,
        startFrom: dto.startDate,
        startTo,
        postcode: dto.postcode,
        latitude: dto.latitude ?? null,
        longitude: dto.longitude ?? null,
        sector: dto.sector ?? null,
        status: 'open',
      });
      await manager.save(vacancy);
      await manager.insert(
        VacancyProgramme,
        dto.programmeIds.map((programmeId) => ({ vacancyId: vacancy.id, programmeId })),
      );
      await this.audit.record(manager, principal, {
        resourceType: 'vacancy',
        resourceId: vacancy.id,
        action: 'created',
        data: { ...dto, by: actedAs(principal) },
      });
      const [view] = await this.views(manager, [vacancy], principal);
      return view;
    });
  }

  async list(principal: Principal, query: ListVacanciesQueryDto) {
    const qb = applyScope(this.vacancies.createQueryBuilder('v'), principal, VACANCY_SCOPE);
    if (query.status) qb.andWhere('v.status = :status', { status: query.status });
    if (query.ownerId)
      qb.andWhere('(v.company_id = :owner OR v.foundation_id = :owner)', { owner: query.ownerId });
    if (query.programmeId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM vacancy_programmes vp WHERE vp.vacancy_id = v.id AND vp.programme_id = :programmeId)',
        {
          programmeId: query.programmeId,
        },
      );
    }
    const page = await paginate(qb, query);
    return {
      data: await this.views(this.vacancies.manager, page.data, principal),
      nextCursor: page.nextCursor,
    };
  }

  async get(
    principal: Principal,
    id: string,
    manager: EntityManager = this.vacancies.manager,
  ): Promise<VacancyView> {
    const vacancy = await findInScope(manager, Vacancy, id, principal, VACANCY_SCOPE, {
      resource: 'Vacancy',
    });
    const [view] = await this.views(manager, [vacancy], principal);
    return view;
  }

  update(
    principal: Principal,
    id: string,
    dto: UpdateVacancyDto,
    ifMatch?: number,
  ): Promise<VacancyView> {
    assertNotEmptyPatch(dto);
    return this.dataSource.transaction(async (manager) => {
      const vacancy = await findInScope(manager, Vacancy, id, principal, VACANCY_SCOPE, {
        resource: 'Vacancy',
        lock: 'pessimistic_write',
      });
      await this.relations.assertMayEdit(
        manager,
        principal,
        vacancyOwner(vacancy),
        'change its vacancies',
      );
      assertVersion('Vacancy', ifMatch, vacancy.version);
      const before = { ...vacancy };
      if (dto.capacity !== undefined && dto.capacity < vacancy.seatsTaken) {
        throw new ValidationError([
          {
            field: 'capacity',
            message: `must be at least the ${vacancy.seatsTaken} seat(s) already taken`,
          },
        ]);
      }
      const { hostCompanyId, supervisorId, ...rest } = dto;
      const workplace = await this.host.applyWorkplaceChange(manager, vacancy, {
        hostCompanyId,
        supervisorId,
      });
      Object.assign(vacancy, stripUndefined(rest));
      if (dto.capacity !== undefined && vacancy.status !== 'closed')
        vacancy.status = vacancy.seatsTaken >= vacancy.capacity ? 'filled' : 'open';
      if (dto.status === 'open' && vacancy.seatsTaken >= vacancy.capacity)
        vacancy.status = 'filled';
      await manager.save(vacancy);
      // The status may follow from a new capacity, the supervisor from a new host: part of what changed.
      const changed = [
        ...Object.keys(stripUndefined(dto)),
        'status',
        ...(workplace.supervisorCleared ? ['supervisorId'] : []),
      ] as (keyof Vacancy)[];
      await auditSharedEdit(this.audit, manager, principal, {
        resourceType: 'vacancy',
        resourceId: id,
        before,
        patch: Object.fromEntries(changed.map((field) => [field, vacancy[field]])),
      });
      const [view] = await this.views(manager, [vacancy], principal);
      return view;
    });
  }

  /**
   * The company's (or foundation's) ranking of candidates, replacing the previous one. Only the
   * vacancy's own people and admins rank: the ranking spans every university's candidates, so a
   * coordinator replacing it would erase what the company said about other universities'.
   * Candidates are students the caller can see; any other id reads like a missing one.
   */
  setRanking(principal: Principal, id: string, dto: RankingDto) {
    return this.dataSource.transaction(async (manager) => {
      const vacancy = await findInScope(manager, Vacancy, id, principal, VACANCY_SCOPE, {
        resource: 'Vacancy',
        lock: 'pessimistic_write',
      });
      if (!canRankFor(principal, vacancy))
        throw new ForbiddenError(
          "Only the vacancy's company or foundation (or an admin) ranks its candidates.",
        );
      const found = await this.students.visibleIds(manager, principal, dto.studentIds);
      if (found.length !== dto.studentIds.length)
        throw new ValidationError([
          { field: 'studentIds', message: 'names a student that does not exist' },
        ]);
      await manager.delete(VacancyRanking, { vacancyId: id });
      if (dto.studentIds.length)
        await manager.insert(
          VacancyRanking,
          dto.studentIds.map((studentId, i) => ({ vacancyId: id, studentId, rank: i + 1 })),
        );
      await this.audit.record(manager, principal, {
        resourceType: 'vacancy',
        resourceId: id,
        action: 'ranking_replaced',
        data: { candidates: dto.studentIds.length, by: actedAs(principal) },
      });
      return { vacancyId: id, studentIds: dto.studentIds };
    });
  }

  private async views(
    manager: EntityManager,
    vacancies: Vacancy[],
    principal: Principal,
  ): Promise<VacancyView[]> {
    if (vacancies.length === 0) return [];
    const links = await manager.find(VacancyProgramme, {
      where: { vacancyId: In(vacancies.map((v) => v.id)) },
    });
    const supervisors = await this.supervisorLoads.summaries(
      manager,
      principal,
      vacancies.flatMap((v) => (v.supervisorId ? [v.supervisorId] : [])),
      toCalendarDate(this.clock.now()),
    );
    return vacancies.map((v) => ({
      ...v,
      programmeIds: links
        .filter((l) => l.vacancyId === v.id)
        .map((l) => l.programmeId)
        .sort(),
      openSeats: v.capacity - v.seatsTaken,
      supervisor: (v.supervisorId && supervisors.get(v.supervisorId)) || null,
    }));
  }

  private async assertReferences(manager: EntityManager, dto: CreateVacancyDto): Promise<void> {
    const errors = [];
    if (dto.companyId && !(await this.directory.exists(manager, 'company', dto.companyId)))
      errors.push({ field: 'companyId', message: 'is not a known company' });
    if (dto.foundationId && !(await this.directory.exists(manager, 'foundation', dto.foundationId)))
      errors.push({ field: 'foundationId', message: 'is not a known foundation' });
    if (dto.hostCompanyId) {
      if (!dto.foundationId)
        errors.push({ field: 'hostCompanyId', message: 'only applies to a foundation vacancy' });
      else if (
        !(await this.directory.memberCompanies(manager, dto.foundationId, [dto.hostCompanyId])).has(
          dto.hostCompanyId,
        )
      ) {
        errors.push({
          field: 'hostCompanyId',
          message: 'is not a member company of the foundation',
        });
      }
    }
    if (dto.supervisorId) {
      const workplace = dto.companyId ?? dto.hostCompanyId;
      const supervisors = await this.directory.supervisorsByIds(manager, [dto.supervisorId]);
      const company = supervisors.get(dto.supervisorId)?.companyId;
      if (!company || company !== workplace)
        errors.push({
          field: 'supervisorId',
          message: 'is not a supervisor of the workplace company',
        });
    }
    const programmes = await this.directory.programmesByIds(manager, dto.programmeIds);
    if (programmes.size !== dto.programmeIds.length)
      errors.push({ field: 'programmeIds', message: 'names a programme that does not exist' });
    if (errors.length) throw new ValidationError(errors);
  }
}

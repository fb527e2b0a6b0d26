import {
  applyScope,
  assertRole,
  assertVersion,
  findInScope,
  NotFoundError,
  newId,
  Page,
  paginate,
  Principal,
  ValidationError,
} from '@app/common';
import type { AgreementTerms } from './agreement-terms.types';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { StudentReads } from '../students/student-reads';
import { AgreementEventsService, EventView } from './agreement-events.service';
import { decide } from './agreement-lifecycle';
import { AGREEMENT_SCOPE } from './agreement-scope';
import { AgreementStore } from './agreement-store';
import { AgreementView, AgreementViews, toVersionView, VersionView } from './agreement-view';
import {
  CreateAgreementDto,
  ListAgreementsQueryDto,
  UpdateAgreementDto,
} from './dto/agreement.dto';
import { plainTerms } from './dto/terms.dto';
import { AgreementSignature } from './entities/agreement-signature.entity';
import { AgreementVersion } from './entities/agreement-version.entity';
import { Agreement } from './entities/agreement.entity';

export const DRIVERS = ['admin', 'coordinator'] as const;

/** Drafting and reading agreements. Transitions and signatures live in their own services. */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectEntityManager() private readonly entityManager: EntityManager,
    private readonly store: AgreementStore,
    private readonly views: AgreementViews,
    private readonly events: AgreementEventsService,
    private readonly directory: DirectoryReads,
    private readonly students: StudentReads,
  ) {}

  async create(principal: Principal, dto: CreateAgreementDto): Promise<AgreementView> {
    assertRole(principal, DRIVERS, 'draft agreements');
    return this.entityManager.transaction((manager) =>
      this.createIn(manager, principal, { ...dto, terms: plainTerms(dto.terms) }),
    );
  }

  /**
   * Drafts version 1 inside the caller's transaction. `prefilled`: the system drafted the terms
   * (from an accepted match), so rule findings do not refuse the draft; they come back as
   * warnings for the coordinator to complete, and submit checks them again, strictly.
   */
  async createIn(
    manager: EntityManager,
    principal: Principal,
    input: Omit<CreateAgreementDto, 'terms'> & { terms: AgreementTerms },
    options: { prefilled?: boolean } = {},
  ): Promise<AgreementView> {
    const student = await this.visibleStudent(manager, principal, input.studentId);
    const routeId = input.routeId ?? null;
    await this.assertRoute(manager, student.programmeId, routeId);
    const parties = await this.resolveEmployer(manager, input);
    // A placement "on the bench" (a foundation employs, no host yet) drafts without a host; submit
    // refuses until one is named. Anyone else names the host when drafting.
    const awaitingHost =
      !!options.prefilled && parties.employerType === 'foundation' && !parties.hostCompanyId;
    if (!awaitingHost) await this.store.assertHost(manager, parties, parties.hostCompanyId);
    const keys = { studentId: student.id, ...parties };
    const terms = input.terms;
    const check = options.prefilled
      ? await this.store.checkTerms(manager, keys, terms)
      : await this.store.assertTerms(manager, keys, terms);
    if (awaitingHost)
      check.warnings.unshift({
        field: 'hostCompanyId',
        message: 'names no host company yet (the student starts on the bench); name one to submit',
      });
    const agreement = manager.create(Agreement, {
      ...keys,
      universityId: student.universityId,
      routeId,
      language: input.language,
      status: 'draft',
      currentVersionNumber: 1,
      inForceVersionNumber: null,
    });
    await manager.save(agreement);
    await manager.insert(AgreementVersion, {
      id: newId(),
      agreementId: agreement.id,
      number: 1,
      status: 'draft',
      terms,
      language: input.language,
      hostCompanyId: keys.hostCompanyId,
      minimumWageRises: check.minimumWageRises as never,
    });
    const actor = await this.store.actor(manager, principal);
    await this.events.append(manager, agreement.id, actor, this.store.now(), {
      action: 'created',
      from: null,
      to: 'draft',
      versionNumber: 1,
      data: options.prefilled ? { prefilled: true } : {},
    });
    const [view] = await this.views.build(manager, [agreement]);
    return { ...view, warnings: [...check.errors, ...check.warnings] };
  }

  /**
   * PATCH: edits the current draft version only (its terms, language, host); If-Match guards the
   * agreement's version. On an active agreement that is the open amendment; the version in force
   * is never touched. The route is the agreement's (not a signed term), so it is set on the
   * agreement directly.
   */
  async update(
    principal: Principal,
    id: string,
    dto: UpdateAgreementDto,
    ifMatch?: number,
  ): Promise<AgreementView> {
    assertRole(principal, DRIVERS, 'edit agreements');
    const fields = (['terms', 'language', 'hostCompanyId', 'routeId'] as const).filter(
      (k) => dto[k] !== undefined,
    );
    if (fields.length === 0) {
      throw new ValidationError([{ field: 'body', message: 'names no field to change' }], 400);
    }
    return this.entityManager.transaction(async (manager) => {
      const a = await this.store.lock(manager, principal, id);
      assertVersion('Agreement', ifMatch, a.version);
      const current = await this.store.version(manager, a.id, a.currentVersionNumber);
      decide(a.status, current.status, 'edit');
      const next = {
        terms: dto.terms ? plainTerms(dto.terms) : current.terms,
        language: dto.language ?? current.language,
        hostCompanyId: dto.hostCompanyId === undefined ? current.hostCompanyId : dto.hostCompanyId,
      };
      if (dto.hostCompanyId !== undefined)
        await this.store.assertHost(manager, a, next.hostCompanyId);
      if (dto.routeId !== undefined) await this.changeRoute(manager, a, dto.routeId);
      const check = await this.store.assertTerms(
        manager,
        { ...a, hostCompanyId: next.hostCompanyId },
        next.terms,
      );
      await manager.update(
        AgreementVersion,
        { id: current.id },
        {
          ...next,
          terms: next.terms as never,
          minimumWageRises: check.minimumWageRises as never,
        },
      );
      await this.store.pointAt(manager, a, { number: current.number, ...next });
      const actor = await this.store.actor(manager, principal);
      await this.events.append(manager, a.id, actor, this.store.now(), {
        action: 'edited',
        from: current.status,
        to: current.status,
        versionNumber: current.number,
        data: { fields: [...fields].sort() },
      });
      const [view] = await this.views.build(manager, [a]);
      return { ...view, warnings: check.warnings };
    });
  }

  async get(principal: Principal, id: string): Promise<AgreementView> {
    const manager = this.entityManager;
    const a = await findInScope(manager, Agreement, id, principal, AGREEMENT_SCOPE, {
      resource: 'Agreement',
    });
    const [view] = await this.views.build(manager, [a]);
    return view;
  }

  async list(principal: Principal, query: ListAgreementsQueryDto): Promise<Page<AgreementView>> {
    const manager = this.entityManager;
    const qb = applyScope(
      manager.getRepository(Agreement).createQueryBuilder('a'),
      principal,
      AGREEMENT_SCOPE,
    );
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.studentId) qb.andWhere('a.student_id = :studentId', { studentId: query.studentId });
    if (query.employerId) {
      qb.andWhere(
        '(a.employer_company_id = :employerId OR a.employer_foundation_id = :employerId)',
        {
          employerId: query.employerId,
        },
      );
    }
    if (query.awaitingParty || query.pendingSinceBefore) this.pendingFilter(qb, query);
    const page = await paginate(qb, query);
    return { data: await this.views.build(manager, page.data), nextCursor: page.nextCursor };
  }

  async versions(principal: Principal, id: string): Promise<{ data: VersionView[] }> {
    const a = await this.get(principal, id);
    const rows = await this.entityManager.find(AgreementVersion, {
      where: { agreementId: a.id },
      order: { number: 'ASC' },
    });
    return { data: rows.map(toVersionView) };
  }

  async version(principal: Principal, id: string, number: number): Promise<VersionView> {
    const a = await this.get(principal, id);
    return toVersionView(await this.store.version(this.entityManager, a.id, number));
  }

  async eventsOf(
    principal: Principal,
    id: string,
  ): Promise<{ data: EventView[]; chainValid: boolean }> {
    const a = await this.get(principal, id);
    return this.events.list(this.entityManager, a.id);
  }

  async signatures(principal: Principal, id: string): Promise<{ data: AgreementSignature[] }> {
    const a = await this.get(principal, id);
    const rows = await this.entityManager.find(AgreementSignature, {
      where: { agreementId: a.id },
      order: { versionNumber: 'ASC', signedAt: 'ASC' },
    });
    return { data: rows };
  }

  private pendingFilter(qb: SelectQueryBuilder<Agreement>, query: ListAgreementsQueryDto): void {
    const conditions = [
      'v.agreement_id = a.id',
      'v.number = a.current_version_number',
      `v.status = 'pending_signatures'`,
    ];
    if (query.pendingSinceBefore) conditions.push('v.submitted_at < :pendingSinceBefore');
    if (query.awaitingParty) {
      conditions.push(
        'NOT EXISTS (SELECT 1 FROM agreement_signatures sg WHERE sg.version_id = v.id AND sg.party = :awaitingParty)',
      );
      if (query.awaitingParty === 'host') conditions.push(`a.employer_type = 'foundation'`);
    }
    qb.andWhere(`EXISTS (SELECT 1 FROM agreement_versions v WHERE ${conditions.join(' AND ')})`, {
      awaitingParty: query.awaitingParty,
      pendingSinceBefore: query.pendingSinceBefore ? new Date(query.pendingSinceBefore) : undefined,
    });
  }

  /** A student outside the caller's scope reads exactly like a missing one. */
  private async visibleStudent(manager: EntityManager, principal: Principal, studentId: string) {
    try {
      return await this.students.getVisible(manager, principal, studentId);
    } catch (error) {
      if (error instanceof NotFoundError)
        throw new ValidationError([{ field: 'studentId', message: 'does not exist' }]);
      throw error;
    }
  }

  /** Names (or, with null, clears) the agreement's route: a route of the student's programme. */
  private async changeRoute(
    manager: EntityManager,
    a: Agreement,
    routeId: string | null,
  ): Promise<void> {
    const student = (await this.students.studentsByIds(manager, [a.studentId])).get(a.studentId);
    await this.assertRoute(manager, student?.programmeId ?? null, routeId);
    if (routeId !== a.routeId) await this.store.save(manager, a, { routeId });
  }

  /** 422 naming routeId unless the route (when named) belongs to the student's programme. */
  private async assertRoute(
    manager: EntityManager,
    programmeId: string | null,
    routeId: string | null,
  ): Promise<void> {
    if (routeId === null) return;
    const route = (await this.directory.routesByIds(manager, [routeId])).get(routeId);
    if (!route || route.programmeId !== programmeId)
      throw new ValidationError([
        { field: 'routeId', message: "is not a route of the student's programme" },
      ]);
  }

  /** The employer as columns; the host rule is the store's (assertHost). */
  private async resolveEmployer(
    manager: EntityManager,
    dto: Pick<CreateAgreementDto, 'employer' | 'hostCompanyId'>,
  ) {
    const { type, id } = dto.employer;
    const found =
      type === 'company'
        ? await this.directory.companiesByIds(manager, [id])
        : await this.directory.foundationsByIds(manager, [id]);
    if (!found.has(id))
      throw new ValidationError([{ field: 'employer.id', message: `is not a known ${type}` }]);
    return {
      employerType: type,
      employerCompanyId: type === 'company' ? id : null,
      employerFoundationId: type === 'foundation' ? id : null,
      hostCompanyId: dto.hostCompanyId ?? null,
    };
  }
}

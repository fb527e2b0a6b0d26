import type { AgreementTerms } from './agreement-terms.types';
import { Clock, findInScope, newId, NotFoundError, Principal, ValidationError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { IdentityReads } from '../identity/identity-reads';
import { fullName, StudentReads } from '../students/student-reads';
import { EventActor } from './agreement-events.service';
import { AGREEMENT_SCOPE } from './agreement-scope';
import { checkTerms, TermsCheck, TermsContext } from './agreement-terms';
import { PartiesSnapshot } from './content-hash';
import { AgreementVersion } from './entities/agreement-version.entity';
import { Agreement, AgreementLanguage } from './entities/agreement.entity';
import type { MinimumWageRise } from './minimum-wage';

export type PartyKeys = Pick<
  Agreement,
  'studentId' | 'employerType' | 'employerCompanyId' | 'employerFoundationId' | 'hostCompanyId'
>;

/** What a new draft version carries over or changes. */
export interface DraftContent {
  terms: AgreementTerms;
  language: AgreementLanguage;
  hostCompanyId: string | null;
  /** The rules' findings for these terms when the caller has them; computed otherwise. */
  minimumWageRises?: MinimumWageRise[];
}

/** Lookups and writes the agreement use cases share; every method runs in the caller's transaction. */
@Injectable()
export class AgreementStore {
  constructor(
    private readonly clock: Clock,
    private readonly directory: DirectoryReads,
    private readonly students: StudentReads,
    private readonly identity: IdentityReads,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** The agreement if the caller may see it, locked FOR UPDATE for the rest of the transaction. */
  lock(manager: EntityManager, principal: Principal, id: string): Promise<Agreement> {
    return findInScope(manager, Agreement, id, principal, AGREEMENT_SCOPE, {
      resource: 'Agreement',
      lock: 'pessimistic_write',
    });
  }

  /** Locks by id without a principal (signing links carry their own authority). */
  async lockById(manager: EntityManager, id: string): Promise<Agreement> {
    const a = await manager
      .getRepository(Agreement)
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!a) throw new NotFoundError('Agreement', id);
    return a;
  }

  async version(
    manager: EntityManager,
    agreementId: string,
    number: number,
  ): Promise<AgreementVersion> {
    const v = await manager.findOne(AgreementVersion, { where: { agreementId, number } });
    if (!v) throw new NotFoundError('Agreement version', String(number));
    return v;
  }

  /** The number for a new version: one past the highest (withdrawn amendments keep theirs). */
  async nextVersionNumber(manager: EntityManager, agreementId: string): Promise<number> {
    const [row] = await manager.query(
      'SELECT COALESCE(MAX(number), 0)::int AS n FROM agreement_versions WHERE agreement_id = $1',
      [agreementId],
    );
    return row.n + 1;
  }

  /** A new draft version after the newest one; the agreement points at it from now on. */
  async insertDraft(manager: EntityManager, a: Agreement, content: DraftContent): Promise<number> {
    const number = await this.nextVersionNumber(manager, a.id);
    const rises =
      content.minimumWageRises ??
      (
        await this.checkTerms(
          manager,
          { ...a, hostCompanyId: content.hostCompanyId },
          content.terms,
        )
      ).minimumWageRises;
    await manager.insert(AgreementVersion, {
      id: newId(),
      agreementId: a.id,
      number,
      status: 'draft',
      terms: content.terms as never,
      language: content.language,
      hostCompanyId: content.hostCompanyId,
      minimumWageRises: rises as never,
    });
    await this.pointAt(manager, a, {
      number,
      language: content.language,
      hostCompanyId: content.hostCompanyId,
    });
    return number;
  }

  /**
   * Makes a version the current one: the agreement row mirrors its number and language. The
   * host it mirrors is the host of the version in force (set at activation); only while no
   * version is in force yet does it follow the current one. So a draft amendment naming a new
   * host gives that company nothing, and the company the student works at keeps its agreement.
   */
  async pointAt(
    manager: EntityManager,
    a: Agreement,
    v: Pick<AgreementVersion, 'number' | 'hostCompanyId' | 'language'>,
  ): Promise<void> {
    await this.save(manager, a, {
      currentVersionNumber: v.number,
      language: v.language,
      ...(a.inForceVersionNumber === null ? { hostCompanyId: v.hostCompanyId } : {}),
    });
  }

  /**
   * The host rule: a company employer has no host; a foundation seconds the student to one of its
   * member companies (DOMAIN "Foundations and secondments"). 422 naming hostCompanyId otherwise.
   */
  async assertHost(
    manager: EntityManager,
    a: Pick<Agreement, 'employerType' | 'employerFoundationId'>,
    hostCompanyId: string | null,
  ): Promise<void> {
    const field = 'hostCompanyId';
    if (a.employerType === 'company') {
      if (hostCompanyId)
        throw new ValidationError([
          { field, message: 'only applies when a foundation employs the student' },
        ]);
      return;
    }
    if (!hostCompanyId) {
      throw new ValidationError([
        {
          field,
          message:
            'is required when a foundation employs the student (the company the student is seconded to)',
        },
      ]);
    }
    const members = await this.directory.memberCompanies(manager, a.employerFoundationId, [
      hostCompanyId,
    ]);
    if (!members.has(hostCompanyId))
      throw new ValidationError([{ field, message: 'is not a member company of this foundation' }]);
  }

  /** Updates the agreement row (its version and updated_at move with it) and the loaded entity. */
  async save(manager: EntityManager, a: Agreement, patch: Partial<Agreement>): Promise<void> {
    await manager.update(Agreement, { id: a.id }, patch);
    Object.assign(a, patch);
    a.version += 1;
  }

  async actor(
    manager: EntityManager,
    p: Principal,
  ): Promise<EventActor & { email: string | null }> {
    return { kind: p.kind, id: p.id, ...(await this.identity.actor(manager, p)) };
  }

  /** Looks up what the terms rules need and runs them; 422 when any blocking rule fails. */
  async assertTerms(
    manager: EntityManager,
    a: PartyKeys,
    terms: AgreementTerms,
  ): Promise<TermsCheck> {
    const check = await this.checkTerms(manager, a, terms);
    if (check.errors.length) throw new ValidationError(check.errors);
    return check;
  }

  /** The rules' findings without refusing: for drafts prefilled by the system, to be completed. */
  async checkTerms(
    manager: EntityManager,
    a: PartyKeys,
    terms: AgreementTerms,
  ): Promise<TermsCheck> {
    return checkTerms(terms, await this.termsContext(manager, a, terms));
  }

  private async termsContext(
    manager: EntityManager,
    a: PartyKeys,
    terms: AgreementTerms,
  ): Promise<TermsContext> {
    // A prefilled draft may name no supervisor yet (''): that is "no such supervisor", not a crash.
    const supervisorId = terms.workplace.supervisorId;
    // One after another: inside a transaction the lookups share one connection.
    const students = await this.students.studentsByIds(manager, [a.studentId]);
    const supervisors = await this.directory.supervisorsByIds(manager, [supervisorId]);
    const student = students.get(a.studentId);
    const programme = student
      ? (await this.directory.programmesByIds(manager, [student.programmeId])).get(
          student.programmeId,
        )
      : undefined;
    const supervisor = supervisors.get(supervisorId);
    return {
      studentDateOfBirth: student?.dateOfBirth ?? null,
      workplaceCompanyId: a.employerType === 'foundation' ? a.hostCompanyId : a.employerCompanyId,
      supervisor: supervisor
        ? { companyId: supervisor.companyId, hoursPerWeek: supervisor.hoursPerWeek }
        : null,
      programmeNominalYears: programme?.nominalYears ?? null,
    };
  }

  /** The parties as they are now, frozen into a version at submit. */
  async partiesSnapshot(
    manager: EntityManager,
    a: PartyKeys,
    terms: AgreementTerms,
  ): Promise<PartiesSnapshot> {
    const s = required(
      (await this.students.studentsByIds(manager, [a.studentId])).get(a.studentId),
      'Student',
      a.studentId,
    );
    const employerId = (a.employerCompanyId ?? a.employerFoundationId)!;
    const supervisorId = terms.workplace.supervisorId;
    // One after another: inside a transaction the lookups share one connection.
    const universities = await this.directory.universitiesByIds(manager, [s.universityId]);
    const programmes = await this.directory.programmesByIds(manager, [s.programmeId]);
    const companies = await this.directory.companiesByIds(
      manager,
      [a.employerCompanyId, a.hostCompanyId].filter((id): id is string => !!id),
    );
    const foundations =
      a.employerType === 'foundation'
        ? await this.directory.foundationsByIds(manager, [employerId])
        : new Map<string, never>();
    const supervisors = await this.directory.supervisorsByIds(manager, [supervisorId]);
    const university = required(universities.get(s.universityId), 'University', s.universityId);
    const programme = required(programmes.get(s.programmeId), 'Programme', s.programmeId);
    const employer = required(
      (a.employerType === 'company' ? companies : foundations).get(employerId),
      a.employerType === 'company' ? 'Company' : 'Foundation',
      employerId,
    );
    const host = a.hostCompanyId
      ? required(companies.get(a.hostCompanyId), 'Company', a.hostCompanyId)
      : null;
    const sup = required(supervisors.get(supervisorId), 'Supervisor', supervisorId);
    return {
      student: { name: fullName(s), studentNumber: s.studentNumber },
      university: { name: university.name, brinCode: university.brinCode },
      employer: { type: a.employerType, name: employer.name, kvkNumber: employer.kvkNumber },
      host: host ? { name: host.name, kvkNumber: host.kvkNumber } : null,
      supervisor: {
        name: sup.name,
        email: sup.email,
        hoursPerWeek: sup.hoursPerWeek,
        trained: sup.trained,
      },
      programme: { name: programme.name, crohoCode: programme.crohoCode, degree: programme.degree },
      cohort: s.cohort,
    };
  }
}

/**
 * A party the agreement names exists (foreign keys keep it so, and the terms rules have checked
 * the supervisor): a missing one is a bug, a 500, not the caller's 404.
 */
function required<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new Error(`${what} ${id} named by the agreement does not exist`);
  return value;
}

import { isUuid } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager, ObjectLiteral } from 'typeorm';
import { Company } from './companies/company.entity';
import { Supervisor } from './companies/supervisor.entity';
import { FoundationMember } from './foundations/foundation-member.entity';
import { Foundation } from './foundations/foundation.entity';
import type { CrohoSector, Degree, StudyMode } from './programmes/programme.entity';
import { Programme } from './programmes/programme.entity';
import { University } from './universities/university.entity';

/** The directory records other modules refer to by id and check for existence. */
export type DirectoryKind = 'university' | 'company' | 'foundation';

const ENTITY = { university: University, company: Company, foundation: Foundation } as const;

export interface UniversityRef {
  id: string;
  name: string;
  brinCode: string;
}

export interface ProgrammeRef {
  id: string;
  universityId: string;
  name: string;
  crohoCode: string;
  degree: Degree;
  nominalYears: number;
  crohoSector: CrohoSector | null;
  studyMode: StudyMode;
}

/** A company or a foundation: both are named and registered by their KvK number. */
export interface OrganisationRef {
  id: string;
  name: string;
  kvkNumber: string;
}

/** A company also has coordinates, when known (matching's travel rule). */
export interface CompanyRef extends OrganisationRef {
  latitude: number | null;
  longitude: number | null;
}

export interface SupervisorRef {
  id: string;
  companyId: string;
  name: string;
  email: string;
  hoursPerWeek: number;
  trained: boolean;
}

/** A route's programme, and that programme's university (the route's tenant). */
export interface RouteRef {
  id: string;
  programmeId: string;
  universityId: string;
}

/**
 * The directory's only read port: the one way other modules read the directory's tables.
 * Unscoped facts about references the caller already holds (the caller has established that it
 * may see the record naming these ids; a read here decides nothing about visibility). Every
 * method takes the caller's EntityManager first, so it reads inside the caller's transaction, and
 * lookups are batched: ids in, a map out, one query whatever the number of ids. Ids that are not
 * UUIDs cannot exist and are simply absent.
 */
@Injectable()
export class DirectoryReads {
  /** Whether the university, company or foundation exists. */
  exists(manager: EntityManager, kind: DirectoryKind, id: string): Promise<boolean> {
    if (!isUuid(id)) return Promise.resolve(false);
    return manager.exists(ENTITY[kind], { where: { id } });
  }

  universitiesByIds(manager: EntityManager, ids: string[]): Promise<Map<string, UniversityRef>> {
    return byIds(manager, University, ids, ['id', 'name', 'brinCode']);
  }

  programmesByIds(manager: EntityManager, ids: string[]): Promise<Map<string, ProgrammeRef>> {
    return byIds(manager, Programme, ids, [
      'id',
      'universityId',
      'name',
      'crohoCode',
      'degree',
      'nominalYears',
      'crohoSector',
      'studyMode',
    ]);
  }

  /** Every programme of a university (a matching run over the whole university). */
  async programmeIdsOfUniversity(manager: EntityManager, universityId: string): Promise<string[]> {
    if (!isUuid(universityId)) return [];
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM programmes WHERE university_id = $1',
      [universityId],
    );
    return rows.map((r) => r.id);
  }

  /** Routes with their programme and the programme's university. */
  async routesByIds(manager: EntityManager, ids: string[]): Promise<Map<string, RouteRef>> {
    const wanted = uuids(ids);
    if (wanted.length === 0) return new Map();
    const rows: { id: string; programme_id: string; university_id: string }[] = await manager.query(
      `SELECT r.id, r.programme_id, p.university_id
           FROM routes r JOIN programmes p ON p.id = r.programme_id WHERE r.id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, programmeId: r.programme_id, universityId: r.university_id },
      ]),
    );
  }

  companiesByIds(manager: EntityManager, ids: string[]): Promise<Map<string, CompanyRef>> {
    return byIds(manager, Company, ids, ['id', 'name', 'kvkNumber', 'latitude', 'longitude']);
  }

  foundationsByIds(manager: EntityManager, ids: string[]): Promise<Map<string, OrganisationRef>> {
    return byIds(manager, Foundation, ids, ['id', 'name', 'kvkNumber']);
  }

  supervisorsByIds(manager: EntityManager, ids: string[]): Promise<Map<string, SupervisorRef>> {
    return byIds(manager, Supervisor, ids, [
      'id',
      'companyId',
      'name',
      'email',
      'hoursPerWeek',
      'trained',
    ]);
  }

  /**
   * The companies among `companyIds` that are members of the foundation (none of no foundation):
   * a foundation employs for, and seconds to, its members only.
   */
  async memberCompanies(
    manager: EntityManager,
    foundationId: string | null,
    companyIds: string[],
  ): Promise<Set<string>> {
    const wanted = uuids(companyIds);
    if (!foundationId || !isUuid(foundationId) || wanted.length === 0) return new Set();
    const rows: { companyId: string }[] = await manager
      .getRepository(FoundationMember)
      .createQueryBuilder('m')
      .select('m.company_id', 'companyId')
      .where('m.foundation_id = :foundationId', { foundationId })
      .andWhere('m.company_id = ANY(:wanted)', { wanted })
      .getRawMany();
    return new Set(rows.map((r) => r.companyId));
  }
}

/** The distinct UUIDs among `ids` (anything else cannot name a row). */
function uuids(ids: string[]): string[] {
  return [...new Set(ids.filter((id) => isUuid(id)))];
}

/**
 * One query for all ids, passed as a single array parameter (`= ANY`), so a matching run's
 * thousands of ids stay one statement well within PostgreSQL's parameter limit.
 */
async function byIds<T extends ObjectLiteral & { id: string }, R>(
  manager: EntityManager,
  entity: new () => T,
  ids: string[],
  columns: (keyof T & keyof R & string)[],
): Promise<Map<string, R>> {
  const wanted = uuids(ids);
  if (wanted.length === 0) return new Map();
  const rows = await manager
    .getRepository(entity)
    .createQueryBuilder('r')
    .select(columns.map((c) => `r.${c}`))
    .where('r.id = ANY(:wanted)', { wanted })
    .getMany();
  return new Map(rows.map((row) => [row.id, row as unknown as R]));
}

import { isUuid } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsSelect, In, ObjectLiteral } from 'typeorm';
import { Company } from './companies/company.entity';
import { Supervisor } from './companies/supervisor.entity';
import { FoundationMember } from './foundations/foundation-member.entity';
import { Foundation } from './foundations/foundation.entity';
import type { Degree } from './programmes/programme.entity';
import { Programme } from './programmes/programme.entity';
import { University } from './universities/university.entity';

export interface UniversityRef {
  id: string;
  name: string;
  brinCode: string;
}

export interface ProgrammeRef {
  id: string;
  name: string;
  crohoCode: string;
  degree: Degree;
  nominalYears: number;
}

/** A company or a foundation: both are named and registered by their KvK number. */
export interface OrganisationRef {
  id: string;
  name: string;
  kvkNumber: string;
}

export interface SupervisorRef {
  id: string;
  companyId: string;
  name: string;
  email: string;
  hoursPerWeek: number;
  trained: boolean;
}

/**
 * The directory's read port for other modules: reference data by id, in batches (one query per
 * kind, whatever the number of ids), unscoped. Callers have already established that the caller
 * may see the record that names these ids; a lookup decides nothing about visibility. Every method
 * joins the caller's transaction. Ids that are not UUIDs cannot exist and are simply absent.
 */
@Injectable()
export class DirectoryLookups {
  universitiesByIds(manager: EntityManager, ids: string[]): Promise<Map<string, UniversityRef>> {
    return byIds(manager, University, ids, { id: true, name: true, brinCode: true });
  }

  programmesByIds(manager: EntityManager, ids: string[]): Promise<Map<string, ProgrammeRef>> {
    return byIds(manager, Programme, ids, {
      id: true,
      name: true,
      crohoCode: true,
      degree: true,
      nominalYears: true,
    });
  }

  companiesByIds(manager: EntityManager, ids: string[]): Promise<Map<string, OrganisationRef>> {
    return byIds(manager, Company, ids, { id: true, name: true, kvkNumber: true });
  }

  foundationsByIds(manager: EntityManager, ids: string[]): Promise<Map<string, OrganisationRef>> {
    return byIds(manager, Foundation, ids, { id: true, name: true, kvkNumber: true });
  }

  supervisorsByIds(manager: EntityManager, ids: string[]): Promise<Map<string, SupervisorRef>> {
    return byIds(manager, Supervisor, ids, {
      id: true,
      companyId: true,
      name: true,
      email: true,
      hoursPerWeek: true,
      trained: true,
    });
  }

  /** Whether the company is a member of the foundation (a foundation seconds only to members). */
  async isFoundationMember(
    manager: EntityManager,
    foundationId: string,
    companyId: string,
  ): Promise<boolean> {
    if (!isUuid(foundationId) || !isUuid(companyId)) return false;
    return manager.exists(FoundationMember, { where: { foundationId, companyId } });
  }
}

async function byIds<T extends ObjectLiteral & { id: string }, R>(
  manager: EntityManager,
  entity: new () => T,
  ids: string[],
  select: FindOptionsSelect<T>,
): Promise<Map<string, R>> {
  const wanted = [...new Set(ids.filter((id) => isUuid(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await manager.find(entity, { select, where: { id: In(wanted) } as never });
  return new Map(rows.map((row) => [row.id, row as unknown as R]));
}

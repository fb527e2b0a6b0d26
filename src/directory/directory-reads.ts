import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Company } from './companies/company.entity';
import { Supervisor } from './companies/supervisor.entity';
import { FoundationMember } from './foundations/foundation-member.entity';
import { Foundation } from './foundations/foundation.entity';
import { Programme } from './programmes/programme.entity';
import { University } from './universities/university.entity';

/** The directory records other modules refer to by id. */
export type DirectoryKind = 'university' | 'company' | 'foundation';

const ENTITY = { university: University, company: Company, foundation: Foundation } as const;

/**
 * What other modules (students, placements, integrations, identity) read of the directory: does
 * a record exist, which university a programme belongs to, who is a foundation's member, names
 * for lists. Unscoped facts about references the caller already holds; each method takes the
 * caller's EntityManager (to run inside its transaction) and answers for many ids at once.
 */
@Injectable()
export class DirectoryReads {
  exists(manager: EntityManager, kind: DirectoryKind, id: string): Promise<boolean> {
    return manager.exists(ENTITY[kind], { where: { id } });
  }

  /** The university of the programme; null when there is no such programme. */
  async programmeUniversity(manager: EntityManager, programmeId: string): Promise<string | null> {
    const programme = await manager.findOne(Programme, {
      select: { id: true, universityId: true },
      where: { id: programmeId },
    });
    return programme?.universityId ?? null;
  }

  /** The programme ids among `ids` that belong to the university. */
  async programmesOfUniversity(
    manager: EntityManager,
    universityId: string,
    ids: string[],
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM programmes WHERE university_id = $1 AND id = ANY($2::uuid[])',
      [universityId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The companies among `companyIds` that are members of the foundation (none of no foundation). */
  async memberCompanies(
    manager: EntityManager,
    foundationId: string | null,
    companyIds: string[],
  ): Promise<Set<string>> {
    if (!foundationId || companyIds.length === 0) return new Set();
    const members = await manager.find(FoundationMember, {
      select: { companyId: true },
      where: { foundationId, companyId: In([...new Set(companyIds)]) },
    });
    return new Set(members.map((m) => m.companyId));
  }

  /** Each known supervisor's company. */
  async supervisorCompanies(
    manager: EntityManager,
    supervisorIds: string[],
  ): Promise<Map<string, string>> {
    if (supervisorIds.length === 0) return new Map();
    const supervisors = await manager.find(Supervisor, {
      select: { id: true, companyId: true },
      where: { id: In([...new Set(supervisorIds)]) },
    });
    return new Map(supervisors.map((s) => [s.id, s.companyId]));
  }

  /** The names of the universities or companies with these ids (unknown ids are left out). */
  async names(
    manager: EntityManager,
    kind: 'university' | 'company',
    ids: string[],
  ): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await manager
      .getRepository(ENTITY[kind])
      .find({ select: { id: true, name: true }, where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

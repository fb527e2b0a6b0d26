import { ForbiddenError, Principal } from '@app/common';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { editRight, SharedOwner } from './shared-records';

/**
 * The records, owned by other modules, through which a university comes to work with a company
 * or foundation: a match, employment, secondment or agreement with one of its students.
 */
export const WORKING_RELATION_SOURCES = [
  'matches',
  'employments',
  'secondments',
  'agreements',
] as const;
export type WorkingRelationSource = (typeof WORKING_RELATION_SOURCES)[number];

/** The shared records a university can work with through its students (not sector associations). */
export type PartyOwner = Extract<SharedOwner, { kind: 'company' | 'foundation' }>;

/**
 * What a module that owns some of those records tells the directory: whether one of its records
 * ties the university's students to the company or foundation. It reads its own tables only, in
 * the caller's transaction (one query).
 */
export interface WorkingRelationContributor {
  /** The records it answers for; every source must be answered for before the rule is asked. */
  readonly sources: readonly WorkingRelationSource[];
  worksWith(manager: EntityManager, universityId: string, owner: PartyOwner): Promise<boolean>;
}

/** $1: the record's id, $2: the university. The directory's own part of the rule. */
const REGISTERED_OR_PARTNERED: Record<SharedOwner['kind'], string> = {
  company: `SELECT EXISTS (SELECT 1 FROM companies WHERE id = $1 AND registered_by_university_id = $2) AS works`,
  foundation: `SELECT EXISTS (SELECT 1 FROM foundations WHERE id = $1 AND registered_by_university_id = $2) AS works`,
  sector_association: `SELECT EXISTS (SELECT 1 FROM sector_associations WHERE id = $1 AND registered_by_university_id = $2)
      OR EXISTS (SELECT 1 FROM route_sector_associations rsa JOIN routes r ON r.id = rsa.route_id
                  WHERE rsa.sector_association_id = $1 AND r.university_id = $2) AS works`,
};

const OWNER_NAMES: Record<SharedOwner['kind'], string> = {
  company: "the company's own representatives",
  foundation: "the foundation's own staff",
  sector_association: 'no one else',
};

/**
 * "Works with" (shared-records.ts states the rule) without the directory reading other modules'
 * tables: matching, placements and agreements register a contributor for their records when
 * their module starts. The directory sits below them all, so it asks them through this registry
 * instead of importing them.
 *
 * The rule never runs on part of its sources: a process that serves the directory (imports
 * DirectoryModule) refuses to start unless every source has a contributor, and a question asked
 * while one is missing fails loudly rather than answer "does not work with".
 */
@Injectable()
export class WorkingRelations implements OnApplicationBootstrap {
  private readonly contributors: WorkingRelationContributor[] = [];
  private readonly registered = new Set<WorkingRelationSource>();

  register(contributor: WorkingRelationContributor): void {
    for (const source of contributor.sources) {
      if (this.registered.has(source))
        throw new Error(`Working relations: ${source} already has a contributor`);
      this.registered.add(source);
    }
    this.contributors.push(contributor);
  }

  /** Contributors register in their modules' onModuleInit, which has run for all by now. */
  onApplicationBootstrap(): void {
    this.assertComplete();
  }

  /** The sources nobody answers for yet (none once the API has started). */
  missingSources(): WorkingRelationSource[] {
    return WORKING_RELATION_SOURCES.filter((source) => !this.registered.has(source));
  }

  async worksWith(
    manager: EntityManager,
    universityId: string,
    owner: SharedOwner,
  ): Promise<boolean> {
    if (owner.kind !== 'sector_association') this.assertComplete();
    const [row] = await manager.query(REGISTERED_OR_PARTNERED[owner.kind], [
      owner.id,
      universityId,
    ]);
    if (row?.works === true || owner.kind === 'sector_association') return row?.works === true;
    // One query per owning module, in the caller's transaction; the first yes decides.
    for (const contributor of this.contributors) {
      if (await contributor.worksWith(manager, universityId, owner)) return true;
    }
    return false;
  }

  async mayEdit(
    manager: EntityManager,
    principal: Principal,
    owner: SharedOwner,
  ): Promise<boolean> {
    const right = editRight(principal, owner);
    if (right !== 'if_works_with') return right === 'editor';
    return this.worksWith(manager, principal.universityId!, owner);
  }

  /**
   * 403 unless the caller may edit the record. Callers check readability first, so a record the
   * caller cannot see stays 404; one they can read but not edit is no secret, hence 403.
   */
  async assertMayEdit(
    manager: EntityManager,
    principal: Principal,
    owner: SharedOwner,
    action: string,
  ): Promise<void> {
    if (await this.mayEdit(manager, principal, owner)) return;
    throw new ForbiddenError(
      `Only admins, ${OWNER_NAMES[owner.kind]} and coordinators of a university that works with this ${owner.kind.replace('_', ' ')} may ${action}.`,
    );
  }

  private assertComplete(): void {
    const missing = this.missingSources();
    if (missing.length)
      throw new Error(
        `Working relations: no contributor for ${missing.join(', ')}; the module that owns them is not wired into this process`,
      );
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  PartyOwner,
  WorkingRelationContributor,
  WorkingRelations,
} from '../directory/working-relations';

/** $1: the company or foundation, $2: the university. */
const PLACEMENT_WITH: Record<PartyOwner['kind'], string> = {
  company: `SELECT EXISTS (SELECT 1 FROM employments WHERE employer_company_id = $1 AND university_id = $2)
      OR EXISTS (SELECT 1 FROM secondments s JOIN employments e ON e.id = s.employment_id
                  WHERE s.host_company_id = $1 AND e.university_id = $2) AS works`,
  foundation: `SELECT EXISTS (SELECT 1 FROM employments WHERE employer_foundation_id = $1 AND university_id = $2) AS works`,
};

/**
 * The placements' part of "a university works with a company or foundation": it employs one of
 * the university's students, or (a company) hosts one on secondment.
 */
@Injectable()
export class PlacementWorkingRelations implements WorkingRelationContributor, OnModuleInit {
  readonly sources = ['employments', 'secondments'] as const;

  constructor(private readonly relations: WorkingRelations) {}

  onModuleInit(): void {
    this.relations.register(this);
  }

  async worksWith(
    manager: EntityManager,
    universityId: string,
    owner: PartyOwner,
  ): Promise<boolean> {
    const [row] = await manager.query(PLACEMENT_WITH[owner.kind], [owner.id, universityId]);
    return row?.works === true;
  }
}

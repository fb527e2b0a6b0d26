import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  PartyOwner,
  WorkingRelationContributor,
  WorkingRelations,
} from '../directory/working-relations';

/** $1: the company or foundation, $2: the university. */
const MATCH_WITH: Record<PartyOwner['kind'], string> = {
  company: `SELECT EXISTS (SELECT 1 FROM matches WHERE company_id = $1 AND university_id = $2) AS works`,
  foundation: `SELECT EXISTS (SELECT 1 FROM matches WHERE foundation_id = $1 AND university_id = $2) AS works`,
};

/** The matches' part of "a university works with a company or foundation": a match of one of its students. */
@Injectable()
export class MatchingWorkingRelations implements WorkingRelationContributor, OnModuleInit {
  readonly sources = ['matches'] as const;

  constructor(private readonly relations: WorkingRelations) {}

  onModuleInit(): void {
    this.relations.register(this);
  }

  async worksWith(
    manager: EntityManager,
    universityId: string,
    owner: PartyOwner,
  ): Promise<boolean> {
    const [row] = await manager.query(MATCH_WITH[owner.kind], [owner.id, universityId]);
    return row?.works === true;
  }
}

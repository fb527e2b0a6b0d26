import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  PartyOwner,
  WorkingRelationContributor,
  WorkingRelations,
} from '../directory/working-relations';

/** $1: the company or foundation, $2: the university. */
const AGREEMENT_WITH: Record<PartyOwner['kind'], string> = {
  company: `SELECT EXISTS (SELECT 1 FROM agreements WHERE employer_company_id = $1 AND university_id = $2)
      OR EXISTS (SELECT 1 FROM agreements WHERE host_company_id = $1 AND university_id = $2) AS works`,
  foundation: `SELECT EXISTS (SELECT 1 FROM agreements WHERE employer_foundation_id = $1 AND university_id = $2) AS works`,
};

/**
 * The agreements' part of "a university works with a company or foundation": an agreement of one
 * of its students names it as employer (or, a company, as host).
 */
@Injectable()
export class AgreementWorkingRelations implements WorkingRelationContributor, OnModuleInit {
  readonly sources = ['agreements'] as const;

  constructor(private readonly relations: WorkingRelations) {}

  onModuleInit(): void {
    this.relations.register(this);
  }

  async worksWith(
    manager: EntityManager,
    universityId: string,
    owner: PartyOwner,
  ): Promise<boolean> {
    const [row] = await manager.query(AGREEMENT_WITH[owner.kind], [owner.id, universityId]);
    return row?.works === true;
  }
}

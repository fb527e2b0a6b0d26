import {
  applyScope,
  AuditService,
  decodeCursor,
  DEFAULT_LIMIT,
  escapeLike,
  mapPage,
  NotFoundError,
  Page,
  Principal,
  toPage,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { COMPANY_SCOPE } from '../companies/company-rules';
import { Company } from '../companies/company.entity';
import { actedAs } from '../shared-records';
import { distinctIds, malformedIdErrors, unknownCompanyErrors } from './foundation-rules';
import { AddFoundationMembersDto, ListFoundationMembersQueryDto } from './foundation.dto';
import { FoundationMember } from './foundation-member.entity';
import { FoundationsService } from './foundations.service';
import { WorkingRelations } from '../working-relations';

export type MemberWithCompany = FoundationMember & { company: Company };

/** Member (host) companies of a foundation: readable with the foundation, written by its editors. */
@Injectable()
export class FoundationMembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly foundations: FoundationsService,
    private readonly relations: WorkingRelations,
  ) {}

  /** Adds the companies; those already members stay as they are (the call is idempotent). */
  add(
    principal: Principal,
    foundationId: string,
    dto: AddFoundationMembersDto,
  ): Promise<{ added: string[]; members: MemberWithCompany[] }> {
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE: the foundation cannot change under us, concurrent member changes still run.
      const foundation = await this.foundations.get(
        principal,
        foundationId,
        manager,
        'pessimistic_read',
      );
      await this.relations.assertMayEdit(
        manager,
        principal,
        { kind: 'foundation', id: foundation.id },
        'change its members',
      );
      const malformed = malformedIdErrors(dto.companyIds);
      if (malformed.length) throw new ValidationError(malformed);
      const ids = distinctIds(dto.companyIds);
      const known = await applyScope(
        manager
          .getRepository(Company)
          .createQueryBuilder('c')
          .select('c.id')
          .where('c.id IN (:...ids)', { ids }),
        principal,
        COMPANY_SCOPE,
      ).getMany();
      const unknown = unknownCompanyErrors(dto.companyIds, new Set(known.map((c) => c.id)));
      if (unknown.length) throw new ValidationError(unknown);

      // ON CONFLICT DO NOTHING: existing members keep their joinedAt, concurrent adds cannot collide.
      const inserted: { company_id: string }[] = await manager.query(
        `INSERT INTO foundation_members (foundation_id, company_id)
         SELECT $1::uuid, unnest($2::uuid[])
         ON CONFLICT DO NOTHING
         RETURNING company_id`,
        [foundation.id, ids],
      );
      const insertedIds = new Set(inserted.map((r) => r.company_id));
      const added = ids.filter((id) => insertedIds.has(id));
      if (added.length) {
        await this.audit.record(manager, principal, {
          resourceType: 'foundation',
          resourceId: foundation.id,
          action: 'members_added',
          universityId: principal.role === 'coordinator' ? principal.universityId : null,
          data: { companyIds: added, changes: { members: { added } }, by: actedAs(principal) },
        });
      }
      const members = (await this.membersQuery(manager, foundation.id)
        .andWhere('m.company_id IN (:...ids)', { ids })
        .getMany()) as MemberWithCompany[];
      const order = new Map(ids.map((id, i) => [id, i]));
      members.sort((a, b) => (order.get(a.companyId) ?? 0) - (order.get(b.companyId) ?? 0));
      return { added, members };
    });
  }

  /** Keyset-paged by company id, like every other list. */
  async list(
    principal: Principal,
    foundationId: string,
    query: ListFoundationMembersQueryDto,
  ): Promise<Page<MemberWithCompany>> {
    await this.foundations.get(principal, foundationId);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const qb = this.membersQuery(this.dataSource.manager, foundationId);
    if (query.q) qb.andWhere('c.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    if (query.cursor) qb.andWhere('m.company_id > :after', { after: decodeCursor(query.cursor) });
    const rows = (await qb
      .orderBy('m.company_id', 'ASC')
      .limit(limit + 1)
      .getMany()) as MemberWithCompany[];
    const page = toPage(
      rows.map((member) => ({ id: member.companyId, member })),
      limit,
    );
    return mapPage(page, (row) => row.member);
  }

  async remove(principal: Principal, foundationId: string, companyId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const foundation = await this.foundations.get(
        principal,
        foundationId,
        manager,
        'pessimistic_read',
      );
      await this.relations.assertMayEdit(
        manager,
        principal,
        { kind: 'foundation', id: foundation.id },
        'change its members',
      );
      const result = await manager.delete(FoundationMember, {
        foundationId: foundation.id,
        companyId,
      });
      if (!result.affected)
        throw new NotFoundError(`Member company ${companyId} of foundation`, foundation.id);
      await this.audit.record(manager, principal, {
        resourceType: 'foundation',
        resourceId: foundation.id,
        action: 'member_removed',
        universityId: principal.role === 'coordinator' ? principal.universityId : null,
        data: { companyId, changes: { members: { removed: [companyId] } }, by: actedAs(principal) },
      });
    });
  }

  /** Members with their company (inner join: a member always has one, the foreign key says so). */
  private membersQuery(
    manager: EntityManager,
    foundationId: string,
  ): SelectQueryBuilder<FoundationMember> {
    return manager
      .getRepository(FoundationMember)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.company', 'c')
      .where('m.foundation_id = :foundationId', { foundationId });
  }
}

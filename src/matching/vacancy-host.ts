import { ValidationError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { Match } from './entities/match.entity';
import { Vacancy } from './entities/vacancy.entity';
import { OPEN_MATCH_STATUSES } from './match-lifecycle';

export interface WorkplaceChange {
  hostCompanyId?: string | null;
  supervisorId?: string;
}

/**
 * A vacancy edit that touches its workplace, checked and applied to the locked vacancy in the
 * edit's transaction. A foundation vacancy's host (the first secondment of whoever accepts) may
 * be named, changed or cleared (null: the student starts on the bench); it must be a member of
 * the foundation. A supervisor must work at the workplace; one who worked at the previous host
 * is cleared with the host change. Open matches follow the host, so its representative sees
 * them. Returns what changed besides the given fields, for the audit record.
 */
@Injectable()
export class VacancyHost {
  constructor(private readonly directory: DirectoryReads) {}

  async applyWorkplaceChange(
    manager: EntityManager,
    vacancy: Vacancy,
    change: WorkplaceChange,
  ): Promise<{ supervisorCleared: boolean }> {
    const hostChanges =
      change.hostCompanyId !== undefined && change.hostCompanyId !== vacancy.hostCompanyId;
    if (change.hostCompanyId !== undefined) {
      if (!vacancy.foundationId) {
        throw new ValidationError([
          {
            field: 'hostCompanyId',
            message: 'only applies to a foundation vacancy (a company vacancy is at the company)',
          },
        ]);
      }
      if (change.hostCompanyId) {
        const members = await this.directory.memberCompanies(manager, vacancy.foundationId, [
          change.hostCompanyId,
        ]);
        if (!members.has(change.hostCompanyId))
          throw new ValidationError([
            { field: 'hostCompanyId', message: 'is not a member company of the foundation' },
          ]);
      }
    }
    const host = change.hostCompanyId === undefined ? vacancy.hostCompanyId : change.hostCompanyId;
    const workplace = vacancy.companyId ?? host;
    const atWorkplace = async (supervisorId: string) => {
      const supervisors = await this.directory.supervisorsByIds(manager, [supervisorId]);
      return !!workplace && supervisors.get(supervisorId)?.companyId === workplace;
    };
    if (change.supervisorId !== undefined && !(await atWorkplace(change.supervisorId))) {
      throw new ValidationError([
        { field: 'supervisorId', message: 'is not a supervisor of the workplace company' },
      ]);
    }
    let supervisorCleared = false;
    if (hostChanges) {
      vacancy.hostCompanyId = host;
      if (
        change.supervisorId === undefined &&
        vacancy.supervisorId &&
        !(await atWorkplace(vacancy.supervisorId))
      ) {
        vacancy.supervisorId = null;
        supervisorCleared = true;
      }
      await manager
        .createQueryBuilder()
        .update(Match)
        .set({ companyId: host })
        .where('vacancy_id = :id AND status = ANY(:open)', {
          id: vacancy.id,
          open: OPEN_MATCH_STATUSES,
        })
        .execute();
    }
    if (change.supervisorId !== undefined) vacancy.supervisorId = change.supervisorId;
    return { supervisorCleared };
  }
}

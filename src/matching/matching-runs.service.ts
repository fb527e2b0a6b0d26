import {
  applyScope,
  assertOwnScope,
  assertRole,
  AuditService,
  findInScope,
  newId,
  JobsService,
  paginate,
  Principal,
  ScopeRules,
  ValidationError,
} from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { JOBS, jobKeys, QUEUES } from '../jobs/queues';
import { CreateMatchingRunDto, ListMatchingRunsQueryDto } from './dto/run.dto';
import { MatchingRun } from './entities/matching-run.entity';
import { matchingConfig } from './matching.config';

export const RUN_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  integration: { column: 'university_id', principalField: 'universityId' },
};

/** Whole-cohort matching runs: asked for here (202), computed by the worker, read back with their figures. */
@Injectable()
export class MatchingRunsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(MatchingRun) private readonly runs: Repository<MatchingRun>,
    private readonly directory: DirectoryReads,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    @Inject(matchingConfig.KEY) private readonly config: ConfigType<typeof matchingConfig>,
  ) {}

  create(principal: Principal, dto: CreateMatchingRunDto): Promise<MatchingRun> {
    assertRole(principal, ['admin', 'coordinator'], 'start matching runs');
    assertOwnScope(principal, 'universityId', dto.universityId, 'start matching runs');
    return this.dataSource.transaction(async (manager) => {
      const errors = [];
      if (!(await this.directory.exists(manager, 'university', dto.universityId)))
        errors.push({ field: 'universityId', message: 'does not exist' });
      if (dto.programmeId) {
        const p = (await this.directory.programmesByIds(manager, [dto.programmeId])).get(
          dto.programmeId,
        );
        if (p?.universityId !== dto.universityId)
          errors.push({ field: 'programmeId', message: 'is not a programme of this university' });
      }
      if (dto.routeId) {
        const r = (await this.directory.routesByIds(manager, [dto.routeId])).get(dto.routeId);
        if (r?.universityId !== dto.universityId)
          errors.push({ field: 'routeId', message: 'is not a route of this university' });
      }
      if (errors.length) throw new ValidationError(errors);
      const run = manager.create(MatchingRun, {
        id: newId(),
        universityId: dto.universityId,
        programmeId: dto.programmeId ?? null,
        routeId: dto.routeId ?? null,
        cohort: dto.cohort ?? null,
        seed: dto.seed ?? randomBytes(8).toString('hex'),
        weights: this.config.weights,
        listLength: this.config.listLength,
        status: 'queued',
        createdBy: `${principal.kind}:${principal.id}`,
      });
      await manager.save(run);
      await this.jobs.enqueue(manager, {
        queue: QUEUES.matching,
        kind: JOBS.matchingRun,
        key: jobKeys.matchingRun(run.id),
        subject: { type: 'matching_run', id: run.id },
        payload: { runId: run.id },
      });
      await this.audit.record(manager, principal, {
        resourceType: 'matching_run',
        resourceId: run.id,
        action: 'requested',
        universityId: run.universityId,
        data: { ...dto, seed: run.seed },
      });
      return run;
    });
  }

  get(principal: Principal, id: string): Promise<MatchingRun> {
    return findInScope(this.runs.manager, MatchingRun, id, principal, RUN_SCOPE, {
      resource: 'MatchingRun',
    });
  }

  list(principal: Principal, query: ListMatchingRunsQueryDto) {
    return paginate(applyScope(this.runs.createQueryBuilder('r'), principal, RUN_SCOPE), query);
  }
}

import {
  applyScope,
  assertOwnScope,
  AuditService,
  NotFoundError,
  Page,
  paginate,
  Principal,
  ScopeRules,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { generateApiKey } from './api-key-secret';
import { CreateApiKeyDto, ListApiKeysQueryDto } from './dto/api-key.dto';
import { ApiKey } from './entities/api-key.entity';

const API_KEY_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
};

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
    private readonly directory: DirectoryReads,
  ) {}

  async create(
    principal: Principal,
    dto: CreateApiKeyDto,
  ): Promise<{ apiKey: ApiKey; key: string }> {
    assertOwnScope(principal, 'universityId', dto.universityId, 'create API keys');
    const secret = generateApiKey();
    const apiKey = await this.dataSource.transaction(async (manager) => {
      if (!(await this.directory.exists(manager, 'university', dto.universityId)))
        throw new ValidationError([{ field: 'universityId', message: 'does not exist' }]);
      const created = manager.create(ApiKey, {
        name: dto.name.trim(),
        universityId: dto.universityId,
        keyPrefix: secret.prefix,
        secretHash: secret.hash,
        createdById: principal.kind === 'user' ? principal.id : null,
        revokedAt: null,
        lastUsedAt: null,
      });
      await manager.save(created);
      await this.audit.record(manager, principal, {
        resourceType: 'api_key',
        resourceId: created.id,
        action: 'created',
        universityId: dto.universityId,
        data: { name: created.name, keyPrefix: created.keyPrefix },
      });
      return created;
    });
    return { apiKey, key: secret.key };
  }

  list(principal: Principal, query: ListApiKeysQueryDto): Promise<Page<ApiKey>> {
    const qb = applyScope(this.apiKeys.createQueryBuilder('k'), principal, API_KEY_SCOPE);
    if (query.universityId) qb.andWhere('k.university_id = :uid', { uid: query.universityId });
    return paginate(qb, query);
  }

  async revoke(principal: Principal, id: string): Promise<ApiKey> {
    return this.dataSource.transaction(async (manager) => {
      const apiKey = await applyScope(
        manager.getRepository(ApiKey).createQueryBuilder('k').where('k.id = :id', { id }),
        principal,
        API_KEY_SCOPE,
      )
        .setLock('pessimistic_write')
        .getOne();
      if (!apiKey) throw new NotFoundError('API key', id);
      if (!apiKey.revokedAt) {
        apiKey.revokedAt = new Date();
        await manager.save(apiKey);
        await this.audit.record(manager, principal, {
          resourceType: 'api_key',
          resourceId: apiKey.id,
          action: 'revoked',
          universityId: apiKey.universityId,
        });
      }
      return apiKey;
    });
  }
}

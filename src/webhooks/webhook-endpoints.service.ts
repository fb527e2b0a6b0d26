import {
  AuditService,
  Clock,
  ListQueryDto,
  mapPage,
  newId,
  NotFoundError,
  Page,
  paginate,
  Principal,
  ValidationError,
} from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenTargetError, generateWebhookSecret, resolveTarget, SecretBox } from './delivery';
import {
  CreatedWebhookEndpointDto,
  CreateWebhookEndpointDto,
  RotatedSecretDto,
  RotateSecretDto,
  WebhookEndpointDto,
} from './dto/webhooks.dto';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { endpointUrlProblems } from './webhook-rules';
import { webhooksConfig } from './webhooks.config';

export function endpointDto(e: WebhookEndpoint): WebhookEndpointDto {
  return {
    id: e.id,
    universityId: e.universityId,
    url: e.url,
    description: e.description,
    events: e.events,
    status: e.status,
    disabledReason: e.disabledReason,
    disabledAt: e.disabledAt?.toISOString() ?? null,
    failingSince: e.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: e.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/**
 * Webhook endpoints of a university, managed by its coordinators and integration keys, and by
 * admins for any university. Another university's endpoint is not found.
 */
@Injectable()
export class WebhookEndpointsService {
  private readonly secrets: SecretBox;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(webhooksConfig.KEY) private readonly config: ConfigType<typeof webhooksConfig>,
  ) {
    this.secrets = new SecretBox(config.secretKey);
  }

  async create(p: Principal, dto: CreateWebhookEndpointDto): Promise<CreatedWebhookEndpointDto> {
    const universityId = this.universityFor(p, dto.universityId);
    await this.checkTarget(dto.url);
    const secret = generateWebhookSecret();
    return this.dataSource.transaction(async (manager) => {
      const university = await manager.query(`SELECT 1 FROM universities WHERE id = $1`, [
        universityId,
      ]);
      if (university.length === 0) throw new NotFoundError('University', universityId);
      const endpoint = manager.create(WebhookEndpoint, {
        id: newId(),
        universityId,
        url: dto.url,
        description: dto.description ?? null,
        events: dto.events,
        secretSealed: this.secrets.seal(secret),
        previousSecretSealed: null,
        previousSecretExpiresAt: null,
        status: 'active',
        disabledReason: null,
        disabledAt: null,
        failingSince: null,
        deletedAt: null,
      });
      await manager.save(endpoint);
      await this.audit.record(manager, p, {
        resourceType: 'webhook_endpoint',
        resourceId: endpoint.id,
        action: 'created',
        universityId,
        data: { url: endpoint.url, events: endpoint.events },
      });
      return { ...endpointDto(endpoint), secret };
    });
  }

  async list(p: Principal, query: ListQueryDto): Promise<Page<WebhookEndpointDto>> {
    const qb = this.dataSource
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('e')
      .where('e.deleted_at IS NULL');
    const own = this.ownUniversity(p);
    if (own) qb.andWhere('e.university_id = :own', { own });
    return mapPage(await paginate(qb, query), endpointDto);
  }

  async get(p: Principal, id: string): Promise<WebhookEndpointDto> {
    return endpointDto(await this.visible(this.dataSource.manager, p, id));
  }

  /** Gone for good; deliveries still waiting are cancelled, the log stays for admins. */
  async remove(p: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.visible(manager, p, id, true);
      endpoint.deletedAt = this.clock.now();
      await manager.save(endpoint);
      const cancelled = await this.cancelPending(manager, endpoint.id, 'the endpoint was deleted');
      await this.audit.record(manager, p, {
        resourceType: 'webhook_endpoint',
        resourceId: endpoint.id,
        action: 'deleted',
        universityId: endpoint.universityId,
        data: { cancelledDeliveries: cancelled },
      });
    });
  }

  /** A new secret; the old one keeps signing beside it for the overlap, so receivers can switch. */
  async rotateSecret(p: Principal, id: string, dto: RotateSecretDto): Promise<RotatedSecretDto> {
    const overlapMs =
      dto.overlapHours === undefined
        ? this.config.secretOverlapMs
        : Math.round(dto.overlapHours * 3_600_000);
    const secret = generateWebhookSecret();
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.visible(manager, p, id, true);
      const until = overlapMs > 0 ? new Date(this.clock.now().getTime() + overlapMs) : null;
      endpoint.previousSecretSealed = until ? endpoint.secretSealed : null;
      endpoint.previousSecretExpiresAt = until;
      endpoint.secretSealed = this.secrets.seal(secret);
      await manager.save(endpoint);
      await this.audit.record(manager, p, {
        resourceType: 'webhook_endpoint',
        resourceId: endpoint.id,
        action: 'secret_rotated',
        universityId: endpoint.universityId,
        data: { previousSecretExpiresAt: until?.toISOString() ?? null },
      });
      return { secret, previousSecretExpiresAt: until?.toISOString() ?? null };
    });
  }

  /** A disabled endpoint receives again (new events; redeliver what it missed). */
  async enable(p: Principal, id: string): Promise<WebhookEndpointDto> {
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.visible(manager, p, id, true);
      if (endpoint.status !== 'active') {
        endpoint.status = 'active';
        endpoint.disabledAt = null;
        endpoint.disabledReason = null;
        endpoint.failingSince = null;
        await manager.save(endpoint);
        await this.audit.record(manager, p, {
          resourceType: 'webhook_endpoint',
          resourceId: endpoint.id,
          action: 'enabled',
          universityId: endpoint.universityId,
        });
      }
      return endpointDto(endpoint);
    });
  }

  /** The endpoint if the caller may see it (its university's, or any for admins), locked when asked. */
  async visible(
    manager: EntityManager,
    p: Principal,
    id: string,
    lock = false,
  ): Promise<WebhookEndpoint> {
    const qb = manager
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('e')
      .where('e.id = :id AND e.deleted_at IS NULL', { id });
    const own = this.ownUniversity(p);
    if (own) qb.andWhere('e.university_id = :own', { own });
    if (lock) qb.setLock('pessimistic_write');
    const endpoint = await qb.getOne();
    if (!endpoint) throw new NotFoundError('Webhook endpoint', id);
    return endpoint;
  }

  async cancelPending(manager: EntityManager, endpointId: string, why: string): Promise<number> {
    const [, cancelled]: [unknown[], number] = await manager.query(
      `UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL, last_error = $2
        WHERE endpoint_id = $1 AND status = 'pending'`,
      [endpointId, why],
    );
    return cancelled;
  }

  /** Null for admins (every university); else the caller's own university. */
  ownUniversity(p: Principal): string | null {
    if (p.role === 'admin') return null;
    if (!p.universityId) throw new NotFoundError('Webhook endpoint');
    return p.universityId;
  }

  private universityFor(p: Principal, asked: string | undefined): string {
    if (p.role === 'admin') {
      if (!asked)
        throw new ValidationError([
          {
            field: 'universityId',
            message: 'is required: name the university whose events it receives',
          },
        ]);
      return asked;
    }
    const own = p.universityId;
    if (!own || (asked && asked !== own)) throw new NotFoundError('University', asked);
    return own;
  }

  /** The URL's form, then where it resolves to: never loopback, private or metadata addresses. */
  private async checkTarget(raw: string): Promise<void> {
    const problems = endpointUrlProblems(raw, this.config.requireHttps);
    if (problems.length) throw new ValidationError(problems);
    try {
      await resolveTarget(new URL(raw), this.config.allowPrivateTargets);
    } catch (error) {
      const message =
        error instanceof ForbiddenTargetError
          ? `${error.message} (webhooks only reach public addresses)`
          : `its host does not resolve (${(error as Error).message})`;
      throw new ValidationError([{ field: 'url', message }]);
    }
  }
}

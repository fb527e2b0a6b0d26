import {
  AuditService,
  Clock,
  ConflictError,
  JobsService,
  newId,
  NotFoundError,
  Page,
  Principal,
  toPage,
  decodeCursor,
  DEFAULT_LIMIT,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DeliveriesQueryDto,
  WebhookAttemptDto,
  WebhookDeliveryDetailDto,
  WebhookDeliveryDto,
} from './dto/webhooks.dto';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { attemptJob } from './webhook-outbox';

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  msg_id: string;
  event_type: string;
  status: WebhookDeliveryDto['status'];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function deliveryDto(r: DeliveryRow): WebhookDeliveryDto {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    webhookId: r.msg_id,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    lastAttemptAt: iso(r.last_attempt_at),
    nextAttemptAt: iso(r.next_attempt_at),
    deliveredAt: iso(r.delivered_at),
    createdAt: r.created_at.toISOString(),
  };
}

const DELIVERY_COLUMNS = `d.id, d.endpoint_id, ev.msg_id, d.event_type, d.status, d.attempts,
  d.last_status_code, d.last_error, d.last_attempt_at, d.next_attempt_at, d.delivered_at, d.created_at`;

/** The delivery log of an endpoint, one delivery's attempts, and redelivery. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointsService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Newest first. */
  async list(
    p: Principal,
    endpointId: string,
    query: DeliveriesQueryDto,
  ): Promise<Page<WebhookDeliveryDto>> {
    await this.endpoints.visible(this.dataSource.manager, p, endpointId);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const params: unknown[] = [endpointId, limit + 1];
    const where = ['d.endpoint_id = $1'];
    if (query.status) where.push(`d.status = $${params.push(query.status)}`);
    if (query.cursor) where.push(`d.id < $${params.push(decodeCursor(query.cursor))}`);
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d
         JOIN webhook_events ev ON ev.id = d.event_id
        WHERE ${where.join(' AND ')} ORDER BY d.id DESC LIMIT $2`,
      params,
    );
    const page = toPage(rows, limit);
    return { data: page.data.map(deliveryDto), nextCursor: page.nextCursor };
  }

  async get(p: Principal, id: string): Promise<WebhookDeliveryDetailDto> {
    const row = await this.visible(p, id);
    const attempts: {
      number: number;
      started_at: Date;
      duration_ms: number;
      outcome: string;
      status_code: number | null;
      error: string | null;
      response_body: string | null;
    }[] = await this.dataSource.query(
      `SELECT number, started_at, duration_ms, outcome, status_code, error, response_body
         FROM webhook_attempts WHERE delivery_id = $1 ORDER BY number`,
      [id],
    );
    const attemptLog: WebhookAttemptDto[] = attempts.map((a) => ({
      number: a.number,
      startedAt: a.started_at.toISOString(),
      durationMs: a.duration_ms,
      outcome: a.outcome,
      statusCode: a.status_code,
      error: a.error,
      responseBody: a.response_body,
    }));
    return { ...deliveryDto(row), attemptLog };
  }

  /**
   * Sends the same event again (same `webhook-id` and body) with a fresh retry schedule: after a
   * failure, a cancellation, or to replay one that succeeded. Not while it is still pending.
   */
  async redeliver(p: Principal, id: string): Promise<WebhookDeliveryDto> {
    const { endpoint_id: endpointId } = await this.visible(p, id);
    return this.dataSource.transaction(async (manager) => {
      // The endpoint's row before the delivery's, the order every writer of both takes.
      const endpoint = await this.endpoints.visible(manager, p, endpointId, true);
      const [d]: { status: string; attempts: number; university_id: string }[] =
        await manager.query(
          // Numbered after every attempt logged, so a redelivery is never taken for a repeat.
          `SELECT status, university_id,
                  GREATEST(attempts, (SELECT max(number) FROM webhook_attempts WHERE delivery_id = $1)) AS attempts
             FROM webhook_deliveries WHERE id = $1 FOR NO KEY UPDATE`,
          [id],
        );
      if (d.status === 'pending')
        throw new ConflictError(
          'The delivery is still pending: its next attempt is scheduled.',
          'delivery-pending',
        );
      // Cancelled while an attempt was under way (the endpoint disabled meanwhile): a redelivery
      // now would number its first attempt like that one. It is over within the attempt timeout.
      if (await this.jobs.runningFor(manager, { type: 'webhook_delivery', id }))
        throw new ConflictError(
          'An attempt of this delivery is still under way: ask again once it has finished.',
          'attempt-in-flight',
        );
      if (endpoint.status !== 'active')
        throw new ConflictError(
          'The endpoint is disabled: enable it first (POST /webhook-endpoints/:id/enable).',
          'endpoint-disabled',
        );
      const now = this.clock.now();
      await manager.query(
        `UPDATE webhook_deliveries SET status = 'pending', round_attempts = 0, next_attempt_at = $2,
                last_error = NULL WHERE id = $1`,
        [id, now],
      );
      await this.jobs.enqueue(manager, attemptJob(id, d.attempts + 1, undefined, newId()));
      await this.audit.record(manager, p, {
        resourceType: 'webhook_delivery',
        resourceId: id,
        action: 'redelivery_requested',
        universityId: d.university_id,
      });
      const [row]: DeliveryRow[] = await manager.query(
        `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d
           JOIN webhook_events ev ON ev.id = d.event_id WHERE d.id = $1`,
        [id],
      );
      return deliveryDto(row);
    });
  }

  /** A delivery of an endpoint the caller may see (deleted endpoints' logs: admins only). */
  private async visible(p: Principal, id: string): Promise<DeliveryRow> {
    const own = this.endpoints.ownUniversity(p);
    const [row]: DeliveryRow[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d
         JOIN webhook_events ev ON ev.id = d.event_id
         JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE d.id = $1 AND ($2::uuid IS NULL OR (d.university_id = $2 AND e.deleted_at IS NULL))`,
      [id, own],
    );
    if (!row) throw new NotFoundError('Webhook delivery', id);
    return row;
  }
}

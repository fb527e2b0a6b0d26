import { Clock, JobsService, newId } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOBS, jobKeys, QUEUES } from '../jobs/queues';
import type { WebhookEventType } from './webhook-events.catalogue';

export interface OutboxEvent {
  type: WebhookEventType;
  /** Only this university's endpoints hear of it. */
  universityId: string;
  data: Record<string, unknown>;
}

/**
 * The job that makes attempt `attempt` of a delivery, at `notBefore` (default: at once); a
 * redelivery's carries its request's id in the key.
 */
export function attemptJob(
  deliveryId: string,
  attempt: number,
  notBefore?: Date,
  redeliveryId?: string,
) {
  return {
    queue: QUEUES.webhooks,
    kind: JOBS.webhookAttempt,
    key: redeliveryId
      ? jobKeys.webhookRedelivery(deliveryId, attempt, redeliveryId)
      : jobKeys.webhookAttempt(deliveryId, attempt),
    subject: { type: 'webhook_delivery', id: deliveryId },
    payload: { deliveryId, attempt },
    notBefore,
  };
}

/**
 * Writes an event to the outbox and fans it out, all in the caller's transaction: the event row
 * (its body fixed once), one delivery per active endpoint of the university that subscribed to
 * the type, and one job per delivery on the job path. The change, its event and its deliveries
 * commit together or not at all; while Redis is away the jobs wait in PostgreSQL.
 */
@Injectable()
export class WebhookOutbox {
  constructor(
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  async record(
    manager: EntityManager,
    event: OutboxEvent,
  ): Promise<{ msgId: string; deliveries: number }> {
    const id = newId();
    const occurredAt = this.clock.now();
    const body = JSON.stringify({
      type: event.type,
      timestamp: occurredAt.toISOString(),
      data: event.data,
    });
    const msgId = `msg_${id.replace(/-/g, '')}`;
    await manager.query(
      `INSERT INTO webhook_events (id, msg_id, type, university_id, body, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, msgId, event.type, event.universityId, body, occurredAt],
    );
    const endpoints: { id: string }[] = await manager.query(
      `SELECT id FROM webhook_endpoints
        WHERE university_id = $1 AND status = 'active' AND deleted_at IS NULL AND $2 = ANY(events)`,
      [event.universityId, event.type],
    );
    if (endpoints.length === 0) return { msgId, deliveries: 0 };
    const deliveryIds = endpoints.map(() => newId());
    await manager.query(
      `INSERT INTO webhook_deliveries (id, event_id, endpoint_id, university_id, event_type, status, next_attempt_at)
       SELECT d, $3, e, $4, $5, 'pending', $6 FROM unnest($1::uuid[], $2::uuid[]) AS t(d, e)`,
      [deliveryIds, endpoints.map((e) => e.id), id, event.universityId, event.type, occurredAt],
    );
    await this.jobs.enqueueMany(
      manager,
      deliveryIds.map((deliveryId) => attemptJob(deliveryId, 1)),
    );
    return { msgId, deliveries: deliveryIds.length };
  }
}

import {
  ClaimedJob,
  Clock,
  DeferJobError,
  JobHandler,
  JobHandlerFor,
  JobsService,
  newId,
} from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource, EntityManager } from 'typeorm';
import { JOBS, QUEUES } from '../jobs/queues';
import { nextRetryDelayMs, SecretBox, SendResult, sendWebhook, webhookHeaders } from './delivery';
import { disabledReason } from './webhook-rules';
import { attemptJob } from './webhook-outbox';
import { webhooksConfig } from './webhooks.config';

interface AttemptTarget {
  status: string;
  attempts: number;
  round_attempts: number;
  endpoint_id: string;
  url: string;
  endpoint_status: string;
  deleted_at: Date | null;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  failing_since: Date | null;
  msg_id: string;
  body: string;
}

/** A busy endpoint's attempt waits about this long before it asks for a slot again, at first. */
const BUSY_WAIT_MS = 1_000;
const MIN_BUSY_WAIT_MS = 100;

/**
 * Makes one attempt of a delivery: signs the event's fixed body for this attempt (Standard
 * Webhooks v1, with the previous secret too during a rotation's overlap), sends it to the
 * endpoint's URL as resolved now (never to a private address, redirects not followed, 10 s),
 * and records the answer. A 2xx succeeds; anything else schedules the next attempt on
 * WEBHOOK_RETRY_DELAYS as a job of its own, until the schedule runs out (`failed`). An endpoint
 * failing for WEBHOOK_DISABLE_AFTER_DAYS is disabled and its waiting deliveries cancelled.
 *
 * Attempts to one endpoint are limited per worker (WEBHOOK_ENDPOINT_CONCURRENCY): a slow or
 * hanging receiver holds only those slots; its other attempts go back to wait (not counted) and
 * the remaining slots serve every other endpoint. A run that died after sending may send again
 * (the same `webhook-id`, which receivers deduplicate by); an attempt is recorded once.
 */
@Injectable()
@JobHandlerFor({ queue: QUEUES.webhooks, kinds: [JOBS.webhookAttempt] })
export class WebhookAttemptHandler implements JobHandler {
  private readonly secrets: SecretBox;
  /** When each attempt in flight to an endpoint started (ms since the epoch), per endpoint. */
  private readonly inFlight = new Map<string, number[]>();
  /** A moving average of each endpoint's attempt durations (ms), seen by this worker. */
  private readonly typicalMs = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    @Inject(webhooksConfig.KEY) private readonly config: ConfigType<typeof webhooksConfig>,
  ) {
    this.secrets = new SecretBox(config.secretKey);
  }

  /** WEBHOOK_CONCURRENCY: attempts one worker process makes at once. */
  get concurrency(): number {
    return this.config.concurrency;
  }

  async run(job: ClaimedJob): Promise<Record<string, unknown>> {
    const { deliveryId, attempt } = job.payload as { deliveryId: string; attempt: number };
    const target = await this.target(deliveryId);
    // Done, cancelled, or this attempt already made by an earlier run: nothing to send.
    if (!target || target.status !== 'pending' || target.attempts >= attempt) {
      return { skipped: target?.status ?? 'missing' };
    }
    const running = this.inFlight.get(target.endpoint_id) ?? [];
    if (running.length >= this.config.endpointConcurrency) {
      throw new DeferJobError(
        this.busyWaitMs(target.endpoint_id),
        'the endpoint has as many attempts in flight as it may',
      );
    }
    const startedAt = this.clock.now();
    this.inFlight.set(target.endpoint_id, [...running, startedAt.getTime()]);
    let result: SendResult;
    try {
      result = await sendWebhook({
        url: target.url,
        headers: webhookHeaders({
          msgId: target.msg_id,
          timestampSeconds: Math.floor(startedAt.getTime() / 1000),
          body: target.body,
          secrets: this.signingSecrets(target, startedAt),
        }),
        body: target.body,
        timeoutMs: this.config.timeoutMs,
        allowPrivate: this.config.allowPrivateTargets,
      });
    } finally {
      const left = [...(this.inFlight.get(target.endpoint_id) ?? [])];
      left.splice(left.indexOf(startedAt.getTime()), 1);
      const took = this.clock.now().getTime() - startedAt.getTime();
      const typical = this.typicalMs.get(target.endpoint_id);
      this.typicalMs.set(
        target.endpoint_id,
        typical === undefined ? took : 0.8 * typical + 0.2 * took,
      );
      if (left.length > 0) this.inFlight.set(target.endpoint_id, left);
      else this.inFlight.delete(target.endpoint_id);
    }
    const status = await this.record(deliveryId, attempt, target, startedAt, result);
    return { outcome: result.outcome, statusCode: result.statusCode, status };
  }

  /**
   * How long an attempt to a busy endpoint waits before it asks again: about two of its usual
   * attempts, or twice as long as the oldest one still running if that is longer (a fast
   * receiver's turn comes back in a fraction of a second; a hanging one's attempts wait about
   * its timeout instead of asking every second), with jitter.
   */
  private busyWaitMs(endpointId: string): number {
    const running = this.inFlight.get(endpointId) ?? [];
    const oldest = running.length ? this.clock.now().getTime() - Math.min(...running) : 0;
    const usual = Math.max(this.typicalMs.get(endpointId) ?? 0, oldest);
    const wait =
      usual === 0
        ? BUSY_WAIT_MS
        : Math.min(this.config.timeoutMs, Math.max(MIN_BUSY_WAIT_MS, 2 * usual));
    return Math.round(wait * (0.5 + Math.random()));
  }

  private async target(deliveryId: string): Promise<AttemptTarget | undefined> {
    const rows: AttemptTarget[] = await this.dataSource.query(
      `SELECT d.status, d.attempts, d.round_attempts, d.endpoint_id, e.url, e.status AS endpoint_status,
              e.deleted_at, e.secret_sealed, e.previous_secret_sealed, e.previous_secret_expires_at,
              e.failing_since, ev.msg_id, ev.body
         FROM webhook_deliveries d
         JOIN webhook_endpoints e ON e.id = d.endpoint_id
         JOIN webhook_events ev ON ev.id = d.event_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    return rows[0];
  }

  /** The current secret, and the previous one while its overlap lasts. */
  private signingSecrets(target: AttemptTarget, now: Date): string[] {
    const secrets = [this.secrets.open(target.secret_sealed)];
    if (
      target.previous_secret_sealed &&
      target.previous_secret_expires_at &&
      target.previous_secret_expires_at > now
    ) {
      secrets.push(this.secrets.open(target.previous_secret_sealed));
    }
    return secrets;
  }

  /**
   * The attempt and what follows from it. A success is one statement (the attempt logged, the
   * delivery succeeded: atomic without a transaction, the common case kept to one round trip);
   * a failure is one transaction (the attempt, the delivery's next state, the next attempt's
   * job, the endpoint's health).
   */
  private async record(
    deliveryId: string,
    attempt: number,
    target: AttemptTarget,
    startedAt: Date,
    result: SendResult,
  ): Promise<string> {
    const attemptRow = [
      newId(),
      deliveryId,
      attempt,
      startedAt,
      Math.round(result.durationMs),
      result.outcome,
      result.statusCode,
      result.error,
      result.responseBody,
    ];
    const insertAttempt = `INSERT INTO webhook_attempts (id, delivery_id, number, started_at, duration_ms,
                                       outcome, status_code, error, response_body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (delivery_id, number) DO NOTHING RETURNING id`;
    if (result.outcome === 'delivered') {
      // An UPDATE answers [rows, count] through TypeORM.
      const [rows]: [{ status: string }[], number] = await this.dataSource.query(
        `WITH attempt AS (${insertAttempt})
         UPDATE webhook_deliveries
            SET status = 'succeeded', attempts = GREATEST(attempts, $3),
                round_attempts = round_attempts + 1, last_attempt_at = $4, last_status_code = $7,
                last_error = NULL, next_attempt_at = NULL, delivered_at = now()
          WHERE id = $2 AND status IN ('pending', 'cancelled') AND EXISTS (SELECT 1 FROM attempt)
          RETURNING status`,
        attemptRow,
      );
      // Cancelled while this attempt was under way and delivered all the same: the receiver has
      // it, so the delivery says so. Only when it was failing is the endpoint's row written.
      if (rows.length && target.failing_since !== null) {
        await this.dataSource.query(
          `UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1`,
          [target.endpoint_id],
        );
      }
      return rows.length ? 'succeeded' : 'already recorded or no longer pending';
    }
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(insertAttempt, attemptRow);
      if (inserted.length === 0) return 'already recorded';
      const error = result.error ?? `HTTP ${result.statusCode}`;
      // The endpoint's row before the delivery's, the order in which disabling, deleting and
      // redelivering lock them too, and the delivery FOR NO KEY UPDATE, which the key-share lock
      // of an attempt row being inserted does not block: no lock cycle between them, and a
      // failure that waited for a disabling commit sees the endpoint disabled and its delivery
      // cancelled.
      const endpoint = await this.noteFailure(manager, target.endpoint_id, startedAt);
      const [delivery]: { status: string; round_attempts: number }[] = await manager.query(
        `SELECT status, round_attempts FROM webhook_deliveries WHERE id = $1 FOR NO KEY UPDATE`,
        [deliveryId],
      );
      if (delivery.status !== 'pending') {
        // Cancelled meanwhile (endpoint deleted or disabled): the attempt is logged and counted
        // (a redelivery numbers its attempts after it), nothing else changes.
        await manager.query(
          `UPDATE webhook_deliveries SET attempts = $2, last_attempt_at = $3, last_status_code = $4
            WHERE id = $1 AND attempts < $2`,
          [deliveryId, attempt, startedAt, result.statusCode],
        );
        return delivery.status;
      }
      const round = delivery.round_attempts + 1;
      if (endpoint.status !== 'active' || endpoint.deleted_at !== null) {
        // Disabled or deleted while this attempt was under way: no retry for it either.
        await this.update(manager, deliveryId, attempt, round, result, startedAt, {
          status: 'cancelled',
          next: null,
        });
        return 'cancelled';
      }
      if (startedAt.getTime() - endpoint.failing_since.getTime() >= this.config.disableAfterMs) {
        await this.disable(manager, target.endpoint_id, startedAt, endpoint.failing_since, error);
        await this.update(manager, deliveryId, attempt, round, result, startedAt, {
          status: 'failed',
          next: null,
        });
        return 'failed';
      }
      const delay = nextRetryDelayMs(round, this.config.retryDelaysMs);
      if (delay === null) {
        await this.update(manager, deliveryId, attempt, round, result, startedAt, {
          status: 'failed',
          next: null,
        });
        return 'failed';
      }
      const next = new Date(this.clock.now().getTime() + delay);
      await this.update(manager, deliveryId, attempt, round, result, startedAt, {
        status: 'pending',
        next,
      });
      await this.jobs.enqueue(manager, attemptJob(deliveryId, attempt + 1, next));
      return 'pending';
    });
  }

  private async update(
    manager: EntityManager,
    deliveryId: string,
    attempt: number,
    round: number,
    result: SendResult,
    startedAt: Date,
    to: { status: 'failed' | 'pending' | 'cancelled'; next: Date | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE webhook_deliveries
          SET status = $2, attempts = $3, round_attempts = $4, last_attempt_at = $5,
              last_status_code = $6, last_error = $7, next_attempt_at = $8
        WHERE id = $1`,
      [
        deliveryId,
        to.status,
        attempt,
        round,
        startedAt,
        result.statusCode,
        result.error ?? `HTTP ${result.statusCode}`,
        to.next,
      ],
    );
  }

  /** Notes the failure on the endpoint (failing since when), locking its row. */
  private async noteFailure(
    manager: EntityManager,
    endpointId: string,
    failedAt: Date,
  ): Promise<{ failing_since: Date; status: string; deleted_at: Date | null }> {
    const [[endpoint]]: [
      { failing_since: Date; status: string; deleted_at: Date | null }[],
      number,
    ] = await manager.query(
      `UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, $2)
          WHERE id = $1 RETURNING failing_since, status, deleted_at`,
      [endpointId, failedAt],
    );
    return endpoint;
  }

  /** Failing for WEBHOOK_DISABLE_AFTER_DAYS: disabled, saying why; what else waits for it is cancelled. */
  private async disable(
    manager: EntityManager,
    endpointId: string,
    failedAt: Date,
    failingSince: Date,
    error: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE webhook_endpoints SET status = 'disabled', disabled_at = $2, disabled_reason = $3,
              updated_at = now(), version = version + 1
        WHERE id = $1`,
      [endpointId, failedAt, disabledReason(failingSince, error)],
    );
    await manager.query(
      `UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL,
              last_error = 'the endpoint was disabled'
        WHERE endpoint_id = $1 AND status = 'pending'`,
      [endpointId],
    );
  }
}

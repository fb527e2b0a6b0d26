import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { WebhookDelivery } from '../../src/webhooks/entities/webhook-delivery.entity';
import { WebhookOutbox } from '../../src/webhooks/webhook-outbox';
import { AgreementWorld, agreementWorld, pendingAgreement } from '../helpers/agreements';
import { bearer, startApi, TestApi } from '../helpers/api';
import { TcpProxy } from '../helpers/tcp-proxy';
import { startWorker, TestWorker, waitFor, withEnv } from '../helpers/worker';

/**
 * Webhooks when things break: a receiver that is down for the whole retry window, one that keeps
 * failing until the endpoint is disabled, and Redis refusing connections while agreements are
 * signed (every event delivered once it is back, none twice). A database and queue prefix of
 * its own (the file's), and a worker that reaches Redis through a proxy the test can cut.
 */
describe('webhooks through faults', () => {
  const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const redis = new TcpProxy(Number(redisUrl.port || 6379), redisUrl.hostname);
  const env = {
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_RETRY_DELAYS: '0.2,0.2,0.2',
    // A held answer (below) is released long before an attempt would time out, even on a slow run.
    WEBHOOK_TIMEOUT_SECONDS: '30',
    // Two seconds of failing disables an endpoint.
    WEBHOOK_DISABLE_AFTER_DAYS: String(2 / 86_400),
  };
  let api: TestApi;
  let worker: TestWorker;
  let receiver: Server;
  let base: string;
  /** Requests per path, with their webhook-id. */
  const received = new Map<string, string[]>();
  const failing = new Set<string>();
  /** Paths whose next request waits for the test to answer it with a status. */
  const held = new Map<string, Promise<number>>();

  const post = (token: string, path: string, body: object = {}) =>
    api.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
  const get = (token: string, path: string) => api.http.get(`/api/v1${path}`).set(bearer(token));

  async function endpoint(world: AgreementWorld, url: string, events: string[]): Promise<string> {
    const res = await post(world.coordinatorToken, '/webhook-endpoints', { url, events });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function deliveries(world: AgreementWorld, endpointId: string) {
    const res = await get(world.coordinatorToken, `/webhook-endpoints/${endpointId}/deliveries`);
    expect(res.status).toBe(200);
    return res.body.data as { id: string; status: string; attempts: number }[];
  }

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const path = req.url ?? '/';
        received.set(path, [...(received.get(path) ?? []), String(req.headers['webhook-id'])]);
        const answer = held.get(path);
        held.delete(path);
        if (answer) void answer.then((status) => res.writeHead(status).end());
        else res.writeHead(failing.has(path) ? 500 : 200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    await redis.start(0);
    api = await withEnv(env, () => startApi());
    worker = await startWorker({ ...env, REDIS_URL: redis.url });
  }, 60_000);

  afterAll(async () => {
    await redis.start().catch(() => undefined);
    await worker?.close();
    await api?.close();
    await redis.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('fails a delivery to a receiver down for the whole retry window, every attempt logged', async () => {
    // A port nothing listens on: every attempt is refused.
    const closed: Server = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const world = await agreementWorld(api);
    const id = await endpoint(world, `http://127.0.0.1:${port}/hooks`, ['agreement.submitted']);
    await pendingAgreement(api, world);
    const [failed] = await waitFor(async () => {
      const list = await deliveries(world, id);
      return list[0]?.status === 'failed' && list;
    });
    const detail = await get(world.coordinatorToken, `/webhook-deliveries/${failed.id}`).expect(
      200,
    );
    expect(detail.body.attemptLog).toHaveLength(4);
    for (const a of detail.body.attemptLog) {
      expect(a).toMatchObject({ outcome: 'failed', statusCode: null });
      expect(a.error).toMatch(/ECONNREFUSED|connection/i);
    }
  });

  it('disables an endpoint that keeps failing, says why, and cancels what waits for it', async () => {
    failing.add('/failing');
    const world = await agreementWorld(api);
    const id = await endpoint(world, `${base}/failing`, ['agreement.submitted']);
    const outbox = api.app.get(WebhookOutbox);
    // An event every 300 ms, as the agreements module's transactions write them, keeps the
    // endpoint failing past its two seconds.
    let disabled: { status: string; disabledReason: string } | null = null;
    for (let i = 0; i < 30 && !disabled; i++) {
      await api.app.get(DataSource).transaction((manager) =>
        outbox.record(manager, {
          type: 'agreement.submitted',
          universityId: world.universityId,
          data: { agreementId: world.studentId, universityId: world.universityId, version: i + 1 },
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const res = await get(world.coordinatorToken, `/webhook-endpoints/${id}`).expect(200);
      if (res.body.status === 'disabled') disabled = res.body;
    }
    expect(disabled).toMatchObject({ status: 'disabled' });
    expect(disabled?.disabledReason).toMatch(/^Failing since .*; last error: HTTP 500$/);
    const list = await deliveries(world, id);
    expect(list.length).toBeGreaterThan(1);
    expect(list.every((d) => d.status === 'failed' || d.status === 'cancelled')).toBe(true);
    // Nothing is attempted any more.
    const count = received.get('/failing')?.length ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(received.get('/failing')?.length ?? 0).toBe(count);

    failing.delete('/failing');
    const enabled = await post(world.coordinatorToken, `/webhook-endpoints/${id}/enable`).expect(
      200,
    );
    expect(enabled.body).toMatchObject({
      status: 'active',
      disabledReason: null,
      failingSince: null,
    });
    const redone = await post(
      world.coordinatorToken,
      `/webhook-deliveries/${list[0].id}/redeliver`,
    );
    expect(redone.status).toBe(202);
    await waitFor(async () => (await deliveries(world, id))[0].status === 'succeeded');
  });

  it.each([
    [500, 'cancelled'],
    [200, 'succeeded'],
  ])(
    'counts an attempt under way when its endpoint is disabled (answered %i: %s); a redelivery numbers after it',
    async (answer, settled) => {
      const path = `/held-${answer}`;
      let release!: (status: number) => void;
      held.set(path, new Promise<number>((resolve) => (release = resolve)));
      failing.add(path);
      const world = await agreementWorld(api);
      const id = await endpoint(world, `${base}${path}`, ['agreement.submitted']);
      const outbox = api.app.get(WebhookOutbox);
      const db = api.app.get(DataSource);
      const event = (version: number) =>
        db.transaction((manager) =>
          outbox.record(manager, {
            type: 'agreement.submitted',
            universityId: world.universityId,
            data: { agreementId: world.studentId, universityId: world.universityId, version },
          }),
        );
      await event(1);
      await waitFor(() => received.get(path)?.length === 1); // the first attempt is under way
      // The endpoint has failed for longer than it may: the next failure (another event's
      // first attempt, answered 500 at once) disables it and cancels the held delivery.
      await db.query(
        `UPDATE webhook_endpoints SET failing_since = now() - interval '1 hour' WHERE id = $1`,
        [id],
      );
      await event(2);
      await waitFor(
        async () =>
          (await get(world.coordinatorToken, `/webhook-endpoints/${id}`)).body.status ===
          'disabled',
      );
      const [first] = await db.getRepository(WebhookDelivery).find({
        where: { endpointId: id },
        order: { createdAt: 'ASC' },
      });
      expect(first.status).toBe('cancelled');
      if (answer === 500) {
        // While that attempt is under way a redelivery is refused, even with the endpoint back.
        await post(world.coordinatorToken, `/webhook-endpoints/${id}/enable`).expect(200);
        const early = await post(
          world.coordinatorToken,
          `/webhook-deliveries/${first.id}/redeliver`,
        );
        expect(early.status).toBe(409);
        expect(early.body.type).toMatch(/attempt-in-flight$/);
      }

      release(answer);
      const detail = await waitFor(async () => {
        const res = await get(world.coordinatorToken, `/webhook-deliveries/${first.id}`);
        return res.body.attemptLog.length === 1 && res.body.attempts === 1 && res.body;
      });
      expect(detail).toMatchObject({ status: settled, attempts: 1, lastStatusCode: answer });
      if (answer === 200) return; // the receiver has it: delivered, whatever the endpoint became

      failing.delete(path);
      await post(world.coordinatorToken, `/webhook-endpoints/${id}/enable`).expect(200);
      await post(world.coordinatorToken, `/webhook-deliveries/${first.id}/redeliver`).expect(202);
      const redelivered = await waitFor(async () => {
        const res = await get(world.coordinatorToken, `/webhook-deliveries/${first.id}`);
        return res.body.status === 'succeeded' && res.body;
      });
      expect(redelivered.attemptLog.map((a: { number: number }) => a.number)).toEqual([1, 2]);
    },
  );

  it('delivers every event signed while Redis refused connections once it is back, none twice', async () => {
    const worlds = await Promise.all([1, 2, 3].map(() => agreementWorld(api)));
    const pending = [];
    for (const [i, world] of worlds.entries()) {
      await endpoint(world, `${base}/outage-${i}`, ['agreement.signed', 'agreement.activated']);
      pending.push(await pendingAgreement(api, world));
    }

    await redis.stop();
    for (const [i, world] of worlds.entries()) {
      for (const token of [world.studentToken, world.companyRepToken, world.coordinatorToken]) {
        await post(token, `/agreements/${pending[i].id}/signatures`, {
          contentHash: pending[i].contentHash,
        }).expect(201);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const duringOutage = worlds.map((_, i) => received.get(`/outage-${i}`)?.length ?? 0);
    expect(duringOutage).toEqual([0, 0, 0]);

    await redis.start();
    // Per agreement: three signatures and the activation.
    await waitFor(
      () => worlds.every((_, i) => (received.get(`/outage-${i}`)?.length ?? 0) >= 4),
      60_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const [i] of worlds.entries()) {
      const ids = received.get(`/outage-${i}`) ?? [];
      expect(ids).toHaveLength(4);
      expect(new Set(ids).size).toBe(4);
    }
  }, 120_000);
});

import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { AgreementWorld, agreementWorld, pendingAgreement } from '../helpers/agreements';
import { bearer, startApi, TestApi } from '../helpers/api';
import { startWorker, TestWorker, waitFor, withEnv } from '../helpers/worker';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A student information system's receiver on 127.0.0.1: records every request, and answers
 * each path as the test says (200 by default).
 */
class Receiver {
  readonly received: Received[] = [];
  private readonly answers = new Map<
    string,
    (n: number) => { status: number; location?: string }
  >();
  private server!: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString() });
        const n = this.received.filter((r) => r.path === path).length;
        const answer = this.answers.get(path)?.(n) ?? { status: 200 };
        res.writeHead(answer.status, answer.location ? { location: answer.location } : {});
        res.end(answer.status >= 300 ? 'not now' : 'ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  answer(path: string, fn: (n: number) => { status: number; location?: string }): void {
    this.answers.set(path, fn);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const ENV = {
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOK_RETRY_DELAYS: '0.2,0.2,0.2',
};

describe('webhooks (Standard Webhooks v1)', () => {
  let api: TestApi;
  let worker: TestWorker;
  const receiver = new Receiver();

  const post = (token: string, path: string, body: object = {}) =>
    api.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
  const get = (token: string, path: string) => api.http.get(`/api/v1${path}`).set(bearer(token));

  async function endpoint(world: AgreementWorld, path: string, events: string[]) {
    const res = await post(world.coordinatorToken, '/webhook-endpoints', {
      url: `${receiver.base}${path}`,
      events,
      description: 'SIS',
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  }

  /** Signs the pending agreement as every party, in order. */
  async function signAll(world: AgreementWorld, agreement: { id: string; contentHash: string }) {
    for (const token of [world.studentToken, world.companyRepToken, world.coordinatorToken]) {
      const res = await post(token, `/agreements/${agreement.id}/signatures`, {
        contentHash: agreement.contentHash,
      });
      expect(res.status).toBe(201);
    }
  }

  /** Verified with the reference implementation, or throws. */
  function verified(secret: string, r: Received) {
    return new Webhook(secret).verify(r.body, {
      'webhook-id': r.headers['webhook-id'] as string,
      'webhook-timestamp': r.headers['webhook-timestamp'] as string,
      'webhook-signature': r.headers['webhook-signature'] as string,
    }) as { type: string; data: Record<string, unknown> };
  }

  beforeAll(async () => {
    await receiver.start();
    api = await withEnv(ENV, () => startApi());
    worker = await startWorker(ENV);
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.close();
    await receiver.stop();
  });

  it('registers an endpoint of the caller’s university; the secret is shown once', async () => {
    const world = await agreementWorld(api);
    const created = await endpoint(world, '/register', ['agreement.submitted']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    const read = await get(world.coordinatorToken, `/webhook-endpoints/${created.id}`).expect(200);
    expect(read.body).toMatchObject({
      universityId: world.universityId,
      url: `${receiver.base}/register`,
      events: ['agreement.submitted'],
      status: 'active',
    });
    expect(JSON.stringify(read.body)).not.toContain('whsec_');
    const other = await agreementWorld(api);
    await get(other.coordinatorToken, `/webhook-endpoints/${created.id}`).expect(404);
    const list = await get(other.coordinatorToken, '/webhook-endpoints').expect(200);
    expect(list.body.data).toEqual([]);
    await get(world.studentToken, '/webhook-endpoints').expect(403);
  });

  it.each([
    [{ url: 'ftp://sis.example.nl/x', events: ['agreement.signed'] }, 'url'],
    [{ url: 'https://user:pw@sis.example.nl/x', events: ['agreement.signed'] }, 'url'],
    [{ url: 'https://sis.example.nl/x', events: ['agreement.exploded'] }, 'events'],
    [{ url: 'https://sis.example.nl/x', events: [] }, 'events'],
  ])('refuses a bad endpoint %j with 422 naming %s', async (body, field) => {
    const world = await agreementWorld(api);
    const res = await post(world.coordinatorToken, '/webhook-endpoints', body);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses loopback and private targets unless WEBHOOK_ALLOW_PRIVATE_TARGETS is set', async () => {
    const strict = await withEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' }, () => startApi());
    try {
      const world = await agreementWorld(strict);
      for (const url of [
        `${receiver.base}/x`,
        'http://169.254.169.254/latest',
        'http://10.0.0.8/',
      ]) {
        const res = await strict.http
          .post('/api/v1/webhook-endpoints')
          .set(bearer(world.coordinatorToken))
          .send({ url, events: ['agreement.signed'] });
        expect([url, res.status]).toEqual([url, 422]);
        expect(res.body.errors[0].message).toMatch(/public addresses/);
      }
    } finally {
      await strict.close();
    }
  });

  it('delivers a signed agreement’s events in order, each verified; another university hears nothing', async () => {
    const world = await agreementWorld(api);
    const events = [
      'agreement.submitted',
      'agreement.signed',
      'agreement.activated',
      'agreement.completed',
      'document.ready',
    ];
    const mine = await endpoint(world, '/mine', events);
    const stranger = await agreementWorld(api);
    await endpoint(stranger, '/stranger', events);

    const agreement = await pendingAgreement(api, world);
    await signAll(world, agreement);
    await post(world.coordinatorToken, `/agreements/${agreement.id}/complete`, {
      outcome: 'graduated_on_time',
      stayedWithEmployer: true,
    }).expect(200);

    // Submitted, three signatures, activated, completed; the preview and the sealed PDF ready.
    await waitFor(() => receiver.at('/mine').length >= 8, 30_000);
    const bodies = receiver.at('/mine').map(
      (r) =>
        verified(mine.secret, r) as {
          type: string;
          timestamp: string;
          data: Record<string, unknown>;
        },
    );
    // In time order; the last signature and the activation share a transaction (and may share
    // a millisecond): within one, the lifecycle's order.
    const rank = (type: string) => events.indexOf(type);
    const byTime = [...bodies].sort(
      (a, b) => a.timestamp.localeCompare(b.timestamp) || rank(a.type) - rank(b.type),
    );
    const agreementEvents = byTime.filter((b) => b.type.startsWith('agreement.'));
    expect(agreementEvents.map((b) => [b.type, b.data.party ?? null])).toEqual([
      ['agreement.submitted', null],
      ['agreement.signed', 'student'],
      ['agreement.signed', 'employer'],
      ['agreement.signed', 'university'],
      ['agreement.activated', null],
      ['agreement.completed', null],
    ]);
    const documents = bodies.filter((b) => b.type === 'document.ready');
    expect(documents.map((b) => b.data.kind).sort()).toEqual(['preview', 'signed']);
    for (const b of bodies) {
      expect(b.data).toMatchObject({
        agreementId: agreement.id,
        universityId: world.universityId,
        studentId: world.studentId,
      });
      expect(JSON.stringify(b)).not.toMatch(/bsn|token|password/i);
    }
    expect(receiver.at('/stranger')).toEqual([]);

    const deliveries = await get(
      world.coordinatorToken,
      `/webhook-endpoints/${mine.id}/deliveries`,
    ).expect(200);
    expect(deliveries.body.data).toHaveLength(8);
    for (const d of deliveries.body.data) {
      expect(d).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 200 });
      expect(receiver.at('/mine').map((r) => r.headers['webhook-id'])).toContain(d.webhookId);
    }
  });

  it('retries a receiver that answered 503 with the same webhook-id, and logs each attempt', async () => {
    receiver.answer('/flaky', (n) => ({ status: n === 1 ? 503 : 200 }));
    const world = await agreementWorld(api);
    const flaky = await endpoint(world, '/flaky', ['agreement.submitted']);
    await pendingAgreement(api, world);

    await waitFor(() => receiver.at('/flaky').length >= 2);
    const [first, second] = receiver.at('/flaky');
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body).toBe(first.body);
    verified(flaky.secret, second);

    const list = await waitFor(async () => {
      const res = await get(world.coordinatorToken, `/webhook-endpoints/${flaky.id}/deliveries`);
      return res.body.data[0]?.status === 'succeeded' ? res.body.data : null;
    });
    const detail = await get(world.coordinatorToken, `/webhook-deliveries/${list[0].id}`).expect(
      200,
    );
    expect(detail.body.attempts).toBe(2);
    expect(
      detail.body.attemptLog.map((a: { outcome: string; statusCode: number }) => [
        a.outcome,
        a.statusCode,
      ]),
    ).toEqual([
      ['rejected', 503],
      ['delivered', 200],
    ]);
    expect(detail.body.attemptLog[0].responseBody).toBe('not now');
  });

  it('fails a delivery when the schedule runs out, every attempt logged; redelivery sends it again', async () => {
    receiver.answer('/down', () => ({ status: 500 }));
    const world = await agreementWorld(api);
    const down = await endpoint(world, '/down', ['agreement.submitted']);
    await pendingAgreement(api, world);

    // WEBHOOK_RETRY_DELAYS has three waits: four attempts, then failed.
    const failed = await waitFor(async () => {
      const res = await get(world.coordinatorToken, `/webhook-endpoints/${down.id}/deliveries`);
      return res.body.data[0]?.status === 'failed' ? res.body.data[0] : null;
    });
    expect(failed).toMatchObject({ attempts: 4, lastStatusCode: 500, nextAttemptAt: null });
    expect(receiver.at('/down')).toHaveLength(4);

    receiver.answer('/down', () => ({ status: 204 }));
    await post(world.coordinatorToken, `/webhook-deliveries/${failed.id}/redeliver`).expect(202);
    await waitFor(() => receiver.at('/down').length === 5);
    const ids = new Set(receiver.at('/down').map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    await waitFor(async () => {
      const res = await get(world.coordinatorToken, `/webhook-deliveries/${failed.id}`);
      return res.body.status === 'succeeded' && res.body.attempts === 5;
    });
    // Another university's coordinator cannot see it, let alone redeliver it.
    const stranger = await agreementWorld(api);
    await post(stranger.coordinatorToken, `/webhook-deliveries/${failed.id}/redeliver`).expect(404);
  });

  it('does not follow a redirect', async () => {
    receiver.answer('/moved', () => ({ status: 302, location: `${receiver.base}/elsewhere` }));
    const world = await agreementWorld(api);
    const moved = await endpoint(world, '/moved', ['agreement.submitted']);
    await pendingAgreement(api, world);
    const delivery = await waitFor(async () => {
      const res = await get(world.coordinatorToken, `/webhook-endpoints/${moved.id}/deliveries`);
      return res.body.data[0]?.lastStatusCode === 302 ? res.body.data[0] : null;
    });
    expect(delivery.lastError).toMatch(/redirect/i);
    expect(receiver.at('/elsewhere')).toEqual([]);
  });

  it('signs with the new secret after a rotation, and with the old one only during the overlap', async () => {
    const world = await agreementWorld(api);
    const rotating = await endpoint(world, '/rotating', ['agreement.submitted']);
    const rotated = await post(
      world.coordinatorToken,
      `/webhook-endpoints/${rotating.id}/rotate-secret`,
      { overlapHours: 1 },
    ).expect(200);
    expect(rotated.body.secret).not.toBe(rotating.secret);
    await pendingAgreement(api, world);
    const [during] = await waitFor(
      () => receiver.at('/rotating').length === 1 && receiver.at('/rotating'),
    );
    verified(rotated.body.secret, during);
    verified(rotating.secret, during);

    const again = await post(
      world.coordinatorToken,
      `/webhook-endpoints/${rotating.id}/rotate-secret`,
      { overlapHours: 0 },
    ).expect(200);
    await pendingAgreement(api, world);
    const after = await waitFor(() => receiver.at('/rotating')[1]);
    verified(again.body.secret, after);
    expect(() => verified(rotated.body.secret, after)).toThrow();
  });

  it('cancels what waits for an endpoint when it is deleted', async () => {
    receiver.answer('/deleted', () => ({ status: 503 }));
    const world = await agreementWorld(api);
    const gone = await endpoint(world, '/deleted', ['agreement.submitted']);
    await pendingAgreement(api, world);
    await waitFor(() => receiver.at('/deleted').length >= 1);
    const [waiting] = (
      await get(world.coordinatorToken, `/webhook-endpoints/${gone.id}/deliveries`).expect(200)
    ).body.data;
    await api.http
      .delete(`/api/v1/webhook-endpoints/${gone.id}`)
      .set(bearer(world.coordinatorToken))
      .expect(204);
    await get(world.coordinatorToken, `/webhook-endpoints/${gone.id}`).expect(404);
    await get(world.coordinatorToken, `/webhook-deliveries/${waiting.id}`).expect(404);
    // Admins still read the log of a deleted endpoint's deliveries.
    const cancelled = await get(api.adminToken, `/webhook-deliveries/${waiting.id}`).expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      lastError: 'the endpoint was deleted',
    });
  });
});

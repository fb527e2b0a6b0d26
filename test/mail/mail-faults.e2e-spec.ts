import { DataSource } from 'typeorm';
import { AgreementWorld, agreementWorld, pendingAgreement, sign } from '../helpers/agreements';
import { bearer, TestApi } from '../helpers/api';
import { Inbox, startMailApps } from '../helpers/smtp-inbox';
import { TestWorker, waitFor } from '../helpers/worker';

const AGREEMENTS = 50;
const OUTAGE_MS = 60_000;

interface MessageRow {
  kind: string;
  status: string;
  attempts: number;
  message_id: string;
}

/**
 * E-mail through an SMTP outage: the server refuses connections for a minute while 50
 * agreements are signed (a signing request to each employer, who signs through the link, and a
 * sealed notice to each of the three signatories). Every message waits in PostgreSQL and goes
 * out once the server is back: each Message-ID arrives exactly once.
 */
describe('e-mail through an SMTP outage', () => {
  let api: TestApi;
  let worker: TestWorker;
  const inbox = new Inbox();

  const rowsOf = (ids: string[]): Promise<MessageRow[]> =>
    api.app
      .get(DataSource)
      .query(
        `SELECT kind, status, attempts, message_id FROM messages WHERE agreement_id = ANY($1::uuid[])`,
        [ids],
      );

  beforeAll(async () => {
    await inbox.start();
    ({ api, worker } = await startMailApps(inbox, {
      // The job path's backoff, shortened: a message refused by a server that is away is tried
      // again after 1, 2, 4, 4, ... seconds (in production it grows to an hour).
      JOB_RETRY_BASE_SECONDS: '1',
      JOB_RETRY_MAX_SECONDS: '4',
    }));
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await inbox.stop();
  });

  it('delivers every message once after a minute of refused connections, none twice', async () => {
    const worlds: AgreementWorld[] = [];
    const agreements: { id: string; contentHash: string }[] = [];
    for (let i = 0; i < AGREEMENTS; i += 5) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(5, AGREEMENTS - i) }, () => agreementWorld(api)),
      );
      worlds.push(...batch);
      agreements.push(...(await Promise.all(batch.map((w) => pendingAgreement(api, w)))));
    }

    const port = inbox.port;
    await inbox.stop();
    const outageStarted = Date.now();
    for (const [i, world] of worlds.entries()) {
      const { id, contentHash } = agreements[i];
      const link = await api.http
        .post(`/api/v1/agreements/${id}/signing-links`)
        .set(bearer(world.coordinatorToken))
        .send({ party: 'employer', email: `directie-${i}@bouw.test`, name: `Directie ${i}` })
        .expect(201);
      await api.http
        .post(`/api/v1/signing/${link.body.token}/sign`)
        .send({ contentHash, name: `Directie ${i}`, consent: true })
        .expect(201);
      for (const token of [world.studentToken, world.coordinatorToken]) {
        expect((await sign(api, token, id, contentHash)).status).toBe(201);
      }
    }
    const ids = agreements.map((a) => a.id);
    // Per agreement: the signing request and three sealed notices, all written while the
    // server is away (the sealed ones once the worker has sealed the PDF).
    await waitFor(async () => (await rowsOf(ids)).length === AGREEMENTS * 4, OUTAGE_MS);
    const signedWithin = Date.now() - outageStarted;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - signedWithin)));
    const duringOutage = await rowsOf(ids);
    expect(duringOutage.every((r) => r.status === 'pending')).toBe(true);
    expect(inbox.received).toHaveLength(0);
    const refused = duringOutage.reduce((n, r) => n + r.attempts, 0);
    expect(refused).toBeGreaterThanOrEqual(AGREEMENTS * 4);

    await inbox.start(port);
    const back = Date.now();
    const sent = await waitFor(async () => {
      const rows = await rowsOf(ids);
      return rows.every((r) => r.status === 'sent') && rows;
    }, 120_000);
    const drainedMs = Date.now() - back;
    // A moment more: a duplicate would arrive now if any message went out twice.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const arrivals = new Map<string, number>();
    for (const mail of inbox.received) {
      arrivals.set(mail.messageId, (arrivals.get(mail.messageId) ?? 0) + 1);
    }
    expect(inbox.received).toHaveLength(sent.length);
    for (const row of sent) expect(arrivals.get(row.message_id)).toBe(1);
    const kinds = (kind: string) => inbox.received.filter((m) => m.kind === kind).length;
    expect(kinds('signing.requested')).toBe(AGREEMENTS);
    expect(kinds('agreement.sealed')).toBe(AGREEMENTS * 3);
    console.log(
      `SMTP outage: ${AGREEMENTS} agreements signed in ${(signedWithin / 1000).toFixed(1)} s while ` +
        `the server refused connections for ${((back - outageStarted) / 1000).toFixed(0)} s; ` +
        `${sent.length} messages, ${refused} refused attempts; all delivered ` +
        `${(drainedMs / 1000).toFixed(1)} s after it came back; ${arrivals.size} distinct ` +
        `Message-IDs received, ${inbox.received.length - arrivals.size} twice`,
    );
  }, 300_000);
});

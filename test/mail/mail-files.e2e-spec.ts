import { simpleParser } from 'mailparser';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AgreementWorld, agreementWorld, pendingAgreement } from '../helpers/agreements';
import { bearer, startApi, TestApi } from '../helpers/api';
import { startWorker, TestWorker, waitFor } from '../helpers/worker';

/** Outside production without SMTP_URL: each message is an .eml file in MAIL_DIR. */
describe('e-mail without an SMTP server', () => {
  let api: TestApi;
  let worker: TestWorker;
  let world: AgreementWorld;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dualroute-mail-'));
    api = await startApi();
    worker = await startWorker({ SMTP_URL: undefined, MAIL_DIR: dir });
    world = await agreementWorld(api);
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a signing request as an .eml file named after its Message-ID', async () => {
    const { id } = await pendingAgreement(api, world);
    const res = await api.http
      .post(`/api/v1/agreements/${id}/signing-links`)
      .set(bearer(world.coordinatorToken))
      .send({ party: 'student', email: 'student@school.test', name: 'Sam Student' });
    expect(res.status).toBe(201);
    const [row] = await waitFor(async () => {
      const rows: { status: string; message_id: string }[] = await api.app
        .get(DataSource)
        .query(`SELECT status, message_id FROM messages WHERE agreement_id = $1`, [id]);
      return rows[0]?.status === 'sent' ? rows : null;
    });
    const file = `${row.message_id.slice(1, -1)}.eml`;
    expect(await readdir(dir)).toContain(file);
    const mail = await simpleParser(await readFile(join(dir, file)));
    expect(mail.messageId).toBe(row.message_id);
    expect(mail.headers.get('x-message-kind')).toBe('signing.requested');
    expect(mail.text).toContain(res.body.url);
    expect(typeof mail.html === 'string' && mail.html).toContain(res.body.url);
  });
});

import { simpleParser } from 'mailparser';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AgreementWorld, agreementWorld, pendingAgreement } from '../helpers/agreements';
import { bearer, startApi, TestApi } from '../helpers/api';
import { startWorker, TestWorker, waitFor, withEnv } from '../helpers/worker';

interface ReminderRow {
  party: string;
  recipient_email: string;
  reminders_sent: number;
  next_reminder_at: Date | null;
  token_sealed: string | null;
}

/** Reminders on a short cadence: about a second between them, looked for five times a second. */
describe('signing reminders', () => {
  const cadence = {
    SIGNING_REMINDER_HOURS: '0.0003',
    MAIL_REMINDER_POLL_SECONDS: '0.2',
  };
  let api: TestApi;
  let worker: TestWorker;
  let world: AgreementWorld;
  let dir: string;

  const db = () => api.app.get(DataSource);

  async function signingLink(agreementId: string, body: Record<string, unknown>) {
    const res = await api.http
      .post(`/api/v1/agreements/${agreementId}/signing-links`)
      .set(bearer(world.coordinatorToken))
      .send(body);
    expect(res.status).toBe(201);
    return res.body as { token: string; url: string };
  }

  function reminderRows(agreementId: string): Promise<ReminderRow[]> {
    return db().query(
      `SELECT r.party, m.recipient_email, r.reminders_sent, r.next_reminder_at, r.token_sealed
         FROM signing_reminders r JOIN messages m ON m.id = r.message_id
        WHERE r.agreement_id = $1 ORDER BY r.party`,
      [agreementId],
    );
  }

  /** Reminder messages sent to `email`, oldest first. */
  function sentReminders(email: string): Promise<{ message_id: string }[]> {
    return db().query(
      `SELECT message_id FROM messages
        WHERE kind = 'signing.reminder' AND recipient_email = $1 AND status = 'sent'
        ORDER BY created_at`,
      [email],
    );
  }

  /** Every look has settled the agreement's reminders: none is due any more. */
  const settled = async (agreementId: string) => {
    const rows = await reminderRows(agreementId);
    return rows.every((r) => r.next_reminder_at === null) ? rows : null;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dualroute-reminders-'));
    api = await withEnv(cadence, () => startApi());
    worker = await startWorker({ ...cadence, SMTP_URL: undefined, MAIL_DIR: dir });
    world = await agreementWorld(api);
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reminds each awaited party at most 3 times with a working link, and stops once it signs', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    const student = await signingLink(id, {
      party: 'student',
      email: 'herinner-student@school.test',
      name: 'Sam Student',
    });
    const employer = await signingLink(id, {
      party: 'employer',
      email: 'herinner-werkgever@bouw.test',
      name: 'Wim Werkgever',
    });
    await signingLink(id, {
      party: 'university',
      email: 'stil@school.test',
      name: 'Stil',
      send: false,
    });

    // The employer signs after its first reminder; the student never does.
    const [first] = await waitFor(async () => {
      const sent = await sentReminders('herinner-werkgever@bouw.test');
      return sent.length ? sent : null;
    });
    const mail = await simpleParser(
      await readFile(join(dir, `${first.message_id.slice(1, -1)}.eml`)),
    );
    expect(mail.headers.get('x-message-kind')).toBe('signing.reminder');
    expect(mail.subject).toMatch(/^Herinnering: onderteken de praktijkovereenkomst .+ — .+$/);
    expect(mail.text).toContain(employer.url);
    const page = await api.http.get(new URL(employer.url).pathname);
    expect(page.status).toBe(200);
    await api.http
      .post(`/api/v1/signing/${employer.token}/sign`)
      .send({ contentHash, name: 'Wim Werkgever', consent: true })
      .expect(201);
    // Stopped in the signature's own transaction: no look can remind the employer again.
    const atSign = (await reminderRows(id)).find((r) => r.party === 'employer')!;
    expect(atSign).toMatchObject({ next_reminder_at: null, token_sealed: null });

    const rows = await waitFor(() => settled(id), 30_000);
    // Only parties with a link that was e-mailed are reminded: none for `send: false`.
    expect(rows.map((r) => r.party)).toEqual(['employer', 'student']);
    const [employerRow, studentRow] = rows;
    expect(studentRow.reminders_sent).toBe(3);
    expect(employerRow.reminders_sent).toBeLessThan(3);
    // The sealed token leaves with the schedule; it was never stored in clear.
    expect(rows.every((r) => r.token_sealed === null)).toBe(true);
    await waitFor(async () => (await sentReminders('herinner-student@school.test')).length === 3);
    expect(employerRow.reminders_sent).toBe(atSign.reminders_sent);
    expect(await sentReminders('herinner-werkgever@bouw.test')).toHaveLength(
      employerRow.reminders_sent,
    );
    expect(await sentReminders('stil@school.test')).toEqual([]);
    const all: { token_sealed: string | null }[] = await db().query(
      `SELECT token_sealed FROM messages WHERE agreement_id = $1`,
      [id],
    );
    expect(JSON.stringify(all)).not.toContain(student.token);

    // Further looks send nothing more.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await sentReminders('herinner-student@school.test')).toHaveLength(3);
  }, 60_000);

  it('stops reminding when the version is declined', async () => {
    const { id } = await pendingAgreement(api, world);
    const employer = await signingLink(id, {
      party: 'employer',
      email: 'weiger-werkgever@bouw.test',
      name: 'Wendy Weiger',
    });
    await signingLink(id, {
      party: 'student',
      email: 'weiger-student@school.test',
      name: 'Sara Student',
    });
    await waitFor(async () => (await sentReminders('weiger-student@school.test')).length > 0);
    await api.http
      .post(`/api/v1/signing/${employer.token}/decline`)
      .send({ reason: 'De uren kloppen niet' })
      .expect(200);
    expect(
      (await reminderRows(id)).every((r) => r.next_reminder_at === null && r.token_sealed === null),
    ).toBe(true);
    const rows = await waitFor(() => settled(id), 30_000);
    expect(rows.every((r) => r.reminders_sent < 3 && r.token_sealed === null)).toBe(true);
    const sent = rows.find((r) => r.party === 'student')!.reminders_sent;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await sentReminders('weiger-student@school.test')).toHaveLength(sent);
  }, 60_000);
});

/**
 * A reminder the worker has written but could not send yet (here: Redis refuses, so no job runs;
 * in life, an SMTP outage) is cancelled in the transaction of the signature that makes it moot.
 */
describe('a reminder not yet sent when the party signs', () => {
  const cadence = { SIGNING_REMINDER_HOURS: '0.0003', MAIL_REMINDER_POLL_SECONDS: '0.2' };
  let api: TestApi;
  let worker: TestWorker;

  beforeAll(async () => {
    api = await withEnv(cadence, () => startApi());
    worker = await startWorker({ ...cadence, REDIS_URL: 'redis://127.0.0.1:1' });
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('is cancelled, its token dropped, and never sent', async () => {
    const world = await agreementWorld(api);
    const { id, contentHash } = await pendingAgreement(api, world);
    const link = await api.http
      .post(`/api/v1/agreements/${id}/signing-links`)
      .set(bearer(world.coordinatorToken))
      .send({ party: 'employer', email: 'later-werkgever@bouw.test', name: 'Lotte Later' })
      .expect(201);
    const reminders = () =>
      api.app.get(DataSource).query(
        `SELECT status, token_sealed, last_error FROM messages
            WHERE agreement_id = $1 AND kind = 'signing.reminder'`,
        [id],
      ) as Promise<{ status: string; token_sealed: string | null; last_error: string | null }[]>;
    const [written] = await waitFor(async () => {
      const rows = await reminders();
      return rows.length > 0 && rows;
    });
    expect(written).toMatchObject({ status: 'pending', token_sealed: expect.any(String) });

    await api.http
      .post(`/api/v1/signing/${link.body.token}/sign`)
      .send({ contentHash, name: 'Lotte Later', consent: true })
      .expect(201);
    const after = await reminders();
    expect(after.length).toBeGreaterThan(0);
    for (const row of after) {
      expect(row).toMatchObject({
        status: 'cancelled',
        token_sealed: null,
        last_error: 'no longer sent: the signature is no longer awaited',
      });
    }
    const listed = await api.http
      .get(`/api/v1/agreements/${id}/messages`)
      .set(bearer(world.coordinatorToken))
      .expect(200);
    expect(
      (listed.body.data as { kind: string; status: string }[])
        .filter((m) => m.kind === 'signing.reminder')
        .every((m) => m.status === 'cancelled'),
    ).toBe(true);
  }, 60_000);
});

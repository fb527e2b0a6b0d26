import { addDays, toCalendarDate } from '@app/common';
import { simpleParser } from 'mailparser';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { OverdueDigestScheduler } from '../../src/mail/overdue-digests';
import {
  agreementBody,
  agreementWorld,
  AgreementWorld,
  createAgreement,
  sign,
} from '../helpers/agreements';
import { bearer, createTenant, startApi, TestApi, Tenant, userToken } from '../helpers/api';
import { startWorker, TestWorker, waitFor } from '../helpers/worker';

/** Started 120 days ago with 10-weekly meetings and none held: a progress meeting is overdue. */
const start = addDays(toCalendarDate(new Date()), -120);

async function overdueAgreement(api: TestApi, w: AgreementWorld): Promise<string> {
  const body = agreementBody(w);
  const created = await createAgreement(api, w.coordinatorToken, {
    ...body,
    terms: { ...body.terms, startDate: start, endDate: addDays(start, 730) },
  });
  const sub = await api.http
    .post(`/api/v1/agreements/${created.id}/submit`)
    .set(bearer(w.coordinatorToken));
  if (sub.status !== 200) throw new Error(`submit: ${sub.status} ${JSON.stringify(sub.body)}`);
  for (const signer of [w.studentToken, w.companyRepToken, w.coordinatorToken]) {
    const res = await sign(api, signer, created.id, sub.body.currentVersion.contentHash);
    if (res.status !== 201) throw new Error(`sign: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return created.id as string;
}

describe('the weekly overdue digest', () => {
  let api: TestApi;
  let worker: TestWorker;
  let world: AgreementWorld;
  let other: Tenant;
  let dir: string;
  let coordinator: { id: string; email: string };
  let switchedOff: { id: string; email: string };
  let inEnglish: { id: string; email: string };
  let companyName: string;

  const db = () => api.app.get(DataSource);
  const me = async (token: string) => {
    const res = await api.http.get('/api/v1/auth/me').set(bearer(token));
    return { id: res.body.id as string, email: res.body.user.email as string };
  };
  const digests = (email: string): Promise<{ message_id: string; status: string }[]> =>
    db().query(
      `SELECT message_id, status FROM messages
        WHERE kind = 'monitoring.overdue' AND recipient_email = $1`,
      [email],
    );
  const settled = async (ids: string[]) => {
    const rows: unknown[] = await db().query(
      `SELECT 1 FROM overdue_digests WHERE user_id = ANY($1::uuid[]) AND last_sent_week <> ''`,
      [ids],
    );
    return rows.length === ids.length;
  };

  /** Another coordinator of the world's university, with these mail preferences. */
  async function coordinatorPreferring(preferences: { overdueDigest: boolean; language?: string }) {
    const token = await userToken(api, api.adminToken, {
      role: 'coordinator',
      universityId: world.universityId,
    });
    const res = await api.http
      .put('/api/v1/users/me/mail-preferences')
      .set(bearer(token))
      .send(preferences);
    expect(res.body).toEqual({ language: 'nl', ...preferences });
    return me(token);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dualroute-digest-'));
    api = await startApi();
    world = await agreementWorld(api);
    await overdueAgreement(api, world);
    coordinator = await me(world.coordinatorToken);
    // Two more coordinators of the same university: one switched the digest off, one reads it
    // in English.
    switchedOff = await coordinatorPreferring({ overdueDigest: false });
    inEnglish = await coordinatorPreferring({ overdueDigest: true, language: 'en' });
    const company = await api.http
      .get(`/api/v1/companies/${world.companyId}`)
      .set(bearer(world.coordinatorToken))
      .expect(200);
    companyName = company.body.name;
    other = await createTenant(api);
    worker = await startWorker({
      MONITORING_DIGEST_POLL_SECONDS: '0.2',
      SMTP_URL: undefined,
      MAIL_DIR: dir,
    });
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends a coordinator with overdue items one digest a week, and nobody else one', async () => {
    const [sent] = await waitFor(async () => {
      const rows = await digests(coordinator.email);
      return rows.length > 0 && rows[0].status === 'sent' ? rows : null;
    }, 30_000);
    const mail = await simpleParser(
      await readFile(join(dir, `${sent.message_id.slice(1, -1)}.eml`)),
    );
    expect(mail.headers.get('x-message-kind')).toBe('monitoring.overdue');
    expect(mail.subject).toBe('Achterstallige voortgangsgesprekken: 1 afspraak');
    // The student's workplace names the agreement; the date reads as people write it.
    expect(mail.text).toMatch(
      new RegExp(
        ` — ${escape(companyName)}: voortgangsgesprek, gepland op \\d{1,2} \\p{L}+ \\d{4}, 50 dagen te laat`,
        'u',
      ),
    );

    const [english] = await waitFor(async () => {
      const rows = await digests(inEnglish.email);
      return rows.length > 0 && rows[0].status === 'sent' ? rows : null;
    }, 30_000);
    const englishMail = await simpleParser(
      await readFile(join(dir, `${english.message_id.slice(1, -1)}.eml`)),
    );
    expect(englishMail.subject).toBe('Overdue progress meetings: 1 item');
    expect(englishMail.text).toContain(`— ${companyName}: progress meeting, due on `);

    const otherCoordinator = await me(other.coordinatorToken);
    await waitFor(() => settled([switchedOff.id, otherCoordinator.id]), 30_000);
    expect(await digests(switchedOff.email)).toEqual([]);
    expect(await digests(otherCoordinator.email)).toEqual([]);

    // Another look in the same week sends nothing more.
    await worker.app.get(OverdueDigestScheduler).sendDue();
    expect(await digests(coordinator.email)).toHaveLength(1);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

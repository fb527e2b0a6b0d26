import { DataSource } from 'typeorm';
import { AgreementWorld, agreementWorld, pendingAgreement, sign } from '../helpers/agreements';
import { bearer, TestApi } from '../helpers/api';
import { Inbox, startMailApps } from '../helpers/smtp-inbox';
import { TestWorker, waitFor } from '../helpers/worker';

describe('e-mail to people', () => {
  let api: TestApi;
  let worker: TestWorker;
  let world: AgreementWorld;
  const inbox = new Inbox();

  const messages = (token: string, agreementId: string) =>
    api.http.get(`/api/v1/agreements/${agreementId}/messages`).set(bearer(token));

  async function signingLink(agreementId: string, body: Record<string, unknown>) {
    const res = await api.http
      .post(`/api/v1/agreements/${agreementId}/signing-links`)
      .set(bearer(world.coordinatorToken))
      .send({ party: 'employer', ...body });
    expect(res.status).toBe(201);
    return res.body as { token: string; url: string };
  }

  async function messageRows(agreementId: string) {
    return api.app
      .get(DataSource)
      .query(
        `SELECT status, attempts, message_id, token_sealed, last_error FROM messages WHERE agreement_id = $1`,
        [agreementId],
      ) as Promise<
      {
        status: string;
        attempts: number;
        message_id: string;
        token_sealed: string | null;
        last_error: string | null;
      }[]
    >;
  }

  beforeAll(async () => {
    await inbox.start();
    ({ api, worker } = await startMailApps(inbox, {
      JOB_RETRY_BASE_SECONDS: '0.1',
      JOB_RETRY_MAX_SECONDS: '0.5',
    }));
    world = await agreementWorld(api);
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.close();
    await inbox.stop();
  });

  it('e-mails a signing link to its signer, with a sign-page link that works', async () => {
    const { id } = await pendingAgreement(api, world);
    const link = await signingLink(id, { email: 'werkgever@bouw.test', name: 'Wim Werkgever' });
    const [mail] = await waitFor(() => {
      const got = inbox.to('werkgever@bouw.test');
      return got.length ? got : null;
    });
    expect(mail.kind).toBe('signing.requested');
    expect(mail.subject).toMatch(/^Ondertekenen: praktijkovereenkomst .+ — .+$/);
    expect(mail.text).toContain(link.url);
    expect(mail.html).toContain(`href="${link.url}"`);
    expect(mail.html).not.toMatch(/<img|src=/i);
    // The server has the message before the worker hears its 250 and marks the row sent.
    const [row] = await waitFor(async () => {
      const rows = await messageRows(id);
      return rows[0]?.status === 'sent' ? rows : null;
    });
    expect(mail.messageId).toBe(row.message_id);
    expect(row.message_id).toMatch(/^<[0-9a-f-]{36}@dualroute\.test>$/);
    // The token was sealed while it waited, and leaves the row once sent.
    expect(row).toMatchObject({ status: 'sent', attempts: 1, token_sealed: null });

    const page = await api.http.get(new URL(link.url).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form');

    const list = await messages(world.coordinatorToken, id).expect(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        kind: 'signing.requested',
        recipient: { name: 'Wim Werkgever', email: 'werkgever@bouw.test' },
        status: 'sent',
        messageId: row.message_id,
        sentAt: expect.any(String),
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(link.token);
  });

  it('keeps the token sealed on the row until it is sent', async () => {
    const { id } = await pendingAgreement(api, world);
    inbox.refused.add('sealed@bouw.test');
    const link = await signingLink(id, { email: 'sealed@bouw.test', name: 'Sam' });
    const rows = await messageRows(id);
    expect(JSON.stringify(rows)).not.toContain(link.token);
    await waitFor(async () => (await messageRows(id))[0].status === 'failed');
  });

  it('sends nothing when the body says send: false', async () => {
    const { id } = await pendingAgreement(api, world);
    await signingLink(id, { email: 'stil@bouw.test', name: 'Stil', send: false });
    expect(await messageRows(id)).toEqual([]);
    const list = await messages(world.coordinatorToken, id).expect(200);
    expect(list.body).toEqual({ data: [], nextCursor: null });
  });

  it('never lets a name with CR/LF add a header', async () => {
    const { id } = await pendingAgreement(api, world);
    await signingLink(id, {
      email: 'eve@bouw.test',
      name: 'Eve\r\nBcc: mallory@evil.test\r\nX-Injected: yes',
    });
    const [mail] = await waitFor(() => {
      const got = inbox.to('eve@bouw.test');
      return got.length ? got : null;
    });
    expect(mail.rcptTo).toEqual(['eve@bouw.test']);
    expect(mail.headerLines).not.toContain('bcc');
    expect(mail.headerLines).not.toContain('x-injected');
    expect(inbox.to('mallory@evil.test')).toEqual([]);
  });

  it('marks a message the server refuses with 550 as failed, once', async () => {
    const { id } = await pendingAgreement(api, world);
    inbox.refused.add('weg@bouw.test');
    await signingLink(id, { email: 'weg@bouw.test', name: 'Weg' });
    const list = await waitFor(async () => {
      const res = await messages(world.coordinatorToken, id).expect(200);
      return res.body.data[0]?.status === 'failed' ? res.body : null;
    });
    expect(list.data[0]).toMatchObject({ attempts: 1, sentAt: null });
    expect(list.data[0].lastError).toMatch(/550/);
    const [job] = await api.app
      .get(DataSource)
      .query(
        `SELECT state, attempts FROM jobs WHERE subject_type = 'message' AND subject_id = $1`,
        [list.data[0].id],
      );
    expect(job.state).toBe('failed');
  });

  it('retries a message the server answers 451, and sends it once', async () => {
    const { id } = await pendingAgreement(api, world);
    inbox.busy.set('druk@bouw.test', 2);
    await signingLink(id, { email: 'druk@bouw.test', name: 'Druk' });
    const [row] = await waitFor(async () => {
      const rows = await messageRows(id);
      return rows[0]?.status === 'sent' ? rows : null;
    }, 30_000);
    expect(row.attempts).toBe(3);
    expect(inbox.to('druk@bouw.test')).toHaveLength(1);
  }, 60_000);

  it('delivers every message once after the SMTP server was away for a while', async () => {
    const port = inbox.port;
    await inbox.stop();
    const agreements: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { id } = await pendingAgreement(api, world);
      agreements.push(id);
      await signingLink(id, { email: `later${i}@bouw.test`, name: `Later ${i}` });
    }
    // Every message tried at least once while the server refused connections.
    await waitFor(async () => {
      for (const id of agreements) {
        const [row] = await messageRows(id);
        if (row.attempts < 1 || row.status !== 'pending') return false;
      }
      return true;
    });
    await inbox.start(port);
    const ids = await waitFor(async () => {
      const rows = (await Promise.all(agreements.map(messageRows))).flat();
      return rows.every((r) => r.status === 'sent') ? rows.map((r) => r.message_id) : null;
    }, 30_000);
    for (const messageId of ids) {
      expect(inbox.received.filter((r) => r.messageId === messageId)).toHaveLength(1);
    }
  }, 60_000);

  it('tells every signatory once the sealed PDF is ready: account holders to the PDF in the API, a link signer to their own receipt', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    // The employer signs through a signing link (no account); student and university by account.
    const link = await signingLink(id, { email: 'directeur@bouw.test', name: 'Dirk Directeur' });
    await api.http
      .post(`/api/v1/signing/${link.token}/sign`)
      .send({ contentHash, name: 'Dirk Directeur', consent: true })
      .expect(201);
    for (const token of [world.studentToken, world.coordinatorToken]) {
      expect((await sign(api, token, id, contentHash)).status).toBe(201);
    }
    const signers: { signer_email: string; method: string }[] = await api.app.get(DataSource).query(
      `SELECT DISTINCT lower(s.signer_email) AS signer_email, s.method FROM agreement_signatures s
           JOIN agreement_versions v ON v.id = s.version_id WHERE v.agreement_id = $1`,
      [id],
    );
    expect(signers.map((s) => s.method).sort()).toEqual(['account', 'account', 'signing_link']);
    const sealed = await waitFor(async () => {
      const res = await messages(world.coordinatorToken, id).expect(200);
      const rows = (
        res.body.data as {
          kind: string;
          status: string;
          recipient: { email: string };
          messageId: string;
        }[]
      ).filter((m) => m.kind === 'agreement.sealed');
      return rows.length === signers.length && rows.every((m) => m.status === 'sent') ? rows : null;
    }, 60_000);
    expect(sealed.map((m) => m.recipient.email.toLowerCase()).sort()).toEqual(
      signers.map((s) => s.signer_email).sort(),
    );
    const { body: documents } = await api.http
      .get(`/api/v1/agreements/${id}/documents`)
      .set(bearer(world.coordinatorToken))
      .expect(200);
    const signed = (documents.data as { id: string; kind: string; sha256: string }[]).find(
      (d) => d.kind === 'signed',
    )!;
    for (const m of sealed) {
      const [mail] = inbox.received.filter((r) => r.messageId === m.messageId);
      expect(mail.kind).toBe('agreement.sealed');
      expect(mail.text).toContain(signed.sha256);
      // Never the PDF attached, never the signing token.
      expect(mail.raw.toString()).not.toContain('application/pdf');
      expect(mail.raw.toString()).not.toContain(link.token);
      const url = /https?:\/\/\S+/.exec(mail.text)![0];
      if (m.recipient.email.toLowerCase() === 'directeur@bouw.test') {
        expect(url).toMatch(/\/sign\/receipt\/[^/]+$/);
        const page = await api.http.get(new URL(url).pathname).expect(200);
        const pdf = await api.http.get(`${new URL(url).pathname}/agreement.pdf`).expect(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(page.text).toContain('agreement.pdf');
      } else {
        expect(url).toMatch(new RegExp(`/api/v1/documents/${signed.id}/content$`));
        // The API's own download, for a logged-in account holder only.
        await api.http.get(new URL(url).pathname).expect(401);
        await api.http.get(new URL(url).pathname).set(bearer(world.studentToken)).expect(200);
      }
    }
  }, 90_000);

  it('e-mails each university’s people only about their own agreements, and shows the other none of its messages (404)', async () => {
    const other = await agreementWorld(api);
    const sides = [
      { w: world, linkEmail: 'werkgever-eigen@bouw.test' },
      { w: other, linkEmail: 'werkgever-ander@bouw.test' },
    ];
    const ids: string[] = [];
    for (const { w, linkEmail } of sides) {
      const { id, contentHash } = await pendingAgreement(api, w);
      await api.http
        .post(`/api/v1/agreements/${id}/signing-links`)
        .set(bearer(w.coordinatorToken))
        .send({ party: 'employer', email: linkEmail, name: 'Werkgever' })
        .expect(201);
      for (const token of [w.studentToken, w.companyRepToken, w.coordinatorToken]) {
        expect((await sign(api, token, id, contentHash)).status).toBe(201);
      }
      ids.push(id);
    }
    // The sealed notices are the last messages an agreement causes.
    const sent = await Promise.all(
      sides.map(({ w }, i) =>
        waitFor(async () => {
          const res = await messages(w.coordinatorToken, ids[i]).expect(200);
          const rows = res.body.data as { kind: string; status: string; messageId: string }[];
          const sealed = rows.some((m) => m.kind === 'agreement.sealed');
          return sealed && rows.every((m) => m.status === 'sent') && rows;
        }, 60_000),
      ),
    );
    const people = await Promise.all(
      sides.map(async ({ w, linkEmail }) => {
        const own = await Promise.all(
          [w.coordinatorToken, w.studentToken, w.companyRepToken].map(async (token) => {
            const me = await api.http.get('/api/v1/auth/me').set(bearer(token)).expect(200);
            return (me.body.user.email as string).toLowerCase();
          }),
        );
        return new Set([...own, linkEmail]);
      }),
    );
    for (const [i, rows] of sent.entries()) {
      for (const row of rows) {
        const [mail] = inbox.received.filter((r) => r.messageId === row.messageId);
        for (const to of mail.rcptTo.map((a) => a.toLowerCase())) {
          expect(people[i].has(to)).toBe(true);
          expect(people[1 - i].has(to)).toBe(false);
        }
      }
    }
    await messages(other.coordinatorToken, ids[0]).expect(404);
    await messages(world.coordinatorToken, ids[1]).expect(404);
  }, 90_000);
});

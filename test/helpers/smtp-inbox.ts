import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';
import { startApi, TestApi } from './api';
import { startWorker, TestWorker, withEnv } from './worker';

export interface Received {
  rcptTo: string[];
  raw: Buffer;
  messageId: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  headerLines: string[];
}

/**
 * A real SMTP server on 127.0.0.1: records every accepted message (parsed as a mail client
 * would), refuses recipients the test names with 550, and can stop listening for a while.
 */
export class Inbox {
  readonly received: Received[] = [];
  readonly refused = new Set<string>();
  /** Addresses answered 451 (try again later) this many more times. */
  readonly busy = new Map<string, number>();
  private server!: SMTPServer;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (this.refused.has(address.address)) {
          return callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
        }
        const busy = this.busy.get(address.address) ?? 0;
        if (busy > 0) {
          this.busy.set(address.address, busy - 1);
          return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((mail) => {
              this.received.push({
                rcptTo: session.envelope.rcptTo.map((r) => r.address),
                raw,
                messageId: mail.messageId ?? '',
                kind: String(mail.headers.get('x-message-kind') ?? ''),
                subject: mail.subject ?? '',
                text: mail.text ?? '',
                html: typeof mail.html === 'string' ? mail.html : '',
                headerLines: mail.headerLines.map((h) => h.key),
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  to(address: string): Received[] {
    return this.received.filter((r) => r.rcptTo.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * The API and a worker that sends to the inbox (started first). Both know MAIL_FROM: the API
 * writes each Message-ID with its host, the worker sends. `workerEnv` adds to the worker's.
 */
export async function startMailApps(
  inbox: Inbox,
  workerEnv: Record<string, string> = {},
): Promise<{ api: TestApi; worker: TestWorker }> {
  const from = { MAIL_FROM: 'DualRoute <stage@dualroute.test>' };
  const api = await withEnv(from, () => startApi());
  const worker = await startWorker({
    ...from,
    SMTP_URL: `smtp://127.0.0.1:${inbox.port}`,
    ...workerEnv,
  });
  return { api, worker };
}

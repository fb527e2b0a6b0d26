import { PeriodicLook } from '@app/common';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource, EntityManager } from 'typeorm';
import { AgreementDocumentsSource } from '../agreements/agreement-documents.source';
import { MAX_SIGNING_REMINDERS, mailConfig } from './mail.config';
import { MailOutbox } from './mail-outbox';
import type { MailLanguage, SigningRequestData } from './mail-templates';
import { Message } from './message.entity';

/** How many due reminders one look claims. */
const BATCH = 50;

interface DueRow {
  message_id: string;
  agreement_id: string;
  version_number: number;
  party: string;
  token_sealed: string;
  reminders_sent: number;
}

/** Whether a reminder still has a reason: the version awaits the party and the link still works. */
export function stillAwaited(
  versionStatus: string | null,
  signedParties: string[],
  party: string,
  linkExpiresAt: Date,
  now: Date,
): boolean {
  return (
    versionStatus === 'pending_signatures' &&
    !signedParties.includes(party) &&
    linkExpiresAt.getTime() > now.getTime()
  );
}

/**
 * The worker's look for due signing reminders. The schedule lives in signing_reminders: a look
 * claims due rows (FOR UPDATE SKIP LOCKED, so several workers share them) and writes each
 * reminder with its job through MailOutbox in the transaction that advances the row, so a
 * restart neither loses nor repeats one.
 */
@Injectable()
export class SigningReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SigningReminderScheduler.name);
  private readonly looks = new PeriodicLook(
    () => this.remindDue(),
    () => this.config.reminderPollSeconds * 1000,
    (error: Error) => this.logger.warn(`signing reminders not written: ${error.message}`),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly agreements: AgreementDocumentsSource,
    private readonly outbox: MailOutbox,
    @Inject(mailConfig.KEY) private readonly config: ConfigType<typeof mailConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.looks.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.looks.stop();
  }

  /** One look: the number of reminder rows it settled (sent a reminder or stopped). */
  async remindDue(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: DueRow[] = await manager.query(
        `SELECT message_id, agreement_id, version_number, party, token_sealed, reminders_sent
           FROM signing_reminders
          WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= clock_timestamp()
          ORDER BY next_reminder_at
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED`,
      );
      // One after the other: every query runs on this transaction's one connection.
      for (const row of due) await this.remind(manager, row);
      return due.length;
    });
  }

  private async remind(manager: EntityManager, row: DueRow): Promise<void> {
    const request = await manager.findOneBy(Message, { id: row.message_id });
    const data = request?.data as unknown as SigningRequestData | undefined;
    const version = await this.agreements.version(manager, row.agreement_id, row.version_number);
    const signed = await this.agreements.signatures(manager, row.agreement_id, row.version_number);
    const [{ now }] = await manager.query(`SELECT clock_timestamp() AS now`);
    // A request that could not be delivered (a 5xx) is not followed by reminders either.
    const awaited =
      request?.status !== 'failed' &&
      request &&
      data &&
      stillAwaited(
        version?.status ?? null,
        signed.map((s) => s.party),
        row.party,
        new Date(data.expiresAt),
        new Date(now),
      );
    if (!awaited) return this.stop(manager, row.message_id);
    await this.outbox.signingReminder(manager, {
      agreementId: row.agreement_id,
      universityId: request.universityId,
      language: request.language as MailLanguage,
      recipient: { name: request.recipientName, email: request.recipientEmail },
      data,
      tokenSealed: row.token_sealed,
      requestId: row.message_id,
    });
    if (row.reminders_sent + 1 >= MAX_SIGNING_REMINDERS) {
      await manager.query(
        `UPDATE signing_reminders SET reminders_sent = reminders_sent + 1 WHERE message_id = $1`,
        [row.message_id],
      );
      return this.stop(manager, row.message_id);
    }
    await manager.query(
      `UPDATE signing_reminders
          SET reminders_sent = reminders_sent + 1,
              next_reminder_at = clock_timestamp() + make_interval(secs => $2)
        WHERE message_id = $1`,
      [row.message_id, this.config.reminderHours * 3600],
    );
  }

  /** Reminding is over: the sealed token leaves with the schedule. */
  private async stop(manager: EntityManager, messageId: string): Promise<void> {
    await manager.query(
      `UPDATE signing_reminders SET next_reminder_at = NULL, token_sealed = NULL
        WHERE message_id = $1`,
      [messageId],
    );
  }
}

import { JobsService, newId } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { JOBS, jobKeys, QUEUES } from '../jobs/queues';
import { SecretBox } from '../webhooks/delivery';
import { mailConfig } from './mail.config';
import type {
  AgreementSealedData,
  MailLanguage,
  MessageKind,
  SigningRequestData,
} from './mail-templates';
import { Message } from './message.entity';
import type { OverdueDigestData } from './overdue-digest';

interface AgreementMail<D> {
  agreementId: string;
  universityId: string;
  language: MailLanguage;
  recipient: { name: string; email: string };
  data: D;
}

export interface SigningRequestMail extends AgreementMail<SigningRequestData> {
  /** The link's token: sealed on the row, put into the body only when it is sent. */
  token: string;
  /** The version the link signs: reminders go on while it awaits this party. */
  version: number;
}

/** A reminder of a signing request, written by the worker (SigningReminderScheduler). */
export interface SigningReminderMail extends AgreementMail<SigningRequestData> {
  /** The link's token as the reminders row keeps it: sealed, never opened here. */
  tokenSealed: string;
  /** The signing request's message (the reminders row's key): how a stop finds its reminders. */
  requestId: string;
}

export type AgreementSealedMail = AgreementMail<AgreementSealedData>;

/** A coordinator's weekly digest: about a university's agreements, none in particular. */
export interface OverdueDigestMail {
  universityId: string;
  language: MailLanguage;
  recipient: { name: string; email: string };
  data: OverdueDigestData;
}

/**
 * The port other modules write e-mail through, inside the transaction of the change that causes
 * it: the message row and its job commit together with the change, or not at all.
 */
@Injectable()
export class MailOutbox {
  private readonly box: SecretBox;

  constructor(
    private readonly jobs: JobsService,
    @Inject(mailConfig.KEY) private readonly config: ConfigType<typeof mailConfig>,
  ) {
    this.box = new SecretBox(config.sealKey);
  }

  /** The request, and its reminders scheduled in the same transaction. */
  async signingRequested(manager: EntityManager, mail: SigningRequestMail): Promise<string> {
    const tokenSealed = this.box.seal(mail.token);
    const id = await this.write(manager, 'signing.requested', mail, tokenSealed);
    await manager.query(
      `INSERT INTO signing_reminders
              (message_id, agreement_id, version_number, party, token_sealed, next_reminder_at)
       VALUES ($1, $2, $3, $4, $5, clock_timestamp() + make_interval(secs => $6))`,
      [
        id,
        mail.agreementId,
        mail.version,
        mail.data.party,
        tokenSealed,
        this.config.reminderHours * 3600,
      ],
    );
    return id;
  }

  async signingReminder(manager: EntityManager, mail: SigningReminderMail): Promise<string> {
    return this.write(
      manager,
      'signing.reminder',
      { ...mail, data: { ...mail.data, requestId: mail.requestId } },
      mail.tokenSealed,
    );
  }

  async agreementSealed(manager: EntityManager, mail: AgreementSealedMail): Promise<string> {
    return this.write(manager, 'agreement.sealed', mail, null);
  }

  async overdueDigest(manager: EntityManager, mail: OverdueDigestMail): Promise<string> {
    return this.write(manager, 'monitoring.overdue', { ...mail, agreementId: null }, null);
  }

  private async write(
    manager: EntityManager,
    kind: MessageKind,
    mail: Omit<
      AgreementMail<SigningRequestData | AgreementSealedData | OverdueDigestData>,
      'agreementId'
    > & {
      agreementId: string | null;
    },
    tokenSealed: string | null,
  ): Promise<string> {
    const id = newId();
    await manager.insert(Message, {
      id,
      kind,
      agreementId: mail.agreementId,
      universityId: mail.universityId,
      recipientName: mail.recipient.name,
      recipientEmail: mail.recipient.email,
      language: mail.language,
      messageId: `<${id}@${this.config.messageIdHost}>`,
      data: { ...mail.data },
      tokenSealed,
    });
    await this.jobs.enqueue(manager, {
      queue: QUEUES.mail,
      kind: JOBS.sendMessage,
      key: jobKeys.sendMessage(id),
      subject: { type: 'message', id },
      payload: { messageId: id },
    });
    return id;
  }
}

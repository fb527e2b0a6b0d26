import {
  ClaimedJob,
  Clock,
  describeFailure,
  JobHandler,
  JobHandlerFor,
  PermanentJobError,
} from '@app/common';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource, EntityManager } from 'typeorm';
import { documentsConfig } from '../documents/documents.config';
import { JOBS, QUEUES } from '../jobs/queues';
import { Party, PARTIES } from '../agreements/dto/agreement.dto';
import { SignerReceipts } from '../pages/signer-receipts';
import { SecretBox } from '../webhooks/delivery';
import { mailConfig } from './mail.config';
import {
  AgreementSealedData,
  MailLanguage,
  renderAgreementSealed,
  renderSigningReminder,
  renderSigningRequest,
  RenderedMail,
  SealedLink,
  SigningRequestData,
} from './mail-templates';
import { isPermanentSmtpFailure, MailTransport } from './mail-transport';
import { Message } from './message.entity';
import { OverdueDigestData, renderOverdueDigest } from './overdue-digest';

/**
 * Sends one message under its fixed Message-ID. A 5xx reply fails it for good (`failed`); a 4xx
 * reply or an SMTP server out of reach is retried on the job path's backoff. A run that died
 * after the server accepted the message may send it again, under the same Message-ID.
 */
@Injectable()
@JobHandlerFor({ queue: QUEUES.mail, kinds: [JOBS.sendMessage] })
export class SendMessageHandler implements JobHandler, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SendMessageHandler.name);
  private readonly transport: MailTransport;
  private readonly box: SecretBox;
  /** MAIL_CONCURRENCY: messages this worker sends at once. */
  readonly concurrency: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(mailConfig.KEY) config: ConfigType<typeof mailConfig>,
    @Inject(documentsConfig.KEY) private readonly documents: ConfigType<typeof documentsConfig>,
    private readonly receipts: SignerReceipts,
  ) {
    this.transport = new MailTransport(config);
    this.concurrency = config.concurrency;
    this.box = new SecretBox(config.sealKey);
  }

  onModuleInit(): void {
    this.transport.logWhere(this.logger);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  async run(job: ClaimedJob): Promise<Record<string, unknown>> {
    const { messageId: id } = job.payload as { messageId: string };
    const messages = this.dataSource.getRepository(Message);
    const message = await messages.findOneBy({ id });
    if (!message || message.status !== 'pending') return { skipped: message?.status ?? 'missing' };
    const rendered = this.render(message);
    try {
      await this.transport.send({
        messageId: message.messageId,
        kind: message.kind,
        to: { name: message.recipientName, address: message.recipientEmail },
        language: message.language,
        ...rendered,
      });
    } catch (error) {
      await messages.increment({ id }, 'attempts', 1);
      await messages.update({ id }, { lastError: describeFailure(error) });
      if (isPermanentSmtpFailure(error)) throw new PermanentJobError(describeFailure(error));
      throw error;
    }
    // The token has done its work: it leaves the row with the send. A reminder cancelled while
    // the server was accepting it went out all the same, and says so.
    await this.dataSource.query(
      `UPDATE messages SET status = 'sent', attempts = attempts + 1, sent_at = $2,
              last_error = NULL, token_sealed = NULL
        WHERE id = $1 AND status IN ('pending', 'cancelled')`,
      [id, this.clock.now()],
    );
    return { kind: message.kind, status: 'sent' };
  }

  async onFailed(manager: EntityManager, job: ClaimedJob, reason: string): Promise<void> {
    const { messageId: id } = job.payload as { messageId: string };
    await manager.query(
      `UPDATE messages SET status = 'failed', last_error = $2, token_sealed = NULL
        WHERE id = $1 AND status = 'pending'`,
      [id, reason.slice(0, 2000)],
    );
  }

  /**
   * Made at send time and never stored: a receipt is a credential of its signer, like the
   * signing token. Messages written before the data named the party go to the verify page.
   */
  private sealedLink(agreementId: string, data: AgreementSealedData): SealedLink {
    const base = this.documents.publicBaseUrl;
    if (data.signedWith === 'signing_link' && isParty(data.party)) {
      const { path, expiresAt } = this.receipts.issue({
        agreementId,
        version: data.version,
        party: data.party,
        outcome: 'signed',
      });
      return { to: 'receipt', url: `${base}${path}`, expiresAt };
    }
    if (data.signedWith === 'account' && data.documentId) {
      return { to: 'account', url: `${base}/api/v1/documents/${data.documentId}/content` };
    }
    return { to: 'verify', url: `${base}/verify` };
  }

  private render(message: Message): RenderedMail {
    const signing = {
      'signing.requested': renderSigningRequest,
      'signing.reminder': renderSigningReminder,
    };
    if (
      (message.kind === 'signing.requested' || message.kind === 'signing.reminder') &&
      message.tokenSealed
    ) {
      const token = this.box.open(message.tokenSealed);
      return signing[message.kind](
        message.language as MailLanguage,
        message.recipientName,
        message.data as unknown as SigningRequestData,
        `${this.documents.publicBaseUrl}/sign/${token}`,
      );
    }
    if (message.kind === 'agreement.sealed' && message.agreementId) {
      const data = message.data as unknown as AgreementSealedData;
      return renderAgreementSealed(
        message.language as MailLanguage,
        message.recipientName,
        data,
        this.sealedLink(message.agreementId, data),
      );
    }
    if (message.kind === 'monitoring.overdue') {
      return renderOverdueDigest(
        message.language as MailLanguage,
        message.recipientName,
        message.data as unknown as OverdueDigestData,
        `${this.documents.publicBaseUrl}/api/v1/monitoring/due?overdue=true`,
      );
    }
    throw new PermanentJobError(`no template for a ${message.kind} message in this state`);
  }
}

function isParty(value: unknown): value is Party {
  return (PARTIES as readonly unknown[]).includes(value);
}

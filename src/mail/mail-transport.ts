import { Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import type { MailAddress, MailConfig } from './mail.config';

export interface OutgoingMail {
  /** `<uuid@host>`: the same on every attempt, so a receiver sees one message. */
  messageId: string;
  kind: string;
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
  language: string;
}

/** CR and LF (and other control characters) never reach a header: they become spaces. */
export function headerText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/**
 * What an SMTP failure means: a 5xx reply is permanent (the address or message is refused), a
 * 4xx reply or no reply at all (connection refused, reset, timed out) passes by itself.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends through SMTP_URL, or, without it (outside production), writes each message as an .eml
 * file to MAIL_DIR: the exact bytes SMTP would have carried.
 */
export class MailTransport {
  private readonly transporter: Transporter;

  constructor(private readonly config: MailConfig) {
    this.transporter = config.smtpUrl
      ? createTransport(config.smtpUrl)
      : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  /** Where messages go, for the start-up log (never the SMTP credentials). */
  describe(): string {
    if (!this.config.smtpUrl) return `written as .eml files to ${this.config.dir}`;
    const url = new URL(this.config.smtpUrl);
    return `sent through ${url.protocol}//${url.host}`;
  }

  logWhere(logger: Logger): void {
    logger.log(`E-mail to people is ${this.describe()}`);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transporter.sendMail({
      messageId: mail.messageId,
      from: { name: headerText(this.config.from.name), address: this.config.from.address },
      to: { name: headerText(mail.to.name), address: mail.to.address },
      subject: headerText(mail.subject),
      text: mail.text,
      html: mail.html,
      headers: { 'X-Message-Kind': mail.kind, 'Content-Language': mail.language },
    })) as { message?: Buffer };
    if (!this.config.smtpUrl && info.message) {
      await mkdir(this.config.dir, { recursive: true });
      await writeFile(join(this.config.dir, emlFileName(mail.messageId)), info.message);
    }
  }

  close(): void {
    this.transporter.close();
  }
}

/** `<id@host>` → `id@host.eml`, one file per message (a resend overwrites it). */
export function emlFileName(messageId: string): string {
  return `${messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9@._-]/g, '_')}.eml`;
}

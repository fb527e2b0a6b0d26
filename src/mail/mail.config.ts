import { registerAs } from '@nestjs/config';
import { resolve } from 'node:path';
import { ConfigError } from '../config/app-config';
import { secretBoxKey } from '../webhooks/delivery';

export interface MailAddress {
  name: string;
  address: string;
}

/** Settings of e-mail to people (SMTP_URL, MAIL_FROM, MAIL_DIR), validated once at start-up. */
export interface MailConfig {
  /** SMTP_URL (nodemailer, e.g. smtp://user:pass@host:587): required in production. */
  smtpUrl: string | null;
  /** MAIL_DIR (default var/mail): where messages are written as .eml files without SMTP_URL. */
  dir: string;
  /** MAIL_FROM ("Name <address>" or an address): required in production. */
  from: MailAddress;
  /** The host of MAIL_FROM's address: the right-hand side of every Message-ID. */
  messageIdHost: string;
  /**
   * Signing tokens wait on their message row sealed with the key that seals webhook secrets
   * (WEBHOOK_SECRET_KEY): one key for secrets the platform must read back.
   */
  sealKey: Buffer;
  /** SIGNING_REMINDER_HOURS (default 72, decimals allowed): between a request and each reminder. */
  reminderHours: number;
  /** MAIL_REMINDER_POLL_SECONDS (default 60, decimals allowed): how often the worker looks. */
  reminderPollSeconds: number;
  /**
   * MONITORING_DIGEST_POLL_SECONDS (default 3600, decimals allowed): how often the worker looks
   * for coordinators not yet sent this ISO week's overdue digest. The week decides who is due.
   */
  digestPollSeconds: number;
  /**
   * MAIL_CONCURRENCY (default 4): messages one worker sends at once, each over an SMTP connection
   * of its own (one at a time drained ~9 messages/s after an outage in the fault test).
   */
  concurrency: number;
}

/** A signing request is followed by at most this many reminders. */
export const MAX_SIGNING_REMINDERS = 3;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`${name} must be a positive number, not ${raw}`);
  }
  return value;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ConfigError(`${name} must be a whole number from 1 to ${max}, not ${raw}`);
  }
  return value;
}

const DEV_FROM = 'DualRoute <no-reply@dualroute.localhost>';
const ADDRESS = /^[^\s@<>"]+@([^\s@<>"]+)$/;

/** "Name <a@b>" or "a@b"; a name is plain text (no CR/LF, no angle brackets). */
export function parseMailFrom(raw: string): MailAddress {
  const value = raw.trim();
  const named = /^(.*?)\s*<([^<>]+)>$/.exec(value);
  const name = (named ? named[1] : '').replace(/^"(.*)"$/, '$1').trim();
  const address = (named ? named[2] : value).trim();
  if (!ADDRESS.test(address) || /[\r\n<>]/.test(name)) {
    throw new ConfigError(`MAIL_FROM must be an address or "Name <address>", not ${raw}`);
  }
  return { name, address };
}

export function loadMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (production && !smtpUrl) {
    throw new ConfigError('SMTP_URL must be set in production (e.g. smtp://user:pass@host:587)');
  }
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  }
  const rawFrom = env.MAIL_FROM?.trim();
  if (production && !rawFrom) {
    throw new ConfigError(
      'MAIL_FROM must be set in production (e.g. "DualRoute <no-reply@example.nl>")',
    );
  }
  const from = parseMailFrom(rawFrom || DEV_FROM);
  return {
    smtpUrl,
    dir: resolve(env.MAIL_DIR?.trim() || 'var/mail'),
    from,
    messageIdHost: ADDRESS.exec(from.address)![1].toLowerCase(),
    sealKey: secretBoxKey(env.WEBHOOK_SECRET_KEY, nodeEnv),
    reminderHours: positive(env, 'SIGNING_REMINDER_HOURS', 72),
    reminderPollSeconds: positive(env, 'MAIL_REMINDER_POLL_SECONDS', 60),
    digestPollSeconds: positive(env, 'MONITORING_DIGEST_POLL_SECONDS', 3600),
    concurrency: wholeNumber(env, 'MAIL_CONCURRENCY', 4, 64),
  };
}

export const mailConfig = registerAs('mail', () => loadMailConfig());

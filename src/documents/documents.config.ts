import { registerAs } from '@nestjs/config';
import { isAbsolute, join, resolve } from 'node:path';
import { bool, ConfigError, int } from '../config/app-config';

/** Settings of the documents module (storage, sealing certificate, worker), validated once. */
export interface DocumentsConfig {
  /** Where documents are stored (DOCUMENTS_DIR, default ./var/documents). */
  documentsDir: string;
  /**
   * The platform's sealing certificate and key (SEAL_P12_PATH, SEAL_P12_PASSPHRASE). Without a
   * path, a self-signed one is generated at devSealPath on first start when allowSelfSigned.
   */
  sealP12Path: string | null;
  sealP12Passphrase: string;
  /**
   * Whether a worker without SEAL_P12_PATH may seal with a generated self-signed certificate
   * (SEAL_ALLOW_SELF_SIGNED; default true except in production, where the worker refuses).
   */
  allowSelfSigned: boolean;
  devSealPath: string;
  /**
   * Printed on every sealed page as where to verify (PUBLIC_BASE_URL; default
   * http://localhost:3000 outside production, required in production: a wrong link is printed
   * into documents that live for years).
   */
  publicBaseUrl: string;
  /** Document jobs one worker process runs at once (DOCUMENT_JOB_CONCURRENCY, default 2). */
  concurrency: number;
  /** POST /verify requests per client IP per minute (VERIFY_RATE_LIMIT_PER_MINUTE, default 30). */
  verifyRateLimitPerMinute: number;
  /** The largest PDF /verify accepts (VERIFY_MAX_BYTES, default 20 MB). */
  verifyMaxBytes: number;
}

export function loadDocumentsConfig(env: NodeJS.ProcessEnv = process.env): DocumentsConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const dir = (value: string | undefined, fallback: string) =>
    resolve(value && value !== '' ? value : fallback);
  const documentsDir = dir(env.DOCUMENTS_DIR, join('var', 'documents'));
  const sealP12Path = env.SEAL_P12_PATH ? resolve(env.SEAL_P12_PATH) : null;
  if (nodeEnv === 'production' && !env.PUBLIC_BASE_URL) {
    throw new ConfigError(
      'PUBLIC_BASE_URL is required in production: it is printed on every sealed PDF as where to verify it (e.g. https://dualroute.example.nl)',
    );
  }
  const publicBaseUrl = (env.PUBLIC_BASE_URL || 'http://localhost:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(publicBaseUrl)) {
    throw new ConfigError(`PUBLIC_BASE_URL must be an http(s) URL, not "${publicBaseUrl}"`);
  }
  const devSeal = env.DEV_SEAL_P12_PATH || join(documentsDir, '..', 'dev-seal.p12');
  return {
    documentsDir,
    sealP12Path,
    sealP12Passphrase: env.SEAL_P12_PASSPHRASE ?? '',
    allowSelfSigned: bool(
      env.SEAL_ALLOW_SELF_SIGNED,
      nodeEnv !== 'production',
      'SEAL_ALLOW_SELF_SIGNED',
    ),
    devSealPath: isAbsolute(devSeal) ? devSeal : resolve(devSeal),
    publicBaseUrl,
    concurrency: int(env.DOCUMENT_JOB_CONCURRENCY, 2, 'DOCUMENT_JOB_CONCURRENCY', 1, 32),
    verifyRateLimitPerMinute: int(
      env.VERIFY_RATE_LIMIT_PER_MINUTE,
      30,
      'VERIFY_RATE_LIMIT_PER_MINUTE',
      1,
      100_000,
    ),
    verifyMaxBytes: int(
      env.VERIFY_MAX_BYTES,
      20 * 1024 * 1024,
      'VERIFY_MAX_BYTES',
      1024,
      200 * 1024 * 1024,
    ),
  };
}

export const documentsConfig = registerAs('documents', () => loadDocumentsConfig());

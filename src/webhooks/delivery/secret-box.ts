import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ConfigError } from '../../config/app-config';

/**
 * Endpoint secrets must be read back to sign each delivery, so they are kept encrypted (not
 * hashed) with WEBHOOK_SECRET_KEY: AES-256-GCM, whose tag also tells a tampered value or a wrong
 * key apart from a good one.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`a secret box key is ${KEY_BYTES} bytes`);
    this.key = Buffer.from(key);
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, each base64url; a fresh IV each time. */
  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv, tag, ciphertext].map((part) => part.toString('base64url')).join('.');
  }

  open(sealed: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) {
      throw new Error('sealed secret is not in the v1.<iv>.<tag>.<ciphertext> format');
    }
    const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new Error('sealed secret has a malformed IV or tag');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(
        'sealed secret cannot be opened: it was tampered with or sealed with another key',
      );
    }
  }
}

const DEV_KEY_SEED = 'dualroute-dev-webhook-secret-key';

/**
 * The secret box key from WEBHOOK_SECRET_KEY (64 hex characters or base64 of 32 bytes). Without
 * it, production refuses to start and other environments use a fixed development key, so that
 * secrets sealed on a laptop survive restarts.
 */
export function secretBoxKey(raw: string | undefined, nodeEnv: string): Buffer {
  const value = raw?.trim() ?? '';
  if (value === '') {
    if (nodeEnv === 'production') {
      throw new ConfigError(
        'WEBHOOK_SECRET_KEY must be set in production (32 random bytes: 64 hex characters or base64)',
      );
    }
    return createHash('sha256').update(DEV_KEY_SEED).digest();
  }
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(value) || /^[A-Za-z0-9_-]{43}$/.test(value)) {
    const key = Buffer.from(value, 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  throw new ConfigError(
    'WEBHOOK_SECRET_KEY must be 32 bytes as 64 hex characters or base64 (e.g. `openssl rand -hex 32`)',
  );
}

import { createHash, randomBytes } from 'node:crypto';
import { ConfigError } from '../../config/app-config';
import { SecretBox, secretBoxKey } from './secret-box';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** Replaces one base64url character of the given part of a sealed value. */
function tamper(sealed: string, partIndex: number): string {
  const parts = sealed.split('.');
  const part = parts[partIndex];
  parts[partIndex] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed', () => {
    expect(box.open(box.seal(SECRET))).toBe(SECRET);
    expect(box.open(box.seal(''))).toBe('');
    expect(box.open(box.seal('ünïcødé ✓'))).toBe('ünïcødé ✓');
  });

  it('seals as v1.<iv>.<tag>.<ciphertext> in base64url with a fresh IV each time', () => {
    const sealed = box.seal(SECRET);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(SECRET.slice(6));
    const again = box.seal(SECRET);
    expect(again).not.toBe(sealed);
    expect(again.split('.')[1]).not.toBe(sealed.split('.')[1]);
  });

  it('refuses a tampered IV, tag or ciphertext', () => {
    const sealed = box.seal(SECRET);
    for (const part of [1, 2, 3]) {
      expect(() => box.open(tamper(sealed, part))).toThrow(/tampered|another key|malformed/);
    }
    expect(() => box.open(tamper(sealed, 3))).toThrow(/tampered/);
  });

  it('refuses what another key sealed', () => {
    const other = new SecretBox(randomBytes(32));
    expect(() => other.open(box.seal(SECRET))).toThrow(/another key/);
  });

  it('refuses what is not a sealed value', () => {
    expect(() => box.open(SECRET)).toThrow(/format/);
    expect(() => box.open('v2.a.b.c')).toThrow(/format/);
    expect(() => box.open('v1.AAAA.AAAA.AAAA')).toThrow(/malformed/);
  });

  it('takes only 32-byte keys', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('secretBoxKey (WEBHOOK_SECRET_KEY)', () => {
  const key = randomBytes(32);

  it('reads 64 hex characters', () => {
    expect(secretBoxKey(key.toString('hex'), 'production')).toEqual(key);
    expect(secretBoxKey(key.toString('hex').toUpperCase(), 'production')).toEqual(key);
  });

  it('reads base64 and base64url of 32 bytes', () => {
    expect(secretBoxKey(key.toString('base64'), 'production')).toEqual(key);
    expect(secretBoxKey(key.toString('base64url'), 'production')).toEqual(key);
    expect(secretBoxKey(` ${key.toString('base64')}\n`, 'production')).toEqual(key);
  });

  it('is required in production', () => {
    expect(() => secretBoxKey(undefined, 'production')).toThrow(ConfigError);
    expect(() => secretBoxKey('', 'production')).toThrow(/WEBHOOK_SECRET_KEY/);
  });

  it('falls back to a fixed development key elsewhere', () => {
    const devKey = createHash('sha256').update('dualroute-dev-webhook-secret-key').digest();
    expect(secretBoxKey(undefined, 'development')).toEqual(devKey);
    expect(secretBoxKey('', 'test')).toEqual(devKey);
    const box = new SecretBox(secretBoxKey(undefined, 'development'));
    expect(new SecretBox(devKey).open(box.seal(SECRET))).toBe(SECRET);
  });

  it('refuses a key of the wrong size or encoding, in any environment', () => {
    for (const raw of [
      randomBytes(31).toString('hex'),
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('base64'),
      'not a key',
      `${key.toString('hex')}0`,
    ]) {
      expect(() => secretBoxKey(raw, 'development')).toThrow(ConfigError);
      expect(() => secretBoxKey(raw, 'production')).toThrow(/WEBHOOK_SECRET_KEY/);
    }
  });
});

import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks v1 (https://www.standardwebhooks.com): what an endpoint's receiver checks
 * with any of the reference libraries, so integrators need no code of ours.
 */

const SECRET_PREFIX = 'whsec_';

/** A new endpoint secret: `whsec_` and 32 random bytes in base64, the form the libraries take. */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new Error('a webhook secret must be base64 key material');
  return key;
}

/**
 * The `webhook-signature` value: one `v1,<signature>` per secret, space-separated, so that while
 * an endpoint's secret is rotated a receiver holding either the old or the new one verifies.
 */
export function signatureHeader(
  secrets: readonly string[],
  msgId: string,
  timestampSeconds: number,
  body: string,
): string {
  if (secrets.length === 0) throw new Error('a webhook needs at least one secret to be signed');
  if (!Number.isInteger(timestampSeconds)) {
    throw new Error('a webhook timestamp is whole seconds since the epoch');
  }
  const signedContent = `${msgId}.${timestampSeconds}.${body}`;
  return secrets
    .map(
      (secret) =>
        `v1,${createHmac('sha256', secretKey(secret)).update(signedContent).digest('base64')}`,
    )
    .join(' ');
}

/** Every header of one delivery attempt. */
export function webhookHeaders(input: {
  msgId: string;
  timestampSeconds: number;
  body: string;
  secrets: readonly string[];
}): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': input.msgId,
    'webhook-timestamp': String(input.timestampSeconds),
    'webhook-signature': signatureHeader(
      input.secrets,
      input.msgId,
      input.timestampSeconds,
      input.body,
    ),
    'user-agent': 'dualroute-webhooks/1',
  };
}

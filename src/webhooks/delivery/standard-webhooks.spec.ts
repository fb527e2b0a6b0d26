import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, signatureHeader, webhookHeaders } from './standard-webhooks';

/** The reference library refuses timestamps more than five minutes from its clock. */
const now = (): number => Math.floor(Date.now() / 1000);

const body = JSON.stringify({ type: 'placement.created', data: { id: 'p-1', name: 'Ünïcode ✓' } });

describe('Standard Webhooks v1 signing', () => {
  it('generates whsec_ secrets of 32 random bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('produces headers the reference library verifies', () => {
    const secret = generateWebhookSecret();
    const headers = webhookHeaders({
      msgId: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      timestampSeconds: now(),
      body,
      secrets: [secret],
    });
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      'user-agent': 'dualroute-webhooks/1',
    });
    expect(headers['webhook-timestamp']).toMatch(/^\d+$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('signs exactly as the reference library does', () => {
    const secret = generateWebhookSecret();
    const timestamp = now();
    expect(signatureHeader([secret], 'msg_1', timestamp, body)).toBe(
      new Webhook(secret).sign('msg_1', new Date(timestamp * 1000), body),
    );
  });

  it('matches the specification example', () => {
    // From the Standard Webhooks specification and its libraries' tests.
    expect(
      signatureHeader(
        ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs with every secret during a rotation, and each verifies alone', () => {
    const oldSecret = generateWebhookSecret();
    const newSecret = generateWebhookSecret();
    const headers = webhookHeaders({
      msgId: 'msg_rotation',
      timestampSeconds: now(),
      body,
      secrets: [newSecret, oldSecret],
    });
    const signatures = headers['webhook-signature'].split(' ');
    expect(signatures).toHaveLength(2);
    for (const signature of signatures) expect(signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(oldSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(newSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('fails verification of a tampered body, id or timestamp', () => {
    const secret = generateWebhookSecret();
    const headers = webhookHeaders({
      msgId: 'msg_1',
      timestampSeconds: now(),
      body,
      secrets: [secret],
    });
    const webhook = new Webhook(secret);
    expect(() => webhook.verify(body.replace('p-1', 'p-2'), headers)).toThrow();
    expect(() => webhook.verify(body, { ...headers, 'webhook-id': 'msg_2' })).toThrow();
    const earlier = String(Number(headers['webhook-timestamp']) - 1);
    expect(() => webhook.verify(body, { ...headers, 'webhook-timestamp': earlier })).toThrow();
  });

  it('refuses to sign without a secret or with a fractional timestamp', () => {
    expect(() => signatureHeader([], 'msg_1', now(), body)).toThrow(/secret/);
    expect(() => signatureHeader([generateWebhookSecret()], 'msg_1', 1.5, body)).toThrow(
      /timestamp/,
    );
    expect(() => signatureHeader(['whsec_'], 'msg_1', now(), body)).toThrow(/secret/);
  });
});

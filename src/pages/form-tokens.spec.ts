import { FormTokens, ReceiptSubject } from './form-tokens';

const NOW = new Date('2026-03-14T10:00:00Z');
const HOUR = 3600_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);
const SUBJECT: ReceiptSubject = {
  agreementId: '0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b',
  version: 2,
  party: 'employer',
  outcome: 'signed',
};

describe('FormTokens', () => {
  const tokens = new FormTokens('a-server-secret-of-some-length');

  describe('form tokens (CSRF)', () => {
    it('accepts its own token for the same scope until it expires', () => {
      const value = tokens.formToken('sign:abc', NOW, HOUR);
      expect(tokens.checkFormToken('sign:abc', value, later(HOUR - 1000))).toBe('ok');
      expect(tokens.checkFormToken('sign:abc', value, later(HOUR))).toBe('expired');
    });

    it('refuses a token of another scope, secret, or with any character changed', () => {
      const value = tokens.formToken('sign:abc', NOW, HOUR);
      expect(tokens.checkFormToken('sign:abd', value, NOW)).toBe('invalid');
      expect(new FormTokens('another-secret').checkFormToken('sign:abc', value, NOW)).toBe(
        'invalid',
      );
      const [expiry, mac] = value.split('.');
      const longer = (parseInt(expiry, 36) + 3600).toString(36);
      expect(tokens.checkFormToken('sign:abc', `${longer}.${mac}`, NOW)).toBe('invalid');
      const flipped = mac[0] === 'A' ? `B${mac.slice(1)}` : `A${mac.slice(1)}`;
      expect(tokens.checkFormToken('sign:abc', `${expiry}.${flipped}`, NOW)).toBe('invalid');
    });

    it.each([undefined, '', 'x', ['a', 'b'], 42, 'zz.short'])('refuses %p', (value) => {
      expect(tokens.checkFormToken('sign:abc', value, NOW)).toBe('invalid');
    });
  });

  describe('receipts', () => {
    it('round-trips who did what to which version, and fits in a path segment', () => {
      const receipt = tokens.receipt(SUBJECT, later(7 * 24 * HOUR));
      expect(receipt.length).toBeLessThanOrEqual(100);
      expect(receipt).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(tokens.readReceipt(receipt, NOW)).toEqual({
        ...SUBJECT,
        expiresAt: later(7 * 24 * HOUR),
      });
      const declined = tokens.receipt(
        { ...SUBJECT, party: 'host', outcome: 'declined' },
        later(HOUR),
      );
      expect(tokens.readReceipt(declined, NOW)).toMatchObject({
        party: 'host',
        outcome: 'declined',
      });
    });

    it('expires', () => {
      const receipt = tokens.receipt(SUBJECT, later(HOUR));
      expect(tokens.readReceipt(receipt, later(HOUR))).toBe('expired');
    });

    it('cannot be redirected to another party, version, outcome or agreement', () => {
      const receipt = tokens.receipt(SUBJECT, later(HOUR));
      for (const forged of [
        receipt.replace('.2.es.', '.2.ss.'),
        receipt.replace('.2.es.', '.3.es.'),
        receipt.replace('.2.es.', '.2.ed.'),
        receipt.replace('0190a2b3', '0190a2b4'),
      ]) {
        expect(tokens.readReceipt(forged, NOW)).toBe('invalid');
      }
      expect(new FormTokens('another-secret').readReceipt(receipt, NOW)).toBe('invalid');
      expect(tokens.readReceipt('not-a-receipt', NOW)).toBe('invalid');
    });
  });
});

import { PROBLEM_BASE } from '@app/common';
import { errorPage } from './page-errors.filter';

const context = { requestId: 'req-42', maxUploadBytes: 20 * 1024 * 1024 };
const page = (status: number, type: string, reason?: string, lang: 'nl' | 'en' = 'en') =>
  errorPage({ status, type: PROBLEM_BASE + type, reason }, lang, context);

describe('errorPage', () => {
  it('tells an unknown link from a used, an expired and a closed one', () => {
    expect(page(404, 'not-found').title).toBe('Unknown link');
    expect(page(410, 'signing-link-gone', 'used')).toEqual({
      title: 'Link already used',
      lines: ['This link has already been used to sign or decline. A link works only once.'],
    });
    expect(page(410, 'signing-link-gone', 'expired').lines).toEqual([
      'This link has expired.',
      'Ask the coordinator at the university for a new link.',
    ]);
    expect(page(410, 'signing-link-gone', 'version_closed').title).toBe(
      'Version no longer open for signing',
    );
    expect(page(410, 'signing-link-gone', 'used', 'nl').title).toBe('Link al gebruikt');
  });

  it('explains receipts, conflicts and documents not made yet', () => {
    expect(page(404, 'receipt-not-valid').title).toBe('Confirmation not found');
    expect(page(410, 'receipt-not-valid').title).toBe('Confirmation not found');
    expect(page(409, 'already-signed').lines).toEqual([
      'This version has already been signed on behalf of this party.',
    ]);
    expect(page(409, 'content-hash-mismatch').lines[0]).toMatch(/text has changed/);
    expect(page(409, 'document-not-ready').title).toBe('PDF not ready yet');
    expect(page(409, 'agreement-state-conflict').title).toBe('That is not possible now');
  });

  it('covers limits and failures without detail from inside', () => {
    expect(page(413, 'bad-request').lines).toEqual(['This file is too large (at most 20 MB).']);
    expect(page(429, 'rate-limited').title).toBe('Please wait a moment');
    expect(page(503, 'service-unavailable').title).toBe('Temporarily unavailable');
    expect(page(500, 'internal-error').lines).toEqual([
      'Something went wrong on our side. Quote reference req-42 when you contact us.',
    ]);
    expect(page(400, 'validation-failed').title).toBe('Request not understood');
  });
});

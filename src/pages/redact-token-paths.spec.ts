import type { LoggerService } from '@nestjs/common';
import { RedactingLogger, redactTokenPaths, redactTokenPathsIn } from './redact-token-paths';

const TOKEN = 'q3X9vJ2m_Kd8sLw-0PzT5uYbNcRfGhE1aI7oW4eV6tU';
const RECEIPT = '0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b.1.es.tkz1ab.AbCdEfGhIjKlMnOpQrStUv';

describe('redactTokenPaths', () => {
  it.each([
    [`/sign/${TOKEN}`, '/sign/[redacted]'],
    [`/sign/${TOKEN}?lang=en`, '/sign/[redacted]?lang=en'],
    [`/sign/${TOKEN}/sign`, '/sign/[redacted]/sign'],
    [`/sign/${TOKEN}/decline`, '/sign/[redacted]/decline'],
    [`/sign/${TOKEN}/preview.pdf`, '/sign/[redacted]/preview.pdf'],
    [`/sign/receipt/${RECEIPT}?lang=nl`, '/sign/receipt/[redacted]?lang=nl'],
    [`/sign/receipt/${RECEIPT}/agreement.pdf`, '/sign/receipt/[redacted]/agreement.pdf'],
    [`/api/v1/signing/${TOKEN}`, '/api/v1/signing/[redacted]'],
    [`/api/v1/signing/${TOKEN}/sign`, '/api/v1/signing/[redacted]/sign'],
  ])('%s → %s', (url, logged) => {
    expect(redactTokenPaths(url)).toBe(logged);
  });

  it.each([
    '/verify',
    '/api/v1/verify',
    '/api/v1/agreements/0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b/signatures',
    '/api/v1/agreements/x/signing-links',
    '/signup/abc',
  ])('leaves %s as it is', (url) => {
    expect(redactTokenPaths(url)).toBe(url);
  });

  it('redacts every such path in a text', () => {
    expect(
      redactTokenPathsIn(
        `Unhandled error on GET /api/v1/signing/${TOKEN}/sign and GET /sign/${TOKEN}`,
      ),
    ).toBe('Unhandled error on GET /api/v1/signing/[redacted]/sign and GET /sign/[redacted]');
  });
});

describe('RedactingLogger', () => {
  it('redacts messages and string fields before they reach the log', () => {
    const lines: unknown[][] = [];
    const record = (...args: unknown[]) => void lines.push(args);
    const inner: LoggerService = { log: record, error: record, warn: record };
    const logger = new RedactingLogger(inner);
    logger.error(
      { requestId: 'r1', url: `/sign/${TOKEN}` },
      `Unhandled error on GET /sign/${TOKEN}`,
      'Pages',
    );
    logger.warn(`GET /api/v1/signing/${TOKEN}: answered 503`);
    const error = new Error('boom');
    logger.log(error);
    expect(lines).toEqual([
      [
        { requestId: 'r1', url: '/sign/[redacted]' },
        'Unhandled error on GET /sign/[redacted]',
        'Pages',
      ],
      ['GET /api/v1/signing/[redacted]: answered 503'],
      [error],
    ]);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });
});

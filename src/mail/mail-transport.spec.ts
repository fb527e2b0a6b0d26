import { emlFileName, headerText, isPermanentSmtpFailure } from './mail-transport';

describe('mail transport rules', () => {
  it('turns CR/LF in header text into spaces', () => {
    expect(headerText('Jan\r\nBcc: x@evil.example')).toBe('Jan Bcc: x@evil.example');
  });

  it('fails for good only on a 5xx reply', () => {
    expect(isPermanentSmtpFailure({ responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 451 })).toBe(false);
    expect(isPermanentSmtpFailure(Object.assign(new Error('x'), { code: 'ESOCKET' }))).toBe(false);
  });

  it('names a file after the Message-ID', () => {
    expect(emlFileName('<0190-ab@example.nl>')).toBe('0190-ab@example.nl.eml');
  });
});

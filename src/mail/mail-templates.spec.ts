import {
  renderAgreementSealed,
  renderSigningReminder,
  renderSigningRequest,
} from './mail-templates';

const data = {
  student: 'Sam <b>de Vries</b>',
  employer: 'Bakkerij & Zn',
  party: 'company',
  expiresAt: '2026-12-10T12:00:00.000Z',
};
const url = 'https://dualroute.example/sign/abc';

describe('renderSigningRequest', () => {
  it('says in Dutch what to do, and links to the sign page in both parts', () => {
    const mail = renderSigningRequest('nl', 'Jan', data, url);
    expect(mail.subject).toBe(
      'Ondertekenen: praktijkovereenkomst Sam <b>de Vries</b> — Bakkerij & Zn',
    );
    expect(mail.text).toContain('Beste Jan,');
    expect(mail.text).toContain(url);
    expect(mail.text).toContain('10 december 2026');
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.html).toContain('<html lang="nl">');
  });

  it('escapes names in the HTML part and keeps them plain in the text part', () => {
    const mail = renderSigningRequest('en', 'Jo', data, url);
    expect(mail.subject).toMatch(/^To sign: /);
    expect(mail.html).toContain('Sam &lt;b&gt;de Vries&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>');
    expect(mail.text).toContain('Sam <b>de Vries</b> at Bakkerij & Zn');
  });

  it('carries no images or remote assets', () => {
    const mail = renderSigningRequest('nl', 'Jan', data, url);
    expect(mail.html).not.toMatch(/<img|<link|src=|url\(/i);
  });
});

describe('renderAgreementSealed', () => {
  const sealed = { student: 'Sam', employer: 'Bakkerij', version: 2, sha256: 'ab'.repeat(32) };

  it('sends an account holder to the sealed PDF in the API, with the PDF fingerprint', () => {
    const url = 'https://dualroute.example/api/v1/documents/d1/content';
    const mail = renderAgreementSealed('en', 'Jo', sealed, { to: 'account', url });
    expect(mail.subject).toBe('Signed: work-based learning agreement Sam — Bakkerij');
    expect(mail.text).toContain('version 2');
    expect(mail.text).toContain('Log in with your account');
    expect(mail.text).toContain('ab'.repeat(32));
    expect(mail.html).toContain(`href="${url}"`);
  });

  it('sends an account-less signer to their own receipt, saying until when it is valid', () => {
    const url = 'https://dualroute.example/sign/receipt/r';
    const expiresAt = new Date('2026-12-10T09:00:00Z');
    const mail = renderAgreementSealed('nl', 'Jan', sealed, { to: 'receipt', url, expiresAt });
    expect(mail.subject).toBe('Ondertekend: praktijkovereenkomst Sam — Bakkerij');
    expect(mail.text).toContain('persoonlijke bevestigingspagina');
    expect(mail.text).toContain('geldig tot 10 december 2026 om 10:00');
    expect(mail.html).toContain(`href="${url}"`);
  });

  it('sends a message without its signer’s party to the verify page', () => {
    const url = 'https://dualroute.example/verify';
    const mail = renderAgreementSealed('en', 'Jo', sealed, { to: 'verify', url });
    expect(mail.text).toContain('Ask your contact at the university');
    expect(mail.html).toContain(`href="${url}"`);
  });
});

describe('renderSigningReminder', () => {
  it('says in its subject what to do, with the same link', () => {
    const nl = renderSigningReminder('nl', 'Jan', data, url);
    expect(nl.subject).toBe(
      'Herinnering: onderteken de praktijkovereenkomst Sam <b>de Vries</b> — Bakkerij & Zn',
    );
    expect(nl.text).toContain(url);
    expect(nl.html).toContain(`href="${url}"`);
    expect(renderSigningReminder('en', 'Jo', data, url).subject).toMatch(/^Reminder: sign /);
  });
});

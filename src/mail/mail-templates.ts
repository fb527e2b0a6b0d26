import Handlebars from 'handlebars';

export const MESSAGE_KINDS = [
  'signing.requested',
  'signing.reminder',
  'agreement.sealed',
  'monitoring.overdue',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MAIL_LANGUAGES = ['nl', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** What a signing request says; the link is added only at send time. */
export interface SigningRequestData {
  student: string;
  employer: string;
  party: string;
  expiresAt: string;
  /** On a reminder: the signing request it follows (its message row's id). */
  requestId?: string;
}

/** What a sealed agreement's message says; its link is made at send time (SealedLink). */
export interface AgreementSealedData {
  student: string;
  employer: string;
  version: number;
  /** SHA-256 of the sealed PDF: what the verify page checks a copy against. */
  sha256: string;
  /** The party the recipient signed for and how (messages written before these lack them). */
  party?: string;
  signedWith?: 'account' | 'signing_link';
  /** The sealed PDF (documents module). */
  documentId?: string;
}

/**
 * Where a sealed agreement's message sends its reader: an account holder to the sealed PDF in
 * the API (after logging in); an account-less signer to their own receipt page, which is valid
 * for that signer only and until `expiresAt`; a message without either, to the verify page.
 */
export type SealedLink =
  | { to: 'account'; url: string }
  | { to: 'receipt'; url: string; expiresAt: Date }
  | { to: 'verify'; url: string };

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const TEXTS = {
  nl: {
    subject: 'Ondertekenen: praktijkovereenkomst {{student}} — {{employer}}',
    greeting: 'Beste {{name}},',
    body: 'U wordt gevraagd de praktijkovereenkomst van {{student}} bij {{employer}} te ondertekenen.',
    action: 'Lees en onderteken de overeenkomst',
    expires: 'Deze link is persoonlijk en geldig tot {{expiresAt}}. Stuur hem niet door.',
    ignore: 'Verwachtte u dit bericht niet? Dan kunt u het negeren.',
  },
  en: {
    subject: 'To sign: work-based learning agreement {{student}} — {{employer}}',
    greeting: 'Dear {{name}},',
    body: 'You are asked to sign the work-based learning agreement of {{student}} at {{employer}}.',
    action: 'Read and sign the agreement',
    expires: 'This link is personal and valid until {{expiresAt}}. Do not forward it.',
    ignore: 'Not expecting this message? You can ignore it.',
  },
} as const;

const REMINDER_TEXTS = {
  nl: {
    subject: 'Herinnering: onderteken de praktijkovereenkomst {{student}} — {{employer}}',
    greeting: 'Beste {{name}},',
    body: 'De praktijkovereenkomst van {{student}} bij {{employer}} wacht nog op uw handtekening.',
    action: 'Lees en onderteken de overeenkomst',
    expires: TEXTS.nl.expires,
    ignore: 'Al ondertekend? Dan kunt u dit bericht negeren.',
  },
  en: {
    subject: 'Reminder: sign the work-based learning agreement {{student}} — {{employer}}',
    greeting: 'Dear {{name}},',
    body: 'The work-based learning agreement of {{student}} at {{employer}} still awaits your signature.',
    action: 'Read and sign the agreement',
    expires: TEXTS.en.expires,
    ignore: 'Signed already? You can ignore this message.',
  },
} as const;

const SEALED_BODY = {
  nl: 'Alle partijen hebben versie {{version}} van de praktijkovereenkomst van {{student}} bij {{employer}} ondertekend. De verzegelde PDF staat klaar.',
  en: 'Every party has signed version {{version}} of the work-based learning agreement of {{student}} at {{employer}}. The sealed PDF is ready.',
};
const FINGERPRINT = {
  nl: 'Vingerafdruk (SHA-256) van de verzegelde PDF: {{sha256}}',
  en: 'Fingerprint (SHA-256) of the sealed PDF: {{sha256}}',
};
const SEALED_TEXTS: Record<SealedLink['to'], Record<MailLanguage, Texts>> = {
  account: {
    nl: {
      subject: 'Ondertekend: praktijkovereenkomst {{student}} — {{employer}}',
      greeting: 'Beste {{name}},',
      body: `${SEALED_BODY.nl} Log in met uw account om hem te downloaden.`,
      action: 'Download de verzegelde overeenkomst',
      expires: FINGERPRINT.nl,
      ignore: 'Verwachtte u dit bericht niet? Dan kunt u het negeren.',
    },
    en: {
      subject: 'Signed: work-based learning agreement {{student}} — {{employer}}',
      greeting: 'Dear {{name}},',
      body: `${SEALED_BODY.en} Log in with your account to download it.`,
      action: 'Download the sealed agreement',
      expires: FINGERPRINT.en,
      ignore: 'Not expecting this message? You can ignore it.',
    },
  },
  receipt: {
    nl: {
      subject: 'Ondertekend: praktijkovereenkomst {{student}} — {{employer}}',
      greeting: 'Beste {{name}},',
      body: `${SEALED_BODY.nl} U downloadt hem op uw persoonlijke bevestigingspagina.`,
      action: 'Open uw bevestiging en download de overeenkomst',
      expires: `Deze link is persoonlijk en geldig tot {{expiresAt}}. Stuur hem niet door. ${FINGERPRINT.nl}`,
      ignore: 'Verwachtte u dit bericht niet? Dan kunt u het negeren.',
    },
    en: {
      subject: 'Signed: work-based learning agreement {{student}} — {{employer}}',
      greeting: 'Dear {{name}},',
      body: `${SEALED_BODY.en} You download it from your personal confirmation page.`,
      action: 'Open your confirmation and download the agreement',
      expires: `This link is personal and valid until {{expiresAt}}. Do not forward it. ${FINGERPRINT.en}`,
      ignore: 'Not expecting this message? You can ignore it.',
    },
  },
  verify: {
    nl: {
      subject: 'Ondertekend: praktijkovereenkomst {{student}} — {{employer}}',
      greeting: 'Beste {{name}},',
      body: `${SEALED_BODY.nl} Vraag uw contactpersoon bij de onderwijsinstelling om een exemplaar als u geen account heeft.`,
      action: 'Controleer een exemplaar van de overeenkomst',
      expires: FINGERPRINT.nl,
      ignore: 'Verwachtte u dit bericht niet? Dan kunt u het negeren.',
    },
    en: {
      subject: 'Signed: work-based learning agreement {{student}} — {{employer}}',
      greeting: 'Dear {{name}},',
      body: `${SEALED_BODY.en} Ask your contact at the university for a copy if you have no account.`,
      action: 'Check a copy of the agreement',
      expires: FINGERPRINT.en,
      ignore: 'Not expecting this message? You can ignore it.',
    },
  },
};

const TEXT_PART = `{{greeting}}

{{body}}

{{action}}:
{{{url}}}

{{expires}}

{{ignore}}
`;

/**
 * Every message's HTML part: plain semantic HTML around the given paragraphs, no images, no
 * remote assets, no tracking. Texts are filled in as plain text first (fillText); this template
 * escapes them once.
 */
export function htmlDocument(paragraphs: string): string {
  return `<!DOCTYPE html>
<html lang="{{language}}">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">
${paragraphs}
</body>
</html>
`;
}

/** The message's one link; its text says where it goes. */
export const LINK_PARAGRAPH =
  '<p><a href="{{url}}" style="color: #0b4f9c; font-weight: bold;">{{action}}</a></p>';

const HTML_PART = htmlDocument(`<p>{{greeting}}</p>
<p>{{body}}</p>
${LINK_PARAGRAPH}
<p>{{expires}}</p>
<p>{{ignore}}</p>`);

const compile = (source: string) => Handlebars.compile(source, { strict: true });
const textTemplate = Handlebars.compile(TEXT_PART, { strict: true, noEscape: true });
const htmlTemplate = compile(HTML_PART);

/** A text filled in as plain text (the HTML template escapes it later, once). */
export function fillText(source: string, values: Record<string, unknown>): string {
  return Handlebars.compile(source, { noEscape: true })(values);
}

/**
 * As people read it, in the message's language: an instant with its time in Amsterdam
 * ("10 december 2026 om 10:00"), or a calendar day (YYYY-MM-DD: "2 november 2026").
 */
export function readableDate(value: string, language: MailLanguage): string {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  }
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(value));
}

/** A signing request in `language`: subject, text part and HTML part, each naming the link. */
export function renderSigningRequest(
  language: MailLanguage,
  recipient: string,
  data: SigningRequestData,
  url: string,
): RenderedMail {
  const values = { ...data, name: recipient, expiresAt: readableDate(data.expiresAt, language) };
  return render(TEXTS[language], language, values, url);
}

/** A reminder of a signing request, with the same personal link. */
export function renderSigningReminder(
  language: MailLanguage,
  recipient: string,
  data: SigningRequestData,
  url: string,
): RenderedMail {
  const values = { ...data, name: recipient, expiresAt: readableDate(data.expiresAt, language) };
  return render(REMINDER_TEXTS[language], language, values, url);
}

/** A sealed agreement in `language`, with the recipient's link (never the PDF attached). */
export function renderAgreementSealed(
  language: MailLanguage,
  recipient: string,
  data: AgreementSealedData,
  link: SealedLink,
): RenderedMail {
  const expiresAt =
    link.to === 'receipt' ? readableDate(link.expiresAt.toISOString(), language) : '';
  return render(
    SEALED_TEXTS[link.to][language],
    language,
    { ...data, name: recipient, expiresAt },
    link.url,
  );
}

type Texts = Record<'subject' | 'greeting' | 'body' | 'action' | 'expires' | 'ignore', string>;

function render(
  t: Texts,
  language: MailLanguage,
  values: Record<string, unknown>,
  url: string,
): RenderedMail {
  const fill = (source: string) => fillText(source, values);
  const parts = {
    language,
    url,
    subject: fill(t.subject),
    greeting: fill(t.greeting),
    body: fill(t.body),
    action: fill(t.action),
    expires: fill(t.expires),
    ignore: fill(t.ignore),
  };
  return { subject: parts.subject, text: textTemplate(parts), html: htmlTemplate(parts) };
}

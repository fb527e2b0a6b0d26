import Handlebars from 'handlebars';
import type { MailLanguage, RenderedMail } from './mail-templates';

/** One overdue meeting or visit, as the weekly digest lists it. */
export interface OverdueDigestItem {
  student: string;
  /** The agreement's id. */
  agreement: string;
  /** Where the student works (host, else employer); digests written before it lack it. */
  workplace?: string | null;
  kind: 'progress_meeting' | 'workplace_visit';
  /** YYYY-MM-DD */
  dueDate: string;
  daysOverdue: number;
}

export interface OverdueDigestData {
  items: OverdueDigestItem[];
}

/**
 * The ISO week a moment falls in (e.g. "2026-W49"), in UTC: one digest per coordinator per
 * week, so the week, not the poll, decides who is due.
 */
export function isoWeek(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  // The week belongs to the year of its Thursday.
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const DIGEST_TEXTS = {
  nl: {
    subject: (n: number) =>
      `Achterstallige voortgangsgesprekken: ${n} ${n === 1 ? 'afspraak' : 'afspraken'}`,
    greeting: 'Beste {{name}},',
    body: 'Deze voortgangsgesprekken en werkplekbezoeken zijn over hun datum:',
    kinds: { progress_meeting: 'voortgangsgesprek', workplace_visit: 'werkplekbezoek' },
    line: '{{student}} — {{workplace}}: {{kind}}, gepland op {{dueDate}}, {{daysOverdue}} {{days}} te laat',
    days: (n: number) => (n === 1 ? 'dag' : 'dagen'),
    agreement: 'overeenkomst {{agreement}}',
    action: 'Bekijk wat er openstaat',
    optOut: 'U ontvangt dit overzicht wekelijks. U kunt het uitzetten in uw e-mailvoorkeuren.',
  },
  en: {
    subject: (n: number) => `Overdue progress meetings: ${n} ${n === 1 ? 'item' : 'items'}`,
    greeting: 'Dear {{name}},',
    body: 'These progress meetings and workplace visits are past their date:',
    kinds: { progress_meeting: 'progress meeting', workplace_visit: 'workplace visit' },
    line: '{{student}} — {{workplace}}: {{kind}}, due on {{dueDate}}, {{daysOverdue}} {{days}} overdue',
    days: (n: number) => (n === 1 ? 'day' : 'days'),
    agreement: 'agreement {{agreement}}',
    action: 'See what is open',
    optOut: 'You receive this overview weekly. You can switch it off in your e-mail preferences.',
  },
} as const;

const TEXT_PART = `{{greeting}}

{{body}}

{{#each lines}}
- {{this}}
{{/each}}

{{action}}:
{{{url}}}

{{optOut}}
`;

// Plain semantic HTML like the other messages: no images, no remote assets, no tracking.
const HTML_PART = `<!DOCTYPE html>
<html lang="{{language}}">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">
<p>{{greeting}}</p>
<p>{{body}}</p>
<ul>
{{#each lines}}
<li>{{this}}</li>
{{/each}}
</ul>
<p><a href="{{url}}" style="color: #0b4f9c; font-weight: bold;">{{action}}</a></p>
<p>{{optOut}}</p>
</body>
</html>
`;

/** A calendar date (YYYY-MM-DD) as people read it: "2 november 2026", "2 November 2026". */
function readableDay(day: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

const textTemplate = Handlebars.compile(TEXT_PART, { strict: true, noEscape: true });
const htmlTemplate = Handlebars.compile(HTML_PART, { strict: true });

/** A coordinator's weekly digest of overdue items in `language`, linking to the due list. */
export function renderOverdueDigest(
  language: MailLanguage,
  recipient: string,
  data: OverdueDigestData,
  url: string,
): RenderedMail {
  const t = DIGEST_TEXTS[language];
  // Texts are filled in as plain text first; the HTML template escapes them once.
  const fill = (source: string, values: Record<string, unknown>) =>
    Handlebars.compile(source, { noEscape: true })(values);
  const lines = data.items.map((item) =>
    fill(t.line, {
      ...item,
      kind: t.kinds[item.kind],
      workplace: item.workplace ?? fill(t.agreement, { agreement: item.agreement }),
      dueDate: readableDay(item.dueDate, language),
      days: t.days(item.daysOverdue),
    }),
  );
  const parts = {
    language,
    url,
    subject: t.subject(data.items.length),
    greeting: fill(t.greeting, { name: recipient }),
    body: t.body,
    lines,
    action: t.action,
    optOut: t.optOut,
  };
  return { subject: parts.subject, text: textTemplate(parts), html: htmlTemplate(parts) };
}

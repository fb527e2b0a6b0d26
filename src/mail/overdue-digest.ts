import Handlebars from 'handlebars';
import {
  fillText,
  htmlDocument,
  LINK_PARAGRAPH,
  type MailLanguage,
  readableDate,
  type RenderedMail,
} from './mail-templates';

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

const HTML_PART = htmlDocument(`<p>{{greeting}}</p>
<p>{{body}}</p>
<ul>
{{#each lines}}
<li>{{this}}</li>
{{/each}}
</ul>
${LINK_PARAGRAPH}
<p>{{optOut}}</p>`);

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
  const lines = data.items.map((item) =>
    fillText(t.line, {
      ...item,
      kind: t.kinds[item.kind],
      workplace: item.workplace ?? fillText(t.agreement, { agreement: item.agreement }),
      dueDate: readableDate(item.dueDate, language),
      days: t.days(item.daysOverdue),
    }),
  );
  const parts = {
    language,
    url,
    subject: t.subject(data.items.length),
    greeting: fillText(t.greeting, { name: recipient }),
    body: t.body,
    lines,
    action: t.action,
    optOut: t.optOut,
  };
  return { subject: parts.subject, text: textTemplate(parts), html: htmlTemplate(parts) };
}

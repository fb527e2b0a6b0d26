import { isoWeek, renderOverdueDigest } from './overdue-digest';

const url = 'https://dualroute.example/monitoring';
const items = [
  {
    student: 'Sam <b>de Vries</b>',
    agreement: '01a2',
    workplace: 'Bakkerij & Zn',
    kind: 'progress_meeting' as const,
    dueDate: '2026-11-01',
    daysOverdue: 32,
  },
  {
    student: 'Ali',
    agreement: '01a3',
    workplace: 'Garage',
    kind: 'workplace_visit' as const,
    dueDate: '2026-11-20',
    daysOverdue: 13,
  },
];

describe('isoWeek', () => {
  it('names the ISO week, with the year of its Thursday', () => {
    expect(isoWeek(new Date('2026-12-03T15:00:00Z'))).toBe('2026-W49');
    expect(isoWeek(new Date('2026-12-07T00:00:00Z'))).toBe('2026-W50');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
  });

  it('keeps one week from Monday to Sunday', () => {
    expect(isoWeek(new Date('2026-11-30T00:00:00Z'))).toBe(
      isoWeek(new Date('2026-12-06T23:59:59Z')),
    );
  });
});

describe('renderOverdueDigest', () => {
  it('counts the items in its Dutch subject and lists each one', () => {
    const mail = renderOverdueDigest('nl', 'Jan', { items }, url);
    expect(mail.subject).toBe('Achterstallige voortgangsgesprekken: 2 afspraken');
    expect(mail.text).toContain('Beste Jan,');
    expect(mail.text).toContain(
      '- Sam <b>de Vries</b> — Bakkerij & Zn: voortgangsgesprek, gepland op 1 november 2026, 32 dagen te laat',
    );
    expect(mail.text).toContain('werkplekbezoek, gepland op 20 november 2026, 13 dagen te laat');
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.html).toContain('<html lang="nl">');
  });

  it('speaks English when asked, one day in the singular', () => {
    const one = [{ ...items[1], daysOverdue: 1 }];
    const mail = renderOverdueDigest('en', 'Jo', { items: one }, url);
    expect(mail.text).toContain('Dear Jo,');
    expect(mail.text).toContain(
      '- Ali — Garage: workplace visit, due on 20 November 2026, 1 day overdue',
    );
    expect(mail.html).toContain('<html lang="en">');
  });

  it('names the agreement by its id when a digest written earlier has no workplace', () => {
    const { workplace: _, ...old } = items[0];
    const mail = renderOverdueDigest('nl', 'Jan', { items: [old] }, url);
    expect(mail.text).toContain('Sam <b>de Vries</b> — overeenkomst 01a2: voortgangsgesprek');
  });

  it('escapes names in the HTML part and carries no remote assets', () => {
    const mail = renderOverdueDigest('en', 'Jo', { items: items.slice(0, 1) }, url);
    expect(mail.subject).toBe('Overdue progress meetings: 1 item');
    expect(mail.html).toContain('Sam &lt;b&gt;de Vries&lt;/b&gt; — Bakkerij &amp; Zn');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).not.toMatch(/<img|<link|src=|url\(/i);
  });
});

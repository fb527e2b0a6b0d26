/**
 * The agreement body, article by article: the minimum contents of WHW art. 7.7(5) (period of
 * work with dates, supervision, competences and how they are assessed, early termination)
 * plus employment, study support and, when agreed, the repayment clause (BW 7:611a).
 */
import type { AgreementDocument, DocumentParty, PartyRole } from './agreement-document';
import { clean, formatDate, formatInstant, formatList, formatMoney, formatNumber } from './format';
import type { Layout } from './layout';
import type { Texts } from './texts';

const ROLE_ORDER: PartyRole[] = ['student', 'university', 'employer', 'host'];

export function orderedParties(parties: DocumentParty[]): DocumentParty[] {
  return [...parties].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}

export function writeAgreementBody(layout: Layout, doc: AgreementDocument, t: Texts): void {
  const lang = doc.language === 'en' ? 'en' : 'nl';
  const terms = doc.terms;
  const n = (value: number) => formatNumber(value, lang);
  let article = 0;
  const heading = (title: string) =>
    layout.heading(`${lang === 'nl' ? 'Artikel' : 'Article'} ${++article} – ${title}`);

  layout.text(t.title, { size: 17, bold: true, gapAfter: 2 });
  layout.text(t.subtitle(clean(doc.agreementId), doc.version), { size: 9.5, gapAfter: 8 });
  layout.text(t.preamble, { gapAfter: 6 });

  heading(t.articles.parties);
  for (const party of orderedParties(doc.parties)) {
    layout.text(`${t.roles[party.role] ?? party.role}: ${clean(party.name)}`, {
      bold: true,
      gapAfter: 0,
    });
    layout.text(clean(party.identifier), { indent: 14, gapAfter: 0 });
    for (const line of party.details ?? []) layout.text(clean(line), { indent: 14, gapAfter: 0 });
    layout.space(5);
  }

  heading(t.articles.programme);
  layout.field(t.labels.programme, clean(doc.programme.name));
  layout.field(t.labels.croho, clean(doc.programme.crohoCode));
  layout.field(t.labels.degree, t.degree[doc.programme.degree] ?? clean(doc.programme.degree));
  layout.field(t.labels.cohort, `${doc.cohort}-${doc.cohort + 1}`);

  heading(t.articles.period);
  const start = formatDate(terms.startDate, lang);
  const end = formatDate(terms.endDate, lang);
  layout.text(t.periodText(start, end));
  layout.field(t.labels.period, `${start} – ${end}`);

  heading(t.articles.employment);
  const e = terms.employment;
  layout.field(t.labels.functionTitle, clean(e.functionTitle));
  layout.field(t.labels.contractType, t.contractTypes[e.contractType] ?? clean(e.contractType));
  layout.field(t.labels.contractMonths, t.months(n(e.contractMonths)));
  layout.field(t.labels.hoursPerWeek, t.hours(n(e.hoursPerWeek)));
  layout.field(t.labels.salary, formatMoney(e.grossMonthlySalaryCents, lang));
  const rises = doc.minimumWageRises ?? [];
  if (rises.length > 0) {
    layout.text(t.minimumWageIntro, { size: 9, gapAfter: 1 });
    for (const r of rises) {
      const age = r.age === null ? null : n(r.age);
      layout.bullet(
        t.minimumWageRise(formatDate(r.from, lang), formatMoney(r.minimumMonthlyCents, lang), age),
      );
    }
  }

  heading(t.articles.workplace);
  const s = doc.supervisor;
  layout.field(t.labels.location, clean(terms.workplace.location));
  layout.field(t.labels.supervisor, clean(s.name));
  layout.field(t.labels.email, clean(s.email));
  layout.field(t.labels.coachingHours, t.hours(n(s.hoursPerWeek)));
  layout.field(t.labels.trained, s.trained ? t.yes : t.no);

  heading(t.articles.studySupport);
  const ss = terms.studySupport;
  layout.field(t.labels.paidStudyHours, t.hours(n(ss.paidStudyHoursPerWeek)));
  layout.field(t.labels.tuition, `${n(ss.tuitionReimbursedPercent)}%`);
  layout.field(
    t.labels.costsCovered,
    ss.costsCovered.length
      ? formatList(
          ss.costsCovered.map((c) => t.costs[c] ?? clean(c)),
          lang,
        )
      : t.none,
  );
  layout.field(
    t.labels.schoolDays,
    ss.schoolDays.length
      ? formatList(
          ss.schoolDays.map((d) => t.weekdays[d] ?? clean(d)),
          lang,
        )
      : t.none,
  );

  if (terms.repayment) {
    heading(t.articles.repayment);
    const r = terms.repayment;
    layout.text(t.repaymentIntro, { gapAfter: 4 });
    layout.field(t.labels.repaymentPercent, `${n(r.percent)}%`);
    layout.field(t.labels.repaymentMonths, t.months(n(r.monthsAfterGraduation)));
    layout.field(t.labels.linearDecline, r.linearDecline ? t.yes : t.no);
  }

  heading(t.articles.monitoring);
  layout.field(
    t.labels.progressMeetings,
    t.everyWeeks(n(terms.monitoring.progressMeetingEveryWeeks)),
  );
  layout.field(t.labels.visits, t.perYear(n(terms.monitoring.workplaceVisitsPerYear)));
  layout.text(t.monitoringText);

  heading(t.articles.competences);
  layout.text(t.competencesIntro, { gapAfter: 2 });
  for (const c of terms.competences) {
    layout.bullet(`${clean(c.name)} — ${t.labels.assessment}: ${clean(c.assessment)}`);
  }

  heading(t.articles.termination);
  layout.field(t.labels.notice, t.weeks(n(terms.termination.noticeWeeks)));
  layout.text(`${t.labels.grounds}:`, { bold: true, gapAfter: 1 });
  for (const ground of terms.termination.earlyTerminationGrounds) layout.bullet(clean(ground));
  for (const line of t.terminationText) layout.bullet(line);

  heading(t.articles.final);
  layout.text(t.finalText);
}

export function writeSignaturePage(layout: Layout, doc: AgreementDocument, t: Texts): void {
  const lang = doc.language === 'en' ? 'en' : 'nl';
  layout.newPage();
  layout.text(t.signatures.title, { size: 15, bold: true, gapAfter: 6 });
  const byRole = new Map(doc.parties.map((p) => [p.role, p]));
  if (doc.signatures.length === 0) {
    layout.text(t.signatures.none);
  } else {
    layout.text(t.signatures.intro, { gapAfter: 6 });
  }
  for (const sig of doc.signatures) {
    const party = byRole.get(sig.party);
    layout.ensure(120);
    layout.rule();
    layout.field(
      t.signatures.party,
      `${t.roles[sig.party] ?? sig.party}${party ? ` – ${clean(party.name)}` : ''}`,
    );
    layout.field(t.signatures.name, clean(sig.signerName));
    layout.field(t.signatures.email, clean(sig.signerEmail));
    layout.field(t.signatures.time, formatInstant(sig.signedAt, lang));
    layout.field(t.signatures.ip, clean(sig.ipAddress) || '—');
    layout.field(t.signatures.userAgent, clean(sig.userAgent) || '—');
    layout.field(t.signatures.method, t.signatures.methods[sig.method] ?? clean(sig.method));
    layout.field(t.signatures.contentHash, clean(sig.contentHash));
  }
  const signed = new Set(doc.signatures.map((s) => s.party));
  const awaited = orderedParties(doc.parties).filter((p) => !signed.has(p.role));
  if (awaited.length > 0) {
    layout.rule();
    layout.text(`${t.signatures.awaited}:`, { bold: true, gapAfter: 1 });
    for (const p of awaited) layout.bullet(`${t.roles[p.role] ?? p.role} – ${clean(p.name)}`);
  }
}

export function writeAuditPage(layout: Layout, doc: AgreementDocument, t: Texts): void {
  const lang = doc.language === 'en' ? 'en' : 'nl';
  layout.newPage();
  layout.text(t.audit.title, { size: 15, bold: true, gapAfter: 6 });
  if (doc.events.length === 0) {
    layout.text(t.audit.none);
    return;
  }
  layout.text(t.audit.intro, { gapAfter: 6 });
  for (const ev of doc.events) {
    const transition =
      ev.from || ev.to
        ? ` · ${t.audit.transition}: ${clean(ev.from) || '—'} → ${clean(ev.to) || '—'}`
        : '';
    const reason = ev.reason ? ` · ${t.audit.reason}: ${clean(ev.reason)}` : '';
    layout.field(
      formatInstant(ev.at, lang),
      `${clean(ev.action)} · ${t.audit.actor} ${clean(ev.actor)}${transition}${reason}`,
      130,
      8.5,
    );
  }
}

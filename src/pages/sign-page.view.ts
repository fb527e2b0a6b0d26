import {
  formatDate,
  formatEuros,
  formatInstant,
  formatNumber,
  joinList,
} from '@app/agreement-pdf/format';
import { textsFor } from '@app/agreement-pdf/texts';
import type { AgreementTerms } from '../agreements/agreement-terms.types';
import type { PartiesSnapshot } from '../agreements/content-hash';
import type { Party } from '../agreements/dto/agreement.dto';
import { PAGE_TEXTS, PageLanguage } from './page-texts';

/** What the sign page shows of a link's version (SigningLinksService.read). */
export interface SignableVersion {
  agreementId: string;
  version: number;
  contentHash: string;
  party: Party;
  name: string;
  expiresAt: Date;
  terms: AgreementTerms;
  parties: PartiesSnapshot;
}

export interface LabelledValue {
  label: string;
  value: string;
}

export interface SignPageModel {
  signer: string;
  agreement: string;
  validUntil: string;
  parties: LabelledValue[];
  terms: LabelledValue[];
  repayment: string[];
  version: number;
  contentHash: string;
}

/** The organisation (or person) a party is in this version. */
export function partyName(parties: PartiesSnapshot, party: Party): string {
  switch (party) {
    case 'student':
      return parties.student.name;
    case 'university':
      return parties.university.name;
    case 'employer':
      return parties.employer.name;
    case 'host':
      return parties.host?.name ?? '';
  }
}

/** "Zoë Çelik, Werktuigbouwkunde (Associate degree)": whose agreement this is. */
export function agreementName(parties: PartiesSnapshot, lang: PageLanguage): string {
  const degree =
    textsFor(lang).degree[parties.programme.degree === 'associate' ? 'associate' : 'bachelor'];
  return PAGE_TEXTS[lang].sign.agreementOf(
    parties.student.name,
    `${parties.programme.name} (${degree})`,
  );
}

export function signPageModel(v: SignableVersion, lang: PageLanguage): SignPageModel {
  const t = PAGE_TEXTS[lang];
  return {
    signer: t.sign.youSign(v.name, t.partyNoun[v.party], partyName(v.parties, v.party)),
    agreement: agreementName(v.parties, lang),
    validUntil: t.sign.linkValidUntil(formatInstant(v.expiresAt.toISOString(), lang)),
    parties: partyList(v.parties, lang),
    terms: keyTerms(v.terms, v.parties, lang),
    repayment: repaymentInPlainWords(v.terms.repayment, lang),
    version: v.version,
    contentHash: v.contentHash,
  };
}

export function partyList(p: PartiesSnapshot, lang: PageLanguage): LabelledValue[] {
  const t = PAGE_TEXTS[lang];
  const list: LabelledValue[] = [
    { label: t.partyLabel.student, value: `${p.student.name} (${p.student.studentNumber})` },
    {
      label: t.partyLabel.university,
      value: `${p.university.name} (BRIN ${p.university.brinCode})`,
    },
    { label: t.partyLabel.employer, value: `${p.employer.name} (KvK ${p.employer.kvkNumber})` },
  ];
  if (p.host)
    list.push({ label: t.partyLabel.host, value: `${p.host.name} (KvK ${p.host.kvkNumber})` });
  return list;
}

/** Period, work, salary, study support, supervision, progress and notice, in a line each. */
export function keyTerms(
  terms: AgreementTerms,
  parties: PartiesSnapshot,
  lang: PageLanguage,
): LabelledValue[] {
  const t = PAGE_TEXTS[lang].terms;
  const pdf = textsFor(lang);
  const n = (x: number) => formatNumber(x, lang);
  const { employment: e, studySupport: s, monitoring: m } = terms;
  const study = [
    t.studyHours(n(s.paidStudyHoursPerWeek)),
    t.tuition(n(s.tuitionReimbursedPercent)),
  ];
  if (s.costsCovered.length)
    study.push(
      t.costs(
        joinList(
          s.costsCovered.map((c) => pdf.costs[c]),
          lang,
        ),
      ),
    );
  if (s.schoolDays.length)
    study.push(
      t.schoolDays(
        joinList(
          s.schoolDays.map((d) => pdf.weekdays[d]),
          lang,
        ),
      ),
    );
  return [
    {
      label: t.period,
      value: t.periodValue(formatDate(terms.startDate, lang), formatDate(terms.endDate, lang)),
    },
    {
      label: t.work,
      value: t.workValue(
        e.functionTitle,
        n(e.hoursPerWeek),
        pdf.contractTypes[e.contractType],
        n(e.contractMonths),
      ),
    },
    { label: t.location, value: terms.workplace.location },
    { label: t.salary, value: t.salaryValue(formatEuros(e.grossMonthlySalaryCents, lang)) },
    { label: t.studySupport, value: study.join('; ') },
    {
      label: t.supervisor,
      value: t.supervisorValue(
        parties.supervisor.name,
        n(parties.supervisor.hoursPerWeek),
        parties.supervisor.trained,
      ),
    },
    {
      label: t.monitoring,
      value: t.monitoringValue(n(m.progressMeetingEveryWeeks), n(m.workplaceVisitsPerYear)),
    },
    { label: t.notice, value: t.noticeValue(n(terms.termination.noticeWeeks)) },
  ];
}

/** The repayment clause as a person reads it: whether, how much, for how long, and what never counts. */
export function repaymentInPlainWords(
  repayment: AgreementTerms['repayment'],
  lang: PageLanguage,
): string[] {
  const t = PAGE_TEXTS[lang].terms;
  if (!repayment) return [t.noRepayment];
  const lines = [
    t.repaymentValue(
      formatNumber(repayment.percent, lang),
      formatNumber(repayment.monthsAfterGraduation, lang),
      repayment.linearDecline,
    ),
  ];
  if (repayment.trainingMandatedBy !== 'none')
    lines.push(t.mandatedTraining[repayment.trainingMandatedBy]);
  return lines;
}

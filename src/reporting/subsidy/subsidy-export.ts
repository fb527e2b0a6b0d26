import { CsvCell, toCsv } from '@app/common';
import type { ReportSpec } from '@app/report-pdf';
import type { ReportLanguage } from '../report-file';
import type { SubsidyPlacementDto, SubsidyReportDto } from './subsidy-report.dto';
import type { IneligibilityReason } from './subsidy-rules';

/**
 * The subsidy report as CSV and as the PDF an employer attaches to its application
 * (Subsidieregeling praktijkleren). Both are views of the JSON report; nothing is recomputed.
 */

/** The CSV columns: the JSON field names, weeksAbsent split into one column per reason. */
export const SUBSIDY_CSV_COLUMNS = [
  'employmentId',
  'studentId',
  'studentName',
  'agreementId',
  'contentHash',
  'crohoCode',
  'crohoSector',
  'studyMode',
  'weeksCovered',
  'weeksGuided',
  'weeksAbsentIllness',
  'weeksAbsentHoliday',
  'weeksAbsentOther',
  'fraction',
  'maxAmountCents',
  'eligible',
  'reasons',
] as const;

/**
 * One line per placement and no totals line: every line then means the same thing, so a
 * spreadsheet's sums and filters work on the whole file (the totals are in the JSON and PDF).
 * Reasons are joined with `;`.
 */
export function subsidyCsv(report: SubsidyReportDto): Buffer {
  const rows = report.placements.map((p): CsvCell[] => [
    p.employmentId,
    p.studentId,
    p.studentName,
    p.agreementId,
    p.contentHash,
    p.crohoCode,
    p.crohoSector,
    p.studyMode,
    p.weeksCovered,
    p.weeksGuided,
    p.weeksAbsent.illness,
    p.weeksAbsent.holiday,
    p.weeksAbsent.other,
    p.fraction,
    p.maxAmountCents,
    p.eligible,
    p.reasons.join(';'),
  ]);
  return toCsv(SUBSIDY_CSV_COLUMNS, rows);
}

const LABELS = {
  nl: {
    locale: 'nl-NL',
    title: 'Bewijs praktijkleren (Subsidieregeling praktijkleren)',
    employer: { company: 'Werkgever', foundation: 'Werkgever (stichting)' },
    kvk: 'KvK-nummer',
    year: 'Studiejaar',
    generated: 'Gemaakt op',
    columns: [
      'Student',
      'CROHO',
      'Weken gedekt',
      'Weken begeleid',
      'Ziek',
      'Vakantie',
      'Overig afwezig',
      'Fractie',
      'Maximaal bedrag',
      'Subsidiabel',
    ],
    total: 'Totaal',
    eligibleCount: (n: number, of: number) => `${n} van ${of}`,
    yes: 'ja',
    no: 'nee',
    reasons: {
      sector_not_eligible: 'sector niet subsidiabel',
      study_mode_not_eligible: 'studievorm niet duaal of deeltijd',
      no_signed_agreement: 'geen ondertekende overeenkomst',
    },
    references: 'Referenties: inhoudshash (SHA-256) van de ondertekende overeenkomsten',
    agreement: 'overeenkomst',
    none: 'Geen ondertekende overeenkomsten.',
    notes: 'Toelichting',
    maximum:
      'Bedragen zijn maxima: RVO stelt het bedrag vast en keert minder uit bij overtekening.',
    rules: 'Regels en bron',
  },
  en: {
    locale: 'en-GB',
    title: 'Practical learning evidence (Subsidieregeling praktijkleren)',
    employer: { company: 'Employer', foundation: 'Employer (foundation)' },
    kvk: 'KvK number',
    year: 'Academic year',
    generated: 'Generated',
    columns: [
      'Student',
      'CROHO',
      'Weeks covered',
      'Weeks guided',
      'Illness',
      'Holiday',
      'Other absence',
      'Fraction',
      'Maximum amount',
      'Eligible',
    ],
    total: 'Total',
    eligibleCount: (n: number, of: number) => `${n} of ${of}`,
    yes: 'yes',
    no: 'no',
    reasons: {
      sector_not_eligible: 'sector not eligible',
      study_mode_not_eligible: 'study mode not dual or part-time',
      no_signed_agreement: 'no signed agreement',
    },
    references: 'References: content hash (SHA-256) of the signed agreements',
    agreement: 'agreement',
    none: 'No signed agreements.',
    notes: 'Notes',
    maximum:
      'Amounts are maxima: RVO sets the amount and pays less when the budget is oversubscribed.',
    rules: 'Rules and source',
  },
} as const;

type Labels = (typeof LABELS)[ReportLanguage];

/** Euro cents as the language writes money, with an ordinary space (pdftotext keeps it one). */
export function formatEuro(cents: number, lang: ReportLanguage): string {
  return new Intl.NumberFormat(LABELS[lang].locale, { style: 'currency', currency: 'EUR' })
    .format(cents / 100)
    .replace(/\u00a0/g, ' ');
}

function formatFraction(fraction: number, lang: ReportLanguage): string {
  return new Intl.NumberFormat(LABELS[lang].locale, {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  }).format(fraction);
}

function eligibility(p: SubsidyPlacementDto, t: Labels): string {
  if (p.eligible) return t.yes;
  return `${t.no}: ${p.reasons.map((r: IneligibilityReason) => t.reasons[r]).join(', ')}`;
}

function line(p: SubsidyPlacementDto, t: Labels, lang: ReportLanguage): string[] {
  return [
    p.studentName,
    p.crohoCode ?? '–',
    String(p.weeksCovered),
    String(p.weeksGuided),
    String(p.weeksAbsent.illness),
    String(p.weeksAbsent.holiday),
    String(p.weeksAbsent.other),
    formatFraction(p.fraction, lang),
    formatEuro(p.maxAmountCents, lang),
    eligibility(p, t),
  ];
}

export function subsidyPdfSpec(report: SubsidyReportDto, lang: ReportLanguage): ReportSpec {
  const t = LABELS[lang];
  const e = report.employer;
  const y = report.academicYear;
  const generated = new Intl.DateTimeFormat(t.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(report.generatedAt));
  const sum = (k: 'weeksCovered' | 'weeksGuided') =>
    report.placements.reduce((a, p) => a + p[k], 0);
  const absent = (k: 'illness' | 'holiday' | 'other') =>
    report.placements.reduce((a, p) => a + p.weeksAbsent[k], 0);
  const references = report.placements
    .filter((p) => p.agreementId && p.contentHash)
    .map((p) => `${p.studentName} · ${t.agreement} ${p.agreementId} · ${p.contentHash}`);
  return {
    title: t.title,
    subtitle: [
      `${t.employer[e.type as 'company' | 'foundation']}: ${e.name} · ${t.kvk}: ${e.kvkNumber}`,
      `${t.year}: ${y.start.slice(0, 4)}/${y.end.slice(0, 4)} (${y.start} – ${y.end})`,
      `${t.generated}: ${generated}`,
    ],
    columns: t.columns.map((header, i) => ({
      header,
      align: i < 2 || i === 9 ? ('left' as const) : ('right' as const),
    })),
    rows: report.placements.map((p) => line(p, t, lang)),
    footerRow: [
      `${t.total} (${report.totals.placements})`,
      '',
      String(sum('weeksCovered')),
      String(sum('weeksGuided')),
      String(absent('illness')),
      String(absent('holiday')),
      String(absent('other')),
      '',
      formatEuro(report.totals.maxAmountCents, lang),
      t.eligibleCount(report.totals.eligible, report.totals.placements),
    ],
    charts: [],
    sections: [
      { title: t.references, lines: references.length ? references : [t.none] },
      { title: t.notes, lines: [t.maximum, `${t.rules}: ${report.source}`] },
    ],
    author: e.name,
    language: lang,
  };
}

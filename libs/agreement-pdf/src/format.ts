/**
 * Number, money and date formatting for nl and en, written out rather than taken from Intl: the
 * output must be byte-identical on every machine, and ICU versions differ (nl-NL currency uses a
 * no-break space in some versions and not in others).
 */
import type { Language } from './agreement-document';

const MONTHS: Record<Language, string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Euro cents as "€ 2.345,67" (nl) or "€2,345.67" (en). */
export function formatEuros(cents: number, language: Language): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const whole = groupThousands(String(Math.floor(abs / 100)), language === 'nl' ? '.' : ',');
  const fraction = String(abs % 100).padStart(2, '0');
  return language === 'nl' ? `${sign}€ ${whole},${fraction}` : `${sign}€${whole}.${fraction}`;
}

/** Up to two decimals, trailing zeros dropped, decimal comma in Dutch: 1.5 → "1,5". */
export function formatNumber(n: number, language: Language): string {
  const s = String(Math.round(n * 100) / 100);
  return language === 'nl' ? s.replace('.', ',') : s;
}

/** "2026-09-01" → "1 september 2026" / "1 September 2026"; anything else is shown as given. */
export function formatDate(isoDate: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const month = MONTHS[language][Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : isoDate;
}

/** An instant in UTC with seconds: "14 maart 2026, 10:22:05 UTC". */
export function formatInstant(iso: string, language?: Language): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  if (!language) return `${d.slice(0, 10)} ${d.slice(11, 19)} UTC`;
  return `${formatDate(d.slice(0, 10), language)}, ${d.slice(11, 19)} UTC`;
}

/** "a, b en c" / "a, b and c". */
export function joinList(items: string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${language === 'nl' ? 'en' : 'and'} ${last}`;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** NFC, control characters removed, tabs as spaces; null and undefined become "". */
export function clean(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).normalize('NFC').replace(CONTROL_CHARACTERS, '').replace(/\t/g, ' ');
}

export const formatMoney = formatEuros;
export const formatList = joinList;

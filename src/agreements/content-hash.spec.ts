import { contentHash, PartiesSnapshot } from './content-hash';
import { validTerms } from './terms.fixture';

const parties: PartiesSnapshot = {
  student: { name: 'Zoë Çelik', studentNumber: '2586121' },
  university: { name: 'Avans Hogeschool', brinCode: '07GR' },
  employer: { type: 'company', name: 'De Jong Bouw B.V.', kvkNumber: '12345678' },
  host: null,
  supervisor: { name: 'Piet de Jong', email: 'piet@dejong.nl', hoursPerWeek: 4, trained: true },
  programme: { name: 'Ad Bouwkunde', crohoCode: '80072', degree: 'associate' },
  cohort: 2026,
};

function reversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversed) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    ) as T;
  }
  return value;
}

describe('content hash', () => {
  it('is a SHA-256 hex digest', () => {
    expect(contentHash(validTerms(), parties)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable across key order', () => {
    expect(contentHash(reversed(validTerms()), reversed(parties))).toBe(
      contentHash(validTerms(), parties),
    );
  });

  it('changes with any term or party', () => {
    const base = contentHash(validTerms(), parties);
    const terms = validTerms();
    terms.employment.grossMonthlySalaryCents += 1;
    expect(contentHash(terms, parties)).not.toBe(base);
    expect(contentHash(validTerms(), { ...parties, cohort: 2027 })).not.toBe(base);
  });
});

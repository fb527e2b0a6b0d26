import { sha256Hex } from '@app/common';
import { contentHash, contentOf, PartiesSnapshot, VersionContent } from './content-hash';
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

const content = (over: Partial<VersionContent> = {}): VersionContent => ({
  agreementId: '5b0c7a4e-3f43-4c55-9d0e-0d6f3f0c2a11',
  version: 1,
  language: 'nl',
  parties,
  terms: validTerms(),
  ...over,
});

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
  it('is the SHA-256 hex digest of the canonical JSON', () => {
    const hash = contentHash(content());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(sha256Hex(contentOf(content())));
    expect(contentOf(content())).toMatch(/^\{"agreementId":"5b0c7a4e[^"]*","language":"nl",/);
  });

  it('is stable across key order, at every level', () => {
    const shuffled = reversed(content());
    expect(Object.keys(shuffled)[0]).toBe('terms');
    expect(contentHash(shuffled)).toBe(contentHash(content()));
  });

  it('changes with any term or party', () => {
    const base = contentHash(content());
    const terms = validTerms();
    terms.employment.grossMonthlySalaryCents += 1;
    expect(contentHash(content({ terms }))).not.toBe(base);
    expect(contentHash(content({ parties: { ...parties, cohort: 2027 } }))).not.toBe(base);
    const renamed = { ...parties, student: { ...parties.student, name: 'Zoe Celik' } };
    expect(contentHash(content({ parties: renamed }))).not.toBe(base);
  });

  it('names one version: the same terms in the next version or another agreement hash differently', () => {
    const base = contentHash(content());
    expect(contentHash(content({ version: 2 }))).not.toBe(base);
    expect(contentHash(content({ agreementId: '00000000-0000-4000-8000-000000000000' }))).not.toBe(
      base,
    );
    expect(contentHash(content({ language: 'en' }))).not.toBe(base);
  });

  it('keeps array order (competences and grounds are listed in order)', () => {
    const terms = validTerms();
    terms.studySupport.costsCovered = ['books', 'laptop'];
    expect(contentHash(content({ terms }))).not.toBe(contentHash(content()));
  });
});

import type { PartiesSnapshot } from '../agreements/content-hash';
import type { Verification } from '../documents/documents.service';
import { verdictModel } from './verify-page.view';

const ID = '0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b';
const PARTIES: PartiesSnapshot = {
  student: { name: 'Zoë Çelik', studentNumber: '123456' },
  university: { name: 'Hogeschool Utrecht', brinCode: '22OJ' },
  employer: { type: 'company', name: 'Bouwbedrijf Jansen', kvkNumber: '87654321' },
  host: null,
  supervisor: { name: 'Piet', email: 'piet@jansen.test', hoursPerWeek: 4, trained: true },
  programme: { name: 'Bouwkunde', crohoCode: '34276', degree: 'bachelor' },
  cohort: 2026,
};

function verification(overrides: Partial<Verification>): Verification {
  return {
    valid: false,
    verdict: 'unknown',
    agreementId: null,
    version: null,
    contentHash: null,
    sealedAt: null,
    signers: [],
    versionStatus: null,
    documentId: null,
    sha256: 'f'.repeat(64),
    problems: ['The file has no signature.'],
    ...overrides,
  };
}

describe('the verdict in words', () => {
  it('names the agreement, version, sealing time, parties and signers of a valid document', () => {
    const model = verdictModel(
      verification({
        valid: true,
        verdict: 'valid',
        agreementId: ID,
        version: 3,
        sealedAt: new Date('2026-03-14T10:22:05Z'),
        signers: [
          {
            party: 'employer',
            name: 'Jan',
            signedAt: new Date('2026-03-14T10:20:00Z'),
            method: 'signing_link',
          },
        ],
        versionStatus: 'superseded',
        problems: [],
      }),
      PARTIES,
      'nl',
    );
    expect(model).toMatchObject({
      valid: true,
      tone: 'good',
      heading: 'Echt en ongewijzigd',
      text: `Dit is versie 3 van overeenkomst ${ID}, door ons verzegeld op 14 maart 2026, 10:22:05 UTC. Er is sindsdien niets aan veranderd.`,
      signers: [{ label: 'Werkgever', value: 'Jan, op 14 maart 2026, 10:20:00 UTC' }],
      superseded: true,
    });
    expect(model.parties.map((p) => p.label)).toEqual([
      'Student',
      'Onderwijsinstelling',
      'Werkgever',
    ]);
  });

  it.each([
    ['altered', 'Not valid: altered'],
    ['not_ours', 'Not valid: not ours'],
    ['unknown', 'Not valid: unknown document'],
  ] as const)('says why a document is not valid: %s', (verdict, heading) => {
    const model = verdictModel(verification({ verdict }), null, 'en');
    expect(model).toMatchObject({ valid: false, tone: 'bad', heading, parties: [], signers: [] });
    expect(model.problems).toEqual(['The file has no signature.']);
    expect(model.sha256).toBe('f'.repeat(64));
  });
});

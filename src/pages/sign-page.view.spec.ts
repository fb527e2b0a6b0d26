import type { PartiesSnapshot } from '../agreements/content-hash';
import { validTerms } from '../agreements/terms.fixture';
import {
  keyTerms,
  partyList,
  repaymentInPlainWords,
  SignableVersion,
  signPageModel,
} from './sign-page.view';

const PARTIES: PartiesSnapshot = {
  student: { name: 'Zoë Çelik', studentNumber: '123456' },
  university: { name: 'Hogeschool Utrecht', brinCode: '22OJ' },
  employer: { type: 'foundation', name: 'Stichting Bouwdual', kvkNumber: '12345678' },
  host: { name: 'Bouwbedrijf Jansen', kvkNumber: '87654321' },
  supervisor: { name: 'Piet de Vries', email: 'piet@jansen.test', hoursPerWeek: 4, trained: true },
  programme: { name: 'Bouwkunde', crohoCode: '34276', degree: 'associate' },
  cohort: 2026,
};

function version(overrides: Partial<SignableVersion> = {}): SignableVersion {
  return {
    agreementId: '0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b',
    version: 2,
    contentHash: 'a'.repeat(64),
    party: 'host',
    name: 'Jan Jansen',
    expiresAt: new Date('2026-03-21T09:30:00Z'),
    terms: validTerms(),
    parties: PARTIES,
    ...overrides,
  };
}

describe('the sign page in words', () => {
  it('says who signs for which party, whose agreement it is, and until when the link works', () => {
    expect(signPageModel(version(), 'nl')).toMatchObject({
      signer: 'Jan Jansen, u ondertekent namens het gastbedrijf (Bouwbedrijf Jansen).',
      agreement: 'Overeenkomst voor Zoë Çelik, Bouwkunde (Associate degree).',
      validUntil: 'Deze link is één keer te gebruiken, tot 21 maart 2026, 09:30:00 UTC.',
      version: 2,
      contentHash: 'a'.repeat(64),
    });
    expect(signPageModel(version({ party: 'university', name: 'Ans' }), 'en').signer).toBe(
      'Ans, you sign on behalf of the university (Hogeschool Utrecht).',
    );
  });

  it('lists the parties, the host only when there is one', () => {
    expect(partyList(PARTIES, 'en').map((p) => p.label)).toEqual([
      'Student',
      'University',
      'Employer',
      'Host company',
    ]);
    expect(partyList({ ...PARTIES, host: null }, 'nl').map((p) => p.value)).toEqual([
      'Zoë Çelik (123456)',
      'Hogeschool Utrecht (BRIN 22OJ)',
      'Stichting Bouwdual (KvK 12345678)',
    ]);
  });

  it('gives period, work, salary, study support, supervision, progress and notice in Dutch', () => {
    expect(keyTerms(validTerms(), PARTIES, 'nl')).toEqual([
      { label: 'Periode', value: '1 september 2026 tot en met 31 augustus 2028' },
      {
        label: 'Werk',
        value:
          'Werkvoorbereider, 32 uur per week; arbeidsovereenkomst voor bepaalde tijd van 24 maanden',
      },
      { label: 'Werklocatie', value: 'Eindhoven' },
      { label: 'Salaris', value: '€ 2.600,00 bruto per maand' },
      {
        label: 'Studie',
        value:
          '8 betaalde studie-uren per week; 100% van het collegegeld vergoed; ook vergoed: laptop en boeken en leermiddelen; lesdag: vrijdag',
      },
      { label: 'Begeleiding', value: 'Piet de Vries, 4 uur per week, getrainde begeleider' },
      {
        label: 'Voortgang',
        value: 'elke 10 weken een voortgangsgesprek, 2 werkplekbezoeken per jaar',
      },
      { label: 'Opzegtermijn', value: '4 weken' },
    ]);
  });

  it('formats English and fractional numbers the English way', () => {
    const terms = validTerms();
    terms.employment.hoursPerWeek = 32.5;
    terms.studySupport.costsCovered = [];
    const en = keyTerms(
      terms,
      { ...PARTIES, supervisor: { ...PARTIES.supervisor, trained: false } },
      'en',
    );
    expect(en.find((t) => t.label === 'Salary')?.value).toBe('€2,600.00 gross per month');
    expect(en.find((t) => t.label === 'Work')?.value).toContain('32.5 hours a week');
    expect(en.find((t) => t.label === 'Study')?.value).toBe(
      '8 paid study hours a week; 100% of tuition fees reimbursed; school day: Friday',
    );
    expect(en.find((t) => t.label === 'Supervision')?.value).toBe('Piet de Vries, 4 hours a week');
  });

  describe('the repayment clause in plain words', () => {
    it('says there is none', () => {
      expect(repaymentInPlainWords(null, 'nl')).toEqual([
        'Geen studiekostenbeding: de student hoeft nooit studiekosten terug te betalen.',
      ]);
    });

    it('says how much, for how long, declining or not, and what never counts', () => {
      const clause = {
        trainingMandatedBy: 'cao' as const,
        percent: 50,
        monthsAfterGraduation: 24,
        linearDecline: true,
      };
      expect(repaymentInPlainWords(clause, 'en')).toEqual([
        'If the student leaves at their own request or stops the programme within 24 months after graduating, ' +
          'the student repays at most 50% of the study costs actually incurred, and less the longer the student has stayed.',
        'Training the employer must provide under the collective agreement never has to be repaid.',
      ]);
      const flat = repaymentInPlainWords(
        { ...clause, trainingMandatedBy: 'none', linearDecline: false },
        'nl',
      );
      expect(flat).toEqual([
        'Vertrekt de student op eigen verzoek of stopt de student met de opleiding binnen 24 maanden na het afstuderen, ' +
          'dan betaalt de student hoogstens 50% van de werkelijk gemaakte studiekosten terug.',
      ]);
    });
  });
});

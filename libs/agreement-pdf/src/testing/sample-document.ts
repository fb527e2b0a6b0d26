/**
 * A realistic agreement document for tests, benchmarks and demos: a dual Bachelor route where a
 * foundation employs the student and seconds her to a host company, with names that need more
 * than WinAnsi (Zoë Çelik, Łukasz, IJsbrand, Anaïs, Đorđe Šťastný). Every call returns a fresh
 * copy, so a test may change it freely.
 */
import { createHash } from 'node:crypto';
import type { AgreementDocument, DocumentSignature, Language } from '../agreement-document';

export const SAMPLE_AGREEMENT_ID = '3f6c2a8e-5b1d-4c7e-9a2f-8d4e6b1c0a57';
export const SAMPLE_CONTENT_HASH = createHash('sha256')
  .update('sample agreement v2 terms')
  .digest('hex');

const signature = (
  party: DocumentSignature['party'],
  signerName: string,
  signerEmail: string,
  signedAt: string,
  method: DocumentSignature['method'],
): DocumentSignature => ({
  party,
  signerName,
  signerEmail,
  signedAt,
  ipAddress: method === 'account' ? '145.97.12.34' : '2a02:a46e:5c1:0:8d3:2f1a:9c4e:77b1',
  userAgent:
    method === 'account'
      ? 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'
      : 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  method,
  contentHash: SAMPLE_CONTENT_HASH,
});

/** A fully signed version (all four parties), ready for the sealed PDF. */
export function sampleDocument(overrides: Partial<AgreementDocument> = {}): AgreementDocument {
  const doc: AgreementDocument = {
    agreementId: SAMPLE_AGREEMENT_ID,
    version: 2,
    contentHash: SAMPLE_CONTENT_HASH,
    language: 'nl',
    verificationReference: 'https://duaal.example.nl/verify · ref 7KQ4-M2XD',
    programme: { name: 'HBO-ICT (duaal)', crohoCode: '30020', degree: 'bachelor' },
    cohort: 2026,
    parties: [
      {
        role: 'student',
        name: 'Zoë Çelik',
        identifier: 'studentnummer 2586121',
        details: ['Lovensdijkstraat 61, 4818 AJ Breda'],
      },
      {
        role: 'university',
        name: 'Avans Hogeschool',
        identifier: 'BRIN 07GR',
        details: ['Hogeschoollaan 1, 4818 CR Breda', 'Academie voor Informatica'],
      },
      {
        role: 'employer',
        name: 'Stichting Duaal Werken Brabant',
        identifier: 'KvK 73914285',
        details: ['Claudius Prinsenlaan 142, 4818 CP Breda'],
      },
      {
        role: 'host',
        name: 'De Jong Bouw & Techniek B.V.',
        identifier: 'KvK 20184436',
        details: ['Industrieweg 18, 5145 PD Waalwijk'],
      },
    ],
    supervisor: {
      name: 'Łukasz Wiśniewski',
      email: 'l.wisniewski@dejongbouw.nl',
      hoursPerWeek: 2.5,
      trained: true,
    },
    terms: {
      startDate: '2026-09-01',
      endDate: '2028-08-31',
      employment: {
        contractType: 'fixed_term',
        contractMonths: 24,
        hoursPerWeek: 32,
        grossMonthlySalaryCents: 234567,
        functionTitle: 'Junior software engineer (BIM-koppelingen)',
      },
      workplace: {
        location: 'Industrieweg 18, Waalwijk (hybride, 1 dag thuis)',
      },
      studySupport: {
        paidStudyHoursPerWeek: 8,
        tuitionReimbursedPercent: 100,
        costsCovered: ['laptop', 'books', 'travel'],
        schoolDays: ['thursday'],
      },
      repayment: {
        percent: 50,
        monthsAfterGraduation: 24,
        linearDecline: true,
      },
      monitoring: { progressMeetingEveryWeeks: 10, workplaceVisitsPerYear: 2 },
      competences: [
        {
          name: 'Software ontwerpen en realiseren',
          assessment:
            'portfolio met twee opgeleverde features, beoordeeld door begeleider en docent',
        },
        {
          name: 'Analyseren van gebruikersbehoeften',
          assessment: 'requirementsdocument en presentatie aan de opdrachtgever',
        },
        {
          name: 'Professioneel handelen',
          assessment: 'reflectieverslag per semester en 360°-feedback van collega’s',
        },
        {
          name: 'Samenwerken in een multidisciplinair bouwteam',
          assessment: 'observatie op de werkplek tijdens het werkplekbezoek',
        },
      ],
      termination: {
        noticeWeeks: 4,
        earlyTerminationGrounds: [
          'de student beëindigt de opleiding of wordt uitgeschreven',
          'de arbeidsovereenkomst eindigt',
          'de werkplek voldoet niet langer aan de eisen van de opleiding, na overleg tussen alle partijen',
        ],
      },
    },
    signatures: [
      signature(
        'student',
        'Zoë Çelik',
        'zoe.celik@student.avans.nl',
        '2026-06-02T09:14:37Z',
        'signing_link',
      ),
      signature(
        'university',
        'Anaïs van den Berg-IJsbrandt',
        'a.vandenberg@avans.nl',
        '2026-06-02T11:02:05Z',
        'account',
      ),
      signature(
        'employer',
        'Đorđe Šťastný',
        'd.stastny@duaalwerkenbrabant.nl',
        '2026-06-03T08:45:12Z',
        'account',
      ),
      signature(
        'host',
        'IJsbrand de Jong',
        'ijsbrand@dejongbouw.nl',
        '2026-06-03T15:30:59Z',
        'signing_link',
      ),
    ],
    events: [
      {
        at: '2026-05-20T10:00:00Z',
        actor: 'Anaïs van den Berg-IJsbrandt (universiteit)',
        action: 'created',
        from: null,
        to: 'draft',
        reason: null,
      },
      {
        at: '2026-05-27T13:12:44Z',
        actor: 'Anaïs van den Berg-IJsbrandt (universiteit)',
        action: 'submitted',
        from: 'draft',
        to: 'pending_signatures',
        reason: null,
      },
      {
        at: '2026-05-28T08:03:10Z',
        actor: 'Đorđe Šťastný (werkgever)',
        action: 'declined',
        from: 'pending_signatures',
        to: 'draft',
        reason: 'Studiedag moet donderdag zijn in plaats van vrijdag.',
      },
      {
        at: '2026-06-01T16:40:00Z',
        actor: 'Anaïs van den Berg-IJsbrandt (universiteit)',
        action: 'submitted',
        from: 'draft',
        to: 'pending_signatures',
        reason: 'versie 2',
      },
      {
        at: '2026-06-03T15:30:59Z',
        actor: 'systeem',
        action: 'activated',
        from: 'pending_signatures',
        to: 'active',
        reason: 'alle partijen hebben ondertekend',
      },
    ],
  };
  return { ...doc, ...overrides };
}

/** The same version while signatures are still awaited (for previews). */
export function samplePendingDocument(language: Language = 'nl'): AgreementDocument {
  const doc = sampleDocument({ language });
  return { ...doc, signatures: doc.signatures.slice(0, 2), events: doc.events.slice(0, 4) };
}

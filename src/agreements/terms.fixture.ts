import type { AgreementTerms } from './agreement-terms.types';

/** Valid terms for unit tests (supervisor id 'sup-1'); tests mutate a fresh copy. */
export function validTerms(): AgreementTerms {
  return {
    startDate: '2026-09-01',
    endDate: '2028-08-31',
    employment: {
      contractType: 'fixed_term',
      contractMonths: 24,
      hoursPerWeek: 32,
      grossMonthlySalaryCents: 260_000,
      functionTitle: 'Werkvoorbereider',
    },
    workplace: { location: 'Eindhoven', supervisorId: 'sup-1' },
    studySupport: {
      paidStudyHoursPerWeek: 8,
      tuitionReimbursedPercent: 100,
      costsCovered: ['laptop', 'books'],
      schoolDays: ['friday'],
    },
    repayment: null,
    monitoring: { progressMeetingEveryWeeks: 10, workplaceVisitsPerYear: 2 },
    competences: [
      { name: 'Plannen van bouwprojecten', assessment: 'Portfolio en criteriumgericht interview' },
    ],
    termination: { noticeWeeks: 4, earlyTerminationGrounds: ['Beëindiging van de opleiding'] },
  };
}

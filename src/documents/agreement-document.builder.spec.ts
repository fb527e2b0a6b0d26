import { validTerms } from '../agreements/terms.fixture';
import { documentTerms } from './agreement-document.builder';

describe('documentTerms', () => {
  it('carries every printed term and leaves out what the document does not print', () => {
    const terms = {
      ...validTerms(),
      repayment: {
        trainingMandatedBy: 'none' as const,
        percent: 50,
        monthsAfterGraduation: 24,
        linearDecline: true,
      },
    };
    const printed = documentTerms(terms);
    const { supervisorId: _supervisor, ...workplace } = terms.workplace;
    const { trainingMandatedBy: _mandate, ...repayment } = terms.repayment;
    expect(printed).toEqual({ ...terms, workplace, repayment });
    expect(JSON.stringify(printed)).not.toContain(terms.workplace.supervisorId);
  });

  it('keeps an absent repayment clause absent', () => {
    expect(documentTerms({ ...validTerms(), repayment: null }).repayment).toBeNull();
  });

  it('copies the lists, so the render model never aliases the version’s terms', () => {
    const terms = validTerms();
    const printed = documentTerms(terms);
    printed.studySupport.schoolDays.push('saturday');
    printed.termination.earlyTerminationGrounds.push('x');
    expect(terms.studySupport.schoolDays).not.toContain('saturday');
    expect(terms.termination.earlyTerminationGrounds).not.toContain('x');
  });
});

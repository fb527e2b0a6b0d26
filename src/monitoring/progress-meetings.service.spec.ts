import type { Principal } from '@app/common';
import type { MonitoredAgreement } from '../agreements/agreement-monitoring-reads';
import { mayRecord } from './progress-meetings.service';

const agreement: MonitoredAgreement = {
  id: 'a',
  status: 'active',
  studentId: 's',
  universityId: 'u1',
  employerType: 'foundation',
  employerCompanyId: null,
  employerFoundationId: 'f1',
  hostCompanyId: 'h1',
  startDate: '2026-09-01',
  endDate: '2028-08-31',
  monitoring: { progressMeetingEveryWeeks: 10, workplaceVisitsPerYear: 2 },
};
const principal = (over: Partial<Principal>): Principal => ({
  kind: 'user',
  id: 'p',
  role: 'admin',
  universityId: null,
  foundationId: null,
  companyId: null,
  studentId: null,
  ...over,
});

describe('who records meetings', () => {
  it('the university, the employer and the host (and admins) record', () => {
    expect(mayRecord(principal({ role: 'admin' }), agreement)).toBe(true);
    expect(mayRecord(principal({ role: 'coordinator', universityId: 'u1' }), agreement)).toBe(true);
    expect(mayRecord(principal({ role: 'foundation_staff', foundationId: 'f1' }), agreement)).toBe(
      true,
    );
    expect(mayRecord(principal({ role: 'company_rep', companyId: 'h1' }), agreement)).toBe(true);
  });

  it('students, integrations and other organisations only read', () => {
    expect(mayRecord(principal({ role: 'student', studentId: 's' }), agreement)).toBe(false);
    expect(mayRecord(principal({ role: 'integration', universityId: 'u1' }), agreement)).toBe(
      false,
    );
    expect(mayRecord(principal({ role: 'coordinator', universityId: 'u2' }), agreement)).toBe(
      false,
    );
    expect(mayRecord(principal({ role: 'company_rep', companyId: 'other' }), agreement)).toBe(
      false,
    );
  });

  it('a rep limited to another university does not record', () => {
    expect(
      mayRecord(principal({ role: 'company_rep', companyId: 'h1', universityId: 'u2' }), agreement),
    ).toBe(false);
  });
});

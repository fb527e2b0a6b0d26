import { uniqueRecipients } from './mail-event-sources';

describe('uniqueRecipients', () => {
  it('keeps the first signature of each address, whatever its case', () => {
    const signatures = [
      { party: 'student', signerEmail: 'Sam@school.test' },
      { party: 'university', signerEmail: 'coord@school.test' },
      { party: 'employer', signerEmail: 'sam@school.test ' },
    ];
    expect(uniqueRecipients(signatures).map((s) => s.party)).toEqual(['student', 'university']);
  });
});

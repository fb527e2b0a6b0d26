import { stillAwaited } from './signing-reminders';

describe('stillAwaited', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const later = new Date('2026-12-10T12:00:00Z');

  it('holds while the pending version lacks the party and the link works', () => {
    expect(stillAwaited('pending_signatures', ['student'], 'employer', later, now)).toBe(true);
  });

  it('ends once the party signed, the version left pending, or the link expired', () => {
    expect(stillAwaited('pending_signatures', ['employer'], 'employer', later, now)).toBe(false);
    expect(stillAwaited('draft', [], 'employer', later, now)).toBe(false);
    expect(stillAwaited('superseded', [], 'employer', later, now)).toBe(false);
    expect(stillAwaited(null, [], 'employer', later, now)).toBe(false);
    expect(stillAwaited('pending_signatures', [], 'employer', now, now)).toBe(false);
  });
});

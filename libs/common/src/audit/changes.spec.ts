import { fieldChanges } from './changes';

describe('fieldChanges', () => {
  it('lists each changed field as before → after and leaves unchanged ones out', () => {
    const before = { name: 'Bouw BV', employeeCount: 35, city: null, postcode: '5611 AB' };
    expect(
      fieldChanges(before, { name: 'Bouw B.V.', employeeCount: 35, city: 'Eindhoven' }),
    ).toEqual({
      city: { from: null, to: 'Eindhoven' },
      name: { from: 'Bouw BV', to: 'Bouw B.V.' },
    });
  });

  it('skips fields the patch does not set and compares arrays and dates by value', () => {
    const before = { ids: ['a', 'b'], at: new Date('2026-01-01T00:00:00Z'), region: 'Zuid' };
    expect(
      fieldChanges(before, {
        ids: ['a', 'b'],
        at: new Date('2026-01-01T00:00:00Z'),
        region: undefined,
      }),
    ).toEqual({});
    expect(fieldChanges(before, { ids: ['b', 'a'] })).toEqual({
      ids: { from: ['a', 'b'], to: ['b', 'a'] },
    });
  });

  it('reads a field missing before as null', () => {
    expect(fieldChanges({}, { website: 'https://tln.nl' })).toEqual({
      website: { from: null, to: 'https://tln.nl' },
    });
  });
});

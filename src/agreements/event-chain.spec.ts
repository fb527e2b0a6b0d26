import { ChainedEvent, chainNext, GENESIS_HASH, verifyChain } from './event-chain';

function chain(n: number): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  for (let i = 0; i < n; i++) {
    events.push(
      chainNext(events[events.length - 1] ?? null, {
        agreementId: 'a-1',
        at: `2026-05-0${i + 1}T10:00:00.000Z`,
        actorKind: 'user',
        actorId: 'u-1',
        actorName: 'Coordinator',
        action: ['created', 'submitted', 'signed'][i % 3],
        fromStatus: null,
        toStatus: 'draft',
        versionNumber: 1,
        reason: null,
        data: { n: i },
      }),
    );
  }
  return events;
}

describe('agreement event chain', () => {
  it('links each event to the previous hash, starting from the genesis hash', () => {
    const events = chain(3);
    expect(events[0].prevHash).toBe(GENESIS_HASH);
    expect(events[1].prevHash).toBe(events[0].hash);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(verifyChain(events)).toEqual({ valid: true, brokenAt: null });
    expect(verifyChain([])).toEqual({ valid: true, brokenAt: null });
  });

  it('detects a tampered event', () => {
    const events = chain(3);
    events[1] = { ...events[1], reason: 'changed afterwards' };
    expect(verifyChain(events)).toEqual({ valid: false, brokenAt: 2 });
  });

  it('detects a removed or reordered event', () => {
    const events = chain(3);
    expect(verifyChain([events[0], events[2]]).valid).toBe(false);
    expect(verifyChain([events[1], events[0], events[2]]).valid).toBe(false);
  });

  it('detects a recomputed hash that no longer links', () => {
    const events = chain(2);
    const forged = chainNext(null, { ...events[0], reason: 'forged' });
    expect(verifyChain([forged, events[1]])).toEqual({ valid: false, brokenAt: 2 });
  });
});

import type { EntityManager } from 'typeorm';
import { DomainEvent, DomainEventOutsideTransactionError, DomainEvents } from './domain-events';

interface Submitted extends DomainEvent<'thing.submitted'> {
  id: string;
}
interface Closed extends DomainEvent<'thing.closed'> {
  id: string;
  reason: string;
}

function managerIn(transaction: boolean): EntityManager {
  return { queryRunner: { isTransactionActive: transaction } } as unknown as EntityManager;
}

describe('DomainEvents', () => {
  it('hands each subscriber of the type the event and the publisher’s manager, in order', async () => {
    const events = new DomainEvents();
    const manager = managerIn(true);
    const seen: string[] = [];
    events.subscribe<Submitted>('thing.submitted', (m, e) => {
      expect(m).toBe(manager);
      seen.push(`first ${e.id}`);
    });
    events.subscribe<Submitted>('thing.submitted', async (_m, e) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`second ${e.id}`);
    });
    events.subscribe<Closed>('thing.closed', (_m, e) => {
      seen.push(`closed ${e.reason}`);
    });

    await events.publish<Submitted>(manager, { type: 'thing.submitted', id: 'a1' });

    expect(seen).toEqual(['first a1', 'second a1']);
    expect(events.subscriberCount('thing.submitted')).toBe(2);
    expect(events.subscriberCount('thing.closed')).toBe(1);
  });

  it('waits for every subscriber before resolving, one after the other', async () => {
    const events = new DomainEvents();
    const log: string[] = [];
    for (const name of ['a', 'b']) {
      events.subscribe<Submitted>('thing.submitted', async () => {
        log.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`${name} end`);
      });
    }
    await events.publish<Submitted>(managerIn(true), { type: 'thing.submitted', id: 'x' });
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('fails the publish with the first subscriber’s error and runs no later one', async () => {
    const events = new DomainEvents();
    const later = jest.fn();
    events.subscribe<Submitted>('thing.submitted', () => {
      throw new Error('unique violation');
    });
    events.subscribe<Submitted>('thing.submitted', later);
    await expect(
      events.publish<Submitted>(managerIn(true), { type: 'thing.submitted', id: 'x' }),
    ).rejects.toThrow('unique violation');
    expect(later).not.toHaveBeenCalled();
  });

  it('refuses to publish outside a transaction, before any subscriber runs', async () => {
    const events = new DomainEvents();
    const handler = jest.fn();
    events.subscribe<Submitted>('thing.submitted', handler);
    await expect(
      events.publish<Submitted>(managerIn(false), { type: 'thing.submitted', id: 'x' }),
    ).rejects.toThrow(DomainEventOutsideTransactionError);
    await expect(
      events.publish<Submitted>({} as EntityManager, { type: 'thing.submitted', id: 'x' }),
    ).rejects.toThrow(DomainEventOutsideTransactionError);
    expect(handler).not.toHaveBeenCalled();
  });

  it('publishes an event nobody subscribes to without error', async () => {
    const events = new DomainEvents();
    await expect(
      events.publish<Closed>(managerIn(true), { type: 'thing.closed', id: 'x', reason: 'done' }),
    ).resolves.toBeUndefined();
  });

  it('stops calling a handler once it unsubscribes', async () => {
    const events = new DomainEvents();
    const kept = jest.fn();
    const dropped = jest.fn();
    events.subscribe<Submitted>('thing.submitted', kept);
    const unsubscribe = events.subscribe<Submitted>('thing.submitted', dropped);
    unsubscribe();
    await events.publish<Submitted>(managerIn(true), { type: 'thing.submitted', id: 'x' });
    expect(kept).toHaveBeenCalledTimes(1);
    expect(dropped).not.toHaveBeenCalled();
    expect(events.subscriberCount('thing.submitted')).toBe(1);
  });
});

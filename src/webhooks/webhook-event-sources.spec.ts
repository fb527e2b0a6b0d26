import { WEBHOOK_SOURCES } from './webhook-event-sources';
import { WEBHOOK_EVENT_TYPES } from './webhook-events.catalogue';

const fact = (type: string, extra: Record<string, unknown> = {}) => ({
  type,
  universityId: 'u',
  ...extra,
});

describe('webhook event sources', () => {
  it('gives every event type of the catalogue a domain event it comes from', () => {
    const produced = new Set(
      Object.entries(WEBHOOK_SOURCES).flatMap(([source, toType]) =>
        source === 'agreement.version-activated'
          ? [toType(fact(source, { version: 1 })), toType(fact(source, { version: 2 }))]
          : [toType(fact(source))],
      ),
    );
    expect([...produced].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
  });

  it('calls a first version in force activated, and a later one amended', () => {
    const activated = WEBHOOK_SOURCES['agreement.version-activated'];
    expect(activated(fact('agreement.version-activated', { version: 1 }))).toBe(
      'agreement.activated',
    );
    expect(activated(fact('agreement.version-activated', { version: 3 }))).toBe(
      'agreement.amended',
    );
  });
});

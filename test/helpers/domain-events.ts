import { DomainEvent, DomainEvents } from '@app/common';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** One published event, with what `probe` read at that moment inside and outside its transaction. */
export interface Seen<E extends DomainEvent> {
  event: E;
  /** Read through the publisher's EntityManager: the change is there. */
  inside: unknown;
  /** Read on another connection while the subscriber runs: the change is not committed yet. */
  outside: unknown;
}

/**
 * Subscribes to `type` in a running app (API or worker) the way another module would, and keeps
 * every event in publishing order. `probe` reads the changed row both through the publisher's
 * transaction and through the app's pool: seeing the change inside and not yet outside proves
 * the event is published inside the transaction that makes the change.
 */
export function recordEvents<E extends DomainEvent>(
  app: INestApplicationContext,
  type: E['type'],
  probe: (manager: EntityManager, event: E) => Promise<unknown> = async () => null,
  log: DomainEvent[] = [],
) {
  const seen: Seen<E>[] = [];
  const pool = app.get(DataSource).manager;
  const stop = app.get(DomainEvents).subscribe<E>(type, async (manager, event) => {
    log.push(event);
    seen.push({ event, inside: await probe(manager, event), outside: await probe(pool, event) });
  });
  return {
    stop,
    /** The events (with probes) for which `where` holds. */
    where: (where: (event: E) => boolean) => seen.filter((s) => where(s.event)),
  };
}

export type Recorder<E extends DomainEvent> = ReturnType<typeof recordEvents<E>>;

/** The first column of the first row `sql` returns (null when none). */
export async function scalar(manager: EntityManager, sql: string, params: unknown[]) {
  const rows: Record<string, unknown>[] = await manager.query(sql, params);
  return rows.length ? Object.values(rows[0])[0] : null;
}

import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Something that happened in a module's domain, named after the fact (`agreement.version-submitted`),
 * not after whoever reacts to it. The owning module declares its events as a discriminated union
 * on `type`; subscribers name the member they want.
 */
export interface DomainEvent<T extends string = string> {
  readonly type: T;
}

/** Reacts to one event inside the publisher's transaction: its writes commit or roll back with it. */
export type DomainEventHandler<E extends DomainEvent> = (
  manager: EntityManager,
  event: E,
) => Promise<void> | void;

/** Published outside a transaction: subscribers' writes would not be atomic with the publisher's. */
export class DomainEventOutsideTransactionError extends Error {}

/**
 * In-process, transactional domain events. A module publishes what happened in its transaction;
 * the modules that react subscribe at start-up (onModuleInit) and write their own tables with the
 * publisher's EntityManager, so the reaction is part of the same commit: no event is lost or
 * half-applied, and the publisher never imports its subscribers. Subscribers run one after the
 * other in subscription order (one connection serves a transaction anyway); the first that throws
 * aborts the publish, and so the publisher's transaction. Work that must outlive the transaction
 * (HTTP calls, e-mail) does not belong in a handler: the handler writes an outbox row or a job.
 *
 * Subscriptions are per process: a process that publishes an event must load the modules that
 * subscribe to it.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers = new Map<string, DomainEventHandler<DomainEvent>[]>();

  /** Calls `handler` for every event of `type`; returns a function that ends the subscription. */
  subscribe<E extends DomainEvent>(type: E['type'], handler: DomainEventHandler<E>): () => void {
    const list = this.handlers.get(type) ?? [];
    const entry = handler as DomainEventHandler<DomainEvent>;
    list.push(entry);
    this.handlers.set(type, list);
    return () => {
      const current = this.handlers.get(type) ?? [];
      this.handlers.set(
        type,
        current.filter((h) => h !== entry),
      );
    };
  }

  /** How many handlers `type` has: lets a process check at start-up that its reactions are wired. */
  subscriberCount(type: string): number {
    return this.handlers.get(type)?.length ?? 0;
  }

  /** Runs every subscriber of the event's type inside the caller's transaction and waits for them. */
  async publish<E extends DomainEvent>(manager: EntityManager, event: E): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new DomainEventOutsideTransactionError(
        `${event.type} was published outside a transaction`,
      );
    }
    // A copy: a handler that subscribes or unsubscribes does not change this publish.
    const handlers = [...(this.handlers.get(event.type) ?? [])];
    if (handlers.length === 0) this.logger.debug(`${event.type} has no subscribers`);
    for (const handler of handlers) await handler(manager, event);
  }
}

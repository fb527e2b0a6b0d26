import { DomainEvent, DomainEvents } from '@app/common';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { WebhookEventType } from './webhook-events.catalogue';
import { WebhookOutbox } from './webhook-outbox';

/** A domain event as the owning modules publish it: facts about one university's student. */
type FactEvent = DomainEvent & { universityId: string } & Record<string, unknown>;

/**
 * Which domain event becomes which webhook event. An activated first version is the agreement
 * coming into force (`agreement.activated`); a later version activated is an amendment in force
 * (`agreement.amended`).
 */
export const WEBHOOK_SOURCES: Record<string, (e: FactEvent) => WebhookEventType> = {
  'agreement.version-submitted': () => 'agreement.submitted',
  'agreement.signed': () => 'agreement.signed',
  'agreement.version-activated': (e) =>
    e.version === 1 ? 'agreement.activated' : 'agreement.amended',
  'agreement.declined': () => 'agreement.declined',
  'agreement.completed': () => 'agreement.completed',
  'agreement.terminated': () => 'agreement.terminated',
  'document.ready': () => 'document.ready',
  'import.completed': () => 'import.completed',
  'import.failed': () => 'import.failed',
  'match.accepted': () => 'match.accepted',
  'secondment.started': () => 'secondment.started',
  'secondment.ended': () => 'secondment.ended',
};

/**
 * Subscribes the outbox to the owning modules' domain events, in every process that publishes
 * them (the API for agreements, matches and secondments; the worker for documents and imports):
 * the webhook event is written in the publisher's transaction. The event's facts are its data
 * (the publishers carry ids and what a student information system needs, never a BSN or a
 * signing token).
 */
@Injectable()
export class WebhookEventSources implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly outbox: WebhookOutbox,
  ) {}

  onModuleInit(): void {
    for (const [source, toType] of Object.entries(WEBHOOK_SOURCES)) {
      this.events.subscribe<FactEvent>(source, async (manager, event) => {
        const { type: _source, ...data } = event;
        await this.outbox.record(manager, {
          type: toType(event),
          universityId: event.universityId,
          data,
        });
      });
    }
  }
}

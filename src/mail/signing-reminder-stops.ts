import { DomainEvents } from '@app/common';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AGREEMENT_EVENTS,
  AgreementDeclined,
  AgreementSigned,
  AgreementVersionActivated,
} from '../agreements/agreement-domain-events';

/**
 * Stops reminders the moment they lose their reason, in the transaction of the signature or
 * decline itself, and lets go of the sealed tokens with them. The worker's look checks again
 * before each reminder, which also covers a version withdrawn without an event.
 */
@Injectable()
export class SigningReminderStops implements OnModuleInit {
  constructor(private readonly events: DomainEvents) {}

  onModuleInit(): void {
    this.events.subscribe<AgreementSigned>(AGREEMENT_EVENTS.signed, (manager, e) =>
      stop(manager, e.agreementId, e.version, e.party),
    );
    this.events.subscribe<AgreementDeclined>(AGREEMENT_EVENTS.declined, (manager, e) =>
      stop(manager, e.agreementId, e.version, null),
    );
    this.events.subscribe<AgreementVersionActivated>(
      AGREEMENT_EVENTS.versionActivated,
      (manager, e) => stop(manager, e.agreementId, e.version, null),
    );
  }
}

/**
 * Ends the reminders of a version (of one party, or all of them), and cancels a reminder already
 * written but not yet sent (say, waiting out an SMTP outage): it names its signing request, the
 * reminders row's key (the row's token is gone once the last reminder is written).
 */
async function stop(
  manager: EntityManager,
  agreementId: string,
  version: number,
  party: string | null,
): Promise<void> {
  // The reminder rows first: a look writing a reminder for one of them right now commits before
  // this goes on, so the cancelling below sees the message it wrote.
  await manager.query(
    `SELECT 1 FROM signing_reminders
      WHERE agreement_id = $1 AND version_number = $2 AND ($3::text IS NULL OR party = $3)
      FOR UPDATE`,
    [agreementId, version, party],
  );
  await manager.query(
    `UPDATE messages m SET status = 'cancelled', token_sealed = NULL,
            last_error = 'no longer sent: the signature is no longer awaited'
       FROM signing_reminders r
      WHERE r.agreement_id = $1 AND r.version_number = $2 AND ($3::text IS NULL OR r.party = $3)
        AND m.agreement_id = r.agreement_id AND m.kind = 'signing.reminder'
        AND m.status = 'pending' AND m.data ->> 'requestId' = r.message_id::text`,
    [agreementId, version, party],
  );
  await manager.query(
    `UPDATE signing_reminders SET next_reminder_at = NULL, token_sealed = NULL
      WHERE agreement_id = $1 AND version_number = $2 AND ($3::text IS NULL OR party = $3)
        AND (next_reminder_at IS NOT NULL OR token_sealed IS NOT NULL)`,
    [agreementId, version, party],
  );
}

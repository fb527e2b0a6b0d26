import { Column, Entity, EntityManager, Index, PrimaryColumn } from 'typeorm';

/**
 * The reminders of one signing request (its message's id): when the next one is due and how
 * many went out. The link's token waits here sealed while reminding goes on (the request's own
 * row lets go of it once sent) and is cleared, with next_reminder_at, when reminding stops.
 */
@Entity('signing_reminders')
@Index('ix_signing_reminders_due', ['nextReminderAt'], { where: 'next_reminder_at IS NOT NULL' })
export class SigningReminder {
  /** The signing.requested message these reminders follow. */
  @PrimaryColumn('uuid')
  messageId!: string;

  @Column('uuid')
  agreementId!: string;

  @Column('int')
  versionNumber!: number;

  @Column('text')
  party!: string;

  @Column('text', { nullable: true })
  tokenSealed!: string | null;

  @Column('timestamptz', { nullable: true })
  nextReminderAt!: Date | null;

  @Column('int', { default: 0 })
  remindersSent!: number;
}

/**
 * Brings the agreement's scheduled reminders forward to `seconds` from now: the demo data, so a
 * newcomer sees reminders go out shortly after `npm start`.
 */
export async function remindSoon(
  manager: EntityManager,
  agreementId: string,
  seconds: number,
): Promise<void> {
  await manager.query(
    `UPDATE signing_reminders SET next_reminder_at = clock_timestamp() + make_interval(secs => $2)
      WHERE agreement_id = $1 AND next_reminder_at IS NOT NULL`,
    [agreementId, seconds],
  );
}

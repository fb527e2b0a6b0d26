import { Clock, PeriodicLook } from '@app/common';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource, EntityManager } from 'typeorm';
import { CoordinatorRecipient, IdentityReads } from '../identity/identity-reads';
import { MonitoringOverdueReads } from '../monitoring/monitoring-overdue-reads';
import { mailConfig } from './mail.config';
import { MailOutbox } from './mail-outbox';
import type { MailLanguage } from './mail-templates';
import { isoWeek, OverdueDigestItem } from './overdue-digest';

/** How many coordinators one transaction claims. */
const BATCH = 20;

/**
 * The worker's look for this ISO week's overdue digests. overdue_digests keeps, per coordinator,
 * the week last settled: a look claims coordinators not yet settled this week (FOR UPDATE SKIP
 * LOCKED, so several workers share them) and, in the transaction that advances their row,
 * writes one digest each through MailOutbox, so a restart neither loses nor repeats one.
 * Coordinators who switched the digest off, or whose university has nothing overdue, are
 * settled without a message.
 */
@Injectable()
export class OverdueDigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OverdueDigestScheduler.name);
  /** Set at shutdown: a look in progress stops after its current batch. */
  private stopping = false;
  private readonly looks = new PeriodicLook(
    () => this.sendDue(),
    () => this.config.digestPollSeconds * 1000,
    (error: Error) => this.logger.warn(`overdue digests not written: ${error.message}`),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly identity: IdentityReads,
    private readonly monitoring: MonitoringOverdueReads,
    private readonly outbox: MailOutbox,
    @Inject(mailConfig.KEY) private readonly config: ConfigType<typeof mailConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.looks.start();
  }

  onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    return this.looks.stop();
  }

  /** One look: the number of digests written. */
  async sendDue(): Promise<number> {
    const week = isoWeek(this.clock.now());
    const coordinators = await this.identity.activeCoordinators(this.dataSource.manager);
    const byId = new Map(coordinators.map((c) => [c.id, c]));
    let sent = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const claimed = await this.claim(manager, [...byId.keys()], week);
        for (const id of claimed) {
          if (await this.digest(manager, byId.get(id)!)) sent++;
          await manager.query(`UPDATE overdue_digests SET last_sent_week = $2 WHERE user_id = $1`, [
            id,
            week,
          ]);
        }
        return claimed.length;
      });
      if (batch < BATCH || this.stopping) return sent;
    }
  }

  /** Coordinators not yet settled this week, locked for this transaction. */
  private async claim(manager: EntityManager, ids: string[], week: string): Promise<string[]> {
    if (ids.length === 0) return [];
    // A coordinator's row is made the first time one is seen: never settled.
    await manager.query(
      `INSERT INTO overdue_digests (user_id, last_sent_week)
       SELECT unnest($1::uuid[]), '' ON CONFLICT (user_id) DO NOTHING`,
      [ids],
    );
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM overdue_digests
        WHERE user_id = ANY($1::uuid[]) AND last_sent_week <> $2
        ORDER BY user_id LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED`,
      [ids, week],
    );
    return rows.map((r) => r.user_id);
  }

  /** Writes the coordinator's digest unless switched off or nothing is overdue. */
  private async digest(manager: EntityManager, c: CoordinatorRecipient): Promise<boolean> {
    const [pref]: { overdue_digest: boolean; language: MailLanguage }[] = await manager.query(
      `SELECT overdue_digest, language FROM mail_preferences WHERE user_id = $1`,
      [c.id],
    );
    if (pref && !pref.overdue_digest) return false;
    const overdue = await this.monitoring.overdueFor({
      kind: 'user',
      id: c.id,
      role: 'coordinator',
      universityId: c.universityId,
      foundationId: null,
      companyId: null,
      studentId: null,
    });
    if (overdue.length === 0) return false;
    const items: OverdueDigestItem[] = overdue.map((i) => ({
      student: i.student,
      agreement: i.agreementId,
      workplace: i.workplace,
      kind: i.kind,
      dueDate: i.dueOn,
      daysOverdue: i.daysOverdue,
    }));
    await this.outbox.overdueDigest(manager, {
      universityId: c.universityId,
      language: pref?.language ?? 'nl',
      recipient: { name: c.name, email: c.email },
      data: { items },
    });
    return true;
  }
}

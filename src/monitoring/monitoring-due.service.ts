import {
  Clock,
  decodeKeyCursor,
  DEFAULT_LIMIT,
  Page,
  pageByKey,
  Principal,
  toCalendarDate,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  ActiveAgreementFilter,
  AgreementMonitoringReads,
  MonitoredAgreement,
} from '../agreements/agreement-monitoring-reads';
import { DirectoryReads } from '../directory/directory-reads';
import { StudentReads } from '../students/student-reads';
import { DueItemDto, DueQueryDto } from './dto/monitoring.dto';
import { dueItems, Held, ScheduledKind } from './monitoring-rules';

/** Active agreements read per round while a page of due items fills up. */
const BATCH = 200;
const CURSOR_PARTS = ['uuid', 'string'] as const;

/**
 * What is due or overdue under the active agreements the caller may see. The schedule is a pure
 * function of each agreement's terms and what it has held, so the list walks the active
 * agreements by id in batches, computes their items, and stops once a page is full: the cost
 * follows the page, not the number of agreements. Items are keyed (agreementId, kind).
 */
@Injectable()
export class MonitoringDueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly agreements: AgreementMonitoringReads,
    private readonly directory: DirectoryReads,
    private readonly students: StudentReads,
  ) {}

  due(principal: Principal, query: DueQueryDto): Promise<Page<DueItemDto>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodeKeyCursor(query.cursor, CURSOR_PARTS) : null;
    const today = toCalendarDate(this.clock.now());
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const filter = await this.filterOf(manager, query);
      if (filter === null) return { data: [], nextCursor: null };
      const items: DueItemDto[] = [];
      // The cursor's agreement may still have a later kind to list: start at it, then after each batch.
      let from = after ? { id: String(after[0]), inclusive: true } : null;
      while (items.length <= limit) {
        const batch = await this.agreements.activePage(manager, principal, filter, from, BATCH);
        items.push(...(await this.itemsOf(manager, batch, today, query.overdue === 'true')));
        if (batch.length < BATCH) break;
        from = { id: batch[batch.length - 1].id, inclusive: false };
      }
      return pageByKey(items, (i) => [i.agreementId, i.kind], CURSOR_PARTS, query);
    });
  }

  /** The agreement filter of the query; null when it names a route that does not exist. */
  private async filterOf(
    manager: EntityManager,
    query: DueQueryDto,
  ): Promise<ActiveAgreementFilter | null> {
    const filter: ActiveAgreementFilter = {
      universityId: query.universityId,
      foundationId: query.foundationId,
      companyId: query.companyId,
    };
    if (!query.routeId) return filter;
    // A route is a programme offered as a dual route: its agreements are those of the
    // programme's students.
    const route = (await this.directory.routesByIds(manager, [query.routeId])).get(query.routeId);
    if (!route) return null;
    const { ids } = await this.students.find(manager, {
      universityId: route.universityId,
      programmeIds: [route.programmeId],
    });
    return { ...filter, studentIds: ids };
  }

  private async itemsOf(
    manager: EntityManager,
    batch: MonitoredAgreement[],
    today: string,
    overdueOnly: boolean,
  ): Promise<DueItemDto[]> {
    const held = await this.heldBy(
      manager,
      batch.map((a) => a.id),
    );
    return batch.flatMap((a) =>
      dueItems(
        {
          startDate: a.startDate,
          endDate: a.endDate,
          progressMeetingEveryWeeks: a.monitoring.progressMeetingEveryWeeks,
          workplaceVisitsPerYear: a.monitoring.workplaceVisitsPerYear,
        },
        held.get(a.id) ?? nothingHeld(),
        today,
      )
        .filter((item) => !overdueOnly || item.daysOverdue > 0)
        .map((item) => ({ agreementId: a.id, studentId: a.studentId, ...item })),
    );
  }

  /** Complete meetings per agreement and scheduled kind: how many, and the last one's date. */
  private async heldBy(
    manager: EntityManager,
    agreementIds: string[],
  ): Promise<Map<string, Record<ScheduledKind, Held>>> {
    const held = new Map<string, Record<ScheduledKind, Held>>();
    if (agreementIds.length === 0) return held;
    const rows: { agreement_id: string; kind: ScheduledKind; n: number; last: string }[] =
      await manager.query(
        `SELECT agreement_id, kind, count(*)::int AS n, to_char(max(held_on), 'YYYY-MM-DD') AS last
           FROM progress_meetings
          WHERE agreement_id = ANY($1::uuid[]) AND complete
            AND kind IN ('progress_meeting', 'workplace_visit')
          GROUP BY agreement_id, kind`,
        [agreementIds],
      );
    for (const row of rows) {
      const entry = held.get(row.agreement_id) ?? nothingHeld();
      entry[row.kind] = { count: row.n, lastHeldOn: row.last };
      held.set(row.agreement_id, entry);
    }
    return held;
  }
}

function nothingHeld(): Record<ScheduledKind, Held> {
  return {
    progress_meeting: { count: 0, lastHeldOn: null },
    workplace_visit: { count: 0, lastHeldOn: null },
  };
}

import { Principal } from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgreementMonitoringReads } from '../agreements/agreement-monitoring-reads';
import { StudentReads } from '../students/student-reads';
import { MonitoringDueService } from './monitoring-due.service';

/** One overdue meeting or visit, with the student's name and workplace: what a digest lists. */
export interface OverdueItem {
  agreementId: string;
  student: string;
  /** The host company when seconded, else the employer (null before the parties are frozen). */
  workplace: string | null;
  kind: 'progress_meeting' | 'workplace_visit';
  dueOn: string;
  daysOverdue: number;
}

/** A digest lists at most this many items; the due list has the rest. */
const MAX_ITEMS = 200;

/**
 * The monitoring module's read port for other modules (the mail worker's weekly digest): what
 * is overdue under the agreements a principal may see, the due list's own rules.
 */
@Injectable()
export class MonitoringOverdueReads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly due: MonitoringDueService,
    private readonly students: StudentReads,
    private readonly agreements: AgreementMonitoringReads,
  ) {}

  async overdueFor(principal: Principal): Promise<OverdueItem[]> {
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await this.due.due(principal, { overdue: 'true', limit: 100, cursor });
      items.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < MAX_ITEMS);
    const students = await this.students.studentsByIds(
      this.dataSource.manager,
      items.map((i) => i.studentId),
    );
    const listed = items.slice(0, MAX_ITEMS);
    const workplaces = await this.agreements.workplaces(this.dataSource.manager, [
      ...new Set(listed.map((i) => i.agreementId)),
    ]);
    return listed.map((i) => {
      const s = students.get(i.studentId);
      return {
        agreementId: i.agreementId,
        student: s ? `${s.firstName} ${s.lastName}` : i.studentId,
        workplace: workplaces.get(i.agreementId) ?? null,
        kind: i.kind as OverdueItem['kind'],
        dueOn: i.dueOn,
        daysOverdue: i.daysOverdue,
      };
    });
  }
}

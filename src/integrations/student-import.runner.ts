import { AuditService, Clock, DomainEvents, newId, SYSTEM_ACTOR } from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { StudentBulkUpsert } from '../students/student-bulk-upsert';
import { ImportRowError, ImportStatus } from './entities/student-import.entity';
import { ImportCompleted, ImportFailed, IMPORT_EVENTS } from './import-domain-events';
import { planImport, stripBsn, todayIso, validateRows } from './student-import-rows';
import { lockUniversityImports } from './student-import.sql';

export interface ImportOutcome {
  importId: string;
  status: ImportStatus | 'missing';
  /** False when the import was already finished (a retried or duplicated job): nothing was done. */
  processed: boolean;
  created?: number;
  updated?: number;
  unchanged?: number;
  rejected?: number;
}

/**
 * Runs one student import: validates the stored rows, compares them with the stored students
 * and writes the difference, all in one transaction under a per-university advisory lock.
 * Idempotent: a finished import is left alone, and an interrupted one (rolled back) runs again.
 */
@Injectable()
export class StudentImportRunner {
  private readonly logger = new Logger(StudentImportRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly directory: DirectoryReads,
    private readonly students: StudentBulkUpsert,
    private readonly domainEvents: DomainEvents,
  ) {}

  async run(importId: string): Promise<ImportOutcome> {
    const claimed = await this.markRunning(importId);
    if (!claimed.universityId) return { importId, status: claimed.status, processed: false };
    const universityId = claimed.universityId;
    return this.dataSource.transaction(async (manager) => {
      await lockUniversityImports(manager, universityId);
      // Re-read under the lock: a duplicate job may have finished it while we waited.
      const [current]: { status: ImportStatus; rows: unknown[] }[] = await manager.query(
        'SELECT status, rows FROM student_imports WHERE id = $1 FOR UPDATE',
        [importId],
      );
      if (!current || current.status !== 'running') {
        return { importId, status: current?.status ?? 'missing', processed: false };
      }
      return this.apply(manager, importId, universityId, current.rows);
    });
  }

  /** The job is failed for good: so is the import (`import.failed`), unless it finished meanwhile. */
  async markFailed(manager: EntityManager, importId: string, reason: string): Promise<void> {
    const now = this.clock.now();
    // An UPDATE answers [rows, rowCount].
    const [[failed]]: [{ universityId: string; reason: string }[], number] = await manager.query(
      `UPDATE student_imports
          SET status = 'failed', failure_reason = $2, finished_at = $3, updated_at = $3, version = version + 1
        WHERE id = $1 AND status IN ('queued', 'running')
      RETURNING university_id AS "universityId", failure_reason AS reason`,
      [importId, reason.slice(0, 1000), now],
    );
    if (!failed) return;
    await this.domainEvents.publish<ImportFailed>(manager, {
      type: IMPORT_EVENTS.failed,
      importId,
      universityId: failed.universityId,
      reason: failed.reason,
    });
  }

  /** A run failed and the job will try again later: pollers see `queued` meanwhile. */
  async markQueued(manager: EntityManager, importId: string): Promise<void> {
    await manager.query(
      `UPDATE student_imports SET status = 'queued', updated_at = $2, version = version + 1
        WHERE id = $1 AND status = 'running'`,
      [importId, this.clock.now()],
    );
  }

  /**
   * Its own short transaction, so pollers see `running` while the work is under way. A failed
   * import runs again only when an operator retried its job.
   */
  private async markRunning(
    importId: string,
  ): Promise<{ universityId: string | null; status: ImportStatus | 'missing' }> {
    const now = this.clock.now();
    const rows: { universityId: string; status: ImportStatus }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE student_imports
            SET status = 'running', started_at = COALESCE(started_at, $2), failure_reason = NULL,
                updated_at = $2, version = version + 1
          WHERE id = $1 AND status IN ('queued', 'running', 'failed')
      RETURNING university_id, status)
       SELECT university_id AS "universityId", status FROM claimed
       UNION ALL
       SELECT NULL, status FROM student_imports WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM claimed)`,
      [importId, now],
    );
    if (rows.length === 0) {
      this.logger.warn(`Student import ${importId} does not exist; job ignored`);
      return { universityId: null, status: 'missing' };
    }
    return rows[0];
  }

  private async apply(
    manager: EntityManager,
    importId: string,
    universityId: string,
    storedRows: unknown[],
  ): Promise<ImportOutcome> {
    const now = this.clock.now();
    // The API strips BSNs before storing; stripping again costs nothing and guards old rows.
    const batch = validateRows(storedRows.map(stripBsn), { today: todayIso(now) });
    const programmeIds = [...new Set(batch.valid.map((v) => v.row.programmeId))];
    const externalIds = batch.valid.map((v) => v.row.externalId);
    const studentNumbers = [...new Set(batch.valid.map((v) => v.row.studentNumber))];
    // Two reads (one transaction holds one connection, so they run one after the other).
    const programmes = new Set(
      [...(await this.directory.programmesByIds(manager, programmeIds)).values()]
        .filter((p) => p.universityId === universityId)
        .map((p) => p.id),
    );
    const existing = await this.students.touchedByBatch(
      manager,
      universityId,
      externalIds,
      studentNumbers,
    );
    const plan = planImport(batch, { programmeIds: programmes, existing });

    await this.students.update(manager, universityId, plan.updates, now);
    await this.students.insert(
      manager,
      universityId,
      plan.inserts.map((row) => ({ id: newId(), row })),
      now,
    );

    const counts = {
      created: plan.inserts.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      rejected: plan.rejected,
    };
    await this.complete(manager, importId, universityId, counts, plan.errors);
    return { importId, status: 'completed', processed: true, ...counts };
  }

  /** Counts, errors and `completed`, in the transaction that wrote the students. */
  private async complete(
    manager: EntityManager,
    importId: string,
    universityId: string,
    counts: { created: number; updated: number; unchanged: number; rejected: number },
    errors: ImportRowError[],
  ): Promise<void> {
    await manager.query(
      `UPDATE student_imports
          SET status = 'completed', created = $2, updated = $3, unchanged = $4, rejected = $5, errors = $6::jsonb,
              finished_at = $7, updated_at = $7, version = version + 1
        WHERE id = $1`,
      [
        importId,
        counts.created,
        counts.updated,
        counts.unchanged,
        counts.rejected,
        JSON.stringify(errors),
        this.clock.now(),
      ],
    );
    await this.audit.record(manager, SYSTEM_ACTOR, {
      resourceType: 'student_import',
      resourceId: importId,
      action: 'completed',
      universityId,
      data: counts,
    });
    await this.domainEvents.publish<ImportCompleted>(manager, {
      type: IMPORT_EVENTS.completed,
      importId,
      universityId,
      status: 'completed',
      ...counts,
    });
  }
}

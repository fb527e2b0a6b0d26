import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One durable job path: the `jobs` table replaces the outbox. A trigger notifies the dispatchers
 * (LISTEN jobs_due) when a row becomes due, so work starts at commit instead of the next poll.
 * Work the outbox held, and every document, import and matching run not finished yet, becomes a
 * queued job, so nothing accepted before the upgrade is lost; failed ones become failed jobs an
 * admin can retry.
 */
export class JobPath1795856778804 implements MigrationInterface {
  name = 'JobPath1795856778804';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "jobs" ("id" uuid NOT NULL, "queue" text NOT NULL, "kind" text NOT NULL, "key" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "payload" jsonb NOT NULL, "state" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatch_count" integer NOT NULL DEFAULT '0', "dispatched_at" TIMESTAMP WITH TIME ZONE, "lease_owner" text, "lease_expires_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "last_duration_ms" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_jobs_lease" CHECK (state <> 'running' OR (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL)), CONSTRAINT "ck_jobs_state" CHECK (state IN ('queued', 'running', 'succeeded', 'failed')), CONSTRAINT "PK_cf0a6c42b72fcc7f7c237def345" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_jobs_subject" ON "jobs" ("subject_type", "subject_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_jobs_state" ON "jobs" ("state", "id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_jobs_unfinished" ON "jobs" ("dispatched_at") WHERE state IN ('queued', 'running') AND dispatched_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_jobs_due" ON "jobs" ("next_attempt_at") WHERE state = 'queued' AND dispatched_at IS NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_jobs_key" ON "jobs" ("key") `);

    // Outside the entities (TypeORM does not model triggers): a row that becomes due wakes the
    // dispatchers at commit. Identical payloads in one transaction arrive once.
    await queryRunner.query(`
      CREATE FUNCTION jobs_notify_due() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('jobs_due', NEW.queue);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tr_jobs_notify_due AFTER INSERT OR UPDATE OF dispatched_at, state ON jobs
      FOR EACH ROW WHEN (NEW.state = 'queued' AND NEW.dispatched_at IS NULL)
      EXECUTE FUNCTION jobs_notify_due()`);

    await this.carryOver(queryRunner);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_unsent"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }

  /** Unfinished work of the old path becomes queued jobs; failed work becomes failed jobs. */
  private async carryOver(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO jobs (id, queue, kind, key, subject_type, subject_id, payload, state, last_error, finished_at)
      SELECT gen_random_uuid(), 'documents',
             CASE d.kind WHEN 'preview' THEN 'render-preview' ELSE 'seal-agreement' END,
             CASE d.kind WHEN 'preview' THEN 'preview-' ELSE 'seal-' END || d.agreement_id || '-v' || d.version_number,
             'document', d.id,
             jsonb_build_object('agreementId', d.agreement_id, 'version', d.version_number),
             CASE d.status WHEN 'failed' THEN 'failed' ELSE 'queued' END,
             d.error, CASE d.status WHEN 'failed' THEN now() END
        FROM documents d WHERE d.status <> 'ready'
      ON CONFLICT (key) DO NOTHING`);
    await queryRunner.query(`
      INSERT INTO jobs (id, queue, kind, key, subject_type, subject_id, payload, state, last_error, finished_at)
      SELECT gen_random_uuid(), 'imports', 'student-import', 'student-import-' || i.id, 'student_import', i.id,
             jsonb_build_object('importId', i.id),
             CASE i.status WHEN 'failed' THEN 'failed' ELSE 'queued' END,
             i.failure_reason, CASE i.status WHEN 'failed' THEN now() END
        FROM student_imports i WHERE i.status <> 'completed'
      ON CONFLICT (key) DO NOTHING`);
    await queryRunner.query(`
      INSERT INTO jobs (id, queue, kind, key, subject_type, subject_id, payload, state, last_error, finished_at)
      SELECT gen_random_uuid(), 'matching', 'matching-run', 'matching-run-' || r.id, 'matching_run', r.id,
             jsonb_build_object('runId', r.id),
             CASE r.status WHEN 'failed' THEN 'failed' ELSE 'queued' END,
             r.error, CASE r.status WHEN 'failed' THEN now() END
        FROM matching_runs r WHERE r.status <> 'completed'
      ON CONFLICT (key) DO NOTHING`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" uuid NOT NULL, "queue" text NOT NULL, "job_name" text NOT NULL, "job_id" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_unsent" ON "outbox" ("id") WHERE sent_at IS NULL`,
    );
    // Unfinished jobs go back to the outbox, so the old relay hands them over.
    await queryRunner.query(`
      INSERT INTO outbox (id, queue, job_name, job_id, payload)
      SELECT id, queue, kind, key, payload FROM jobs WHERE state IN ('queued', 'running')`);
    await queryRunner.query(`DROP TRIGGER tr_jobs_notify_due ON jobs`);
    await queryRunner.query(`DROP FUNCTION jobs_notify_due()`);
    await queryRunner.query(`DROP INDEX "public"."uq_jobs_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_jobs_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_jobs_unfinished"`);
    await queryRunner.query(`DROP INDEX "public"."ix_jobs_state"`);
    await queryRunner.query(`DROP INDEX "public"."ix_jobs_subject"`);
    await queryRunner.query(`DROP TABLE "jobs"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The guidance log of an employment (placements' table): one row per week starting on a Monday,
 * guided or absent with a reason, with the supervisor's hours. The unique key (employment, week)
 * is what the bulk upsert conflicts on and the index the subsidy aggregation reads by. Generated.
 */
export class GuidanceWeeks1796400100000 implements MigrationInterface {
  name = 'GuidanceWeeks1796400100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "guidance_weeks" ("id" uuid NOT NULL, "employment_id" uuid NOT NULL, "week_start" date NOT NULL, "guided" boolean NOT NULL, "absence_reason" text, "supervisor_hours" numeric(4,2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_guidance_weeks_hours" CHECK (supervisor_hours IS NULL OR (supervisor_hours >= 0 AND supervisor_hours <= 40)), CONSTRAINT "ck_guidance_weeks_absence" CHECK ((guided AND absence_reason IS NULL) OR (NOT guided AND absence_reason IN ('illness', 'holiday', 'other'))), CONSTRAINT "ck_guidance_weeks_monday" CHECK (EXTRACT(ISODOW FROM week_start) = 1), CONSTRAINT "PK_836a48b571693702bd5ca91c4db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_guidance_weeks_employment_week" ON "guidance_weeks" ("employment_id", "week_start") `,
    );
    await queryRunner.query(
      `ALTER TABLE "guidance_weeks" ADD CONSTRAINT "FK_2ac156d63d5100ed262acd681be" FOREIGN KEY ("employment_id") REFERENCES "employments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "guidance_weeks"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Progress meetings, workplace visits and assessments per agreement (the monitoring module). */
export class ProgressMeetings1796400200000 implements MigrationInterface {
  name = 'ProgressMeetings1796400200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "progress_meetings" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "agreement_id" uuid NOT NULL, "university_id" uuid NOT NULL, "kind" text NOT NULL, "held_on" date NOT NULL, "attendees" text array NOT NULL, "notes" text, "competences" jsonb NOT NULL DEFAULT '[]', "complete" boolean NOT NULL, "recorded_by_kind" text NOT NULL, "recorded_by" uuid NOT NULL, CONSTRAINT "ck_progress_meetings_recorded_by_kind" CHECK (recorded_by_kind IN ('user', 'api_key')), CONSTRAINT "ck_progress_meetings_attendees" CHECK (cardinality(attendees) > 0 AND attendees <@ ARRAY['student', 'university', 'employer', 'host', 'supervisor']::text[]), CONSTRAINT "ck_progress_meetings_kind" CHECK (kind IN ('progress_meeting', 'workplace_visit', 'assessment')), CONSTRAINT "PK_progress_meetings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_progress_meetings_agreement" ON "progress_meetings" ("agreement_id", "kind", "held_on") `,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_meetings" ADD CONSTRAINT "FK_1b906cfe87fbdc48026098e8cf4" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "progress_meetings" DROP CONSTRAINT "FK_1b906cfe87fbdc48026098e8cf4"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_progress_meetings_agreement"`);
    await queryRunner.query(`DROP TABLE "progress_meetings"`);
  }
}

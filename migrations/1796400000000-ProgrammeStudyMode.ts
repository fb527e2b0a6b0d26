import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programmes gain their study mode (CROHO opleidingsvorm: full_time, part_time, dual), which the
 * practical-learning subsidy depends on. Existing rows become dual: the platform registers
 * programmes for work-study routes under a tripartite agreement, which is what a dual programme
 * is (WHW art. 7.7(5)). The CROHO sector gets the check constraint it lacked, over the complete
 * list of hbo sectors (law and science added).
 */
export class ProgrammeStudyMode1796400000000 implements MigrationInterface {
  name = 'ProgrammeStudyMode1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "programmes" ADD "study_mode" text NOT NULL DEFAULT 'dual'`,
    );
    await queryRunner.query(
      `ALTER TABLE "programmes" ADD CONSTRAINT "ck_programmes_study_mode" CHECK (study_mode IN ('full_time', 'part_time', 'dual'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "programmes" ADD CONSTRAINT "ck_programmes_croho_sector" CHECK (croho_sector IS NULL OR croho_sector IN ('technology', 'agriculture_natural_environment', 'health_care', 'behaviour_society', 'economics', 'education', 'language_culture', 'law', 'science', 'cross_sector'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "programmes" DROP CONSTRAINT "ck_programmes_croho_sector"`,
    );
    await queryRunner.query(`ALTER TABLE "programmes" DROP CONSTRAINT "ck_programmes_study_mode"`);
    await queryRunner.query(`ALTER TABLE "programmes" DROP COLUMN "study_mode"`);
  }
}

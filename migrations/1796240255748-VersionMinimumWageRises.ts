import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each agreement version keeps the dates from which its salary must rise to the statutory
 * minimum (youth rates rise at each birthday, rates are indexed), so the view and the PDF show
 * what the version was written and signed with. Generated; the generator's other proposals
 * (dropping the exclusion constraints and the membership key it cannot declare) are left out.
 */
export class VersionMinimumWageRises1796240255748 implements MigrationInterface {
  name = 'VersionMinimumWageRises1796240255748';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "agreement_versions" ADD "minimum_wage_rises" jsonb NOT NULL DEFAULT '[]'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreement_versions" DROP COLUMN "minimum_wage_rises"`);
  }
}

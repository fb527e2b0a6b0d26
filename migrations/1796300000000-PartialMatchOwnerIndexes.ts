import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The indexes on matches by company and by foundation leave out the rows without one: every
 * lookup names the company or foundation (`company_id = $1`, which implies NOT NULL), and a
 * run's proposals, inserted in one statement, no longer pay an index entry for a foundation
 * they do not have.
 */
export class PartialMatchOwnerIndexes1796300000000 implements MigrationInterface {
  name = 'PartialMatchOwnerIndexes1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_matches_company"`);
    await queryRunner.query(`DROP INDEX "public"."ix_matches_foundation"`);
    await queryRunner.query(
      `CREATE INDEX "ix_matches_company" ON "matches" ("company_id", "id") WHERE company_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_matches_foundation" ON "matches" ("foundation_id", "id") WHERE foundation_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_matches_foundation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_matches_company"`);
    await queryRunner.query(
      `CREATE INDEX "ix_matches_foundation" ON "matches" ("foundation_id", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_matches_company" ON "matches" ("company_id", "id") `);
  }
}

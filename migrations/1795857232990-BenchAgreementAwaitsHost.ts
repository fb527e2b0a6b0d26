import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A foundation's agreement may await its host while it is a draft that was never in force: a
 * student placed from a foundation vacancy that names no host starts "on the bench", and the
 * draft prefilled at acceptance gets its host later (submit refuses it until then). Written by
 * hand: TypeORM's generator does not diff CHECK expressions (and would drop the exclusion
 * constraints it does not know).
 */
export class BenchAgreementAwaitsHost1795857232990 implements MigrationInterface {
  name = 'BenchAgreementAwaitsHost1795857232990';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreements" DROP CONSTRAINT "ck_agreements_employer"`);
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "ck_agreements_employer" CHECK ((employer_type = 'company' AND employer_company_id IS NOT NULL AND employer_foundation_id IS NULL AND host_company_id IS NULL)
  OR (employer_type = 'foundation' AND employer_foundation_id IS NOT NULL AND employer_company_id IS NULL
      AND (host_company_id IS NOT NULL OR (in_force_version_number IS NULL AND status IN ('draft', 'cancelled')))))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreements" DROP CONSTRAINT "ck_agreements_employer"`);
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "ck_agreements_employer" CHECK ((employer_type = 'company' AND employer_company_id IS NOT NULL AND employer_foundation_id IS NULL AND host_company_id IS NULL)
  OR (employer_type = 'foundation' AND employer_foundation_id IS NOT NULL AND employer_company_id IS NULL AND host_company_id IS NOT NULL))`,
    );
  }
}

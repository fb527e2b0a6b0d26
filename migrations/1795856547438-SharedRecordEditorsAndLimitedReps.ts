import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10 (tenant isolation): company reps and foundation staff may carry the one university
 * they are limited to (a coordinator's invitation), and shared directory records remember the
 * university that registered them (its coordinators may edit them).
 */
export class SharedRecordEditorsAndLimitedReps1795856547438 implements MigrationInterface {
  name = 'SharedRecordEditorsAndLimitedReps1795856547438';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_role_scope"`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "ck_users_role_scope" CHECK ((role = 'admin' AND university_id IS NULL AND foundation_id IS NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'coordinator' AND university_id IS NOT NULL AND foundation_id IS NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'foundation_staff' AND foundation_id IS NOT NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'company_rep' AND company_id IS NOT NULL AND foundation_id IS NULL AND student_id IS NULL)
  OR (role = 'student' AND student_id IS NOT NULL AND university_id IS NOT NULL AND foundation_id IS NULL AND company_id IS NULL))`);
    for (const [table, fk] of [
      ['companies', 'FK_f21c343fd94853e45858f62ffef'],
      ['foundations', 'FK_70e2cadefdee9a270b8c73bac2c'],
      ['sector_associations', 'FK_5169a97f78c51ac49e489ecb6ec'],
    ]) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "registered_by_university_id" uuid`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${fk}" FOREIGN KEY ("registered_by_university_id") REFERENCES "universities"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
      );
      // Records registered before: the university of the coordinator whose creation was audited.
      const resourceType =
        table === 'companies'
          ? 'company'
          : table === 'foundations'
            ? 'foundation'
            : 'sector_association';
      await queryRunner.query(
        `UPDATE "${table}" r SET registered_by_university_id = u.university_id
           FROM audit_events ae JOIN users u ON u.id = ae.actor_id AND u.role = 'coordinator'
          WHERE ae.resource_type = $1 AND ae.action = 'created' AND ae.resource_id = r.id`,
        [resourceType],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, fk] of [
      ['sector_associations', 'FK_5169a97f78c51ac49e489ecb6ec'],
      ['foundations', 'FK_70e2cadefdee9a270b8c73bac2c'],
      ['companies', 'FK_f21c343fd94853e45858f62ffef'],
    ]) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${fk}"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "registered_by_university_id"`);
    }
    // Limited company reps and foundation staff lose their limit: they cannot stay limited, and
    // an unlimited account is more than they were granted, so they are deactivated.
    await queryRunner.query(
      `UPDATE users SET active = false, university_id = NULL WHERE role IN ('company_rep', 'foundation_staff') AND university_id IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_role_scope"`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "ck_users_role_scope" CHECK ((role = 'admin' AND university_id IS NULL AND foundation_id IS NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'coordinator' AND university_id IS NOT NULL AND foundation_id IS NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'foundation_staff' AND foundation_id IS NOT NULL AND university_id IS NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'company_rep' AND company_id IS NOT NULL AND university_id IS NULL AND foundation_id IS NULL AND student_id IS NULL)
  OR (role = 'student' AND student_id IS NOT NULL AND university_id IS NOT NULL AND foundation_id IS NULL AND company_id IS NULL))`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Keyset pages of one university's students read 51 index entries instead of sorting them all. */
export class StudentsUniversityIdIndex1795435269400 implements MigrationInterface {
  name = 'StudentsUniversityIdIndex1795435269400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_students_university_id" ON "students" ("university_id", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_students_university_id"`);
  }
}

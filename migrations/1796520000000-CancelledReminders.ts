import { MigrationInterface, QueryRunner } from 'typeorm';

/** A reminder written but not yet sent when its signature stopped being awaited is `cancelled`. */
export class CancelledReminders1796520000000 implements MigrationInterface {
  name = 'CancelledReminders1796520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "ck_messages_status"`);
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "ck_messages_status" CHECK (status IN ('pending', 'sent', 'failed', 'cancelled'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "ck_messages_status"`);
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "ck_messages_status" CHECK (status IN ('pending', 'sent', 'failed'))`,
    );
  }
}

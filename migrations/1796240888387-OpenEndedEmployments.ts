import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A permanent employment contract has no end date: employments.end_date becomes nullable. The
 * exclusion constraint needs no change: daterange(start_date, NULL, '[]') is open-ended
 * ([start,)), so it overlaps every later period of the student. The triggers that keep
 * secondments inside their employment said the same through NULL comparisons; they now say it
 * in words (an employment without end date holds a secondment ending on any date). Generated for
 * the column; the generator's other proposals (dropping the exclusion constraints and the
 * membership key it cannot declare) are left out.
 */
export class OpenEndedEmployments1796240888387 implements MigrationInterface {
  name = 'OpenEndedEmployments1796240888387';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "employments" ALTER COLUMN "end_date" DROP NOT NULL`);
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION secondment_inside_employment() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE e employments%ROWTYPE;
            BEGIN
              SELECT * INTO e FROM employments WHERE id = NEW.employment_id FOR SHARE;
              IF e.employer_type <> 'foundation' OR e.employer_foundation_id <> NEW.foundation_id THEN
                RAISE EXCEPTION 'a secondment belongs to an employment by its foundation'
                  USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_secondments_foundation_employment';
              END IF;
              IF NEW.start_date < e.start_date OR (e.end_date IS NOT NULL AND NEW.end_date > e.end_date) THEN
                RAISE EXCEPTION 'secondment % – % lies outside its employment % – %', NEW.start_date, NEW.end_date, e.start_date, COALESCE(e.end_date::text, '(no end date)')
                  USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_secondments_inside_employment';
              END IF;
              RETURN NEW;
            END $$`);
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION employment_keeps_secondments() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM secondments s WHERE s.employment_id = NEW.id
                           AND (s.start_date < NEW.start_date OR (NEW.end_date IS NOT NULL AND s.end_date > NEW.end_date))) THEN
                RAISE EXCEPTION 'the employment period must keep its secondments inside it'
                  USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_secondments_inside_employment';
              END IF;
              RETURN NEW;
            END $$`);
  }

  /** Fails while an employment has no end date: give those one first. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION employment_keeps_secondments() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM secondments s WHERE s.employment_id = NEW.id
                           AND (s.start_date < NEW.start_date OR s.end_date > NEW.end_date)) THEN
                RAISE EXCEPTION 'the employment period must keep its secondments inside it'
                  USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_secondments_inside_employment';
              END IF;
              RETURN NEW;
            END $$`);
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION secondment_inside_employment() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE e employments%ROWTYPE;
            BEGIN
              SELECT * INTO e FROM employments WHERE id = NEW.employment_id FOR SHARE;
              IF e.employer_type <> 'foundation' OR e.employer_foundation_id <> NEW.foundation_id THEN
                RAISE EXCEPTION 'a secondment belongs to an employment by its foundation'
                  USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_secondments_foundation_employment';
              END IF;
              IF NEW.start_date < e.start_date OR NEW.end_date > e.end_date THEN
                RAISE EXCEPTION 'secondment % – % lies outside its employment % – %', NEW.start_date, NEW.end_date, e.start_date, e.end_date
                  USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_secondments_inside_employment';
              END IF;
              RETURN NEW;
            END $$`);
    await queryRunner.query(`ALTER TABLE "employments" ALTER COLUMN "end_date" SET NOT NULL`);
  }
}

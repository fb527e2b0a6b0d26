import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StudentBulkUpsert } from './student-bulk-upsert';
import { StudentReads } from './student-reads';
import { STUDENTS_ENTITIES } from './students.entities';

/**
 * The students' table and what other modules read and write of it, without controllers, so the
 * worker (student imports) can import it without serving the students' routes.
 */
@Module({
  imports: [TypeOrmModule.forFeature(STUDENTS_ENTITIES)],
  providers: [StudentReads, StudentBulkUpsert],
  exports: [TypeOrmModule, StudentReads, StudentBulkUpsert],
})
export class StudentsDataModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StudentBulkUpsert } from './student-bulk-upsert';
import { StudentReads } from './student-reads';
import { STUDENTS_ENTITIES } from './students.entities';

/**
 * The students' table, its read port (StudentReads) and the import's bulk writer, without
 * controllers: what another module imports to read students, the worker included (matching runs,
 * student imports), without serving the students' routes. StudentsModule re-exports it.
 */
@Module({
  imports: [TypeOrmModule.forFeature(STUDENTS_ENTITIES)],
  providers: [StudentReads, StudentBulkUpsert],
  exports: [TypeOrmModule, StudentReads, StudentBulkUpsert],
})
export class StudentsDataModule {}

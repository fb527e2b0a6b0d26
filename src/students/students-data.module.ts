import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StudentBulkUpsert } from './student-bulk-upsert';
import { StudentReads } from './student-reads';
import { StudentVisibility } from './student-visibility';
import { STUDENTS_ENTITIES } from './students.entities';

/**
 * The students' table, its read port (StudentReads), who sees a student (StudentVisibility, where
 * the owners of placements, agreements and matches register their part) and the import's bulk
 * writer, without controllers: what another module imports to read students, the worker included
 * (matching runs, student imports), without serving the students' routes. StudentsModule
 * re-exports it. A process with only this module reads students under the students' own rules;
 * reading them as a company or foundation fails there (see StudentVisibility).
 */
@Module({
  imports: [TypeOrmModule.forFeature(STUDENTS_ENTITIES)],
  providers: [StudentReads, StudentBulkUpsert, StudentVisibility],
  exports: [TypeOrmModule, StudentReads, StudentBulkUpsert, StudentVisibility],
})
export class StudentsDataModule {}

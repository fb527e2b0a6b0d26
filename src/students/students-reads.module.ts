import { Module } from '@nestjs/common';
import { StudentMatchingReads } from './student-matching-reads';

/**
 * The students module's read ports without its controller or service: what another module's
 * worker (an application context without HTTP) imports to read students.
 */
@Module({
  providers: [StudentMatchingReads],
  exports: [StudentMatchingReads],
})
export class StudentsReadsModule {}

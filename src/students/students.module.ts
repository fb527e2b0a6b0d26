import { Module } from '@nestjs/common';
import { StudentLookups } from './student-lookups.service';
import { StudentsController } from './students.controller';
import { StudentsService } from './students.service';

/** Students of a university (registration, lookup, what they seek). */
@Module({
  controllers: [StudentsController],
  providers: [StudentsService, StudentLookups],
  exports: [StudentsService, StudentLookups],
})
export class StudentsModule {}

import { Module } from '@nestjs/common';
import { StudentsController } from './students.controller';
import { StudentsService } from './students.service';
import { StudentsReadsModule } from './students-reads.module';

/** Students of a university (registration, lookup, what they seek). */
@Module({
  imports: [StudentsReadsModule],
  controllers: [StudentsController],
  providers: [StudentsService],
  exports: [StudentsService, StudentsReadsModule],
})
export class StudentsModule {}

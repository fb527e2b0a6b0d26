import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { StudentsDataModule } from './students-data.module';
import { StudentLookups } from './student-lookups.service';
import { StudentsController } from './students.controller';
import { StudentsService } from './students.service';
import { StudentsReadsModule } from './students-reads.module';

/** Students of a university (registration, lookup, what they seek). */
@Module({
  imports: [StudentsDataModule, StudentsReadsModule, DirectoryModule],
  controllers: [StudentsController],
  providers: [StudentsService, StudentLookups],
  exports: [StudentsService, StudentLookups, StudentsDataModule, StudentsReadsModule],
})
export class StudentsModule {}

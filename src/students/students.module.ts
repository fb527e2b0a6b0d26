import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { StudentsDataModule } from './students-data.module';
import { StudentsController } from './students.controller';
import { StudentsService } from './students.service';

/** Students of a university (registration, lookup, what they seek). */
@Module({
  imports: [StudentsDataModule, DirectoryModule],
  controllers: [StudentsController],
  providers: [StudentsService],
  exports: [StudentsService, StudentsDataModule],
})
export class StudentsModule {}

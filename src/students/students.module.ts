import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { StudentVisibility } from './student-visibility';
import { StudentsDataModule } from './students-data.module';
import { StudentsController } from './students.controller';
import { StudentsService } from './students.service';

/**
 * Students of a university (registration, lookup, what they seek). A process that serves the
 * students' routes serves them to companies and foundations too, so it refuses to start unless
 * every owner of the records that place a student with them has registered (StudentVisibility);
 * contributors register in their modules' onModuleInit, which has run for all by bootstrap.
 */
@Module({
  imports: [StudentsDataModule, DirectoryModule],
  controllers: [StudentsController],
  providers: [StudentsService],
  exports: [StudentsService, StudentsDataModule],
})
export class StudentsModule implements OnApplicationBootstrap {
  constructor(private readonly visibility: StudentVisibility) {}

  onApplicationBootstrap(): void {
    this.visibility.assertComplete();
  }
}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryDataModule } from '../directory/directory-data.module';
import { StudentsDataModule } from '../students/students-data.module';
import { INTEGRATIONS_ENTITIES } from './integrations.entities';
import { StudentImportHandler } from './student-import.handler';
import { StudentImportRunner } from './student-import.runner';

/** The worker side of integrations: student imports (jobs). */
@Module({
  imports: [
    TypeOrmModule.forFeature(INTEGRATIONS_ENTITIES),
    DirectoryDataModule,
    StudentsDataModule,
  ],
  providers: [StudentImportHandler, StudentImportRunner],
})
export class IntegrationsWorkerModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryDataModule } from '../directory/directory-data.module';
import { StudentsDataModule } from '../students/students-data.module';
import { MatchingInputs } from './matching-inputs';
import { MatchingRunHandler } from './matching-run.handler';
import { MatchingRunRunner } from './matching-run.runner';
import { MATCHING_ENTITIES } from './matching.entities';

/**
 * The worker side of matching: whole-cohort runs (jobs). It reads students and reference data
 * through their owners' data modules (no controllers, nothing of the HTTP side).
 */
@Module({
  imports: [TypeOrmModule.forFeature(MATCHING_ENTITIES), DirectoryDataModule, StudentsDataModule],
  providers: [MatchingRunHandler, MatchingRunRunner, MatchingInputs],
})
export class MatchingWorkerModule {}

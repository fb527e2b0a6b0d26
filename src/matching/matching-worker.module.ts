import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryReadsModule } from '../directory/directory-reads.module';
import { StudentsReadsModule } from '../students/students-reads.module';
import { MatchingInputs } from './matching-inputs';
import { MatchingRunHandler } from './matching-run.handler';
import { MatchingRunRunner } from './matching-run.runner';
import { MATCHING_ENTITIES } from './matching.entities';

/**
 * The worker side of matching: whole-cohort runs (jobs). It reads students and reference data
 * through their owners' read modules (no controllers, nothing of the HTTP side).
 */
@Module({
  imports: [TypeOrmModule.forFeature(MATCHING_ENTITIES), DirectoryReadsModule, StudentsReadsModule],
  providers: [MatchingRunHandler, MatchingRunRunner, MatchingInputs],
})
export class MatchingWorkerModule {}

import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsModule } from '../agreements/agreements.module';
import { DirectoryModule } from '../directory/directory.module';
import { StudentsDataModule } from '../students/students-data.module';
import { EmploymentsService } from './employments.service';
import { FoundationViewsService } from './foundation-views.service';
import { GuidanceWeeksService } from './guidance-weeks.service';
import { PlacementCoaching } from './placement-coaching';
import { PlacementStudentVisibility } from './placement-student-visibility';
import { PlacementSubsidyReads } from './placement-subsidy-reads';
import { PlacementWorkingRelations } from './placement-working-relations';
import { PLACEMENTS_ENTITIES } from './placements.entities';
import { placementsConfig } from './placements.config';
import { PlacementsController } from './placements.controller';
import { RotationPlansService } from './rotation-plans.service';
import { SecondmentsService } from './secondments.service';

/** Employments, secondments (re-secondments, bench days, rotation plans): the foundation's side. */
@Module({
  imports: [
    ConfigModule.forFeature(placementsConfig),
    TypeOrmModule.forFeature(PLACEMENTS_ENTITIES),
    AgreementsModule,
    DirectoryModule,
    StudentsDataModule,
  ],
  controllers: [PlacementsController],
  providers: [
    EmploymentsService,
    SecondmentsService,
    RotationPlansService,
    FoundationViewsService,
    GuidanceWeeksService,
    PlacementWorkingRelations,
    PlacementStudentVisibility,
    PlacementCoaching,
    PlacementSubsidyReads,
  ],
  exports: [EmploymentsService, SecondmentsService, PlacementSubsidyReads],
})
export class PlacementsModule {}

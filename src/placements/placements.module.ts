import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AgreementsModule } from '../agreements/agreements.module';
import { EmploymentsService } from './employments.service';
import { FoundationViewsService } from './foundation-views.service';
import { placementsConfig } from './placements.config';
import { PlacementsController } from './placements.controller';
import { RotationPlansService } from './rotation-plans.service';
import { SecondmentsService } from './secondments.service';

/** Employments, secondments (re-secondments, bench days, rotation plans): the foundation's side. */
@Module({
  imports: [ConfigModule.forFeature(placementsConfig), AgreementsModule],
  controllers: [PlacementsController],
  providers: [EmploymentsService, SecondmentsService, RotationPlansService, FoundationViewsService],
  exports: [EmploymentsService, SecondmentsService],
})
export class PlacementsModule {}

import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsModule } from '../agreements/agreements.module';
import { DirectoryModule } from '../directory/directory.module';
import { PlacementsModule } from '../placements/placements.module';
import { StudentsDataModule } from '../students/students-data.module';
import { MatchScorer } from './match-scorer';
import { MatchesService } from './matches.service';
import { MatchingInputs } from './matching-inputs';
import { MatchingRunsService } from './matching-runs.service';
import { MatchingController } from './matching.controller';
import { MatchingStudentVisibility } from './matching-student-visibility';
import { MatchingWorkingRelations } from './matching-working-relations';
import { matchingConfig } from './matching.config';
import { MATCHING_ENTITIES } from './matching.entities';
import { PlacementOnAcceptance } from './placement-on-acceptance';
import { SeekingService } from './seeking.service';
import { ShortlistsService } from './shortlists.service';
import { VacanciesService } from './vacancies.service';
import { VacancyHost } from './vacancy-host';

/** Vacancies, what students seek, explainable shortlists, matches and placement on acceptance. */
@Module({
  imports: [
    ConfigModule.forFeature(matchingConfig),
    TypeOrmModule.forFeature(MATCHING_ENTITIES),
    AgreementsModule,
    PlacementsModule,
    DirectoryModule,
    StudentsDataModule,
  ],
  controllers: [MatchingController],
  providers: [
    MatchingRunsService,
    VacanciesService,
    VacancyHost,
    SeekingService,
    ShortlistsService,
    MatchesService,
    MatchScorer,
    MatchingInputs,
    PlacementOnAcceptance,
    MatchingWorkingRelations,
    MatchingStudentVisibility,
  ],
})
export class MatchingModule {}

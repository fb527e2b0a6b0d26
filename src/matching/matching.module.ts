import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AgreementsModule } from '../agreements/agreements.module';
import { DirectoryModule } from '../directory/directory.module';
import { PlacementsModule } from '../placements/placements.module';
import { MatchScorer } from './match-scorer';
import { MatchesService } from './matches.service';
import { MatchingRunsService } from './matching-runs.service';
import { MatchingController } from './matching.controller';
import { MatchingWorkingRelations } from './matching-working-relations';
import { matchingConfig } from './matching.config';
import { PlacementOnAcceptance } from './placement-on-acceptance';
import { SeekingService } from './seeking.service';
import { ShortlistsService } from './shortlists.service';
import { VacanciesService } from './vacancies.service';

/** Vacancies, what students seek, explainable shortlists, matches and placement on acceptance. */
@Module({
  imports: [ConfigModule.forFeature(matchingConfig), AgreementsModule, PlacementsModule, DirectoryModule],
  controllers: [MatchingController],
  providers: [
    MatchingRunsService,
    VacanciesService,
    SeekingService,
    ShortlistsService,
    MatchesService,
    MatchScorer,
    PlacementOnAcceptance,
    MatchingWorkingRelations,
  ],
})
export class MatchingModule {}

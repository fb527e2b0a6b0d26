import { Match } from './entities/match.entity';
import { MatchingRun } from './entities/matching-run.entity';
import { StudentSeeking } from './entities/seeking.entity';
import { VacancyProgramme } from './entities/vacancy-programme.entity';
import { VacancyRanking } from './entities/vacancy-ranking.entity';
import { Vacancy } from './entities/vacancy.entity';

export const MATCHING_ENTITIES = [
  Vacancy,
  VacancyProgramme,
  VacancyRanking,
  StudentSeeking,
  MatchingRun,
  Match,
];

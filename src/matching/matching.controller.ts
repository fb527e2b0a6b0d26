import {
  ApiPage,
  ApiProblems,
  CurrentPrincipal,
  IfMatch,
  ListQueryDto,
  Principal,
} from '@app/common';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SHARED_RECORD_EDITORS } from '../directory/shared-records';
import { CreateMatchDto, ListMatchesQueryDto, MatchTransitionDto } from './dto/match.dto';
import { CreateMatchingRunDto, ListMatchingRunsQueryDto } from './dto/run.dto';
import { MatchingRunsService } from './matching-runs.service';
import {
  CreateVacancyDto,
  ListVacanciesQueryDto,
  RankingDto,
  SeekingDto,
  UpdateVacancyDto,
} from './dto/vacancy.dto';
import {
  CandidatePageDto,
  MatchDto,
  MatchingRunDto,
  MatchTransitionResultDto,
  RankingResultDto,
  StudentSeekingDto,
  SuggestionPageDto,
  VacancyDto,
} from './dto/matching-responses.dto';
import { MatchesService } from './matches.service';
import { SeekingService } from './seeking.service';
import { ShortlistsService } from './shortlists.service';
import { VacanciesService } from './vacancies.service';

/** How a run orders both sides: the OpenAPI description of POST /matching-runs. */
const MATCHING_RUN_ORDER =
  "Each student's list: first the vacancies the student ranked itself (`preferences` of PUT /students/:id/seeking), in that order, as far as they are acceptable (programme accepted, start date in the window, within the student's travel distance, an open seat; a stated vacancy that is not stays off the list, and GET /students/:id/suggestions lists it under `excluded` with the reasons); then the student's other acceptable vacancies by score (highest first), equal scores by the run's seeded lottery number, then id; `listLength` entries in all, never cutting a stated one. " +
  "Each vacancy's order: first the students its company or foundation ranked (PUT /vacancies/:id/ranking), in that order; then by score, the lottery, id. " +
  'Scores keep explaining every proposal (`score`, `components`). Before it proposes anything, a run is verified against these rules derived afresh from its input (capacity, acceptability, no blocking pair); `stats` reports the figures.';

@ApiTags('matching')
@Controller()
export class MatchingController {
  constructor(
    private readonly vacancies: VacanciesService,
    private readonly seeking: SeekingService,
    private readonly shortlists: ShortlistsService,
    private readonly matches: MatchesService,
    private readonly runs: MatchingRunsService,
  ) {}

  @Post('vacancies')
  @ApiOperation({
    summary: 'Offer a learning workplace (company or foundation)',
    description: `Posting in a company's or foundation's name is editing its shared record. ${SHARED_RECORD_EDITORS}`,
  })
  @ApiCreatedResponse({ type: VacancyDto })
  @ApiProblems({ 403: "You may not post in this company's or foundation's name" })
  createVacancy(@CurrentPrincipal() p: Principal, @Body() dto: CreateVacancyDto) {
    return this.vacancies.create(p, dto);
  }

  @Get('vacancies')
  @ApiOperation({ summary: 'Vacancies the caller may see; filter by status, owner or programme' })
  @ApiPage(VacancyDto)
  listVacancies(@CurrentPrincipal() p: Principal, @Query() query: ListVacanciesQueryDto) {
    return this.vacancies.list(p, query);
  }

  @Get('vacancies/:id')
  @ApiOperation({ summary: 'A vacancy with its programmes and open seats' })
  @ApiOkResponse({ type: VacancyDto })
  getVacancy(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.vacancies.get(p, id);
  }

  @Patch('vacancies/:id')
  @ApiOperation({
    summary:
      "Edit a vacancy (title, capacity, status, hours, host, supervisor) — its company's or foundation's editors",
    description:
      SHARED_RECORD_EDITORS +
      " A foundation vacancy's `hostCompanyId` (a member of the foundation, or null) is the first secondment of whoever accepts; open matches follow it, and a supervisor of the previous host is cleared. 409 on a stale If-Match; 422 naming the field otherwise.",
  })
  @ApiOkResponse({ type: VacancyDto })
  @ApiProblems({ 403: 'You may read but not edit this vacancy' })
  updateVacancy(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateVacancyDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.vacancies.update(p, id, dto, ifMatch);
  }

  @Put('vacancies/:id/ranking')
  @ApiOperation({
    summary: "The company's ranking of candidates (first = most preferred)",
    description:
      "By the vacancy's own company or foundation (not a rep limited to one university) or an admin. Candidates are students the caller can see; any other id is refused like an unknown one (422).",
  })
  @ApiOkResponse({ type: RankingResultDto })
  @ApiProblems({
    403: "Only the vacancy's company or foundation (or an admin) ranks its candidates",
  })
  setRanking(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RankingDto,
  ) {
    return this.vacancies.setRanking(p, id, dto);
  }

  @Get('vacancies/:id/candidates')
  @ApiOperation({ summary: 'Ranked students for a vacancy, each with its score components' })
  @ApiOkResponse({ type: CandidatePageDto })
  @ApiProblems({ 403: 'Only admins and coordinators list candidates' })
  candidates(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListQueryDto,
  ) {
    return this.shortlists.candidates(p, id, query);
  }

  @Get('students/:id/suggestions')
  @ApiOperation({ summary: 'Ranked vacancies for a student, each with its score components' })
  @ApiOkResponse({ type: SuggestionPageDto })
  suggestions(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListQueryDto,
  ) {
    return this.shortlists.suggestions(p, id, query);
  }

  @Get('students/:id/seeking')
  @ApiOperation({ summary: 'What the student seeks (404 until it was stated)' })
  @ApiOkResponse({ type: StudentSeekingDto })
  getSeeking(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.seeking.get(p, id);
  }

  @Put('students/:id/seeking')
  @ApiOperation({
    summary:
      'What the student seeks: start date, location, travel distance, hours, sectors, preferences',
  })
  @ApiOkResponse({ type: StudentSeekingDto })
  @ApiProblems({ 403: 'You may read but not state what this student seeks' })
  putSeeking(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SeekingDto,
  ) {
    return this.seeking.put(p, id, dto);
  }

  @Post('matching-runs')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Whole-cohort matching (student-proposing deferred acceptance); poll GET /matching-runs/:id',
    description: MATCHING_RUN_ORDER,
  })
  @ApiAcceptedResponse({ type: MatchingRunDto, description: 'Queued; poll its status' })
  @ApiProblems({ 403: 'Only admins and coordinators start matching runs' })
  createRun(@CurrentPrincipal() p: Principal, @Body() dto: CreateMatchingRunDto) {
    return this.runs.create(p, dto);
  }

  @Get('matching-runs')
  @ApiOperation({ summary: "Matching runs of the caller's universities, newest last" })
  @ApiPage(MatchingRunDto)
  listRuns(@CurrentPrincipal() p: Principal, @Query() query: ListMatchingRunsQueryDto) {
    return this.runs.list(p, query);
  }

  @Get('matching-runs/:id')
  @ApiOperation({
    summary: 'Status, seed, input/output hashes and figures; proposals via GET /matches?runId=',
  })
  @ApiOkResponse({ type: MatchingRunDto })
  getRun(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.runs.get(p, id);
  }

  @Post('matches')
  @ApiOperation({ summary: 'Propose a student for a vacancy (coordinator)' })
  @ApiCreatedResponse({ type: MatchDto })
  @ApiProblems({
    403: 'Only admins and coordinators propose matches',
    409: 'The student already has an open match for this vacancy',
  })
  createMatch(@CurrentPrincipal() p: Principal, @Body() dto: CreateMatchDto) {
    return this.matches.create(p, dto);
  }

  @Get('matches')
  @ApiOperation({
    summary: 'Matches the caller may see; filter by run, student, vacancy or status',
  })
  @ApiPage(MatchDto)
  listMatches(@CurrentPrincipal() p: Principal, @Query() query: ListMatchesQueryDto) {
    return this.matches.list(p, query);
  }

  @Get('matches/:id')
  @ApiOperation({ summary: 'A match with its score components' })
  @ApiOkResponse({ type: MatchDto })
  getMatch(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.matches.get(p, id);
  }

  @Post('matches/:id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move a match: introduced, interviewing, offered, accepted (places the student), declined, withdrawn',
    description:
      "Body `{ to, reason? }` (a reason is required to decline or withdraw). Accepting places the student: employment, for a foundation the first secondment, and a prefilled draft agreement. The coordinator may name the first host and the supervisor (`hostCompanyId?`, `supervisorId?`, a member of the foundation); without one on the body or the vacancy, the student starts on the bench (employed, no secondment; the draft agreement awaits its host). The supervisor is the body's, else the vacancy's, else none (never guessed: the employer names one before submit). The contract (`contractType?`, `contractMonths?`; default fixed_term over the programme's nominal years) decides when the employment ends: a fixed_term one after its months, a permanent one has no end date; the draft agreement covers the programme's nominal years. `placement.supervisor` shows the named supervisor's `trained`, `hoursPerWeek` and coaching `load` today (as GET /companies/:id/supervisors counts it), as `supervisor` does on a vacancy. In the same transaction the student's other open matches are withdrawn (`student_placed`) and, when the vacancy is now filled, its other open matches (`vacancy_filled`); the response lists them as `withdrawn`. 409 when the match was withdrawn meanwhile or the vacancy has no seat; 422 naming the field for a host or supervisor that does not fit; 403 when the caller's side may not take this step.",
  })
  @ApiOkResponse({ type: MatchTransitionResultDto })
  @ApiProblems({
    403: 'Your side may not take this step',
    409: 'Not allowed from the current status, withdrawn meanwhile, or no seat left',
  })
  transition(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MatchTransitionDto,
  ) {
    return this.matches.transition(p, id, dto);
  }
}

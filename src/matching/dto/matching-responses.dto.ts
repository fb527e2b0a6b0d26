import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VACANCY_STATUSES } from '../entities/vacancy.entity';
import { RUN_STATUSES } from '../entities/matching-run.entity';
import { MATCH_STATUSES } from '../match-lifecycle';

/**
 * Response shapes of the matching endpoints (the services answer with entities and views;
 * these classes describe them for the OpenAPI document).
 */
const instant = { type: String, format: 'date-time' };
const date = { type: String, format: 'date' };
const uuidOrNull = { type: String, format: 'uuid', nullable: true };
const freeForm = (description: string) => ({
  type: 'object' as const,
  additionalProperties: true,
  description,
});

export class VacancyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'For If-Match' }) version!: number;
  @ApiProperty(uuidOrNull) companyId!: string | null;
  @ApiProperty(uuidOrNull) foundationId!: string | null;
  @ApiProperty(uuidOrNull) hostCompanyId!: string | null;
  @ApiProperty(uuidOrNull) supervisorId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer' }) capacity!: number;
  @ApiProperty({ type: 'integer' }) seatsTaken!: number;
  @ApiProperty({ type: 'integer' }) openSeats!: number;
  @ApiProperty() hoursPerWeek!: number;
  @ApiProperty({ type: 'integer' }) salaryMinCents!: number;
  @ApiProperty({ type: 'integer' }) salaryMaxCents!: number;
  @ApiProperty(date) startFrom!: string;
  @ApiProperty(date) startTo!: string;
  @ApiProperty() postcode!: string;
  @ApiProperty({ type: Number, nullable: true }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude!: number | null;
  @ApiProperty({ type: String, nullable: true }) sector!: string | null;
  @ApiProperty({ enum: VACANCY_STATUSES }) status!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) programmeIds!: string[];
  @ApiProperty(instant) createdAt!: Date;
  @ApiProperty(instant) updatedAt!: Date;
}

export class RankingResultDto {
  @ApiProperty({ format: 'uuid' }) vacancyId!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'First = most preferred' })
  studentIds!: string[];
}

export class CandidateDto {
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The student: id and name',
  })
  student!: Record<string, unknown>;
  @ApiProperty() score!: number;
  @ApiProperty({ type: 'array', items: freeForm('A weighted score component') })
  components!: Record<string, unknown>[];
}

export class CandidatePageDto {
  @ApiProperty({ format: 'uuid' }) vacancyId!: string;
  @ApiProperty(freeForm('The weights the scores used')) weights!: Record<string, number>;
  @ApiProperty({ type: [CandidateDto] }) data!: CandidateDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class SuggestedVacancyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty(uuidOrNull) companyId!: string | null;
  @ApiProperty(uuidOrNull) foundationId!: string | null;
  @ApiProperty() postcode!: string;
  @ApiProperty({ type: 'integer' }) openSeats!: number;
}

export class SuggestionDto {
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty({ type: SuggestedVacancyDto }) vacancy!: SuggestedVacancyDto;
  @ApiProperty() score!: number;
  @ApiProperty({ type: 'array', items: freeForm('A weighted score component') })
  components!: Record<string, unknown>[];
}

export class SuggestionPageDto {
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty(freeForm('The weights the scores used')) weights!: Record<string, number>;
  @ApiProperty({ type: [SuggestionDto] }) data!: SuggestionDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class StudentSeekingDto {
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty(date) startDate!: string;
  @ApiProperty() postcode!: string;
  @ApiProperty({ type: Number, nullable: true }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude!: number | null;
  @ApiProperty() maxTravelKm!: number;
  @ApiProperty() hoursPerWeek!: number;
  @ApiProperty({ type: [String] }) sectors!: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Vacancy ids, most preferred first' })
  preferences!: string[];
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty(instant) updatedAt!: Date;
}

export class MatchingRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) universityId!: string;
  @ApiProperty(uuidOrNull) programmeId!: string | null;
  @ApiProperty(uuidOrNull) routeId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) cohort!: number | null;
  @ApiProperty() seed!: string;
  @ApiProperty(freeForm('Score weights used')) weights!: Record<string, number>;
  @ApiProperty({ type: 'integer' }) listLength!: number;
  @ApiProperty({ enum: RUN_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) inputHash!: string | null;
  @ApiProperty({ type: String, nullable: true }) outputHash!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    nullable: true,
    description: 'students, seats, matched, unmatched, blockingPairs …',
  })
  stats!: Record<string, number> | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, nullable: true })
  timings!: Record<string, number> | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty(instant) createdAt!: Date;
  @ApiProperty(instant) updatedAt!: Date;
  @ApiProperty({ ...instant, nullable: true }) completedAt!: Date | null;
}

export class MatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty(uuidOrNull) runId!: string | null;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ format: 'uuid' }) vacancyId!: string;
  @ApiProperty({ format: 'uuid' }) universityId!: string;
  @ApiProperty(uuidOrNull) companyId!: string | null;
  @ApiProperty(uuidOrNull) foundationId!: string | null;
  @ApiProperty({ enum: MATCH_STATUSES }) status!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: 'array', items: freeForm('A weighted score component') })
  components!: unknown[];
  @ApiProperty({ ...freeForm('Score weights'), nullable: true }) weights!: Record<
    string,
    number
  > | null;
  @ApiProperty({ type: String, nullable: true }) lastReason!: string | null;
  @ApiProperty(uuidOrNull) employmentId!: string | null;
  @ApiProperty(uuidOrNull) agreementId!: string | null;
  @ApiProperty(instant) createdAt!: Date;
  @ApiProperty(instant) updatedAt!: Date;
}

export class PlacementDto {
  @ApiProperty({ format: 'uuid' }) employmentId!: string;
  @ApiProperty(uuidOrNull) secondmentId!: string | null;
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ type: 'array', items: freeForm('A field warning of the draft agreement') })
  agreementWarnings!: unknown[];
  @ApiProperty(uuidOrNull) hostCompanyId!: string | null;
  @ApiProperty() onBench!: boolean;
  @ApiProperty() vacancyFilled!: boolean;
}

export class MatchTransitionResultDto extends MatchDto {
  @ApiPropertyOptional({ type: PlacementDto, nullable: true, description: 'When accepted' })
  placement?: PlacementDto | null;
  @ApiPropertyOptional({
    type: 'array',
    items: freeForm('A match withdrawn because of this acceptance'),
    description: 'Other open matches withdrawn by the acceptance',
  })
  withdrawn?: unknown[];
}

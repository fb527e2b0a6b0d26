import { REPORT_FORMATS, REPORT_LANGUAGES, ReportFormat, ReportLanguage } from '../report-file';
import { flattenValidationErrors, ValidationError } from '@app/common';
import { PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, validateSync } from 'class-validator';

export class OutcomeReportQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Defaults to the caller’s university; admins: the whole country',
  })
  @IsOptional()
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'routeId must be a UUID' })
  routeId?: string;

  @ApiPropertyOptional({ example: 2026, description: 'Start academic year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'cohort must be a whole year, e.g. 2026' })
  @Min(1990)
  @Max(2100)
  cohort?: number;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be json, csv or pdf' })
  format?: ReportFormat;

  @ApiPropertyOptional({
    enum: REPORT_LANGUAGES,
    default: 'nl',
    description: 'Language of the PDF and CSV file name',
  })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: 'lang must be nl or en' })
  lang?: ReportLanguage;
}

/**
 * A report's query is malformed, not a rule broken: every error is 400 (API.md: a bad format
 * is 400). The parameter is typed as a plain object in the controller so the global pipe (which
 * answers 422 for rule violations) leaves it to this one.
 */
export class OutcomeReportQueryPipe implements PipeTransform {
  transform(value: unknown): OutcomeReportQueryDto {
    const dto = plainToInstance(OutcomeReportQueryDto, value ?? {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw new ValidationError(flattenValidationErrors(errors), 400);
    return dto;
  }
}

const avg = { type: Number, nullable: true, description: 'Average over the values present' };
const n = { type: 'integer' as const, description: 'How many values the average rests on' };
const count = { type: 'integer' as const };

export class OutcomeFiguresDto {
  @ApiProperty(count) students!: number;
  @ApiProperty(count) inProgress!: number;
  @ApiProperty(count) droppedOut!: number;
  @ApiProperty(count) graduatedOnTime!: number;
  @ApiProperty(count) graduatedWithDelay!: number;
  @ApiProperty({ ...count, description: 'Graduated and stayed with the employer' })
  graduatedStayed!: number;
  @ApiProperty({ ...count, description: 'Dropped out and the employment continued' })
  droppedOutStayed!: number;
  @ApiProperty(count) functionSwitches!: number;
  @ApiProperty(count) employerSwitches!: number;
  @ApiProperty(count) workedForEmployerBefore!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Students per intake group',
  })
  intakeGroups!: Record<string, number>;
  @ApiProperty({
    ...count,
    description: 'Distinct companies the students work at (hosts for seconded students)',
  })
  companies!: number;
  @ApiProperty({
    ...avg,
    description:
      'Average of the students’ supervisor hours per week. A student’s hours: the average of ' +
      'the supervisor hours recorded in guided weeks of the guidance log of their employment(s) ' +
      'under the counted agreement (PUT /employments/{id}/guidance-weeks); when the log records ' +
      'none for the student, the hours per week declared for the agreement’s supervisor',
  })
  supervisorHoursPerWeekAvg!: number | null;
  @ApiProperty({
    ...n,
    description: 'Students with supervisor hours, from the guidance log or else declared',
  })
  supervisorHoursPerWeekN!: number;
  @ApiProperty(avg) tuitionReimbursedPercentAvg!: number | null;
  @ApiProperty(n) tuitionReimbursedPercentN!: number;
  @ApiProperty(avg) paidStudyHoursPerWeekAvg!: number | null;
  @ApiProperty(n) paidStudyHoursPerWeekN!: number;
}

export class OutcomeRowDto extends OutcomeFiguresDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null: the programme has no single route',
  })
  routeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) routeName!: string | null;
  @ApiProperty({ type: 'integer' }) cohort!: number;
}

export class OutcomeScopeDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) universityId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) routeId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) cohort!: number | null;
}

export class OutcomeReportDto {
  @ApiProperty({ type: OutcomeScopeDto }) scope!: OutcomeScopeDto;
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description:
      'When the figures were taken. A university’s report is computed when asked (equal to generatedAt); the whole country’s comes from a summary rebuilt every OUTCOME_SUMMARY_REFRESH_SECONDS (default 60), so it may be up to that much older',
  })
  figuresAsOf!: string;
  @ApiProperty({ type: OutcomeFiguresDto }) totals!: OutcomeFiguresDto;
  @ApiProperty({ type: [OutcomeRowDto] }) rows!: OutcomeRowDto[];
}

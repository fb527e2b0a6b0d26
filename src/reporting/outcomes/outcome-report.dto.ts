import { REPORT_FORMATS, REPORT_LANGUAGES, ReportFormat, ReportLanguage } from '../report-file';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/**
 * Validated by ReportQueryPipe (every malformed parameter is a 400 problem); documented by the
 * controller's @ApiQuery decorators.
 */
export class OutcomeReportQueryDto {
  @IsOptional()
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'routeId must be a UUID' })
  routeId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'cohort must be a whole year, e.g. 2026' })
  @Min(1990)
  @Max(2100)
  cohort?: number;

  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be json, csv or pdf' })
  format?: ReportFormat;

  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: 'lang must be nl or en' })
  lang?: ReportLanguage;
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

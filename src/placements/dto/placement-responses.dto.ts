import { ApiProperty } from '@nestjs/swagger';

/** Response shapes of the placement endpoints (entities and views in the services). */
const instant = { type: String, format: 'date-time' };
const date = { type: String, format: 'date' };
const uuidOrNull = { type: String, format: 'uuid', nullable: true };
const freeForm = (description: string) => ({
  type: 'object' as const,
  additionalProperties: true,
  description,
});

export class EmploymentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ format: 'uuid' }) universityId!: string;
  @ApiProperty({ enum: ['company', 'foundation'] }) employerType!: string;
  @ApiProperty(uuidOrNull) employerCompanyId!: string | null;
  @ApiProperty(uuidOrNull) employerFoundationId!: string | null;
  @ApiProperty(date) startDate!: string;
  @ApiProperty(date) endDate!: string;
  @ApiProperty({ enum: ['fixed_term', 'permanent'] }) contractType!: string;
  @ApiProperty() hoursPerWeek!: number;
  @ApiProperty(uuidOrNull) agreementId!: string | null;
  @ApiProperty(uuidOrNull) matchId!: string | null;
  @ApiProperty({
    description:
      "The guidance log's supervisor hours summed over its guided weeks with hours recorded",
  })
  guidedHoursSum!: number;
  @ApiProperty({
    type: 'integer',
    description: 'The number of guided weeks in the guidance log with supervisor hours recorded',
  })
  guidedHoursWeeks!: number;
  @ApiProperty(instant) createdAt!: Date;
  @ApiProperty(instant) updatedAt!: Date;
}

export class SecondmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'uuid' }) employmentId!: string;
  @ApiProperty({ format: 'uuid' }) foundationId!: string;
  @ApiProperty({ format: 'uuid' }) hostCompanyId!: string;
  @ApiProperty(uuidOrNull) supervisorId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) hoursPerWeek!: number | null;
  @ApiProperty(date) startDate!: string;
  @ApiProperty(date) endDate!: string;
  @ApiProperty({ ...instant, nullable: true }) endedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) endReason!: string | null;
  @ApiProperty(instant) createdAt!: Date;
  @ApiProperty(instant) updatedAt!: Date;
}

export class SecondmentListDto {
  @ApiProperty({ type: [SecondmentDto] }) data!: SecondmentDto[];
}

export class EndedSecondmentDto {
  @ApiProperty({ type: SecondmentDto }) ended!: SecondmentDto;
  @ApiProperty({
    type: SecondmentDto,
    nullable: true,
    description: 'The re-secondment, with `next`',
  })
  next!: SecondmentDto | null;
  @ApiProperty({
    ...freeForm('The draft amendment of the agreement for the new host'),
    nullable: true,
  })
  amendment!: Record<string, unknown> | null;
}

export class RotationPlanEntryViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) employmentId!: string;
  @ApiProperty({ format: 'uuid' }) hostCompanyId!: string;
  @ApiProperty(date) startDate!: string;
  @ApiProperty(date) endDate!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty(instant) createdAt!: Date;
  @ApiProperty({ type: 'integer' }) plannedDays!: number;
  @ApiProperty({ type: 'integer' }) coveredDays!: number;
  @ApiProperty({ description: 'How the plan is being met for this period' }) status!: string;
}

export class RotationProgressDto {
  @ApiProperty({ type: 'integer' }) plannedDays!: number;
  @ApiProperty({ type: 'integer' }) coveredDays!: number;
  @ApiProperty() fraction!: number;
}

export class RotationPlanViewDto {
  @ApiProperty({ format: 'uuid' }) employmentId!: string;
  @ApiProperty({ type: [RotationPlanEntryViewDto] }) data!: RotationPlanEntryViewDto[];
  @ApiProperty({ type: RotationProgressDto }) progress!: RotationProgressDto;
}

export class BenchDaysDto {
  @ApiProperty(date) until!: string;
  @ApiProperty({ type: 'integer' }) alertLimitDays!: number;
  @ApiProperty({ type: 'integer' }) alerts!: number;
  @ApiProperty({
    type: 'array',
    items: freeForm('A gap without a host: employment, student, period, days, alert'),
  })
  data!: Record<string, unknown>[];
}

export class FoundationEmployeeDto {
  @ApiProperty({ format: 'uuid' }) employmentId!: string;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty() studentName!: string;
  @ApiProperty({ format: 'uuid' }) universityId!: string;
  @ApiProperty() universityName!: string;
  @ApiProperty(date) startDate!: string;
  @ApiProperty(date) endDate!: string;
  @ApiProperty(uuidOrNull) hostCompanyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) hostName!: string | null;
  @ApiProperty({ ...date, nullable: true }) secondedUntil!: string | null;
  @ApiProperty(uuidOrNull) agreementId!: string | null;
  @ApiProperty({ type: String, nullable: true }) agreementStatus!: string | null;
}

export class FoundationOverviewDto {
  @ApiProperty({ format: 'uuid' }) foundationId!: string;
  @ApiProperty(date) on!: string;
  @ApiProperty({ type: [FoundationEmployeeDto] }) data!: FoundationEmployeeDto[];
}

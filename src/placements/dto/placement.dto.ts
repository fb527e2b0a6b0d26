import { IsCalendarDate, ListQueryDto, trimString } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class EmployerDto {
  @ApiProperty({ enum: ['company', 'foundation'] })
  @IsIn(['company', 'foundation'], { message: 'employer.type must be company or foundation' })
  type!: 'company' | 'foundation';

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'employer.id must be a UUID' })
  id!: string;
}

export class CreateEmploymentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'studentId must be a UUID' })
  studentId!: string;

  @ApiProperty({ type: EmployerDto })
  @ValidateNested()
  @Type(() => EmployerDto)
  employer!: EmployerDto;

  @ApiProperty({ example: '2026-09-01' })
  @IsCalendarDate({ message: 'startDate must be a date YYYY-MM-DD' })
  startDate!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2028-08-31',
    nullable: true,
    description:
      'The last day of the contract: required for a fixed_term contract; a permanent contract may leave it out (or null): the employment has no end date',
  })
  @IsOptional()
  @IsCalendarDate({ message: 'endDate must be a date YYYY-MM-DD' })
  endDate?: string | null;

  @ApiProperty({ enum: ['fixed_term', 'permanent'] })
  @IsIn(['fixed_term', 'permanent'], { message: 'contractType must be fixed_term or permanent' })
  contractType!: 'fixed_term' | 'permanent';

  @ApiProperty({ minimum: 1, maximum: 40 })
  @IsInt({ message: 'hoursPerWeek must be a whole number' })
  @Min(1, { message: 'hoursPerWeek must be at least 1' })
  @Max(40, { message: 'hoursPerWeek must be at most 40' })
  hoursPerWeek!: number;
}

export class ListEmploymentsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'studentId must be a UUID' })
  studentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Employer company or foundation' })
  @IsOptional()
  @IsUUID('all', { message: 'employerId must be a UUID' })
  employerId?: string;

  @ApiPropertyOptional({ description: 'Employments running on this date' })
  @IsOptional()
  @IsCalendarDate({ message: 'activeOn must be a date YYYY-MM-DD' })
  activeOn?: string;
}

export class CreateSecondmentDto {
  @ApiProperty({ format: 'uuid', description: 'A member company of the employing foundation' })
  @IsUUID('all', { message: 'hostCompanyId must be a UUID' })
  hostCompanyId!: string;

  @ApiProperty({ example: '2026-09-01' })
  @IsCalendarDate({ message: 'startDate must be a date YYYY-MM-DD' })
  startDate!: string;

  @ApiProperty({ example: '2027-08-31' })
  @IsCalendarDate({ message: 'endDate must be a date YYYY-MM-DD' })
  endDate!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A supervisor of the host company' })
  @IsOptional()
  @IsUUID('all', { message: 'supervisorId must be a UUID' })
  supervisorId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 40 })
  @IsOptional()
  @IsInt({ message: 'hoursPerWeek must be a whole number' })
  @Min(1, { message: 'hoursPerWeek must be at least 1' })
  @Max(40, { message: 'hoursPerWeek must be at most 40' })
  hoursPerWeek?: number;
}

/** Ends a secondment early; with `next`, starts the following one (a re-secondment). */
export class EndSecondmentDto {
  @ApiProperty({ example: '2027-01-31', description: 'The last day at this host' })
  @IsCalendarDate({ message: 'endDate must be a date YYYY-MM-DD' })
  endDate!: string;

  @ApiProperty({ minLength: 3, maxLength: 1000 })
  @Transform(trimString)
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({
    type: CreateSecondmentDto,
    description:
      'The next host and period: a re-secondment (drafts an amendment of the active agreement)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateSecondmentDto)
  next?: CreateSecondmentDto;
}

export class RotationPlanEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'hostCompanyId must be a UUID' })
  hostCompanyId!: string;

  @ApiProperty()
  @IsCalendarDate({ message: 'startDate must be a date YYYY-MM-DD' })
  startDate!: string;

  @ApiProperty()
  @IsCalendarDate({ message: 'endDate must be a date YYYY-MM-DD' })
  endDate!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RotationPlanDto {
  @ApiProperty({ type: [RotationPlanEntryDto] })
  @ValidateNested({ each: true })
  @Type(() => RotationPlanEntryDto)
  entries!: RotationPlanEntryDto[];
}

/** The foundation views (bench days, overview): a date and the usual `limit`/`cursor`. */
export class BenchDaysQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Count gaps up to this date (default today)' })
  @IsOptional()
  @IsCalendarDate({ message: 'until must be a date YYYY-MM-DD' })
  until?: string;
}

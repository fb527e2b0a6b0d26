import { IsCalendarDate } from '@app/common';
import type { AgreementTerms } from '../agreement-terms.types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export class EmploymentTermsDto {
  @ApiProperty({ enum: ['fixed_term', 'permanent'] })
  @IsIn(['fixed_term', 'permanent'], { message: 'contractType must be fixed_term or permanent' })
  contractType!: 'fixed_term' | 'permanent';

  @ApiProperty({ example: 24 })
  @IsInt({ message: 'contractMonths must be a whole number of months' })
  contractMonths!: number;

  @ApiProperty({ example: 32 })
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'hoursPerWeek must be a number of hours' })
  hoursPerWeek!: number;

  @ApiProperty({ example: 260000, description: 'Euro cents' })
  @IsInt({ message: 'grossMonthlySalaryCents must be a whole number of euro cents' })
  grossMonthlySalaryCents!: number;

  @ApiProperty({ example: 'Werkvoorbereider' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  functionTitle!: string;
}

export class WorkplaceTermsDto {
  @ApiProperty({ example: 'Eindhoven' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  location!: string;

  @ApiProperty({ format: 'uuid', description: 'A supervisor of the workplace company' })
  @IsUUID('all', { message: 'supervisorId must be a UUID' })
  supervisorId!: string;
}

export class StudySupportTermsDto {
  @ApiProperty({ example: 8 })
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'paidStudyHoursPerWeek must be a number of hours' })
  paidStudyHoursPerWeek!: number;

  @ApiProperty({ example: 100 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'tuitionReimbursedPercent must be a number' })
  tuitionReimbursedPercent!: number;

  @ApiProperty({ type: [String], example: ['laptop', 'books'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  costsCovered!: AgreementTerms['studySupport']['costsCovered'];

  @ApiProperty({ enum: WEEKDAYS, isArray: true, example: ['friday'] })
  @IsArray()
  @ArrayMaxSize(7)
  @IsIn(WEEKDAYS, { each: true, message: 'schoolDays must be names of days, e.g. friday' })
  schoolDays!: AgreementTerms['studySupport']['schoolDays'];
}

export class RepaymentTermsDto {
  @ApiProperty({ enum: ['none', 'law', 'cao', 'regulation'] })
  @IsIn(['none', 'law', 'cao', 'regulation'], {
    message: 'trainingMandatedBy must be one of none, law, cao, regulation',
  })
  trainingMandatedBy!: 'none' | 'law' | 'cao' | 'regulation';

  @ApiProperty({ example: 50 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'percent must be a number' })
  percent!: number;

  @ApiProperty({ example: 24 })
  @IsInt({ message: 'monthsAfterGraduation must be a whole number of months' })
  monthsAfterGraduation!: number;

  @ApiProperty()
  @IsBoolean({ message: 'linearDecline must be true or false' })
  linearDecline!: boolean;
}

export class MonitoringTermsDto {
  @ApiProperty({ example: 10 })
  @IsInt({ message: 'progressMeetingEveryWeeks must be a whole number of weeks' })
  progressMeetingEveryWeeks!: number;

  @ApiProperty({ example: 2 })
  @IsInt({ message: 'workplaceVisitsPerYear must be a whole number' })
  workplaceVisitsPerYear!: number;
}

export class CompetenceDto {
  @ApiProperty()
  @IsString()
  @MaxLength(300)
  name!: string;

  @ApiProperty({ description: 'How it is assessed' })
  @IsString()
  @MaxLength(1000)
  assessment!: string;
}

export class TerminationTermsDto {
  @ApiProperty({ example: 4 })
  @IsInt({ message: 'noticeWeeks must be a whole number of weeks' })
  noticeWeeks!: number;

  @ApiProperty({ example: ['Beëindiging van de opleiding'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  earlyTerminationGrounds!: string[];
}

/** The terms as API.md fixes them; rules across fields are checked by checkTerms (422). */
export class TermsDto implements AgreementTerms {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  endDate!: string;

  @ApiProperty({ type: EmploymentTermsDto })
  @ValidateNested()
  @Type(() => EmploymentTermsDto)
  employment!: EmploymentTermsDto;

  @ApiProperty({ type: WorkplaceTermsDto })
  @ValidateNested()
  @Type(() => WorkplaceTermsDto)
  workplace!: WorkplaceTermsDto;

  @ApiProperty({ type: StudySupportTermsDto })
  @ValidateNested()
  @Type(() => StudySupportTermsDto)
  studySupport!: StudySupportTermsDto;

  @ApiPropertyOptional({ type: RepaymentTermsDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RepaymentTermsDto)
  repayment!: RepaymentTermsDto | null;

  @ApiProperty({ type: MonitoringTermsDto })
  @ValidateNested()
  @Type(() => MonitoringTermsDto)
  monitoring!: MonitoringTermsDto;

  @ApiProperty({ type: [CompetenceDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CompetenceDto)
  competences!: CompetenceDto[];

  @ApiProperty({ type: TerminationTermsDto })
  @ValidateNested()
  @Type(() => TerminationTermsDto)
  termination!: TerminationTermsDto;
}

/** Plain data for storage and hashing (no class instances, repayment always present). */
export function plainTerms(dto: TermsDto): AgreementTerms {
  return JSON.parse(JSON.stringify({ ...dto, repayment: dto.repayment ?? null })) as AgreementTerms;
}

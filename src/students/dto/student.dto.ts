import { IsCalendarDate, ListQueryDto, PatchOptional, trimString } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  INTAKE_GROUPS,
  IntakeGroup,
  PRIOR_EDUCATION,
  PriorEducation,
} from '../entities/student.entity';

const INTAKE_MESSAGE = `intakeGroup must be one of ${INTAKE_GROUPS.join(', ')}`;
const PRIOR_MESSAGE = `priorEducation must be one of ${PRIOR_EDUCATION.join(', ')}`;
/** Student numbers and SIS ids: letters, digits and . _ - (no spaces). */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export const MIN_COHORT = 2000;
export const MAX_COHORT = 2100;
export const MAX_MONTHS_WITH_EMPLOYER = 600;

/**
 * A student as the university registers them. There is deliberately no `bsn` field: a BSN must
 * never be stored (UAVG art. 46), so a body carrying one is refused as an unknown field.
 */
export class CreateStudentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId!: string;

  @ApiProperty({ format: 'uuid', description: 'A programme of the same university' })
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId!: string;

  @ApiProperty({ example: '2154321', description: 'Unique within the university' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @Matches(IDENTIFIER, {
    message: 'studentNumber may contain only letters, digits, dots, dashes and underscores',
  })
  studentNumber!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Id in the student information system; unique within the university',
  })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalId?: string | null;

  @ApiProperty({ example: 'Sanne' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName!: string;

  @ApiProperty({ example: 'de Vries' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({ example: 'sanne.devries@student.example.nl' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: INTAKE_GROUPS })
  @IsIn(INTAKE_GROUPS, { message: INTAKE_MESSAGE })
  intakeGroup!: IntakeGroup;

  @ApiProperty({ enum: PRIOR_EDUCATION })
  @IsIn(PRIOR_EDUCATION, { message: PRIOR_MESSAGE })
  priorEducation!: PriorEducation;

  @ApiProperty({ example: 2026, description: 'Start academic year: 2026 for 2026-2027' })
  @IsInt({ message: 'cohort must be a whole year, e.g. 2026' })
  @Min(MIN_COHORT)
  @Max(MAX_COHORT)
  cohort!: number;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2004-05-17' })
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string | null;

  @ApiPropertyOptional({ description: 'false when left out' })
  @IsOptional()
  @IsBoolean({ message: 'workedForEmployerBefore must be true or false' })
  workedForEmployerBefore?: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Only when workedForEmployerBefore is true' })
  @IsOptional()
  @IsInt({ message: 'monthsWithEmployerBefore must be a whole number of months' })
  @Min(0)
  @Max(MAX_MONTHS_WITH_EMPLOYER)
  monthsWithEmployerBefore?: number | null;
}

/** Everything but the university can change; a student moving universities is a new registration. */
export class UpdateStudentDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @PatchOptional()
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId?: string;

  @ApiPropertyOptional()
  @PatchOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @Matches(IDENTIFIER, {
    message: 'studentNumber may contain only letters, digits, dots, dashes and underscores',
  })
  studentNumber?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalId?: string | null;

  @ApiPropertyOptional()
  @PatchOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional()
  @PatchOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional()
  @PatchOptional()
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: INTAKE_GROUPS })
  @PatchOptional()
  @IsIn(INTAKE_GROUPS, { message: INTAKE_MESSAGE })
  intakeGroup?: IntakeGroup;

  @ApiPropertyOptional({ enum: PRIOR_EDUCATION })
  @PatchOptional()
  @IsIn(PRIOR_EDUCATION, { message: PRIOR_MESSAGE })
  priorEducation?: PriorEducation;

  @ApiPropertyOptional()
  @PatchOptional()
  @IsInt({ message: 'cohort must be a whole year, e.g. 2026' })
  @Min(MIN_COHORT)
  @Max(MAX_COHORT)
  cohort?: number;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string | null;

  @ApiPropertyOptional()
  @PatchOptional()
  @IsBoolean({ message: 'workedForEmployerBefore must be true or false' })
  workedForEmployerBefore?: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt({ message: 'monthsWithEmployerBefore must be a whole number of months' })
  @Min(0)
  @Max(MAX_MONTHS_WITH_EMPLOYER)
  monthsWithEmployerBefore?: number | null;
}

export class ListStudentsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'cohort must be a whole year, e.g. 2026' })
  @Min(MIN_COHORT)
  @Max(MAX_COHORT)
  cohort?: number;

  @ApiPropertyOptional({ enum: INTAKE_GROUPS })
  @IsOptional()
  @IsIn(INTAKE_GROUPS, { message: INTAKE_MESSAGE })
  intakeGroup?: IntakeGroup;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  externalId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  studentNumber?: string;

  @ApiPropertyOptional({
    description: 'Case-insensitive search in first name, last name and email',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class StudentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) universityId!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty() studentNumber!: string;
  @ApiProperty({ nullable: true, type: String }) externalId!: string | null;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: INTAKE_GROUPS }) intakeGroup!: IntakeGroup;
  @ApiProperty({ enum: PRIOR_EDUCATION }) priorEducation!: PriorEducation;
  @ApiProperty() cohort!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dateOfBirth!: string | null;
  @ApiProperty() workedForEmployerBefore!: boolean;
  @ApiProperty({ nullable: true, type: Number }) monthsWithEmployerBefore!: number | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

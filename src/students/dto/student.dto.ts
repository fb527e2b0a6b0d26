import { IsCalendarDate, ListQueryDto, PatchOptional, trimString } from '@app/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
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
import {
  MAX_COHORT,
  MAX_EMAIL_LENGTH,
  MAX_EXTERNAL_ID_LENGTH,
  MAX_MONTHS_WITH_EMPLOYER,
  MAX_NAME_LENGTH,
  MAX_STUDENT_NUMBER_LENGTH,
  MIN_COHORT,
  STUDENT_NUMBER_MESSAGE,
  STUDENT_NUMBER_PATTERN,
} from '../student-rules';

const INTAKE_MESSAGE = `intakeGroup must be one of ${INTAKE_GROUPS.join(', ')}`;
const PRIOR_MESSAGE = `priorEducation must be one of ${PRIOR_EDUCATION.join(', ')}`;
const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/**
 * A student as the university registers them. There is deliberately no `bsn` field: a BSN must
 * never be stored (UAVG art. 46), so a body carrying one is refused as an unknown field.
 * Bounds and cross-field rules are the students' own (student-rules.ts), shared with the import.
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
  @MaxLength(MAX_STUDENT_NUMBER_LENGTH)
  @Matches(STUDENT_NUMBER_PATTERN, { message: `studentNumber ${STUDENT_NUMBER_MESSAGE}` })
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
  @MaxLength(MAX_EXTERNAL_ID_LENGTH)
  externalId?: string | null;

  @ApiProperty({ example: 'Sanne' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  firstName!: string;

  @ApiProperty({ example: 'de Vries' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  lastName!: string;

  @ApiProperty({ example: 'sanne.devries@student.example.nl' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(MAX_EMAIL_LENGTH)
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

  /** Left out means false; null is refused like any other non-boolean (the column is not null). */
  @ApiPropertyOptional({ description: 'false when left out' })
  @PatchOptional()
  @IsBoolean({ message: 'workedForEmployerBefore must be true or false' })
  workedForEmployerBefore?: boolean;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Only when workedForEmployerBefore is true',
  })
  @IsOptional()
  @IsInt({ message: 'monthsWithEmployerBefore must be a whole number of months' })
  @Min(0)
  @Max(MAX_MONTHS_WITH_EMPLOYER)
  monthsWithEmployerBefore?: number | null;
}

/**
 * Everything but the university can change (a student moving universities is a new
 * registration), with the create rules. A field left out stays; `null` clears only what may be
 * empty (externalId, dateOfBirth, monthsWithEmployerBefore): skipNullProperties false keeps the
 * validation of the others for null, so it is a 422 naming the field, not a NOT NULL error.
 */
export class UpdateStudentDto extends PartialType(OmitType(CreateStudentDto, ['universityId']), {
  skipNullProperties: false,
}) {}

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
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

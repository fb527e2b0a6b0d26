import { IsCalendarDate, ListQueryDto, PatchOptional, trimString } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { IsCrohoCode } from '../identifiers';
import {
  CROHO_SECTORS,
  CrohoSector,
  Degree,
  DEGREES,
  DEFAULT_STUDY_MODE,
  STUDY_MODES,
  StudyMode,
} from './programme.entity';

export class AcademicQuarterDto {
  @ApiProperty({ example: 'Blok 1' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '2026-08-31', format: 'date' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ example: '2026-11-06', format: 'date' })
  @IsCalendarDate()
  endDate!: string;

  @ApiProperty({ minimum: 0, maximum: 26, example: 8 })
  @IsInt({ message: 'teachingWeeks must be a whole number' })
  @Min(0)
  @Max(26)
  teachingWeeks!: number;

  @ApiProperty({ minimum: 0, maximum: 26, example: 2 })
  @IsInt({ message: 'examWeeks must be a whole number' })
  @Min(0)
  @Max(26)
  examWeeks!: number;
}

const DEGREE_MESSAGE = `degree must be one of ${DEGREES.join(', ')}`;
const SECTOR_MESSAGE = `crohoSector must be one of ${CROHO_SECTORS.join(', ')}`;
const STUDY_MODE_MESSAGE = `studyMode must be one of ${STUDY_MODES.join(', ')}`;

export class CreateProgrammeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId!: string;

  @ApiProperty({ example: 'Ad Bouwkunde' })
  @Transform(trimString)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '80071', description: 'The 5-digit CROHO code' })
  @IsCrohoCode()
  crohoCode!: string;

  @ApiProperty({ enum: DEGREES })
  @IsIn(DEGREES, { message: DEGREE_MESSAGE })
  degree!: Degree;

  @ApiProperty({
    enum: [5, 6],
    description: 'EQF/NLQF level: 5 for an Associate degree, 6 for a Bachelor',
  })
  @IsInt({ message: 'level must be a whole number' })
  level!: number;

  @ApiProperty({ enum: [2, 4], description: '2 for an Associate degree, 4 for a Bachelor' })
  @IsInt({ message: 'nominalYears must be a whole number' })
  nominalYears!: number;

  @ApiPropertyOptional({ enum: CROHO_SECTORS, nullable: true })
  @IsOptional()
  @IsIn(CROHO_SECTORS, { message: SECTOR_MESSAGE })
  crohoSector?: CrohoSector | null;

  @ApiPropertyOptional({
    enum: STUDY_MODES,
    default: DEFAULT_STUDY_MODE,
    description:
      'How the programme is offered; the practical-learning subsidy needs dual or part_time',
  })
  @IsOptional()
  @IsIn(STUDY_MODES, { message: STUDY_MODE_MESSAGE })
  studyMode?: StudyMode;

  @ApiPropertyOptional({
    type: [AcademicQuarterDto],
    description: 'Quarters in order, not overlapping',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => AcademicQuarterDto)
  academicCalendar?: AcademicQuarterDto[];
}

/** Everything but the university can change; moving a programme to another university is not a PATCH. */
export class UpdateProgrammeDto {
  @ApiPropertyOptional()
  @PatchOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: '80071' })
  @PatchOptional()
  @IsCrohoCode()
  crohoCode?: string;

  @ApiPropertyOptional({ enum: DEGREES })
  @PatchOptional()
  @IsIn(DEGREES, { message: DEGREE_MESSAGE })
  degree?: Degree;

  @ApiPropertyOptional({ enum: [5, 6] })
  @PatchOptional()
  @IsInt({ message: 'level must be a whole number' })
  level?: number;

  @ApiPropertyOptional({ enum: [2, 4] })
  @PatchOptional()
  @IsInt({ message: 'nominalYears must be a whole number' })
  nominalYears?: number;

  @ApiPropertyOptional({ enum: CROHO_SECTORS, nullable: true })
  @IsOptional()
  @IsIn(CROHO_SECTORS, { message: SECTOR_MESSAGE })
  crohoSector?: CrohoSector | null;

  @ApiPropertyOptional({ enum: STUDY_MODES })
  @PatchOptional()
  @IsIn(STUDY_MODES, { message: STUDY_MODE_MESSAGE })
  studyMode?: StudyMode;

  @ApiPropertyOptional({ type: [AcademicQuarterDto] })
  @PatchOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => AcademicQuarterDto)
  academicCalendar?: AcademicQuarterDto[];
}

export class ListProgrammesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId?: string;

  @ApiPropertyOptional({ enum: DEGREES })
  @IsOptional()
  @IsIn(DEGREES, { message: DEGREE_MESSAGE })
  degree?: Degree;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCrohoCode()
  crohoCode?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive search in the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ProgrammeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) universityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() crohoCode!: string;
  @ApiProperty({ enum: DEGREES }) degree!: Degree;
  @ApiProperty() level!: number;
  @ApiProperty() nominalYears!: number;
  @ApiProperty({ enum: CROHO_SECTORS, nullable: true }) crohoSector!: CrohoSector | null;
  @ApiProperty({ enum: STUDY_MODES }) studyMode!: StudyMode;
  @ApiProperty({ type: [AcademicQuarterDto] }) academicCalendar!: AcademicQuarterDto[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

import { IsCalendarDate, ListQueryDto, trimString } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  Attendee,
  ATTENDEES,
  COMPETENCE_RESULTS,
  CompetenceResult,
  MEETING_KINDS,
  MeetingKind,
  SCHEDULED_KINDS,
} from '../monitoring-rules';

export class CompetenceResultDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Werkvoorbereiding' })
  @Transform(trimString)
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiProperty({ enum: COMPETENCE_RESULTS })
  @IsIn(COMPETENCE_RESULTS, { message: `result must be one of ${COMPETENCE_RESULTS.join(', ')}` })
  result!: CompetenceResult;
}

export class CreateProgressMeetingDto {
  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS, { message: `kind must be one of ${MEETING_KINDS.join(', ')}` })
  kind!: MeetingKind;

  @ApiProperty({ type: String, format: 'date', example: '2026-11-20' })
  @IsCalendarDate({ message: 'heldOn must be a date YYYY-MM-DD' })
  heldOn!: string;

  @ApiProperty({ enum: ATTENDEES, isArray: true, minItems: 1, maxItems: ATTENDEES.length })
  @IsArray({ message: 'attendees must be an array' })
  @ArrayMinSize(1, { message: 'attendees must name at least one party' })
  @ArrayMaxSize(ATTENDEES.length, { message: 'attendees must not list a party twice' })
  @IsIn(ATTENDEES, { each: true, message: `each attendee must be one of ${ATTENDEES.join(', ')}` })
  attendees!: Attendee[];

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString({ message: 'notes must be a string' })
  @MaxLength(10_000, { message: 'notes must be at most 10000 characters' })
  notes?: string | null;

  @ApiPropertyOptional({ type: CompetenceResultDto, isArray: true, maxItems: 100 })
  @IsOptional()
  @IsArray({ message: 'competences must be an array' })
  @ArrayMaxSize(100, { message: 'competences must list at most 100 results' })
  @ValidateNested({ each: true })
  @Type(() => CompetenceResultDto)
  competences?: CompetenceResultDto[];
}

export class DueQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Agreements of the route's students" })
  @IsOptional()
  @IsUUID('all', { message: 'routeId must be a UUID' })
  routeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Agreements the foundation employs under' })
  @IsOptional()
  @IsUUID('all', { message: 'foundationId must be a UUID' })
  foundationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Agreements the company employs or hosts' })
  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only items past their due date' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';
}

const date = { type: String, format: 'date' };

export class ProgressMeetingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ enum: MEETING_KINDS }) kind!: MeetingKind;
  @ApiProperty(date) heldOn!: string;
  @ApiProperty({ enum: ATTENDEES, isArray: true }) attendees!: Attendee[];
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: CompetenceResultDto, isArray: true }) competences!: CompetenceResultDto[];
  @ApiProperty({ description: 'Every party the kind requires was present' }) complete!: boolean;
  @ApiProperty({ enum: ['user', 'api_key'] }) recordedByKind!: string;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class DueItemDto {
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ enum: SCHEDULED_KINDS }) kind!: string;
  @ApiProperty(date) dueOn!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) daysOverdue!: number;
  @ApiProperty({ ...date, nullable: true }) lastHeldOn!: string | null;
}

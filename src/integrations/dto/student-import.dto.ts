import { ListQueryDto } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { IMPORT_STATUSES, ImportRowError, ImportStatus } from '../entities/student-import.entity';
import { IMPORT_MAX_ROWS } from '../student-import-rows';

/**
 * Only the envelope is validated here (rows are checked one by one in the worker, where a bad
 * row is reported and skipped instead of failing the whole batch).
 */
export class CreateStudentImportDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The university the students belong to. Required for admins; integration keys and coordinators import into their own university (naming another is 403).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId?: string;

  @ApiProperty({
    description: `1 to ${IMPORT_MAX_ROWS} students, upserted by externalId: { externalId, programmeId, studentNumber, firstName, lastName, email, intakeGroup, priorEducation, cohort, dateOfBirth?, workedForEmployerBefore?, monthsWithEmployerBefore? }. Optional fields left out are stored empty (the row is the whole student). A BSN is dropped and never stored; other unknown fields reject the row.`,
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    minItems: 1,
    maxItems: IMPORT_MAX_ROWS,
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'students must contain at least 1 student' })
  @ArrayMaxSize(IMPORT_MAX_ROWS, {
    message: `students must contain at most ${IMPORT_MAX_ROWS} students`,
  })
  @IsObject({ each: true, message: 'each value in students must be an object' })
  students!: Record<string, unknown>[];
}

export class ListStudentImportsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_STATUSES })
  @IsOptional()
  @IsIn(IMPORT_STATUSES)
  status?: ImportStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Admins: only this university' })
  @IsOptional()
  @IsUUID()
  universityId?: string;
}

export class ImportRowErrorDto implements ImportRowError {
  @ApiProperty({ description: 'Position of the row in the posted students array (0-based)' })
  index!: number;

  @ApiProperty({ example: 'email' })
  field!: string;

  @ApiProperty({ example: 'must be a valid email address' })
  message!: string;
}

export class RequestedBySchema {
  @ApiProperty({ description: 'user or api_key' })
  kind!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id!: string | null;
}

export class StudentImportSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: 'integer' })
  version!: number;
  @ApiProperty({ format: 'uuid' })
  universityId!: string;
  @ApiProperty({ enum: IMPORT_STATUSES })
  status!: ImportStatus;
  @ApiProperty({ type: 'integer' })
  totalRows!: number;
  @ApiProperty({ type: 'integer' })
  created!: number;
  @ApiProperty({ type: 'integer' })
  updated!: number;
  @ApiProperty({ type: 'integer' })
  unchanged!: number;
  @ApiProperty({ type: 'integer' })
  rejected!: number;
  @ApiProperty({ type: RequestedBySchema })
  requestedBy!: { kind: string; id: string | null };
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true })
  failureReason!: string | null;
}

export class StudentImportDto extends StudentImportSummaryDto {
  @ApiProperty({
    type: [ImportRowErrorDto],
    description: 'Every skipped row with its reason, by row index',
  })
  errors!: ImportRowErrorDto[];
}

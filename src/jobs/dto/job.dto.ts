import { JOB_STATES, JobRecord, JobState, ListQueryDto } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ALL_QUEUES } from '../queues';

export class ListJobsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATES })
  @IsOptional()
  @IsIn(JOB_STATES)
  state?: JobState;

  @ApiPropertyOptional({
    description:
      'Only jobs not finished and not moving for longer than JOB_REDRIVE_AFTER_SECONDS (the reconciler re-drives those it can; what it cannot, e.g. while Redis is down, stays here)',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'stuck must be true or false' })
  stuck?: boolean;

  @ApiPropertyOptional({ enum: ALL_QUEUES })
  @IsOptional()
  @IsIn(ALL_QUEUES)
  queue?: string;

  @ApiPropertyOptional({ example: 'seal-agreement' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  kind?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the jobs of this document, import, matching run, ...',
  })
  @IsOptional()
  @IsUUID('all', { message: 'subjectId must be a UUID' })
  subjectId?: string;
}

export class RetryJobDto {
  @ApiPropertyOptional({
    description: 'Why it is retried (kept in the audit trail)',
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class JobDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALL_QUEUES }) queue!: string;
  @ApiProperty({ example: 'seal-agreement' }) kind!: string;
  @ApiProperty({ example: 'seal-0190f3a0-0000-7000-8000-000000000001-v1' }) key!: string;
  @ApiProperty({ example: 'document', description: 'What the job works on' }) subjectType!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ enum: JOB_STATES }) state!: JobState;
  @ApiProperty({ description: 'Runs started since it was asked for (or last retried by an admin)' })
  attempts!: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: Date;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dispatchedAt!: Date | null;
  @ApiProperty({ description: 'Hand-overs to the queue (re-drives included)' })
  dispatchCount!: number;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Until when the running worker holds it',
  })
  leaseExpiresAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastDurationMs!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt!: Date | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: Date | null;
}

export class JobPageDto {
  @ApiProperty({ type: [JobDto] }) data!: JobDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

class JobHourDto {
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ nullable: true, type: Number }) p50DurationMs!: number | null;
  @ApiProperty({ nullable: true, type: Number }) p95DurationMs!: number | null;
}

export class JobKindMetricsDto {
  @ApiProperty() queue!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() queued!: number;
  @ApiProperty() running!: number;
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({
    description: 'Unfinished and not moving for longer than JOB_REDRIVE_AFTER_SECONDS',
  })
  stuck!: number;
  @ApiProperty({ description: 'Seconds the longest-waiting due job has waited' })
  oldestDueSeconds!: number;
  @ApiProperty({ type: JobHourDto }) lastHour!: JobHourDto;
}

export class JobMetricsDto {
  @ApiProperty({ type: [JobKindMetricsDto] }) kinds!: JobKindMetricsDto[];
}

/** The payload stays out: it is the job's business, not the operator's (ids of its subject suffice). */
export function toJobDto(job: JobRecord): JobDto {
  return {
    id: job.id,
    queue: job.queue,
    kind: job.kind,
    key: job.key,
    subjectType: job.subjectType,
    subjectId: job.subjectId,
    state: job.state,
    attempts: job.attempts,
    nextAttemptAt: job.nextAttemptAt,
    dispatchedAt: job.dispatchedAt,
    dispatchCount: job.dispatchCount,
    leaseExpiresAt: job.leaseExpiresAt,
    lastError: job.lastError,
    lastDurationMs: job.lastDurationMs,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

import { IsCalendarDate } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ABSENCE_REASONS, AbsenceReason } from '../entities/guidance-week.entity';
import { MAX_SUPERVISOR_HOURS, MAX_WEEKS_PER_CALL } from '../guidance-rules';

export class GuidanceWeekInputDto {
  @ApiProperty({
    format: 'date',
    example: '2025-09-01',
    description: 'The Monday the week starts on',
  })
  @IsCalendarDate({ message: 'weekStart must be a date YYYY-MM-DD' })
  weekStart!: string;

  @ApiProperty({ description: 'Guided at work that week; false for an absence' })
  @IsBoolean({ message: 'guided must be true or false' })
  guided!: boolean;

  @ApiPropertyOptional({
    enum: ABSENCE_REASONS,
    nullable: true,
    description: 'Required when not guided, absent when guided',
  })
  @IsOptional()
  @IsIn(ABSENCE_REASONS, { message: `absenceReason must be one of ${ABSENCE_REASONS.join(', ')}` })
  absenceReason?: AbsenceReason | null;

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    maximum: MAX_SUPERVISOR_HOURS,
    nullable: true,
    example: 4,
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'supervisorHours must be a number' })
  @Min(0)
  @Max(MAX_SUPERVISOR_HOURS)
  supervisorHours?: number | null;
}

export class PutGuidanceWeeksDto {
  @ApiProperty({ type: [GuidanceWeekInputDto], maxItems: MAX_WEEKS_PER_CALL, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1, { message: 'weeks must contain at least one week' })
  @ArrayMaxSize(MAX_WEEKS_PER_CALL, {
    message: `weeks may contain at most ${MAX_WEEKS_PER_CALL} weeks per call`,
  })
  @ValidateNested({ each: true })
  @Type(() => GuidanceWeekInputDto)
  weeks!: GuidanceWeekInputDto[];
}

export class GuidanceWeeksQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'First week (default: the employment start)',
  })
  @IsOptional()
  @IsCalendarDate({ message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last week start (default and at most: 3 years after from)',
  })
  @IsOptional()
  @IsCalendarDate({ message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

export class GuidanceWeekDto {
  @ApiProperty({ format: 'date' }) weekStart!: string;
  @ApiProperty() guided!: boolean;
  @ApiProperty({ enum: ABSENCE_REASONS, nullable: true }) absenceReason!: AbsenceReason | null;
  @ApiProperty({ nullable: true, type: Number }) supervisorHours!: number | null;
  @ApiProperty() updatedAt!: Date;
}

export class GuidanceWeekListDto {
  @ApiProperty({ format: 'uuid' }) employmentId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [GuidanceWeekDto] }) data!: GuidanceWeekDto[];
}

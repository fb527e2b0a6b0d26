import { ListQueryDto, trimString } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
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
} from 'class-validator';
import { MATCH_STATUSES, MatchStatus } from '../match-lifecycle';

export class CreateMatchDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'studentId must be a UUID' })
  studentId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'vacancyId must be a UUID' })
  vacancyId!: string;
}

export class MatchTransitionDto {
  @ApiProperty({ enum: MATCH_STATUSES })
  @IsIn(MATCH_STATUSES, { message: `to must be one of ${MATCH_STATUSES.join(', ')}` })
  to!: MatchStatus;

  @ApiPropertyOptional({ description: 'Required when declining or withdrawing' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Accepting a foundation vacancy (coordinator or admin): the member company of the first secondment, instead of the vacancy's host. When neither names one, the student starts on the bench: employed by the foundation without a secondment, shown in GET /foundations/:id/bench-days.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'hostCompanyId must be a UUID' })
  hostCompanyId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Accepting (coordinator or admin): the workplace supervisor the placement and its draft agreement name, instead of the vacancy's",
  })
  @IsOptional()
  @IsUUID('all', { message: 'supervisorId must be a UUID' })
  supervisorId?: string;

  @ApiPropertyOptional({
    enum: ['fixed_term', 'permanent'],
    description:
      'Accepting (coordinator or admin): the employment contract of the placement and its draft agreement; default fixed_term. The employment ends with the contract: a fixed_term one after `contractMonths`, a permanent one has no end date.',
  })
  @IsOptional()
  @IsIn(['fixed_term', 'permanent'], { message: 'contractType must be fixed_term or permanent' })
  contractType?: 'fixed_term' | 'permanent';

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 60,
    description:
      "Accepting (coordinator or admin): the contract's months from the start date; default the programme's nominal years (at most 60)",
  })
  @IsOptional()
  @IsInt({ message: 'contractMonths must be a whole number of months' })
  @Min(1, { message: 'contractMonths must be 1 to 60' })
  @Max(60, { message: 'contractMonths must be 1 to 60' })
  contractMonths?: number;
}

export class ListMatchesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  runId?: string;

  @ApiPropertyOptional({ enum: MATCH_STATUSES })
  @IsOptional()
  @IsIn(MATCH_STATUSES)
  status?: MatchStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  studentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  vacancyId?: string;
}

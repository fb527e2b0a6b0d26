import { ListQueryDto, trimString } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
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

import { ListQueryDto, PatchOptional, trimString } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ROUTE_PHASES, RoutePhase } from './route.entity';

const PHASE_MESSAGE = `phase must be one of ${ROUTE_PHASES.join(', ')}`;
const SECTOR_IDS_MESSAGE = {
  each: true,
  message: 'sectorAssociationIds must contain sector association ids (UUIDs)',
};

export class CreateRouteDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The programme offered as a dual route; sets the university',
  })
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId!: string;

  @ApiProperty({ example: 'Mkb-route Bouwkunde' })
  @Transform(trimString)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ROUTE_PHASES })
  @IsIn(ROUTE_PHASES, { message: PHASE_MESSAGE })
  phase!: RoutePhase;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Partner sector associations; default none',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'sectorAssociationIds must not name the same sector association twice' })
  @IsUUID('all', SECTOR_IDS_MESSAGE)
  sectorAssociationIds?: string[];
}

export class UpdateRouteDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @PatchOptional()
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId?: string;

  @ApiPropertyOptional()
  @PatchOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROUTE_PHASES })
  @PatchOptional()
  @IsIn(ROUTE_PHASES, { message: PHASE_MESSAGE })
  phase?: RoutePhase;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the whole set' })
  @PatchOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'sectorAssociationIds must not name the same sector association twice' })
  @IsUUID('all', SECTOR_IDS_MESSAGE)
  sectorAssociationIds?: string[];
}

export class ListRoutesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId?: string;

  @ApiPropertyOptional({ enum: ROUTE_PHASES })
  @IsOptional()
  @IsIn(ROUTE_PHASES, { message: PHASE_MESSAGE })
  phase?: RoutePhase;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Routes this sector association partners in',
  })
  @IsOptional()
  @IsUUID('all', { message: 'sectorAssociationId must be a UUID' })
  sectorAssociationId?: string;
}

export class RouteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty({ format: 'uuid' }) universityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROUTE_PHASES }) phase!: RoutePhase;
  @ApiProperty({ type: [String], format: 'uuid' }) sectorAssociationIds!: string[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

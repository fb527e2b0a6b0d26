import { ListQueryDto, PatchOptional, trimString } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';

const WEBSITE_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };
const WEBSITE_MESSAGE = {
  message: 'website must be a web address starting with https:// or http://',
};

export class CreateSectorAssociationDto {
  @ApiProperty({ example: 'Bouwend Nederland' })
  @Transform(trimString)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, example: 'construction', nullable: true, description: 'Free-text sector' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  sector?: string | null;

  @ApiPropertyOptional({ type: String, example: 'https://www.bouwendnederland.nl', nullable: true })
  @IsOptional()
  @IsUrl(WEBSITE_OPTIONS, WEBSITE_MESSAGE)
  @MaxLength(500)
  website?: string | null;
}

export class UpdateSectorAssociationDto {
  @ApiPropertyOptional()
  @PatchOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  sector?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUrl(WEBSITE_OPTIONS, WEBSITE_MESSAGE)
  @MaxLength(500)
  website?: string | null;
}

export class ListSectorAssociationsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive search in the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Exact sector (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sector?: string;
}

export class SectorAssociationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) sector!: string | null;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

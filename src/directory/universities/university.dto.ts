import { ListQueryDto } from '@app/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsBrinCode } from '../identifiers';

export class CreateUniversityDto {
  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  /** BRIN code (e.g. 21PB) or RIO code (e.g. 123A456). */
  @ApiProperty({ description: 'BRIN code (e.g. 21PB) or RIO code (e.g. 123A456).' })
  @IsBrinCode()
  brinCode!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;
}

/** Optional fields, but an explicit null is validated (and refused) rather than skipped. */
export class UpdateUniversityDto extends PartialType(CreateUniversityDto, { skipNullProperties: false }) {}

export class ListUniversitiesQueryDto extends ListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBrinCode()
  brinCode?: string;

  /** Case-insensitive search in the name. */
  @ApiPropertyOptional({ description: 'Case-insensitive search in the name.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UniversityDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: 'integer' })
  version!: number;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  brinCode!: string;
  @ApiProperty({ type: String, nullable: true })
  city!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

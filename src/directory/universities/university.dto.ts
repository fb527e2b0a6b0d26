import { ListQueryDto } from '@app/common';
import { PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsBrinCode } from '../identifiers';

export class CreateUniversityDto {
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  /** BRIN code (e.g. 21PB) or RIO code (e.g. 123A456). */
  @IsBrinCode()
  brinCode!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;
}

/** Optional fields, but an explicit null is validated (and refused) rather than skipped. */
export class UpdateUniversityDto extends PartialType(CreateUniversityDto, { skipNullProperties: false }) {}

export class ListUniversitiesQueryDto extends ListQueryDto {
  @IsOptional()
  @IsBrinCode()
  brinCode?: string;

  /** Case-insensitive search in the name. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UniversityDto {
  id!: string;
  version!: number;
  name!: string;
  brinCode!: string;
  city!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

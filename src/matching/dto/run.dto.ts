import { ListQueryDto } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';

export class CreateMatchingRunDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The route's programme" })
  @IsOptional()
  @IsUUID('all', { message: 'routeId must be a UUID' })
  routeId?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @IsInt({ message: 'cohort must be a year' })
  @Min(2000)
  @Max(2100)
  cohort?: number;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' }, { type: 'integer' }],
    description:
      'Tie-break seed, a string or an integer (stored and read back as its string form, so 42 and "42" are the same seed); a random one is chosen and stored when absent',
  })
  @IsOptional()
  // Integers are what people type as seeds; their decimal form is the seed. Other numbers stay
  // numbers, and IsString refuses them.
  @Transform(({ value }) => (Number.isSafeInteger(value) ? String(value) : value))
  @IsString({ message: 'seed must be a string or a (safe) integer' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'seed must be 1-64 letters, digits, dots, dashes or underscores',
  })
  seed?: string;
}

export class ListMatchingRunsQueryDto extends ListQueryDto {}

import { ListQueryDto } from '@app/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CompanyDto, toCompanyDto } from '../companies/company.dto';
import { IsKvkNumber } from '../identifiers';
import { MAX_MEMBERS_PER_CALL } from './foundation-rules';
import { FoundationMember } from './foundation-member.entity';
import { Foundation } from './foundation.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateFoundationDto {
  @ApiProperty({ example: 'Stichting Bouwtalent Zuid' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    description: 'Chamber of Commerce (KvK) number: exactly 8 digits',
    example: '12345678',
  })
  @IsKvkNumber()
  kvkNumber!: string;

  @ApiProperty({ description: 'Region the foundation serves', example: 'Noord-Brabant' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'region must not be empty' })
  @MaxLength(100)
  region!: string;
}

export class UpdateFoundationDto extends PartialType(CreateFoundationDto, {
  skipNullProperties: false,
}) {}

export class ListFoundationsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Region, case-insensitive exact match' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ description: 'Exact KvK number' })
  @IsOptional()
  @IsKvkNumber()
  kvkNumber?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive search in the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class FoundationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: 'integer' })
  version!: number;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  kvkNumber!: string;
  @ApiProperty()
  region!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

export function toFoundationDto(f: Foundation): FoundationDto {
  return {
    id: f.id,
    version: f.version,
    name: f.name,
    kvkNumber: f.kvkNumber,
    region: f.region,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
  };
}

export class AddFoundationMembersDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_MEMBERS_PER_CALL,
    description: 'Companies to add; companies that are already members are left as they are',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'companyIds must name at least one company' })
  @ArrayMaxSize(MAX_MEMBERS_PER_CALL, {
    message: `companyIds may name at most ${MAX_MEMBERS_PER_CALL} companies per call`,
  })
  @IsString({ each: true, message: 'each of companyIds must be a company id (a UUID)' })
  companyIds!: string[];
}

export class ListFoundationMembersQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive search in the company name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class FoundationMemberDto {
  @ApiProperty({ format: 'uuid' })
  foundationId!: string;
  @ApiProperty({ format: 'uuid' })
  companyId!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  joinedAt!: Date;
  @ApiProperty({ type: () => CompanyDto })
  company!: CompanyDto;
}

export class FoundationMembersAddedDto {
  /** Companies that became members with this call (the others already were). */
  @ApiProperty({ type: [String], description: 'Companies that became members with this call (the others already were).' })
  added!: string[];
  /** Every company the call named, as a member, in the order given. */
  @ApiProperty({ type: () => [FoundationMemberDto], description: 'Every company the call named, as a member, in the order given.' })
  data!: FoundationMemberDto[];
}

export function toFoundationMemberDto(
  m: FoundationMember & { company: NonNullable<FoundationMember['company']> },
): FoundationMemberDto {
  return {
    foundationId: m.foundationId,
    companyId: m.companyId,
    joinedAt: m.joinedAt,
    company: toCompanyDto(m.company),
  };
}

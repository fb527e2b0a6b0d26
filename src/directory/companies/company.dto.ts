import { ListQueryDto } from '@app/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsKvkNumber, IsPostcode, IsSbiCode, SME_MAX_EMPLOYEES_EXCLUSIVE } from '../identifiers';
import { isSme, NL_BOUNDS, normalisePostcodePrefix } from './company-rules';
import { Company } from './company.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCompanyDto {
  @ApiProperty({ example: 'Bouwbedrijf De Vries B.V.' })
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

  @ApiProperty({
    description: 'SBI (Standaard Bedrijfsindeling) code, 2 to 5 digits',
    example: '4120',
  })
  @IsSbiCode()
  sbiCode!: string;

  @ApiProperty({
    description: `Number of employees; fewer than ${SME_MAX_EMPLOYEES_EXCLUSIVE} makes an SME`,
    example: 35,
  })
  @IsInt({ message: 'employeeCount must be a whole number of employees' })
  @Min(0, { message: 'employeeCount must not be negative' })
  @Max(1_000_000, { message: 'employeeCount must not be greater than 1000000' })
  employeeCount!: number;

  @ApiProperty({ description: 'Dutch postcode; stored as "1234 AB"', example: '5611 AB' })
  @IsPostcode()
  postcode!: string;

  @ApiPropertyOptional({ type: String, example: 'Eindhoven', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  city?: string | null;

  @ApiPropertyOptional({
    type: Number,
    description: 'Give both coordinates or neither',
    minimum: NL_BOUNDS.minLatitude,
    maximum: NL_BOUNDS.maxLatitude,
    nullable: true,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'latitude must be a number' })
  @Min(NL_BOUNDS.minLatitude, {
    message: `latitude must lie in the Netherlands (${NL_BOUNDS.minLatitude} to ${NL_BOUNDS.maxLatitude})`,
  })
  @Max(NL_BOUNDS.maxLatitude, {
    message: `latitude must lie in the Netherlands (${NL_BOUNDS.minLatitude} to ${NL_BOUNDS.maxLatitude})`,
  })
  latitude?: number | null;

  @ApiPropertyOptional({
    type: Number,
    description: 'Give both coordinates or neither',
    minimum: NL_BOUNDS.minLongitude,
    maximum: NL_BOUNDS.maxLongitude,
    nullable: true,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'longitude must be a number' })
  @Min(NL_BOUNDS.minLongitude, {
    message: `longitude must lie in the Netherlands (${NL_BOUNDS.minLongitude} to ${NL_BOUNDS.maxLongitude})`,
  })
  @Max(NL_BOUNDS.maxLongitude, {
    message: `longitude must lie in the Netherlands (${NL_BOUNDS.minLongitude} to ${NL_BOUNDS.maxLongitude})`,
  })
  longitude?: number | null;
}

/** Every field optional; a null is refused except where a value may be cleared (city, coordinates). */
export class UpdateCompanyDto extends PartialType(CreateCompanyDto, {
  skipNullProperties: false,
}) {}

export class ListCompaniesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Exact KvK number' })
  @IsOptional()
  @IsKvkNumber()
  kvkNumber?: string;

  @ApiPropertyOptional({
    description: 'SBI code or a leading part of it (SBI is hierarchical: 41 matches 4120)',
  })
  @IsOptional()
  @IsSbiCode()
  sbiCode?: string;

  @ApiPropertyOptional({ description: 'Postcode or its leading part, e.g. 56, 5611 or 5611 A' })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? (normalisePostcodePrefix(value) ?? value) : value,
  )
  @Matches(/^(?:[1-9]\d{0,3}|[1-9]\d{3} [A-Z]{1,2})$/, {
    message: 'postcode must be a Dutch postcode or its leading part, e.g. 5611 or 5611 AB',
  })
  postcode?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive search in the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: `SME: fewer than ${SME_MAX_EMPLOYEES_EXCLUSIVE} employees`,
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'isSme must be true or false' })
  isSme?: 'true' | 'false';
}

export class CompanyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: 'integer' })
  version!: number;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  kvkNumber!: string;
  @ApiProperty()
  sbiCode!: string;
  @ApiProperty({ type: 'integer' })
  employeeCount!: number;
  /** Fewer than 250 employees (EU Recommendation 2003/361/EC). */
  @ApiProperty({ description: 'Fewer than 250 employees (EU Recommendation 2003/361/EC).' })
  isSme!: boolean;
  @ApiProperty()
  postcode!: string;
  @ApiProperty({ type: String, nullable: true })
  city!: string | null;
  @ApiProperty({ type: Number, nullable: true })
  latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  longitude!: number | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

export function toCompanyDto(c: Company): CompanyDto {
  return {
    id: c.id,
    version: c.version,
    name: c.name,
    kvkNumber: c.kvkNumber,
    sbiCode: c.sbiCode,
    employeeCount: c.employeeCount,
    isSme: isSme(c.employeeCount),
    postcode: c.postcode,
    city: c.city,
    latitude: c.latitude,
    longitude: c.longitude,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

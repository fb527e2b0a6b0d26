import { IsCalendarDate, ListQueryDto, PatchOptional, trimString } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { VACANCY_STATUSES, VacancyStatus } from '../entities/vacancy.entity';

const POSTCODE = /^[1-9][0-9]{3} ?[A-Z]{2}$/;
const upperTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class CreateVacancyDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The offering company (or foundationId)' })
  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The offering foundation (or companyId)' })
  @IsOptional()
  @IsUUID('all', { message: 'foundationId must be a UUID' })
  foundationId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Foundation vacancy: the member company of the first secondment',
  })
  @IsOptional()
  @IsUUID('all', { message: 'hostCompanyId must be a UUID' })
  hostCompanyId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The workplace supervisor the agreement will name',
  })
  @IsOptional()
  @IsUUID('all', { message: 'supervisorId must be a UUID' })
  supervisorId?: string;

  @ApiProperty({ example: 'Werkvoorbereider bouw (duaal)' })
  @Transform(trimString)
  @IsString()
  @MinLength(3, { message: 'title must be at least 3 characters' })
  @MaxLength(200)
  title!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: 'programmeIds must be a list of programme ids' })
  @ArrayMinSize(1, { message: 'programmeIds must name at least one programme' })
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'programmeIds must not repeat a programme' })
  @IsUUID('all', { each: true, message: 'programmeIds must contain UUIDs' })
  programmeIds!: string[];

  @ApiProperty({ minimum: 1, maximum: 500 })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(500)
  capacity!: number;

  @ApiProperty({ minimum: 1, maximum: 40 })
  @IsInt({ message: 'hoursPerWeek must be a whole number' })
  @Min(1)
  @Max(40)
  hoursPerWeek!: number;

  @ApiPropertyOptional({ description: 'Gross monthly salary range, euro cents' })
  @IsOptional()
  @IsInt()
  @Min(0)
  salaryMinCents?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  salaryMaxCents?: number;

  @ApiProperty({ example: '2026-09-01', description: 'Earliest start (the start date)' })
  @IsCalendarDate({ message: 'startDate must be a date YYYY-MM-DD' })
  startDate!: string;

  @ApiPropertyOptional({
    example: '2026-10-31',
    description: 'Latest start; default startDate + 60 days',
  })
  @IsOptional()
  @IsCalendarDate({ message: 'startLatest must be a date YYYY-MM-DD' })
  startLatest?: string;

  @ApiProperty({ example: '5611 AB' })
  @Transform(upperTrim)
  @Matches(POSTCODE, { message: 'postcode must be a Dutch postcode like 1234 AB' })
  postcode!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(50.5)
  @Max(53.7)
  latitude?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(3.2)
  @Max(7.3)
  longitude?: number;

  @ApiPropertyOptional({ example: 'F', description: 'Sector (e.g. SBI section letter)' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  sector?: string;
}

export class UpdateVacancyDto {
  @ApiPropertyOptional()
  @PatchOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @PatchOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  capacity?: number;

  @ApiPropertyOptional({
    enum: ['open', 'closed'],
    description: '`filled` follows from accepted matches',
  })
  @PatchOptional()
  @IsIn(['open', 'closed'], {
    message: 'status can be set to open or closed; filled follows from accepted matches',
  })
  status?: 'open' | 'closed';

  @ApiPropertyOptional()
  @PatchOptional()
  @IsInt()
  @Min(1)
  @Max(40)
  hoursPerWeek?: number;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'Foundation vacancy: the member company of the first secondment; null clears it (whoever accepts then starts on the bench). Open matches follow the host; a supervisor of the previous host is cleared.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'hostCompanyId must be a UUID (or null to clear it)' })
  hostCompanyId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'A supervisor of the workplace company' })
  @PatchOptional()
  @IsUUID('all', { message: 'supervisorId must be a UUID' })
  supervisorId?: string;
}

export class ListVacanciesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: VACANCY_STATUSES })
  @IsOptional()
  @IsIn(VACANCY_STATUSES)
  status?: VacancyStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  programmeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Company or foundation' })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string;
}

export class SeekingDto {
  @ApiProperty({ example: '2026-09-01' })
  @IsCalendarDate({ message: 'startDate must be a date YYYY-MM-DD' })
  startDate!: string;

  @ApiProperty({ example: '5611 AB' })
  @Transform(upperTrim)
  @Matches(POSTCODE, { message: 'postcode must be a Dutch postcode like 1234 AB' })
  postcode!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(50.5)
  @Max(53.7)
  latitude?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(3.2)
  @Max(7.3)
  longitude?: number;

  @ApiProperty({ minimum: 1, maximum: 300 })
  @IsInt({ message: 'maxTravelKm must be a whole number of kilometres' })
  @Min(1)
  @Max(300)
  maxTravelKm!: number;

  @ApiProperty({ minimum: 1, maximum: 40 })
  @IsInt()
  @Min(1)
  @Max(40)
  hoursPerWeek!: number;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  sectors!: string[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Ranked vacancy ids (first = most preferred)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'preferences must contain vacancy ids' })
  preferences!: string[];
}

export class RankingDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Ranked student ids (first = most preferred)',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  studentIds!: string[];
}

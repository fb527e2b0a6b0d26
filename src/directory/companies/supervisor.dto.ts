import { IsCalendarDate, ListQueryDto } from '@app/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type { SupervisorLoad } from './supervisor-load';
import { Supervisor } from './supervisor.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export const MAX_SUPERVISOR_HOURS_PER_WEEK = 40;
const HOURS_MESSAGE = `hoursPerWeek must be the hours of coaching per week, from 0 to ${MAX_SUPERVISOR_HOURS_PER_WEEK} (one decimal allowed, e.g. 2.5)`;

export class CreateSupervisorDto {
  @ApiProperty({ example: 'Jan de Vries' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'Unique per company; stored lower-case', example: 'jan@devries.nl' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minimum: 0, maximum: MAX_SUPERVISOR_HOURS_PER_WEEK, example: 2.5 })
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 },
    { message: HOURS_MESSAGE },
  )
  @Min(0, { message: HOURS_MESSAGE })
  @Max(MAX_SUPERVISOR_HOURS_PER_WEEK, { message: HOURS_MESSAGE })
  hoursPerWeek!: number;

  @ApiProperty({ description: 'Completed supervisor (praktijkbegeleider) training' })
  @IsBoolean({ message: 'trained must be true or false' })
  trained!: boolean;
}

export class UpdateSupervisorDto extends PartialType(CreateSupervisorDto, {
  skipNullProperties: false,
}) {}

export class ListSupervisorsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive search in name and email' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'trained must be true or false' })
  trained?: 'true' | 'false';

  @ApiPropertyOptional({
    example: '2027-02-01',
    description: "Count each supervisor's coaching load on this date instead of today",
  })
  @IsOptional()
  @IsCalendarDate({ message: 'loadOn must be a date YYYY-MM-DD' })
  loadOn?: string;
}

export class SupervisorLoadQueryDto {
  @ApiPropertyOptional({
    example: '2027-02-01',
    description: "Count the supervisor's coaching load on this date instead of today",
  })
  @IsOptional()
  @IsCalendarDate({ message: 'loadOn must be a date YYYY-MM-DD' })
  loadOn?: string;
}

export class SupervisorLoadDto implements SupervisorLoad {
  @ApiProperty({ format: 'date', description: 'The date the load is counted on' })
  on!: string;
  @ApiProperty({ description: 'Placements running on that date that this supervisor coaches' })
  placements!: number;
  @ApiProperty({ description: 'Their coaching hours per week, summed' })
  coachingHoursPerWeek!: number;
}

export class SupervisorDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: 'integer' })
  version!: number;
  @ApiProperty({ format: 'uuid' })
  companyId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  email!: string;
  @ApiProperty({ type: 'integer' })
  hoursPerWeek!: number;
  @ApiProperty()
  trained!: boolean;
  /** Placements coached on `load.on` and their coaching hours summed (supervisor-load.ts). */
  @ApiProperty({ type: () => SupervisorLoadDto })
  load!: SupervisorLoad;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

export function toSupervisorDto(s: Supervisor & { load: SupervisorLoad }): SupervisorDto {
  return {
    id: s.id,
    version: s.version,
    companyId: s.companyId,
    name: s.name,
    email: s.email,
    hoursPerWeek: s.hoursPerWeek,
    trained: s.trained,
    load: s.load,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

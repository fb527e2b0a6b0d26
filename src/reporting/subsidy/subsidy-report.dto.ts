import { REPORT_FORMATS, REPORT_LANGUAGES, ReportFormat, ReportLanguage } from '../report-file';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { INELIGIBILITY_REASONS, IneligibilityReason } from './subsidy-rules';

export const SUBSIDY_EMPLOYER_TYPES = ['company', 'foundation'] as const;
export type SubsidyEmployerType = (typeof SUBSIDY_EMPLOYER_TYPES)[number];

const ACADEMIC_YEAR = {
  message: 'academicYear must be a year such as 2025 (2025-09-01 .. 2026-08-31)',
};

/**
 * Validated by ReportQueryPipe (every malformed parameter is a 400 problem); documented by the
 * controller's @ApiQuery decorators.
 */
export class SubsidyReportQueryDto {
  @IsIn(SUBSIDY_EMPLOYER_TYPES, { message: 'employerType must be company or foundation' })
  employerType!: SubsidyEmployerType;

  @IsUUID('all', { message: 'employerId must be a UUID' })
  employerId!: string;

  @Type(() => Number)
  @IsInt(ACADEMIC_YEAR)
  @Min(1990, ACADEMIC_YEAR)
  @Max(2100, ACADEMIC_YEAR)
  academicYear!: number;

  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be json, csv or pdf' })
  format?: ReportFormat;

  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: 'lang must be nl or en' })
  lang?: ReportLanguage;
}

export class SubsidyEmployerDto {
  @ApiProperty({ enum: SUBSIDY_EMPLOYER_TYPES }) type!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'KvK number' }) kvkNumber!: string;
}

export class AcademicYearDto {
  @ApiProperty({ format: 'date' }) start!: string;
  @ApiProperty({ format: 'date' }) end!: string;
}

export class WeeksAbsentDto {
  @ApiProperty() illness!: number;
  @ApiProperty() holiday!: number;
  @ApiProperty() other!: number;
}

export class SubsidyPlacementDto {
  @ApiProperty({ format: 'uuid' }) employmentId!: string;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty() studentName!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agreementId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The signed version's content hash: the reference for the application",
  })
  contentHash!: string | null;
  @ApiProperty({ nullable: true, type: String }) crohoCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) crohoSector!: string | null;
  @ApiProperty({ nullable: true, type: String }) studyMode!: string | null;
  @ApiProperty({ description: 'Weeks of the year covered by the signed agreement in force' })
  weeksCovered!: number;
  @ApiProperty() weeksGuided!: number;
  @ApiProperty({ type: WeeksAbsentDto }) weeksAbsent!: WeeksAbsentDto;
  @ApiProperty({ description: 'min(weeksGuided, 42) / 42' }) fraction!: number;
  @ApiProperty({ description: 'EUR 2,700 × fraction in cents; 0 when not eligible' })
  maxAmountCents!: number;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ enum: INELIGIBILITY_REASONS, isArray: true }) reasons!: IneligibilityReason[];
}

export class SubsidyTotalsDto {
  @ApiProperty() placements!: number;
  @ApiProperty() eligible!: number;
  @ApiProperty() maxAmountCents!: number;
}

export class SubsidyReportDto {
  @ApiProperty({ type: SubsidyEmployerDto }) employer!: SubsidyEmployerDto;
  @ApiProperty({ type: AcademicYearDto }) academicYear!: AcademicYearDto;
  @ApiProperty() generatedAt!: Date;
  @ApiProperty({ description: 'The rules applied and their source (RVO)' }) source!: string;
  @ApiProperty({ type: [SubsidyPlacementDto] }) placements!: SubsidyPlacementDto[];
  @ApiProperty({ type: SubsidyTotalsDto }) totals!: SubsidyTotalsDto;
}

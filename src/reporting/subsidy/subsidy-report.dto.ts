import { REPORT_FORMATS, REPORT_LANGUAGES } from '../report-file';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { INELIGIBILITY_REASONS, IneligibilityReason } from './subsidy-rules';

export const SUBSIDY_EMPLOYER_TYPES = ['company', 'foundation'] as const;

/**
 * Taken as strings and checked by parseSubsidyQuery, so that a bad academic year or format is a
 * 400 problem (the rule for report parameters) rather than the pipe's 422.
 */
export class SubsidyReportQueryDto {
  @ApiProperty({ enum: SUBSIDY_EMPLOYER_TYPES })
  @IsOptional()
  @IsString()
  employerType?: string;

  @ApiProperty({ format: 'uuid' })
  @IsOptional()
  @IsString()
  employerId?: string;

  @ApiProperty({
    example: '2025',
    description: 'The academic year by its first calendar year: 2025 is 2025-09-01 .. 2026-08-31',
  })
  @IsOptional()
  @IsString()
  academicYear?: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'json',
    description:
      '`csv`: one line per placement, no totals line; `pdf`: the document for the application',
  })
  @IsOptional()
  @IsString()
  format?: string;

  @ApiPropertyOptional({
    enum: REPORT_LANGUAGES,
    default: 'nl',
    description: 'Language of the PDF and of the file name',
  })
  @IsOptional()
  @IsString()
  lang?: string;
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

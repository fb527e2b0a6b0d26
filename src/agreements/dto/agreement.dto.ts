import { ListQueryDto, PatchOptional, trimString } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  AGREEMENT_STATUSES,
  AgreementStatus,
  COMPLETION_OUTCOMES,
  CompletionOutcome,
  TERMINATION_REASONS,
  TerminationReason,
} from '../agreement-lifecycle';
import { TermsDto } from './terms.dto';

export const PARTIES = ['student', 'university', 'employer', 'host'] as const;
export type Party = (typeof PARTIES)[number];

export class EmployerRefDto {
  @ApiProperty({ enum: ['company', 'foundation'] })
  @IsIn(['company', 'foundation'], { message: 'employer.type must be company or foundation' })
  type!: 'company' | 'foundation';

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'employer.id must be a UUID' })
  id!: string;
}

export class CreateAgreementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'studentId must be a UUID' })
  studentId!: string;

  @ApiProperty({ type: EmployerRefDto })
  @ValidateNested()
  @Type(() => EmployerRefDto)
  employer!: EmployerRefDto;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'Required iff the employer is a foundation',
  })
  @IsOptional()
  @IsUUID('all', { message: 'hostCompanyId must be a UUID' })
  hostCompanyId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The route of the student's programme the student follows (outcome reports)",
  })
  @IsOptional()
  @IsUUID('all', { message: 'routeId must be a UUID' })
  routeId?: string | null;

  @ApiProperty({ enum: ['nl', 'en'] })
  @IsIn(['nl', 'en'], { message: 'language must be nl or en' })
  language!: 'nl' | 'en';

  @ApiProperty({ type: TermsDto })
  @ValidateNested()
  @Type(() => TermsDto)
  terms!: TermsDto;
}

/**
 * Edits the current draft version: its terms, language and (for a foundation) host company; and
 * the agreement's route.
 */
export class UpdateAgreementDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'The host company (foundation employer only)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'hostCompanyId must be a UUID' })
  hostCompanyId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The route of the student's programme the student follows (outcome reports)",
  })
  @IsOptional()
  @IsUUID('all', { message: 'routeId must be a UUID' })
  routeId?: string | null;

  @ApiPropertyOptional({ enum: ['nl', 'en'] })
  @PatchOptional()
  @IsIn(['nl', 'en'], { message: 'language must be nl or en' })
  language?: 'nl' | 'en';

  @ApiPropertyOptional({ type: TermsDto })
  @PatchOptional()
  @ValidateNested()
  @Type(() => TermsDto)
  terms?: TermsDto;
}

export class ListAgreementsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES, { message: `status must be one of ${AGREEMENT_STATUSES.join(', ')}` })
  status?: AgreementStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'studentId must be a UUID' })
  studentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Employer company or foundation' })
  @IsOptional()
  @IsUUID('all', { message: 'employerId must be a UUID' })
  employerId?: string;

  @ApiPropertyOptional({ enum: PARTIES, description: 'Pending versions still awaiting this party' })
  @IsOptional()
  @IsIn(PARTIES, { message: `awaitingParty must be one of ${PARTIES.join(', ')}` })
  awaitingParty?: Party;

  @ApiPropertyOptional({ format: 'date-time', description: 'Pending since before this instant' })
  @IsOptional()
  @IsISO8601({}, { message: 'pendingSinceBefore must be an ISO-8601 date or time' })
  pendingSinceBefore?: string;
}

export class ReasonDto {
  @ApiProperty({ minLength: 3, maxLength: 1000 })
  @Transform(trimString)
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason!: string;
}

/** Transitions whose reason is optional (submit, amend, complete): recorded in the event trail. */
export class OptionalReasonDto {
  @ApiPropertyOptional({
    minLength: 3,
    maxLength: 1000,
    description: "Why; recorded in the agreement's audit trail (GET /agreements/:id/events)",
  })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason?: string;
}

export class DeclineDto extends ReasonDto {
  @ApiPropertyOptional({ enum: PARTIES, description: 'The party you decline for (checked)' })
  @IsOptional()
  @IsIn(PARTIES)
  party?: Party;
}

export class AmendDto extends OptionalReasonDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A new host company (re-secondment); defaults to the host in force',
  })
  @IsOptional()
  @IsUUID('all', { message: 'hostCompanyId must be a UUID' })
  hostCompanyId?: string;

  @ApiPropertyOptional({ enum: ['nl', 'en'], description: 'Defaults to the language in force' })
  @IsOptional()
  @IsIn(['nl', 'en'], { message: 'language must be nl or en' })
  language?: 'nl' | 'en';

  @ApiPropertyOptional({ type: TermsDto, description: 'Defaults to the terms in force' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TermsDto)
  terms?: TermsDto;
}

export class CompleteDto extends OptionalReasonDto {
  @ApiProperty({ enum: COMPLETION_OUTCOMES })
  @IsIn(COMPLETION_OUTCOMES, {
    message: `outcome must be one of ${COMPLETION_OUTCOMES.join(', ')}`,
  })
  outcome!: CompletionOutcome;

  @ApiProperty()
  @IsBoolean({ message: 'stayedWithEmployer must be true or false' })
  stayedWithEmployer!: boolean;
}

export class TerminateDto {
  @ApiProperty({ enum: TERMINATION_REASONS })
  @IsIn(TERMINATION_REASONS, { message: `reason must be one of ${TERMINATION_REASONS.join(', ')}` })
  reason!: TerminationReason;

  @ApiProperty()
  @IsBoolean({ message: 'employmentContinued must be true or false' })
  employmentContinued!: boolean;

  @ApiPropertyOptional({
    maxLength: 1000,
    description: 'Free text; the audit trail records the reason with this note',
  })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

const HASH = /^[0-9a-f]{64}$/;

export class SignDto {
  @ApiProperty({ description: 'The contentHash of the version you read and sign' })
  @Matches(HASH, { message: 'contentHash must be a SHA-256 hex digest (64 characters)' })
  contentHash!: string;

  @ApiPropertyOptional({ enum: PARTIES, description: 'The party you sign for (checked)' })
  @IsOptional()
  @IsIn(PARTIES)
  party?: Party;
}

export class CreateSigningLinkDto {
  @ApiProperty({ enum: PARTIES })
  @IsIn(PARTIES, { message: `party must be one of ${PARTIES.join(', ')}` })
  party!: Party;

  @ApiProperty()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    default: true,
    description: 'false: the link is not e-mailed (a system that delivers links itself)',
  })
  @IsOptional()
  @IsBoolean({ message: 'send must be true or false' })
  send?: boolean;
}

export class LinkSignDto {
  @ApiProperty()
  @Matches(HASH, { message: 'contentHash must be a SHA-256 hex digest (64 characters)' })
  contentHash!: string;

  @ApiProperty({ description: 'Your full name as you sign' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'Must be true: you agree to sign electronically' })
  @IsIn([true], { message: 'consent must be true to sign' })
  consent!: true;
}

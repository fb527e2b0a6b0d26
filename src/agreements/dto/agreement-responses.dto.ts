import { FieldErrorSchema } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGREEMENT_STATUSES, VERSION_STATUSES } from '../agreement-lifecycle';
import { PARTIES } from './agreement.dto';
import { TermsDto } from './terms.dto';

/**
 * Response shapes of the agreement endpoints, for the OpenAPI document (the services build
 * them as AgreementView, VersionView, EventView ...; these classes describe those).
 */
const nullable = (
  type: StringConstructor | NumberConstructor | BooleanConstructor,
  extra = {},
) => ({
  type,
  nullable: true,
  ...extra,
});
const instant = { type: String, format: 'date-time' };

export class PartyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ enum: ['company', 'foundation'], description: 'For the employer' })
  type?: 'company' | 'foundation';
}

export class AgreementPartiesDto {
  @ApiProperty({ type: PartyDto }) student!: PartyDto;
  @ApiProperty({ type: PartyDto }) university!: PartyDto;
  @ApiProperty({ type: PartyDto }) employer!: PartyDto;
  @ApiProperty({ type: PartyDto, nullable: true, description: 'The host company when seconded' })
  host!: PartyDto | null;
}

export class AgreementEmployerDto {
  @ApiProperty({ enum: ['company', 'foundation'] }) type!: 'company' | 'foundation';
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class MinimumWageRiseDto {
  @ApiProperty({ format: 'date', description: 'From this date on the salary must be at least…' })
  from!: string;
  @ApiProperty({ enum: ['birthday', 'rate_change'], isArray: true })
  reasons!: string[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Age on `from`; null without a date of birth',
  })
  age!: number | null;
  @ApiProperty({ format: 'date', description: 'The statutory table period in force on `from`' })
  effectiveFrom!: string;
  @ApiProperty({ type: 'integer' }) hourlyCents!: number;
  @ApiProperty({ type: 'integer', description: '…this monthly amount, for the contract hours' })
  minimumMonthlyCents!: number;
}

export class AgreementVersionDto {
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty({ enum: VERSION_STATUSES }) status!: string;
  @ApiProperty(nullable(String, { description: 'SHA-256 of the frozen terms; null in draft' }))
  contentHash!: string | null;
  @ApiProperty({ type: TermsDto }) terms!: TermsDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The parties as this version names them',
  })
  parties!: Record<string, unknown>;
  @ApiProperty({ ...instant, nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ ...instant, nullable: true }) activatedAt!: Date | null;
  @ApiProperty(nullable(String)) declineReason!: string | null;
  @ApiProperty({
    type: [MinimumWageRiseDto],
    description:
      'Dates inside the contract from which the salary must rise to the statutory minimum (youth rates rise at each birthday until 21; the table changes on 1 January and 1 July). Shown in the PDF too.',
  })
  minimumWageRises!: MinimumWageRiseDto[];
}

export class SignedPartyDto {
  @ApiProperty({ enum: PARTIES }) party!: string;
  @ApiProperty() signerName!: string;
  @ApiProperty(instant) signedAt!: Date;
  @ApiProperty({ enum: ['account', 'signing_link'] }) method!: string;
}

export class SigningStateDto {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ ...instant, nullable: true }) pendingSince!: Date | null;
  @ApiProperty({ type: [SignedPartyDto] }) signed!: SignedPartyDto[];
  @ApiProperty({ enum: PARTIES, isArray: true }) awaited!: string[];
}

export class AgreementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', description: 'For If-Match' }) version!: number;
  @ApiProperty({ enum: ['nl', 'en'] }) language!: string;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ format: 'uuid' }) universityId!: string;
  @ApiProperty({ type: AgreementEmployerDto }) employer!: AgreementEmployerDto;
  @ApiProperty(nullable(String, { format: 'uuid' })) hostCompanyId!: string | null;
  @ApiProperty(
    nullable(String, {
      format: 'uuid',
      description: "The route of the student's programme the agreement names",
    }),
  )
  routeId!: string | null;
  @ApiProperty({ type: AgreementPartiesDto }) parties!: AgreementPartiesDto;
  @ApiProperty({ type: AgreementVersionDto }) currentVersion!: AgreementVersionDto;
  @ApiProperty({
    type: AgreementVersionDto,
    nullable: true,
    description: 'The version in force (active agreements)',
  })
  inForceVersion!: AgreementVersionDto | null;
  @ApiProperty({
    type: SigningStateDto,
    nullable: true,
    description: 'While the current version awaits signatures',
  })
  signing!: SigningStateDto | null;
  @ApiProperty(nullable(String)) outcome!: string | null;
  @ApiProperty(nullable(Boolean)) stayedWithEmployer!: boolean | null;
  @ApiProperty(nullable(String)) terminationReason!: string | null;
  @ApiProperty(nullable(Boolean)) employmentContinued!: boolean | null;
  @ApiProperty(nullable(String)) closingNote!: string | null;
  @ApiProperty({ ...instant, nullable: true }) closedAt!: Date | null;
  @ApiProperty(instant) createdAt!: Date;
  @ApiProperty(instant) updatedAt!: Date;
  @ApiPropertyOptional({
    type: [FieldErrorSchema],
    description: 'Terms that are allowed but worth a second look (advice, not errors)',
  })
  warnings?: FieldErrorSchema[];
}

export class AgreementVersionListDto {
  @ApiProperty({ type: [AgreementVersionDto] }) data!: AgreementVersionDto[];
}

export class AgreementEventActorDto {
  @ApiProperty({ enum: ['user', 'api_key', 'signing_link', 'system'] }) kind!: string;
  @ApiProperty(nullable(String)) id!: string | null;
  @ApiProperty(nullable(String)) name!: string | null;
}

export class AgreementEventDto {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AgreementEventActorDto }) actor!: AgreementEventActorDto;
  @ApiProperty() action!: string;
  @ApiProperty(nullable(String)) from!: string | null;
  @ApiProperty(nullable(String)) to!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) version!: number | null;
  @ApiProperty(nullable(String)) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ description: 'Hash of the previous event (the chain)' }) prevHash!: string;
  @ApiProperty() hash!: string;
}

export class AgreementEventListDto {
  @ApiProperty({ type: [AgreementEventDto] }) data!: AgreementEventDto[];
  @ApiProperty({ description: 'Whether every hash links to the one before' }) chainValid!: boolean;
}

export class AgreementSignatureDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty({ type: 'integer' }) versionNumber!: number;
  @ApiProperty({ enum: PARTIES }) party!: string;
  @ApiProperty() signerName!: string;
  @ApiProperty() signerEmail!: string;
  @ApiProperty(nullable(String, { format: 'uuid' })) signerUserId!: string | null;
  @ApiProperty(nullable(String, { format: 'uuid' })) signingLinkId!: string | null;
  @ApiProperty(instant) signedAt!: Date;
  @ApiProperty(nullable(String)) ipAddress!: string | null;
  @ApiProperty(nullable(String)) userAgent!: string | null;
  @ApiProperty({ enum: ['account', 'signing_link'] }) method!: string;
  @ApiProperty() contentHash!: string;
}

export class AgreementSignatureListDto {
  @ApiProperty({ type: [AgreementSignatureDto] }) data!: AgreementSignatureDto[];
}

export class CreatedSigningLinkDto {
  @ApiProperty({ description: 'The one-time token, shown only here' }) token!: string;
  @ApiProperty() url!: string;
  @ApiProperty(instant) expiresAt!: Date;
  @ApiProperty({ enum: PARTIES }) party!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
}

export class SigningLinkDto {
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty() contentHash!: string;
  @ApiProperty({ enum: PARTIES }) party!: string;
  @ApiProperty() name!: string;
  @ApiProperty(instant) expiresAt!: Date;
  @ApiProperty({ type: TermsDto }) terms!: TermsDto;
  @ApiProperty({ type: 'object', additionalProperties: true }) parties!: Record<string, unknown>;
}

export class SigningLinkOutcomeDto {
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiPropertyOptional({ enum: PARTIES, description: 'After signing' }) party?: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES, description: "The agreement's status now" })
  status!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from './entities/document.entity';

/** Response shapes of the document endpoints (DocumentView and Verification in the service). */
const instant = { type: String, format: 'date-time' };

export class DocumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ type: 'integer', description: 'The agreement version it renders' })
  version!: number;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: string;
  @ApiProperty({ description: "The version's content hash" }) contentHash!: string;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the PDF, when ready' })
  sha256!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) sizeBytes!: number | null;
  @ApiProperty({ ...instant, nullable: true }) sealedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) certificateFingerprint!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty(instant) createdAt!: Date;
  @ApiProperty({ ...instant, nullable: true }) readyAt!: Date | null;
}

export class DocumentListDto {
  @ApiProperty({ type: [DocumentDto] }) data!: DocumentDto[];
}

export class VerificationSignerDto {
  @ApiProperty({ enum: ['student', 'university', 'employer', 'host'] }) party!: string;
  @ApiProperty() name!: string;
  @ApiProperty(instant) signedAt!: Date;
  @ApiProperty({ enum: ['account', 'signing_link'] }) method!: string;
}

export class VerificationDto {
  @ApiProperty({ description: 'Sealed by us, unaltered, and a signed document we stored' })
  valid!: boolean;
  @ApiProperty({
    enum: ['valid', 'altered', 'not_ours', 'unknown'],
    description:
      '`altered`: sealed, but changed since; `not_ours`: a seal that checks out but that this platform did not make; `unknown`: no seal at all',
  })
  verdict!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) agreementId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) version!: number | null;
  @ApiProperty({ type: String, nullable: true }) contentHash!: string | null;
  @ApiProperty({ ...instant, nullable: true }) sealedAt!: Date | null;
  @ApiProperty({ type: [VerificationSignerDto] }) signers!: VerificationSignerDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "The version's state today: a valid document of a superseded version is still authentic",
  })
  versionStatus!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) documentId!: string | null;
  @ApiProperty({ description: 'SHA-256 of the PDF sent' }) sha256!: string;
  @ApiProperty({ type: [String], description: 'Why it is not valid (empty when valid)' })
  problems!: string[];
}

import { ListQueryDto } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DELIVERY_STATUSES, DeliveryStatus } from '../entities/webhook-delivery.entity';
import { ENDPOINT_STATUSES, EndpointStatus } from '../entities/webhook-endpoint.entity';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from '../webhook-events.catalogue';

export class CreateWebhookEndpointDto {
  @ApiProperty({
    example: 'https://sis.example.nl/hooks/dualroute',
    description:
      'http or https (https in production); it must resolve to a public address, and redirects are not followed',
  })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayNotEmpty({ message: 'events must name at least one event type' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique({ message: 'events must not repeat an event type' })
  @IsIn(WEBHOOK_EVENT_TYPES, {
    each: true,
    message: `each event must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
  })
  events!: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The university whose events it receives: required for admins, else the caller’s',
  })
  @IsOptional()
  @IsUUID('all')
  universityId?: string;
}

export class RotateSecretDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 720,
    description:
      'Hours the old secret keeps signing beside the new one (default WEBHOOK_SECRET_OVERLAP_HOURS, 24); 0 ends it at once',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'overlapHours must be a number of hours' })
  @Min(0)
  @Max(720)
  overlapHours?: number;
}

export class DeliveriesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) universityId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events!: WebhookEventType[];
  @ApiProperty({ enum: ENDPOINT_STATUSES }) status!: EndpointStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why the endpoint was disabled' })
  disabledReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'First failed attempt since the last success',
  })
  failingSince!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when the previous secret still signs (after a rotation)',
  })
  previousSecretExpiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class CreatedWebhookEndpointDto extends WebhookEndpointDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The signing secret (Standard Webhooks), shown only now',
  })
  secret!: string;
}

export class RotatedSecretDto {
  @ApiProperty({ description: 'The new signing secret, shown only now' }) secret!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  previousSecretExpiresAt!: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ description: 'The `webhook-id` header: the same on every attempt and redelivery' })
  webhookId!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ type: 'integer', nullable: true }) lastStatusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class WebhookAttemptDto {
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: 'integer' }) durationMs!: number;
  @ApiProperty({ enum: ['delivered', 'rejected', 'failed'] }) outcome!: string;
  @ApiProperty({ type: 'integer', nullable: true }) statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The response body, at most 1 kB' })
  responseBody!: string | null;
}

export class WebhookDeliveryDetailDto extends WebhookDeliveryDto {
  @ApiProperty({ type: [WebhookAttemptDto] }) attemptLog!: WebhookAttemptDto[];
}

import { ApiProperty } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { COMPLETION_OUTCOMES, TERMINATION_REASONS } from '../agreements/agreement-lifecycle';
import { PARTIES } from '../agreements/dto/agreement.dto';
import { DOCUMENT_KINDS } from '../documents/entities/document.entity';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from './webhook-events.catalogue';

/**
 * The `data` of each webhook event, for the OpenAPI document: what integrators generate their
 * receivers from. The fields are the owning modules' domain events (their *-domain-events.ts),
 * which carry ids and what a student information system needs, never a BSN or a signing token.
 */
const uuid = { format: 'uuid' } as const;
const nullableUuid = { type: String, format: 'uuid', nullable: true } as const;

class StudentFact {
  @ApiProperty({ ...uuid, description: 'The student’s university: the only one told' })
  universityId!: string;
  @ApiProperty(uuid) studentId!: string;
}

export class AgreementEventData extends StudentFact {
  @ApiProperty(uuid) agreementId!: string;
}

export class AgreementVersionEventData extends AgreementEventData {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({
    description: 'SHA-256 of the version’s canonical content: what every signature binds to',
  })
  contentHash!: string;
}

export class AgreementSignedData extends AgreementVersionEventData {
  @ApiProperty({ enum: PARTIES }) party!: string;
  @ApiProperty({ enum: ['account', 'signing_link'] }) method!: string;
  @ApiProperty({ type: String, format: 'date-time' }) signedAt!: string;
}

export class AgreementDeclinedData extends AgreementEventData {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ enum: PARTIES }) party!: string;
  @ApiProperty() reason!: string;
}

export class AgreementCompletedData extends AgreementEventData {
  @ApiProperty({ enum: COMPLETION_OUTCOMES }) outcome!: string;
  @ApiProperty() stayedWithEmployer!: boolean;
}

export class AgreementTerminatedData extends AgreementEventData {
  @ApiProperty({ enum: TERMINATION_REASONS }) reason!: string;
  @ApiProperty() employmentContinued!: boolean;
}

export class DocumentReadyData extends AgreementVersionEventData {
  @ApiProperty(uuid) documentId!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, description: '`signed`: the sealed PDF' }) kind!: string;
  @ApiProperty({ description: 'SHA-256 of the PDF, to check a download' }) sha256!: string;
}

export class ImportCompletedData {
  @ApiProperty(uuid) importId!: string;
  @ApiProperty(uuid) universityId!: string;
  @ApiProperty({ enum: ['completed'] }) status!: string;
  @ApiProperty({ type: 'integer' }) created!: number;
  @ApiProperty({ type: 'integer' }) updated!: number;
  @ApiProperty({ type: 'integer' }) unchanged!: number;
  @ApiProperty({ type: 'integer' }) rejected!: number;
}

export class ImportFailedData {
  @ApiProperty(uuid) importId!: string;
  @ApiProperty(uuid) universityId!: string;
  @ApiProperty() reason!: string;
}

export class MatchAcceptedData extends StudentFact {
  @ApiProperty(uuid) matchId!: string;
  @ApiProperty(uuid) vacancyId!: string;
  @ApiProperty({
    ...nullableUuid,
    description: 'The employing company; null when a foundation employs',
  })
  companyId!: string | null;
  @ApiProperty(nullableUuid) foundationId!: string | null;
  @ApiProperty(nullableUuid) hostCompanyId!: string | null;
  @ApiProperty(uuid) employmentId!: string;
  @ApiProperty({ ...uuid, description: 'The draft agreement the acceptance made' })
  agreementId!: string;
  @ApiProperty(nullableUuid) secondmentId!: string | null;
}

export class SecondmentEventData extends StudentFact {
  @ApiProperty(uuid) secondmentId!: string;
  @ApiProperty(uuid) foundationId!: string;
  @ApiProperty(uuid) employmentId!: string;
  @ApiProperty(uuid) hostCompanyId!: string;
  @ApiProperty({ type: String, format: 'date' }) startDate!: string;
  @ApiProperty({ type: String, format: 'date', description: 'The last day (inclusive)' })
  endDate!: string;
}

export class SecondmentEndedData extends SecondmentEventData {
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'The same operation starts the next secondment' })
  resecondment!: boolean;
}

const DATA: Record<WebhookEventType, { model: new () => unknown; summary: string }> = {
  'agreement.submitted': {
    model: AgreementVersionEventData,
    summary: 'A version awaits signatures',
  },
  'agreement.signed': { model: AgreementSignedData, summary: 'A party signed' },
  'agreement.activated': { model: AgreementVersionEventData, summary: 'The agreement is in force' },
  'agreement.declined': { model: AgreementDeclinedData, summary: 'A party declined' },
  'agreement.amended': {
    model: AgreementVersionEventData,
    summary: 'A new version is in force (the previous one superseded)',
  },
  'agreement.completed': { model: AgreementCompletedData, summary: 'The student graduated' },
  'agreement.terminated': { model: AgreementTerminatedData, summary: 'The agreement ended early' },
  'document.ready': { model: DocumentReadyData, summary: 'A preview or the sealed PDF is ready' },
  'import.completed': { model: ImportCompletedData, summary: 'A student import finished' },
  'import.failed': { model: ImportFailedData, summary: 'A student import failed for good' },
  'match.accepted': {
    model: MatchAcceptedData,
    summary: 'A match was accepted: the student is placed',
  },
  'secondment.started': { model: SecondmentEventData, summary: 'A secondment was recorded' },
  'secondment.ended': { model: SecondmentEndedData, summary: 'A secondment ended' },
};

export const WEBHOOK_PAYLOAD_MODELS = [...new Set(Object.values(DATA).map((d) => d.model))];

const header = (name: string, description: string) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
});

/**
 * Adds the webhooks to the document as `x-webhooks` (the OpenAPI 3.0 spelling Redoc and
 * generators read; `webhooks` itself is 3.1): per event type the POST our worker sends, with
 * the Standard Webhooks headers and the body `{ type, timestamp, data }`.
 */
export function addWebhooks(document: OpenAPIObject, schemaPath: (model: string) => string): void {
  const webhooks: Record<string, unknown> = {};
  for (const type of WEBHOOK_EVENT_TYPES) {
    const { model, summary } = DATA[type];
    webhooks[type] = {
      post: {
        summary,
        description:
          'Signed per Standard Webhooks v1: verify `webhook-signature` (HMAC-SHA256 of `id.timestamp.body` with the endpoint’s `whsec_` secret; several signatures during a secret rotation). The same `webhook-id` comes with every retry and redelivery: deduplicate by it.',
        operationId: `webhook_${type.replace('.', '_')}`,
        tags: ['webhooks'],
        // We call the receiver: no credential of ours; the signature authenticates the call.
        security: [],
        parameters: [
          header('webhook-id', 'The event’s id (msg_…): the same on every attempt'),
          header('webhook-timestamp', 'Seconds since the epoch when this attempt was signed'),
          header('webhook-signature', 'Space-separated `v1,<base64>` signatures'),
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['type', 'timestamp', 'data'],
                properties: {
                  type: { type: 'string', enum: [type] },
                  timestamp: { type: 'string', format: 'date-time' },
                  data: { $ref: schemaPath(model.name) },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'Any 2xx within 10 s acknowledges; anything else is retried on WEBHOOK_RETRY_DELAYS, redirects are not followed',
          },
        },
      },
    };
  }
  (document as OpenAPIObject & { 'x-webhooks': unknown })['x-webhooks'] = webhooks;
}

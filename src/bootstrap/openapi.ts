import { finishOpenApiDocument, ProblemDetailsSchema, API_KEY, BEARER } from '@app/common';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { addWebhooks, WEBHOOK_PAYLOAD_MODELS } from '../webhooks/webhook-payloads.openapi';

export const OPENAPI_JSON_PATH = 'api/openapi.json';

const TAGS: [string, string][] = [
  ['auth', 'Log in and who you are'],
  ['users', 'Accounts with a role and a scope'],
  ['api-keys', 'Integration keys (X-Api-Key), scoped to one university'],
  ['universities', 'Hogescholen'],
  ['programmes', 'Opleidingen (Ad, Bachelor) with their CROHO code and calendar'],
  ['routes', 'Mkb-routes: programmes offered as dual routes with sector partners'],
  ['sector-associations', 'Brancheorganisaties'],
  ['companies', 'Mkb-bedrijven and their workplace supervisors'],
  ['foundations', 'Regional foundations (shared employers) and their member companies'],
  ['students', 'Students of a university'],
  ['imports', 'Batch student imports from a student information system'],
  ['matching', 'Vacancies, what students seek, shortlists, matching runs and matches'],
  ['placements', 'Employments, secondments, rotation plans and bench days'],
  ['agreements', 'Tripartite agreements: versions, transitions, signatures, audit trail'],
  ['signing', 'Public, token-scoped signing for signers without an account'],
  ['documents', 'Preview and sealed PDFs, and their public verification'],
  ['webhooks', 'Signed event deliveries to student information systems (Standard Webhooks v1)'],
  ['admin', 'The job path and its queues, for admins'],
  ['health', 'Liveness and readiness'],
];

/**
 * The OpenAPI document of the API, from the controllers' and DTOs' decorators only (no compiler
 * plugin), so `nest build`, ts-node and the tests all produce the same one.
 */
export function buildOpenApiDocument(app: INestApplication, publicBaseUrl: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Dual route API')
    .setDescription(
      [
        'Dual work-study routes: universities, companies, foundations, students, matching, placements and tripartite agreements.',
        '',
        'Errors are `application/problem+json` (RFC 9457, schema ProblemDetails). Lists answer `{ data, nextCursor }`; pass `nextCursor` back as `?cursor=`.',
        'Every POST accepts an `Idempotency-Key`; PATCH accepts `If-Match: <version>`. Operations that need a credential take a Bearer token (POST /auth/login) or, where integrations are allowed, an `X-Api-Key`.',
      ].join('\n'),
    )
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://dualroute.example/license')
    .addServer(publicBaseUrl, 'This deployment (PUBLIC_BASE_URL); paths start with /api/v1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'An access token from POST /auth/login, or an ID token of an institution this deployment trusts (OIDC_ISSUERS): mapped to the existing account with that verified e-mail; roles and scopes are ours',
      },
      BEARER,
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, API_KEY);
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ProblemDetailsSchema, ...WEBHOOK_PAYLOAD_MODELS],
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '')}_${method}`,
  });
  addWebhooks(document, getSchemaPath);
  return finishOpenApiDocument(document, getSchemaPath(ProblemDetailsSchema));
}

import { AGREEMENTS_DOCUMENTS } from './agreements-documents';
import { MatrixEntry } from './expectations';
import { PUBLIC_IDENTITY_DIRECTORY } from './identity-directory';
import { MONITORING } from './monitoring';
import { REPORTING } from './reporting';
import { STUDENTS_MATCHING_PLACEMENTS } from './students-matching-placements';
import { WEBHOOKS } from './webhooks';

export type { MatrixEntry, MatrixRequest } from './expectations';

/** Operations reachable without a credential: listed explicitly, called like the rest. */
export const PUBLIC = [
  'POST /api/v1/auth/login',
  'GET /api/v1/health/live',
  'GET /api/v1/health/ready',
  'POST /api/v1/verify',
  'GET /api/v1/signing/{token}',
  'POST /api/v1/signing/{token}/sign',
  'POST /api/v1/signing/{token}/decline',
];

/** Every operation of the API, keyed as the OpenAPI document names it ("METHOD /path/{param}"). */
export const OPERATIONS: Record<string, MatrixEntry> = {
  ...PUBLIC_IDENTITY_DIRECTORY,
  ...STUDENTS_MATCHING_PLACEMENTS,
  ...AGREEMENTS_DOCUMENTS,
  ...MONITORING,
  ...REPORTING,
  ...WEBHOOKS,
};

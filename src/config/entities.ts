import { COMMON_ENTITIES } from '@app/common';
import { AGREEMENTS_ENTITIES } from '../agreements/agreements.entities';
import { DIRECTORY_ENTITIES } from '../directory/directory.entities';
import { DOCUMENTS_ENTITIES } from '../documents/documents.entities';
import { IDENTITY_ENTITIES } from '../identity/identity.entities';
import { INTEGRATIONS_ENTITIES } from '../integrations/integrations.entities';
import { MATCHING_ENTITIES } from '../matching/matching.entities';
import { MONITORING_ENTITIES } from '../monitoring/monitoring.entities';
import { PLACEMENTS_ENTITIES } from '../placements/placements.entities';
import { REPORTING_ENTITIES } from '../reporting/reporting.entities';
import { STUDENTS_ENTITIES } from '../students/students.entities';
import { WEBHOOKS_ENTITIES } from '../webhooks/webhooks.entities';
import { MAIL_ENTITIES } from '../mail/mail.entities';

/**
 * Every entity, for the TypeORM CLI and `migration:check` only: they see the whole schema at once.
 * The running processes do not use this list; each module registers its own entities with
 * `TypeOrmModule.forFeature` and the connection loads what the imported modules registered
 * (test/platform/entity-registration checks the two agree).
 */
export const ENTITIES = [
  ...COMMON_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...STUDENTS_ENTITIES,
  ...INTEGRATIONS_ENTITIES,
  ...AGREEMENTS_ENTITIES,
  ...DOCUMENTS_ENTITIES,
  ...MATCHING_ENTITIES,
  ...PLACEMENTS_ENTITIES,
  ...MONITORING_ENTITIES,
  ...REPORTING_ENTITIES,
  ...WEBHOOKS_ENTITIES,
  ...MAIL_ENTITIES,
];

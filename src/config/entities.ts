import { AuditEvent, IdempotencyRecord, JobRecord } from '@app/common';
import { AGREEMENTS_ENTITIES } from '../agreements/agreements.entities';
import { DIRECTORY_ENTITIES } from '../directory/directory.entities';
import { DOCUMENTS_ENTITIES } from '../documents/documents.entities';
import { ApiKey } from '../identity/entities/api-key.entity';
import { User } from '../identity/entities/user.entity';
import { INTEGRATIONS_ENTITIES } from '../integrations/integrations.entities';
import { MATCHING_ENTITIES } from '../matching/matching.entities';
import { PLACEMENTS_ENTITIES } from '../placements/placements.entities';
import { STUDENTS_ENTITIES } from '../students/students.entities';

/** Every TypeORM entity, listed explicitly (no globs: the same list works in ts-jest, ts-node and dist). */
export const ENTITIES = [
  AuditEvent,
  JobRecord,
  IdempotencyRecord,
  User,
  ApiKey,
  ...DIRECTORY_ENTITIES,
  ...STUDENTS_ENTITIES,
  ...INTEGRATIONS_ENTITIES,
  ...AGREEMENTS_ENTITIES,
  ...DOCUMENTS_ENTITIES,
  ...MATCHING_ENTITIES,
  ...PLACEMENTS_ENTITIES,
];

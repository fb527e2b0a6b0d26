/**
 * The import's own SQL: the lock that runs imports of one university one after the other. The
 * students themselves are read and written by the students module (StudentBulkUpsert).
 */
import type { EntityManager } from 'typeorm';

/** Advisory-lock namespace (first key of the two-key form) for "imports of one university". */
const IMPORT_LOCK_NAMESPACE = 731_001;

/** Serialises imports of one university until the end of the transaction. */
export async function lockUniversityImports(
  manager: EntityManager,
  universityId: string,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
    IMPORT_LOCK_NAMESPACE,
    universityId,
  ]);
}

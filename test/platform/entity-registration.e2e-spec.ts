import type { INestApplicationContext } from '@nestjs/common';
import { ENTITIES } from '../../src/config/entities';

/**
 * Each module registers its own entities (TypeOrmModule.forFeature) and the connection loads
 * what the imported modules registered; the CLI (migrations, migration:check) keeps the full
 * list in src/config/entities.ts. The two must agree, or a migration and the running code see
 * different schemas. forFeature records entities when a module file is evaluated, so each
 * process is built from a module registry of its own (isolateModulesAsync): otherwise the API's
 * registrations would leak into the worker's connection and hide a missing one.
 */
const names = (targets: unknown[]) =>
  targets.map((target) => (target as { name: string }).name).sort();

async function loadedEntities(
  create: () => Promise<INestApplicationContext>,
  typeorm: typeof import('typeorm'),
): Promise<string[]> {
  const app = await create();
  try {
    await app.init();
    return names(app.get(typeorm.DataSource).entityMetadatas.map((meta) => meta.target));
  } finally {
    await app.close();
  }
}

describe('entity registration per module', () => {
  it('the API registers exactly the entities the migration CLI knows', async () => {
    let loaded: string[] = [];
    await jest.isolateModulesAsync(async () => {
      const { createApiApp } = await import('../../src/bootstrap/api-app');
      loaded = await loadedEntities(createApiApp, await import('typeorm'));
    });
    expect(loaded).toEqual(names(ENTITIES));
  });

  it('the worker starts on the entities its own modules register, a subset of them', async () => {
    let loaded: string[] = [];
    await jest.isolateModulesAsync(async () => {
      const { createWorkerApp } = await import('../../src/worker');
      loaded = await loadedEntities(createWorkerApp, await import('typeorm'));
    });
    expect(loaded).toEqual(
      expect.arrayContaining(['JobRecord', 'StoredDocument', 'MatchingRun', 'StudentImport']),
    );
    expect(loaded.filter((name) => !names(ENTITIES).includes(name))).toEqual([]);
    expect(loaded.length).toBeLessThan(ENTITIES.length);
  });
});

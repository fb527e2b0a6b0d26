/**
 * What the self-contained benchmarks share: a database of their own and their queue keys.
 * Bench databases follow the same ownership rule as the test databases
 * (bench/scratch-databases.ts): each records the process that created it, and is dropped
 * by another run only once that process is gone.
 */
import {
  createOwnedDatabase,
  dropAbandonedDatabases,
  dropDatabase,
  listDatabases,
  isAbandoned,
  ownerHere,
  recordOwner,
  splitDatabaseUrl,
  withAdmin,
} from './scratch-databases';

export { clearQueueKeys } from './scratch-databases';

/**
 * Creates the benchmark's database empty (the benchmark then migrates it), owned by this
 * process. An earlier copy is dropped when its run is over (or it was kept, or has no owner of
 * ours: the name is the benchmark's own); one that a live run of the same benchmark is using
 * is left alone and this run stops. Abandoned databases of other benchmarks go too.
 */
export async function prepareBenchDatabase(
  url: string,
  purpose: string,
  queuePrefix?: string,
): Promise<void> {
  const { name } = splitDatabaseUrl(url);
  await withAdmin(url, async (admin) => {
    await dropAbandonedDatabases(
      admin,
      'dualroute\\_bench\\_%',
      process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    );
    const existing = (await listDatabases(admin, name)).find((db) => db.name === name);
    if (existing?.owner && !existing.owner.kept && !isAbandoned(existing.owner)) {
      throw new Error(
        `${name} is in use by ${existing.owner.purpose} (pid ${existing.owner.pid} on ` +
          `${existing.owner.host}); wait for it, or give this run another database`,
      );
    }
    await dropDatabase(admin, name);
    await createOwnedDatabase(admin, name, ownerHere(purpose, queuePrefix));
  });
}

/** After the run: the database goes unless BENCH_KEEP_DB=1 (then it is marked kept). */
export async function dropBenchDatabaseUnlessKept(url: string): Promise<void> {
  const { name } = splitDatabaseUrl(url);
  await withAdmin(url, async (admin) => {
    if (process.env.BENCH_KEEP_DB !== '1') return dropDatabase(admin, name);
    const db = (await listDatabases(admin, name)).find((d) => d.name === name);
    if (db?.owner) await recordOwner(admin, name, { ...db.owner, kept: true });
  });
}

/**
 * Databases that tests and benchmarks create for themselves ("scratch" databases), with their
 * owner recorded in a `COMMENT ON DATABASE`, so that clean-up drops only what it can prove is
 * abandoned: a database whose owning process (on this host) is gone. Age says nothing: a long
 * run, or another run started minutes ago, may still be using an old-looking database.
 */
import Redis from 'ioredis';
import { hostname } from 'node:os';
import { Client } from 'pg';

/** Marks a comment as ours; anything else in a database comment is left alone. */
const OWNER_TAG = 'dualroute-scratch-database';

export interface DatabaseOwner {
  /** The process whose exit makes the database abandoned (the Jest parent, a bench script). */
  pid: number;
  host: string;
  /** What created it, e.g. `test run <id>` or `bench:import`: printed when it is dropped. */
  purpose: string;
  /** Redis keys of this prefix (`<prefix>:*`, `<prefix>-*`) belong to it too. */
  queuePrefix?: string;
  /** Set for a database kept on purpose (KEEP_TEST_DATABASE, BENCH_KEEP_DB): never swept. */
  kept?: boolean;
}

/** This process as an owner. */
export function ownerHere(purpose: string, queuePrefix?: string, pid = process.pid): DatabaseOwner {
  return { pid, host: hostname(), purpose, queuePrefix };
}

/** The URL of the same server's `postgres` database, and the database name of `url`. */
export function splitDatabaseUrl(url: string): { adminUrl: string; name: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/postgres';
  return { adminUrl: parsed.toString(), name };
}

/** `url` with its database replaced by `name`. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function withAdmin<T>(url: string, fn: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: splitDatabaseUrl(url).adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Creates `name` (empty, or a copy of `template`) and records its owner. */
export async function createOwnedDatabase(
  admin: Client,
  name: string,
  owner: DatabaseOwner,
  template?: string,
): Promise<void> {
  await admin.query(
    `CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`,
  );
  // CREATE DATABASE cannot run in a transaction, so the comment follows it: a process killed
  // between the two leaves a database without an owner, which clean-up then leaves alone.
  await recordOwner(admin, name, owner);
}

export async function recordOwner(
  admin: Client,
  name: string,
  owner: DatabaseOwner,
): Promise<void> {
  const comment = JSON.stringify({ tag: OWNER_TAG, ...owner });
  await admin.query(`COMMENT ON DATABASE ${ident(name)} IS ${literal(comment)}`);
}

export async function dropDatabase(admin: Client, name: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

export interface ScratchDatabase {
  name: string;
  /** Null when the database has no owner of ours recorded (left alone by the sweep). */
  owner: DatabaseOwner | null;
}

/** The databases whose name matches the LIKE `pattern`, with their recorded owners. */
export async function listDatabases(admin: Client, pattern: string): Promise<ScratchDatabase[]> {
  const { rows } = await admin.query<{ name: string; comment: string | null }>(
    `SELECT datname AS name, shobj_description(oid, 'pg_database') AS comment
       FROM pg_database WHERE datname LIKE $1 ORDER BY datname`,
    [pattern],
  );
  return rows.map((row) => ({ name: row.name, owner: parseOwner(row.comment) }));
}

export function parseOwner(comment: string | null): DatabaseOwner | null {
  if (!comment) return null;
  try {
    const parsed = JSON.parse(comment) as Partial<DatabaseOwner> & { tag?: string };
    if (
      parsed.tag !== OWNER_TAG ||
      !Number.isInteger(parsed.pid) ||
      typeof parsed.host !== 'string'
    ) {
      return null;
    }
    return parsed as DatabaseOwner;
  } catch {
    return null;
  }
}

/** Whether process `pid` exists on this host (EPERM: it exists but belongs to someone else). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Abandoned: the owner is a process of this host that no longer exists. A database of another
 * host, of a live process (or of a recycled pid), kept on purpose, or without an owner of ours
 * is never abandoned.
 */
export function isAbandoned(owner: DatabaseOwner | null, host = hostname()): boolean {
  return !!owner && !owner.kept && owner.host === host && !processExists(owner.pid);
}

/**
 * Drops the databases matching `pattern` whose owner is gone (and their queue keys); returns
 * their names.
 */
export async function dropAbandonedDatabases(
  admin: Client,
  pattern: string,
  redisUrl?: string,
): Promise<string[]> {
  const dropped: string[] = [];
  for (const { name, owner } of await listDatabases(admin, pattern)) {
    if (!isAbandoned(owner)) continue;
    await dropDatabase(admin, name);
    if (redisUrl && owner?.queuePrefix) await clearQueueKeys(redisUrl, owner.queuePrefix);
    dropped.push(name);
  }
  return dropped;
}

/** Removes the Redis keys of a queue prefix: `<prefix>:*` and derived prefixes `<prefix>-*`. */
export async function clearQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  if (!prefix) throw new Error('clearQueueKeys needs a non-empty prefix');
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}[-:]*`;
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

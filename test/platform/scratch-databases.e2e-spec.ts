import Redis from 'ioredis';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { Client } from 'pg';
import {
  createOwnedDatabase,
  DatabaseOwner,
  dropAbandonedDatabases,
  dropDatabase,
  listDatabases,
  ownerHere,
} from '../../bench/scratch-databases';
import { prepareBenchDatabase } from '../../bench/support';
import { uniq } from '../helpers/api';

/**
 * Test and bench databases are dropped by their recorded owner, never by age: a run sweeps the
 * databases whose owning process is gone, and leaves every other one alone, however old its
 * name looks (the old rule dropped any dualroute_test_* database whose name said "3 hours ago").
 */
describe('scratch databases: clean-up by recorded owner', () => {
  const tag = `dualroute_test_sweep_${uniq()}`;
  const pattern = `${tag.replace(/_/g, '\\_')}\\_%`;
  // Named as the runs used to be: <pid>_<start time in base 36>, here four hours ago.
  const longAgo = (Date.now() - 4 * 3600_000).toString(36);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let admin: Client;
  let redis: Redis;
  let live: ChildProcess;
  let deadPid: number;

  const names = {
    live: `${tag}_live_${longAgo}`,
    dead: `${tag}_dead_${longAgo}`,
    unowned: `${tag}_unowned_${longAgo}`,
    otherHost: `${tag}_other_host_${longAgo}`,
    kept: `${tag}_kept_${longAgo}`,
    bench: `${tag}bench`, // outside the pattern of the sweep above
  };
  const owner = (pid: number, extra: Partial<DatabaseOwner> = {}): DatabaseOwner => ({
    ...ownerHere('scratch-databases test', undefined, pid),
    ...extra,
  });

  beforeAll(async () => {
    admin = new Client({
      connectionString: Object.assign(new URL(process.env.DATABASE_URL!), {
        pathname: '/postgres',
      }).toString(),
    });
    await admin.connect();
    redis = new Redis(redisUrl);
    // A process that is alive for the whole test, and one that has ended.
    live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const ended = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    deadPid = ended.pid!;
    if (ended.exitCode === null) await once(ended, 'exit');
  });

  afterAll(async () => {
    live?.kill();
    for (const name of Object.values(names)) await dropDatabase(admin, name);
    await admin?.end();
    redis?.disconnect();
  });

  it('drops only databases whose owner process is gone on this host, with their queue keys', async () => {
    const deadPrefix = `${tag}-dead`;
    await createOwnedDatabase(admin, names.live, owner(live.pid!));
    await createOwnedDatabase(admin, names.dead, owner(deadPid, { queuePrefix: deadPrefix }));
    await admin.query(`CREATE DATABASE "${names.unowned}"`);
    await createOwnedDatabase(
      admin,
      names.otherHost,
      owner(deadPid, { host: `not-${hostname()}` }),
    );
    await createOwnedDatabase(admin, names.kept, owner(deadPid, { kept: true }));
    await redis.set(`${deadPrefix}:imports:1`, 'x');
    await redis.set(`${deadPrefix}-relay:imports:1`, 'x');

    const dropped = await dropAbandonedDatabases(admin, pattern, redisUrl);

    expect(dropped).toEqual([names.dead]);
    const left = (await listDatabases(admin, pattern)).map((db) => db.name).sort();
    expect(left).toEqual([names.kept, names.live, names.otherHost, names.unowned].sort());
    expect(await redis.exists(`${deadPrefix}:imports:1`, `${deadPrefix}-relay:imports:1`)).toBe(0);
  });

  it('a bench refuses a database a live run owns, and takes over one whose run is over', async () => {
    const url = Object.assign(new URL(process.env.DATABASE_URL!), {
      pathname: `/${names.bench}`,
    }).toString();
    const run = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await createOwnedDatabase(admin, names.bench, owner(run.pid!));
    await expect(prepareBenchDatabase(url, 'scratch-databases test')).rejects.toThrow(
      /in use by scratch-databases test \(pid/,
    );
    run.kill();
    await once(run, 'exit');
    await prepareBenchDatabase(url, 'scratch-databases test');
    const [bench] = await listDatabases(admin, names.bench.replace(/_/g, '\\_'));
    expect(bench.owner).toMatchObject({ pid: process.pid, host: hostname() });
  });
});

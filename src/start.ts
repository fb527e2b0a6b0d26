import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { allReady } from './bootstrap/ready-signal';
import { migrate } from './cli/migrate';
import { DemoLogin, formatLogins, seedDemoIfEmpty } from './cli/seed-demo';
import { AppConfig, loadAppConfig } from './config/app-config';

/**
 * `npm start`: apply migrations, load demo data on an empty database (unless DEMO_DATA=false),
 * then run the API and one worker as child processes, and stop both on SIGINT/SIGTERM. The demo
 * logins and the URLs come last, once both children report that they are ready, so that they
 * are what a terminal shows after the start-up logs.
 */
async function start(): Promise<void> {
  const config = loadAppConfig();
  const applied = await migrate(config.databaseUrl);
  console.log(
    applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date',
  );
  const logins = config.demoData
    ? (await seedDemoIfEmpty(config, { printLogins: false })).logins
    : [];

  const children: ChildProcess[] = [
    fork(join(__dirname, 'main.js')),
    fork(join(__dirname, 'worker.js')),
  ];
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (const child of children) {
    child.on('exit', (code) => {
      if (!stopping) {
        console.error(`A child process exited (${code}); stopping the other.`);
        stop('SIGTERM');
        process.exitCode = code ?? 1;
      }
    });
  }
  await allReady(children);
  if (!stopping) console.log(summary(config, logins));
}

function summary(config: AppConfig, logins: DemoLogin[]): string {
  const base = `http://localhost:${config.port}`;
  return [
    '',
    'API and worker are running (Ctrl-C stops both).',
    ...(logins.length ? [formatLogins(config, logins)] : []),
    `API:      ${base}/api/v1`,
    `API docs: ${base}/api/docs`,
    '',
  ].join('\n');
}

start().catch((error) => {
  console.error('Start-up failed:', error);
  process.exit(1);
});

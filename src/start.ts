import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { migrate } from './cli/migrate';
import { seedDemoIfEmpty } from './cli/seed-demo';
import { loadAppConfig } from './config/app-config';

/**
 * `npm start`: apply migrations, load demo data on an empty database (unless DEMO_DATA=false),
 * then run the API and one worker as child processes, and stop both on SIGINT/SIGTERM.
 */
async function start(): Promise<void> {
  const config = loadAppConfig();
  const applied = await migrate(config.databaseUrl);
  console.log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date');
  if (config.demoData) await seedDemoIfEmpty(config);

  const children: ChildProcess[] = [fork(join(__dirname, 'main.js')), fork(join(__dirname, 'worker.js'))];
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
  console.log(`API:      http://localhost:${config.port}/api/v1`);
  console.log(`API docs: http://localhost:${config.port}/api/docs`);
}

start().catch((error) => {
  console.error('Start-up failed:', error);
  process.exit(1);
});

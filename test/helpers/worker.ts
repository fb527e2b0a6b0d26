import type { INestApplicationContext } from '@nestjs/common';
import { createWorkerApp } from '../../src/worker';

export interface TestWorker {
  app: INestApplicationContext;
  close(): Promise<void>;
}

/**
 * Runs `fn` with process.env changed as given (undefined deletes a variable) and restores it
 * afterwards. Configuration is read once, while the Nest application is created, so creating
 * an app inside this makes the overrides stick for that app only.
 */
export async function withEnv<T>(
  overrides: Record<string, string | undefined>,
  fn: () => Promise<T>,
): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(overrides)) {
    saved[key] = process.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return await fn();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * The real worker (job dispatcher, runner and reconciler), in-process, on the test database and
 * the run's QUEUE_PREFIX unless overridden (e.g. REDIS_URL pointing at a proxy).
 */
export async function startWorker(
  envOverrides: Record<string, string | undefined> = {},
): Promise<TestWorker> {
  const app = await withEnv(envOverrides, async () => {
    const worker = await createWorkerApp();
    await worker.init();
    return worker;
  });
  return { app, close: () => app.close() };
}

/**
 * Polls `fn` until it returns something truthy (and returns that), or fails after `timeoutMs`
 * with the last value or error in the message.
 */
export async function waitFor<T>(
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 15_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`waitFor timed out after ${timeoutMs} ms; last: ${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

import { flushLogs } from '@app/common';
import type { EventEmitter } from 'node:events';

/**
 * How the API and worker processes tell `npm start` (src/start.ts, their parent) that they are
 * serving: an IPC message, sent only when there is a parent listening (a fork), after the
 * process's start-up logs are out (so the parent's summary comes after them).
 */
export interface ReadyMessage {
  type: 'ready';
  process: 'api' | 'worker';
}

export async function announceReady(name: ReadyMessage['process']): Promise<void> {
  if (!process.send) return;
  await flushLogs();
  const message: ReadyMessage = { type: 'ready', process: name };
  process.send(message);
}

export function isReadyMessage(message: unknown): message is ReadyMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as ReadyMessage).type === 'ready' &&
    ((message as ReadyMessage).process === 'api' || (message as ReadyMessage).process === 'worker')
  );
}

/**
 * Resolves once every process in `expected` has announced it is ready on one of `children`
 * (each a forked ChildProcess: IPC messages arrive as 'message' events); other messages are
 * ignored.
 */
export function allReady(
  children: EventEmitter[],
  expected: ReadyMessage['process'][] = ['api', 'worker'],
): Promise<void> {
  const waiting = new Set(expected);
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (!isReadyMessage(message)) return;
      waiting.delete(message.process);
      if (waiting.size > 0) return;
      for (const child of children) child.off('message', onMessage);
      resolve();
    };
    for (const child of children) child.on('message', onMessage);
  });
}

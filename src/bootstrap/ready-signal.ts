import { flushLogs } from '@app/common';

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

import { EventEmitter } from 'node:events';
import { allReady, isReadyMessage } from './ready-signal';

describe('allReady (npm start waits for the API and the worker)', () => {
  const settled = async (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    return done;
  };

  it('resolves only once both processes have announced they are ready', async () => {
    const [api, worker] = [new EventEmitter(), new EventEmitter()];
    const ready = allReady([api, worker]);
    api.emit('message', { type: 'ready', process: 'api' });
    api.emit('message', { type: 'ready', process: 'api' });
    worker.emit('message', { type: 'log', process: 'worker' });
    expect(await settled(ready)).toBe(false);
    worker.emit('message', { type: 'ready', process: 'worker' });
    expect(await settled(ready)).toBe(true);
    expect(api.listenerCount('message') + worker.listenerCount('message')).toBe(0);
  });

  it('recognises only well-formed ready messages', () => {
    expect(isReadyMessage({ type: 'ready', process: 'worker' })).toBe(true);
    for (const other of [null, 'ready', { type: 'ready' }, { type: 'ready', process: 'db' }]) {
      expect(isReadyMessage(other)).toBe(false);
    }
  });
});

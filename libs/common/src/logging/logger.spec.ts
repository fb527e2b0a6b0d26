import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pino from 'pino';
import { prettyFactory } from 'pino-pretty';
import { Writable } from 'node:stream';
import { createLogger, flushLogs, PinoNestLogger, PRETTY_OPTIONS } from './logger';

/** The stream a pino logger writes to. */
const streamOf = (logger: pino.Logger) =>
  (logger as unknown as Record<symbol, { constructor: { name: string } }>)[pino.symbols.streamSym];

describe('createLogger', () => {
  it('writes JSON lines when stdout is not a terminal', () => {
    expect(streamOf(createLogger('info', { isTTY: false })).constructor.name).toBe('SonicBoom');
  });

  it('formats for people when stdout is a terminal', async () => {
    const logger = createLogger('info', { isTTY: true });
    expect(streamOf(logger).constructor.name).toBe('Transform'); // pino-pretty's formatter
    await expect(flushLogs()).resolves.toBeUndefined();
  });

  it('stays silent when the level is silent, terminal or not', () => {
    expect(streamOf(createLogger('silent', { isTTY: true })).constructor.name).toBe('SonicBoom');
  });
});

describe('flushLogs', () => {
  it('has every line logged so far written out when it resolves (JSON, buffered)', async () => {
    // In a child process whose stdout the test reads: more than a block of lines (a write is
    // under way when flushLogs is called), less than a block behind it, then a marker written
    // directly to the same stdout.
    const child = `
      require(process.env.TS_NODE_ENTRY).register({ transpileOnly: true });
      const { writeSync } = require('node:fs');
      const { createLogger, flushLogs } = require(process.env.LOGGER);
      const logger = createLogger('info', { isTTY: false });
      for (let i = 0; i < 60; i++) logger.info({ i }, 'line');
      flushLogs().then(() => writeSync(1, 'flushed\\n'));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', child], {
      env: {
        ...process.env,
        TS_NODE_ENTRY: require.resolve('ts-node'),
        LOGGER: require.resolve('./logger'),
      },
      timeout: 30_000, // a hang detector only
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(61);
    expect(lines[59]).toContain('"i":59');
    expect(lines[60]).toBe('flushed');
  }, 40_000);
});

describe('PRETTY_OPTIONS', () => {
  it('puts a line on one line: time, level, [context] message, other fields inline', () => {
    const format = prettyFactory({ ...PRETTY_OPTIONS, colorize: false });
    const line = format(
      JSON.stringify({
        level: 30,
        time: Date.UTC(2026, 0, 2, 3, 4, 5),
        pid: 1,
        hostname: 'h',
        context: 'Worker',
        msg: 'Worker started',
        jobs: 2,
      }),
    );
    expect(line).toMatch(/^\[\d\d:\d\d:05\.000\] INFO: \[Worker\] Worker started \{"jobs":2\}\n$/);
  });
});

describe('PinoNestLogger', () => {
  function capture() {
    const lines: { level: number; msg: string; context?: string }[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    return { lines, nest: new PinoNestLogger(pino({ level: 'debug' }, sink)) };
  }

  it("logs Nest's module and route wiring at debug, everything else at its own level", () => {
    const { lines, nest } = capture();
    nest.log('AppModule dependencies initialized', 'InstanceLoader');
    nest.log('Mapped {/api/v1/students, GET} route', 'RouterExplorer');
    nest.log('StudentsController {/api/v1/students}:', 'RoutesResolver');
    nest.log('Nest application successfully started', 'NestApplication');
    nest.warn('Generated a development certificate', 'Seal');
    expect(lines.map((l) => [l.level, l.context])).toEqual([
      [20, 'InstanceLoader'],
      [20, 'RouterExplorer'],
      [20, 'RoutesResolver'],
      [30, 'NestApplication'],
      [40, 'Seal'],
    ]);
  });
});

import { PROBLEM_BASE, RETRY_AFTER_SECONDS } from '@app/common';
import {
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appConfig } from '../config/app-config';
import { DependencyHealth } from './dependency-health';

/**
 * The worker's health endpoints on a port of their own (WORKER_HEALTH_PORT, default 3001):
 * `GET /health/live` (the process is up) and `GET /health/ready` (PostgreSQL and Redis answer;
 * 503 problem+json naming what is down), the same answers as the API's. A bare node:http
 * listener: the worker has no HTTP stack, and probes need nothing more.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHealth');
  private server: Server | null = null;

  constructor(
    private readonly health: DependencyHealth,
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
  ) {}

  /** The port listened on (the chosen one when configured as 0), or null when not listening. */
  get port(): number | null {
    return this.server ? (this.server.address() as AddressInfo).port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { port, explicit } = this.config.workerHealth;
    if (port === null || this.server) return;
    const server = createServer((req, res) => void this.handle(req, res));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, this.config.host, () => resolve());
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The default port may be taken by another local instance: run without the endpoint then.
      // A port the operator chose must be served, or probes would fail for a confusing reason.
      if (!explicit && code === 'EADDRINUSE') {
        this.logger.warn(
          `Port ${port} is in use: no health endpoint (set WORKER_HEALTH_PORT to choose one)`,
        );
        return;
      }
      throw new Error(
        `WORKER_HEALTH_PORT ${port} on ${this.config.host}: ${(error as Error).message}`,
      );
    }
    this.server = server;
    this.logger.log(`Health endpoints on http://${this.config.host}:${this.port}/health/ready`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, problem(405, 'method-not-allowed', 'Method not allowed', 'Use GET.'));
    }
    if (path === '/health/live') return send(res, 200, { status: 'ok' });
    if (path !== '/health/ready') {
      return send(
        res,
        404,
        problem(404, 'not-found', 'Not found', 'Try /health/live or /health/ready.'),
      );
    }
    const { ready, details, down } = await this.health.check();
    if (ready) return send(res, 200, { status: 'ok', details });
    const body = problem(
      503,
      'not-ready',
      'Service unavailable',
      `Not ready: ${down.join(' and ')} unreachable.`,
    );
    return send(
      res,
      503,
      { ...body, down, details },
      { 'retry-after': String(RETRY_AFTER_SECONDS) },
    );
  }
}

function problem(status: number, type: string, title: string, detail: string) {
  return { type: PROBLEM_BASE + type, title, status, detail };
}

function send(
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type':
      status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(json);
}

/** Imported by the worker's module (and only there): the API serves /health/* itself. */
@Module({ providers: [DependencyHealth, WorkerHealthServer] })
export class WorkerHealthModule {}

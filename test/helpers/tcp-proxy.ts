import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A tiny TCP forwarder for fault tests: point a client at it, then `stop()` to make every
 * connection fail (listener closed, open sockets destroyed: new connections are refused) and
 * `start()` again on the same port to bring the service "back".
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly pipes = new Set<[net.Socket, net.Socket]>();
  private stalled = false;
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  /**
   * Listens on `port` (0: a free port the first time, the same port afterwards). Already
   * listening: forwards again if stalled, and otherwise changes nothing.
   */
  async start(port = this.port): Promise<number> {
    if (this.server) {
      if (this.stalled) await this.stop();
      else return this.port;
    }
    const server = net.createServer((client) => {
      if (this.stalled) {
        // Accepted and held, never answered (see stall()).
        this.sockets.add(client);
        client.on('error', () => undefined);
        return;
      }
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      const pipe: [net.Socket, net.Socket] = [client, upstream];
      this.pipes.add(pipe);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => {
        client.destroy();
        this.pipes.delete(pipe);
      });
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) => {
        server.close();
        reject(error);
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.port;
  }

  /** Connections currently forwarded (e.g. to wait until a client has reconnected all of its). */
  get connections(): number {
    return this.pipes.size;
  }

  /**
   * A dependency that hangs instead of refusing: open connections stay open but pass no more
   * data, new ones are accepted and never answered, so clients wait for their own timeouts.
   * `stop()` and `start()` bring the service back.
   */
  stall(): void {
    this.stalled = true;
    for (const [client, upstream] of this.pipes) {
      client.unpipe(upstream);
      upstream.unpipe(client);
    }
  }

  /** Refuses new connections and cuts the open ones. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.stalled = false;
    this.pipes.clear();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
}

/** Resolves with the error code of a connection attempt (e.g. ECONNREFUSED), or 'connected'. */
export function tryConnect(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

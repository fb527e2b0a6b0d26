import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const SERVER = join(__dirname, 'oidc-provider-server.mjs');

/** Our client id at the test provider (the audience OIDC_ISSUERS names) and another application's. */
export const CLIENTS = {
  dualroute: { secret: 'dualroute-test-secret', redirectUri: 'https://dualroute.example/cb' },
  'other-client': { secret: 'other-test-secret', redirectUri: 'https://other.example/cb' },
} as const;
export type ClientId = keyof typeof CLIENTS;

export interface AccountClaims {
  email: string;
  email_verified: boolean;
}

/** A real OpenID provider (oidc-provider) in a child process on 127.0.0.1. */
export class TestOidcProvider {
  private child: ChildProcess | null = null;
  private readonly accounts = new Map<string, AccountClaims>();
  issuer = '';
  /** The key id the provider signs with now; a restart changes it. */
  kid = '';

  private constructor(private readonly idTokenTtlSeconds: number) {}

  static async start(options: { idTokenTtlSeconds?: number } = {}): Promise<TestOidcProvider> {
    const provider = new TestOidcProvider(options.idTokenTtlSeconds ?? 300);
    await provider.launch(0);
    return provider;
  }

  /** Stops and starts it again on the same address with a newly generated signing key. */
  async rotateKey(): Promise<void> {
    const port = Number(new URL(this.issuer).port);
    await this.stop();
    await this.launch(port);
    for (const [sub, claims] of this.accounts) await this.putAccount(sub, claims);
  }

  async setAccount(sub: string, claims: AccountClaims): Promise<void> {
    this.accounts.set(sub, claims);
    await this.putAccount(sub, claims);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }

  /**
   * A real ID token for the account `sub`, issued to `clientId`: the authorization-code flow
   * scripted over HTTP (the development login form takes the account id as the login name;
   * then consent, the code at the redirect URI, and the token endpoint).
   */
  async idToken(sub: string, clientId: ClientId = 'dualroute'): Promise<string> {
    const client = CLIENTS[clientId];
    const browser = new CookieBrowser();
    const authorize = new URL('/auth', this.issuer);
    authorize.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      scope: 'openid email',
      redirect_uri: client.redirectUri,
      state: 'state-1',
      nonce: 'nonce-1',
    }).toString();

    let response = await browser.get(authorize.href);
    let code: string | null = null;
    for (let step = 0; step < 12 && code === null; step++) {
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, this.issuer);
        if (next.href.startsWith(client.redirectUri)) {
          code = next.searchParams.get('code');
          if (!code) throw new Error(`no code at the redirect: ${next.search}`);
          break;
        }
        response = await browser.get(next.href);
        continue;
      }
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      if (response.status !== 200 || !action) {
        throw new Error(`unexpected page (${response.status}): ${page.slice(0, 300)}`);
      }
      const form: Record<string, string> = page.includes('name="login"')
        ? { prompt: 'login', login: sub, password: 'any' }
        : { prompt: 'consent' };
      response = await browser.post(new URL(action, this.issuer).href, form);
    }
    if (!code) throw new Error('the authorization flow did not end at the redirect URI');

    const token = await fetch(new URL('/token', this.issuer), {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${client.secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: client.redirectUri,
      }).toString(),
    });
    const body = (await token.json()) as { id_token?: string };
    if (token.status !== 200 || !body.id_token) {
      throw new Error(`token endpoint: ${token.status} ${JSON.stringify(body)}`);
    }
    return body.id_token;
  }

  private async launch(port: number): Promise<void> {
    const clients = Object.entries(CLIENTS).map(([id, c]) => ({
      client_id: id,
      client_secret: c.secret,
      redirect_uris: [c.redirectUri],
    }));
    const options = { port, idTokenTtlSeconds: this.idTokenTtlSeconds, clients };
    const child = spawn(process.execPath, [SERVER, JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout! });
    const ready = new Promise<{ issuer: string; kid: string }>((resolve, reject) => {
      lines.once('line', (line) => resolve(JSON.parse(line)));
      child.once('exit', (code) =>
        reject(new Error(`the OpenID provider exited (${code}) before it was ready: ${stderr}`)),
      );
    });
    const { issuer, kid } = await ready;
    this.issuer = issuer;
    this.kid = kid;
  }

  private async putAccount(sub: string, claims: AccountClaims): Promise<void> {
    const res = await fetch(new URL(`/test/accounts/${encodeURIComponent(sub)}`, this.issuer), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(claims),
    });
    if (res.status !== 204) throw new Error(`set account ${sub}: ${res.status}`);
  }
}

/** Just enough of a browser for the provider's pages: keeps cookies, never follows redirects. */
class CookieBrowser {
  private readonly cookies = new Map<string, string>();

  get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  post(url: string, form: Record<string, string>): Promise<Response> {
    return this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    // Paths are ignored: the flow is one request at a time, so the latest cookie of a name is right.
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

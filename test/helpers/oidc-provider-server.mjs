// A real OpenID provider (oidc-provider, ESM-only, hence a process of its own) for the e2e
// suite. Usage: node oidc-provider-server.mjs '{"port":0,"idTokenTtlSeconds":60}'
// It listens on 127.0.0.1, signs with an RSA key generated at start (so a restart on the same
// port is a key rotation) and prints {"issuer","kid"} as one JSON line on stdout when ready.
// Accounts live in memory: PUT /test/accounts/<sub> {"email","email_verified"} sets one.
import { Buffer } from 'node:buffer';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import process from 'node:process';
import Provider from 'oidc-provider';

const options = JSON.parse(process.argv[2] ?? '{}');
const port = Number(options.port ?? 0);
const idTokenTtlSeconds = Number(options.idTokenTtlSeconds ?? 300);

// [{ client_id, client_secret, redirect_uris }], confidential clients of the code flow.
const clients = options.clients ?? [];

const accounts = new Map();

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomBytes(8).toString('hex'),
    alg: 'RS256',
    use: 'sig',
  };
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

async function accountsRoute(req, res) {
  const sub = decodeURIComponent(req.url.slice('/test/accounts/'.length));
  if (req.method !== 'PUT' || !sub) {
    res.writeHead(405).end();
    return;
  }
  const { email, email_verified } = await readJson(req);
  accounts.set(sub, { email, email_verified });
  res.writeHead(204).end();
}

const server = createServer();
server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const key = signingKey();
  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [key] },
    async findAccount(_ctx, sub) {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // The e-mail claims in the ID token itself (not only at userinfo): what our API reads.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    ttl: {
      IdToken: idTokenTtlSeconds,
      AccessToken: 600,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url.startsWith('/test/accounts/')) {
      accountsRoute(req, res).catch(() => res.writeHead(400).end());
    } else {
      callback(req, res);
    }
  });
  process.stdout.write(`${JSON.stringify({ issuer, kid: key.kid })}\n`);
});

process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});

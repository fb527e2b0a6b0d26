import 'reflect-metadata';
import { createApiApp } from './bootstrap/api-app';
import { announceReady } from './bootstrap/ready-signal';
import { loadAppConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApiApp();
  await app.listen({ port: config.port, host: config.host });
}

main()
  .then(() => announceReady('api'))
  .catch((error) => {
    console.error('API failed to start:', error);
    process.exit(1);
  });

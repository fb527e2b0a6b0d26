import { Logger } from '@nestjs/common';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/app-config';
import { loadDocumentsConfig } from './documents.config';
import { loadSealer } from './seal-certificate';

const PRODUCTION = { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://dual.example.nl/' };

describe('documents configuration', () => {
  it('has development defaults: local directory, generated seal next to it', () => {
    const c = loadDocumentsConfig({ NODE_ENV: 'development', DOCUMENTS_DIR: '/srv/docs' });
    expect(c).toMatchObject({
      documentsDir: '/srv/docs',
      sealP12Path: null,
      allowSelfSigned: true,
      devSealPath: '/srv/dev-seal.p12',
      publicBaseUrl: 'http://localhost:3000',
      concurrency: 2,
    });
  });

  it('allows a self-signed seal outside production only, unless told', () => {
    expect(loadDocumentsConfig(PRODUCTION).allowSelfSigned).toBe(false);
    expect(
      loadDocumentsConfig({ ...PRODUCTION, SEAL_ALLOW_SELF_SIGNED: 'true' }).allowSelfSigned,
    ).toBe(true);
    expect(() => loadDocumentsConfig({ SEAL_ALLOW_SELF_SIGNED: 'maybe' })).toThrow(ConfigError);
    expect(
      loadDocumentsConfig({ ...PRODUCTION, SEAL_P12_PATH: '/run/secrets/seal.p12' }).sealP12Path,
    ).toBe('/run/secrets/seal.p12');
  });

  it('requires PUBLIC_BASE_URL in production: it is printed into every sealed PDF', () => {
    expect(() => loadDocumentsConfig({ NODE_ENV: 'production' })).toThrow(
      /PUBLIC_BASE_URL is required in production/,
    );
    expect(() => loadDocumentsConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: '' })).toThrow(
      ConfigError,
    );
    expect(loadDocumentsConfig(PRODUCTION).publicBaseUrl).toBe('https://dual.example.nl');
    expect(loadDocumentsConfig({ NODE_ENV: 'test' }).publicBaseUrl).toBe('http://localhost:3000');
  });

  it('names the variable of a bad value', () => {
    expect(() => loadDocumentsConfig({ DOCUMENT_JOB_CONCURRENCY: '0' })).toThrow(
      /DOCUMENT_JOB_CONCURRENCY/,
    );
    expect(() => loadDocumentsConfig({ PUBLIC_BASE_URL: 'ftp://x' })).toThrow(/PUBLIC_BASE_URL/);
    expect(loadDocumentsConfig({ PUBLIC_BASE_URL: 'https://dual.example.nl/' }).publicBaseUrl).toBe(
      'https://dual.example.nl',
    );
  });
});

describe('the sealing certificate', () => {
  const quiet = { log: () => undefined, warn: () => undefined } as unknown as Logger;

  it('a production worker refuses to seal without a certificate', async () => {
    await expect(loadSealer(loadDocumentsConfig(PRODUCTION), quiet)).rejects.toThrow(
      /SEAL_P12_PATH is required/,
    );
  });

  it('generates one development seal, also for workers starting at once, and reuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dualroute-seal-'));
    try {
      const config = loadDocumentsConfig({
        NODE_ENV: 'test',
        DOCUMENTS_DIR: join(dir, 'documents'),
      });
      const [a, b] = await Promise.all([loadSealer(config, quiet), loadSealer(config, quiet)]);
      const c = await loadSealer(config, quiet);
      expect(b.certificateFingerprint).toBe(a.certificateFingerprint);
      expect(c.certificateFingerprint).toBe(a.certificateFingerprint);
      expect(await readdir(dir)).toEqual(['dev-seal.p12']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { ConfigError } from '../config/app-config';
import { loadDocumentsConfig } from './documents.config';

describe('documents configuration', () => {
  it('has development defaults: local directory, generated seal next to it', () => {
    const c = loadDocumentsConfig({ NODE_ENV: 'development', DOCUMENTS_DIR: '/srv/docs' });
    expect(c).toMatchObject({
      documentsDir: '/srv/docs',
      sealP12Path: null,
      devSealPath: '/srv/dev-seal.p12',
      publicBaseUrl: 'http://localhost:3000',
      jobLockMs: 30_000,
      concurrency: 2,
    });
  });

  it('refuses to run production without a sealing certificate', () => {
    expect(() => loadDocumentsConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadDocumentsConfig({ NODE_ENV: 'production' })).toThrow(/SEAL_P12_PATH/);
    expect(
      loadDocumentsConfig({ NODE_ENV: 'production', SEAL_P12_PATH: '/run/secrets/seal.p12' })
        .sealP12Path,
    ).toBe('/run/secrets/seal.p12');
  });

  it('names the variable of a bad value', () => {
    expect(() => loadDocumentsConfig({ DOCUMENT_JOB_LOCK_MS: '10' })).toThrow(
      /DOCUMENT_JOB_LOCK_MS/,
    );
    expect(() => loadDocumentsConfig({ PUBLIC_BASE_URL: 'ftp://x' })).toThrow(/PUBLIC_BASE_URL/);
    expect(loadDocumentsConfig({ PUBLIC_BASE_URL: 'https://dual.example.nl/' }).publicBaseUrl).toBe(
      'https://dual.example.nl',
    );
  });
});

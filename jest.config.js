/**
 * Unit tests beside the code; e2e tests in test/ against real PostgreSQL and Redis, each file
 * on a database and queue prefix of its own (test/setup/file-database.ts). Tests run in a
 * random order within each file (the seed is printed; `--seed=<n>` repeats an order), so no
 * test can lean on another having run first.
 */
const moduleNameMapper = {
  '^@app/common(|/.*)$': '<rootDir>/libs/common/src$1',
  '^@app/matching-engine(|/.*)$': '<rootDir>/libs/matching-engine/src$1',
  '^@app/agreement-pdf(|/.*)$': '<rootDir>/libs/agreement-pdf/src$1',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] };

module.exports = {
  testTimeout: 60000,
  randomize: true,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src', '<rootDir>/libs'],
      testMatch: ['**/*.spec.ts'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      moduleNameMapper,
      transform,
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/test/setup/env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/file-database.ts'],
    },
  ],
};

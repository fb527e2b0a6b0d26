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
  '^@app/report-pdf(|/.*)$': '<rootDir>/libs/report-pdf/src$1',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] };

/**
 * Coverage (`npm test` collects it, as CI does): unit and e2e tests merged into one report, since
 * the e2e tests drive the real modules in-process. Babel (istanbul) instrumentation rather than
 * V8's coverage: measured on this suite, V8 made the run about 3.5 times slower and istanbul
 * about as fast as no coverage (figures in the README, Architecture, Tests). Each lib is held to
 * 80 % of its lines; the application is reported, not gated.
 */
const coverage = {
  collectCoverageFrom: [
    'src/**/*.ts',
    'libs/*/src/**/*.ts',
    '!**/*.spec.ts',
    '!**/*.d.ts',
    '!**/spec-helpers.ts',
    '!libs/*/src/testing/**',
  ],
  coverageProvider: 'babel',
  coverageReporters: [['text', { skipFull: true }], 'text-summary', 'json-summary'],
  coverageThreshold: {
    './libs/common/': { lines: 80 },
    './libs/agreement-pdf/': { lines: 80 },
    './libs/matching-engine/': { lines: 80 },
    './libs/report-pdf/': { lines: 80 },
  },
};

module.exports = {
  testTimeout: 60000,
  randomize: true,
  ...coverage,
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
      setupFilesAfterEnv: [
        '<rootDir>/test/setup/hang-watchdog.ts',
        '<rootDir>/test/setup/file-database.ts',
      ],
    },
  ],
};

/**
 * Three tiers, one project each (`npx jest --selectProjects unit|medium|e2e` runs one):
 * - unit: pure rules, next to the code (src/**\/*.spec.ts), and the checks of the house (test/*.spec.ts);
 * - medium: the real services in a Nest application context without HTTP, against PostgreSQL and
 *   Redis, each spec file in a database of its own cloned from a migrated, seeded template
 *   (*.medium-spec.ts, in test/medium/ or next to the code);
 * - e2e: the real app over HTTP (test/*.e2e-spec.ts), two files at a time, each worker slot in a
 *   database of its own (E2E_WORKERS=1: one at a time, in one database).
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  // ESM-only packages are compiled to CommonJS for Jest (Node 20 cannot require them there).
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@fastify/static/node_modules/content-disposition|content-disposition|@scure|@noble|@otplib|openid-client|oauth4webapi|jose|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit)/)',
  ],
  setupFiles: ['<rootDir>/test/setup/env.ts'],
};

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/scripts'], testMatch: ['**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'medium',
      roots: ['<rootDir>/src', '<rootDir>/test'],
      testMatch: ['**/*.medium-spec.ts'],
      globalSetup: '<rootDir>/test/medium/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      // E2E_WORKERS files at a time (default 2), each worker slot with a database of its own (test/setup/e2e-slot.ts).
      setupFiles: [...shared.setupFiles, '<rootDir>/test/setup/e2e-slot.ts'],
      runner: '<rootDir>/test/setup/e2e-runner.js',
    },
  ],
  // A worker is recycled after every file: the ESM-only NestJS 12 GraphQL stack keeps state across
  // files run in one process, so each spec file gets a fresh process. Unit and medium files run two
  // at a time (each medium file has its own database and Redis prefix); e2e files E2E_WORKERS at a time (default 2).
  maxWorkers: 2,
  workerIdleMemoryLimit: '1MB',
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
};

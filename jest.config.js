/** Unit specs sit next to the code (src/**), end-to-end specs in test/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  // ESM-only packages are compiled to CommonJS for Jest (Node 20 cannot require them there).
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@scure|@noble|@otplib)/)'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  testTimeout: 60000,
  // One worker, recycled after every file: the ESM-only NestJS 12 GraphQL stack keeps state across
  // files run in one process, so each spec file gets a fresh process (and the files share one database).
  maxWorkers: 1,
  workerIdleMemoryLimit: '1MB',
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
};

/**
 * Jest's own runner with E2E_WORKERS workers (default 2, as e2eWorkers in test-env.ts reads it; 1 runs
 * them one after another): end-to-end files run that many at a
 * time, each worker slot against a database and a Redis prefix of its own (test/setup/e2e-slot.ts),
 * so that files of one slot share its database one after another, as the seeded users expect.
 * Each file still gets a fresh worker process (workerIdleMemoryLimit).
 */
const TestRunner = require('jest-runner').default;

const n = Number(process.env.E2E_WORKERS || 2);
const WORKERS = Number.isInteger(n) && n >= 1 && n <= 8 ? n : 2;

class E2eRunner extends TestRunner {
  constructor(globalConfig, context, options) {
    super({ ...globalConfig, maxWorkers: WORKERS }, context, options);
  }
}

module.exports = E2eRunner;

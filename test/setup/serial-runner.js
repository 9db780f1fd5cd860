/**
 * Jest's own runner with one worker: the end-to-end files share one database and the seeded
 * users, so they run one after another even when the unit and medium tiers use more workers.
 * Each file still gets a fresh worker process (workerIdleMemoryLimit).
 */
const TestRunner = require('jest-runner').default;

class SerialRunner extends TestRunner {
  constructor(globalConfig, context, options) {
    super({ ...globalConfig, maxWorkers: 1 }, context, options);
  }
}

module.exports = SerialRunner;

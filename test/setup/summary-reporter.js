/**
 * Ends the run with one plain line, "N passed, N failed", that CI reads; before it, each tier's
 * files, tests and the time its files took (summed: unit and medium files run two at a time).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const tiers = new Map();
    for (const file of results.testResults) {
      const name = (file.displayName && (file.displayName.name || file.displayName)) || 'tests';
      const tier = tiers.get(name) || { files: 0, tests: 0, ms: 0 };
      tier.files += 1;
      tier.tests += file.numPassingTests + file.numFailingTests;
      tier.ms += Math.max(0, (file.perfStats.end || 0) - (file.perfStats.start || 0));
      tiers.set(name, tier);
    }
    for (const [name, t] of tiers) {
      process.stdout.write(`\n${name}: ${t.files} files, ${t.tests} tests, ${Math.round(t.ms / 1000)} s of file time`);
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
module.exports = SummaryReporter;

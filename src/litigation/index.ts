/**
 * The litigation wing's public surface: the case and its parties, pleadings, hearings, judgments
 * and objections, the notices of a case, and the cohorts behind the public statistics.
 */
export { CaseStatistics, type CohortRow } from './case-statistics';
export { LawsuitCategory } from './lawsuits/lawsuit.enums';
export { LitigationModule } from './litigation.module';
export { JudgmentsFinalizer } from './judgments/judgments.worker';
export { LitigationSweeps } from './litigation-sweeps.worker';

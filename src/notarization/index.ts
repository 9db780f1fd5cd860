/**
 * The notarization wing's public surface: powers of attorney (and the agency check other wings
 * use to let someone act for another person), notarized contracts, and the port through which
 * contracts learn of a court's judgment.
 */
export { ContractsModule } from './contracts/contracts.module';
export { CourtJudgments, type CourtJudgmentSource, type JudgmentFacts } from './contracts/court-judgments.port';
export { NotarizationModule } from './notarization.module';
export { AgencyService } from './powers-of-attorney/agency.service';
export { PowersOfAttorneySweeper } from './powers-of-attorney/poa.worker';

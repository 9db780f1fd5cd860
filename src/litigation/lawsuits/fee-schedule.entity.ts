import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { moneyTransformer } from '../../core/database/money';

export interface FeeTier {
  /** Upper bound of the tier in SAR; null for the last, open tier. */
  upTo: number | null;
  rate: number;
}

/**
 * A published version of the court-fee schedule, kept in the database for SQL. Fees are computed
 * from fee-rules.ts, which these rows equal (see there why, and how a new version is published).
 */
@Entity('fee_schedules')
export class FeeSchedule extends BaseEntity {
  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'jsonb' })
  tiers!: FeeTier[];

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  cap!: number;

  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: moneyTransformer })
  settlementReduction!: number;

  @Column({ type: 'text', array: true })
  exemptCategories!: string[];
}

/**
 * Court fees: a share of the claimed amount in tiers (marginal, like income tax), capped, halved
 * (by the schedule's reduction) when settled after the first hearing, and waived for exempt
 * categories. Computed in halalas.
 */
import { fromHalalas, toHalalas } from '../../core/validation/money';
import type { FeeTier } from './fee-schedule.entity';

export interface FeeRules {
  tiers: FeeTier[];
  cap: number;
  settlementReduction: number;
  exemptCategories: string[];
}

export interface FeeQuote {
  amount: number;
  exempt: boolean;
}

export function courtFee(rules: FeeRules, category: string, claimed: number, settledAfterFirstHearing = false): FeeQuote {
  if (rules.exemptCategories.includes(category)) return { amount: 0, exempt: true };
  const claimedH = toHalalas(claimed);
  let feeH = 0;
  let lower = 0;
  for (const tier of rules.tiers) {
    const upper = tier.upTo === null ? Infinity : toHalalas(tier.upTo);
    if (claimedH <= lower) break;
    feeH += (Math.min(claimedH, upper) - lower) * tier.rate;
    lower = upper;
  }
  feeH = Math.min(Math.round(feeH), toHalalas(rules.cap));
  if (settledAfterFirstHearing) feeH = Math.round(feeH * (1 - rules.settlementReduction));
  return { amount: fromHalalas(feeH), exempt: false };
}

/**
 * The public shape of the lawsuit rules a ministry sets: the court-fee schedule (fee-rules.ts) and
 * the window to resume a struck-off case (struck-off-rules.ts). The rule tables are typed by these
 * classes, so the API answers the tables' own rows.
 */
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { LegalBasis } from '../../core/rules/legal-basis';

@ObjectType('FeeTier', { description: 'A slice of the claimed amount and the share of it taken as the fee (marginal, like income tax).' })
export class FeeTierRule {
  @Field(() => Float, { description: 'Lower bound of the slice, SAR (the previous tier’s upper bound; 0 for the first).' })
  from!: number;

  @Field(() => Float, { nullable: true, description: 'Upper bound of the slice, SAR; null for the last, open tier.' })
  upTo!: number | null;

  @Field(() => Float, { description: 'Share of the slice taken as the fee, e.g. 0.05 for 5 %.' })
  rate!: number;
}

@ObjectType('FeeCap', { description: 'The most a case’s fee can be.' })
export class FeeCapRule {
  @Field(() => Float, { description: 'SAR.' })
  amount!: number;

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('FeeSettlementReduction', { description: 'The share of the fee waived when a case settles after its first hearing.' })
export class FeeSettlementReductionRule {
  @Field(() => Float, { description: 'e.g. 0.5: half the fee is waived.' })
  share!: number;

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('FeeExemption', { description: 'A category whose cases carry no fee.' })
export class FeeExemptionRule {
  @Field({ description: 'A lawsuit category (LawsuitCategory), or EXECUTION for execution requests.' })
  category!: string;

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('FeePayment', {
  description: 'When the filing fee falls due, how long its bill stays open, and what follows an unpaid bill (docs/payments.md).',
})
export class FeePaymentRule {
  @Field({ description: 'SUBMISSION: the fee is billed when the filing is submitted, and the filing goes to review only once paid.' })
  dueAt!: 'SUBMISSION';

  @Field(() => Int, { description: 'Days the bill stays open.' })
  payWithinDays!: number;

  @Field({ description: 'What follows when the bill expires unpaid: FILING_RETURNS_TO_DRAFT.' })
  onExpiry!: 'FILING_RETURNS_TO_DRAFT';

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('FeeCosts', {
  description: 'Who finally bears the court fee: the party a final judgment goes against, billed for it (docs/payments.md).',
})
export class FeeCostsRule {
  @Field({
    description:
      'LOSING_DEFENDANTS_REIMBURSE: when the final judgment is for the claimant, its defendants (persons) are billed the fee in equal shares, and what they pay goes back to the claimant who paid it.',
  })
  bornBy!: 'LOSING_DEFENDANTS_REIMBURSE';

  @Field({ description: 'FINAL_JUDGMENT: billed when the judgment becomes final (an objection may still reverse it before).' })
  billedAt!: 'FINAL_JUDGMENT';

  @Field(() => Int, { description: 'Days the bill stays open.' })
  payWithinDays!: number;

  @Field({ description: 'What follows when the bill expires unpaid: ENFORCED_WITH_THE_JUDGMENT (the costs stay owed under it).' })
  onExpiry!: 'ENFORCED_WITH_THE_JUDGMENT';

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('FeeSchedule', { description: 'The court-fee schedule in force from a date, with the law each of its rules follows.' })
export class FeeScheduleRule {
  @Field({ description: 'First day it applies to (YYYY-MM-DD): a lawsuit pays the schedule in force on the day it is filed.' })
  effectiveFrom!: string;

  @Field(() => [FeeTierRule], { description: 'Ordered and contiguous, from 0 to an open last tier.' })
  tiers!: readonly FeeTierRule[];

  @Field(() => LegalBasis)
  tiersBasis!: LegalBasis;

  @Field(() => FeeCapRule)
  cap!: FeeCapRule;

  @Field(() => FeeSettlementReductionRule)
  settlementReduction!: FeeSettlementReductionRule;

  @Field(() => [FeeExemptionRule])
  exemptions!: readonly FeeExemptionRule[];

  @Field(() => FeePaymentRule)
  payment!: FeePaymentRule;

  @Field(() => FeeCostsRule)
  costs!: FeeCostsRule;
}

@ObjectType('StruckOffResumption', { description: 'How long after striking off (شطب) the claimant may ask, once, to resume the case.' })
export class StruckOffResumptionRule {
  @Field(() => Int)
  days!: number;

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

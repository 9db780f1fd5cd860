/** The notary-fee schedule as the API publishes it (notary-fee-rules.ts holds the data). */
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { LegalBasis } from '../../core/rules/legal-basis';
import { ContractType } from '../contracts/contract.enums';
import { PoaIssuance } from '../powers-of-attorney/poa.enums';

@ObjectType('ContractNotaryFee', { description: 'The fee of notarizing a contract of a type.' })
export class ContractNotaryFeeRule {
  @Field(() => ContractType)
  type!: ContractType;

  @Field(() => Float, { description: 'In SAR.' })
  amount!: number;
}

@ObjectType('NotaryFeePayment', {
  description: 'When the notary fee falls due, how long its bill stays open, and what follows an unpaid bill (docs/payments.md).',
})
export class NotaryFeePaymentRule {
  @Field({
    description: 'SUBMISSION_FOR_SIGNATURE: billed when the contract is put to signature; the notary notarizes it only once paid.',
  })
  dueAt!: 'SUBMISSION_FOR_SIGNATURE';

  @Field(() => Int, { description: 'Days the bill stays open.' })
  payWithinDays!: number;

  @Field({ description: 'What follows when the bill expires unpaid: CONTRACT_RETURNS_TO_DRAFT (its signatures no longer count).' })
  onExpiry!: 'CONTRACT_RETURNS_TO_DRAFT';

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('PowerOfAttorneyNotaryFee', { description: 'The fee of issuing a power of attorney, by how it is issued.' })
export class PoaNotaryFeeRule {
  @Field(() => PoaIssuance, { description: 'NOTARY (at a notary office) or SELF (electronically by its principal).' })
  issuance!: PoaIssuance;

  @Field(() => Float, { description: 'In SAR.' })
  amount!: number;
}

@ObjectType('PowerOfAttorneyFeePayment', {
  description: 'When the fee of a power of attorney falls due, how long its bill stays open, and what follows an unpaid bill.',
})
export class PoaFeePaymentRule {
  @Field({ description: 'ISSUANCE: billed when it is issued; it is a draft, in force only once paid (and confirmed by every principal).' })
  dueAt!: 'ISSUANCE';

  @Field(() => Int, { description: "Hours the bill stays open: the draft's confirmation window (powerOfAttorneyLimits.confirmation)." })
  payWithinHours!: number;

  @Field({ description: 'What follows when the bill expires unpaid: DRAFT_LAPSES.' })
  onExpiry!: 'DRAFT_LAPSES';

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('NotaryFeeSchedule', { description: 'The notary-fee schedule in force from a date, with the law each of its rules follows.' })
export class NotaryFeeScheduleRule {
  @Field({ description: 'First day it applies to (YYYY-MM-DD): a contract pays the schedule in force on the day it is put to signature.' })
  effectiveFrom!: string;

  @Field(() => [ContractNotaryFeeRule], { description: 'One fee per contract type.' })
  contracts!: readonly ContractNotaryFeeRule[];

  @Field(() => LegalBasis)
  contractsBasis!: LegalBasis;

  @Field(() => NotaryFeePaymentRule)
  payment!: NotaryFeePaymentRule;

  @Field(() => [PoaNotaryFeeRule], {
    description: 'One fee per way of issuing (a delegation rests on its paid original and is not billed).',
  })
  powersOfAttorney!: readonly PoaNotaryFeeRule[];

  @Field(() => LegalBasis)
  powersOfAttorneyBasis!: LegalBasis;

  @Field(() => PoaFeePaymentRule)
  powerOfAttorneyPayment!: PoaFeePaymentRule;
}

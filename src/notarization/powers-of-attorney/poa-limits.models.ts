/**
 * The public shape of the limits of a power of attorney (poa-limits.ts). The rule table is typed
 * by these classes, so the API answers the table's own rows.
 */
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { LegalBasis } from '../../core/rules/legal-basis';

@ObjectType('PowerOfAttorneyValidityCap', { description: 'The longest validity, from validFrom to validTo.' })
export class PoaValidityCap {
  @Field(() => Int)
  maxYears!: number;

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('PowerOfAttorneyStartLimit', { description: 'How far ahead of its issue a power of attorney may start.' })
export class PoaStartLimit {
  @Field(() => Int)
  maxDaysAhead!: number;

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('PowerOfAttorneyConfirmationWindow', {
  description: 'How long the other principals of a self-issued power of attorney have to confirm it before the draft lapses.',
})
export class PoaConfirmationWindow {
  @Field(() => Int)
  hours!: number;

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('PowerOfAttorneyPartyLimit', { description: 'How many principals, or agents, one power of attorney names.' })
export class PoaPartyLimit {
  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('PowerOfAttorneyLimits', { description: 'The limits every power of attorney is issued within, each with its legal basis.' })
export class PoaLimits {
  @Field(() => PoaValidityCap, { description: 'Self-issued electronically by a principal.' })
  selfIssuedValidity!: PoaValidityCap;

  @Field(() => PoaValidityCap, { description: 'Issued by a notary.' })
  notarizedValidity!: PoaValidityCap;

  @Field(() => PoaStartLimit)
  start!: PoaStartLimit;

  @Field(() => PoaConfirmationWindow)
  confirmation!: PoaConfirmationWindow;

  @Field(() => PoaPartyLimit)
  principals!: PoaPartyLimit;

  @Field(() => PoaPartyLimit)
  agents!: PoaPartyLimit;
}

import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { AgentState, PoaIssuance, PoaState } from './poa.enums';
import { PoaAgent, PoaPower, PoaPrincipal, PowerOfAttorney } from './power-of-attorney.entity';
import { PowerCode, PowerDomain } from './powers';

@ObjectType({ description: 'A power of attorney just issued, with its verification code (shown to the issuer now).' })
export class IssuedPowerOfAttorney {
  @Field(() => PowerOfAttorney)
  powerOfAttorney!: PowerOfAttorney;

  @Field({ description: 'Give it with the number to whoever must verify the power of attorney.' })
  verificationCode!: string;
}

@ObjectType({ description: 'A person as verification shows them: masked name and national ID.' })
export class MaskedPerson {
  @Field()
  nameAr!: string;

  @Field()
  nameEn!: string;

  @Field()
  nationalId!: string;
}

@ObjectType()
export class MaskedAgent extends MaskedPerson {
  @Field(() => AgentState)
  state!: AgentState;
}

@ObjectType()
export class VerifiedPower {
  @Field(() => PowerCode)
  code!: PowerCode;

  @Field(() => PowerDomain)
  domain!: PowerDomain;

  @Field()
  nameAr!: string;

  @Field()
  nameEn!: string;

  @Field()
  inForce!: boolean;
}

@ObjectType({ description: 'What anyone holding the number and the verification code may see.' })
export class PowerOfAttorneyVerification {
  @Field()
  number!: string;

  @Field(() => PoaState)
  state!: PoaState;

  @Field(() => PoaIssuance)
  issuance!: PoaIssuance;

  @Field(() => GraphQLISODateTime)
  validFrom!: Date;

  @Field(() => GraphQLISODateTime)
  validTo!: Date;

  @Field()
  canDelegate!: boolean;

  @Field(() => [MaskedPerson])
  principals!: MaskedPerson[];

  @Field(() => [MaskedAgent])
  agents!: MaskedAgent[];

  @Field(() => [VerifiedPower])
  powers!: VerifiedPower[];
}

/** Everything a document template needs about one power of attorney (PowerOfAttorneyReads.describe). */
export interface PowerOfAttorneyDescription {
  powerOfAttorney: PowerOfAttorney;
  number: string;
  state: PoaState;
  verificationCode: string;
  validFrom: Date;
  validTo: Date;
  canDelegate: boolean;
  notaryOffice: { id: string; code: string; nameAr: string; nameEn: string } | null;
  principals: PoaPrincipal[];
  agents: PoaAgent[];
  powers: PoaPower[];
}

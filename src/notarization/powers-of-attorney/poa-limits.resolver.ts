import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../access/policy.decorator';
import { POWER_OF_ATTORNEY_LIMITS } from './poa-limits';
import { PoaLimits } from './poa-limits.models';

/** The limits of a power of attorney as the code applies them, for anyone. */
@Resolver()
export class PoaLimitsResolver {
  @Public()
  @Query(() => PoaLimits, { description: 'The limits every power of attorney is issued within, each with its legal basis.' })
  powerOfAttorneyLimits(): PoaLimits {
    return POWER_OF_ATTORNEY_LIMITS;
  }
}

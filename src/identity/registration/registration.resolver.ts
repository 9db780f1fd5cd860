import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx } from '../../access/context/ctx.decorator';
import { AuthService } from '../auth.service';
import { AuthPayload } from '../identity.models';
import { UserAgent } from '../sessions/user-agent.decorator';
import { RegisterCitizenInput, StartCitizenRegistrationInput } from './registration.inputs';
import { RegistrationChallenge } from './registration.models';
import { RegistrationsService } from './registrations.service';

/** Password self-registration, verified by the civil registry and the registered phone (docs/identity.md). */
@Resolver()
export class RegistrationResolver {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Mutation(() => RegistrationChallenge, {
    description:
      'Step 1 of self-registration (only where ALLOW_SELF_REGISTRATION=true; else FORBIDDEN): the civil registry must match the national ID and birth date; a six-digit code goes to the phone it holds, valid ten minutes.',
  })
  startCitizenRegistration(
    @Ctx() ctx: RequestContext,
    @Args('input') input: StartCitizenRegistrationInput,
  ): Promise<RegistrationChallenge> {
    return this.registrations.start(ctx, input);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Step 2: the code from the registered phone opens a citizen account with the registry’s names and signs the person in.',
  })
  async registerCitizen(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RegisterCitizenInput,
    @UserAgent() userAgent: string | null,
  ): Promise<AuthPayload> {
    return this.auth.issueSession(ctx, await this.registrations.complete(ctx, input), 'password', 'password', userAgent);
  }
}

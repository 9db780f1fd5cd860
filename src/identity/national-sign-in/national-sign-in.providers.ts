/** The national sign-in part of the identity wing (docs/identity.md), for IdentityModule. */
import type { Provider } from '@nestjs/common';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';
import { NationalAccounts } from './national-accounts';
import { NationalIdpClient } from './national-idp.client';
import { NationalSignInController } from './national-sign-in.controller';
import { NationalSignInResolver } from './national-sign-in.resolver';
import { NATIONAL_IDP_CLIENT, NationalSignInService } from './national-sign-in.service';
import { SignInFlows } from './sign-in-flows';

export const NATIONAL_SIGN_IN_PROVIDERS: Provider[] = [
  {
    provide: NATIONAL_IDP_CLIENT,
    inject: [ADL_CONFIG],
    useFactory: (config: AdlConfig) =>
      config.nationalIdp ? new NationalIdpClient(config.nationalIdp, `${config.publicBaseUrl}/auth/national/callback`) : null,
  },
  SignInFlows,
  NationalAccounts,
  NationalSignInService,
  NationalSignInResolver,
];

export const NATIONAL_SIGN_IN_CONTROLLERS = [NationalSignInController];

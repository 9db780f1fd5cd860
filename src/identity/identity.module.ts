import { Global, Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations';
import { ActorLoader } from './actor-loader';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { RequestAuthenticator } from './request-authenticator';
import { TokenService } from './tokens';
import { UsersDirectory } from './users-directory';
import { UsersResolver } from './users.resolver';
import { CircuitJudgesResolver } from './circuit-judges.resolver';
import { UsersService } from './users.service';
import { UserLookups } from './user-lookups.service';
import { NATIONAL_SIGN_IN_CONTROLLERS, NATIONAL_SIGN_IN_PROVIDERS } from './national-sign-in/national-sign-in.providers';
import { SessionsResolver } from './sessions/sessions.resolver';
import { RecoveryResolver } from './recovery/recovery.resolver';
import { RecoveryService } from './recovery/recovery.service';
import { AccountCodes } from './recovery/account-codes';
import { PasswordResetService } from './recovery/password-reset.service';
import { InvitationsService } from './recovery/invitations.service';
import { SessionsService } from './sessions/sessions.service';
import { CivilRegistry } from './registration/civil-registry';
import { SignedLinks } from './signed-links';
import { RegistrationResolver } from './registration/registration.resolver';
import { RegistrationsService } from './registration/registrations.service';
// What the rules look at in this wing's records (checks and list filters).
import './identity.subjects';

/** People and how they sign in: users, memberships, passwords, TOTP, national sign-in, tokens. */
@Global()
@Module({
  imports: [OrganizationsModule],
  controllers: NATIONAL_SIGN_IN_CONTROLLERS,
  providers: [
    TokenService,
    ActorLoader,
    RequestAuthenticator,
    SignedLinks,
    AuthService,
    SessionsService,
    UsersService,
    UsersDirectory,
    UserLookups,
    AuthResolver,
    SessionsResolver,
    RecoveryService,
    AccountCodes,
    PasswordResetService,
    InvitationsService,
    RecoveryResolver,
    CivilRegistry,
    RegistrationsService,
    RegistrationResolver,
    UsersResolver,
    CircuitJudgesResolver,
    ...NATIONAL_SIGN_IN_PROVIDERS,
  ],
  exports: [
    SignedLinks,
    TokenService,
    ActorLoader,
    RequestAuthenticator,
    AuthService,
    SessionsService,
    AccountCodes,
    UsersService,
    UsersDirectory,
    UserLookups,
  ],
})
export class IdentityModule {}
